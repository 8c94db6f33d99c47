"""Score cleanpress and every installed rival on the shared corpora, side by side.

Run from the repository root::

    python -m benchmarks.accuracy                       # everything installed, all corpora
    python -m benchmarks.accuracy --extractors cleanpress,trafilatura --corpus wcxb
    python -m benchmarks.accuracy --extractors cleanpress --part tuning
    python -m benchmarks.accuracy --update-floors       # rewrite floors.json from the guard's run

Every corpus is reported whole and for each part of its split by site
(tuning and checking, :mod:`benchmarks.split`); WCXB also per page type.
Extractors run in worker processes (``--jobs``); a page that runs past
``--timeout`` seconds has its worker killed and replaced, and counts as a
failure with empty output, like a page that raises. A full run writes
``benchmarks/results/accuracy.json`` and ``accuracy.md``; a partial run
(``--extractors``/``--corpus``/``--part``/``--limit``) writes only where ``--json`` /
``--markdown`` say, so a quick check never overwrites the published table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import multiprocessing
import multiprocessing.connection
import os
import platform
import signal
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import corpora, metrics, rivals
from .corpora import ALL_CORPORA, PAGE_TYPES, WCXB, Page
from .split import PARTS, Part

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results" / "accuracy.json"
RESULTS_MD = HERE / "results" / "accuracy.md"
FLOORS_JSON = HERE / "floors.json"

#: How far below its floor (above, for the leak ceiling) a headline figure may fall.
TOLERANCE = 0.005


# --- running extractors in worker processes -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one extractor made of one page."""

    text: str
    seconds: float
    error: str = ""
    metadata: dict[str, str] | None = None


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Any
    task: int | None = None
    deadline: float = math.inf
    started: float = 0.0


