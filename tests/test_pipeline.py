"""The public entry points end to end: input types, empty input, formats, the result record, trace()."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import cleanpress
from cleanpress import (
    Article,
    Block,
    Decision,
    InputTypeError,
    Options,
    OptionsError,
    Removal,
)

P1 = ("The harbour was closed on Saturday as the storm drove waves over the sea wall, and the port "
      "authority said no ferries would sail before Monday at the earliest.")
P2 = ("Fishermen who had tied up their boats in the inner basin spent the night checking the lines, and "
      "several said they had not seen seas like it in twenty years.")
P3 = ("The coastguard said two yachts had been towed to safety, and a cargo ship that lost power was "
      "holding position off the headland with tugs standing by.")
TITLE = "Harbour closed as storm batters the coast"
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Ledger</title>
<meta property="og:site_name" content="Ledger"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-03T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<article><h1>{TITLE}</h1><p class="byline">By Jane Doe</p>
<p>{P1}</p><p>Share this article</p><p>{P2}</p>
<div class="newsletter"><p>Sign up for our weekly newsletter.</p><form><input type="email"></form></div>
<h2>At sea</h2><p>{P3}</p><ul><li>Two yachts towed</li><li>One ship without power</li></ul>
<p>Read more</p></article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits the coast</a></li><li><a href="/b">Ferries cancelled</a></li></ul></aside>
<footer>© 2024 Ledger. All rights reserved.</footer></body></html>"""
TEXT_PAGE = f"Menu\n{TITLE}\nBy Jane Doe\n{P1}\nShare this article\n{P2}\nRead more\n"


# --- input types ---------------------------------------------------------------

@pytest.mark.parametrize("page", [None, 42, 4.2, ["<p>x</p>"], {"html": "x"}, object(), Path("page.html")])
@pytest.mark.parametrize("entry", [cleanpress.extract, cleanpress.trace])
def test_wrong_types_raise_type_error(entry: Any, page: object) -> None:
    with pytest.raises(TypeError):
        entry(page)
    with pytest.raises(InputTypeError):
        entry(page)
    with pytest.raises(cleanpress.CleanpressError):
        entry(page)


@pytest.mark.parametrize("page", ["", " ", "\n\t \r\n", "\u00a0\u2009\n", b"", b"   \n\t", b"\xef\xbb\xbf",
                                  "<html><body></body></html>", b"<html><body>  </body></html>", "<!-- only -->"])
def test_empty_input_gives_an_empty_article(page: str | bytes) -> None:
    article = cleanpress.extract(page)
    assert isinstance(article, Article)
    assert article.text == "" and article.blocks == () and article.html == "" and article.markdown == ""
    assert article.confidence == 0.0
    assert not article


def test_empty_input_trace_has_no_decisions() -> None:
    article, decisions = cleanpress.trace("   ")
    assert article.text == "" and decisions == ()


def test_str_and_bytes_give_the_same_article() -> None:
    assert cleanpress.extract(PAGE) == cleanpress.extract(PAGE.encode("utf-8"))


# --- formats and options ---------------------------------------------------------

def test_html_page_end_to_end() -> None:
    article = cleanpress.extract(PAGE, url="https://ledger.example/2024/03/harbour")
    assert article.title == TITLE
    assert article.lang == "en"
    assert article.text.startswith(P1)
    for paragraph in (P1, P2, P3):
        assert paragraph in article.text
    for chrome in ("Home", "We use cookies", "Share this article", "newsletter", "Read more", "Most read",
                   "Storm hits the coast", "All rights reserved", "By Jane Doe"):
        assert chrome not in article.text, chrome
    assert {"heading", "paragraph", "list"} <= {block.kind for block in article.blocks}
    assert set(cleanpress.REMOVAL_KINDS) >= {removal.kind for removal in article.removed}
    assert 0.5 <= article.confidence <= 1.0


