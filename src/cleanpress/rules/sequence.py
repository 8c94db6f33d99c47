"""Sequence rules: what a block's place among its neighbours says (applied in assembly).

They read the flat list of candidate blocks that ``flatten`` (or
``text_mode``) made, after the textual rules: link density, runs of short
labels, a blurb under a linked headline, labels around the headline and
code, headings with nothing under them. ``assemble.decide`` calls them, in
the order that their docstrings assume.

Some ids keep the ``struct.`` prefix that they were published with (users
may have disabled them); their family is this module.
"""

from __future__ import annotations

import regex

from .. import thresholds as t
from ..article import Removal
from ..candidates import Candidate
from ..options import Options
from ..textutil import collapse
from .catalogue import Rule, register


def _rule(rule_id: str, kind: str, doc: str) -> Rule:
    return register(rule_id, kind, doc, family="sequence", stage="sequence")


LINK_DENSE_RULE = _rule("struct.link-dense", "related-links",
                        "blocks that are mostly link text: teaser lists, tag lists, 'more stories'")
SHORT_STACK_RULE = _rule("struct.short-stack", "widget",
                         "three or more short label-like blocks in a row: button rows and pickers")
CODE_LABEL_RULE = _rule("assemble.code-label", "widget",
                        "a one- or two-word label right before a code block ('Python', 'Shell')")
TEASER_RULE = _rule("struct.teaser", "related-links",
                    "a short blurb right after a linked headline: a teaser card for another story")
HEADINGS_ONLY_RULE = _rule("assemble.headings-only", "navigation",
                           "headings with no prose under them: section labels of a non-article page")
TRAILING_HEADING_RULE = _rule("assemble.trailing-heading", "related-links",
                              "headings and short labels after the last sentence of the article: titles of removed boxes")
LEADING_LABEL_RULE = _rule("assemble.leading-label", "metadata",
                           "short labels above the first sentence of the article: categories, picture labels")
KICKER_RULE = _rule("assemble.kicker", "metadata", "a one- to three-word section label right above the headline")
TITLE_RULE = _rule("assemble.title-repeat", "metadata", "the headline repeated at the top of the body")

SENTENCE_END = regex.compile(r"[.!?…:;)\]\"”»。！？」]$")
_IDEOGRAPHS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# A blurb under a linked headline is a teaser's when shorter than this: a card's text, not a section of the article.
_TEASER_MAX = 250
_BODY_KINDS = frozenset({"paragraph", "list", "quote", "code", "table"})
# A list is a teaser list when this share of its items are teasers (led by a linked headline, a card).
_TEASER_ITEMS = 0.8
_TITLE_SEPARATORS = ('"', "|", "·", "›", "•")  # '»' folds to '"'
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                             "–": "-", "—": "-"})


def remove(candidate: Candidate, rule: Rule, options: Options) -> None:
    """Remove ``candidate`` by ``rule``, unless the caller switched the rule off."""
    if options.rule_enabled(rule.id):
        candidate.removal = Removal(rule.kind, rule.id, candidate.text)


def fold_title(text: str) -> str:
    """Case, spacing and typographic quotes and dashes folded: meta titles are often typed plainly."""
    return collapse(text).casefold().translate(_TYPOGRAPHY)


def repeats_title(heading: str, title: str) -> bool:
    """The heading is the headline (``title``, folded by :func:`fold_title`), or the headline before a
    site suffix, or after a site prefix (``assemble.title-repeat``).

    Blog themes title a post "Blog » Archive » Headline": the headline ends it,
    after a separator.
    """
    text = fold_title(heading)
    if not title or not text:
        return False
    if text == title:
        return True
    return len(text.split()) >= 3 and (title.startswith(text) or (
        title.endswith(text) and title[:-len(text)].rstrip().endswith(_TITLE_SEPARATORS)))


def link_heavy(candidate: Candidate) -> bool:
    """Mostly link text, or a list of teaser items (``struct.link-dense``)."""
    density = candidate.link_density
    if candidate.kind == "list":
        return density > t.LINKS_LIST or (candidate.linked_items >= _TEASER_ITEMS and candidate.top_items >= t.RUN_MIN)
    if candidate.kind == "heading":
        return density > t.LINKS_ALL and candidate.level > 1
    if candidate.kind == "paragraph":
        return density > t.LINKS_MOSTLY and len(candidate.text) < t.LINK_PARAGRAPH_MAX or density > t.LINKS_ALL
    return False


def _is_label(candidate: Candidate) -> bool:
    if candidate.removal is not None or candidate.kind != "paragraph":
        return False
    text = candidate.text
    if " " in text:
        # the width is never below the length: most paragraphs are ruled out before counting ideographs
        short = len(text) <= t.LABEL_CHARS and _width(text) <= t.LABEL_CHARS and len(text.split()) <= t.LABEL_WORDS
    else:
        short = len(text) <= t.LABEL_UNSPACED  # Chinese or Japanese: a character is a word
    return short and not SENTENCE_END.search(text)


