"""readability-lxml as a second opinion, asked only when our own scoring is unsure.

readability-lxml costs several times more than the rest of the pipeline, so
it runs only when the container that ``score`` chose holds little prose
(under ``_UNSURE_CHARS`` characters of paragraphs). It scores a copy of the
pruned body (it mutates what it is given); its pick is mapped back onto our
tree by position, and replaces ours when it holds clearly more prose.
"""

from __future__ import annotations

import copy
import logging
import math

from lxml import etree
from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES

from .options import Options
from .rules import register
from .score import Container
from .textutil import prose_chars

SECOND_OPINION_RULE = register("score.readability", "outside-article",
                               "readability-lxml's pick of the container, asked when our scoring is unsure")
_UNSURE_CHARS = 600
_CLEARLY_MORE = 1.5
_PROSE_PARAGRAPH = 80
_INDEX = "data-cleanpress-index"
_DEEPEST = 500

_DISPLAY_NONE = REGEXES["displayNoneRe"]

logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


def consult_readability(body: HtmlElement, container: Container, options: Options) -> list[HtmlElement]:
    """The container elements to use: ours, or readability-lxml's when it clearly knows better."""
    ours = 0  # counted no further than sure
    for element in container.elements:
        ours += _prose(element, _UNSURE_CHARS - ours)
        if ours >= _UNSURE_CHARS:
            break
    if ours >= _UNSURE_CHARS or not options.rule_enabled(SECOND_OPINION_RULE.id):
        return container.elements
    if _deeper_than(body, _DEEPEST):  # readability-lxml is quadratic in the depth of what it scores
        return container.elements
    pick = _readability_pick(body)
    if pick is not None and _prose(pick) > _CLEARLY_MORE * ours:
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
    """
    originals = list(body.iter())
    duplicate = copy.deepcopy(body)
    for index, copied in enumerate(duplicate.iter()):
        copied.set(_INDEX, str(index))
    try:
        document = Document(duplicate)
        document.html = _without_hidden(duplicate)
        document.remove_unlikely_candidates()
        document.transform_misused_divs_into_paragraphs()
        best = document.select_best_candidate(document.score_paragraphs())
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion
        return None
    pick: HtmlElement | None = best["elem"] if best else None
    while pick is not None and pick.get(_INDEX) is None:
        pick = pick.getparent()
    return originals[int(pick.get(_INDEX, "0"))] if pick is not None else None


def _without_hidden(root: HtmlElement) -> HtmlElement:
    """``root`` without the elements readability-lxml drops before scoring: ``hidden`` or ``display: none``."""
    for element in root.xpath("//*[@hidden]"):
        element.drop_tree()
    for element in root.xpath("//*[@style]"):
        if _DISPLAY_NONE.search(element.get("style", "")):
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
    return prose_chars(element, ("p", "pre", "blockquote", "li"), _PROSE_PARAGRAPH, enough)
