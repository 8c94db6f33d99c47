"""Render stage: Markdown of links, emphasis, lists, tables and code; safe HTML."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from attack_vectors import DISGUISED_URLS
from markdown_it import MarkdownIt
from safe_html import is_safe_html

import cleanpress
from cleanpress.candidates import Candidate
from cleanpress.render import to_block

BASE = "https://news.example/2024/03/flood.html"
PROSE = ("The river rose more than two metres overnight, flooding the lower town and forcing hundreds of "
         "families to leave their homes before dawn on Saturday.")
MORE = ("Emergency crews worked through the night to shore up the embankment, using sandbags brought in by "
        "lorry from three neighbouring districts and the army base.")


def _article(inner: str, **kwargs: object) -> cleanpress.Article:
    page = (f"<html><head><title>Flood</title></head><body><article><p>{PROSE}</p>{inner}<p>{MORE}</p>"
            "</article></body></html>")
    return cleanpress.extract(page, url=BASE, **kwargs)  # type: ignore[arg-type]


def _block(article: cleanpress.Article, kind: str) -> cleanpress.Block:
    return next(block for block in article.blocks if block.kind == kind)


def _md_of(article: cleanpress.Article, needle: str) -> str:
    return next(block.markdown for block in article.blocks if needle in block.text)


def test_links_become_markdown_links_resolved_against_the_url() -> None:
    article = _article('<p>The council published <a href="/reports/flood.pdf">its report</a> and '
                       '<a href="https://other.example/x">a map</a> on Monday evening.</p>')
    markdown = _md_of(article, "its report")
    assert "[its report](https://news.example/reports/flood.pdf)" in markdown
    assert "[a map](https://other.example/x)" in markdown
    assert markdown in article.markdown


def test_emphasis_and_inline_code() -> None:
    article = _article("<p>Officials said the barrier was <em>not</em> designed for this, and the "
                       "<strong>second crest</strong> is due; run <code>check_levels()</code> to see.</p>")
    markdown = _md_of(article, "second crest")
    assert "*not*" in markdown
    assert "**second crest**" in markdown
    assert "`check_levels()`" in markdown


def test_emphasis_markers_hug_their_words_and_empty_emphasis_has_none() -> None:
    article = _article("<p>The barrier was<b> not </b>built for<em> this</em>, and the <i> </i>crest<strong></strong> "
                       "is due on <a href='/x'><b> </b></a>Sunday.</p>"
                       "<ul><li><b><div>Sandbags</div></b>for the lower town</li><li>Pumps<em>\u200b</em></li></ul>")
    assert _md_of(article, "barrier") == "The barrier was **not** built for *this*, and the crest is due on Sunday."
    assert _block(article, "list").markdown == "- **Sandbags** for the lower town\n- Pumps"


def test_an_emphasis_right_after_one_of_the_same_kind_continues_it_and_one_inside_adds_no_markers() -> None:
    # "**r****eal**" and "****2013****" would show their asterisks
    article = _article("<p>The <b>r</b><b>eal</b> risk, the <em>A</em><span><em>rno</em></span> said, is <b>2013:"
                       "<strong> again</strong></b> and <em>a <i>second</i> crest</em> on the way now.</p>"
                       "<p>It was <b>a</b><a href='/x'><b>b</b></a>, <b>c</b>x<b>d</b>, <b>e</b> <b>f</b> and "
                       "<b>g</b><i>h</i> there.</p>")
    assert _md_of(article, "risk") == ("The **real** risk, the *Arno* said, is **2013: again** and *a second crest* on "
                                       "the way now.")
    # a link, text or space between them parts them; an emphasis of another kind is not merged
    assert _md_of(article, "there") == ("It was **a**[**b**](https://news.example/x), **c**x**d**, **e** **f** and "
                                        "**g***h* there.")


def test_punctuation_that_a_word_touches_goes_outside_the_emphasis_markers() -> None:
    # CommonMark reads "Station*,”*" and "Night “*should" as literal asterisks: a marker between a word and
    # punctuation opens or closes nothing
    article = _article("<p>The poem “Camelot Station<em>,”</em> won, though <em>The Night “</em>should have; "
                       "wrote Delgado<em>, Fiscal general.</em></p>"
                       "<p>Then <b>Note: </b>the <b>(b)</b> and <b>Warum nicht?</b>\u200b and <b>x.</b>y and "
                       "<em><a href='/jama'>JAMA</a></em> argued here.</p>")
    assert _md_of(article, "Camelot") == ("The poem “Camelot Station,” won, though *The Night* “should have; wrote "
                                          "Delgado, *Fiscal general.*")
    # where a space or nothing touches a marker nothing moves, nor does punctuation that may be Markdown
    assert _md_of(article, "Warum") == ("Then **Note:** the **(b)** and **Warum nicht?** and **x**.y and "
                                        "*[JAMA](https://news.example/jama)* argued here.")


def test_link_brackets_hug_their_words_so_emphasis_around_a_link_closes() -> None:
    article = _article("<p>The study in the journal <em><a href='/jama'> JAMA Psychiatry </a></em>argued that the "
                       "policies helped.</p>")
    assert _md_of(article, "JAMA") == ("The study in the journal *[JAMA Psychiatry](https://news.example/jama)* argued "
                                       "that the policies helped.")


def test_markdown_specials_in_text_are_escaped() -> None:
    article = _article("<p>Rates rose 2*3 times in the [north] and the snake_case_name stayed put, officials said.</p>"
                       "<p>1. This paragraph is not a numbered list, although it starts like one.</p>")
    assert r"2\*3" in _md_of(article, "north")
    assert r"\[north\]" in _md_of(article, "north")
    assert r"snake\_case\_name" in _md_of(article, "north")
    assert _md_of(article, "numbered list").startswith("1\\. This paragraph")


def test_line_starts_that_would_make_markdown_structure_are_escaped_without_showing_a_backslash() -> None:
    article = _article("<p>## Not a heading, but a paragraph that starts with two hashes.</p>"
                       "<ul><li>1. Not a nested list</li><li>- Nor this</li><li>#2 stays</li></ul>")
    assert _md_of(article, "two hashes").startswith("\\## Not a heading")
    assert _block(article, "list").markdown == "- 1\\. Not a nested list\n- \\- Nor this\n- #2 stays"


def test_unordered_and_ordered_lists() -> None:
    article = _article("<ul><li>Sandbags</li><li>Pumps and <a href='/hoses'>hoses</a></li></ul>"
                       "<ol><li>Leave early</li><li>Take papers</li></ol>")
    unordered, ordered = [block for block in article.blocks if block.kind == "list"]
    assert unordered.items == ("Sandbags", "Pumps and hoses") and not unordered.ordered
    assert unordered.markdown == "- Sandbags\n- Pumps and [hoses](https://news.example/hoses)"
    assert ordered.ordered
    assert ordered.markdown == "1. Leave early\n2. Take papers"


def test_nested_list_items_are_items_of_their_own_indented_in_markdown() -> None:
    article = _article("<ul><li>Pumps<ul><li>big</li><li>small</li></ul></li><li>Valves</li></ul>"
                       "<ol><li>Leave early<ol><li>Lock up</li><li>Take papers</li></ol></li>"
                       "<li>Go <em>uphill</em><ul><li>Not by car</li></ul></li></ol>")
    unordered, ordered = [block for block in article.blocks if block.kind == "list"]
    assert unordered.items == ("Pumps", "big", "small", "Valves")
    assert unordered.text == "Pumps\nbig\nsmall\nValves"
    assert unordered.markdown == "- Pumps\n  - big\n  - small\n- Valves"
    assert ordered.items == ("Leave early", "Lock up", "Take papers", "Go uphill", "Not by car")
    assert ordered.markdown == "1. Leave early\n   1. Lock up\n   2. Take papers\n2. Go *uphill*\n   - Not by car"
    assert "Pumps\nbig\nsmall\nValves" in article.text
    assert unordered.markdown in article.markdown


def test_ordered_lists_are_numbered_from_their_start_and_down_when_reversed() -> None:
    article = _article("<ol start=' 4'><li>Leave early</li><li>Take papers<ol reversed><li>Passport</li><li>Deeds</li>"
                       "<li>Insurance</li></ol></li></ol><ol start='ten'><li>Lock up</li></ol>"
                       "<ol start='" + "9" * 5000 + "'><li>Go uphill</li><li>Stay there</li></ol>"
                       "<ol reversed start='1'><li>Call home</li><li>Wait</li></ol>")
    started, invalid, huge, reversed_ = [block for block in article.blocks if block.kind == "list"]
    assert started.markdown == "4. Leave early\n5. Take papers\n   3. Passport\n   2. Deeds\n   1. Insurance"
    assert invalid.markdown == "1. Lock up"
    # CommonMark numbers have nine digits at most
    assert huge.markdown == "999999999. Go uphill\n999999999. Stay there"
    assert reversed_.markdown == "1. Call home\n0. Wait"
    # the HTML numbers them alike
    assert started.html.startswith('<ol start="4">') and '<ol reversed="">' in started.html
    assert invalid.html.startswith("<ol>")
    assert huge.html.startswith('<ol start="999999999">')
    assert reversed_.html.startswith('<ol start="1" reversed="">')


def test_an_item_value_renumbers_it_and_the_items_after_it_and_empty_items_take_a_number() -> None:
    article = _article("<ol><li>Leave early</li><li value='7'>Take papers</li><li>Lock up</li></ol>"
                       "<ol reversed><li>Call home</li><li></li><li>Wait</li></ol>"
                       "<ol start='3' reversed><li>Go uphill</li><li value=' 10x'>Stay</li><li>Rest</li></ol>"
                       "<ul><li value='5'>Pumps</li></ul>")
    valued, with_empty, reversed_valued, unordered = [block for block in article.blocks if block.kind == "list"]
    assert valued.markdown == "1. Leave early\n7. Take papers\n8. Lock up"
    # browsers count the empty item, between 3 and 1, as the HTML keeps it
    assert with_empty.markdown == "3. Call home\n1. Wait"
    assert reversed_valued.markdown == "3. Go uphill\n10. Stay\n9. Rest"
    assert unordered.markdown == "- Pumps"
    # the HTML numbers them alike; a value outside an <ol> numbers nothing and is left out
    assert '<li value="7">Take papers</li>' in valued.html
    assert with_empty.html == '<ol reversed=""><li>Call home</li><li></li><li>Wait</li></ol>'
    assert '<li value="10">Stay</li>' in reversed_valued.html
    assert unordered.html == "<ul><li>Pumps</li></ul>"


def test_nested_items_without_a_parent_text_are_not_indented_under_nothing() -> None:
    article = _article("<ul><li><ul><li>Sandbags</li><li>Ropes</li></ul></li><li>Pumps</li></ul>")
    block = _block(article, "list")
    assert block.items == ("Sandbags", "Ropes", "Pumps")
    assert block.markdown == "- Sandbags\n- Ropes\n- Pumps"


def test_list_content_that_is_no_item_is_written_as_items_in_markdown_as_in_text() -> None:
    article = _article("<ol start='2'><div><li>Leave early</li></div>then <b>lock</b> up<li>Take papers<ul><div>"
                       "<li>Passport</li></div></ul></li><p>Go uphill.</p></ol>"
                       "<ul><div>Sandbags and <a href='/pumps'>pumps</a></div></ul>")
    wrapped, itemless = [block for block in article.blocks if block.kind == "list"]
    assert wrapped.items == ("Leave early", "then lock up", "Take papers", "Passport", "Go uphill.")
    assert wrapped.markdown == "2. Leave early\n3. then **lock** up\n4. Take papers\n   - Passport\n5. Go uphill."
    assert itemless.items == ("Sandbags and pumps",)
    assert itemless.markdown == "- Sandbags and [pumps](https://news.example/pumps)"


def test_deep_list_nesting_is_indented_no_deeper_than_a_bound() -> None:
    article = _article("<ul><li>level" * 20 + "</li></ul>" * 20)
    lines = _block(article, "list").markdown.split("\n")
    assert lines[:3] == ["- level", "  - level", "    - level"]
    assert lines[-1] == lines[-2] == " " * 16 + "- level"


def test_br_and_blocks_inside_items_and_cells_are_spaces_and_inline_markup_is_not() -> None:
    article = _article("<ul><li>Sand<br>bags</li><li><p>Pumps</p><p>and <b>hoses</b></p>for cellars</li>"
                       "<li>W<b>or</b>d</li></ul>"
                       "<table><tr><th><p>Town</p><p>(east)</p></th><th>Level</th></tr>"
                       "<tr><td>Lower<br>town</td><td>2.<i>1</i> m</td></tr></table>")
    listed = _block(article, "list")
    assert listed.items == ("Sand bags", "Pumps and hoses for cellars", "Word")
    assert listed.markdown == "- Sand bags\n- Pumps and **hoses** for cellars\n- W**or**d"
    table = _block(article, "table")
    assert table.rows == (("Town (east)", "Level"), ("Lower town", "2.1 m"))
    assert table.markdown.split("\n")[::2] == ["| Town (east) | Level |", "| Lower town | 2.1 m |"]


def test_quote_paragraphs_are_paragraphs_in_markdown_as_they_are_lines_of_text() -> None:
    article = _article("<blockquote><p>We will rebuild.</p><p>Every <em>house</em>.</p></blockquote>")
    quote = _block(article, "quote")
    assert quote.text == "We will rebuild.\nEvery house."
    assert quote.markdown == "> We will rebuild.\n>\n> Every *house*."


def test_quote_text_beside_its_paragraphs_is_a_paragraph_of_its_own() -> None:
    article = _article("<blockquote><p>The water is still rising.</p>— Jane Roe (@jroe) "
                       "<a href='/jroe/1'>May 1, 2024</a></blockquote>"
                       "<blockquote>Lead <b>in</b><p>1. Middle</p>- tail<br>end <!-- note --> after</blockquote>")
    tweet, mixed = [block for block in article.blocks if block.kind == "quote"]
    assert tweet.text == "The water is still rising.\n— Jane Roe (@jroe) May 1, 2024"
    assert tweet.markdown == ("> The water is still rising.\n>\n"
                              "> — Jane Roe (@jroe) [May 1, 2024](https://news.example/jroe/1)")
    assert "— Jane Roe (@jroe)" in tweet.html
    assert mixed.text == "Lead in\n1. Middle\n- tail end after"
    # a part that starts like a list item is escaped, as a paragraph is
    assert mixed.markdown == "> Lead **in**\n>\n> 1\\. Middle\n>\n> \\- tail end after"


def test_table_as_markdown_pipe_table() -> None:
    article = _article("<table><tr><th>Town</th><th>Level</th></tr><tr><td>Lower</td><td>2.1 m</td></tr>"
                       "<tr><td>Upper | east</td><td>0.4 m</td></tr></table>")
    table = _block(article, "table")
    assert table.rows == (("Town", "Level"), ("Lower", "2.1 m"), ("Upper | east", "0.4 m"))
    lines = table.markdown.split("\n")
    assert lines[0] == "| Town | Level |"
    assert re.fullmatch(r"\|( ?-{3,} ?\|){2}", lines[1].replace(" ", ""))
    assert lines[2] == "| Lower | 2.1 m |"
    assert lines[3] == r"| Upper \| east | 0.4 m |"


def test_code_is_fenced_with_whitespace_kept() -> None:
    code = "def level(x):\n    return x * 2  # metres\n\n\tprint(level(1))"
    article = _article(f"<pre><code>{html.escape(code)}</code></pre>")
    block = _block(article, "code")
    assert block.text == code
    assert block.markdown == f"```\n{code}\n```"


def test_code_holding_a_fence_gets_a_longer_fence() -> None:
    code = "Markdown:\n```\nx = 1\n```"
    block = _block(_article(f"<pre>{html.escape(code)}</pre>"), "code")
    assert block.markdown.startswith("````\n") and block.markdown.endswith("\n````")
    assert code in block.markdown


def test_headings_quotes_and_captions() -> None:
    article = _article("<h2>What happens next</h2><blockquote><p>We will rebuild every house.</p></blockquote>"
                       "<figure><img src='/harbour.jpg' alt='The harbour'><figcaption>The harbour at dawn.</figcaption>"
                       "</figure>", keep_captions=True)
    assert _block(article, "heading").markdown == "## What happens next"
    assert _block(article, "quote").markdown.startswith("> ")
    caption = _block(article, "caption")
    assert caption.markdown.startswith("*") and "The harbour at dawn." in caption.markdown


def test_text_is_blocks_joined_by_blank_lines() -> None:
    article = _article("<h2>What happens next</h2>")
    assert article.text == "\n\n".join(block.text for block in article.blocks)
    assert article.markdown == "\n\n".join(block.markdown for block in article.blocks)


@pytest.mark.parametrize("inner", [
    "<p onclick='steal()'>A paragraph with an event handler, which must not survive sanitising.</p>",
    "<p>An image <img src='x.jpg' onerror='steal()'> with an error handler in the middle of text.</p>",
    "<p>A <a href='javascript:steal()'>script link</a> inside an otherwise ordinary paragraph.</p>",
    "<p style='background:url(javascript:steal())'>A styled paragraph that must lose its style attribute.</p>",
    "<p>Text with <iframe src='https://evil.example'></iframe> an inline frame and <object>an object</object>.</p>",
    "<p>Markup in text: &lt;script&gt;alert(1)&lt;/script&gt; must stay text, never become a tag.</p>",
    "<ul><li><a href='data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;'>data link</a></li><li>Second</li></ul>",
    "<table><tr><td onmouseover='x()'>Cell</td><td><a href='vbscript:x'>v</a></td></tr></table>",
])
def test_html_is_safe(inner: str) -> None:
    article = _article(inner)
    assert is_safe_html(article.html)
    assert all(is_safe_html(block.html) for block in article.blocks)
    assert "steal" not in article.html and "javascript" not in article.html.lower()


def test_escaped_markup_stays_text_in_every_output() -> None:
    article = _article("<p>Markup in text: &lt;script&gt;alert(1)&lt;/script&gt; must stay text, never a tag.</p>")
    assert "<script>alert(1)</script>" in article.text
    assert "<script>" not in article.html and "&lt;script&gt;" in article.html
    assert "<script>" not in article.markdown


@pytest.mark.parametrize("url", DISGUISED_URLS)
def test_javascript_links_never_reach_markdown(url: str) -> None:
    article = _article(f'<p>Officials said <a href="{html.escape(url, quote=True)}">the full report</a> '
                       "would be published once the water had gone down.</p>")
    assert "the full report" in article.text
    squeezed = re.sub(r"[\s\x00-\x20]+", "", article.markdown).lower()
    for scheme in ("javascript:", "vbscript:", "data:"):
        assert scheme not in squeezed
    assert is_safe_html(article.html)


def test_keep_links_false_keeps_the_words_without_the_links() -> None:
    article = _article('<p>The council published <a href="/r.pdf">its report</a> on a long Monday evening.</p>',
                       keep_links=False)
    assert "its report" in article.text
    assert "](" not in article.markdown and "href" not in article.html


def test_keep_images_false_drops_images() -> None:
    inner = ("<p>Before the picture, a sentence long enough to be prose. <img src='/a.jpg' alt='A'> "
             "And after it, another sentence of prose.</p>")
    with_images = _article(inner)
    without = _article(inner, keep_images=False)
    assert "![A](https://news.example/a.jpg)" in with_images.markdown
    assert "<img" in with_images.html
    assert "![" not in without.markdown and "<img" not in without.html


@pytest.mark.parametrize(("kind", "level", "text", "markdown", "markup"), [
    ("heading", 2, "A <b> title", "## A \\<b\\> title", "<h2>A &lt;b&gt; title</h2>"),
    ("paragraph", 0, "x < y & z", "x \\< y & z", "<p>x &lt; y &amp; z</p>"),
    # what CommonMark would read as an entity or a thematic break
    ("paragraph", 0, "up 400&percnt; &#37; &x &amp;", "up 400\\&percnt; \\&#37; &x \\&amp;",
     "<p>up 400&amp;percnt; &amp;#37; &amp;x &amp;amp;</p>"),
    ("paragraph", 0, "---", "\\---", "<p>---</p>"),
    ("paragraph", 0, "-- -", "\\-- -", "<p>-- -</p>"),
    ("paragraph", 0, "--", "--", "<p>--</p>"),
    ("list", 0, "one\ntwo", "- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
    ("quote", 0, "one\n> two", "> one\n>\n> \\> two", "<blockquote><p>one</p><p>&gt; two</p></blockquote>"),
    ("code", 0, "a <b>\n  c", "```\na <b>\n  c\n```", "<pre><code>a &lt;b&gt;\n  c</code></pre>"),
])
def test_blocks_without_an_element_render_escaped(kind: str, level: int, text: str, markdown: str, markup: str) -> None:
    block = to_block(Candidate(text, kind, level=level), base_url=None, keep_links=True, keep_images=True)
    assert (block.kind, block.text, block.level) == (kind, text, level)
    assert block.markdown == markdown
    assert block.html == markup
    assert is_safe_html(block.html)


def test_items_and_cells_keep_their_words_whatever_the_whitespace_inside() -> None:
    article = _article("<ul><li>Sand\tbags\n and  ropes</li><li></li><li>Pumps <b>big</b>\n<i>small</i></li></ul>"
                       "<table><tr><th>Town\t(east)</th><th></th></tr><tr><td>Lower\n town</td><td>2.1\tm</td></tr>"
                       "<tr><td></td><td></td></tr></table>")
    assert _block(article, "list").items == ("Sand bags and ropes", "Pumps big small")
    assert _block(article, "table").rows == (("Town (east)", ""), ("Lower town", "2.1 m"))


def _code_md(code: str) -> str:
    return _md_of(_article(f"<p>To check the gauge, run {code} before the next high tide.</p>"), "gauge")


def test_inline_code_fence_is_one_backtick_longer_than_any_run_inside() -> None:
    assert _code_md("<code>x</code>") == "To check the gauge, run `x` before the next high tide."
    assert _code_md("<code>a`b</code>") == "To check the gauge, run ``a`b`` before the next high tide."
    assert _code_md("<code>a``b`c</code>") == "To check the gauge, run ```a``b`c``` before the next high tide."


def test_inline_code_starting_or_ending_with_a_backtick_is_padded_and_its_edge_spaces_go_outside() -> None:
    assert _code_md("<code>`x</code>") == "To check the gauge, run `` `x `` before the next high tide."
    assert _code_md("<code> x` </code>") == "To check the gauge, run `` x` `` before the next high tide."
    assert _code_md("<code> x </code>") == "To check the gauge, run `x` before the next high tide."


def test_empty_inline_code_writes_nothing() -> None:
    markdown = _code_md("<code></code><code> </code><code><b></b></code>")
    assert markdown == "To check the gauge, run before the next high tide."


def test_inline_code_holds_its_words_literally_without_markers() -> None:
    markdown = _code_md("<code>x<b>y</b>*<a href='/z'>z_</a></code>")
    assert markdown == "To check the gauge, run `xy*z_` before the next high tide."


def test_inline_code_inside_emphasis_and_links_keeps_its_fence() -> None:
    markdown = _code_md("<em><code>a`b</code></em> and <a href='/y'><code>`y</code></a>")
    assert markdown == ("To check the gauge, run *``a`b``* and [`` `y ``](https://news.example/y) before the next "
                        "high tide.")


# --- Markdown read back by a CommonMark parser ---------------------------------------------------------------

FIXTURE_PAGES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "pages").glob("*.html"))
_TAGS = re.compile(r"<[^>]+>")
_COMMONMARK = MarkdownIt("commonmark").enable("table")  # GitHub's table extension, as tables are written


def _read_back(markdown: str) -> str:
    """The text a CommonMark reader shows for ``markdown``, whitespace collapsed."""
    return " ".join(html.unescape(_TAGS.sub("", _COMMONMARK.render(markdown))).split())


def _words_of(block: cleanpress.Block) -> str:
    if block.kind == "list":
        return " ".join(" ".join(block.items).split())
    if block.kind == "table":
        return " ".join(" ".join(cell for row in block.rows for cell in row).split())
    return " ".join(block.text.split())


READ_BACK_CASES = (
    "<p>Rates rose 2*3 times in the [north], snake_case_name, <b>r</b><b>eal</b> risk, 400&amp;percnt; up.</p>"
    "<p>The poem “Camelot Station<em>,”</em> won, though <em>The Night “</em>should have; see <code>a`b</code>.</p>"
    "<p>---</p><p>1. Not a list, <a href='/x'><b>linked</b></a> and <i>emphasised <i>twice</i></i> here.</p>"
    "<p>Said <strong>Rodolfo Delgado</strong><em>, prosecutor.</em> The agency (AERES<b>)</b> rates us, wrote "
    "Kotaku<em>. <strong>Warning:</strong> this one is long.</em> Wow!<a href='/x'>Read it</a>.</p>"
    "<ol start='3'><li>## not a heading</li><li>&gt; nor a quote<ul><li>- nor this</li></ul></li></ol>"
    "<blockquote><p>Said <strong>plainly:</strong>\u200bno.</p>by A. Writer</blockquote>"
    "<table><tr><th>a|b</th><th>*c*</th></tr><tr><td>1</td><td>[2]</td></tr></table>"
    "<pre><code>```\nfenced &lt;b&gt;\n```</code></pre>"
)


def _assert_reads_back(article: cleanpress.Article) -> None:
    """No stray marker, escape or entity: a CommonMark reader shows each block's own words."""
    for block in article.blocks:
        if block.kind == "code":
            assert block.text in html.unescape(_COMMONMARK.render(block.markdown)), block.markdown
        elif block.markdown:
            assert _read_back(block.markdown) == _words_of(block), block.markdown


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=[page.name for page in FIXTURE_PAGES])
def test_markdown_of_the_fixture_pages_reads_back_as_their_text(page: Path) -> None:
    _assert_reads_back(cleanpress.extract(page.read_bytes()))


