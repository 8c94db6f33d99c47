"""Text to one lxml tree, safely and within the caller's limits.

libxml2 does the parsing: fast, forgiving, and with entity resolution and
network access off. Two of its own behaviours would lose content silently,
so they are handled here: it abandons the rest of a document nested deeper
than 2048 elements (such pages go through a small iterative tree builder
instead, which enforces ``Limits.max_depth`` itself), and it refuses empty
documents (they become an empty ``<html><body>``). Nothing here recurses, so
no document can exhaust the Python stack.
"""

from __future__ import annotations

import html.parser
import itertools
import re
import threading

import lxml.etree
import lxml.html

from .decode import clean_text
from .errors import PageTooLarge, TooDeep, TooManyNodes
from .options import Limits

#: libxml2 stops at this depth even with ``huge_tree``; deeper pages are built here.
_LIBXML_MAX_DEPTH = 2048

_local = threading.local()
_HTML_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)

_INTERNAL_SUBSET_RE = re.compile(r"^(\s*(?:<\?xml[^>]*>\s*)?<!doctype[^\[>]*)\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_HTML_HINT_RE = re.compile(
    r"<(?:!doctype|!--|html|head|body|title|meta|link|script|style|p|div|span|br|hr|a|img|table|tr|td|"
    r"ul|ol|li|h[1-6]|article|section|main|header|footer|nav|aside|figure|blockquote|pre|form|iframe|"
    r"frameset|svg|b|i|em|strong|font|center)(?=[\s>/])",
    re.IGNORECASE,
)


def parser() -> lxml.html.HTMLParser:
    """This thread's safe HTML parser (lxml parsers must not be shared between threads)."""
    instance = getattr(_local, "parser", None)
    if instance is None:
        instance = lxml.html.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            huge_tree=True,
            default_doctype=False,
        )
        # Every element an HtmlElement, chosen in C: lxml.html's own lookup picks a
        # class per tag (forms, inputs, ...) in Python, once for every element proxy
        # made, which cost more than parsing; none of those classes is used here.
        instance.set_element_class_lookup(_HTML_CLASSES)
        _local.parser = instance
    return instance


def looks_like_html(text: str) -> bool:
    """True when the first few KB hold HTML tags (what ``format="auto"`` relies on)."""
    return _HTML_HINT_RE.search(text, 0, 8192) is not None


def parse_html(text: str, limits: Limits, *, cleaned: bool = False,
               utf8: bytes | None = None) -> tuple[lxml.html.HtmlElement, bool]:
    """Parse ``text`` into a tree rooted at ``<html>`` that always has a ``<body>``.

    ``cleaned=True`` says ``text`` has been through :func:`clean_text` already
    (the pipeline's decode step does it), so the scan is not repeated.
    ``utf8``, when given, is ``text`` encoded as UTF-8 (the page's own bytes,
    where CR LF or a lone CR may stand for a LF of ``text``: libxml2 reads
    them as LF), which the parser then reads instead of encoding ``text`` again.

    Returns the root and whether the page was cut to fit ``limits`` (only
    when ``limits.truncate``; otherwise a :class:`PageTooLarge`,
    :class:`TooDeep` or :class:`TooManyNodes` is raised). Comments, processing
    instructions and DTD internal subsets are dropped; entities are never
    defined or expanded and nothing is fetched.
    """
    truncated = False
    if len(text) > limits.max_bytes:
        if not limits.truncate:
            raise PageTooLarge(
                f"page has {len(text):,} characters, more than the limit of {limits.max_bytes:,}",
                limit="max_bytes",
                value=len(text),
                maximum=limits.max_bytes,
            )
        text = text[: limits.max_bytes]
        truncated = True
        utf8 = None
    source = text if cleaned else clean_text(text)
    prepared = _INTERNAL_SUBSET_RE.sub(r"\1>", _drop_control_references(source, utf8 if source is text else None),
                                       count=1)
    if prepared is not text:  # each step returns its argument itself when it changes nothing
        text, utf8 = prepared, None
    if not text or text.isspace():
        return _empty_document(), truncated
    root = _libxml_parse(text, utf8)
    if root is None or _too_deep_for(root, limits):
        root, cut = _build_iteratively(text, limits)
        truncated = truncated or cut
    else:
        _unnest_void_elements(root)
        truncated = _enforce_node_limit(root, text, limits, utf8) or truncated
    _ensure_body(root)
    return root, truncated


def _drop_control_references(text: str, utf8: bytes | None = None) -> str:
    """Remove character references to control characters (``&#1;``, ``&#x7f``).

    The parser would decode them into the very characters :func:`clean_text`
    took out of the raw text; libxml2 already turns NUL, surrogates and C1
    references into proper characters, these are what it lets through.
    ``utf8`` is the page's own UTF-8 bytes for ``text``, if at hand (see
    :func:`parse_html`): searching bytes is quicker, and the references are
    ASCII, spelt the same in both.
    """
    if (_CONTROL_REFERENCE_BYTES_RE.search(utf8) is None) if utf8 is not None else "&#" not in text:
        return text
    return _CONTROL_REFERENCE_RE.sub(_control_reference, text)


