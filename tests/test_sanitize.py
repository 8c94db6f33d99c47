"""The allow-list sanitizer, its URL filter and the independent checker."""

from __future__ import annotations

import html
import re
import sys

import lxml.etree
import lxml.html
import pytest
from attack_vectors import DISGUISED_URLS, all_vectors
from safe_html import is_safe_html

from cleanpress.options import Limits
from cleanpress.parse import parse_html
from cleanpress.sanitize import safe_url, sanitize_element

BASE = "https://news.example/2024/story.html"


def _body(markup: str) -> lxml.html.HtmlElement:
    root, _ = parse_html(markup, Limits())
    return root.find("body")


def _attribute_values(markup: str) -> list[str]:
    root = lxml.html.document_fromstring("<body>" + markup + "</body>") if markup.strip() else None
    if root is None:
        return []
    return [value for el in root.iter() if isinstance(el.tag, str) for value in el.attrib.values()]


def _active(value: str) -> bool:
    """Does an attribute value still carry an active scheme, after any decoding?"""
    squeezed = re.sub(r"[\s\x00-\x20\u00ad\u200b\ufeff]+", "", html.unescape(html.unescape(value))).lower()
    return any(
        squeezed.startswith(scheme)
        for scheme in ("javascript:", "vbscript:", "livescript:", "mocha:", "data:", "file:", "blob:", "feed:")
    )


@pytest.mark.parametrize("vector", all_vectors())
def test_attack_vector_output_is_safe(vector: str) -> None:
    body = _body(f"<p>Before the vector.</p>{vector}<p>After it.</p>")
    before = lxml.etree.tostring(body)
    out = sanitize_element(body, base_url=BASE)
    assert lxml.etree.tostring(body) == before, "the shared tree must not be mutated"
    assert is_safe_html(out), out
    assert not any(_active(v) for v in _attribute_values(out)), out
    assert "Before the vector." in out  # "After it." may rightly be swallowed by an unclosed raw-text element


@pytest.mark.parametrize("url", DISGUISED_URLS)
def test_disguised_urls_are_refused(url: str) -> None:
    decoded = html.unescape(url)
    assert safe_url(decoded, None) is None
    assert safe_url(decoded, BASE) is None
    assert safe_url(url, BASE) is None


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://a.example/x", None, "https://a.example/x"),
        ("HTTP://A.example/x", None, "HTTP://A.example/x"),
        ("/path?q=1#f", BASE, "https://news.example/path?q=1#f"),
        ("other.html", BASE, "https://news.example/2024/other.html"),
        ("../up.html", BASE, "https://news.example/up.html"),
        ("//cdn.example/i.png", BASE, "https://cdn.example/i.png"),
        ("//cdn.example/i.png", None, "//cdn.example/i.png"),
        ("relative/only", None, "relative/only"),
        ("#anchor", BASE, "https://news.example/2024/story.html#anchor"),
        ("mailto:desk@news.example", BASE, "mailto:desk@news.example"),
        ("  https://a.example/x  ", None, "https://a.example/x"),
        ("https://a.example/a b", None, "https://a.example/a%20b"),
        ('https://a.example/"><x', None, "https://a.example/%22%3E%3Cx"),
        ("https://a.example/\nsplit", None, "https://a.example/split"),
        ("https://a.example/x)![i](javascript:alert(1)", None, "https://a.example/x%29![i]%28javascript:alert%281%29"),
        ("https://en.example/wiki/Foo_(bar)", None, "https://en.example/wiki/Foo_%28bar%29"),
        ("relative", "javascript:alert(1)//", "relative"),
    ],
)
def test_safe_url_resolves_and_keeps_safe_urls(url: str, base: str | None, expected: str) -> None:
    assert safe_url(url, base) == expected


@pytest.mark.parametrize(
    "url",
    ["", "   ", "a:b", "ftp://files.example/x", "tel:+100", "sms:1", "chrome://settings", "http://[::1", "x" * 20000],
)
def test_safe_url_refuses_other_schemes_and_junk(url: str) -> None:
    assert safe_url(url, BASE) is None


