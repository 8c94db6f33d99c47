"""Guard the accuracy gains: cleanpress's headline figures must hold their floors.

The benchmark test needs the corpora in ``../shared/bench`` and skips, saying
so, without them. The other tests check the guard's own machinery on made-up
numbers and a made-up extractor, so they always run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

# benchmarks/ lives beside src/ and is not installed; make it importable under plain `pytest`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import accuracy, corpora, rivals
from benchmarks.corpora import Page


def test_cleanpress_holds_its_floors() -> None:
    """The article corpora whole; WCXB on the guard's sample (one page in three of its tuning part), for speed."""
    reason = corpora.missing_reason() or corpora.missing_reason(corpora.WCXB)
    if reason:
        pytest.skip(f"accuracy guard needs the corpora in {corpora.bench_dir()}: {reason}")
    jobs = max(1, min(2, os.cpu_count() or 1))
    result = accuracy.guard_run(jobs=jobs, timeout=60)
    figures = accuracy.headline_figures(result.report)
    problems = accuracy.check_floors(figures, accuracy.load_floors())
    summary = ", ".join(f"{k}={v:.4f}" for k, v in sorted(figures.items()))
    assert not problems, "accuracy fell past its floor:\n" + "\n".join(problems) + f"\n(all figures: {summary})"


def test_floors_file_names_only_known_figures() -> None:
    floors = accuracy.load_floors()
    figures = {f"{c}.f1" for c in corpora.ALL_CORPORA} | {"scrapinghub.precision", "scrapinghub.recall"}
    figures |= {"wcxb.precision", "wcxb.recall"} | accuracy.CEILINGS | {f"metadata.{f}" for f in ("title", "byline", "published", "lang", "site_name", "description")}
    assert set(floors) <= figures
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_check_floors_allows_the_tolerance_and_no_more() -> None:
    floors = {"scrapinghub.f1": 0.9, "trafilatura-eval.chrome_leak": 0.05}
    assert accuracy.check_floors({"scrapinghub.f1": 0.896, "trafilatura-eval.chrome_leak": 0.054}, floors) == []
    problems = accuracy.check_floors({"scrapinghub.f1": 0.894, "trafilatura-eval.chrome_leak": 0.056}, floors)
    assert len(problems) == 2
    assert accuracy.check_floors({}, {"readability.f1": 0.5}) == ["readability.f1: no such figure in this run"]


