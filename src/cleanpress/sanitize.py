"""Safe HTML out: an allow-list serialiser.

:func:`sanitize_element` does not clean a tree and serialise it; it writes
the output itself, tag by tag, from an allow-list, so that anything it does
not know cannot reach the output: unknown elements give up their text only,
dangerous ones (scripts, frames, forms, SVG, ...) vanish with their content,
and the only attributes are a handful of inert ones plus URLs that passed
:func:`safe_url`. The tests check its output with an independent checker
(``tests/safe_html.py``) that shares none of this code.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

#: Elements the output may contain.
ALLOWED_TAGS: frozenset[str] = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code kbd samp var table thead tbody tfoot tr th td "
    "caption figure figcaption img a em strong b i u s sub sup br hr small mark q cite abbr dfn del ins".split()
)
#: Elements dropped together with everything inside them.
DANGEROUS_TAGS: frozenset[str] = frozenset(
    "script style iframe frame frameset object embed applet form input button select textarea option optgroup "
    "datalist output svg math template base meta link noscript noembed noframes title head param source track "
    "audio video canvas map area dialog portal xmp plaintext listing xml slot".split()
)
#: Elements without content or end tag.
_VOID_TAGS = frozenset(("br", "hr", "img"))
#: Attributes kept, per element (URLs are handled separately).
_PLAIN_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("title",),
    "img": ("alt", "title"),
    "abbr": ("title",),
    "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan"),
    "ol": ("start", "reversed"),
    "li": ("value",),
}
_NUMERIC_ATTRIBUTES = frozenset(("colspan", "rowspan"))
#: The highest list number written: CommonMark's have nine digits at most, and are never negative.
LIST_NUMBER_MAX = 999_999_999
# HTML's rules for parsing integers: leading whitespace, a sign, ASCII digits; anything after is ignored.
_HTML_INTEGER = re.compile(r"[ \t\n\f\r]*([+-]?)([0-9]+)")
#: Allowed elements that keep no attribute at all: their tags are fixed strings.
_BARE_TAGS: dict[str, tuple[str, str]] = {
    tag: (f"<{tag}>", f"</{tag}>")
    for tag in sorted(ALLOWED_TAGS - _VOID_TAGS - set(_PLAIN_ATTRIBUTES) - {"a"})
}
#: Unknown elements that separate blocks: unwrapping them must not glue words together.
_BLOCK_LIKE = frozenset(
    "div section article main header footer aside nav address center details summary fieldset legend "
    "label tr li dt dd p".split()
)
#: Lazy-loading attributes that hold the real image when ``src`` is a placeholder.
_LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src", "data-url")
_LAZY_SRCSETS = ("srcset", "data-srcset", "data-lazy-srcset")

SAFE_SCHEMES: frozenset[str] = frozenset(("http", "https", "mailto"))
_MAX_URL = 16 * 1024

#: Everything a browser ignores or strips when it reads a URL's scheme.
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\s]+")
#: The same, minus the spaces: removed from anywhere in a URL that passes.
_HIDDEN_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_PATH_START_RE = re.compile(r"[/?#]")
#: Percent-encoded on output: they could end an HTML attribute or a Markdown link destination.
_UNSAFE_IN_URL_RE = re.compile(r"[\x00-\x20\x7f-\x9f\s\"'<>`\\()]")
#: What browsers strip from both ends of a URL (C0 controls and spaces), plus Unicode spaces.
_EDGE_RE = re.compile(r"^[\x00-\x20\s]+|[\x00-\x20\s]+$")


def safe_url(url: str, base: str | None) -> str | None:
    """``url`` resolved against ``base`` when its scheme is http, https or mailto; else None.

    The scheme is judged the way a browser would read it, after entities,
    whitespace and control characters are taken out and case is folded, so
    ``JaVa&#x09;script:`` is caught. Relative URLs stay relative when there is
    no ``base``; characters that could break out of an attribute or a Markdown
    link (quotes, angle brackets, parentheses, whitespace) are percent-encoded.
    """
    return _judged(url, _join_base(base))


def _join_base(base: str | None) -> str | None:
    """``base`` made ready to resolve against: stripped, and only when it is absolute with a safe scheme."""
    if base and _scheme_is_safe(base) and _SCHEME_RE.match(_unmask(base)):
        return base.strip()
    return None


def _judged(url: str, base: str | None) -> str | None:
    """:func:`safe_url` with ``base`` already through :func:`_join_base`."""
    if not url or len(url) > _MAX_URL:
        return None
    if not _scheme_is_safe(url):
        return None
    # What comes out is what was judged: controls and invisible characters go
    # (spaces inside stay, percent-encoded below).
    cleaned = url if _plain(url) else _HIDDEN_RE.sub("", _EDGE_RE.sub("", url))
    if not cleaned:
        return None
    if base is not None:
        try:
            cleaned = urljoin(base, cleaned)
        except ValueError:
            return None
        if not _scheme_is_safe(cleaned):
            return None
    try:
        urlsplit(cleaned)
    except ValueError:
        return None
    result = _UNSAFE_IN_URL_RE.sub(_percent_encode, cleaned)
    if result is cleaned and (base is not None or cleaned is url):
        return result  # nothing was encoded (sub gave its argument back): this very string passed above
    return result if _scheme_is_safe(result) else None


class UrlVerdicts:
    """:func:`safe_url` against one base URL, each distinct URL judged once.

    Rendering a page reads every link and image twice (for the HTML and for
    the Markdown), and pages repeat their links. One instance serves one
    render call and dies with it, so no verdict outlives the page or is
    shared between threads.
    """

    __slots__ = ("_base", "_verdicts")

    def __init__(self, base: str | None) -> None:
        self._base = _join_base(base)  # judged once, not for every URL
        self._verdicts: dict[str, str | None] = {}

    def __call__(self, url: str) -> str | None:
        verdicts = self._verdicts
        if url in verdicts:
            return verdicts[url]
        verdict = verdicts[url] = _judged(url, self._base)
        return verdict


def _percent_encode(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8", "replace"))


def _plain(url: str) -> bool:
    """True for printable ASCII without spaces: nothing in it is invisible, hidden or strippable (most URLs)."""
    return url.isascii() and url.isprintable() and " " not in url


def _unmask(url: str) -> str:
    """The URL as a browser reads its scheme: entities decoded (repeatedly), invisibles gone, lowercase."""
    previous = None
    current = url
    if "&" in url:  # no ampersand, no entity
        for _ in range(4):
            if current == previous:
                break
            previous, current = current, html.unescape(current)
    return (current if _plain(current) else _INVISIBLE_RE.sub("", current)).lower()


def _scheme_is_safe(url: str) -> bool:
    """True when ``url`` has no scheme (it is relative) or an allowed one."""
    unmasked = _unmask(url)
    match = _SCHEME_RE.match(unmasked)
    if match:
        return match.group(1) in SAFE_SCHEMES
    # A colon before any path, query or fragment character is a scheme some
    # parser may accept: a safe one would have matched above.
    head = _PATH_START_RE.split(unmasked, maxsplit=1)[0]
    return ":" not in head


def sanitize_element(
    el: lxml.html.HtmlElement,
    *,
    base_url: str | None,
    keep_links: bool = True,
    keep_images: bool = True,
    urls: UrlVerdicts | None = None,
) -> str:
    """``el`` serialised as safe HTML through the allow-list; ``el`` is not changed.

    Dangerous elements disappear with their content, other unknown elements
    are unwrapped (their text stays), links and images keep only URLs that
    pass :func:`safe_url`. An unknown ``el`` itself is unwrapped the same way.
    ``urls`` shares URL verdicts between the calls that render one page (it
    must judge against ``base_url``).
    """
    judge = urls if urls is not None else UrlVerdicts(base_url)
    out: list[str] = []
    # The stack holds elements to open and finished strings to write (end
    # tags, text escaped when pushed), so that nesting of any depth is walked
    # without recursion.
    stack: list[lxml.etree._Element | str] = [el]
    # Holding every visited element until the end matters on deep trees: lxml
    # walks up the ancestors each time an element's Python proxy dies, and
    # releasing them deepest-first (a list frees from its end) keeps that walk short.
    visited: list[lxml.etree._Element] = []
    root = True
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        visited.append(item)
        tail = None if root else item.tail
        if tail:
            stack.append(_escape_text(tail))
        opened = _open_tag(item, judge, keep_links, keep_images) if isinstance(item.tag, str) else None
        if opened is None:
            root = False
            continue  # comments, processing instructions, dropped elements: only the tail stays
        start, end = opened
        root = False
        out.append(start)
        if end is None:
            continue
        stack.append(end)
        stack.extend(reversed(item))
        if item.text:
            stack.append(_escape_text(item.text))
    return "".join(out).strip(" ")


def _open_tag(
    element: lxml.etree._Element, urls: UrlVerdicts, keep_links: bool, keep_images: bool
) -> tuple[str, str | None] | None:
    """(start string, end string or None for void) for one element; None to drop it."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    fixed = _BARE_TAGS.get(tag)
    if fixed is not None:
        return fixed
    if tag in DANGEROUS_TAGS or ":" in tag or "}" in tag:
        return None
    if tag == "img":
        if not keep_images:
            return None
        src = _image_source(element, urls)
        if src is None:
            return None
        return "<img" + _attributes(element, "img", {"src": src}) + ">", None
    if tag in ("br", "hr"):
        return f"<{tag}>", None
    if tag == "a":
        href = urls(element.get("href") or "") if keep_links else None
        if href is None:
            return "", ""
        return "<a" + _attributes(element, "a", {"href": href}) + ">", "</a>"
    if tag in ALLOWED_TAGS:
        return f"<{tag}" + _attributes(element, tag, {}) + ">", f"</{tag}>"
    if tag in _BLOCK_LIKE:
        return " ", " "
    return "", ""


