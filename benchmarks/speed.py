"""Time cleanpress against the lxml parse floor and every installed rival, on the same pages.

Run from the repository root::

    python -m benchmarks.speed                          # all corpora, the issue-6 line-up, 3 repetitions
    python -m benchmarks.speed --repeat 5 --rival-repeat 1
    python -m benchmarks.speed --extractors cleanpress,trafilatura --corpus scrapinghub --limit 50
    python -m benchmarks.speed --profile                # cProfile of cleanpress instead of timing

Every page is decompressed into memory first; then, in this one process, each
page goes through every extractor in turn (the order rotates from page to
page) before the next page starts, so that machine drift and a busy neighbour
hit every extractor alike. ``lxml-parse`` is ``lxml.html.document_fromstring``
on the page bytes: the floor no lxml-based extractor can go below.
``lxml-parse+walk`` parses with libxml2 too (lxml's plain element proxies) and
then visits every node once from Python, reading its tag, class, id, text and
tail: the floor of an extractor that looks at each element from Python once.

Each page is timed once per repetition; a page's time is the best (or, with
``--statistic median``, the median) of its repetitions, and totals, pages per
second and percentiles are computed from those per-page times. The default
clock is process CPU time, because the benchmark machines are shared and wall
time there measures the neighbours as much as the code; wall time is recorded
beside it. A full run writes ``benchmarks/results/speed.json`` and
``speed.md``; a partial run writes only where ``--json``/``--markdown`` say.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import logging
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml
import lxml.etree
import lxml.html

from . import corpora, rivals
from .corpora import CORPORA, Page

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
RESULTS_JSON = RESULTS / "speed.json"
RESULTS_MD = RESULTS / "speed.md"
PROFILE_PROF = RESULTS / "profile.prof"
PROFILE_TXT = RESULTS / "profile.txt"
PROFILE_TREE = RESULTS / "profile.tree.txt"

#: The parse-only baseline's name in every table.
PARSE = "lxml-parse"
#: The parse and one Python pass over the tree: what the least Python-level work per element costs.
PARSE_WALK = "lxml-parse+walk"
OURS = "cleanpress"
#: cleanpress as ``extract`` runs by default: the text, and the sanitised HTML and the Markdown besides.
#: The ``cleanpress`` row asks for the text alone, as every rival gives text alone. Not in the default
#: line-up: run beside ``cleanpress``, each of the two would find the caches warm from the other on the
#: same page (``--extractors cleanpress-all-formats,trafilatura,trafilatura-fast`` times it alone).
OURS_FULL = "cleanpress-all-formats"
#: The line-up of issue 6, measured when installed (others can be named with --extractors).
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    OURS, "trafilatura", "trafilatura-fast", "readability-lxml", "goose3", "newspaper4k", "justext", "resiliparse",
)
#: Extractors the targets are measured against: always run for the full --repeat.
TARGET_SET = frozenset({PARSE, PARSE_WALK, OURS, OURS_FULL, "trafilatura", "trafilatura-fast"})
#: Pages of each corpus run untimed first, so imports and lazy set-up stay out of the figures.
WARMUP_PAGES = 3
#: The issue-6 targets: speed-up of cleanpress over these rivals, and its ceiling as a multiple of the parse.
SPEEDUP_TARGETS = {"trafilatura": 2.0, "trafilatura-fast": 1.2}
PARSE_RATIO_TARGET = 3.0
PROFILE_TOP = 40

#: cpu: process CPU time (all threads); wall: elapsed time. Both are recorded, one is reported.
CLOCKS = ("cpu", "wall")


def parse_floor(html: rivals.Html, url: str) -> str:
    """Parse the page with lxml and nothing else: the cost every lxml-based extractor pays."""
    lxml.html.document_fromstring(html)
    return ""


#: libxml2's HTML parser with lxml's plain element proxies, whose class is chosen in C (lxml.html's
#: own parser picks a class per element in Python, a cost a walk need not pay).
_PLAIN_HTML_PARSER = lxml.etree.HTMLParser()


def parse_and_walk(html: rivals.Html, url: str) -> str:
    """Parse the page with libxml2, then read each node's tag, class, id, text and tail once from Python.

    Every stage of an extractor written in Python walks the tree at least
    like this; the row shows what one such walk costs beside the parse.
    """
    for node in lxml.etree.fromstring(html, _PLAIN_HTML_PARSER).iter():
        node.get("class"), node.get("id"), node.tag, node.text, node.tail
    return ""


def cleanpress_all_formats(html: rivals.Html, url: str) -> str:
    """cleanpress with every rendering built, as ``extract`` does unless told otherwise."""
    import cleanpress

    return cleanpress.extract(html, url=url or None).text


def extractor_table(names: Iterable[str]) -> dict[str, rivals.ExtractFn]:
    """Name -> callable: the parse floor and the parse with one walk first, then the named registry entries."""
    table: dict[str, rivals.ExtractFn] = {PARSE: parse_floor, PARSE_WALK: parse_and_walk}
    for name in names:
        table[name] = cleanpress_all_formats if name == OURS_FULL else rivals.get(name)
    return table


# --- timing ------------------------------------------------------------------------------


@dataclass(slots=True)
class Timings:
    """Per-page timings of one extractor: ``cpu[i]``/``wall[i]`` hold one value (ns) per repetition."""

    cpu: list[list[int]]
    wall: list[list[int]]
    failed: list[bool]
    errors: dict[str, int] = field(default_factory=dict)


def time_pages(
    pages: Sequence[Page],
    extractors: dict[str, rivals.ExtractFn],
    repeats: dict[str, int],
    progress: bool = False,
) -> dict[str, Timings]:
    """Run every extractor on every page, interleaved, ``repeats[name]`` times each.

    Exceptions are caught and counted (a page fails once however many
    repetitions fail); the time spent before the exception still counts.
    """
    result = {
        name: Timings([[] for _ in pages], [[] for _ in pages], [False] * len(pages)) for name in extractors
    }
    names = list(extractors)
    rounds = max(repeats.values())
    start = time.perf_counter()
    for rep in range(rounds):
        active = [n for n in names if repeats[n] > rep]
        gc.collect()
        for i, page in enumerate(pages):
            shift = (i + rep) % len(active)
            for name in active[shift:] + active[:shift]:
                fn, timing = extractors[name], result[name]
                w0, c0 = time.perf_counter_ns(), time.process_time_ns()
                try:
                    fn(page.html, page.url)
                except Exception as exc:  # noqa: BLE001 - a failing rival is a figure, not a crash
                    timing.failed[i] = True
                    kind = f"{type(exc).__name__}: {str(exc)[:80]}"
                    timing.errors[kind] = timing.errors.get(kind, 0) + 1
                c1, w1 = time.process_time_ns(), time.perf_counter_ns()
                timing.cpu[i].append(c1 - c0)
                timing.wall[i].append(w1 - w0)
            if progress and (i + 1) % 100 == 0:
                _say(f"repetition {rep + 1}/{rounds}: {i + 1}/{len(pages)} pages, "
                     f"{time.perf_counter() - start:.0f} s elapsed")
        if progress:
            _say(f"repetition {rep + 1}/{rounds} done ({', '.join(active)}), "
                 f"{time.perf_counter() - start:.0f} s elapsed")
    return result


def warm_up(pages: Sequence[Page], extractors: dict[str, rivals.ExtractFn]) -> None:
    """Run each extractor on a few pages untimed: imports, caches and compiled patterns load here."""
    for page in pages:
        for fn in extractors.values():
            try:
                fn(page.html, page.url)
            except Exception:  # noqa: BLE001, S112 - counted in the timed run, not here
                continue


def summarise(
    values_ns: Sequence[Sequence[int]],
    walls_ns: Sequence[Sequence[int]],
    failed: Sequence[bool],
    statistic: str,
) -> dict[str, Any]:
    """Per-page statistic over repetitions, then totals, rate and percentiles over pages."""
    pick: Callable[[Sequence[int]], float] = min if statistic == "best" else statistics.median
    per_page = sorted(pick(v) / 1e9 for v in values_ns)
    seconds = sum(per_page)
    wall = sum(pick(v) / 1e9 for v in walls_ns)
    reps = len(values_ns[0]) if values_ns else 0
    rep_totals = [sum(v[r] for v in values_ns) / 1e9 for r in range(reps)]
    return {
        "seconds": round(seconds, 4),
        "pages_per_second": round(len(per_page) / seconds, 2) if seconds > 0 else None,
        "median_ms": round(_percentile(per_page, 50) * 1000, 3),
        "p99_ms": round(_percentile(per_page, 99) * 1000, 3),
        "ratio_to_parse": None,
        "failures": sum(failed),
        "pages": len(per_page),
        "repeats": reps,
        "wall_seconds": round(wall, 4),
        "seconds_per_repeat": [round(t, 4) for t in rep_totals],
    }


def _percentile(sorted_values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least pct% of values at or below it."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def corpus_table(
    timings: dict[str, Timings], indices: Sequence[int], statistic: str, clock: str
) -> dict[str, dict[str, Any]]:
    """One corpus's rows (pages ``indices`` of the timed list), with ratios to the parse floor."""
    rows = {}
    for name, t in timings.items():
        values = t.cpu if clock == "cpu" else t.wall
        walls = t.wall
        rows[name] = summarise([values[i] for i in indices], [walls[i] for i in indices],
                               [t.failed[i] for i in indices], statistic)
    floor = rows[PARSE]["seconds"]
    for row in rows.values():
        row["ratio_to_parse"] = round(row["seconds"] / floor, 2) if floor > 0 else None
    return rows


