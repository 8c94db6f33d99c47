"""Render stage: kept candidates to Blocks, and Blocks to text, HTML and Markdown.

HTML comes from the allow-list sanitizer (``sanitize.sanitize_element``) on
the block's own element; Markdown is written here from the same element, with
every link and image URL passed through ``sanitize.safe_url`` (once per
distinct URL of the page, see ``sanitize.UrlVerdicts``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import regex
from lxml import etree
from lxml.html import HtmlElement

from .article import Block
from .candidates import Candidate
from .flatten import ListEntry, Run, list_entries, quote_parts
from .sanitize import LIST_NUMBER_MAX, UrlVerdicts, list_start, sanitize_element
from .tags import BLOCK_TAGS, LIST_TAGS
from .textutil import INVISIBLE_SPACES, SOFT_HYPHENS, collapse

# Before each character that Markdown reads as markup, and each "&" that starts what it would read as an entity
# ("400&percnt;" as text): a backslash goes there (a literal, no template to expand).
_MD_SPECIAL = re.compile(r"(?=[\\`*_\[\]<>]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)")
# What makes a line a list item, heading, quote or thematic break ("---") in CommonMark (a leading "*" or "_"
# is escaped with the rest).
_MD_LINE_START = re.compile(r"^(?:\d{1,9}[.)]|[+-]|#{1,6})(?=\s|$)|^>|^-(?=[ \t]*-[ \t]*-[- \t]*$)", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
# What collapse() turns into a space or drops, beside whitespace; and a run of those and whitespace.
_COLLAPSED = INVISIBLE_SPACES + SOFT_HYPHENS
_SPACE_RUN = re.compile(rf"[\s{_COLLAPSED}]*")
# CommonMark reads a "*" as emphasis only where it flanks a word: an opening one right before punctuation
# ("pir*—yar*") opens nothing unless a space or punctuation is before it, and a closing one likewise.
_PUNCTUATION = regex.compile(r"[\p{P}\p{S}]")
# Punctuation and spaces at the start of an emphasis's content, up to what may be Markdown written inside it
# (a link's or image's opening, a nested marker, a code span, an escape) ...
_LEADING_LOOSE = regex.compile(r"(?V1)[[\s\p{P}\p{S}" + _COLLAPSED + r"]--[\[!*`\\]]*")
# ... and at its end, back to what may end Markdown (a link's closing, a marker, a code span, an escaped character).
_TRAILING_LOOSE = regex.compile(r"(?V1)[[\s\p{P}\p{S}" + _COLLAPSED + r"]--[\[\]()*_\\`<>]]*", regex.REVERSE)
# Nested list items are indented no deeper than this, so a pathologically deep list cannot make output quadratic.
_MD_LIST_DEPTH = 8


def to_blocks(candidates: Iterable[Candidate], *, base_url: str | None, keep_links: bool,
              keep_images: bool, html: bool = True, markdown: bool = True) -> list[Block]:
    """The Blocks of one page's kept candidates, sharing one set of URL verdicts.

    ``html`` and ``markdown`` say which renderings the caller wants; one left
    out stays empty in every Block, and costs nothing.
    """
    urls = UrlVerdicts(base_url)
    return [to_block(c, base_url=base_url, keep_links=keep_links, keep_images=keep_images, urls=urls,
                     html=html, markdown=markdown)
            for c in candidates]


def to_block(candidate: Candidate, *, base_url: str | None, keep_links: bool, keep_images: bool,
             urls: UrlVerdicts | None = None, html: bool = True, markdown: bool = True) -> Block:
    """The public Block for a kept candidate, with its safe HTML and Markdown (each when asked for).

    ``urls`` shares URL verdicts with the page's other blocks (judged against ``base_url``).
    """
    if urls is None:
        urls = UrlVerdicts(base_url)
    element = candidate.element
    kind = candidate.kind
    if element is None:
        return Block(kind, candidate.text, level=candidate.level,
                     html=_plain_html(kind, candidate.text, candidate.level) if html else "",
                     markdown=_plain_markdown(kind, candidate.text, candidate.level) if markdown else "")
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    # flatten wrote a list's items one per line and a table's rows with tab-separated cells (whitespace
    # inside each collapsed to single spaces), so they are read back rather than gathered again
    if kind == "list":
        items = tuple(candidate.text.split("\n"))
    elif kind == "table":
        rows = tuple(tuple(row.split("\t")) for row in candidate.text.split("\n"))
    markup = sanitize_element(element, base_url=base_url, keep_links=keep_links, keep_images=keep_images,
                              urls=urls) if html else ""
    written = _block_markdown(candidate, element, rows, urls, keep_links, keep_images) if markdown else ""
    return Block(kind, candidate.text, level=candidate.level, items=items,
                 ordered=kind == "list" and element.tag == "ol", rows=rows, html=markup, markdown=written)


def _block_markdown(candidate: Candidate, element: HtmlElement, rows: tuple[tuple[str, ...], ...],
                    urls: UrlVerdicts, keep_links: bool, keep_images: bool) -> str:
    """The Markdown of a kept candidate that has its element."""
    kind = candidate.kind
    if kind == "list":
        return _list_markdown(element, urls, keep_links, keep_images)
    if kind == "table":
        return _table_markdown(rows)
    if kind == "code":
        return _fence(candidate.text)
    if kind == "quote":
        lines = [inline_markdown(part, urls, keep_links, keep_images) for part in quote_parts(element)]
        paragraphs = [line for line in lines if line]
        return _quote(paragraphs) if paragraphs else _plain_markdown(kind, candidate.text, 0)
    inline = inline_markdown(element, urls, keep_links, keep_images) or _escape(candidate.text)
    return _prefix(kind, inline, candidate.level)


def join_text(blocks: Sequence[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)


def join_html(blocks: Sequence[Block]) -> str:
    return "\n".join(block.html for block in blocks)


def join_markdown(blocks: Sequence[Block]) -> str:
    return "\n\n".join(block.markdown for block in blocks)


def inline_markdown(part: HtmlElement | Run, urls: UrlVerdicts, keep_links: bool, keep_images: bool,
                    lists_apart: bool = False) -> str:
    """An element's content, or a run of loose content, as one line of Markdown: emphasis, code, links, images.

    Blocks and <br> inside it become spaces, as in the block's text. With
    ``lists_apart`` the lists inside are left out: a list item's nested lists
    are written as items of their own.
    """
    out: list[str] = []
    if isinstance(part, Run):
        out.append(_escape(part.lead))
        for node in part.nodes:
            if isinstance(node.tag, str):
                _write_inline(node, None, out, urls, keep_links, keep_images, lists_apart)
            elif node.tail:  # a comment
                out.append(_escape(node.tail))
    else:
        _write_inline(part, part, out, urls, keep_links, keep_images, lists_apart)
    return collapse("".join(out))


def _write_inline(top: HtmlElement, element: HtmlElement | None, out: list[str], urls: UrlVerdicts,
                  keep_links: bool, keep_images: bool, lists_apart: bool) -> None:
    """Write the Markdown of ``top`` into ``out``: the content of the block ``element`` when ``top`` is it,
    else (``element`` None) an element of a run, with its own emphasis and its tail."""
    link_stack: list[tuple[int, str | None]] = []  # where the content of each open link starts, and its URL
    # Each open emphasis: where its content starts, its marker ("" inside an open one of the same marker, whose
    # markers it shares: "****x****" is no emphasis at all), and the piece of an emphasis of the same marker
    # right before it, which it continues ("**r****eal**" would show its asterisks).
    emphasis_stack: list[tuple[int, str, str | None]] = []
    closed: tuple[str, str] | None = None  # the piece the last emphasis wrote, and its marker, if it ends with it
    # where the content of each open <code> starts: inside one, text is written as it is and markup is not
    code_stack: list[int] = []
    walker = etree.iterwalk(top, events=("start", "end"))
    for event, node in walker:
        tag = node.tag
        if not isinstance(tag, str):
            if event == "end" and node.tail:
                out.append(node.tail if code_stack else _escape(node.tail))
            continue
        if event == "start":
            follows = closed
            if tag == "a" or tag == "code" or tag in _EMPHASIS:
                closed = None  # what opens marks a place in out: an emphasis inside it continues nothing before it
            if code_stack:  # a code span shows any marker literally, so only the words inside are written
                if tag == "code":
                    code_stack.append(len(out))
                elif tag == "br" or tag in BLOCK_TAGS:
                    out.append(" ")
                    if lists_apart and tag in LIST_TAGS:
                        walker.skip_subtree()
                        continue
                if node.text:
                    out.append(node.text)
                continue
            if tag == "a":  # the brackets are placed when the words inside are known
                link_stack.append((len(out), urls(node.get("href", "")) if keep_links else None))
            elif tag in _EMPHASIS and node is not element:  # the marker is placed when the words inside are known
                marker = "" if any(m == _EMPHASIS[tag] for _, m, _ in emphasis_stack) else _EMPHASIS[tag]
                continued = follows[0] if follows and follows[1] == marker and out and out[-1] is follows[0] else None
                emphasis_stack.append((len(out), marker, continued))
            elif tag == "code" and node is not element:
                code_stack.append(len(out))  # the fence is chosen when the words inside are known
                if node.text:
                    out.append(node.text)
                continue
            elif tag == "img" and keep_images:
                src = urls(node.get("src", ""))
                if src:
                    out.append(f"![{_escape(collapse(node.get('alt', '')))}]({src})")
            elif tag == "br" or (tag in BLOCK_TAGS and node is not element):
                out.append(" ")
                if lists_apart and tag in LIST_TAGS:
                    walker.skip_subtree()
                    continue
            if node.text:
                out.append(_escape(node.text))
        else:
            if code_stack:
                if tag == "code":
                    start = code_stack.pop()
                    if not code_stack:
                        _code_span(out, start)
                elif tag in BLOCK_TAGS:
                    out.append(" ")
                if node.tail:
                    out.append(node.tail if code_stack else _escape(node.tail))
                continue
            if tag == "a":
                start, href = link_stack.pop()
                if href:
                    _link(out, start, href)
            elif tag in _EMPHASIS and node is not element:
                start, marker, continued = emphasis_stack.pop()
                if marker:
                    piece = _emphasise(out, start, marker, continued, node.tail or "")
                    closed = (piece, marker) if piece is not None else None
            elif tag in BLOCK_TAGS and node is not element:
                out.append(" ")
            if node is not element and node.tail:
                out.append(_escape(node.tail))


def _take(out: list[str], start: int) -> str:
    """The pieces of ``out`` from ``start`` on, taken out as one: so that nesting costs no rescanning."""
    content = "".join(out[start:])
    del out[start:]
    return content


def _content_start(piece: str) -> int:
    """Where ``piece`` starts to hold more than collapse() empties."""
    match = _SPACE_RUN.match(piece)
    return match.end() if match else 0


def _edges(content: str) -> tuple[int, int]:
    """Where ``content`` starts and ends to hold more than collapse() empties (start == end: nothing)."""
    begin = _content_start(content)
    if begin == len(content):
        return begin, begin
    return begin, len(content) - _content_start(content[::-1])


def _hug(out: list[str], start: int, opening: str, closing: str) -> None:
    """Put an emphasis's markers, or a link's brackets, around what was written from ``out[start]`` on, hugging it.

    CommonMark reads ``** x **`` as literal asterisks (and ``*[x ](url)*y``
    too), so whitespace at either end goes outside; around nothing, there is
    no emphasis or link.
    """
    content = _take(out, start)
    begin, end = _edges(content)
    if begin == end:
        out.append(content)
        return
    out.append(f"{content[:begin]}{opening}{content[begin:end]}{closing}{content[end:]}")


def _link(out: list[str], start: int, href: str) -> None:
    """Hug what was written from ``out[start]`` on as a link to ``href``; a "!" of the text right before its
    bracket is escaped, which would make the link an image."""
    _hug(out, start, "[", f"]({href})")
    if out[start].startswith("["):
        for index in range(start - 1, -1, -1):
            if out[index]:
                if out[index].endswith("!"):
                    out[index] = out[index][:-1] + "\\!"
                break


def _emphasise(out: list[str], start: int, marker: str, continued: str | None, following: str) -> str | None:
    """Hug what was written from ``out[start]`` on with ``marker``, as :func:`_hug` does; return the piece
    written when it ends with the marker (an emphasis opened right after may continue it), else None.

    ``continued`` is the piece of an emphasis of the same marker closed right
    before this one opened: when it is still right before ``out[start]``, and
    no space parts the two, this one continues it under one pair of markers.
    Punctuation at an end that a word touches from outside (``following`` is
    the text after the element) goes outside the markers, which would not
    count as emphasis there; emphasis of punctuation alone gets no markers.
    What may be Markdown written inside (a link's brackets, a nested
    marker, an escape) is never moved, nor anything beyond it.
    """
    content = _take(out, start)
    begin, end = _edges(content)
    continuing = continued is not None and begin == 0 and out[start - 1] is continued
    # what touches a marker from outside: the element's own space, when it has some at that end, or its neighbour
    if begin == 0 < end and not continuing and _word_before(out, start):
        begin = _LEADING_LOOSE.match(content, begin, end).end()
    if begin < end == len(content) and _touches_word(following):
        end = _TRAILING_LOOSE.match(content, begin, end).start()
    if begin >= end:
        out.append(content)
        return None
    if continuing:
        assert continued is not None
        out[start - 1] = continued[: -len(marker)]
        piece = f"{content[:end]}{marker}{content[end:]}"
    else:
        piece = f"{content[:begin]}{marker}{content[begin:end]}{marker}{content[end:]}"
    out.append(piece)
    return piece if end == len(content) else None


def _word_before(out: list[str], start: int) -> bool:
    """Whether the last character written before ``out[start]`` is part of a word (no space, no punctuation).

    The markers that close an emphasis right before do not count: CommonMark
    reads them and an opening marker as one run, which a word before it touches.
    """
    for index in range(start - 1, -1, -1):
        piece = out[index].rstrip(SOFT_HYPHENS)
        unmarked = piece.rstrip("*")
        if unmarked != piece and not unmarked.endswith("\\"):  # an escaped "\*" is text, not a marker
            piece = unmarked
        if piece:
            return _touches_word(piece[-1])
    return False


def _touches_word(text: str) -> bool:
    """Whether ``text`` starts with a character of a word: neither space nor punctuation (nor nothing),
    as the text reads once collapse() has turned zero-width spaces into spaces and dropped soft hyphens."""
    text = text.lstrip(SOFT_HYPHENS)
    return bool(text) and not text[0].isspace() and text[0] not in INVISIBLE_SPACES and _PUNCTUATION.match(text) is None


def _code_span(out: list[str], start: int) -> None:
    """Fence what was written from ``out[start]`` on as a CommonMark code span.

    A run of backticks inside would close a single-backtick fence, so the
    fence is one longer than the longest run; a backtick at either end would
    join the fence, so a space pads both ends (CommonMark strips one from
    each). Whitespace at the ends goes outside, as for emphasis, so that no
    padding is needed for it and collapse() cannot merge it with the padding;
    around nothing, there is no span (a bare pair of backticks shows literally).
    """
    content = _take(out, start)
    begin, end = _edges(content)
    if begin == end:
        out.append(content)
        return
    code = content[begin:end]
    fence = "`" * (_longest_backtick_run(code) + 1)
    pad = " " if code[0] == "`" or code[-1] == "`" else ""
    out.append(f"{content[:begin]}{fence}{pad}{code}{pad}{fence}{content[end:]}")


def _longest_backtick_run(code: str) -> int:
    # Most code has no backtick: one scan, and no regex run.
    return max((len(run) for run in _BACKTICKS.findall(code)), default=0) if "`" in code else 0


def _escape(text: str) -> str:
    # Most text has nothing to escape: a search finds that faster than a substitution that makes no change.
    return _MD_SPECIAL.sub("\\\\", text) if _MD_SPECIAL.search(text) else text


def _prefix(kind: str, inline: str, level: int) -> str:
    if kind == "heading":
        return f"{'#' * max(level, 1)} {inline}"
    if kind == "quote":
        return _quote(inline.split("\n"))
    if kind == "caption":
        return f"*{inline}*"
    return _plain_line(inline)


def _plain_line(inline: str) -> str:
    """``inline`` with a line start that CommonMark would read as a heading, quote or list marker escaped
    (in a list item or quote too, where it would start a heading or list inside them)."""
    return _MD_LINE_START.sub(_escape_marker, inline) if _MD_LINE_START.search(inline) else inline


def _escape_marker(match: re.Match[str]) -> str:
    """A backslash before the marker's punctuation: before a digit it is no escape, and shows ("\\1. x")."""
    marker = match[0]
    return f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}"


