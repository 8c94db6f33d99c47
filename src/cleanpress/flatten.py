"""Flatten stage: the pruned body as a flat list of candidate blocks in reading order.

Atomic blocks (paragraphs, headings, lists, code, data tables, captions,
quotes) become one candidate each; container elements (div, section, layout
tables, ...) are walked into, and the loose text between their block
children becomes paragraph candidates of its own. The walk uses an explicit
stack, so nesting depth costs memory, never recursion.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

from . import thresholds as t
from .article import BlockKind
from .candidates import Candidate
from .rules.structural import names_gallery
from .tags import BLOCK_TAGS, INLINE_TAGS, LIST_TAGS
from .textutil import collapse, element_text

HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_ATOMIC_KIND: dict[str, BlockKind] = {"p": "paragraph", "pre": "code", "ul": "list", "ol": "list", "dl": "list", "figcaption": "caption",
                "blockquote": "quote", "table": "table", "address": "paragraph", "caption": "caption"}
_BREAK = "\x00"
_PARAGRAPH_BREAK = re.compile(rf"(?<!\s)\s*{_BREAK}\s*{_BREAK}[\s{_BREAK}]*")
_DATA_CELL_MAX = 400
# A list item is a teaser when its links are this share of its text (a linked headline over a blurb) ...
_TEASER_LINK_SHARE = 0.15
# ... and, in a numbered list, when the link starts within this many characters of the item.
_TEASER_LEAD_OFFSET = 30
_SENTENCE_ENDS = (".", "!", "?", "。")
_CONTINUATION = 20
_CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# A heading with block children and more text than this is an unclosed tag wrapping the body.
_HEADING_MAX = 300
_ITEM_TAGS = {"ul": ("li",), "ol": ("li",), "dl": ("dt", "dd")}
# The host of an absolute web link.
_ABSOLUTE_HOST = re.compile(r"(?i)^(?:https?:)?//([^/?#:\s]+)")
# A cited page is named by a title of at least this many words in its link ...
_CITATION_WORDS = 3
# ... in at least this share of a list's items, for the list to be sources.
_CITING_SHARE = 0.8
_WRAPPED_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "section", "article", "blockquote"})


@dataclass(slots=True)
class _Frame:
    element: HtmlElement
    children: Iterator[HtmlElement]
    inside: bool
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    in_link: bool = False
    in_gallery: bool = False


def flatten(body: HtmlElement, containers: list[HtmlElement], order: dict[HtmlElement, int]) -> list[Candidate]:
    """Candidate blocks of ``body``; those under a container get ``in_container``."""
    marked = set(containers)
    # Broken markup can nest the article inside a list or table item, and a forum thread is a list of
    # posts: a block that holds the container, or a list that is the container, is walked, not kept whole.
    holders = {ancestor for element in containers for ancestor in element.iterancestors()}
    holders.update(element for element in containers if element.tag in LIST_TAGS)
    container_chars: list[int] = []  # visible text of the containers, measured when first needed
    out: list[Candidate] = []
    cursor = [float(order.get(body, 0))]
    # Empty strings are never added to a frame's parts, so that a frame with no text skips _flush.
    stack = [_Frame(body, iter(body), body in marked, [body.text] if body.text else [])]
    while stack:
        frame = stack[-1]
        child = next(frame.children, None)
        if child is None:
            stack.pop()
            if frame.parts:
                _flush(frame, out, cursor[0] + 0.25)
            if stack and frame.element.tail:
                stack[-1].parts.append(frame.element.tail)
            continue
        tag = child.tag
        if not isinstance(tag, str):
            if child.tail:
                frame.parts.append(child.tail)
            continue
        cursor[0] = float(order.get(child, cursor[0]))
        if tag == "br":
            frame.parts.append(_BREAK + (child.tail or ""))
            continue
        if tag in INLINE_TAGS and not any(isinstance(g.tag, str) and g.tag not in INLINE_TAGS for g in child):
            # a <br> inside breaks the line as one beside it does (itertext would fuse the words around it)
            text = "".join(_text_with_breaks(child, line_breaks=True) if _has_breaks(child) else child.itertext())
            if text or child.tail:
                frame.parts.append(text + (child.tail or ""))
            if tag == "a":
                frame.link_chars += len(text.strip())
            else:
                frame.link_chars += sum(len("".join(a.itertext()).strip()) for a in child.iter("a"))
            continue
        inside = frame.inside or child in marked
        gallery = frame.in_gallery or (inside and child not in holders and child not in marked
                                       and names_gallery(child.get("class"), child.get("id"))
                                       and _embedded(child, containers, container_chars))
        if child not in holders and _is_atomic(child, tag):
            if frame.parts:
                _flush(frame, out, cursor[0] - 0.5)
            candidate = _atomic(child, tag, inside, order)
            if candidate is not None:
                if frame.in_link:
                    candidate.link_density = 1.0
                if gallery:
                    candidate.kind = "caption"
                out.append(candidate)
            if child.tail:
                frame.parts.append(child.tail)
            continue
        if frame.parts:
            _flush(frame, out, cursor[0] - 0.5)
        stack.append(_Frame(child, iter(child), inside, [child.text] if child.text else [],
                            in_link=frame.in_link or tag == "a", in_gallery=gallery))
    return out


def _embedded(gallery: HtmlElement, containers: list[HtmlElement], container_chars: list[int]) -> bool:
    """A gallery set in an article, whose text is picture captions, rather than a photo story or listicle.

    Galleries embedded in an article leave an article of their own around
    them; a gallery that is (nearly) all of the container is the article.
    """
    if not container_chars:
        container_chars.append(sum(len(collapse(c.text_content())) for c in containers))
    return container_chars[0] - len(collapse(gallery.text_content())) >= t.ARTICLE_MIN_CHARS


def _is_atomic(element: HtmlElement, tag: str) -> bool:
    if tag in HEADING_TAGS:
        return not (any(isinstance(c.tag, str) and c.tag in _WRAPPED_BLOCKS for c in element)
                    and len(element.text_content()) > _HEADING_MAX)
    if tag == "table":
        return _is_data_table(element)
    if tag == "blockquote":
        return not any(isinstance(c.tag, str) and c.tag in ("div", "table", "section") for c in element)
    return tag in _ATOMIC_KIND


def _is_data_table(table: HtmlElement) -> bool:
    """A table of data rather than one used for page layout."""
    for cell in table.iter("td", "th", "table"):
        if cell is not table and cell.tag == "table":
            return False
        if cell.tag in ("td", "th") and len(cell.text_content()) > _DATA_CELL_MAX:
            return False
    return True


def _flush(frame: _Frame, out: list[Candidate], position: float) -> None:
    """Turn the loose text gathered in ``frame`` into paragraph candidates (callers skip frames that gathered none)."""
    raw = "".join(frame.parts)
    frame.parts.clear()
    if not raw.strip():
        frame.link_chars = 0
        return
    kind: BlockKind = "caption" if frame.in_gallery else "paragraph"
    pieces = [_lines(piece) if kind == "paragraph" else collapse(piece.replace(_BREAK, " "))
              for piece in _PARAGRAPH_BREAK.split(raw)]
    pieces = [piece for piece in pieces if piece]
    total = sum(len(piece) for piece in pieces) or 1
    density = 1.0 if frame.in_link else min(frame.link_chars / total, 1.0)
    frame.link_chars = 0
    for piece in pieces:
        out.append(Candidate(piece, kind, position, None, 0, frame.inside, density,
                             parent=frame.element))


def _atomic(element: HtmlElement, tag: str, inside: bool, order: dict[HtmlElement, int]) -> Candidate | None:
    position = float(order.get(element, 0))
    content: str | None = None  # the element's text content, when already gathered
    level = HEADING_TAGS.get(tag, 0)
    kind: BlockKind = "heading" if level else _ATOMIC_KIND[tag]
    if kind == "code":
        text = "".join(element.itertext()).strip("\n")
        if not text.strip():
            return None
        return Candidate(text, kind, position, element, 0, inside, 0.0)
    if kind == "list":
        items = list_items(element)
        text = "\n".join(item for _, item in items)
    elif kind == "table":
        rows = table_rows(element)
        text = "\n".join("\t".join(row) for row in rows)
    elif kind == "quote":
        lines = [run_text(part) if isinstance(part, Run) else _block_text(part)
                 for part in quote_parts(element)]
        text = "\n".join(line for line in lines if line)
    elif _has_breaks(element):
        text = "".join(_text_with_breaks(element, line_breaks=kind == "paragraph"))
        text = _lines(text) if kind == "paragraph" else collapse(text)
    else:  # one run of text: libxml2 gathers it
        content = element.text_content()
        text = collapse(content)
    if not text.strip():
        return None
    if kind == "heading":  # a headline that links to another page, measured on the text as read
        chars = len(text) or 1
        link_chars = sum(len(collapse(a.text_content())) for a in element.iter("a")
                         if not (a.get("href") or "#").startswith("#"))
    else:
        chars = len(content if content is not None else element.text_content()) or 1
        link_chars = sum(len(a.text_content()) for a in element.iter("a"))
    candidate = Candidate(text, kind, position, element, level, inside, min(link_chars / chars, 1.0))
    if kind == "list":
        candidate.linked_items = _linked_item_share(element)
        # the teaser test counts the list's own items, as it did when nested items were folded into them
        candidate.top_items = sum(1 for depth, _ in items if not depth)
        candidate.cites_sources = _cites_sources(element)
    return candidate


def _cites_sources(element: HtmlElement) -> bool:
    """The list's items each link to a titled page elsewhere, on several different sites: a list of sources.

    A site's own teasers and tag lists link to the site itself (relative links,
    or one host); a list of references or a bibliography cites pages on many
    hosts, each by a title of some words (share buttons are single words).
    """
    items = _list_items_of(element)
    if len(items) < t.RUN_MIN:
        return False
    hosts: set[str] = set()
    citing = 0
    for item in items:
        link = next((a for a in item.iter("a") if a.get("href")), None)
        if link is None:
            continue
        host = _ABSOLUTE_HOST.match(link.get("href", "").strip())
        if host is None or len(element_text(link).split()) < _CITATION_WORDS:
            continue
        citing += 1
        hosts.add(host.group(1).lower().removeprefix("www."))
    return len(hosts) >= t.RUN_MIN and citing >= _CITING_SHARE * len(items)


def _list_items_of(element: HtmlElement) -> list[HtmlElement]:
    """The items a list is judged by: its own, or for a heading item over a nested list, the nested ones."""
    items = [child for child in element if isinstance(child.tag, str) and child.tag in ("li", "dt", "dd")]
    if len(items) < t.RUN_MIN:
        items = [item for item in element.iter("li") if item.find(".//li") is None]
    return items


def _linked_item_share(element: HtmlElement) -> float:
    """Share of list items shaped like teasers: led by a linked headline, or cards with a linked headline or picture."""
    items = _list_items_of(element)
    if not items:
        return 0.0
    linked = 0
    for item in items:
        links = [t for t in (element_text(a) for a in item.iter("a")) if t]
        if not links:
            continue
        headings = list(item.iter(*_CARD_HEADINGS))
        if headings:  # a card with its own headline: a teaser when the headline is the link
            linked += any(_is_linked(heading) for heading in headings)
            continue
        if any(True for _ in item.iter("article", "figure", "img")):
            linked += 1  # a card with its own picture and a link
            continue
        text = element_text(item)
        before = text.find(links[0])
        # A linked headline has no full stop and ends its item; a linked sentence, or a link
        # inside a sentence that runs on after it in lower case, is prose that cites.
        after = text[before + len(links[0]):] if before >= 0 else ""
        if links[0].endswith(_SENTENCE_ENDS) or after.startswith(_SENTENCE_ENDS):
            continue
        after = after.lstrip()
        if after[:1].islower() and len(after) - sum(map(len, links[1:])) >= _CONTINUATION:
            continue
        if element.tag == "ol":  # numbered lists are sources and steps unless each item leads with its link
            linked += 0 <= before <= _TEASER_LEAD_OFFSET and len(links[0]) >= _TEASER_LINK_SHARE * len(text)
        else:
            linked += sum(map(len, links)) >= _TEASER_LINK_SHARE * len(text)
    return linked / len(items)


def _is_linked(heading: HtmlElement) -> bool:
    """The heading is a link, or mostly link text."""
    if any(ancestor.tag == "a" for ancestor in heading.iterancestors()):
        return True
    text = element_text(heading)
    return bool(text) and sum(len(element_text(a)) for a in heading.iter("a")) >= t.LINKS_MOSTLY * len(text)


def _has_breaks(element: HtmlElement) -> bool:
    """Whether a <br> or a block element inside ``element`` breaks its text (most paragraphs hold neither)."""
    for inner in element.iterdescendants():
        tag = inner.tag
        if tag == "br" or tag in BLOCK_TAGS:
            return True
    return False


def _text_with_breaks(element: HtmlElement, lists_apart: bool = False, line_breaks: bool = False) -> Iterator[str]:
    """Text of ``element`` with a space at each <br> and at both ends of each block inside it.

    With ``lists_apart`` the lists inside are left out (a space in their place):
    a list item's nested lists are items of their own, not part of its text.
    With ``line_breaks`` a <br> gives a break mark instead, for :func:`_lines`.
    """
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if event == "start":
            if tag == "br" and line_breaks:
                yield _BREAK
            elif tag == "br" or tag in BLOCK_TAGS:
                yield " "
                if lists_apart and tag in LIST_TAGS and node is not element:
                    walker.skip_subtree()
                    continue
            if node.text and isinstance(tag, str):
                yield node.text
        elif node is not element:
            if tag in BLOCK_TAGS:
                yield " "
            if node.tail:
                yield node.tail


def _lines(text: str) -> str:
    """A paragraph's text with a line at each <br> (break mark): each line collapsed, empty lines dropped.

    An address or a sub-heading set with <br> keeps its lines, as a reader
    sees them; lists, tables, quotes and headings use their own line breaks
    (or none) and read a <br> as a space.
    """
    if _BREAK not in text:
        return collapse(text)
    return "\n".join(line for line in map(collapse, text.split(_BREAK)) if line)


def _block_text(element: HtmlElement) -> str:
    """Collapsed text of a cell or quote part; blocks and <br> inside are spaces ("one</p><p>two")."""
    if _has_breaks(element):
        return collapse("".join(_text_with_breaks(element)))
    return element_text(element)  # one run of text, the common case: libxml2 gathers it


class Run(NamedTuple):
    """Loose content of an element beside its blocks or items: a text, then elements, each with its tail."""

    lead: str
    nodes: tuple[HtmlElement, ...]


def run_text(run: Run) -> str:
    """Collapsed text of ``run``; blocks and <br> in it are spaces, as in _block_text."""
    pieces = [run.lead]
    for node in run.nodes:
        if isinstance(node.tag, str):  # a comment gives only its tail
            pieces.extend(_text_with_breaks(node))
            if node.tag in BLOCK_TAGS:
                pieces.append(" ")
        if node.tail:
            pieces.append(node.tail)
    return collapse("".join(pieces))


def quote_parts(element: HtmlElement) -> list[HtmlElement | Run]:
    """The parts of a blockquote, a line of its text each: its block children, and the loose content between them.

    A quote of text alone is one part, itself. Loose text beside the
    paragraphs (an embedded post's attribution, say) is a part of its own,
    which the common quote of paragraphs only never builds.
    """
    parts = list(_standing_and_runs(element, _is_block))
    return parts if any(not isinstance(part, Run) for part in parts) else [element]


def _is_block(child: HtmlElement) -> bool:
    return child.tag in BLOCK_TAGS


def _standing_and_runs(container: HtmlElement, stands: Callable[[HtmlElement], bool]) -> Iterator[HtmlElement | Run]:
    """The element children of ``container`` that ``stands`` says stand apart, in order, and the loose content
    between them (text, the other elements, a comment's tail) as runs; a run of whitespace alone is passed over."""
    lead = container.text
    nodes: list[HtmlElement] = []
    for child in container:
        if not isinstance(child.tag, str):  # a comment counts for its tail
            if child.tail and not child.tail.isspace():
                nodes.append(child)
            continue
        if not stands(child):
            nodes.append(child)
            continue
        if nodes or (lead and not lead.isspace()):
            yield Run(lead or "", tuple(nodes))
            nodes = []
        yield child
        lead = child.tail
    if nodes or (lead and not lead.isspace()):
        yield Run(lead or "", tuple(nodes))


class ListEntry(NamedTuple):
    """One item of a list: its nesting level (0 for the list's own items), the list that holds it, the item.

    The item is an item element, or a run of loose content set in the list
    that stands as an item of its own. ``plain`` says the item is an element
    holding no block element or <br>: its text is one run.
    """

    depth: int
    owner: HtmlElement
    item: HtmlElement | Run
    plain: bool


def list_entries(element: HtmlElement) -> Iterator[ListEntry]:
    """The items of a ul/ol/dl in document order, each nested list's items right after the item that holds it.

    A list inside an item, or set straight inside the list (invalid but common),
    is not folded into the item: its items come one level deeper. Nor is other
    content set straight in a list lost: the items inside a wrapper (a div or
    span, say) are the list's own, and loose content is an item of its own.
    An explicit stack, as in flatten, so list nesting costs no recursion.
    """
    holders: set[HtmlElement] = set()
    stack = [(0, element, _list_children(element, element.tag, holders))]
    while stack:
        depth, owner, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, Run):
            yield ListEntry(depth, owner, child, False)
            continue
        tag = child.tag
        if tag in LIST_TAGS:
            stack.append((depth + 1, child, _list_children(child, tag, holders)))
        elif holders and child in holders:  # a wrapper: its children stand in the list
            stack.append((depth, owner, _list_children(child, owner.tag, holders)))
        else:  # an item, or a block that stands as one (and holds no list)
            plain = not _has_breaks(child)
            yield ListEntry(depth, owner, child, plain)
            if not plain:
                stack.extend((depth + 1, inner, _list_children(inner, inner.tag, holders))
                             for inner in reversed(_nested_lists(child)))


def _list_children(container: HtmlElement, list_tag: str, holders: set[HtmlElement]
                   ) -> Iterator[HtmlElement | Run]:
    """What is set in a list, or in a wrapper in it: items, lists, wrappers (added to ``holders``), other blocks,
    and the loose text and inline elements between them as runs.

    In the common list of items only, no run is built: the whitespace between items is passed over.
    """
    item_tags = _ITEM_TAGS[list_tag]

    def stands(child: HtmlElement) -> bool:
        tag = child.tag
        return (tag in item_tags or tag in LIST_TAGS or _holds_items(child, item_tags, holders)
                or tag not in INLINE_TAGS)

    return _standing_and_runs(container, stands)


def _holds_items(element: HtmlElement, item_tags: tuple[str, ...], holders: set[HtmlElement]) -> bool:
    """Whether ``element``, set in a list but not an item of it, holds items or lists: a wrapper to look into.

    The elements between it and what it holds are wrappers too: they go into
    ``holders``, so that a chain of wrappers is searched once, not once a level.
    """
    if element in holders:
        return True
    found = next(element.iter(*item_tags, *LIST_TAGS), None)
    if found is None:
        return False
    for ancestor in found.iterancestors():
        holders.add(ancestor)
        if ancestor is element:
            break
    return True


def _nested_lists(item: HtmlElement) -> list[HtmlElement]:
    """The lists inside ``item`` that no other list inside it holds, in document order."""
    found = []
    walker = etree.iterwalk(item, events=("start",))
    for _, node in walker:
        if node.tag in LIST_TAGS and node is not item:
            found.append(node)
            walker.skip_subtree()
    return found


def list_items(element: HtmlElement) -> list[tuple[int, str]]:
    """Nesting level and text of each item of a ul/ol/dl; a nested list's items follow their parent's own text."""
    items = [(entry.depth, _entry_text(entry)) for entry in list_entries(element)]
    return [(depth, text) for depth, text in items if text]


def _entry_text(entry: ListEntry) -> str:
    item = entry.item
    if isinstance(item, Run):
        return run_text(item)
    if entry.plain:
        return element_text(item)
    return collapse("".join(_text_with_breaks(item, lists_apart=True)))


def table_rows(table: HtmlElement) -> list[list[str]]:
    """Cell texts row by row (rows of nested sections included, empty rows dropped)."""
    rows = []
    for row in table.iter("tr"):
        cells = [_block_text(cell) for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        if any(cells):
            rows.append(cells)
    return rows