def check_targets(table: dict[str, dict[str, Any]], ours_name: str = OURS) -> dict[str, Any]:
    """The issue-6 targets on one corpus: speed-ups over trafilatura and the multiple of the parse."""
    ours = table.get(ours_name)
    if not ours or not ours["seconds"]:
        return {}
    out: dict[str, Any] = {}
    met = True
    for rival, goal in SPEEDUP_TARGETS.items():
        if rival in table:
            speedup = table[rival]["seconds"] / ours["seconds"]
            out[f"speedup_vs_{rival}"] = round(speedup, 2)
            out[f"speedup_vs_{rival}_target"] = goal
            met = met and speedup >= goal
    out["ratio_to_parse"] = ours["ratio_to_parse"]
    out["ratio_to_parse_target"] = PARSE_RATIO_TARGET
    met = met and ours["ratio_to_parse"] is not None and ours["ratio_to_parse"] <= PARSE_RATIO_TARGET
    out["met"] = met
    return out


# --- the environment the figures belong to --------------------------------------------------


def machine() -> dict[str, Any]:
    """CPU, cores, memory, OS and Python: what a reader needs to compare the figures with theirs."""
    info: dict[str, Any] = {
        "cpu": _cpu_field("model name") or platform.processor() or platform.machine(),
        "cpu_mhz": _cpu_field("cpu MHz"),
        "cores": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
    }
    if hasattr(os, "sched_getaffinity"):
        info["usable_cores"] = len(os.sched_getaffinity(0))
    mem = _meminfo_kb("MemTotal")
    if mem:
        info["memory_gb"] = round(mem / 1024 / 1024, 1)
    if hasattr(os, "getloadavg"):
        info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    return info


