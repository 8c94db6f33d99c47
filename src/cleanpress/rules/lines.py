"""``line.*``: plain-text input's headline and what stands above it (text mode only).

Text copied out of a browser starts with the site's name, menus and banners;
the headline is the first heading-like line before the first long paragraph,
and everything above it is chrome.
"""

from __future__ import annotations

from ..article import Removal
from ..candidates import Candidate
from ..options import Options
from ..thresholds import LONG_PARAGRAPH
from .catalogue import register

TITLE_RULE = register("line.title", "metadata", "plain text: the headline, reported as Article.title",
                      family="lines", stage="text-mode")
BEFORE_TITLE_RULE = register("line.before-title", "navigation",
                             "plain text: lines before the headline (site name, menus, banners)",
                             family="lines", stage="text-mode")


def mark_title(candidates: list[Candidate], options: Options) -> str:
    """Pick the headline, mark what stands before it as chrome; return the headline.

    The headline is the first heading-like line, not already removed, that
    comes before the first long paragraph. It is returned (as the article's
    title) even when ``line.title`` is switched off, which leaves it in the body.
    """
    for index, candidate in enumerate(candidates):
        if candidate.removal is not None:
            continue
        if candidate.kind == "paragraph" and len(candidate.text) >= LONG_PARAGRAPH:
            return ""
        if candidate.kind == "heading":
            candidate.is_title = True
            if options.rule_enabled(TITLE_RULE.id):
                candidate.removal = Removal(TITLE_RULE.kind, TITLE_RULE.id, candidate.text)
            before_title = options.rule_enabled(BEFORE_TITLE_RULE.id)
            for earlier in candidates[:index]:
                if earlier.removal is None:
                    if not before_title:
                        continue
                    earlier.removal = Removal(BEFORE_TITLE_RULE.kind, BEFORE_TITLE_RULE.id, earlier.text)
                earlier.in_container = False
            return candidate.text
    return ""