@pytest.mark.parametrize(("html", "markdown"), [(False, True), (True, False), (False, False)])
@pytest.mark.parametrize("page", [PAGE, TEXT_PAGE])
def test_renderings_left_out_are_empty_and_change_nothing_else(page: str, html: bool, markdown: bool) -> None:
    url = "https://ledger.example/2024/03/harbour"
    full = cleanpress.extract(page, url=url)
    lean = cleanpress.extract(page, url=url, html=html, markdown=markdown)
    assert full.html and full.markdown and all(block.html and block.markdown for block in full.blocks)
    assert lean.html == (full.html if html else "")
    assert lean.markdown == (full.markdown if markdown else "")
    for kept, block in zip(full.blocks, lean.blocks, strict=True):
        assert block.html == (kept.html if html else "")
        assert block.markdown == (kept.markdown if markdown else "")
        assert dataclasses.replace(block, html=kept.html, markdown=kept.markdown) == kept
    assert dataclasses.replace(lean, html=full.html, markdown=full.markdown, blocks=full.blocks) == full


def test_format_text_on_html_keeps_the_markup_as_text() -> None:
    article = cleanpress.extract(f"{TITLE}\n<p>{P1}</p>\n<p>{P2}</p>", format="text")
    assert article.title == TITLE
    assert f"<p>{P1}</p>" in article.text
    assert "<p>The harbour" not in article.html


def test_auto_detects_plain_text() -> None:
    assert cleanpress.extract(TEXT_PAGE) == cleanpress.extract(TEXT_PAGE, format="text")


def test_format_html_on_text_parses_it_as_html() -> None:
    article = cleanpress.extract(f"{P1}\n\n{P2} 1 < 2 & 3 > 2", format="html")
    assert P1 in article.text and "1 < 2 & 3 > 2" in article.text
    assert "\n" not in article.text  # no line structure in HTML: one flowing paragraph


@pytest.mark.parametrize("bad", ["xml", "HTML", "", "markdown", None])
def test_bad_format_raises_options_error(bad: Any) -> None:
    with pytest.raises(OptionsError):
        cleanpress.extract(PAGE, format=bad)
    with pytest.raises(ValueError):
        cleanpress.extract(PAGE, format=bad)


def test_bad_options_raise_options_error() -> None:
    with pytest.raises(OptionsError):
        cleanpress.extract(PAGE, options={"keep_tables": False})  # type: ignore[arg-type]
    with pytest.raises(OptionsError):
        cleanpress.extract(PAGE, keep_table=False)
    with pytest.raises(OptionsError):
        cleanpress.extract(PAGE, disabled_rules="text.read-more")


def test_options_object_and_overrides_agree() -> None:
    off = {"text.read-more", "assemble.trailing-heading"}  # the trailing-label rule would catch it too
    via_object = cleanpress.extract(PAGE, options=Options(disabled_rules=frozenset(off)))
    via_override = cleanpress.extract(PAGE, disabled_rules=off)
    assert via_object == via_override
    assert "Read more" in via_object.text


# --- the result record -------------------------------------------------------------