def _quote(paragraphs: list[str]) -> str:
    """A ``> `` line per paragraph, with a ``>`` line between them, which CommonMark needs to keep them apart."""
    return "\n>\n".join(f"> {_plain_line(paragraph)}" for paragraph in paragraphs)


def _plain_markdown(kind: str, text: str, level: int) -> str:
    if kind == "code":
        return _fence(text)
    if kind == "list":
        return "\n".join(f"- {_escape(line)}" for line in text.split("\n"))
    return _prefix(kind, _escape(text), level)


def _plain_html(kind: str, text: str, level: int) -> str:
    escaped = html.escape(text, quote=False)
    if kind == "heading":
        return f"<h{max(min(level, 6), 1)}>{escaped}</h{max(min(level, 6), 1)}>"
    if kind == "code":
        return f"<pre><code>{escaped}</code></pre>"
    if kind == "quote":  # a paragraph a line, as in its Markdown
        return "<blockquote>" + "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in text.split("\n")) \
            + "</blockquote>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in text.split("\n")) + "</ul>"
    if kind == "caption":
        return f"<figcaption>{escaped}</figcaption>"
    return f"<p>{escaped}</p>"


def _fence(code: str) -> str:
    fence = "`" * max(3, _longest_backtick_run(code) + 1)
    return f"{fence}\n{code}\n{fence}"