def _cpu_field(key: str) -> str:
    """One field of the first CPU in /proc/cpuinfo ("" elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


def _meminfo_kb(key: str) -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def git_commit() -> str:
    """The checkout's commit (``+dirty`` with uncommitted changes), so a figure names the code it timed."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "src"], cwd=ROOT,
                               capture_output=True, text=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return head + ("+dirty" if dirty else "")


def versions(names: Iterable[str]) -> dict[str, str]:
    """Installed version per extractor (the parse floor is lxml's, with its libxml2)."""
    libxml2 = ".".join(map(str, lxml.etree.LIBXML_VERSION))
    out = {PARSE: f"{lxml.__version__} (libxml2 {libxml2})", PARSE_WALK: lxml.__version__}
    out.update({name: rivals.version(OURS if name == OURS_FULL else name) for name in names})
    return out


# --- running and reporting ----------------------------------------------------------------------


def load_pages(corpus_names: Sequence[str], limit: int | None) -> dict[str, list[Page]]:
    """Every chosen corpus, decompressed into memory (before any clock starts)."""
    loaded = {}
    for corpus in corpus_names:
        pages = corpora.load(corpus)
        loaded[corpus] = pages[:limit] if limit else pages
    return loaded


def run(
    extractor_names: Sequence[str],
    loaded: dict[str, list[Page]],
    repeat: int,
    rival_repeat: int,
    statistic: str = "best",
    clock: str = "cpu",
    progress: bool = False,
) -> dict[str, Any]:
    """Time everything on every loaded page; return the report (the speed.json shape)."""
    extractors = extractor_table(extractor_names)
    repeats = {name: repeat if name in TARGET_SET else rival_repeat for name in extractors}
    pages = [page for corpus in loaded.values() for page in corpus]
    report: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions(extractor_names),
        "commit": git_commit(),
        "repeat": repeat,
        "rival_repeat": rival_repeat,
        "statistic": statistic,
        "clock": clock,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)  # rivals log per page; the cost would vary with their verbosity
        try:
            warm_up([p for corpus in loaded.values() for p in corpus[:WARMUP_PAGES]], extractors)
            gc.collect()
            gc.freeze()  # modules and corpus stay out of every later collection, for every extractor alike
            timings = time_pages(pages, extractors, repeats, progress=progress)
        finally:
            gc.unfreeze()
            logging.disable(logging.NOTSET)
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["corpora"] = {}
    start = 0
    for corpus, corpus_pages in loaded.items():
        indices = range(start, start + len(corpus_pages))
        start += len(corpus_pages)
        report["corpora"][corpus] = corpus_table(timings, indices, statistic, clock)
    report["overall"] = corpus_table(timings, range(len(pages)), statistic, clock)
    report["targets"] = {c: t for c, table in report["corpora"].items() if (t := check_targets(table))}
    report["targets_all_formats"] = {c: t for c, table in report["corpora"].items()
                                     if (t := check_targets(table, OURS_FULL))}
    report["errors"] = {name: t.errors for name, t in timings.items() if t.errors}
    return report