def test_allowed_structure_survives() -> None:
    markup = (
        "<div><h2>Title</h2><p>Some <em>em</em>, <strong>strong</strong>, <code>code</code>"
        "<sup>1</sup> and a <a href='/x' title='t'>link</a>.</p>"
        "<ul><li>one</li><li>two</li></ul><ol start='3'><li>three</li></ol>"
        "<table><caption>Cap</caption><thead><tr><th colspan='2'>H</th></tr></thead>"
        "<tbody><tr><td rowspan='2'>a</td><td>b</td></tr></tbody></table>"
        "<blockquote><p>Quoted</p></blockquote><pre>  x = 1\n  y = 2</pre>"
        "<figure><img src='/i.png' alt='An image'><figcaption>Caption</figcaption></figure><hr></div>"
    )
    out = sanitize_element(_body(markup)[0], base_url=BASE)
    assert is_safe_html(out)
    for fragment in (
        "<h2>Title</h2>",
        "<em>em</em>",
        '<a href="https://news.example/x" title="t">link</a>',
        "<ul><li>one</li><li>two</li></ul>",
        '<ol start="3">',
        '<th colspan="2">H</th>',
        '<td rowspan="2">a</td>',
        "<pre>  x = 1\n  y = 2</pre>",
        '<img src="https://news.example/i.png" alt="An image">',
        "<figcaption>Caption</figcaption>",
        "<hr>",
    ):
        assert fragment in out


def test_text_is_escaped_and_round_trips() -> None:
    text = 'if a < b && c > d then "quote" & \'apostrophe\' </p><script>'
    paragraph = lxml.html.Element("p")
    paragraph.text = text
    out = sanitize_element(paragraph, base_url=None)
    assert is_safe_html(out)
    assert lxml.html.fragment_fromstring(out).text == text


def test_attribute_values_are_escaped() -> None:
    image = lxml.html.Element("img", src="/a.png", alt='x" onerror="alert(1)')
    out = sanitize_element(image, base_url=None)
    assert is_safe_html(out)
    assert lxml.html.fragment_fromstring(out).get("alt") == 'x" onerror="alert(1)'


def test_unknown_elements_are_unwrapped_and_dangerous_ones_dropped() -> None:
    body = _body("<p><span class='x'>kept</span> <font color=red>also</font><script>gone()</script>"
                 "<iframe>gone too</iframe><svg><text>svg text</text></svg></p>")
    out = sanitize_element(body[0], base_url=None)
    assert out == "<p>kept also</p>"


def test_unwrapped_blocks_do_not_glue_words() -> None:
    out = sanitize_element(_body("<blockquote><div>first</div><div>second</div></blockquote>")[0], base_url=None)
    assert "first second" in re.sub(r"\s+", " ", out)


def test_dangerous_root_gives_nothing() -> None:
    assert sanitize_element(_body("<p>x</p>").makeelement("script"), base_url=None) == ""


def test_keep_links_false_unwraps_and_keep_images_false_drops() -> None:
    body = _body("<p>see <a href='https://a.example/'>this</a> <img src='/i.png' alt='i'></p>")
    assert sanitize_element(body[0], base_url=None, keep_links=False, keep_images=False) == "<p>see this </p>"


def test_unsafe_link_keeps_its_text() -> None:
    out = sanitize_element(_body("<p><a href='javascript:alert(1)'>words</a></p>")[0], base_url=None)
    assert out == "<p>words</p>"


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('src="/a.png"', "https://news.example/a.png"),
        ('src="data:image/gif;base64,R0lGOD" data-src="/lazy.png"', "https://news.example/lazy.png"),
        ('srcset="/s.png 320w, /l.png 1024w, /m.png 640w"', "https://news.example/l.png"),
        ('srcset="/one.png 1x, /two.png 2x"', "https://news.example/two.png"),
        ('data-srcset="/d.png 100w"', "https://news.example/d.png"),
        ('srcset="javascript:alert(1) 2x, /safe.png 1x"', "https://news.example/safe.png"),
    ],
)
def test_image_source_choice(attributes: str, expected: str) -> None:
    out = sanitize_element(_body(f"<p><img {attributes} alt='a'></p>")[0], base_url=BASE)
    assert f'src="{expected}"' in out
    assert "srcset" not in out


