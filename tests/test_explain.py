"""The explain report: it draws every decision faithfully and lets nothing of the page run."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

import cleanpress
from cleanpress import Article, Decision
from cleanpress.cli import main as cli_main
from cleanpress.explain import _SCRIPT, explain_html, main, render_report
from cleanpress.sanitize import is_safe_html

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "moscow-times-article.txt"

DECISIONS = (
    Decision("Support us!", False, "support-banner", "text.support-banner", False),
    Decision("A headline", True, "heading", "", True),
    Decision("First paragraph of the story.", True, "paragraph", "", True),
    Decision("Sign up for our newsletter", False, "newsletter-signup", "text.newsletter", True),
    Decision("Second paragraph.\nWith a second line.", True, "paragraph", "", True),
    Decision("Read more", False, "read-more", "text.read-more", False),
    Decision("More stories", False, "read-more", "struct.teaser", False),
)
ARTICLE = Article(title="A headline", byline="Jane Doe", published="2026-11-25", site_name="Example",
                  lang="en", confidence=0.87, url="https://example.org/a")

# Everything a page could try to smuggle into the report.
HOSTILE = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">click</a>',
    '"><svg onload=alert(4)>',
    "<style>body{display:none}</style>",
    "<iframe src=//evil.example></iframe>",
)
HOSTILE_PAGE = f"""<!DOCTYPE html><html><head><title>{HOSTILE[3]} title</title>
<script>alert("head")</script><meta name="author" content='{HOSTILE[1]}'></head><body>
<nav><a href="javascript:alert(5)">Home</a></nav>
<article><h1 onclick="alert(6)">Headline</h1>
<p>A paragraph long enough to look like the story itself, with a <a href="javascript:alert(7)">link</a>
and an image <img src="x" onerror="alert(8)"> in its middle, and more words after it to be kept.</p>
<p>Another paragraph that quotes markup as text: &lt;script&gt;alert(9)&lt;/script&gt; and goes on
for a while so that it counts as body content in any sensible extractor.</p>
<script>alert(10)</script><iframe src="https://evil.example/"></iframe>
<form action="https://evil.example/"><input name="email" onfocus="alert(11)"><button>Subscribe</button></form>
</article></body></html>"""

# The elements and attributes the report itself uses; anything else came from a page.
REPORT_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "p", "h1", "h2", "dl", "dt", "dd",
               "section", "ul", "li", "button", "span", "main", "div", "script"}
REPORT_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "class", "id", "aria-label", "type",
                     "aria-pressed", "data-filter", "title", "data-kind", "data-rule"}


def parse(report: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(report)


def drawn(report: str) -> list[Decision]:
    """Read the decisions back out of a report, as a reader of it would see them."""
    out = []
    for block in parse(report).cssselect("main .block"):
        removed = "removed" in block.classes
        rule = block.cssselect(".rule")[0].text_content() if removed else ""
        out.append(Decision(block.cssselect(".text")[0].text_content(), not removed, block.get("data-kind"),
                            rule, bool(block.xpath("ancestor::section[@class='container']"))))
    return out


def legend(report: str) -> dict[str, int]:
    return {button.get("data-filter"): int(button.cssselect(".count")[0].text_content())
            for button in parse(report).cssselect("#legend button[data-filter]")}


def assert_only_report_markup(report: str) -> None:
    """No element or attribute of any page survives: only the report's own markup and one known script."""
    root = parse(report)
    for element in root.iter():
        assert isinstance(element.tag, str), f"stray node {element!r}"
        assert element.tag in REPORT_TAGS, f"unexpected element <{element.tag}>"
        for name, value in element.attrib.items():
            assert name in REPORT_ATTRIBUTES, f"unexpected attribute {name}= on <{element.tag}>"
            assert not value.lstrip().lower().startswith("javascript:"), value
    scripts = root.findall(".//script")
    assert [s.text for s in scripts] == [_SCRIPT]
    assert len(root.findall(".//style")) == 1
    csp = root.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and csp[0].startswith("default-src 'none';")
    # Every place page text lands, taken raw from the report, is plain escaped text
    # that also passes the check that Article.html must pass.
    page_parts = re.findall(r'<(p class="text"|h1|dd|title|span class="(?:label|rule)")>(.*?)</', report, re.S)
    assert page_parts
    for where, raw in page_parts:
        assert "<" not in raw and is_safe_html(raw), f"{where}: {raw!r}"