def _width(text: str) -> int:
    """Length in Latin letters: a Chinese or Japanese character says as much as a short word."""
    return len(text) + (t.IDEOGRAPH_WIDTH - 1) * len(_IDEOGRAPHS.findall(text))


def remove_short_stacks(candidates: list[Candidate], options: Options) -> None:
    """Runs of three or more label-like blocks are widgets, not prose (``struct.short-stack``)."""
    run: list[Candidate] = []
    for candidate in [*candidates, None]:
        if candidate is not None and candidate.in_container and _is_label(candidate):
            run.append(candidate)
            continue
        if len(run) >= t.RUN_MIN:
            for label in run:
                remove(label, SHORT_STACK_RULE, options)
        run = []


def remove_kickers(candidates: list[Candidate], options: Options) -> None:
    """A short label right above the headline is its kicker ("Reportage", "Analysis") (``assemble.kicker``)."""
    for label, headline in zip(candidates, candidates[1:]):
        if headline.removal is not None and headline.removal.rule == TITLE_RULE.id and _is_label(label):
            remove(label, KICKER_RULE, options)


def remove_code_labels(candidates: list[Candidate], options: Options) -> None:
    """A one- or two-word label right before a code block names its language (``assemble.code-label``)."""
    kept = [c for c in candidates if c.removal is None]
    for label, following in zip(kept, kept[1:]):
        if following.kind == "code" and _is_label(label) and len(label.text.split()) <= 2:
            remove(label, CODE_LABEL_RULE, options)


def remove_teasers(candidates: list[Candidate], options: Options) -> None:
    """A short blurb that follows a linked headline belongs to that teaser card (``struct.teaser``)."""
    for headline, blurb in zip(candidates, candidates[1:]):
        if (headline.kind == "heading" and headline.removal is not None and headline.removal.rule == LINK_DENSE_RULE.id
                and blurb.removal is None and blurb.kind == "paragraph" and len(blurb.text) < _TEASER_MAX):
            remove(blurb, TEASER_RULE, options)


def keep_links_of_a_link_post(candidates: list[Candidate]) -> None:
    """When link density alone would leave the article without a line of text, a few link blocks are the article.

    A link round-up or a bookmark post is nothing but links, and an empty
    result serves nobody; a page that has any prose of its own keeps the rule,
    and so does a section front, whose many teaser blocks say it holds no article.
    """
    if any(c.removal is None and c.kind in _BODY_KINDS for c in candidates):
        return
    linked = [c for c in candidates
              if c.in_container and c.removal is not None and c.removal.rule == LINK_DENSE_RULE.id]
    if len(linked) <= t.LINK_POST_BLOCKS:
        for candidate in linked:
            candidate.removal = None


def remove_lone_headings(candidates: list[Candidate], options: Options) -> None:
    """When only headings and captions are left, they label a page without an article (``assemble.headings-only``)."""
    kept = [c for c in candidates if c.removal is None]
    if kept and all(c.kind in ("heading", "caption") for c in kept):
        for heading in kept:
            remove(heading, HEADINGS_ONLY_RULE, options)


def remove_trailing_headings(candidates: list[Candidate], options: Options) -> None:
    """Headings and labels after the last sentence head something that was removed, not the article
    (``assemble.trailing-heading``).

    Not on a page that is nothing but headings and labels: they are all the
    page says, and its content (``<p>hello</p>``).
    """
    trailing: list[Candidate] = []
    for candidate in reversed(candidates):
        if candidate.removal is not None or not candidate.in_container:
            continue
        if not _heading_or_label(candidate):
            break
        trailing.append(candidate)
    else:
        if all(_heading_or_label(c) for c in candidates):
            return
    for heading in trailing:
        remove(heading, TRAILING_HEADING_RULE, options)


def remove_leading_labels(candidates: list[Candidate], options: Options) -> None:
    """Short labels above the first sentence of the article are picture labels, categories and tags
    (``assemble.leading-label``); on a page of nothing but headings and labels, as above, they stay."""
    leading: list[Candidate] = []
    for candidate in candidates:
        if candidate.removal is not None or not candidate.in_container:
            continue
        if candidate.kind != "paragraph" or not _is_short_label(candidate.text):
            break
        leading.append(candidate)
    else:
        if all(_heading_or_label(c) for c in candidates):
            return
    for label in leading:
        remove(label, LEADING_LABEL_RULE, options)


def _heading_or_label(candidate: Candidate) -> bool:
    return candidate.kind == "heading" or (candidate.kind == "paragraph" and _is_short_label(candidate.text))


def _is_short_label(text: str) -> bool:
    return _width(text) <= t.EDGE_LABEL_WIDTH and not SENTENCE_END.search(text)
