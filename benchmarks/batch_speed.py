"""Batch throughput: records per second of ``cleanpress batch`` with one and two jobs.

Run from the repository root::

    python -m benchmarks.batch_speed              # all pages of ../shared/bench, jobs 1 and 2
    python -m benchmarks.batch_speed --limit 200  # a quick look (results not saved)

The benchmark pages are written to a temporary directory twice: as one file
per page, and as one ``.warc.gz`` of HTTP response records built here (so the
WARC path is measured too: decompression, record parsing, payload decoding).
Each configuration runs the real command in a fresh interpreter, timed from
inside (interpreter start-up excluded, worker start-up included); with
``--repeat`` the fastest run counts. Peak memory is the high-water mark of the
parent and of each worker process, and CPU time that of the parent and the
workers, sampled from ``/proc`` while the run goes on; the CPU that other
processes of the machine used meanwhile is recorded too, because on a shared
machine it, not the code, can decide the wall-clock speed-up. A full run writes
``benchmarks/results/batch_speed.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpora

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results" / "batch_speed.json"
JOBS = (1, 2)


def _warc_record(url: str, html: bytes, number: int) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html)) + html
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>\r\n"
            f"WARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return gzip.compress(head.encode() + http + b"\r\n\r\n", compresslevel=6)


def build_inputs(root: Path, limit: int | None) -> dict[str, Any]:
    """Write the bench pages as files and as one WARC.gz under ``root``; describe what was written."""
    pages = [page for corpus in corpora.CORPORA for page in corpora.load(corpus)]
    pages = pages[:limit] if limit else pages
    files = root / "pages"
    with open(root / "crawl.warc.gz", "wb") as warc:
        for number, page in enumerate(pages):
            target = files / page.corpus / f"{number:05d}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.html)
            warc.write(_warc_record(page.url or f"http://bench.invalid/{number}", page.html, number))
    return {"pages": len(pages), "html_megabytes": round(sum(len(p.html) for p in pages) / 1e6, 1),
            "warc_gz_megabytes": round((root / "crawl.warc.gz").stat().st_size / 1e6, 1)}


def _high_water_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """User plus system CPU of a process so far, in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _machine_busy_ticks() -> int:
    """CPU ticks all processes of the machine have used (every core, idle and I/O wait excluded)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]


def _descendants(root: int) -> list[int]:
    """Every live process below ``root``: the workers, and a fork server where one is used."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, frontier = [], [root]
    while frontier:
        below = children.get(frontier.pop(), [])
        found.extend(below)
        frontier.extend(below)
    return found


def run_one(args: list[str]) -> dict[str, Any]:
    """Run ``cleanpress batch`` in this process, timed (called in a fresh interpreter by :func:`measure`).

    Nothing else runs here, no sampling thread either: the command must see
    the single-threaded process it sees in real use (that decides how its
    workers start).
    """
    from cleanpress.batch_cli import main

    busy = _machine_busy_ticks()
    start, cpu = time.perf_counter(), time.process_time()
    status = main(args)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"status": status, "seconds": seconds, "parent_cpu_seconds": cpu,
            "machine_busy_seconds": (_machine_busy_ticks() - busy) / os.sysconf("SC_CLK_TCK"),
            "parent_peak_mb": _high_water_kb(os.getpid()) / 1024}


def _watch(process: subprocess.Popen[str]) -> tuple[float, float]:
    """(CPU seconds, peak MB of the largest) of the processes below ``process``, read from /proc until it ends.

    Known processes are read often, because a worker's last CPU ticks are lost
    when it exits; the whole process table only now and then, to find new ones.
    """
    ticks: dict[int, int] = {}
    peaks: dict[int, int] = {}
    rounds = 0
    while process.poll() is None:
        if rounds % 25 == 0:
            for pid in _descendants(process.pid):
                ticks.setdefault(pid, 0)
                peaks.setdefault(pid, 0)
        rounds += 1
        for pid in ticks:
            ticks[pid] = max(ticks[pid], _cpu_ticks(pid))
            peaks[pid] = max(peaks[pid], _high_water_kb(pid))
        time.sleep(0.02)
    return sum(ticks.values()) / os.sysconf("SC_CLK_TCK"), max(peaks.values(), default=0) / 1024


def wait_for_quiet(limit: float, threshold: float = 0.3) -> float:
    """Wait (up to ``limit`` seconds) until other processes use under ``threshold`` cores; return their use."""
    deadline = time.monotonic() + limit
    while True:
        before = _machine_busy_ticks()
        time.sleep(2)
        cores = (_machine_busy_ticks() - before) / os.sysconf("SC_CLK_TCK") / 2
        if cores < threshold or time.monotonic() > deadline:
            return cores


