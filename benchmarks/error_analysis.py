"""Where cleanpress goes wrong on a benchmark page, and which rule decided it.

Three modes, run from the repository root::

    python -m benchmarks.error_analysis scrapinghub --classes 10
    python -m benchmarks.error_analysis scrapinghub --worst 20 [--compare trafilatura]
    python -m benchmarks.error_analysis wcxb --worst 30 --type product
    python -m benchmarks.error_analysis scrapinghub PAGE_ID [--all]

``--worst`` and ``--classes`` read the tuning part of the corpus only
(:mod:`benchmarks.split`; ``--part checking`` or ``all`` to override, for
checking a result, not for studying failures); ``--type`` keeps one WCXB
page type.

``--classes`` sums the errors of every page by the decision that caused them
(rule and block kind) and names the worst page of each class: where to fix
first. ``--worst`` ranks a corpus's pages by cleanpress's page F1 (worst
first), optionally beside rivals. With a page id, the page is traced
(:func:`cleanpress.trace`) and shown in two columns: on the left what
cleanpress kept that the reference lacks, on the right what the reference
has that cleanpress dropped, each with the decision (kind, rule, inside or
outside the chosen container) that produced it. Blocks are matched to the
reference by 4-token shingle overlap, the benchmark's own unit.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import signal
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import accuracy, corpora, metrics, rivals
from .corpora import Page
from .split import PARTS, Part

#: A block counts as "in the reference" when at least this share of its shingles is there.
MATCH = 0.5


@dataclass(frozen=True, slots=True)
class Unit:
    """A candidate block as error analysis sees it: its text and the decision on it."""

    text: str
    kept: bool
    kind: str
    rule: str = ""
    in_container: bool = True

    @property
    def cause(self) -> str:
        """What decided this block, without its position: the key errors are grouped by."""
        if self.kept:
            return f"kept {self.kind} {'in' if self.in_container else 'outside'} container"
        return f"removed {self.kind} by {self.rule or '?'}"

    @property
    def label(self) -> str:
        """The cause plus, for removals, where the block lay relative to the chosen container."""
        if self.kept:
            return self.cause
        return f"{self.cause}, {'in' if self.in_container else 'outside'} container"


@dataclass(frozen=True, slots=True)
class Entry:
    """One error: the text concerned and the block decision held responsible (None: no block holds it)."""

    text: str
    unit: Unit | None
    share: float = 1.0

    @property
    def cause(self) -> str:
        """Grouping key; text no candidate holds is a class of its own."""
        if self.unit is None:
            return "in no candidate block"
        return self.unit.cause + (" (partly)" if self.share < 1 else "")

    @property
    def label(self) -> str:
        """How the side-by-side view names the deciding block."""
        if self.unit is None:
            return "no candidate block holds this text"
        return self.unit.label + (f" (holds {self.share:.0%} of it)" if self.share < 1 else "")


def trace_units(page: Page) -> tuple[str, list[Unit]]:
    """cleanpress's output text and its decisions on the page, in reading order.

    Falls back to the output's lines as kept units when the pipeline records
    no decisions, so the tool still works on a bare pipeline.
    """
    import cleanpress

    article, decisions = cleanpress.trace(page.html, url=page.url or None)
    if decisions:
        units = [Unit(d.text, d.kept, d.kind, d.rule, d.in_container) for d in decisions]
    else:
        units = [Unit(p, True, "untraced") for p in article.text.split("\n") if p.strip()]
    return article.text, units


def overlap(text: str, reference: Counter[tuple[str, ...]], ref_tokens: str) -> float:
    """Share of ``text``'s shingles found in the reference (short texts: token run found)."""
    toks = metrics.tokens(text)
    if not toks:
        return 1.0
    if len(toks) < metrics.SHINGLE:
        return 1.0 if f" {' '.join(toks)} " in ref_tokens else 0.0
    own = _shingles(text)
    return sum((own & reference).values()) / sum(own.values())