def test_every_decision_is_drawn_in_order_with_kind_rule_and_container() -> None:
    report = render_report(ARTICLE, DECISIONS)
    assert drawn(report) == list(DECISIONS)


def test_removed_blocks_carry_a_coloured_label_and_kept_ones_do_not() -> None:
    root = parse(render_report(ARTICLE, DECISIONS))
    for block, decision in zip(root.cssselect("main .block"), DECISIONS, strict=True):
        labels = block.cssselect(".label")
        if decision.kept:
            assert not labels and "kept" in block.classes
        else:
            assert [label.text_content() for label in labels] == [decision.kind]
            assert any(re.fullmatch(r"k\d+", cls) for cls in block.classes)


def test_container_blocks_are_grouped_in_one_outlined_region() -> None:
    root = parse(render_report(ARTICLE, DECISIONS))
    frames = root.cssselect("main section.container")
    assert len(frames) == 1
    assert [b.cssselect(".text")[0].text_content() for b in frames[0].cssselect(".block")] == [
        d.text for d in DECISIONS if d.in_container
    ]


def test_a_container_interrupted_by_a_removed_block_is_drawn_as_two_frames() -> None:
    decisions = (Decision("a", True, "paragraph", "", True), Decision("Ad", False, "advertisement", "x.ad", False),
                 Decision("b", True, "paragraph", "", True))
    frames = parse(render_report(Article(), decisions)).cssselect("main section.container")
    assert [f.cssselect(".frame-label")[0].text_content() for f in frames] == [
        "article container", "article container (continued)"]


@pytest.mark.parametrize("page", sorted(p.name for p in SEED.parent.iterdir()))
def test_every_fixture_page_gives_a_faithful_safe_report(page: str) -> None:
    data = (SEED.parent / page).read_bytes()
    _, decisions = cleanpress.trace(data)
    report = explain_html(data)
    assert_only_report_markup(report)
    assert drawn(report) == list(decisions)


def test_header_shows_the_metadata() -> None:
    header = parse(render_report(ARTICLE, DECISIONS)).cssselect("header")[0]
    assert header.cssselect("h1")[0].text_content() == "A headline"
    meta = dict(zip((dt.text_content() for dt in header.cssselect("dt")),
                    (dd.text_content() for dd in header.cssselect("dd")), strict=True))
    assert meta == {"byline": "Jane Doe", "published": "2026-11-25", "site": "Example", "language": "en",
                    "confidence": "0.87", "url": "https://example.org/a"}


def test_the_blocks_carry_the_page_language_only_when_it_is_a_language_tag() -> None:
    assert parse(render_report(ARTICLE, DECISIONS)).cssselect("main")[0].get("lang") == "en"
    assert parse(render_report(Article(lang='de" onload="x'), DECISIONS)).cssselect("main")[0].get("lang") is None


def test_legend_counts_removed_blocks_per_kind() -> None:
    counts = legend(render_report(ARTICLE, DECISIONS))
    assert counts == {"kept": 3, "support-banner": 1, "newsletter-signup": 1, "read-more": 2}


def test_a_callers_odd_kind_name_is_escaped_and_gets_a_numbered_class() -> None:
    odd = Decision("Promo", False, 'my "kind" <x>', "user.promo", False)
    report = render_report(Article(), (odd,))
    assert_only_report_markup(report)
    assert drawn(report) == [odd]
    assert legend(report) == {"kept": 0, 'my "kind" <x>': 1}


def test_an_empty_trace_says_so() -> None:
    root = parse(render_report(Article(), ()))
    assert "no candidate blocks" in root.cssselect("main .empty")[0].text_content()
    assert root.cssselect("h1")[0].text_content() == "(no title found)"


def test_page_text_and_metadata_are_escaped_never_markup() -> None:
    article = Article(title=HOSTILE[0], byline=HOSTILE[1], site_name=HOSTILE[2], lang=HOSTILE[3],
                      published=HOSTILE[4], url="javascript:alert(1)")
    triples = zip(HOSTILE, HOSTILE[::-1], HOSTILE[1:] + HOSTILE[:1], strict=True)
    decisions = tuple(Decision(text, i % 2 == 0, kind, rule, i < 3) for i, (text, kind, rule) in enumerate(triples))
    report = render_report(article, decisions)
    assert_only_report_markup(report)
    assert drawn(report) == [d if not d.kept else Decision(d.text, True, d.kind, "", d.in_container)
                             for d in decisions]
    root = parse(report)
    assert root.cssselect("h1")[0].text_content() == HOSTILE[0]
    assert HOSTILE[0] in root.findtext(".//title")