def _image_source(element: lxml.etree._Element, urls: UrlVerdicts) -> str | None:
    """A safe ``src`` for an image: its own, a lazy-loading one, or the best ``srcset`` entry."""
    candidates = [element.get("src") or ""]
    candidates.extend(element.get(name) or "" for name in _LAZY_SOURCES)
    for name in _LAZY_SRCSETS:
        candidates.extend(_srcset_urls(element.get(name) or ""))
    for candidate in candidates:
        if candidate.strip().lower().startswith("data:"):
            continue  # inline placeholders and inline payloads alike stay out
        src = urls(candidate)
        if src:
            return src
    return None


def _srcset_urls(srcset: str) -> list[str]:
    """The URLs of a ``srcset``, widest (or densest) first."""
    entries: list[tuple[float, str]] = []
    for part in srcset.split(","):
        fields = part.split()
        if not fields:
            continue
        size = 0.0
        if len(fields) > 1 and fields[1][:-1].replace(".", "", 1).isdigit():
            size = float(fields[1][:-1])
        entries.append((size, fields[0]))
    entries.sort(key=lambda entry: -entry[0])
    return [url for _, url in entries]


def _attributes(element: lxml.etree._Element, tag: str, urls: dict[str, str]) -> str:
    """The allowed attributes of ``element`` as an escaped attribute string."""
    parts = [f' {name}="{_escape_attribute(value)}"' for name, value in urls.items()]
    for name in _PLAIN_ATTRIBUTES.get(tag, ()):
        value = element.get(name)
        if value is None:
            continue
        if name == "value" and getattr(element.getparent(), "tag", None) != "ol":
            continue  # an item's value numbers it only in an <ol>
        if name in ("start", "value"):  # as Markdown numbers the list, so that both outputs agree
            number = list_start(value)
            if number is None:
                continue
            value = str(number)
        elif name == "reversed":
            value = ""
        elif name in _NUMERIC_ATTRIBUTES:
            value = value.strip()
            # a longer digit string is past the limit anyway, and int() of one past 4300 digits raises
            if not value.isdigit() or not value.isascii() or len(value) > 4 or not 0 < int(value) <= 1000:
                continue
        parts.append(f' {name}="{_escape_attribute(value)}"')
    return "".join(parts)


def list_start(value: str | None) -> int | None:
    """The number an <ol>'s ``start`` (or an <li>'s ``value``) gives, brought within 0 to LIST_NUMBER_MAX;
    None when it gives none."""
    match = _HTML_INTEGER.match(value) if value else None
    if match is None:
        return None
    if match.group(1) == "-":
        return 0
    digits = match.group(2).lstrip("0")
    # int() of a long digit string is slow, and refused past 4300 digits: past ten, the size is all that matters
    return min(int(digits or "0"), LIST_NUMBER_MAX) if len(digits) <= 10 else LIST_NUMBER_MAX


def _escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def _escape_attribute(value: str) -> str:
    return html.escape(value, quote=True)