def test_image_without_safe_source_is_dropped() -> None:
    out = sanitize_element(_body("<p>x<img src='javascript:alert(1)'>y</p>")[0], base_url=BASE)
    assert out == "<p>xy</p>"


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1e9", "5000", "２", "9" * 5000])
def test_numeric_attributes_must_be_small_numbers(value: str) -> None:
    out = sanitize_element(_body(f"<table><tr><td colspan='{value}'>c</td></tr></table>")[0], base_url=None)
    assert "colspan" not in out


@pytest.mark.parametrize(("attributes", "kept"), [
    ("start=' 7th'", ' start="7"'), ("start='+012'", ' start="12"'), ("start='-3'", ' start="0"'),
    ("start='" + "9" * 5000 + "'", ' start="999999999"'),
    ("reversed", ' reversed=""'), ("reversed='no' start='2'", ' start="2" reversed=""'),
])
def test_list_start_is_read_as_browsers_do_within_what_markdown_can_number(attributes: str, kept: str) -> None:
    out = sanitize_element(_body(f"<ol {attributes}><li>a</li></ol>")[0], base_url=None)
    assert out == f"<ol{kept}><li>a</li></ol>"
    assert is_safe_html(out)


def test_comments_and_processing_instructions_are_skipped_but_tails_kept() -> None:
    paragraph = lxml.html.fragment_fromstring("<p>a<!-- secret -->b</p>")
    paragraph.append(lxml.etree.ProcessingInstruction("php", "echo 1"))
    paragraph[-1].tail = "c"
    out = sanitize_element(paragraph, base_url=None)
    assert out == "<p>abc</p>"


def test_deep_element_is_serialised_without_recursion() -> None:
    depth = 5 * sys.getrecursionlimit()
    root = lxml.html.Element("div")
    node = root
    for _ in range(depth):
        node = lxml.etree.SubElement(node, "b")
    node.text = "bottom"
    out = sanitize_element(root, base_url=None)
    assert out.count("<b>") == depth and "bottom" in out


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<p onclick='x()'>a</p>",
        "<p style='color:red'>a</p>",
        "<a href='javascript:alert(1)'>a</a>",
        "<a href='&#106;avascript:alert(1)'>a</a>",
        "<a href='java&#9;script:alert(1)'>a</a>",
        "<img src='data:image/png;base64,AA'>",
        "<img srcset='/a.png 1x'>",
        "<!-- comment -->",
        "<svg></svg>",
        "<iframe></iframe>",
        "<span>spans are unwrapped, never emitted</span>",
        "<p>text<style>x</style></p>",
        "<p><math></math></p>",
        "<a href='http://ok/' target='_blank'>a</a>",
        "<div>div</div>",
        "<![CDATA[x]]>",
    ],
)
def test_checker_rejects_unsafe_markup(markup: str) -> None:
    assert not is_safe_html(markup)


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "plain text & more",
        "<p>a <a href='https://ok.example/'>b</a></p>",
        "<p><a href='mailto:x@y.example'>m</a> <a href='/rel'>r</a></p>",
        "<figure><img src='//cdn.example/x.png' alt='x'><figcaption>c</figcaption></figure>",
        "<table><tr><td colspan='2'>x</td></tr></table>",
    ],
)
def test_checker_accepts_safe_markup(markup: str) -> None:
    assert is_safe_html(markup)


def test_the_checker_is_not_shipped_with_the_sanitizer() -> None:
    import cleanpress.sanitize

    assert not hasattr(cleanpress.sanitize, "is_safe_html")  # test-only: tests/safe_html.py