def _rows(table: dict[str, dict[str, Any]], versions_: dict[str, str]) -> list[list[str]]:
    rows = []
    for name, row in sorted(table.items(), key=lambda kv: kv[1]["seconds"]):
        label = f"**{name}**" if name in (OURS, OURS_FULL) else name
        version = versions_.get(name, "")
        rows.append([
            f"{label} {version.split(' ')[0]}".strip(),
            f"{row['seconds']:.3f}",
            f"{row['pages_per_second']:.1f}" if row["pages_per_second"] else "-",
            f"{row['median_ms']:.2f}",
            f"{row['p99_ms']:.1f}",
            f"{row['ratio_to_parse']:.2f}" if row["ratio_to_parse"] is not None else "-",
            str(row["failures"]),
            str(row["repeats"]),
        ])
    return rows


HEADER = ["extractor", "seconds", "pages/s", "median ms", "p99 ms", "× parse", "failures", "runs"]


def format_markdown(report: dict[str, Any]) -> str:
    """The tables for the README: one per corpus and one over all pages, fastest first."""
    m = report["machine"]
    clock = "process CPU time" if report["clock"] == "cpu" else "wall-clock time"
    lines = [
        "# Speed",
        "",
        f"Run {report['date']} on {m['cpu']} ({m.get('usable_cores', m['cores'])} cores, "
        f"{m.get('memory_gb', '?')} GB), {m['python']}, {m['platform']}; load average "
        f"{m.get('load_average_at_start', ['?'])[0]} at start, {m.get('load_average_at_end', ['?'])[0]} at end.",
        "",
        f"All pages decompressed into memory first, then timed in one process, every page through every "
        f"extractor in turn (order rotating per page). Clock: {clock}. Each page's time is the "
        f"{report['statistic']} of its runs ({report['repeat']} for cleanpress, trafilatura and the parse "
        f"floor; {report['rival_repeat']} for the other rivals); totals, rates and percentiles are over those "
        f"per-page times. `× parse` is the total divided by `lxml.html.document_fromstring` on the same bytes; "
        f"`{PARSE_WALK}` is the parse (plain lxml proxies) followed by one Python pass reading every node's "
        f"tag, class, id, text and tail.",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items() if v)
        + (f"; cleanpress at commit {report['commit']}." if report.get("commit") else "."),
        "",
    ]
    sections = list(report["corpora"].items()) + [("all corpora", report["overall"])]
    for corpus, table in sections:
        pages = next(iter(table.values()))["pages"]
        lines += [f"## {corpus} ({pages} pages)", "", _md_table(HEADER, _rows(table, report["versions"])), ""]
    for key, title in (("targets", "Targets (issue 6): cleanpress giving text, as the rivals do"),
                       ("targets_all_formats", "The same with every rendering built (text, HTML, Markdown)")):
        if report.get(key):
            lines += [f"## {title}", "",
                      _md_table(["corpus", "vs trafilatura (≥ 2×)", "vs trafilatura fast (≥ 1.2×)",
                                 "× parse (≤ 3)", "met"],
                                [[c, _x(t.get("speedup_vs_trafilatura")), _x(t.get("speedup_vs_trafilatura-fast")),
                                  f"{t['ratio_to_parse']:.2f}", "yes" if t["met"] else "no"]
                                 for c, t in report[key].items()]), ""]
    if report.get("errors"):
        lines += ["## Failures", "", "Exceptions raised, counted per call (a failed page counts once in the tables above):", ""]
        lines += [f"- {name}: " + "; ".join(f"{n}× `{' '.join(msg.split())}`" for msg, n in errors.items())
                  for name, errors in report["errors"].items()]
        lines.append("")
    return "\n".join(lines)


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}×"


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def write_report(report: dict[str, Any], json_path: Path | None, md_path: Path | None) -> None:
    """Save the JSON result and/or the Markdown tables."""
    for path, text in ((json_path, lambda: json.dumps(report, indent=2, ensure_ascii=False) + "\n"),
                       (md_path, lambda: format_markdown(report))):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text(), encoding="utf-8")
            _say(f"wrote {path}")