def _serve(conn: Any) -> None:
    """Worker loop: run one (extractor, page) task at a time until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
    # Some rivals print chatter; the report is the parent's output alone.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    while True:
        message = conn.recv()
        if message is None:
            return
        task_id, name, html, url, want_meta = message
        start = time.perf_counter()
        error = ""
        try:
            text = rivals.get(name)(html, url)
        except Exception as exc:  # noqa: BLE001 - any exception is this extractor's failure
            text, error = "", f"{type(exc).__name__}: {exc}"[:300]
        seconds = time.perf_counter() - start
        meta = None
        if want_meta and name in rivals.METADATA:
            try:
                meta = rivals.METADATA[name](html, url)
            except Exception:  # noqa: BLE001 - no metadata is a miss on every field
                meta = {}
        conn.send((task_id, text if isinstance(text, str) else "", seconds, error, meta))


class _Pool:
    """Worker processes with a per-task deadline; an overdue worker is killed and replaced."""

    def __init__(self, jobs: int, timeout: float) -> None:
        self._ctx = multiprocessing.get_context("fork")
        self._timeout = timeout
        self._workers = [self._spawn() for _ in range(max(1, jobs))]

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(child,), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._workers[self._workers.index(worker)] = self._spawn()

    def run(self, tasks: Sequence[tuple[str, Page, bool]], progress: bool = False) -> list[Outcome]:
        """Outcomes in task order for (extractor, page, want_metadata) tasks."""
        outcomes: list[Outcome | None] = [None] * len(tasks)
        pending = iter(range(len(tasks)))
        done = 0
        last_report = time.monotonic()
        while done < len(tasks):
            for worker in self._workers:
                if worker.task is None:
                    task_id = next(pending, None)
                    if task_id is None:
                        break
                    name, page, want_meta = tasks[task_id]
                    worker.task, worker.started = task_id, time.monotonic()
                    worker.deadline = worker.started + self._timeout
                    worker.conn.send((task_id, name, page.html, page.url, want_meta))
            busy = [w for w in self._workers if w.task is not None]
            wait = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait)
            for worker in busy:
                assert worker.task is not None
                if worker.conn in ready:
                    try:
                        task_id, text, seconds, error, meta = worker.conn.recv()
                        outcomes[task_id] = Outcome(text, seconds, error, meta)
                    except (EOFError, OSError):
                        outcomes[worker.task] = Outcome("", time.monotonic() - worker.started, "worker died")
                        self._replace(worker)
                elif time.monotonic() >= worker.deadline:
                    outcomes[worker.task] = Outcome("", self._timeout, f"timeout after {self._timeout:g}s")
                    self._replace(worker)
                else:
                    continue
                worker.task = None
                done += 1
            if progress and time.monotonic() - last_report > 10:
                print(f"  ... {done}/{len(tasks)} pages done", file=sys.stderr, flush=True)
                last_report = time.monotonic()
        return [o for o in outcomes if o is not None]

    def close(self) -> None:
        """Stop every worker, politely first."""
        for worker in self._workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self._workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


def run_extractors(
    extractors: Sequence[str],
    pages: Sequence[Page],
    *,
    jobs: int = 2,
    timeout: float = 60.0,
    metadata: bool = False,
    progress: bool = False,
) -> dict[str, list[Outcome]]:
    """Extractor -> one Outcome per page (in page order).

    With ``metadata``, pages that carry reference metadata also get the
    extractor's metadata, when it offers any.
    """
    tasks = [(name, page, metadata and bool(page.metadata)) for page in pages for name in extractors]
    pool = _Pool(jobs, timeout)
    try:
        flat = pool.run(tasks, progress=progress)
    finally:
        pool.close()
    result: dict[str, list[Outcome]] = {name: [] for name in extractors}
    for (name, _, _), outcome in zip(tasks, flat):
        result[name].append(outcome)
    return result


# --- scoring --------------------------------------------------------------------------------


def page_f1(page: Page, output: str) -> float:
    """One page's F1 under its corpus's metric; how error analysis ranks pages."""
    if page.corpus == "trafilatura-eval":
        return metrics.snippet_counts(output, page.with_snippets, page.without_snippets).f1
    if page.corpus == WCXB:
        return metrics.word_page(page.reference, output).f1
    return metrics.shingle_page(page.reference, output).f1


def score_pages(corpus: str, pages: Sequence[Page], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """One extractor on some pages of one corpus: the figures of the corpus's metric.

    WCXB rows also hold the ``with`` snippets found, the ``without`` snippets
    leaked and, under ``by_type``, the same figures for each page type.
    """
    texts = [o.text for o in outcomes]
    row: dict[str, Any] = {}
    if corpus == "trafilatura-eval":
        counts = sum(
            (metrics.snippet_counts(t, p.with_snippets, p.without_snippets) for p, t in zip(pages, texts)),
            metrics.SnippetCounts(),
        )
        scores = metrics.snippet_scores(counts)
        leaked = chrome = 0
        for page, text in zip(pages, texts):
            a, b = metrics.chrome_leaks(text, page.without_snippets)
            leaked, chrome = leaked + a, chrome + b
        row["chrome_leak"] = leaked / chrome if chrome else 0.0
    elif corpus == WCXB:
        scored = [metrics.word_page(p.reference, t, p.with_snippets, p.without_snippets) for p, t in zip(pages, texts)]
        words = metrics.word_scores(scored)
        scores = metrics.Scores(words.precision, words.recall, words.f1)
        row["with_found"] = words.with_found
        row["without_leaked"] = words.without_leaked
        row["by_type"] = {
            page_type: _type_row(metrics.word_scores([s for s, p in zip(scored, pages) if p.page_type == page_type]))
            for page_type in PAGE_TYPES
            if any(p.page_type == page_type for p in pages)
        }
    else:
        scores = metrics.shingle_scores([metrics.shingle_page(p.reference, t) for p, t in zip(pages, texts)])
    return {
        "precision": scores.precision,
        "recall": scores.recall,
        "f1": scores.f1,
        "accuracy": scores.accuracy,
        "failures": sum(bool(o.error) for o in outcomes),
        "empty": sum(not o.text.strip() for o in outcomes),
        "pages": len(pages),
        "seconds": sum(o.seconds for o in outcomes),
        "chrome_leak": None,
        **row,
    }


def _type_row(scores: metrics.WordScores) -> dict[str, Any]:
    return {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1, "with_found": scores.with_found,
            "without_leaked": scores.without_leaked, "empty": scores.empty, "pages": scores.pages}  # fmt: skip


def score_corpus(corpus: str, pages: Sequence[Page], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """One extractor on one corpus, in the JSON result's shape: all pages, then each part under ``parts``."""
    row = score_pages(corpus, pages, outcomes)
    row["parts"] = {}
    for part in PARTS:
        chosen = [i for i, page in enumerate(pages) if page.part == part]
        if chosen:
            row["parts"][part] = score_pages(corpus, [pages[i] for i in chosen], [outcomes[i] for i in chosen])
    return row


