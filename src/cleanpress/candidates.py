"""The flat list of candidate blocks that the rules and assembly share.

Both input forms end up here: HTML is flattened into candidates in reading
order (``flatten``), plain text is split into them (``text_mode``). The
textual rules then label the sequence, which is what lets an appeal opener
take the blocks after it down to its payment widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from .article import BlockKind, Removal


@dataclass(slots=True)
class Candidate:
    """One block of the page before the keep/remove decision.

    ``kind`` is the block kind it would have if kept. ``order`` is its position
    in the document, shared with removals made earlier by the prune stage, so
    that every decision can be reported in reading order.

    What a stage notes for a later one: ``parent``, for loose text (no
    ``element`` of its own), the box it lies in; for a list, ``linked_items``
    (the share of its items shaped like teasers) and ``top_items`` (its own
    items, nested ones not counted), which the link-density rule reads;
    ``is_title``, in plain text, the line taken as the headline.
    """

    text: str
    kind: BlockKind = "paragraph"
    order: float = 0.0
    element: HtmlElement | None = None
    level: int = 0
    in_container: bool = True
    link_density: float = 0.0
    removal: Removal | None = None
    parent: HtmlElement | None = None
    linked_items: float = 0.0
    top_items: int = 0
    is_title: bool = False

    @property
    def kept(self) -> bool:
        return self.removal is None