def measure(input_path: Path, output: Path, jobs: int) -> dict[str, Any]:
    """One configuration in a fresh interpreter; records counted from the output."""
    command = [sys.executable, "-m", "benchmarks.batch_speed", "--run-one",
               str(input_path), "-o", str(output), "-j", str(jobs), "--quiet", "--overwrite"]
    with subprocess.Popen(command, cwd=HERE.parent, stdout=subprocess.PIPE, text=True) as process:
        worker_cpu, worker_peak = _watch(process)
        stdout = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise RuntimeError(f"benchmark run failed: {' '.join(command)}")
    run = json.loads(stdout.strip().splitlines()[-1])
    others = max(0.0, run["machine_busy_seconds"] - run["parent_cpu_seconds"] - worker_cpu) / run["seconds"]
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    errors = sum(1 for line in lines if line["error"])
    return {"jobs": jobs, "records": len(lines), "errors": errors, "seconds": round(run["seconds"], 2),
            "records_per_second": round(len(lines) / run["seconds"], 1),
            "parent_cpu_ms_per_record": round(1000 * run["parent_cpu_seconds"] / max(len(lines), 1), 2),
            "worker_cpu_ms_per_record": round(1000 * worker_cpu / max(len(lines), 1), 2),
            "cores_used": round((run["parent_cpu_seconds"] + worker_cpu) / run["seconds"], 2),
            "other_processes_cores": round(others, 2),
            "parent_peak_mb": round(run["parent_peak_mb"], 1),
            "worker_peak_mb": round(worker_peak, 1) if jobs > 1 else None}


def machine() -> dict[str, Any]:
    model = ""
    if Path("/proc/cpuinfo").exists():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, capture_output=True,
                            text=True).stdout.strip()
    from cleanpress.batch import available_cores

    return {"cpu": model or platform.processor(), "cores_available": available_cores(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
            if hasattr(os, "sysconf") else None,
            "python": platform.python_version(), "platform": platform.platform(), "commit": commit}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run-one"]:  # internal: one measured run, in the fresh interpreter measure() starts
        print(json.dumps(run_one(argv[1:])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (results are then not saved)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest counts")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="before each run, wait up to this long for the (shared) machine to be idle")
    args = parser.parse_args(argv)
    reason = corpora.missing_reason()
    if reason:
        print(f"batch_speed: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cleanpress-batch-bench-") as temporary:
        root = Path(temporary)
        corpus = build_inputs(root, args.limit)
        results: dict[str, Any] = {}
        for name, input_path in (("files", root / "pages"), ("warc", root / "crawl.warc.gz")):
            runs = []
            for jobs in JOBS:
                tries = []
                for _ in range(args.repeat):
                    if args.wait_quiet:
                        wait_for_quiet(args.wait_quiet)
                    tries.append(measure(input_path, root / f"out-{name}-{jobs}.jsonl", jobs))
                best = min(tries, key=lambda run: run["seconds"])
                runs.append(best)
                print(f"{name:5} jobs={jobs}: {best['records']} records in {best['seconds']}s = "
                      f"{best['records_per_second']} records/s, parent CPU {best['parent_cpu_ms_per_record']} "
                      f"ms/record, {best['cores_used']} cores used ({best['other_processes_cores']} by other "
                      f"processes), parent peak {best['parent_peak_mb']} MB, "
                      f"worker peak {best['worker_peak_mb']} MB", file=sys.stderr)
            speedup = runs[-1]["records_per_second"] / runs[0]["records_per_second"]
            # What the CPU cost per record allows on two idle cores: the parent
            # and both workers share them, the jobs=1 run does everything alone.
            two = runs[-1]
            cpu_bound = 2 * runs[0]["parent_cpu_ms_per_record"] / (
                two["worker_cpu_ms_per_record"] + two["parent_cpu_ms_per_record"])
            results[name] = {"runs": runs, "speedup_2_vs_1": round(speedup, 2),
                             "cpu_bound_speedup_idle_2_cores": round(cpu_bound, 2)}
            print(f"{name:5} speed-up with 2 jobs: {speedup:.2f}x measured, {cpu_bound:.2f}x allowed by the "
                  "CPU cost per record on two idle cores", file=sys.stderr)
    report = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
              "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
              "corpus": corpus, "results": results}
    print(json.dumps(report, indent=2))
    if not args.limit:
        RESULTS_JSON.parent.mkdir(parents=True, exist_ok=True)
        RESULTS_JSON.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