def test_a_hostile_html_page_leaves_no_markup_in_the_report() -> None:
    assert_only_report_markup(explain_html(HOSTILE_PAGE, url="https://example.org/x"))
    assert_only_report_markup(explain_html(HOSTILE_PAGE.encode("utf-8"), format="html"))


def test_a_text_page_quoting_markup_leaves_no_markup_in_the_report() -> None:
    page = "\n\n".join(["A title", *HOSTILE, "A long enough closing paragraph of plain text for the story."])
    report = explain_html(page, format="text")
    assert_only_report_markup(report)
    _, decisions = cleanpress.trace(page, format="text")
    assert [d.text for d in drawn(report)] == [d.text for d in decisions]


def test_control_characters_and_lone_surrogates_do_not_break_the_report() -> None:
    report = render_report(Article(title="a\x00b"), (Decision("x\x07y\ud800z\r\nw", True, "paragraph", "", True),))
    report.encode("utf-8")
    assert_only_report_markup(report)
    assert drawn(report)[0].text == "x\ufffdy?z\nw"


def test_the_report_draws_whatever_trace_returns() -> None:
    page = SEED.read_text(encoding="utf-8")
    article, decisions = cleanpress.trace(page)
    report = explain_html(page)
    assert drawn(report) == list(decisions)
    assert legend(report) == {"kept": sum(d.kept for d in decisions),
                              **Counter(d.kind for d in decisions if not d.kept)}


# Every piece of chrome in the seed, and the kinds it may fairly be filed under.
SEED_CHROME = (
    ("Support The Moscow Times!", {"support-banner"}),
    ("Ramzan Kadyrov / Kremlin.ru", {"image-credit"}),
    ("Sign up for our free weekly newsletter", {"newsletter-signup"}),
    ("Our weekly newsletter contains a hand-picked selection", {"newsletter-signup"}),
    ("Subscribers agree to the Privacy Policy", {"newsletter-signup"}),
    ("A Message from The Moscow Times:", {"donation-appeal"}),
    ("Dear readers,", {"donation-appeal"}),
    ("We are facing unprecedented challenges.", {"donation-appeal"}),
    ("These actions are direct attempts to silence", {"donation-appeal"}),
    ("We, the journalists of The Moscow Times, refuse", {"donation-appeal"}),
    ("Your support, no matter how small", {"donation-appeal"}),
    ("Thank you for standing with us.", {"donation-appeal"}),
    ("Monthly", {"payment-widget"}),
    ("paiment methods", {"payment-widget"}),
    ("Not ready to support today?", {"payment-widget", "donation-appeal"}),
    ("Remind me later.", {"payment-widget"}),
    ("Read more", {"read-more"}),
)
SEED_BODY = ("Chechen leader Ramzan Kadyrov has said", "Islamic State, which claimed responsibility",
             "We’re capable of maintaining order in our own country")


def test_the_seed_report_marks_every_chrome_block_with_its_kind() -> None:
    page = SEED.read_text(encoding="utf-8")
    blocks = drawn(explain_html(page))
    assert blocks, "the seed report draws no blocks"
    for snippet, kinds in SEED_CHROME:
        holders = [b for b in blocks if snippet in b.text]
        assert holders, f"no block holds {snippet!r}"
        for block in holders:
            assert not block.kept, f"{snippet!r} is drawn as kept"
            assert block.kind in kinds, f"{snippet!r} is labelled {block.kind!r}, expected one of {sorted(kinds)}"
            assert block.rule, f"{snippet!r} has no rule id"
    for snippet in SEED_BODY:
        holders = [b for b in blocks if snippet in b.text]
        assert holders and all(b.kept for b in holders), f"body text {snippet!r} is not drawn as kept"


def test_cli_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main([str(SEED), "--url", "https://example.org/seed", "--output", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    assert_only_report_markup(report)
    assert report == explain_html(SEED.read_bytes(), url="https://example.org/seed")


def test_the_explain_subcommand_is_dispatched(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert cli_main(["explain", str(SEED), "--input-format", "text", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_reports_a_missing_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "absent.html"), "--output", str(tmp_path / "r.html")]) == 1
    assert "cleanpress explain:" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