def test_markdown_of_escapes_emphasis_lists_quotes_tables_and_code_reads_back_as_their_text() -> None:
    article = _article(READ_BACK_CASES)
    assert [block.kind for block in article.blocks] == ["paragraph"] * 6 + ["list", "quote", "table", "code", "paragraph"]
    _assert_reads_back(article)


# --- line breaks: a <br> inside a paragraph ----------------------------------------------------------------------

_MARKDOWN_BREAK = re.compile(r"<br\s*/?>\n")


def _lines_read_back(markdown: str) -> list[str]:
    """The lines a CommonMark reader shows for one paragraph: its text split at each hard line break."""
    rendered = _COMMONMARK.render(markdown)
    assert rendered.startswith("<p>"), rendered  # one paragraph: no line read as a heading, list or fence
    return [" ".join(html.unescape(_TAGS.sub("", line)).split()) for line in _MARKDOWN_BREAK.split(rendered)]


def test_an_address_keeps_its_lines_in_text_markdown_and_html() -> None:
    article = _article("<p>Town Hall<br>1 Main Street<br/>Springfield</p>")
    block = next(b for b in article.blocks if "Town Hall" in b.text)
    assert block.text == "Town Hall\n1 Main Street\nSpringfield"
    assert "\n\nTown Hall\n1 Main Street\nSpringfield\n\n" in article.text
    assert block.markdown == "Town Hall\\\n1 Main Street\\\nSpringfield"
    assert _lines_read_back(block.markdown) == block.text.split("\n")
    assert block.html == "<p>Town Hall<br>1 Main Street<br>Springfield</p>"


