"""readability-lxml as a second opinion, asked only when our own scoring is unsure.

readability-lxml costs several times more than the rest of the pipeline, so
it runs only when the container that ``score`` chose holds little prose
(under ``thresholds.UNSURE_PROSE_CHARS`` characters of paragraphs). It scores a copy of the
pruned body (it mutates what it is given); its pick is mapped back onto our
tree by position, and replaces ours when it holds clearly more prose.
"""

from __future__ import annotations

import copy
import logging
import math

from lxml import etree
from lxml.html import HtmlElement

from . import thresholds as t
from .options import Options
from .rules.container import SECOND_OPINION_RULE
from .score import Container
from .textutil import prose_chars

_INDEX = "data-cleanpress-index"
_DEEPEST = 500

# What readability-lxml takes for a block inside a div: tags that start so (its "<p" also finds <pre>, <picture>).
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_INLINE = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})

logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


def consult_readability(body: HtmlElement, container: Container, options: Options) -> list[HtmlElement]:
    """The container elements to use: ours, or readability-lxml's when it clearly knows better."""
    ours = 0  # counted no further than sure
    for element in container.elements:
        ours += _prose(element, t.UNSURE_PROSE_CHARS - ours)
        if ours >= t.UNSURE_PROSE_CHARS:
            break
    if ours >= t.UNSURE_PROSE_CHARS or not options.rule_enabled(SECOND_OPINION_RULE.id):
        return container.elements
    if _deeper_than(body, _DEEPEST):  # readability-lxml is quadratic in the depth of what it scores
        return container.elements
    pick = _readability_pick(body)
    if pick is not None and _prose(pick) > t.CLEARLY_MORE_PROSE * ours:
        return [pick]
    return container.elements


def _readability_pick(body: HtmlElement) -> HtmlElement | None:
    """readability-lxml's best candidate, as the element of *our* tree at the same position.

    Elements are matched by an index attribute written into the copy
    beforehand. readability-lxml's own preparation of a document (its cleaner
    copies the tree again to strip scripts, styles, comments and event
    attributes) is skipped: the pruned body holds none of those, and its
    scoring reads only tags, classes, ids and text; only its removal of
    hidden elements is repeated, for a caller who switched ``prune.hidden`` off.
    Its turning of divs into paragraphs is done by :func:`_paragraphs_from_divs`.
    """
    from readability import Document  # imported when first asked: it costs ~25 ms of every import otherwise

    originals = list(body.iter())
    duplicate = copy.deepcopy(body)
    for index, copied in enumerate(duplicate.iter()):
        copied.set(_INDEX, str(index))
    try:
        document = Document(duplicate)
        document.html = _without_hidden(duplicate)
        document.remove_unlikely_candidates()
        _paragraphs_from_divs(duplicate)
        best = document.select_best_candidate(document.score_paragraphs())
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion
        return None
    pick: HtmlElement | None = best["elem"] if best else None
    while pick is not None and pick.get(_INDEX) is None:
        pick = pick.getparent()
    return originals[int(pick.get(_INDEX, "0"))] if pick is not None else None


def _paragraphs_from_divs(root: HtmlElement) -> None:
    """readability-lxml's ``transform_misused_divs_into_paragraphs``, in one pass instead of one per div.

    Its rule: a div with no block inside becomes a <p>; in the other divs,
    loose text and runs of inline children (cut at each <br>, which goes)
    are wrapped in new <p>s. readability-lxml tests "no block inside" by
    serialising each div's subtree and searching the markup, which costs the
    size of the subtree for every div around it; here the elements that hold
    a block are marked once, climbing from each block, before anything moves.
    No move puts a block into an element that held none, so the marks hold.
    """
    holding: set[HtmlElement] = set()
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str) and tag.lower().startswith(_BLOCK_PREFIXES):
            parent = element.getparent()
            while parent is not None and parent not in holding:
                holding.add(parent)
                parent = parent.getparent()
    for div in root.findall(".//div"):
        if div not in holding:
            div.tag = "p"
    for div in root.findall(".//div"):
        children = list(div)
        paragraph = None  # where inline children go: the paragraph of the loose text before them
        if div.text and div.text.strip():
            paragraph = _paragraph(div, div.text)
            div.insert(0, paragraph)
            div.text = None
        for child in children:
            if child.tag == "br" or child.tag not in _INLINE or child in holding:
                paragraph = None
                continue
            if paragraph is None:
                paragraph = _paragraph(div, None)
                child.addprevious(paragraph)
            paragraph.append(child)
        for position in range(len(div) - 1, -1, -1):
            child = div[position]
            if child.tail and child.tail.strip():
                div.insert(position + 1, _paragraph(div, child.tail))
                child.tail = None
            if child.tag == "br":
                child.drop_tree()


def _paragraph(div: HtmlElement, text: str | None) -> HtmlElement:
    paragraph: HtmlElement = div.makeelement("p")
    paragraph.text = text
    return paragraph


def _without_hidden(root: HtmlElement) -> HtmlElement:
    """``root`` without the elements readability-lxml drops before scoring: ``hidden`` or ``display: none``."""
    from readability.readability import REGEXES

    display_none = REGEXES["displayNoneRe"]
    for element in root.xpath("//*[@hidden]"):
        element.drop_tree()
    for element in root.xpath("//*[@style]"):
        if display_none.search(element.get("style", "")):
            element.drop_tree()
    return root


def _deeper_than(root: HtmlElement, depth: int) -> bool:
    """True when some element under ``root`` is nested more than ``depth`` levels below it."""
    level = -1  # the root's own start brings it to 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        level += 1 if event == "start" else -1
        if level > depth:
            return True
    return False


def _prose(element: HtmlElement, enough: float = math.inf) -> int:
    return prose_chars(element, ("p", "pre", "blockquote", "li"), t.BODY_PARAGRAPH, enough)
