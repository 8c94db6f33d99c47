"""Markdown of the kept blocks: inline emphasis, code, links and images, lists, tables, quotes, code blocks.

Written from each block's own element, as CommonMark reads it back: every
link and image URL passes through ``sanitize.safe_url`` (once per distinct
URL of the page, see ``sanitize.UrlVerdicts``), and every character that
Markdown would read as markup is escaped.
"""

from __future__ import annotations

import re

import regex
from lxml import etree
from lxml.html import HtmlElement

from .flatten import ListEntry, Run, list_entries, quote_parts
from .sanitize import LIST_NUMBER_MAX, UrlVerdicts, list_start
from .tags import BLOCK_TAGS, LIST_TAGS
from .textutil import INVISIBLE_SPACES, SOFT_HYPHENS, collapse

# Before each character that Markdown reads as markup, and each "&" that starts what it would read as an entity
# ("400&percnt;" as text): a backslash goes there (a literal, no template to expand).
_MD_SPECIAL = re.compile(r"(?=[\\`*_\[\]<>]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)")
# What makes a line a list item, heading, quote or thematic break ("---") in CommonMark (a leading "*" or "_"
# is escaped with the rest); and, after a line break inside a paragraph, what would make the line before a
# heading ("==", "--") or open a code fence ("~~~").
_MD_LINE_START = re.compile(r"^(?:\d{1,9}[.)]|[+-]|#{1,6})(?=\s|$)|^>|^-(?=[ \t]*-[ \t]*-[- \t]*$)"
                            r"|(?<=\n)(?:=+|-+)(?=[ \t]*$)|(?<=\n)~{3,}", re.MULTILINE)
# Where a <br> broke a paragraph's line, in what the writer writes; a character the decoder never lets through.
_LINE_BREAK = "\x00"
# A hard line break in CommonMark: a backslash at the end of the line.
_HARD_BREAK = "\\\n"
_BACKTICKS = re.compile(r"`+")
_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
# What collapse() turns into a space or drops, beside whitespace (and a line break's mark, which reads as space
# to the markers around it); and a run of those and whitespace.
_COLLAPSED = INVISIBLE_SPACES + SOFT_HYPHENS + _LINE_BREAK
_SPACE_RUN = re.compile(rf"[\s{_COLLAPSED}]*")
_BLANKS = INVISIBLE_SPACES + _LINE_BREAK
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
# Kinds whose lines (one a <br>) stay apart as hard line breaks: a paragraph, and a reader's comment.
_LINED_KINDS = frozenset({"paragraph", "comment"})


def block_markdown(kind: str, text: str, level: int, element: HtmlElement, rows: tuple[tuple[str, ...], ...],
                   urls: UrlVerdicts, keep_links: bool, keep_images: bool) -> str:
    """The Markdown of a kept block that has its element (``rows``: a table's cells, as flatten wrote them)."""
    if kind == "list":
        return _list_markdown(element, urls, keep_links, keep_images)
    if kind == "table":
        return _table_markdown(rows)
    if kind == "code":
        return _fence(text)
    if kind == "quote":
        lines = [inline_markdown(part, urls, keep_links, keep_images) for part in quote_parts(element)]
        paragraphs = [line for line in lines if line]
        return _quote(paragraphs) if paragraphs else plain_markdown(kind, text, 0)
    paragraph = kind in _LINED_KINDS
    inline = inline_markdown(element, urls, keep_links, keep_images, line_breaks=paragraph)
    return _prefix(kind, inline or (_escape_lines(text) if paragraph else _escape(text)), level)


def inline_markdown(part: HtmlElement | Run, urls: UrlVerdicts, keep_links: bool, keep_images: bool,
                    lists_apart: bool = False, line_breaks: bool = False) -> str:
    """An element's content, or a run of loose content, as one line of Markdown: emphasis, code, links, images.

    Blocks and <br> inside it become spaces, as in the block's text; with
    ``line_breaks`` (a paragraph) a <br> is a hard line break, as in the
    paragraph's text. With ``lists_apart`` the lists inside are left out: a
    list item's nested lists are written as items of their own.
    """
    writer = InlineWriter(urls, keep_links, keep_images, lists_apart, line_breaks)
    if isinstance(part, Run):
        writer.write_run(part)
    else:
        writer.write(part, part)
    written = "".join(writer.out)
    if _LINE_BREAK not in written:
        return collapse(written)
    return _HARD_BREAK.join(line for line in map(collapse, written.split(_LINE_BREAK)) if line)


