"""Look for leaks: thousands of extractions in one process, resident memory after each.

Run from the repository root::

    python -m benchmarks.memory                    # 5,000 cleanpress extractions over all corpora
    python -m benchmarks.memory --count 2000 --extractor trafilatura --json /tmp/m.json

The pages are decompressed into memory first and then cycled through in
order. After every extraction the resident set size (RSS) is read from
``/proc/self/statm``; the report gives the peak (``VmHWM``, the kernel's
high-water mark) and the growth from the mean over the first ``--window``
extractions to the mean over the last. A leak shows as growth that keeps
coming; the allocator keeping freed memory for reuse shows as a step during
the first pass over the corpus, so the growth after that first pass is
reported too. A full default run writes ``benchmarks/results/memory.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import logging
import os
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import corpora, rivals
from .corpora import CORPORA, Page
from .speed import git_commit, machine, versions

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results" / "memory.json"
COUNT = 5000
WINDOW = 500
#: The issue-6 ceiling on growth over 5,000 extractions, in MB.
GROWTH_TARGET_MB = 20.0
MB = 1024 * 1024
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes() -> int:
    """Current resident set size, from the one-line ``statm`` (cheap enough to read every page)."""
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * _PAGE_SIZE


def high_water_bytes() -> int:
    """Peak RSS of this process: ``VmHWM`` where /proc has it, else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss if sys.platform == "darwin" else maxrss * 1024


def measure(
    pages: Sequence[Page], extractor: str, count: int = COUNT, window: int = WINDOW, progress: bool = False
) -> dict[str, Any]:
    """Run ``count`` extractions cycling through ``pages``; RSS after each, summarised."""
    if count < 2 * window:
        raise ValueError(f"count ({count}) must be at least twice the window ({window})")
    fn = rivals.get(extractor)
    samples: list[int] = []
    failures = 0
    objects_after_window = 0
    gc.collect()
    rss_before = rss_bytes()
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)
        try:
            for n in range(count):
                page = pages[n % len(pages)]
                try:
                    fn(page.html, page.url)
                except Exception:  # noqa: BLE001 - a failure must not stop the leak hunt; it is counted
                    failures += 1
                samples.append(rss_bytes())
                if n + 1 == window:
                    objects_after_window = len(gc.get_objects())
                if progress and (n + 1) % 500 == 0:
                    print(f"memory: {n + 1}/{count} extractions, RSS {samples[-1] / MB:.1f} MB, "
                          f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
        finally:
            logging.disable(logging.NOTSET)
    elapsed = time.perf_counter() - start
    gc.collect()
    objects_at_end = len(gc.get_objects())
    first = statistics.fmean(samples[:window]) / MB
    last = statistics.fmean(samples[-window:]) / MB
    growth = last - first
    first_pass = min(len(pages), count - window)
    after_pass = statistics.fmean(samples[first_pass:first_pass + window]) / MB
    return {
        "extractor": extractor,
        "extractions": count,
        "distinct_pages": len(pages),
        "window": window,
        "failures": failures,
        "seconds": round(elapsed, 1),
        "rss_before_mb": round(rss_before / MB, 1),
        "peak_rss_mb": round(high_water_bytes() / MB, 1),
        "rss_first_window_mean_mb": round(first, 1),
        "rss_last_window_mean_mb": round(last, 1),
        "rss_growth_mb": round(growth, 1) + 0.0,  # + 0.0 turns -0.0 into 0.0
        "rss_growth_after_first_pass_mb": round(last - after_pass, 1) + 0.0,
        "rss_max_during_mb": round(max(samples) / MB, 1),
        "rss_window_means_mb": [round(statistics.fmean(samples[i:i + window]) / MB, 1)
                                for i in range(0, count - window + 1, window)],
        "gc_objects_after_first_window": objects_after_window,
        "gc_objects_at_end": objects_at_end,
        "growth_target_mb": GROWTH_TARGET_MB,
        "met": growth < GROWTH_TARGET_MB,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m benchmarks.memory``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractor", default="cleanpress", choices=list(rivals.RIVALS),
                        help="what to run (default: cleanpress)")
    parser.add_argument("--corpus", help=f"comma list (default: {', '.join(CORPORA)})")
    parser.add_argument("--count", type=int, default=COUNT, help=f"extractions (default {COUNT})")
    parser.add_argument("--window", type=int, default=WINDOW, help=f"extractions averaged at each end (default {WINDOW})")
    parser.add_argument("--json", type=Path, help=f"write the JSON result here (default runs: {RESULTS_JSON.name})")
    args = parser.parse_args(argv)

    names = [c.strip() for c in args.corpus.split(",")] if args.corpus else list(CORPORA)
    for corpus in names:
        reason = corpora.missing_reason(corpus)
        if reason:
            raise SystemExit(reason)
    if not rivals.importable(args.extractor):
        raise SystemExit(f"not importable: {args.extractor} (pip install -e '.[bench]')")
    pages = [page for corpus in names for page in corpora.load(corpus)]
    report = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions([args.extractor]),
        "commit": git_commit(),
        "corpora": names,
        **measure(pages, args.extractor, args.count, args.window, progress=True),
    }
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    print(text)
    default = args.extractor == "cleanpress" and args.corpus is None and (args.count, args.window) == (COUNT, WINDOW)
    path = args.json or (RESULTS_JSON if default else None)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"memory: wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