#: Numeric references to exactly the codes of ``_CONTROL_CODES`` (decimal 1-8, 11-31, 127, 65534-5;
#: hex the same), and to no other: pages hold thousands of ``&#8217;`` that need no Python call.
_CONTROL_REFERENCE_RE = re.compile(
    r"&#(?:[xX]0*(?P<hex>[1-8b-fB-F]|1[0-9a-fA-F]|7[fF]|[fF]{3}[eEfF])(?![0-9a-fA-F])"
    r"|0*(?P<dec>[1-8]|1[1-9]|2[0-9]|3[01]|127|6553[45])(?![0-9]));?"
)
_CONTROL_REFERENCE_BYTES_RE = re.compile(_CONTROL_REFERENCE_RE.pattern.encode("ascii"))
_CONTROL_CODES: dict[int, str] = {code: "" for code in (*range(1, 9), *range(0x0E, 0x20), 0x7F, 0x0D, 0xFFFE, 0xFFFF)}
_CONTROL_CODES.update({0x0B: "\n", 0x0C: "\n"})


def _control_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.group("hex", "dec")
    return _CONTROL_CODES[int(hexadecimal, 16) if hexadecimal is not None else int(decimal)]


def _libxml_parse(text: str, utf8: bytes | None = None) -> lxml.html.HtmlElement | None:
    """libxml2's tree, an empty document for nothing to parse, or None past its depth cap.

    ``utf8`` is the page's own UTF-8 bytes for ``text``, when the caller has them (see :func:`parse_html`).
    """
    safe = parser()
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8") if utf8 is None else utf8, parser=safe)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        root = None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in safe.error_log):
        return None
    if root is None:
        return _empty_document()
    if root.tag != "html":
        wrapper = _empty_document()
        wrapper.find("body").append(root)
        root = wrapper
    return root


#: HTML5 void elements that libxml2 (an HTML 4 parser) reads as containers.
_MISREAD_VOID = ("embed", "source", "track", "keygen", "wbr")


def _unnest_void_elements(root: lxml.html.HtmlElement) -> None:
    """Move what libxml2 nested inside void elements back out after them.

    libxml2 reads ``<embed src=x><p>More</p>`` as an embed holding the
    paragraph, so a stage that drops embeds would drop the rest of the
    article with it.
    """
    for element in list(root.iter(*_MISREAD_VOID)):
        if not len(element) and not element.text:
            continue
        after = element.tail
        element.tail = element.text
        element.text = None
        children = list(element)
        for child in reversed(children):
            element.addnext(child)
        last = children[-1] if children else element
        if after:
            last.tail = (last.tail or "") + after


def _too_deep_for(root: lxml.html.HtmlElement, limits: Limits) -> bool:
    """True when the tree nests deeper than a caller's (low) ``max_depth``."""
    if limits.max_depth >= _LIBXML_MAX_DEPTH:
        return False  # libxml2 already refused anything deeper than its own cap
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest > limits.max_depth


#: The elements libxml2 implies once per page: html, head, body.
_IMPLIED_ELEMENTS = 3


def _enforce_node_limit(root: lxml.html.HtmlElement, text: str, limits: Limits, utf8: bytes | None = None) -> bool:
    """Raise past ``max_nodes``, or (truncating) cut the tree after that many elements (parsed from ``text``,
    or from ``utf8``, its bytes, which are quicker to count in)."""
    # Every element opens at a "<" of the text, except the html, head and body that libxml2
    # implies and the <p> it implies for loose text or an inline tag outside them (at most one
    # per run of text: one per "<" and one more). When twice the "<"s stay within the limit,
    # the elements need no counting; nor do the "<"s, when the whole text is short enough.
    if 2 * (len(utf8 if utf8 is not None else text) + 1) + _IMPLIED_ELEMENTS <= limits.max_nodes:
        return False
    opening = utf8.count(b"<") if utf8 is not None else text.count("<")
    if 2 * (opening + 1) + _IMPLIED_ELEMENTS <= limits.max_nodes:
        return False
    count = int(root.xpath("count(//*)"))
    if count <= limits.max_nodes:
        return False
    if not limits.truncate:
        raise TooManyNodes(
            f"page has {count:,} elements, more than the limit of {limits.max_nodes:,}",
            limit="max_nodes",
            value=count,
            maximum=limits.max_nodes,
        )
    last = next(itertools.islice(root.iter(), limits.max_nodes - 1, None))
    for child in list(last):
        last.remove(child)
    node = last
    while node is not None:
        for following in list(node.itersiblings()):
            node.getparent().remove(following)
        node = node.getparent()
    return True


def _empty_document() -> lxml.html.HtmlElement:
    """``<html><head></head><body></body></html>``, built by this thread's parser."""
    make = parser().makeelement
    root = make("html")
    root.append(make("head"))
    root.append(make("body"))
    return root