@dataclass(frozen=True, slots=True)
class Analysis:
    """The two columns: extra (kept, reference lacks) and missing (reference has, dropped)."""

    extra: list[Entry]
    missing: list[Entry]
    summary: str
    snippets: bool = False


def analyse(page: Page, output: str, units: Sequence[Unit]) -> Analysis:
    """Compare one traced page with its reference."""
    if page.corpus == "trafilatura-eval":
        return _analyse_snippets(page, output, units)
    ref = metrics.shingles(page.reference)
    ref_tokens = f" {' '.join(metrics.tokens(page.reference))} "
    extra = [Entry(u.text, u) for u in units if u.kept and overlap(u.text, ref, ref_tokens) < MATCH]
    out = metrics.shingles(output)
    out_tokens = f" {' '.join(metrics.tokens(output))} "
    missing = [
        _best_decision(para, units)
        for para in page.reference.split("\n")
        if metrics.tokens(para) and overlap(para, out, out_tokens) < MATCH
    ]
    sizes = f"output {len(metrics.tokens(output))} tokens, reference {len(metrics.tokens(page.reference))}"
    if page.corpus == corpora.WCXB:
        words = metrics.word_page(page.reference, output, page.with_snippets, page.without_snippets)
        summary = (
            f"{page.page_type} page, {page.part} part; words: precision {words.precision:.3f}  recall "
            f"{words.recall:.3f}  F1 {words.f1:.3f}  with found {words.with_found}/{words.with_total}  "
            f"without leaked {words.without_leaked}/{words.without_total}  {sizes}"
        )
        return Analysis(extra, missing, summary)
    score = metrics.shingle_page(page.reference, output)
    summary = (
        f"precision {_f(score.precision)}  recall {_f(score.recall)}  F1 {score.f1:.3f}  exact {score.exact}  {sizes}"
    )
    return Analysis(extra, missing, summary)


def _analyse_snippets(page: Page, output: str, units: Sequence[Unit]) -> Analysis:
    text = metrics.collapse_ws(output)
    extra = [_containing_decision(s, units, kept=True) for s in page.without_snippets if metrics.collapse_ws(s) in text]
    missing = [
        _containing_decision(s, units, kept=False) for s in page.with_snippets if metrics.collapse_ws(s) not in text
    ]
    c = metrics.snippet_counts(output, page.with_snippets, page.without_snippets)
    summary = f"with: {c.tp} found, {c.fn} missing; without: {c.fp} leaked, {c.tn} kept out; F1 {c.f1:.3f}"
    return Analysis(extra, missing, summary, snippets=True)


def _containing_decision(snippet: str, units: Sequence[Unit], *, kept: bool) -> Entry:
    """The decision on the block that holds the snippet, preferring blocks with the given verdict."""
    needle = metrics.collapse_ws(snippet)
    holders = [u for u in units if needle in metrics.collapse_ws(u.text)]
    holders.sort(key=lambda u: u.kept != kept)
    if holders:
        return Entry(snippet, holders[0])
    return _best_decision(snippet, units)


def _best_decision(text: str, units: Sequence[Unit]) -> Entry:
    """The decision on the block that holds the largest share of ``text``."""
    toks = metrics.tokens(text)
    if len(toks) < metrics.SHINGLE:
        needle = f" {' '.join(toks)} "
        for unit in units:
            if needle in f" {' '.join(metrics.tokens(unit.text))} ":
                return Entry(text, unit)
        return Entry(text, None)
    want = metrics.shingles(text)
    total = sum(want.values())
    best, best_share = None, 0.0
    for unit in units:
        share = sum((_shingles(unit.text) & want).values()) / total
        if share > best_share:
            best, best_share = unit, share
    return Entry(text, best, best_share if best else 1.0)


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
                entry = entries[i]
                label = entry.label
                if analysis.snippets and entries is analysis.extra:
                    chrome = metrics.chrome_category(entry.text)
                    label += f" [chrome: {chrome}]" if chrome else ""
                body = textwrap.shorten(" ".join(entry.text.split()), width=col * 4, placeholder=" ...")
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
    warning = "  [CHECKING PART: study failures on tuning pages only]" if page.part == "checking" else ""
    parts = [f"{corpus} / {page_id}  {page.url}{warning}", analysis.summary, "", side_by_side(analysis, width, limit)]
    if show_all:
        parts += ["", "ALL DECISIONS, reading order:"]
        parts += [f"  {'+' if u.kept else '-'} [{u.label}] {textwrap.shorten(u.text, width - 8)}" for u in units]
    return "\n".join(parts)


