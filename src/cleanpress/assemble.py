"""Assemble stage: decide every candidate block, then build the body.

The textual rules have labelled the sequence before this stage runs (see
``_pipeline``). Order of decisions here, each recorded with its rule id:

1. captions set as paragraphs are spotted, and the standfirst above the
   container is taken in (``_keep_lead``);
2. anything still outside the chosen container (``score.outside-container``);
3. inside it, block by block: the headline repeated as a heading, link-heavy
   blocks (unless the container is a listing of them: ``score.listing``),
   and captions or tables the caller chose to drop;
4. the sequence rules of ``rules/sequence.py``, over the whole list: stacks of
   short labels, kickers, code labels, teaser blurbs, headings with nothing
   under them, labels before the first and after the last sentence.

What survives becomes ``Block``s (``confidence`` reads them afterwards).
"""

from __future__ import annotations

import regex
from lxml.html import HtmlElement

from . import thresholds as t
from .article import Block, Metadata
from .candidates import Candidate
from .options import Options
from .rules import sequence
from .rules.choices import CAPTION_OPTION, TABLE_OPTION
from .rules.container import LISTING_RULE, OUTSIDE_RULE
from .rules.literals import fold, gate_words
from .rules.sequence import LINK_DENSE_RULE, SENTENCE_END, TITLE_RULE, remove
from .rules.structural import names_lead

_NAMED_LEAD_MIN = 40     # a block classed as the standfirst need not end as a sentence
_LEAD_KINDS = frozenset({"paragraph", "heading"})
# A photo credit closing a caption: "(AP Photo/Jane Doe)", "Photo: Jane Doe", "REUTERS/Jane Doe", "(NASA via AP, File)".
_CREDIT = (
    r"(?:\((?:[\p{L}. ]{0,20})?(?:photo|foto|image|picture|photograph|credit|bild)\b[^)]{0,100}\)"
    r"|\b(?:photo|foto|image|picture|photograph|credit|bild)(?: by)?\s*[:©]\s*[^.]{1,79}[^.\s]"
    r"|\b(?:reuters|afp|ap|epa|dpa|getty images|shutterstock)\s*/\s*[\p{L} .'-]{1,59}[\p{L}'-]"
    r"|\([^()]{0,60}\bvia (?:reuters|afp|ap|epa|dpa|getty images)\b[^()]{0,20}\))\.?\s*+$"
)
# Matched right to left from the end of the text (``regex``'s reverse mode): one attempt, where a
# forward search would try every position of the paragraph. A match exists either way or neither:
# a credit ends in neither a space nor a dot, so the possessive run of trailing spaces never takes one it needs.
_CREDIT_AT_END = regex.compile(_CREDIT, regex.IGNORECASE | regex.REVERSE)
_CAPTION_MAX = 400
# Words one of which every credit contains, read off the pattern: most paragraphs hold none and skip its search.
_CREDIT_WORDS = gate_words([_CREDIT])
# Words of a photo caption, which sits above many bodies but is no lead.
_PHOTO_WORDS = regex.compile(r"\b(?:photo|pictured|file photo|getty|reuters|afp|dpa|foto|bild)\b", regex.IGNORECASE)


def decide(candidates: list[Candidate], metadata: Metadata, options: Options) -> None:
    """Set ``removal`` on every candidate that does not belong to the body."""
    _spot_captions(candidates)
    _keep_lead(candidates)
    title = sequence.fold_title(metadata.title)
    seen_body = False
    listing = _is_listing(candidates, metadata, options)
    for candidate in candidates:
        if candidate.removal is not None:
            continue
        if not candidate.in_container:
            remove(candidate, OUTSIDE_RULE, options)
        elif not seen_body and candidate.kind == "heading" and sequence.repeats_title(candidate.text, title):
            remove(candidate, TITLE_RULE, options)  # linked or not: blogs link it to itself
        elif not listing and sequence.link_heavy(candidate):
            remove(candidate, LINK_DENSE_RULE, options)
        elif candidate.kind == "caption" and not options.keep_captions:
            remove(candidate, CAPTION_OPTION, options)
        elif candidate.kind == "table" and not options.keep_tables:
            remove(candidate, TABLE_OPTION, options)
        if candidate.removal is None and candidate.kind == "paragraph" and len(candidate.text) >= t.BODY_PARAGRAPH:
            seen_body = True
    sequence.remove_short_stacks(candidates, options)
    sequence.remove_kickers(candidates, options)
    sequence.remove_code_labels(candidates, options)
    sequence.remove_teasers(candidates, options)
    sequence.keep_links_of_a_link_post(candidates)
    sequence.remove_lone_headings(candidates, options)
    sequence.remove_trailing_headings(candidates, options)
    sequence.remove_leading_labels(candidates, options)


