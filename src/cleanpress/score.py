"""Score stage: find the element that holds the article.

Readability-style: every paragraph-like element scores by length and commas,
and passes its score up to its parent (whole), grandparent (half) and great-
grandparent (a sixth). A candidate's score is then weighted by its class/id
words and discounted by its link density. Siblings of the winner that score
close to it, or that are plainly prose, join it: many sites split one
article over several sibling blocks.

readability-lxml is consulted as a second opinion only when this scoring is
unsure (see ``second_opinion``), because it costs several times more than
everything else together.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from . import thresholds as t
from .tags import INLINE_TAGS
from .textutil import Caseless

PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd", "li"})
_TAG_BASE = {"div": 5.0, "article": 8.0, "section": 3.0, "main": 5.0, "pre": 3.0, "td": 3.0, "blockquote": 3.0,
             "form": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0, "dt": -3.0, "li": -3.0, "address": -3.0,
             "h1": -5.0, "h2": -5.0, "h3": -5.0, "h4": -5.0, "h5": -5.0, "h6": -5.0, "th": -5.0}
_POSITIVE = Caseless(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|richtext")
_NEGATIVE = Caseless(r"hidden|^hid$|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|"
                     r"promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|"
                     r"recommend|newsletter|subscribe|cookie|popup|modal|nav|menu")
_BOXES = frozenset({"div", "section", "article"})
_ITEMS = frozenset({"li", "dd"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: What the walk keeps of each element: its visible characters, link characters, commas,
#: prose characters, headings and linked headings inside; one tuple, one look-up per child.
_Stats = tuple[int, int, int, int, int, int]
_NO_STATS: _Stats = (0, 0, 0, 0, 0, 0)
_PROSE = 3


@dataclass
class Container:
    """The chosen article: one element, plus siblings that belong with it."""

    elements: list[HtmlElement]
    score: float
    paragraphs: int


def class_weight(element: HtmlElement) -> float:
    """+25 for content words in class/id, -25 for chrome words, per attribute (``SCORE_CLASS_WEIGHT``)."""
    weight = 0.0
    for name in ("class", "id"):
        value = element.get(name)
        if value:
            if _NEGATIVE.found_in(value):
                weight -= t.SCORE_CLASS_WEIGHT
            if _POSITIVE.found_in(value):
                weight += t.SCORE_CLASS_WEIGHT
    if element.get("itemprop") == "articleBody":
        weight += t.SCORE_ARTICLE_BODY_WEIGHT
    return weight


def find_container(body: HtmlElement) -> Container:
    """Score the pruned body and return the article container (body when unsure).

    One bottom-up walk. Lengths are visible lengths (source indentation does not
    count), only ``<a href>`` is a link, and loose text beside block children
    (text split by ``<br>`` or empty spacer divs) scores as a paragraph of its box.
    Prose is counted for widening; a teaser card (one linked headline and a short
    blurb) holds sentences but no article prose.
    """
    stats: dict[HtmlElement, _Stats] = {}
    scores: dict[HtmlElement, float] = {}
    paragraphs: dict[HtmlElement, int] = {}
    for _event, element in etree.iterwalk(body, events=("end",)):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        own = element.text
        chars, comma_count = _measure(own) if own else (0, 0)
        loose, loose_commas = chars, comma_count
        links = loose_links = child_prose = heads = linked_heads = 0
        has_block_child = False
        for child in element:
            tail = child.tail
            tail_chars, tail_commas = _measure(tail) if tail else (0, 0)
            chars += tail_chars
            comma_count += tail_commas
            loose, loose_commas = loose + tail_chars, loose_commas + tail_commas
            inner = stats.get(child)
            if inner is not None:
                child_chars, child_links, child_commas, inner_prose, child_heads, child_linked = inner
                chars += child_chars
                comma_count += child_commas
                links += child_links
                child_prose += inner_prose
                heads, linked_heads = heads + child_heads, linked_heads + child_linked
            else:
                child_chars = child_links = child_commas = 0
            if child.tag in INLINE_TAGS:
                loose, loose_commas = loose + child_chars, loose_commas + child_commas
                loose_links += child_links
            else:
                has_block_child = True
        if tag == "a" and element.get("href") is not None:
            links, linked_heads = chars, heads
        elif tag in _HEADINGS:
            heads, linked_heads = 1, int(chars > 0 and links >= t.LINKS_MOSTLY * chars)
        # A list item of blocks (a card in a stream) is scored through its blocks, not twice over.
        paragraph_like = (tag in PARAGRAPH_TAGS and not (tag in _ITEMS and has_block_child)
                          or tag in _BOXES and not has_block_child)
        if paragraph_like and not child_prose and chars >= t.PROSE_PARAGRAPH and links < t.LINKS_PROSE * chars:
            child_prose = chars
        if paragraph_like and chars >= t.SCORE_PARAGRAPH_MIN:
            _credit_ancestors(element.getparent(), _points(chars, comma_count), scores, paragraphs)
        elif tag in _BOXES and loose >= t.SCORE_PARAGRAPH_MIN:  # as if the loose text were a <p> of this box
            if loose >= t.PROSE_PARAGRAPH and loose_links < t.LINKS_PROSE * loose:
                child_prose += loose
            _credit_ancestors(element, _points(loose, loose_commas), scores, paragraphs)
        prose = 0 if linked_heads == 1 and chars <= t.TEASER_CARD_MAX else child_prose
        stats[element] = (chars, links, comma_count, prose, heads, linked_heads)
    if not scores:
        return Container([body], 0.0, 0)
    ranked = sorted(((score * (1 - stats[el][1] / max(stats[el][0], 1)), el) for el, score in scores.items()),
                    key=lambda pair: pair[0], reverse=True)
    best_score, best = ranked[0]
    best = _climb(best, best_score, ranked, body)
    best = _widen_for_prose(best, body, stats)
    final = {el: score for score, el in ranked}
    elements = _with_siblings(best, final.get(best, best_score), final, stats)
    return Container(elements, best_score, paragraphs.get(best, 0))


def _measure(text: str) -> tuple[int, int]:
    """Length of non-empty ``text`` as a reader sees it (a run of whitespace, such as source
    indentation, counts as one character), and its commas: Latin, Arabic and CJK."""
    if text.isspace():  # most text between tags is indentation alone
        return 1, 0
    # the words joined by single spaces, plus the one space left of a leading and a trailing run
    length = len(" ".join(text.split())) + text[0].isspace() + text[-1].isspace()
    if text.isascii():  # most text nodes: only the Latin comma can occur
        return length, text.count(",")
    return length, text.count(",") + text.count("،") + text.count("、") + text.count("，")


def _points(chars: int, commas: int) -> float:
    """What a paragraph of ``chars`` characters with ``commas`` commas is worth."""
    return 1.0 + commas + min(chars / t.SCORE_CHARS_PER_POINT, t.SCORE_LENGTH_POINTS_MAX)


def _credit_ancestors(first: HtmlElement | None, points: float, scores: dict[HtmlElement, float],
                      paragraphs: dict[HtmlElement, int]) -> None:
    """Add a paragraph's points to ``first`` (whole), its parent (half) and grandparent (a sixth), below <html>."""
    node = first
    for share in t.SCORE_SHARES:
        if node is None or node.tag == "html":
            break
        score = scores.get(node)
        if score is None:
            score = _TAG_BASE.get(node.tag, 0.0) + class_weight(node)
            paragraphs[node] = 0
        scores[node] = score + points / share
        paragraphs[node] += 1
        node = node.getparent()