def select_pages(corpus: str, part: Part | None = "tuning", page_type: str | None = None) -> list[Page]:
    """The pages to study: one part of the corpus (None: both), optionally one WCXB page type."""
    pages = corpora.load(corpus, part=part)
    return [p for p in pages if p.page_type == page_type] if page_type else pages


def _scope(part: Part | None, page_type: str | None) -> str:
    return f"{part or 'all'} part" + (f", {page_type} pages" if page_type else "")


def worst_pages(
    corpus: str, n: int, *, jobs: int, compare: Sequence[str] = (), part: Part | None = "tuning",
    page_type: str | None = None,
) -> str:  # fmt: skip
    """The ``n`` pages of ``corpus`` (of one part, one page type) where cleanpress's page F1 is lowest."""
    pages = select_pages(corpus, part, page_type)
    names = ["cleanpress", *compare]
    outputs = accuracy.run_extractors(names, pages, jobs=jobs, timeout=60)
    rows = []
    for i, page in enumerate(pages):
        scores = [accuracy.page_f1(page, outputs[name][i].text) for name in names]
        error = outputs["cleanpress"][i].error
        if not outputs["cleanpress"][i].text.strip():
            error = f"empty{'; ' + error if error else ''}"
        rows.append((scores[0], page, scores, error))
    rows.sort(key=lambda r: (r[0], r[1].id))
    typed = corpus == corpora.WCXB
    header = f"{'F1':>6} " + " ".join(f"{name[:16]:>16}" for name in compare)
    header += f"  {'type':<13}" * typed + "  page id / url"
    title = f"worst {min(n, len(rows))} of {len(rows)} {corpus} pages ({_scope(part, page_type)}) by cleanpress page F1"
    lines = [title, header]
    for f1, page, scores, error in rows[:n]:
        others = " ".join(f"{s:>16.3f}" for s in scores[1:])
        note = f"  [{error}]" if error else ""
        kind = f"  {page.page_type:<13}" * typed
        lines.append(f"{f1:>6.3f} {others}{kind}  {page.id}  {page.url}{note}")
    return "\n".join(lines)


class _PageTimeout(Exception):
    """A page took longer than the analysis allows."""


def _alarm(signum: int, frame: object) -> None:
    raise _PageTimeout


def _init_worker() -> None:
    signal.signal(signal.SIGALRM, _alarm)


def page_errors(page: Page, timeout: int = 60) -> tuple[str, list[tuple[str, str, float]], str]:
    """(page id, [(side, cause, weight)], failure) for one page; runs in a worker.

    Weight is the error's size in the corpus's unit: reference or output
    tokens, or one per snippet on trafilatura-eval.
    """
    signal.alarm(timeout)
    try:
        output, units = trace_units(page)
        analysis = analyse(page, output, units)
    except Exception as exc:  # noqa: BLE001 - a failing page is reported, not fatal
        return page.id, [], f"{type(exc).__name__}: {exc}"[:200]
    finally:
        signal.alarm(0)

    def weight(entry: Entry) -> float:
        return 1.0 if analysis.snippets else float(len(metrics.tokens(entry.text)))

    def extra_cause(entry: Entry) -> str:
        chrome = metrics.chrome_category(entry.text) if len(entry.text) < 300 else None
        return entry.cause + (f" [looks like {chrome}]" if chrome else "")

    rows = [("extra", extra_cause(e), weight(e)) for e in analysis.extra]
    rows += [("missing", e.cause, weight(e)) for e in analysis.missing]
    return page.id, rows, ""


