"""Where cleanpress goes wrong on a benchmark page, and which rule decided it.

Two modes, run from the repository root::

    python -m benchmarks.error_analysis scrapinghub --worst 20 [--compare trafilatura]
    python -m benchmarks.error_analysis scrapinghub PAGE_ID [--all]

``--worst`` ranks a corpus's pages by cleanpress's page F1 (worst first), the
list to work through. With a page id, the page is traced
(:func:`cleanpress.trace`) and shown in two columns: on the left what
cleanpress kept that the reference lacks, on the right what the reference
has that cleanpress dropped, each with the decision (kind, rule, inside or
outside the chosen container) that produced it. Blocks are matched to the
reference by 4-token shingle overlap, the benchmark's own unit.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import accuracy, corpora, metrics, rivals
from .corpora import Page

#: A block counts as "in the reference" when at least this share of its shingles is there.
MATCH = 0.5


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate block as error analysis sees it: text and the decision on it."""

    text: str
    kept: bool
    label: str


def _decision_label(kept: bool, kind: str, rule: str, in_container: bool) -> str:
    where = "in container" if in_container else "outside container"
    verdict = "kept" if kept else "removed"
    return f"{verdict} {kind or '?'}" + (f" by {rule}" if rule else "") + f", {where}"


def trace_units(page: Page) -> tuple[str, list[Unit]]:
    """cleanpress's output text and its decisions on the page, in reading order.

    Falls back to the output's paragraphs as kept units when the pipeline
    records no decisions, so the tool still works on a bare pipeline.
    """
    import cleanpress

    article, decisions = cleanpress.trace(page.html, url=page.url or None)
    if decisions:
        units = [Unit(d.text, d.kept, _decision_label(d.kept, d.kind, d.rule, d.in_container)) for d in decisions]
    else:
        units = [Unit(p, True, "kept (no trace recorded)") for p in article.text.split("\n") if p.strip()]
    return article.text, units


def overlap(text: str, reference: Counter[tuple[str, ...]], ref_tokens: str) -> float:
    """Share of ``text``'s shingles found in the reference (short texts: token run found)."""
    toks = metrics.tokens(text)
    if not toks:
        return 1.0
    if len(toks) < metrics.SHINGLE:
        return 1.0 if f" {' '.join(toks)} " in ref_tokens else 0.0
    own = metrics.shingles(text)
    return sum((own & reference).values()) / sum(own.values())


@dataclass(frozen=True, slots=True)
class Analysis:
    """The two columns: extra (kept, reference lacks) and missing (reference has, dropped)."""

    extra: list[tuple[str, str]]
    missing: list[tuple[str, str]]
    summary: str


def analyse(page: Page, output: str, units: Sequence[Unit]) -> Analysis:
    """Compare one traced page with its reference."""
    if page.corpus == "trafilatura-eval":
        return _analyse_snippets(page, output, units)
    ref = metrics.shingles(page.reference)
    ref_tokens = f" {' '.join(metrics.tokens(page.reference))} "
    extra = [(u.label, u.text) for u in units if u.kept and overlap(u.text, ref, ref_tokens) < MATCH]
    out = metrics.shingles(output)
    out_tokens = f" {' '.join(metrics.tokens(output))} "
    missing = []
    for para in (p for p in page.reference.split("\n") if metrics.tokens(p)):
        if overlap(para, out, out_tokens) >= MATCH:
            continue
        missing.append((_best_decision(para, units), para))
    score = metrics.shingle_page(page.reference, output)
    summary = (
        f"precision {_f(score.precision)}  recall {_f(score.recall)}  F1 {score.f1:.3f}  "
        f"exact {score.exact}  output {len(metrics.tokens(output))} tokens, reference {len(metrics.tokens(page.reference))}"
    )
    return Analysis(extra, missing, summary)


def _analyse_snippets(page: Page, output: str, units: Sequence[Unit]) -> Analysis:
    text = metrics.collapse_ws(output)
    extra = []
    for snippet in page.without_snippets:
        if metrics.collapse_ws(snippet) in text:
            chrome = metrics.chrome_category(snippet)
            label = _containing_decision(snippet, units, kept=True) + (f" [chrome: {chrome}]" if chrome else "")
            extra.append((label, snippet))
    missing = [
        (_containing_decision(s, units, kept=False), s)
        for s in page.with_snippets
        if metrics.collapse_ws(s) not in text
    ]
    c = metrics.snippet_counts(output, page.with_snippets, page.without_snippets)
    summary = f"with: {c.tp} found, {c.fn} missing; without: {c.fp} leaked, {c.tn} kept out; F1 {c.f1:.3f}"
    return Analysis(extra, missing, summary)


def _containing_decision(snippet: str, units: Sequence[Unit], *, kept: bool) -> str:
    """The decision on the block that holds the snippet, preferring blocks with the given verdict."""
    needle = metrics.collapse_ws(snippet)
    holders = [u for u in units if needle in metrics.collapse_ws(u.text)]
    holders.sort(key=lambda u: u.kept != kept)
    if holders:
        return holders[0].label
    return _best_decision(snippet, units)


