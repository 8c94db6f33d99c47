"""Plain-text input: flattened page text split into candidate blocks.

Text copied out of a browser holds one paragraph per line, with UI labels
("Once", "Monthly", "Continue") on lines of their own. Lines become
candidates; hard-wrapped prose (a long line that breaks mid-sentence before a
lower-case continuation) is joined back. The first heading-like line before
the prose is the title; what stands before it is site chrome.
"""

from __future__ import annotations

import regex

from .article import BlockKind
from .candidates import Candidate
from .metadata import normalize_date
from .metadata.authors import clean_byline
from .metadata.authors import split_authors as split_authors
from .options import Options
from .rules.lines import mark_title
from .rules.textual import label_sequence
from .textutil import collapse

_SENTENCE_END = regex.compile(r"[.!?…:;,\"”»)]$")
_LOWER_START = regex.compile(r"^\p{Ll}")
_BULLET = regex.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_WRAP_MIN = 60
_HEADING_MAX_WORDS = 14
_DATELINE_REACH = 4


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


def _kind(line: str) -> BlockKind:
    words = len(line.split())
    if 1 < words <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line):
        return "heading"
    return "paragraph"


def dateline(candidates: list[Candidate], title: str) -> tuple[str, str]:
    """Byline and date read off the metadata lines right under the headline."""
    byline = published = ""
    start = next((i for i, c in enumerate(candidates) if c.is_title), None)
    if start is None:
        return byline, published
    for candidate in candidates[start + 1:start + 1 + _DATELINE_REACH]:
        removal = candidate.removal
        if removal is None:
            break
        if removal.rule == "text.byline" and not byline:
            byline = clean_byline(candidate.text)
        elif removal.rule == "text.date-only" and not published:
            published = normalize_date(candidate.text)
    return byline, published


def label_lines(candidates: list[Candidate], options: Options) -> str:
    """Run the rules of plain text over its lines, in place; return the headline.

    The textual rules first (a line they remove is no headline), then the
    headline and what stands above it (``rules/lines.py``).
    """
    label_sequence(candidates, options)
    return mark_title(candidates, options)