def score_metadata(pages: Sequence[Page], outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    """Per field: hits, pages that have the field, accuracy."""
    table = {name: {"hits": 0, "pages": 0, "accuracy": 0.0} for name in metrics.METADATA_KEYS}
    for page, outcome in zip(pages, outcomes):
        for name, hit in metrics.metadata_hits(page.metadata, outcome.metadata or {}).items():
            table[name]["pages"] += 1
            table[name]["hits"] += int(hit)
    for row in table.values():
        row["accuracy"] = row["hits"] / row["pages"] if row["pages"] else 0.0
    return table


@dataclass
class Run:
    """A finished benchmark: the JSON report plus per-page outputs for error analysis."""

    report: dict[str, Any]
    pages: dict[str, list[Page]] = field(default_factory=dict)
    outputs: dict[str, dict[str, list[Outcome]]] = field(default_factory=dict)


def run(
    extractors: Sequence[str],
    corpus_names: Sequence[str] = ALL_CORPORA,
    *,
    jobs: int = 2,
    timeout: float = 60.0,
    limit: int | None = None,
    part: Part | None = None,
    sample: Mapping[str, Callable[[list[Page]], list[Page]]] | None = None,
    progress: bool = False,
) -> Run:
    """Score ``extractors`` on ``corpus_names``; raises BenchMissing without the data.

    ``part`` keeps one part of every corpus; ``sample`` maps a corpus to the
    function that picks its pages (the guard's WCXB sample); ``limit`` then
    keeps the first pages.
    """
    result = Run(
        report={
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "versions": {name: rivals.version(name) for name in extractors},
            "part": part or "all",
            "corpora": {},
            "metadata": {},
        }
    )
    for corpus in corpus_names:
        pages = corpora.load(corpus, part=part)
        if sample and corpus in sample:
            pages = sample[corpus](pages)
        result.pages[corpus] = pages[:limit]
    if progress:
        sizes = ", ".join(f"{c} {len(p)}" for c, p in result.pages.items())
        print(f"pages: {sizes}; extractors: {', '.join(extractors)}", file=sys.stderr, flush=True)
    # One pool over every corpus, so no worker idles while a corpus's last pages finish.
    all_pages = [page for pages in result.pages.values() for page in pages]
    outputs = run_extractors(extractors, all_pages, jobs=jobs, timeout=timeout, metadata=True, progress=progress)
    start = 0
    for corpus, pages in result.pages.items():
        result.outputs[corpus] = {name: outs[start : start + len(pages)] for name, outs in outputs.items()}
        start += len(pages)
        table = result.outputs[corpus]
        result.report["corpora"][corpus] = {name: score_corpus(corpus, pages, table[name]) for name in extractors}
        if corpus == "readability":
            for name in extractors:
                if name in rivals.METADATA:
                    result.report["metadata"][name] = score_metadata(pages, table[name])
    return result


# --- floors (the guard) ---------------------------------------------------------------------

#: Headline figures for which lower is better; all others must not drop.
CEILINGS = frozenset({"trafilatura-eval.chrome_leak", "wcxb.without_leaked", "wcxb.empty_share"})

#: The guard scores WCXB on every GUARD_STRIDE-th page (in id order) of its tuning part
#: (240 of 1,358 pages, every page type): the whole corpus would double the test suite's time.
GUARD_STRIDE = 3


def guard_sample(pages: list[Page]) -> list[Page]:
    """The WCXB pages the guard scores: a fixed sample of the tuning part."""
    return [page for page in pages if page.part == "tuning"][::GUARD_STRIDE]


def guard_run(jobs: int = 2, timeout: float = 60.0) -> Run:
    """cleanpress on what the floors hold: the article corpora whole, WCXB's guard sample."""
    return run(["cleanpress"], ALL_CORPORA, jobs=jobs, timeout=timeout, sample={WCXB: guard_sample})


def headline_figures(report: dict[str, Any], extractor: str = "cleanpress") -> dict[str, float]:
    """The figures the guard holds: F1 per corpus, scrapinghub P/R, leak rates, empty share, metadata."""
    figures: dict[str, float] = {}
    for corpus, table in report["corpora"].items():
        row = table.get(extractor)
        if not row:
            continue
        figures[f"{corpus}.f1"] = row["f1"]
        if corpus in ("scrapinghub", WCXB):
            figures[f"{corpus}.precision"] = row["precision"]
            figures[f"{corpus}.recall"] = row["recall"]
        if row.get("chrome_leak") is not None:
            figures[f"{corpus}.chrome_leak"] = row["chrome_leak"]
        if corpus == WCXB:
            figures["wcxb.without_leaked"] = row["without_leaked"]
            figures["wcxb.empty_share"] = row["empty"] / row["pages"] if row["pages"] else 0.0
    for name, row in report["metadata"].get(extractor, {}).items():
        figures[f"metadata.{name}"] = row["accuracy"]
    return figures


def load_floors(path: Path = FLOORS_JSON) -> dict[str, float]:
    """Figure name -> floor (or ceiling, for the names in CEILINGS)."""
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8"))["floors"].items()}


def check_floors(figures: dict[str, float], floors: dict[str, float], tolerance: float = TOLERANCE) -> list[str]:
    """One line per headline figure that fell past its floor by more than ``tolerance``."""
    problems = []
    for name, floor in sorted(floors.items()):
        if name not in figures:
            problems.append(f"{name}: no such figure in this run")
            continue
        value = figures[name]
        if name in CEILINGS and value > floor + tolerance:
            problems.append(f"{name} = {value:.4f}, above its ceiling {floor:.4f}")
        elif name not in CEILINGS and value < floor - tolerance:
            problems.append(f"{name} = {value:.4f}, below its floor {floor:.4f}")
    return problems


def write_floors(figures: dict[str, float], path: Path = FLOORS_JSON, note: str = "") -> None:
    """Record a run's headline figures as the new floors (rounded in the safe direction)."""
    floors = {
        name: (math.ceil(v * 1000) / 1000 if name in CEILINGS else math.floor(v * 1000) / 1000)
        for name, v in sorted(figures.items())
    }
    document = {
        "note": note
        or "Headline figures of cleanpress on ../shared/bench; tests/test_accuracy_guard.py fails when one "
        f"drops more than {TOLERANCE} below its floor (rises above, for the leak rates and the empty share). "
        f"The wcxb figures are those of the guard's sample: one page in {GUARD_STRIDE} of WCXB's tuning part. "
        "Rewrite with: python -m benchmarks.accuracy --update-floors",
        "updated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "floors": floors,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


# --- reporting ------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def corpus_rows(report: dict[str, Any], corpus: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one corpus table, best F1 first."""
    header = ["extractor", "precision", "recall", "F1", "accuracy", "failures", "empty", "seconds"]
    if corpus == "trafilatura-eval":
        header.append("chrome leak")
    if corpus == WCXB:
        header[4:5] = ["with found", "without leaked"]
    rows = []
    table = report["corpora"][corpus]
    for name in sorted(table, key=lambda n: -table[n]["f1"]):
        r = table[name]
        row = [name, _fmt(r["precision"]), _fmt(r["recall"]), _fmt(r["f1"]), _fmt(r["accuracy"]),
               str(r["failures"]), str(r.get("empty", 0)), f"{r['seconds']:.1f}"]  # fmt: skip
        if corpus == "trafilatura-eval":
            row.append(_fmt(r["chrome_leak"]))
        if corpus == WCXB:
            row[4:5] = [_fmt(r["with_found"]), _fmt(r["without_leaked"])]
        rows.append(row)
    return header, rows


def part_rows(report: dict[str, Any], corpus: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the tuning-against-checking table of one corpus, best F1 first."""
    table = report["corpora"][corpus]
    parts = [p for p in PARTS if any(p in r.get("parts", {}) for r in table.values())]
    header = ["extractor"]
    for part in parts:
        pages = max(r["parts"][part]["pages"] for r in table.values() if part in r.get("parts", {}))
        header += [f"{part} F1 ({pages} pages)", f"{part} empty"]
    if len(parts) == 2:
        header.append("checking - tuning")
    rows = []
    for name in sorted(table, key=lambda n: -table[n]["f1"]):
        got = table[name].get("parts", {})
        row = [name]
        for part in parts:
            row += [_fmt(got[part]["f1"]), str(got[part]["empty"])] if part in got else ["-", "-"]
        if len(parts) == 2:
            row.append(f"{got['checking']['f1'] - got['tuning']['f1']:+.3f}" if len(got) == 2 else "-")
        rows.append(row)
    return header, rows


def type_rows(report: dict[str, Any], corpus: str = WCXB) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the per-page-type F1 table: each extractor on all pages, then on each part."""
    table = report["corpora"][corpus]
    types = [t for t in PAGE_TYPES if any(t in r.get("by_type", {}) for r in table.values())]
    counts = {t: max(r["by_type"][t]["pages"] for r in table.values() if t in r.get("by_type", {})) for t in types}
    header = ["extractor", "pages", "F1", "empty", *(f"{t} ({counts[t]})" for t in types)]
    rows = []
    for name in sorted(table, key=lambda n: -table[n]["f1"]):
        scopes = [("all", table[name])] + [(part, table[name]["parts"][part]) for part in PARTS
                                             if part in table[name].get("parts", {})]  # fmt: skip
        if report.get("part", "all") != "all":
            scopes = scopes[:1]  # a one-part run: its parts repeat the whole
        for scope, r in scopes:
            by_type = r.get("by_type", {})
            rows.append([name if scope == "all" else f"  {scope}", str(r["pages"]), _fmt(r["f1"]), str(r["empty"]),
                         *(_fmt(by_type[t]["f1"]) if t in by_type else "-" for t in types)])  # fmt: skip
    return header, rows


def metadata_rows(report: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the metadata table: accuracy (hits/pages) per field."""
    fields = list(metrics.METADATA_KEYS)
    rows = []
    for name, table in report["metadata"].items():
        rows.append([name] + [f"{table[f]['accuracy']:.3f} ({table[f]['hits']}/{table[f]['pages']})" for f in fields])
    return ["extractor", *fields], rows


def _plain_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    return "\n".join(lines)


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _tables(report: dict[str, Any], table: Any) -> Iterable[tuple[str, str]]:
    scope = "" if report.get("part", "all") == "all" else f", {report['part']} part only"
    for corpus in report["corpora"]:
        n = next(iter(report["corpora"][corpus].values()))["pages"]
        yield f"{corpus} ({n} pages{scope})", table(*corpus_rows(report, corpus))
        if corpus == WCXB:
            yield f"{corpus}: F1 per page type (all pages, then each part)", table(*type_rows(report, corpus))
        if not scope:
            yield f"{corpus}: tuning part against checking part (split by site)", table(*part_rows(report, corpus))
    if report["metadata"]:
        yield "metadata on readability (accuracy, hits/pages)", table(*metadata_rows(report))


def format_text(report: dict[str, Any]) -> str:
    """The console report: one table per corpus, then metadata."""
    return "\n\n".join(f"== {title}\n{body}" for title, body in _tables(report, _plain_table))


def format_markdown(report: dict[str, Any]) -> str:
    """The same tables as Markdown, with date and versions, for the README."""
    versions = ", ".join(f"{k} {v}" for k, v in report["versions"].items())
    parts = [
        "# Accuracy benchmark",
        "",
        f"Run {report['date']} on Python {report['python']}; versions: {versions}.",
        (
            "Generated by `python -m benchmarks.accuracy`; metrics as defined in `../shared/bench/README.md`. "
            "Chrome leak: share of trafilatura-eval `without` snippets classed as site chrome "
            "(benchmarks/metrics.py `CHROME_KEYWORDS`) that the extractor lets through; lower is better. "
            "wcxb: WCXB's word-overlap metric (means over pages); with found / without leaked: shares of its "
            "`with` / `without` snippets in the output; empty: pages with no output. Every corpus is split by "
            "site into a tuning and a checking part (benchmarks/split.py); a gain the checking part does not "
            "show is noise."
        ),
    ]
    for title, body in _tables(report, _md_table):
        parts += ["", f"## {title}", "", body]
    return "\n".join(parts) + "\n"


def write_report(report: dict[str, Any], json_path: Path | None, md_path: Path | None) -> None:
    """Save the JSON result and/or the Markdown tables."""
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if md_path:
        md_path.parent.mkdir(parents=True, exist_ok=True)
        md_path.write_text(format_markdown(report), encoding="utf-8")


def draw_charts(report: dict[str, Any]) -> None:
    """Redraw the F1 chart, and F1 against speed from the last speed run (needs matplotlib)."""
    from . import charts

    try:
        for path in charts.redraw(accuracy=report):
            print(f"wrote {path}", file=sys.stderr)
    except ImportError as exc:
        print(f"charts skipped: {exc}", file=sys.stderr)


# --- command line ---------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m benchmarks.accuracy``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractors", help=f"comma list (default: all installed of {', '.join(rivals.RIVALS)})")
    parser.add_argument("--corpus", help=f"comma list (default: {', '.join(ALL_CORPORA)})")
    parser.add_argument("--part", choices=PARTS, help="score only this part of every corpus (default: both)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per page before the worker is killed")
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus (quick checks)")
    parser.add_argument("--json", type=Path, help=f"write the JSON result here (full runs: {RESULTS_JSON.name})")
    parser.add_argument("--markdown", type=Path, help=f"write the Markdown tables here (full runs: {RESULTS_MD.name})")
    parser.add_argument("--update-floors", action="store_true",
                        help="run what the guard runs (cleanpress; WCXB's guard sample) and record it in floors.json")
    args = parser.parse_args(argv)

    if args.update_floors:
        reason = corpora.missing_reason() or corpora.missing_reason(WCXB)
        if reason:
            raise SystemExit(reason)
        figures = headline_figures(guard_run(jobs=args.jobs, timeout=args.timeout).report)
        print("\n".join(f"{name} = {value:.4f}" for name, value in sorted(figures.items())))
        write_floors(figures)
        print(f"wrote {FLOORS_JSON}", file=sys.stderr)
        return 0

    chosen = rivals.comma_list(args.extractors, rivals.RIVALS, "extractor")
    corpus_names = rivals.comma_list(args.corpus, ALL_CORPORA, "corpus") or list(ALL_CORPORA)
    installed = [n for n in rivals.RIVALS if rivals.importable(n)]
    if chosen is None:
        extractors = installed
        skipped = sorted(set(rivals.RIVALS) - set(installed))
        if skipped:
            print(f"not installed, skipped: {', '.join(skipped)}", file=sys.stderr)
    else:
        missing = [n for n in chosen if n not in installed]
        if missing:
            raise SystemExit(f"not importable: {', '.join(missing)} (pip install -e '.[bench]')")
        extractors = chosen
    for corpus in corpus_names:
        reason = corpora.missing_reason(corpus)
        if reason:
            raise SystemExit(reason)

    result = run(extractors, corpus_names, jobs=args.jobs, timeout=args.timeout, limit=args.limit, part=args.part,
                 progress=True)  # fmt: skip
    print(format_text(result.report))

    full = chosen is None and args.corpus is None and args.limit is None and args.part is None
    json_path = args.json or (RESULTS_JSON if full else None)
    md_path = args.markdown or (RESULTS_MD if full else None)
    write_report(result.report, json_path, md_path)
    for path in (json_path, md_path):
        if path:
            print(f"wrote {path}", file=sys.stderr)
    if full:
        draw_charts(result.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