def test_a_sub_heading_set_with_br_stays_on_its_own_line() -> None:
    article = _article("<p><strong>What happened next</strong><br>The water fell by evening.<br><br></p>")
    block = next(b for b in article.blocks if "What happened" in b.text)
    assert block.text == "What happened next\nThe water fell by evening."
    assert block.markdown == "**What happened next**\\\nThe water fell by evening."
    assert _lines_read_back(block.markdown) == block.text.split("\n")


def test_loose_text_with_br_keeps_its_lines_and_double_br_still_parts_paragraphs() -> None:
    article = _article("<div>Town Hall<br>1 Main Street<br><br>Open daily.</div>")
    texts = [b.text for b in article.blocks]
    assert "Town Hall\n1 Main Street" in texts and "Open daily." in texts
    block = next(b for b in article.blocks if "Town Hall" in b.text)
    assert block.markdown == "Town Hall\\\n1 Main Street"
    assert block.html == "<p>Town Hall<br>1 Main Street</p>"


def test_a_line_after_a_break_is_escaped_where_markdown_would_read_markup() -> None:
    lines = ["Notes", "- not a list", "1. not a list", "# not a heading", "> nor a quote", "~~~ nor a fence",
             "==", "--"]
    article = _article("<p>" + "<br>".join(html.escape(line) for line in lines) + "</p>")
    block = next(b for b in article.blocks if b.text.startswith("Notes"))
    assert block.text.split("\n") == lines
    assert _lines_read_back(block.markdown) == lines


def test_emphasis_and_links_across_a_break_read_back_with_their_lines() -> None:
    article = _article("<p><b>Town Hall<br></b><a href='/map'><br>1 Main Street</a><br><em>Springfield</em></p>")
    block = next(b for b in article.blocks if "Town Hall" in b.text)
    assert block.text == "Town Hall\n1 Main Street\nSpringfield"
    assert block.markdown == "**Town Hall**\\\n[1 Main Street](https://news.example/map)\\\n*Springfield*"
    assert _lines_read_back(block.markdown) == block.text.split("\n")


def test_br_in_headings_lists_tables_and_code_spans_is_a_space() -> None:
    article = _article("<h2>Flood<br>update</h2><ul><li>Sandbags<br>at the hall</li><li>Pumps</li></ul>"
                       "<p>Run <code>check<br>levels</code> now, then report to the council before noon.</p>")
    assert _block(article, "heading").text == "Flood update"
    assert _block(article, "list").items == ("Sandbags at the hall", "Pumps")
    assert "`check levels`" in _md_of(article, "Run")
