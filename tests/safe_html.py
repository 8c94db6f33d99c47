"""An independent checker of the HTML cleanpress writes, for the tests only.

:func:`is_safe_html` re-parses markup with two different parsers (libxml2,
as a tree, and Python's own tokenizer, tag by tag) and checks it against an
allow-list written out here again rather than imported from
``cleanpress.sanitize``, so that a test that passes both is not testing the
sanitizer against itself, and a slip in the sanitizer's tables does not also
slip into its test.
"""

from __future__ import annotations

import html
import html.parser
import re

import lxml.etree
import lxml.html


def is_safe_html(markup: str) -> bool:
    """True when ``markup`` holds only allowed elements, attributes and URL schemes.

    Parsed twice, by libxml2 (as a tree) and by Python's tokenizer (tag by
    tag), so that markup one parser reads harmlessly but the other reads as
    a tag still fails. Comments and processing instructions fail too.
    """
    checker = _TokenChecker()
    try:
        checker.feed(markup)
        checker.close()
    except (AssertionError, ValueError):
        return False
    if not checker.safe:
        return False
    return _tree_is_safe(markup)


#: What the checker accepts.
_CHECK_TAGS = frozenset(
    "html head body p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code kbd samp var table thead tbody "
    "tfoot tr th td caption figure figcaption img a em strong b i u s sub sup br hr small mark q cite abbr dfn "
    "del ins".split()
)
_CHECK_ATTRIBUTES = frozenset(("href", "src", "alt", "title", "colspan", "rowspan", "start", "reversed", "value"))
_CHECK_URL_ATTRIBUTES = frozenset(("href", "src"))


def _url_is_safe(value: str) -> bool:
    """The checker's own reading of a URL: no scheme but http, https and mailto."""
    decoded = value
    for _ in range(4):
        decoded = html.unescape(decoded)
    squeezed = "".join(ch for ch in decoded if ch.isprintable() and not ch.isspace()).lower()
    squeezed = squeezed.replace("\u00ad", "")
    before_path = re.split(r"[/?#]", squeezed, maxsplit=1)[0]
    if ":" not in before_path:
        return True
    return before_path.split(":", 1)[0] in ("http", "https", "mailto")


def _attribute_is_safe(name: str, value: str | None) -> bool:
    name = name.lower()
    if name not in _CHECK_ATTRIBUTES:
        return False
    if name in _CHECK_URL_ATTRIBUTES:
        return value is not None and _url_is_safe(value)
    return True


class _TokenChecker(html.parser.HTMLParser):
    """Python's own HTML tokenizer, flagging any token outside the allow-list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.safe = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _CHECK_TAGS or not all(_attribute_is_safe(n, v) for n, v in attrs):
            self.safe = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _CHECK_TAGS:
            self.safe = False

    def handle_comment(self, data: str) -> None:
        self.safe = False

    def handle_decl(self, decl: str) -> None:
        self.safe = False

    def handle_pi(self, data: str) -> None:
        self.safe = False

    def unknown_decl(self, data: str) -> None:
        self.safe = False


def _tree_is_safe(markup: str) -> bool:
    """libxml2's reading of ``markup``: every element, attribute and URL on the allow-list."""
    if not markup.strip():
        return True
    checking_parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=False, remove_pis=False, no_network=True, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(("<body>" + markup).encode("utf-8"), parser=checking_parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return False
    for node in root.iter():
        if not isinstance(node.tag, str):
            return False  # a comment or processing instruction
        if node.tag not in _CHECK_TAGS:
            return False
        for name, value in node.attrib.items():
            if not _attribute_is_safe(name, value):
                return False
    return True