def _list_markdown(element: HtmlElement, urls: UrlVerdicts, keep_links: bool, keep_images: bool) -> str:
    """One line per item, a nested list's items indented under the item before them (as CommonMark nests).

    An item is indented under the last written item less deep than itself, so
    the items of a nested list whose parent item has no text are not indented
    under nothing. Each <ol> is numbered from its ``start``, down when ``reversed``;
    an item's own ``value`` renumbers it and the items after it, as in browsers.
    """
    entries = list(list_entries(element))
    lines: list[str] = []
    parents: list[tuple[int, str]] = []  # written items that may hold the next: depth, where their content starts
    numbers: dict[HtmlElement, tuple[int, int]] = {}  # each <ol>'s next number and its step
    sizes: dict[HtmlElement, int] = {}  # items of each list, empty ones too, counted when a reversed list needs them
    for entry in entries:
        owner = entry.owner
        # every item of an <ol> takes its number, an empty one too, as browsers count them
        marker = f"{_item_number(entry, entries, numbers, sizes)}." if owner.tag == "ol" else "-"
        item = inline_markdown(entry.item, urls, keep_links, keep_images, lists_apart=True)
        if not item:
            continue
        while parents and parents[-1][0] >= entry.depth:
            parents.pop()
        indent = parents[-1][1] if parents else ""
        lines.append(f"{indent}{marker} {_plain_line(item)}")
        if len(parents) < _MD_LIST_DEPTH:
            parents.append((entry.depth, indent + " " * (len(marker) + 1)))
    return "\n".join(lines)