def _is_listing(candidates: list[Candidate], metadata: Metadata, options: Options) -> bool:
    """The container is a listing (``score.listing``): its link-heavy blocks, the cards, are more than a
    link post has and hold ``LISTING_CARD_SHARE`` of its text. A section front, a shop's category, a
    documentation index: the cards are what the page lists, so ``struct.link-dense`` leaves them. A dated
    page is an article: cards in its container are a rail of teasers, however long.
    """
    if metadata.published or not options.rule_enabled(LISTING_RULE.id):
        return False
    inside = [c for c in candidates if c.removal is None and c.in_container]
    cards = [c for c in inside if sequence.link_heavy(c)]
    return (len(cards) > t.LINK_POST_BLOCKS
            and sum(len(c.text) for c in cards) >= t.LISTING_CARD_SHARE * sum(len(c.text) for c in inside))


def _spot_captions(candidates: list[Candidate]) -> None:
    """A short paragraph that ends in a photo credit is a caption set as a paragraph."""
    for candidate in candidates:
        if (candidate.removal is None and candidate.kind == "paragraph" and len(candidate.text) < _CAPTION_MAX
                and _ends_with_credit(candidate.text)):
            candidate.kind = "caption"


def _ends_with_credit(text: str) -> bool:
    if _CREDIT_WORDS is not None:
        folded = fold(text)
        if not any(word in folded for word in _CREDIT_WORDS):
            return False
    return _CREDIT_AT_END.match(text) is not None


def _keep_lead(candidates: list[Candidate]) -> None:
    """Bring the standfirst into the article: prose just above the container.

    Sites often set the lead paragraph in the headline block, outside the
    element that holds the body. Up to ``thresholds.LEAD_REACH`` blocks above the first
    block of the container, a full sentence of prose with few links that no
    rule removed is taken in. Headings and blocks a rule removed do not count
    towards the reach: a review's score box (Pros, Cons, Verdict) is labels.
    Many templates set the standfirst as a subheading (an h2 of two full
    sentences): a heading that long which ends as a sentence is taken too.
    """
    first = next((i for i, c in enumerate(candidates) if c.in_container), None)
    if not first:
        return
    reach = t.LEAD_REACH
    for candidate in reversed(candidates[:first]):
        if candidate.kind == "heading" and candidate.level == 1:
            break
        if candidate.removal is not None or candidate.link_density > t.LINKS_MOSTLY:
            continue  # link blocks (a most-read box between headline and body) do not use up the reach
        if candidate.kind == "heading" and len(candidate.text) < t.LONG_PARAGRAPH:
            continue
        reach -= 1
        if reach < 0:
            break
        if (candidate.kind in _LEAD_KINDS and candidate.link_density < t.LINKS_LEAD
                and (len(candidate.text) >= t.PROSE_PARAGRAPH and SENTENCE_END.search(candidate.text)
                     or len(candidate.text) >= _NAMED_LEAD_MIN and _named_lead(candidate))
                and not _PHOTO_WORDS.search(candidate.text) and not _in_figure(candidate)):
            candidate.in_container = True


def _named_lead(candidate: Candidate) -> bool:
    """The block's element (or the box whose loose text it is) is classed as the standfirst."""
    element = _element_of(candidate)
    return element is not None and names_lead(element.get("class"), element.get("id"))


def _in_figure(candidate: Candidate) -> bool:
    element = _element_of(candidate)
    return element is not None and any(a.tag == "figure" for a in element.iterancestors())


def _element_of(candidate: Candidate) -> HtmlElement | None:
    """The block's own element, or for loose text the box it lies in."""
    return candidate.element if candidate.element is not None else candidate.parent

