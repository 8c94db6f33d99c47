"""The page's language: declared, or given away by a script that one language writes."""

from __future__ import annotations

import re

from .collect import Found

_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$", re.I)
_LANG_KEYS = ("content-language", "language", "dc:language", "dcterms:language", "og:locale")

#: Code point ranges of scripts that (nearly) one language writes: (first, last, language).
_SCRIPTS = (
    (0x3040, 0x30FF, "ja"), (0x31F0, 0x31FF, "ja"), (0xAC00, 0xD7AF, "ko"), (0x1100, 0x11FF, "ko"),
    (0x4E00, 0x9FFF, "zh"), (0x3400, 0x4DBF, "zh"), (0x0E00, 0x0E7F, "th"), (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"), (0x0530, 0x058F, "hy"), (0x10A0, 0x10FF, "ka"), (0x0980, 0x09FF, "bn"),
    (0x0A80, 0x0AFF, "gu"), (0x0B80, 0x0BFF, "ta"), (0x0C00, 0x0C7F, "te"), (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"), (0x1780, 0x17FF, "km"), (0x0E80, 0x0EFF, "lo"), (0x1000, 0x109F, "my"),
)

#: Letters below this one belong to no script of ``_SCRIPTS`` (Latin and the like).
_FIRST_SCRIPT = chr(min(low for low, _, _ in _SCRIPTS))


def read_lang(found: Found, sample: str) -> str:
    """The declared language; undeclared, the one a script used by a single language gives away."""
    for raw in (found.html_lang, *(found.first((k,)) for k in _LANG_KEYS)):
        lang = normalize_lang(raw)
        if lang:
            return lang
    return _lang_from_script(sample)


def _lang_from_script(text: str) -> str:
    """"ja" for kana, "ko" for hangul, "zh" for Han alone, and so on; "" for shared scripts (Latin, Cyrillic)."""
    sample = text[:2000]
    if max(sample, default="") < _FIRST_SCRIPT:
        return ""  # no character of those scripts (or no text): nothing to count
    counts: dict[str, int] = {}
    letters = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        if ch < _FIRST_SCRIPT:
            continue
        code = ord(ch)
        for low, high, lang in _SCRIPTS:
            if low <= code <= high:
                counts[lang] = counts.get(lang, 0) + 1
                break
    if not letters or not counts:
        return ""
    if counts.get("ja", 0) >= 0.05 * letters:  # Japanese mixes kana into Han text
        return "ja"
    lang, count = max(counts.items(), key=lambda item: item[1])
    return lang if count >= 0.5 * letters else ""


def normalize_lang(raw: str | None) -> str:
    """The BCP 47 primary language subtag, lowercase: "en-US" and "en_GB" give "en"."""
    if not raw:
        return ""
    value = raw.strip().split(",")[0].strip()
    match = _LANG.match(value)
    if not match:
        return ""
    primary = match.group(1).lower()
    return "" if primary in ("und", "mul", "zxx", "xx") else primary