def draw_charts(report: dict[str, Any]) -> None:
    """Redraw the charts with this run's speed and the last accuracy run (needs matplotlib)."""
    from . import charts

    try:
        for path in charts.redraw(speed=report):
            _say(f"wrote {path}")
    except ImportError as exc:
        _say(f"charts skipped: {exc}")


# --- profile ---------------------------------------------------------------------------------


def profile(loaded: dict[str, list[Page]], prof_path: Path, txt_path: Path, tree_path: Path) -> str:
    """Profile cleanpress.extract over every loaded page; save the stats and readable top lists.

    cProfile counts every call but slows Python code more than C calls, so
    it overstates pure-Python stages; when pyinstrument is installed, a
    sampling call tree (``tree_path``) is written too, whose shares are
    close to the unprofiled run's.
    """
    pages = [page for corpus in loaded.values() for page in corpus]
    warm_up(pages[:WARMUP_PAGES], {OURS: rivals.get(OURS)})
    profiler = cProfile.Profile()
    failures, elapsed = _extract_all(pages, profiler.enable, profiler.disable)
    prof_path.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(prof_path)
    header = (f"cProfile of cleanpress.extract over {len(pages)} pages "
              f"({', '.join(f'{c} {len(p)}' for c, p in loaded.items())}); {failures} failures; "
              f"{elapsed:.1f} s under the profiler (profiling slows Python-heavy code more than C calls); "
              f"{dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}.\n"
              f"Load the full data with: python -m pstats {_short(str(prof_path))}\n")
    parts = [header]
    for key, title in (("cumulative", "cumulative time (where the time goes, callees included)"),
                       ("tottime", "own time (the hot spots themselves)")):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats(key).print_stats(PROFILE_TOP)
        body = stream.getvalue()
        body = body[body.find("   ncalls"):] if "   ncalls" in body else body
        parts.append(f"\n=== top {PROFILE_TOP} by {title} ===\n\n{_short(body)}")
    text = "".join(parts)
    txt_path.write_text(text, encoding="utf-8")
    for path in (prof_path, txt_path):
        _say(f"wrote {path}")
    try:
        from pyinstrument import Profiler
    except ImportError:
        _say("pyinstrument not installed: no sampling call tree")
        return text
    sampler = Profiler(interval=0.0005)
    failures, elapsed = _extract_all(pages, sampler.start, sampler.stop)
    tree = sampler.output_text(unicode=True, color=False, time="percent_of_total",
                               processor_options={"filter_threshold": 0.005})
    tree_path.write_text(f"pyinstrument call tree of cleanpress.extract over {len(pages)} pages, "
                         f"{failures} failures, {elapsed:.1f} s sampled; branches under 0.5% hidden.\n\n"
                         + _short(tree), encoding="utf-8")
    _say(f"wrote {tree_path}")
    return text