def error_classes(corpus: str, top: int, *, jobs: int, part: Part | None = "tuning", page_type: str | None = None) -> str:
    """The biggest error causes over a corpus (one part, one page type), each with its worst page as an example."""
    pages = select_pages(corpus, part, page_type)
    totals: dict[tuple[str, str], float] = {}
    per_page: dict[tuple[str, str], dict[str, float]] = {}
    failures: list[str] = []
    with multiprocessing.get_context("fork").Pool(max(1, jobs), initializer=_init_worker) as pool:
        for page_id, rows, failure in pool.imap_unordered(page_errors, pages, chunksize=4):
            if failure:
                failures.append(f"{page_id}: {failure}")
            for side, cause, w in rows:
                key = (side, cause)
                totals[key] = totals.get(key, 0.0) + w
                per_page.setdefault(key, {})
                per_page[key][page_id] = per_page[key].get(page_id, 0.0) + w
    unit = "snippets" if corpus == "trafilatura-eval" else "tokens"
    lines = [f"error classes of cleanpress on {corpus} ({len(pages)} pages, {_scope(part, page_type)}), sized in {unit}"]
    titles = {"missing": "REFERENCE HAS, CLEANPRESS DROPPED", "extra": "CLEANPRESS KEPT, REFERENCE LACKS"}
    for side in ("missing", "extra"):
        keys = sorted((k for k in totals if k[0] == side), key=lambda k: -totals[k])
        lines += ["", titles[side], f"{unit:>9} {'pages':>5}  {'cause':<60} example page ({unit})"]
        for key in keys[:top]:
            example, size = max(per_page[key].items(), key=lambda item: item[1])
            lines.append(f"{totals[key]:>9.0f} {len(per_page[key]):>5}  {key[1]:<60} {example} ({size:.0f})")
    if failures:
        lines += ["", f"{len(failures)} pages failed:"] + [f"  {f}" for f in failures]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m benchmarks.error_analysis``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.error_analysis", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=corpora.ALL_CORPORA)
    parser.add_argument("page_id", nargs="?", help="a page id (omit with --worst)")
    parser.add_argument("--worst", type=int, metavar="N", help="list the N pages with the lowest cleanpress F1")
    parser.add_argument("--classes", type=int, metavar="N", help="the N biggest error causes over the corpus")
    parser.add_argument("--compare", default="", help="with --worst: comma list of rivals to score beside cleanpress")
    parser.add_argument("--part", choices=[*PARTS, "all"], default="tuning",
                        help="with --worst/--classes: the part of the corpus to read (default: tuning)")
    parser.add_argument("--type", choices=corpora.PAGE_TYPES, help="with --worst/--classes: only this WCXB page type")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for --worst/--classes (default 2)")
    parser.add_argument("--all", action="store_true", help="also list every decision in reading order")
    parser.add_argument("--limit", type=int, default=60, help="rows to show per page (default 60)")
    parser.add_argument("--width", type=int, default=shutil.get_terminal_size((160, 40)).columns)
    args = parser.parse_args(argv)

    reason = corpora.missing_reason(args.corpus)
    if reason:
        raise SystemExit(reason)
    part: Part | None = None if args.part == "all" else args.part
    if args.classes:
        print(error_classes(args.corpus, args.classes, jobs=args.jobs, part=part, page_type=args.type))
    elif args.worst:
        compare = [c.strip() for c in args.compare.split(",") if c.strip()]
        absent = [c for c in compare if c not in rivals.RIVALS or not rivals.importable(c)]
        if absent:
            raise SystemExit(f"not available: {', '.join(absent)}")
        print(worst_pages(args.corpus, args.worst, jobs=args.jobs, compare=compare, part=part, page_type=args.type))
    elif args.page_id:
        try:
            print(show_page(args.corpus, args.page_id, width=args.width, limit=args.limit, show_all=args.all))
        except KeyError as exc:
            raise SystemExit(str(exc.args[0])) from None
    else:
        parser.error("give a PAGE_ID, --worst N or --classes N")
    return 0


if __name__ == "__main__":
    sys.exit(main())