class InlineWriter:
    """Writes inline content as Markdown into ``out``, a list of pieces joined at the end.

    One walk per element: what an element opens (a link, an emphasis, a code
    span) is remembered on a stack at its start and wrapped around what was
    written inside it at its end, when the words inside are known: markers
    hug their words, and around nothing there is no markup.
    """

    __slots__ = (
        "_closed",
        "_codes",
        "_emphases",
        "_keep_images",
        "_keep_links",
        "_line_breaks",
        "_links",
        "_lists_apart",
        "_urls",
        "out",
    )

    def __init__(self, urls: UrlVerdicts, keep_links: bool, keep_images: bool, lists_apart: bool,
                 line_breaks: bool = False) -> None:
        self.out: list[str] = []
        self._urls = urls
        self._keep_links = keep_links
        self._keep_images = keep_images
        self._lists_apart = lists_apart
        self._line_breaks = line_breaks  # a <br> outside code writes _LINE_BREAK, not a space
        self._links: list[tuple[int, str | None]] = []  # where the content of each open link starts, and its URL
        # Each open emphasis: where its content starts, its marker ("" inside an open one of the same marker,
        # whose markers it shares: "****x****" is no emphasis at all), and the piece of an emphasis of the same
        # marker right before it, which it continues ("**r****eal**" would show its asterisks).
        self._emphases: list[tuple[int, str, str | None]] = []
        self._closed: tuple[str, str] | None = None  # the piece the last emphasis wrote, and its marker, if it ends with it
        # where the content of each open <code> starts: inside one, text is written as it is and markup is not
        self._codes: list[int] = []

    def write_run(self, run: Run) -> None:
        """A run of loose content: its lead text, then each node with its own emphasis and its tail."""
        self.out.append(_escape(run.lead))
        for node in run.nodes:
            if isinstance(node.tag, str):
                self.write(node, None)
            elif node.tail:  # a comment
                self.out.append(_escape(node.tail))

    def write(self, top: HtmlElement, element: HtmlElement | None) -> None:
        """Write ``top``: the content of the block ``element`` when ``top`` is it, else (``element`` None) an
        element of a run, with its own emphasis and its tail."""
        self._links, self._emphases, self._closed, self._codes = [], [], None, []
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, node in walker:
            if not isinstance(node.tag, str):
                if event == "end" and node.tail:
                    self.out.append(node.tail if self._codes else _escape(node.tail))
            elif event == "start":
                if self._start(node, node is element):
                    walker.skip_subtree()
            elif self._codes:
                self._end_in_code(node)
            else:
                self._end(node, node is element)

    def _start(self, node: HtmlElement, is_block: bool) -> bool:
        """Open ``node``; True when its subtree is to be skipped (a list left apart)."""
        tag = node.tag
        out = self.out
        follows = self._closed
        if tag == "a" or tag == "code" or tag in _EMPHASIS:
            self._closed = None  # what opens marks a place in out: an emphasis inside it continues nothing before it
        if self._codes:
            return self._start_in_code(node)
        if tag == "a":  # the brackets are placed when the words inside are known
            self._links.append((len(out), self._urls(node.get("href", "")) if self._keep_links else None))
        elif tag in _EMPHASIS and not is_block:  # the marker is placed when the words inside are known
            marker = "" if any(m == _EMPHASIS[tag] for _, m, _ in self._emphases) else _EMPHASIS[tag]
            continued = follows[0] if follows and follows[1] == marker and out and out[-1] is follows[0] else None
            self._emphases.append((len(out), marker, continued))
        elif tag == "code" and not is_block:
            self._codes.append(len(out))  # the fence is chosen when the words inside are known
            if node.text:
                out.append(node.text)
            return False
        elif tag == "img" and self._keep_images:
            src = self._urls(node.get("src", ""))
            if src:
                out.append(f"![{_escape(collapse(node.get('alt', '')))}]({src})")
        elif tag == "br":
            out.append(_LINE_BREAK if self._line_breaks else " ")
        elif tag in BLOCK_TAGS and not is_block:
            out.append(" ")
            if self._lists_apart and tag in LIST_TAGS:
                return True
        if node.text:
            out.append(_escape(node.text))
        return False

    def _start_in_code(self, node: HtmlElement) -> bool:
        """Open ``node`` inside a code span, which shows any marker literally: only the words inside are written."""
        tag = node.tag
        if tag == "code":
            self._codes.append(len(self.out))
        elif tag == "br" or tag in BLOCK_TAGS:
            self.out.append(" ")
            if self._lists_apart and tag in LIST_TAGS:
                return True
        if node.text:
            self.out.append(node.text)
        return False

    def _end(self, node: HtmlElement, is_block: bool) -> None:
        """Close ``node``: wrap what was written inside it in its markup, then write its tail."""
        tag = node.tag
        out = self.out
        if tag == "a":
            start, href = self._links.pop()
            if href:
                _link(out, start, href)
        elif tag in _EMPHASIS and not is_block:
            start, marker, continued = self._emphases.pop()
            if marker:
                piece = _emphasise(out, start, marker, continued, node.tail or "")
                self._closed = (piece, marker) if piece is not None else None
        elif tag in BLOCK_TAGS and not is_block:
            out.append(" ")
        if not is_block and node.tail:
            out.append(_escape(node.tail))

    def _end_in_code(self, node: HtmlElement) -> None:
        """Close ``node`` inside a code span; the outermost <code> fences what was written inside it."""
        out = self.out
        if node.tag == "code":
            start = self._codes.pop()
            if not self._codes:
                _code_span(out, start)
        elif node.tag in BLOCK_TAGS:
            out.append(" ")
        if node.tail:
            out.append(node.tail if self._codes else _escape(node.tail))


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
    return bool(text) and not text[0].isspace() and text[0] not in _BLANKS and _PUNCTUATION.match(text) is None


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


def plain_markdown(kind: str, text: str, level: int) -> str:
    """The Markdown of a block known only by its text (no element: loose text between blocks, text-mode input)."""
    if kind == "code":
        return _fence(text)
    if kind == "list":
        return "\n".join(f"- {_escape(line)}" for line in text.split("\n"))
    return _prefix(kind, _escape_lines(text) if kind in _LINED_KINDS else _escape(text), level)


def _escape_lines(text: str) -> str:
    """A paragraph's text escaped, its lines (one a <br>) kept apart by hard line breaks."""
    return _HARD_BREAK.join(map(_escape, text.split("\n"))) if "\n" in text else _escape(text)


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
