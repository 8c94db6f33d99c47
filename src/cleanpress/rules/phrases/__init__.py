"""Phrase tables, one module per language: data only, no logic.

Each module maps a textual rule id (see ``cleanpress.rules.textual``) to a
tuple of ``regex`` fragments. Fragments are matched case-insensitively on
whitespace-collapsed block text; a rule's mode (whole block or contains)
decides how they are anchored. Adding a language is adding a module here and
naming it in ``LANGUAGES``.
"""

from . import de, en, es, fr, it, ko, pl, pt, ru, zh

LANGUAGES = {"en": en.PHRASES, "de": de.PHRASES, "fr": fr.PHRASES, "es": es.PHRASES,
             "ru": ru.PHRASES, "pl": pl.PHRASES, "it": it.PHRASES, "pt": pt.PHRASES,
             "zh": zh.PHRASES, "ko": ko.PHRASES}