def test_write_floors_rounds_in_the_safe_direction(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    accuracy.write_floors({"readability.f1": 0.91279, "trafilatura-eval.chrome_leak": 0.04321}, path)
    assert accuracy.load_floors(path) == {"readability.f1": 0.912, "trafilatura-eval.chrome_leak": 0.044}


def test_headline_figures_pick_cleanpress_rows() -> None:
    row = {"precision": 0.9, "recall": 0.8, "f1": 0.85, "chrome_leak": None}
    report = {
        "corpora": {"scrapinghub": {"cleanpress": row, "other": {**row, "f1": 0.99}},
                    "trafilatura-eval": {"cleanpress": {**row, "chrome_leak": 0.1}}},
        "metadata": {"cleanpress": {"title": {"hits": 9, "pages": 10, "accuracy": 0.9}}},
    }  # fmt: skip
    assert accuracy.headline_figures(report) == {
        "scrapinghub.f1": 0.85,
        "scrapinghub.precision": 0.9,
        "scrapinghub.recall": 0.8,
        "trafilatura-eval.f1": 0.85,
        "trafilatura-eval.chrome_leak": 0.1,
        "metadata.title": 0.9,
    }


def test_headline_figures_of_wcxb_hold_leak_and_empty_share() -> None:
    row = {"precision": 0.8, "recall": 0.7, "f1": 0.75, "chrome_leak": None, "without_leaked": 0.1, "empty": 3,
           "pages": 30}  # fmt: skip
    figures = accuracy.headline_figures({"corpora": {"wcxb": {"cleanpress": row}}, "metadata": {}})
    assert figures == {"wcxb.f1": 0.75, "wcxb.precision": 0.8, "wcxb.recall": 0.7, "wcxb.without_leaked": 0.1,
                       "wcxb.empty_share": 0.1}  # fmt: skip
    assert {"wcxb.without_leaked", "wcxb.empty_share"} <= accuracy.CEILINGS


def test_guard_sample_is_a_fixed_share_of_the_tuning_part() -> None:
    pages = [Page("wcxb", f"{i:04d}", b"", "", site=f"site{i}.example") for i in range(300)]
    sample = accuracy.guard_sample(pages)
    tuning = [p for p in pages if p.part == "tuning"]
    assert sample == tuning[:: accuracy.GUARD_STRIDE]
    assert all(p.part == "tuning" for p in sample)


def _made_up_pages() -> list[Page]:
    """Four WCXB-like pages on two sites (one per part) and two page types."""
    sites = {"tuning": "example.org", "checking": "example.net"}
    return [
        Page("wcxb", f"{part}-{kind}", b"", "", reference="alpha beta gamma delta", site=sites[part], page_type=kind,
             with_snippets=("alpha beta",), without_snippets=("Sign in",))
        for part in ("tuning", "checking") for kind in ("article", "product")
    ]  # fmt: skip


def test_score_corpus_reports_each_part_and_each_page_type() -> None:
    pages = _made_up_pages()
    texts = ["alpha beta gamma delta", "", "alpha beta Sign in", "alpha beta gamma delta"]
    row = accuracy.score_corpus("wcxb", pages, [accuracy.Outcome(t, 0.1) for t in texts])
    assert row["pages"] == 4 and row["empty"] == 1
    assert row["f1"] == pytest.approx((1 + 0 + 2 * 0.5 * 0.5 / 1.0 + 1) / 4)
    assert (row["with_found"], row["without_leaked"]) == pytest.approx((3 / 4, 1 / 4))
    assert row["parts"]["tuning"]["f1"] == pytest.approx(0.5)
    assert row["parts"]["checking"]["f1"] == pytest.approx(0.75)
    assert row["by_type"]["product"]["f1"] == pytest.approx(0.5) and row["by_type"]["product"]["empty"] == 1
    assert row["parts"]["checking"]["by_type"]["article"]["f1"] == pytest.approx(0.5)
    report = {"part": "all", "corpora": {"wcxb": {"made-up": row}}, "metadata": {}}
    text = accuracy.format_text(report)
    assert "F1 per page type" in text and "tuning part against checking part" in text
    header, rows = accuracy.type_rows(report)
    assert header[4:] == ["article (2)", "product (2)"]
    assert [r[0] for r in rows] == ["made-up", "  tuning", "  checking"]


def _fragile(html: str | bytes, url: str) -> str:
    """A made-up extractor that hangs, raises or returns, depending on the page."""
    if html == b"hang":
        time.sleep(60)
    if html == b"raise":
        raise ValueError("bad page")
    return html.decode() if isinstance(html, bytes) else html


def test_a_hanging_or_raising_page_is_a_failure_not_a_stall(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(rivals.RIVALS, "fragile", rivals.Rival("fragile", "time", "none", _fragile))
    pages = [Page("made-up", str(i), html, "") for i, html in enumerate([b"one", b"hang", b"raise", b"two"])]
    start = time.monotonic()
    outcomes = accuracy.run_extractors(["fragile"], pages, jobs=2, timeout=1.0)["fragile"]
    assert time.monotonic() - start < 20
    assert [o.text for o in outcomes] == ["one", "", "", "two"]
    assert outcomes[1].error.startswith("timeout") and outcomes[2].error.startswith("ValueError")


def test_error_analysis_blames_the_deciding_block() -> None:
    from benchmarks.error_analysis import Unit, analyse

    page = Page("readability", "made-up", b"", "", reference="alpha beta gamma delta epsilon\nzeta eta theta iota kappa")
    shared = Unit("alpha beta gamma delta epsilon", True, "paragraph")
    chrome = Unit("Share this story now please", True, "paragraph")
    dropped = Unit("zeta eta theta iota kappa", False, "related-links", "struct.link-dense", True)
    result = analyse(page, f"{shared.text}\n{chrome.text}", [shared, chrome, dropped])
    assert [e.unit for e in result.extra] == [chrome]
    assert [(e.text, e.cause) for e in result.missing] == [
        ("zeta eta theta iota kappa", "removed related-links by struct.link-dense")
    ]