def _best_decision(text: str, units: Sequence[Unit]) -> str:
    """The decision on the block that holds the largest share of ``text``."""
    toks = metrics.tokens(text)
    if len(toks) < metrics.SHINGLE:
        needle = f" {' '.join(toks)} "
        for unit in units:
            if needle in f" {' '.join(metrics.tokens(unit.text))} ":
                return unit.label
        return "no candidate block holds this text"
    want = metrics.shingles(text)
    total = sum(want.values())
    best, best_share = None, 0.0
    for unit in units:
        share = sum((_shingles(unit.text) & want).values()) / total
        if share > best_share:
            best, best_share = unit, share
    if best is None:
        return "no candidate block holds this text"
    return best.label if best_share == 1 else f"{best.label} (holds {best_share:.0%} of it)"


@lru_cache(maxsize=8192)
def _shingles(text: str) -> Counter[tuple[str, ...]]:
    return metrics.shingles(text)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def side_by_side(analysis: Analysis, width: int, limit: int) -> str:
    """Two wrapped columns, one entry per row, rule labels first."""
    col = max(30, (width - 3) // 2)
    left_title = f"KEPT, REFERENCE LACKS ({len(analysis.extra)})"
    right_title = f"REFERENCE HAS, DROPPED ({len(analysis.missing)})"
    lines = [f"{left_title:<{col}} | {right_title}", f"{'-' * col}-+-{'-' * col}"]
    rows = max(len(analysis.extra), len(analysis.missing))
    for i in range(min(rows, limit)):
        cells = []
        for entries in (analysis.extra, analysis.missing):
            if i < len(entries):
                label, text = entries[i]
                body = textwrap.shorten(" ".join(text.split()), width=col * 4, placeholder=" ...")
                cells.append(textwrap.wrap(f"[{label}]", col) + textwrap.wrap(body, col))
            else:
                cells.append([])
        for j in range(max(len(c) for c in cells)):
            left = cells[0][j] if j < len(cells[0]) else ""
            right = cells[1][j] if j < len(cells[1]) else ""
            lines.append(f"{left:<{col}} | {right}")
        lines.append(f"{'':<{col}} |")
    if rows > limit:
        lines.append(f"... {rows - limit} more rows (raise --limit)")
    return "\n".join(lines)


def show_page(corpus: str, page_id: str, *, width: int, limit: int, show_all: bool) -> str:
    """The full report for one page."""
    page = corpora.load_page(corpus, page_id)
    output, units = trace_units(page)
    analysis = analyse(page, output, units)
    parts = [f"{corpus} / {page_id}  {page.url}", analysis.summary, "", side_by_side(analysis, width, limit)]
    if show_all:
        parts += ["", "ALL DECISIONS, reading order:"]
        parts += [f"  {'+' if u.kept else '-'} [{u.label}] {textwrap.shorten(u.text, width - 8)}" for u in units]
    return "\n".join(parts)


def worst_pages(corpus: str, n: int, *, jobs: int, compare: Sequence[str] = ()) -> str:
    """The ``n`` pages of ``corpus`` where cleanpress's page F1 is lowest."""
    pages = corpora.load(corpus)
    names = ["cleanpress", *compare]
    outputs = accuracy.run_extractors(names, pages, jobs=jobs, timeout=60)
    rows = []
    for i, page in enumerate(pages):
        scores = [accuracy.page_f1(page, outputs[name][i].text) for name in names]
        error = outputs["cleanpress"][i].error
        rows.append((scores[0], page, scores, error))
    rows.sort(key=lambda r: (r[0], r[1].id))
    header = f"{'F1':>6} " + " ".join(f"{name[:16]:>16}" for name in compare) + "  page id / url"
    lines = [f"worst {min(n, len(rows))} of {len(rows)} {corpus} pages by cleanpress page F1", header]
    for f1, page, scores, error in rows[:n]:
        others = " ".join(f"{s:>16.3f}" for s in scores[1:])
        note = f"  [{error}]" if error else ""
        lines.append(f"{f1:>6.3f} {others}  {page.id}  {page.url}{note}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m benchmarks.error_analysis``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.error_analysis", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=corpora.CORPORA)
    parser.add_argument("page_id", nargs="?", help="a page id (omit with --worst)")
    parser.add_argument("--worst", type=int, metavar="N", help="list the N pages with the lowest cleanpress F1")
    parser.add_argument("--compare", default="", help="with --worst: comma list of rivals to score beside cleanpress")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for --worst (default 2)")
    parser.add_argument("--all", action="store_true", help="also list every decision in reading order")
    parser.add_argument("--limit", type=int, default=60, help="rows to show per page (default 60)")
    parser.add_argument("--width", type=int, default=shutil.get_terminal_size((160, 40)).columns)
    args = parser.parse_args(argv)

    reason = corpora.missing_reason(args.corpus)
    if reason:
        raise SystemExit(reason)
    if args.worst:
        compare = [c.strip() for c in args.compare.split(",") if c.strip()]
        absent = [c for c in compare if c not in rivals.RIVALS or not rivals.importable(c)]
        if absent:
            raise SystemExit(f"not available: {', '.join(absent)}")
        print(worst_pages(args.corpus, args.worst, jobs=args.jobs, compare=compare))
    elif args.page_id:
        try:
            print(show_page(args.corpus, args.page_id, width=args.width, limit=args.limit, show_all=args.all))
        except KeyError as exc:
            raise SystemExit(str(exc.args[0])) from None
    else:
        parser.error("give a PAGE_ID or --worst N")
    return 0


if __name__ == "__main__":
    sys.exit(main())
