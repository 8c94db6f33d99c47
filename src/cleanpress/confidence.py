"""Whether input reads as language at all, and how much the kept blocks look like an article.

Bytes that are not a page (random data, a binary format the magic numbers
missed, minified script, a CSV export, a server log) decode to characters all
the same, and the text path would hand them back as an "article". What tells
them from writing in any language is the shape of their words: people write
tokens of letters of one script, in one of three casings (``word``, ``Word``,
``WORD``), a few to a dozen characters long, between spaces, or long runs of a
script written without spaces (Chinese, Japanese, Thai). Noise gives long
tokens that mix scripts, cases, digits and symbols; code glues names to
brackets and operators; tables and logs are mostly numbers and separators.
Digits count as no evidence either way: prose has few, data is made of them.
"""

from __future__ import annotations

from itertools import islice

import regex
from lxml import etree
from lxml.html import HtmlElement

from .article import Block, Metadata
from .rules.sequence import LINK_DENSE_RULE, link_heavy
from .candidates import Candidate

#: How much of the input the language test reads: enough to decide, bounded cost.
LANGUAGE_SAMPLE = 16 * 1024
#: Below this share of word-shaped characters, plain text is not writing (prose scores 0.85-1.0;
#: a log 0.16, random letters between spaces 0.27, minified script 0.01, a CSV of numbers 0).
MIN_WORD_SHARE_TEXT = 0.35
#: The same for the visible text of an HTML page, where menus, labels and figures lower real pages.
MIN_WORD_SHARE_HTML = 0.15
#: Past this share of control, unassigned, private-use and symbol characters, text is not writing.
MAX_NOISE_SHARE = 0.1
#: A parsed page with fewer elements than one per this many characters of text is judged by its words:
#: real pages carry markup every few hundred characters; noise that happened to hold a tag does not.
CHARS_PER_ELEMENT = 200
#: A page with less visible text than this gets no verdict: it may show its text by script alone.
MIN_JUDGED_CHARS = 200
#: The longest token still taken for one word ("Rechtsschutzversicherung" is 24).
_LONGEST_WORD = 25

_NOISE = regex.compile(r"[\p{Cc}\p{Co}\p{Cn}\p{Cs}\p{So}\ufffd--[\t\n]]", regex.V1)
#: One word between spaces: punctuation around letters of one casing, or letters of a script without case.
_WORD = regex.compile(r"\p{P}*(?:\p{Ll}[\p{Ll}\p{M}\p{Cf}]*|\p{Lu}[\p{Ll}\p{M}\p{Cf}]*|[\p{Lu}\p{M}\p{Cf}]+|"
                      r"[\p{Lo}\p{M}\p{Cf}]+)\p{P}*", regex.V1)
_X_VISIBLE_TEXT = etree.XPath(".//text()[not(parent::script or parent::style or parent::noscript)]")
_UNCASED = regex.compile(r"[\p{Lo}\p{M}]")
_CASED = regex.compile(r"[\p{Lu}\p{Ll}\p{Lt}]")


def word_share(text: str) -> float:
    """The share of non-space characters (in the first ``LANGUAGE_SAMPLE``) that are in word-shaped tokens."""
    tokens = text[:LANGUAGE_SAMPLE].split()
    total = sum(map(len, tokens))
    return sum(map(_word_chars, tokens)) / total if total else 0.0


def _word_chars(token: str) -> int:
    """``len(token)`` when it is a word, or a run of a script written without spaces; else 0."""
    if len(token) <= _LONGEST_WORD and _WORD.fullmatch(token):
        return len(token)
    # Chinese or Japanese between two spaces: mostly uncased letters, Latin names and digits allowed.
    if len(_UNCASED.findall(token)) >= 0.5 * len(token) and len(_CASED.findall(token)) <= 0.25 * len(token):
        return len(token)
    return 0


def noise_share(text: str) -> float:
    """The share of non-space characters (in the first ``LANGUAGE_SAMPLE``) that no writing uses."""
    sample = text[:LANGUAGE_SAMPLE]
    total = len(sample) - sum(sample.count(space) for space in " \n\t")
    return len(_NOISE.findall(sample)) / total if total > 0 else 0.0


def reads_as_language(text: str, *, html: bool) -> bool:
    """False for text that is plainly not writing: noise, code, data tables, logs.

    ``text`` is plain-text input as decoded, or with ``html`` the visible text
    of a parsed page, where the bar is lower: menus and labels are words too,
    but a page of figures (a league table, a price grid) is still a page,
    and one with almost no visible text gets no verdict.
    """
    if html and len(text) - text[:LANGUAGE_SAMPLE].count(" ") < MIN_JUDGED_CHARS:
        return True
    if noise_share(text) > MAX_NOISE_SHARE:
        return False
    return word_share(text) >= (MIN_WORD_SHARE_HTML if html else MIN_WORD_SHARE_TEXT)


def html_reads_as_language(body: HtmlElement, text: str) -> bool:
    """False for a parsed "page" that is noise with a tag or two in it (see ``CHARS_PER_ELEMENT``).

    A page with the markup of a page is never judged by its words (its text
    may be a price grid or a league table): counting its elements stops as
    soon as there are enough, so a real page costs a few dozen steps.
    ``text`` is all the text under ``body`` (``page_type.page_text``).
    """
    enough = len(text) // CHARS_PER_ELEMENT + 3  # <html>, <head> and <body> come with any parse
    if sum(1 for _ in islice(body.iter(), enough)) >= enough:
        return True
    return reads_as_language(" ".join(_X_VISIBLE_TEXT(body)), html=True)


def article_score(kept: list[Block], candidates: list[Candidate], metadata: Metadata) -> float:
    """How much the kept blocks look like an article's body, 0 to 1: prose, long paragraphs, a date or
    byline, few teaser lists. The confidence of text input; one signal among others for a parsed page."""
    prose = [block for block in kept if block.kind in ("paragraph", "quote", "list") and len(block.text) >= 40]
    if not kept:
        return 0.0
    chars = sum(len(block.text) for block in prose)
    long_paragraphs = sum(1 for block in prose if len(block.text) >= 120)
    score = 0.1 + 0.5 * min(chars / 1500, 1.0) + 0.25 * min(long_paragraphs / 4, 1.0)
    if metadata.published or metadata.byline:
        score += 0.15
    # blocks shaped like teasers, removed or kept as a listing's cards, say the page is no article
    teasers = sum(1 for c in candidates if c.removal is None and c.in_container and link_heavy(c)
                  or c.removal is not None and c.removal.rule == LINK_DENSE_RULE.id)
    if teasers > max(len(prose), 1):
        score *= 0.5
    return round(min(score, 1.0), 3)
