"""Plain-text input: flattened page text split into candidate blocks.

Text copied out of a browser holds one paragraph per line, with UI labels
("Once", "Monthly", "Continue") on lines of their own. Lines become
candidates; hard-wrapped prose (a long line that breaks mid-sentence before a
lower-case continuation) is joined back. The first heading-like line before
the prose is the title; what stands before it is site chrome.
"""

from __future__ import annotations

import regex

from .article import Removal
from .candidates import Candidate
from .metadata import normalize_date
from .rules import register
from .textutil import collapse

TITLE_RULE = register("line.title", "metadata", "plain text: the headline, reported as Article.title")
BEFORE_TITLE_RULE = register("line.before-title", "navigation",
                             "plain text: lines before the headline (site name, menus, banners)")

_SENTENCE_END = regex.compile(r"[.!?…:;,\"”»)]$")
_LOWER_START = regex.compile(r"^\p{Ll}")
_BULLET = regex.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_WRAP_MIN = 60
_HEADING_MAX_WORDS = 14
_DATELINE_REACH = 4
_AUTHOR_SEPARATOR = regex.compile(r"(?<!\s)\s*(?:,|&|\b(?:and|und|et|y|e|и|i)\b)\s*")
_BYLINE_PREFIX = regex.compile(r"^(?:by|written by|von|par|por|di|автор:?|autor:?)\s+", regex.IGNORECASE)


def candidates_from_text(text: str) -> list[Candidate]:
    """Split page text into candidates, one per paragraph, list or label line."""
    out: list[Candidate] = []
    pending: list[str] = []
    bullets: list[str] = []

    def close_bullets() -> None:
        if bullets:
            out.append(Candidate("\n".join(bullets), "list", float(len(out))))
            bullets.clear()

    def close_line() -> None:
        if pending:
            line = collapse(" ".join(pending))
            pending.clear()
            out.append(Candidate(line, _kind(line), float(len(out))))

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            close_line()
            close_bullets()
            continue
        if _BULLET.match(line):
            close_line()
            bullets.append(collapse(_BULLET.sub("", line)))
            continue
        close_bullets()
        if pending and _continues(pending[-1], line):
            pending.append(line)
            continue
        close_line()
        pending.append(line)
    close_line()
    close_bullets()
    return out


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` is the hard-wrapped continuation of ``previous``."""
    return len(previous) >= _WRAP_MIN and not _SENTENCE_END.search(previous) and bool(_LOWER_START.match(line))


def _kind(line: str) -> str:
    words = len(line.split())
    if 1 < words <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line):
        return "heading"
    return "paragraph"


def dateline(candidates: list[Candidate], title: str) -> tuple[str, str]:
    """Byline and date read off the metadata lines right under the headline."""
    byline = published = ""
    start = next((i for i, c in enumerate(candidates) if c.extra.get("title")), None)
    if start is None:
        return byline, published
    for candidate in candidates[start + 1:start + 1 + _DATELINE_REACH]:
        removal = candidate.removal
        if removal is None:
            break
        if removal.rule == "text.byline" and not byline:
            byline = _BYLINE_PREFIX.sub("", candidate.text).strip()
        elif removal.rule == "text.date-only" and not published:
            published = normalize_date(candidate.text)
    return byline, published


def split_authors(byline: str) -> tuple[str, ...]:
    """'Ann Lee and Bo Chan' -> ('Ann Lee', 'Bo Chan')."""
    return tuple(name for name in _AUTHOR_SEPARATOR.split(byline) if name)


def mark_title(candidates: list[Candidate]) -> str:
    """Pick the headline, mark what stands before it as chrome; return the headline.

    The headline is the first heading-like line, not already removed, that
    comes before the first long paragraph.
    """
    for index, candidate in enumerate(candidates):
        if candidate.removal is not None:
            continue
        if candidate.kind == "paragraph" and len(candidate.text) >= 120:
            return ""
        if candidate.kind == "heading":
            candidate.extra["title"] = True
            candidate.removal = Removal(TITLE_RULE.kind, TITLE_RULE.id, candidate.text)
            for earlier in candidates[:index]:
                earlier.in_container = False
            return candidate.text
    return ""
