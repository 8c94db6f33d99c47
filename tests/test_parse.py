"""The safe parser: always a body, limits enforced, no entities, no recursion."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from cleanpress.errors import LimitExceeded, PageTooLarge, TooDeep, TooManyNodes
from cleanpress.options import Limits
from cleanpress.parse import looks_like_html, parse_html

DEFAULT = Limits()


def _body_text(markup: str, limits: Limits = DEFAULT) -> str:
    root, _ = parse_html(markup, limits)
    return root.find("body").text_content()


@pytest.mark.parametrize(
    "markup",
    [
        "", " ", "\n\t\r\n", "\u3000\u00a0", "<!-- only a comment -->", "<?php echo 1; ?>", "<!DOCTYPE html>",
        "<html></html>", "<head><title>Only a head</title></head>", "<html><head></head></html>",
        "<frameset><frame src='a.html'></frameset>", "<![CDATA[x]]>", "<", ">", "&", "</p>", "<p", "<p class=",
        "<!--", "<!-- unclosed", "<script>", "<script>unclosed(", "<style>", "\x00", "\x00" * 50, "\ud800",
        "<svg><circle r='4'/></svg>", "<math><mi>x</mi></math>", "<table>", "<tr><td>", "<xml><a/></xml>",
    ],
)
def test_every_input_gets_a_root_with_a_body(markup: str) -> None:
    root, truncated = parse_html(markup, DEFAULT)
    assert root.tag == "html"
    assert isinstance(root, lxml.html.HtmlElement)
    assert root.find("body") is not None
    assert truncated is False


def test_frameset_page_gets_its_noframes_text_as_body() -> None:
    markup = (
        "<html><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'>"
        "<noframes><p>This site uses frames; read <a href='a.html'>the text version</a>.</p></noframes>"
        "</frameset></html>"
    )
    assert "This site uses frames" in _body_text(markup)


def test_comments_and_processing_instructions_are_removed() -> None:
    root, _ = parse_html("<p>a<!-- hidden -->b<?pi x?>c</p>", DEFAULT)
    assert not [n for n in root.iter() if not isinstance(n.tag, str)]
    assert root.find("body").text_content() == "abc"


def test_text_before_and_after_void_elements_that_libxml2_misreads() -> None:
    root, _ = parse_html("<p>one</p><embed src='x.swf'>inside<p>two</p>after<source src=a><p>three</p>", DEFAULT)
    body = root.find("body")
    assert [p.text for p in body.iter("p")] == ["one", "two", "three"]
    for name in ("embed", "source"):
        element = body.find(name)
        assert len(element) == 0 and not element.text
    assert "inside" in body.text_content() and "after" in body.text_content()


def test_nul_controls_and_surrogates_do_not_break_parsing() -> None:
    text = _body_text("<p>a\x00b\x07c\ud83dd\r\ne</p>")
    assert text == "abc\ufffdd\ne"


@pytest.mark.parametrize(
    "reference", ["&#1;", "&#x11", "&#x0000001F;", "&#127;", "&#x7F", "&#13;", "&#65535;", "&#0;", "&#xD800;", "&#x110000;"]
)
def test_references_to_control_characters_do_not_become_controls(reference: str) -> None:
    root, _ = parse_html(f"<p title='a{reference}z'>a{reference}z</p>", DEFAULT)
    paragraph = root.find("body/p")
    for value in (paragraph.text, paragraph.get("title")):
        assert value.startswith("a") and value.endswith("z")
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]", value)


def test_references_to_ordinary_characters_are_untouched() -> None:
    root, _ = parse_html("<p>&#x11b;&#65;&#x41&#8217;&#x1F600;&#160;&#9;x</p>", DEFAULT)
    assert root.find("body/p").text == "ěAA’😀\u00a0\tx"


def test_internal_dtd_subset_is_dropped_and_entities_stay_literal() -> None:
    markup = (
        '<!DOCTYPE html [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><p>&c;&b;&a;</p>'
    )
    text = _body_text(markup)
    assert "AAAA" not in text
    assert "]>" not in text


@pytest.mark.parametrize(
    "template",
    [
        '<!DOCTYPE html [<!ENTITY secret SYSTEM "file://{path}">]><p>before &secret; after</p>',
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY secret SYSTEM "{path}">]><p>before &secret; after</p>',
        '<!DOCTYPE p SYSTEM "file://{path}"><p>before after</p>',
        '<!DOCTYPE html [<!ENTITY % ext SYSTEM "file://{path}"> %ext;]><p>before after</p>',
        '<p>before <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{path}" parse="text"/> after</p>',
    ],
)
def test_system_entities_never_read_local_files(tmp_path: Path, template: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-CONTENT")
    root, _ = parse_html(template.format(path=secret), DEFAULT)
    serialised = lxml.etree.tostring(root, encoding="unicode")
    assert "TOPSECRET" not in serialised
    assert "before" in serialised


def test_page_too_large_raises_or_truncates() -> None:
    markup = "<p>" + "word " * 1000 + "</p>"
    with pytest.raises(PageTooLarge) as info:
        parse_html(markup, Limits(max_bytes=1000))
    assert info.value.limit == "max_bytes" and info.value.maximum == 1000 and info.value.value == len(markup)
    root, truncated = parse_html(markup, Limits(max_bytes=1000, truncate=True))
    assert truncated
    assert 0 < len(root.find("body").text_content()) <= 1000


@pytest.mark.parametrize("with_bytes", [False, True])
def test_too_many_nodes_raises_or_cuts_in_document_order(with_bytes: bool) -> None:
    markup = "".join(f"<p>para {i}</p>" for i in range(100))
    utf8 = markup.encode("utf-8") if with_bytes else None
    with pytest.raises(TooManyNodes):
        parse_html(markup, Limits(max_nodes=50), cleaned=True, utf8=utf8)
    root, truncated = parse_html(markup, Limits(max_nodes=50, truncate=True), cleaned=True, utf8=utf8)
    assert truncated
    paragraphs = [p.text for p in root.iter("p")]
    assert paragraphs == [f"para {i}" for i in range(len(paragraphs))]
    assert len(list(root.iter())) <= 50


@pytest.mark.parametrize("depth", [3000, 100_000])
def test_deep_nesting_past_the_default_limit_raises_too_deep_cleanly(depth: int) -> None:
    markup = "<div>" * depth + "bottom" + "</div>" * depth + "<p>after</p>"
    if depth <= DEFAULT.max_depth:
        assert "after" in _body_text(markup)
    else:
        with pytest.raises(TooDeep) as info:
            parse_html(markup, DEFAULT)
        assert isinstance(info.value, LimitExceeded)


@pytest.mark.parametrize("depth", [100, 2047, 2049, 3000, 5000, 30_000])
def test_deep_nesting_keeps_every_word_when_truncating(depth: int) -> None:
    markup = "<p>before</p>" + "<div><span>x</span>" * depth + "bottom" + "</div>" * depth + "<p>after</p>"
    root, truncated = parse_html(markup, Limits(max_depth=1000, truncate=True))
    text = root.find("body").text_content()
    assert text.startswith("before") and text.endswith("bottomafter")
    assert text.count("x") == depth
    assert truncated is (depth + 3 > 1000)
    deepest = depth_now = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth_now += 1 if event == "start" else -1
        deepest = max(deepest, depth_now)
    assert deepest <= 1000


def test_between_libxml_cap_and_default_limit_nothing_is_lost() -> None:
    depth = 3000
    markup = "<div>" * depth + "<p>deep paragraph</p>" + "</div>" * depth + "<p>after</p><ul><li>a<li>b</ul>"
    root, truncated = parse_html(markup, DEFAULT)
    assert not truncated
    body = root.find("body")
    assert "deep paragraph" in body.text_content() and "after" in body.text_content()
    assert [li.text for li in root.iter("li")] == ["a", "b"]


def test_low_depth_limit_is_enforced_without_truncate() -> None:
    with pytest.raises(TooDeep):
        parse_html("<div>" * 20 + "x", Limits(max_depth=10))


def test_huge_text_node_is_kept_whole() -> None:
    word = "lorem "
    markup = "<p>" + word * 2_000_000 + "</p>"
    assert len(_body_text(markup)) == len(word) * 2_000_000


def test_one_parser_per_thread_gives_identical_trees() -> None:
    pages = [f"<div class='c{i}'><p>para {i}</p><ul><li>x<li>y</ul></div>" * 20 for i in range(8)]
    expected = [lxml.etree.tostring(parse_html(page, DEFAULT)[0]) for page in pages]
    results: dict[int, list[bytes]] = {}

    def work(index: int) -> None:
        results[index] = [lxml.etree.tostring(parse_html(page, DEFAULT)[0]) for page in pages * 5]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for trees in results.values():
        assert trees == expected * 5


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html>", "  <html lang='en'>", "<p>one</p>", "<div class='x'>", "text then <br> a break",
        "<BODY>", "<!-- c --><title>t</title>", "<table><tr><td>1</td></tr></table>", "<h2>Heading</h2>",
    ],
)
def test_looks_like_html(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "", "Plain text only.\n\nSecond paragraph.", "a < b and c > d", "mail me: <someone@example.org>",
        "if x<y then", "Use the <pre-wrap> mode", "1 <2> 3",
    ],
)
def test_does_not_look_like_html(text: str) -> None:
    assert not looks_like_html(text)


@pytest.mark.parametrize("markup", [
    "<p>caf\u00e9 &#8217; &#x11b;</p>",
    "<p title='a&#1;z'>a&#x7F;z &#13; b</p>",  # control references: dropped on the bytes path too
    "<!DOCTYPE html [<!ENTITY x 'boom'>]><p>&x; kept literal</p>",
    "<html><body><embed src=x><p>after the embed</p></body></html>",
])
def test_parsing_the_pages_own_utf8_bytes_builds_the_same_tree(markup: str) -> None:
    from_text, _ = parse_html(markup, DEFAULT, cleaned=True)
    from_bytes, _ = parse_html(markup, DEFAULT, cleaned=True, utf8=markup.encode("utf-8"))
    assert lxml.html.tostring(from_bytes) == lxml.html.tostring(from_text)


def test_bytes_with_carriage_returns_build_the_tree_of_the_text_with_line_feeds() -> None:
    page = "<p title='a\r\nb\rc'>one\r\ntwo\rthree</p><pre>x\r\ny</pre>"
    text = page.replace("\r\n", "\n").replace("\r", "\n")
    from_text, _ = parse_html(text, DEFAULT, cleaned=True)
    from_bytes, _ = parse_html(text, DEFAULT, cleaned=True, utf8=page.encode("utf-8"))
    assert lxml.html.tostring(from_bytes) == lxml.html.tostring(from_text)
    assert "\r" not in lxml.html.tostring(from_bytes, encoding="unicode")