def _climb(best: HtmlElement, best_score: float, ranked: list[tuple[float, HtmlElement]], body: HtmlElement) -> HtmlElement:
    """Move up to a common ancestor when several near-best candidates share it."""
    rivals = [el for score, el in ranked[1:6] if score >= t.SCORE_RIVAL_SHARE * best_score]
    if len(rivals) < 2:
        return best
    lineages = [{rival, *rival.iterancestors()} for rival in rivals]
    for ancestor in best.iterancestors():
        if ancestor is body or ancestor.tag == "html":
            break
        if sum(ancestor in lineage for lineage in lineages) >= 2:
            return ancestor
    return best


def _widen_for_prose(best: HtmlElement, body: HtmlElement, stats: dict[HtmlElement, _Stats]) -> HtmlElement:
    """Climb to the lowest ancestor that holds most of the page's prose.

    Articles split over several wrappers (a body interrupted by ad slots, one
    grid cell per section) score as separate pieces; the article is their
    common ancestor, as long as that ancestor is not mostly links.
    """
    total = stats.get(body, _NO_STATS)[_PROSE]
    if not total or stats.get(best, _NO_STATS)[_PROSE] >= t.SCORE_PROSE_COVERAGE * total:
        return best
    for ancestor in best.iterancestors():
        if ancestor is body or ancestor.tag == "html":
            break
        chars, links, _, prose, _, _ = stats.get(ancestor, _NO_STATS)
        if prose >= t.SCORE_PROSE_COVERAGE * total:
            return ancestor if links < t.LINKS_WIDE * (chars or 1) else best
    return best


def _with_siblings(best: HtmlElement, best_score: float, scores: dict[HtmlElement, float],
                   stats: dict[HtmlElement, _Stats]) -> list[HtmlElement]:
    """The winner plus siblings that score near it or read as plain prose."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(t.SCORE_SIBLING_MIN, best_score * t.SCORE_SIBLING_SHARE)
    elements = []
    for sibling in parent:
        if sibling is best:
            elements.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        chars, links, *_ = stats.get(sibling, _NO_STATS)
        density = links / chars if chars else 1.0
        if scores.get(sibling, 0.0) >= threshold or sibling.tag == "p" and chars > t.BODY_PARAGRAPH and density < t.LINKS_SIBLING:
            elements.append(sibling)
    return elements