def _extract_all(pages: Sequence[Page], start: Callable[[], Any], stop: Callable[[], Any]) -> tuple[int, float]:
    """cleanpress.extract on every page between ``start()`` and ``stop()``: (failures, seconds)."""
    import cleanpress

    failures = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        began = time.perf_counter()
        start()
        for page in pages:
            try:
                cleanpress.extract(page.html, url=page.url or None)
            except Exception:  # noqa: BLE001 - profile what runs; the count goes in the header
                failures += 1
        stop()
    return failures, time.perf_counter() - began


def _short(text: str) -> str:
    """Paths relative to the repository and site-packages, so the listing reads the same anywhere."""
    for prefix in sorted({p for p in sys.path if p.endswith("site-packages")}, key=len, reverse=True):
        text = text.replace(prefix + os.sep, "")
    return text.replace(str(ROOT) + os.sep, "").replace(sys.base_prefix + os.sep, "")


# --- command line ------------------------------------------------------------------------------


def _say(message: str) -> None:
    print(f"speed: {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m benchmarks.speed``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractors", help=f"comma list (default: those installed of {', '.join(DEFAULT_EXTRACTORS)};"
                                             f" known: {', '.join(rivals.RIVALS)})")
    parser.add_argument("--corpus", help=f"comma list (default: {', '.join(CORPORA)})")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per page for cleanpress, trafilatura (both modes) and the parse floor (default 3)")
    parser.add_argument("--rival-repeat", type=int,
                        help="runs per page for the other rivals (default: --repeat; 1 keeps a full run short)")
    parser.add_argument("--statistic", choices=("best", "median"), default="best",
                        help="per-page statistic over the runs (default: best)")
    parser.add_argument("--clock", choices=CLOCKS, default="cpu",
                        help="cpu: process CPU time, robust on a shared machine (default); wall: elapsed time")
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus (quick checks)")
    parser.add_argument("--json", type=Path, help=f"write the JSON result here (full runs: {RESULTS_JSON.name})")
    parser.add_argument("--markdown", type=Path, help=f"write the Markdown tables here (full runs: {RESULTS_MD.name})")
    parser.add_argument("--profile", action="store_true",
                        help="instead of timing, profile cleanpress.extract over the pages: cProfile to "
                             f"{PROFILE_PROF.name} and a top-{PROFILE_TOP} {PROFILE_TXT.name}, and a pyinstrument "
                             f"call tree to {PROFILE_TREE.name} when pyinstrument is installed")
    args = parser.parse_args(argv)
    if args.repeat < 1 or (args.rival_repeat is not None and args.rival_repeat < 1):
        raise SystemExit("--repeat and --rival-repeat must be at least 1")

    corpus_names = rivals.comma_list(args.corpus, CORPORA, "corpus") or list(CORPORA)
    for corpus in corpus_names:
        reason = corpora.missing_reason(corpus)
        if reason:
            raise SystemExit(reason)
    loaded = load_pages(corpus_names, args.limit)
    _say(f"loaded {sum(map(len, loaded.values()))} pages "
         f"({sum(len(p.html) for c in loaded.values() for p in c) / 1e6:.1f} MB) into memory")

    if args.profile:
        text = profile(loaded, PROFILE_PROF, PROFILE_TXT, PROFILE_TREE)
        print(text[: text.find("=== top", text.find("=== top") + 1)])
        return 0

    chosen = rivals.comma_list(args.extractors, [*rivals.RIVALS, OURS_FULL], "extractor")
    if chosen is None:
        extractors = [n for n in DEFAULT_EXTRACTORS if n == OURS_FULL or rivals.importable(n)]
        skipped = [n for n in DEFAULT_EXTRACTORS if n not in extractors]
        if skipped:
            _say(f"not installed, skipped: {', '.join(skipped)}")
    else:
        missing = [n for n in chosen if n != OURS_FULL and not rivals.importable(n)]
        if missing:
            raise SystemExit(f"not importable: {', '.join(missing)} (pip install -e '.[bench]')")
        extractors = chosen

    report = run(extractors, loaded, args.repeat, args.rival_repeat or args.repeat,
                 statistic=args.statistic, clock=args.clock, progress=True)
    print(format_markdown(report))

    full = chosen is None and args.corpus is None and args.limit is None
    write_report(report, args.json or (RESULTS_JSON if full else None), args.markdown or (RESULTS_MD if full else None))
    if full:
        draw_charts(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