def test_article_is_immutable() -> None:
    article = cleanpress.extract(PAGE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.blocks[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.removed[0].kind = "changed"  # type: ignore[misc]
    assert isinstance(article.blocks, tuple) and isinstance(article.removed, tuple)
    assert isinstance(article.authors, tuple)


def _rebuild(data: dict[str, Any]) -> Article:
    fields = dict(data)
    fields["authors"] = tuple(fields["authors"])
    fields["blocks"] = tuple(
        Block(**{**block, "items": tuple(block["items"]), "rows": tuple(tuple(row) for row in block["rows"])})
        for block in fields["blocks"])
    fields["removed"] = tuple(Removal(**removal) for removal in fields["removed"])
    return Article(**fields)


@pytest.mark.parametrize("page", [PAGE, TEXT_PAGE])
def test_to_json_round_trips(page: str) -> None:
    article = cleanpress.extract(page)
    data = json.loads(article.to_json())
    assert _rebuild(data) == article
    assert set(data) == {field.name for field in dataclasses.fields(Article)}
    assert json.loads(article.to_json(indent=2)) == data


def test_to_json_keeps_non_ascii_readable() -> None:
    article = cleanpress.extract(f"<html><body><article><p>{P1} Größe — «тест».</p></article></body></html>")
    assert "Größe — «тест»" in article.to_json()


def test_to_dict_is_json_ready_with_lists() -> None:
    """The docstring promises lists for tuples: to_dict() must equal the JSON read back."""
    article = cleanpress.extract(PAGE)
    assert article.to_dict() == json.loads(article.to_json())


# --- trace() ---------------------------------------------------------------------------

def _in_order(decisions: tuple[Decision, ...], page: str) -> bool:
    """True when each decision's opening words come later in the page's own text than the last one's."""
    text = " ".join(" ".join(lxml.html.fromstring(page).itertext()).split()) if page is PAGE else page
    position = 0
    for decision in decisions:
        found = text.find(decision.text[:8], position)
        if found < 0:
            return False
        position = found
    return True


@pytest.mark.parametrize("page", [PAGE, TEXT_PAGE])
def test_trace_gives_the_same_article_as_extract(page: str) -> None:
    article, decisions = cleanpress.trace(page)
    assert article == cleanpress.extract(page)
    assert all(isinstance(decision, Decision) for decision in decisions)


@pytest.mark.parametrize("page", [PAGE, TEXT_PAGE])
def test_trace_kept_decisions_are_the_blocks(page: str) -> None:
    article, decisions = cleanpress.trace(page)
    kept = [decision for decision in decisions if decision.kept]
    assert [(d.kind, d.text) for d in kept] == [(b.kind, b.text) for b in article.blocks]
    assert all(decision.rule == "" for decision in kept)


@pytest.mark.parametrize("page", [PAGE, TEXT_PAGE])
def test_trace_removed_decisions_equal_article_removed(page: str) -> None:
    article, decisions = cleanpress.trace(page)
    removed = [(d.kind, d.rule, d.text) for d in decisions if not d.kept]
    assert removed == [(r.kind, r.rule, r.text) for r in article.removed]


@pytest.mark.parametrize("page", [PAGE, TEXT_PAGE])
def test_trace_decisions_are_in_reading_order(page: str) -> None:
    _, decisions = cleanpress.trace(page)
    assert _in_order(decisions, page), [d.text[:30] for d in decisions]


def test_every_removal_names_a_known_rule_and_kind() -> None:
    from cleanpress.rules import RULES

    for page in (PAGE, TEXT_PAGE):
        for removal in cleanpress.extract(page).removed:
            assert removal.kind in cleanpress.REMOVAL_KINDS
            assert removal.rule in RULES or removal.rule.startswith("option."), removal


def test_removed_block_between_words_leaves_them_apart() -> None:
    body = "<p>" + "The storm closed the harbour for the whole weekend. " * 6 + "</p>"
    page = f"<html><body><article>{body}<div>gates first<div class='share'>Share this</div>second The end.</div></article></body></html>"
    assert "first second" in cleanpress.extract(page).text


def test_soft_hyphens_are_dropped_from_the_text() -> None:
    """'Mit&shy;tel&shy;al&shy;ter' is one word for a reader and must be one for a search."""
    hyphenated = P1.replace("harbour", "har&shy;bour").replace("authority", "au\u00adtho\u00adri\u00adty")
    article = cleanpress.extract(f"<html><body><article><p>{hyphenated}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert P1 in article.text
    assert "\u00ad" not in article.text and "\u00ad" not in article.markdown


def test_gzip_page_is_held_to_the_limit_once_inflated() -> None:
    import gzip

    from cleanpress import Limits, PageTooLarge

    page = gzip.compress(("<html><body><p>" + "word " * 50_000 + "</p></body></html>").encode())
    assert len(page) < 10_000
    with pytest.raises(PageTooLarge):
        cleanpress.extract(page, limits=Limits(max_bytes=100_000))
    cut = cleanpress.extract(page, limits=Limits(max_bytes=100_000, truncate=True))
    assert cut.truncated and cut.text


def test_gallery_captions_leave_the_text_unless_captions_are_kept() -> None:
    story = "".join(f"<p>Paragraph {i} of the report, long enough to read as a full sentence of prose.</p>"
                    for i in range(8))
    slides = ('<div class="slideshow"><ul>'
              + "".join(f'<li><img src="/p{i}.jpg"><p>Slide {i}: the harbour at first light.</p></li>' for i in range(4))
              + "</ul></div>")
    page = f"<html><body><article>{story}{slides}<p>The last paragraph closes the report after the pictures.</p></article></body></html>"
    article = cleanpress.extract(page)
    assert "Paragraph 7 of the report" in article.text and "The last paragraph closes" in article.text
    assert "Slide 2" not in article.text
    assert any(r.rule == "option.keep-captions" and "Slide 2" in r.text for r in article.removed)
    kept = cleanpress.extract(page, keep_captions=True)
    assert "Slide 2" in kept.text
    assert any(b.kind == "caption" and "Slide 2" in b.text for b in kept.blocks)