def _item_number(entry: ListEntry, entries: list[ListEntry], numbers: dict[HtmlElement, tuple[int, int]],
                 sizes: dict[HtmlElement, int]) -> int:
    """The number of an <ol>'s item, within 0 to LIST_NUMBER_MAX; ``numbers`` keeps each list's next one."""
    owner = entry.owner
    if owner not in numbers:
        numbers[owner] = _first_number(owner, entries, sizes)
    number, step = numbers[owner]
    item = entry.item
    if not isinstance(item, Run) and item.tag == "li" and (value := list_start(item.get("value"))) is not None:
        number = value
    numbers[owner] = (number + step, step)
    return min(max(number, 0), LIST_NUMBER_MAX)


def _first_number(ol: HtmlElement, entries: list[ListEntry], sizes: dict[HtmlElement, int]) -> tuple[int, int]:
    """The number of an <ol>'s first item, and the step to the next.

    A reversed list without a valid ``start`` counts down from its number of
    items, as browsers number it, empty items included; the items of every
    list are counted once, into ``sizes``, when the first such list needs them.
    """
    step = -1 if ol.get("reversed") is not None else 1
    start = list_start(ol.get("start"))
    if start is not None:
        return start, step
    if step > 0:
        return 1, step
    if not sizes:
        for entry in entries:
            sizes[entry.owner] = sizes.get(entry.owner, 0) + 1
    return sizes[ol], step


def _table_markdown(rows: tuple[tuple[str, ...], ...]) -> str:
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    cells = [[_escape(cell).replace("|", "\\|") for cell in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)