def _ensure_body(root: lxml.html.HtmlElement) -> None:
    """Give every tree a ``<body>``; a frameset page's ``<noframes>`` text becomes its content."""
    if root.find("body") is not None:
        return
    body = parser().makeelement("body")
    root.append(body)
    for noframes in root.iter("noframes"):
        fallback = (noframes.text or "").strip()
        if not fallback:
            continue
        fragment = _libxml_parse(fallback)
        if fragment is not None and fragment.find("body") is not None:
            source = fragment.find("body")
            body.text = source.text
            body.extend(list(source))
        break


#: Elements that never have content or an end tag.
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame".split()
)
#: Elements that belong in ``<head>``.
_HEAD_ONLY = frozenset(("title", "meta", "link", "base"))
#: A start tag of one of these closes an open element of the paired group.
_AUTO_CLOSE: dict[str, frozenset[str]] = {
    "p": frozenset(("p",)),
    "li": frozenset(("li",)),
    "dt": frozenset(("dt", "dd")),
    "dd": frozenset(("dt", "dd")),
    "tr": frozenset(("tr", "td", "th")),
    "td": frozenset(("td", "th")),
    "th": frozenset(("td", "th")),
    "option": frozenset(("option",)),
}
_BLOCKS_CLOSING_P = frozenset(
    "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "main nav ol p pre section table ul".split()
)
#: How far up the open elements an end tag looks for its start tag.
_END_TAG_REACH = 256


class _DeepBuilder(html.parser.HTMLParser):
    """A small HTML tree builder for pages nested beyond libxml2's reach.

    It knows just enough of HTML's implied end tags to keep paragraphs and
    list items apart; past ``max_depth`` it flattens (keeps the text, drops
    the extra nesting) or raises :class:`TooDeep`; past ``max_nodes`` it stops
    building or raises :class:`TooManyNodes`.
    """

    def __init__(self, limits: Limits) -> None:
        super().__init__(convert_charrefs=True)
        self.limits = limits
        self.make = parser().makeelement
        self.root = _empty_document()
        self.head = self.root[0]
        self.stack: list[lxml.html.HtmlElement] = [self.root, self.root[1]]
        self.nodes = 3
        self.flattened = 0
        self.cut = False
        self.full = False
        self.pending: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.full:
            return
        if tag in ("html", "head", "body"):
            target = {"html": self.root, "head": self.head}.get(tag, self.stack[1])
            self._set_attributes(target, attrs)
            return
        closes = _AUTO_CLOSE.get(tag)
        top = self.stack[-1].tag
        if len(self.stack) > 2 and ((closes and top in closes) or (tag in _BLOCKS_CLOSING_P and top == "p")):
            self._flush()
            self.stack.pop()
        void = tag in _VOID
        if not void and len(self.stack) >= self.limits.max_depth:
            if not self.limits.truncate:
                raise TooDeep(
                    f"elements nest deeper than the limit of {self.limits.max_depth:,}",
                    limit="max_depth",
                    value=len(self.stack) + 1,
                    maximum=self.limits.max_depth,
                )
            self.flattened += 1
            self.cut = True
            return
        if self.nodes >= self.limits.max_nodes:
            if not self.limits.truncate:
                raise TooManyNodes(
                    f"page has more elements than the limit of {self.limits.max_nodes:,}",
                    limit="max_nodes",
                    value=self.nodes + 1,
                    maximum=self.limits.max_nodes,
                )
            self._flush()
            self.full = self.cut = True
            return
        self._flush()
        try:
            element = self.make(tag)
        except ValueError:
            if not void:
                self.flattened += 1
            return
        self._set_attributes(element, attrs)
        self.nodes += 1
        (self.head if tag in _HEAD_ONLY else self.stack[-1]).append(element)
        if not void:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.full:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.full or tag in _VOID or tag in ("html", "head", "body"):
            return
        if self.flattened:
            # Flattened elements are the innermost open ones: this closes one of them.
            self.flattened -= 1
            return
        reach = max(2, len(self.stack) - _END_TAG_REACH)
        for index in range(len(self.stack) - 1, reach - 1, -1):
            if self.stack[index].tag == tag:
                self._flush()
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self.full and data:
            self.pending.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        """Put the text gathered since the last tag where it belongs (joined once, not per chunk)."""
        if not self.pending:
            return
        data = "".join(self.pending)
        self.pending.clear()
        parent = self.stack[-1]
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + data
        else:
            parent.text = (parent.text or "") + data

    def _set_attributes(self, element: lxml.html.HtmlElement, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            try:
                element.set(name, value or "")
            except (ValueError, TypeError):
                continue  # a name or value XML cannot hold: the attribute goes, the element stays


def _build_iteratively(text: str, limits: Limits) -> tuple[lxml.html.HtmlElement, bool]:
    """Build the tree with :class:`_DeepBuilder`; returns it and whether anything was cut."""
    builder = _DeepBuilder(limits)
    builder.feed(text)
    builder.close()
    return builder.root, builder.cut
