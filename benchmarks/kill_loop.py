"""Kill ``cleanpress batch`` at random moments, resume, and check the output is whole.

Run from the repository root::

    python -m benchmarks.kill_loop                  # 24 kills over 300 pages, -j 2
    python -m benchmarks.kill_loop --kills 40 --pages 500 --seed 3

Writes ``--pages`` small generated pages to a temporary folder, then loops:
start ``cleanpress batch IN -o out.jsonl -j 2 [--resume]``, wait a random
0.2-2.5 s, send SIGKILL, SIGTERM or SIGINT (in turn), wait for it, and check
after every kill that:

- the exit status is the documented one (130 for SIGTERM/SIGINT; -9 for SIGKILL),
  or 0 when the run finished before the signal; a catchable signal that lands
  while Python is still importing, before the command has installed its
  handlers and before it wrote anything, ends the process by the signal's
  default action (-2, -15): counted as "during start-up", not a problem,
  when that run added no line;
- no worker of that run is left alive (its process group is empty);
- every line of the output but a torn last one (left by SIGKILL, cut by
  ``--resume``) is valid JSON.

After the kills, one last ``--resume`` must finish with exit 0, and the output
must hold every page exactly once, in input order: no duplicates, no gaps.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIGNALS = (signal.SIGKILL, signal.SIGTERM, signal.SIGINT)


def _pages(folder: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        path = folder / f"page{n:05d}.html"
        text = " ".join(f"Sentence {k} of page {n}, which is about the town council and its bridge." for k in range(60))
        path.write_text(f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
                        f"<p>{text}</p><p>{text}</p></article><footer>Copyright</footer></body></html>")
        paths.append(str(path))
    return paths


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _complete_lines(out: Path) -> tuple[list[dict[str, object]], bool]:
    """The parsed lines, and whether the last one is torn; raises on a bad line that is not the last."""
    if not out.exists():
        return [], False
    raw = out.read_bytes().split(b"\n")
    torn = raw[-1] != b""
    lines = raw[:-1]
    return [json.loads(line) for line in lines], torn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=24)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "src")}
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        inputs, out = Path(folder) / "in", Path(folder) / "out.jsonl"
        inputs.mkdir()
        expected = _pages(inputs, args.pages)
        command = [sys.executable, "-m", "cleanpress", "batch", str(inputs), "-o", str(out), "-j", args.jobs, "-q"]
        kills = finished_early = during_startup = 0
        while kills < args.kills:
            resume = ["--resume"] if out.exists() else []
            if out.exists() and len(_complete_lines(out)[0]) >= args.pages:
                out.unlink()  # a run got to the end: start over, the kills still need runs to hit
                resume = []
            before = len(_complete_lines(out)[0])
            child = subprocess.Popen(command + resume, env=env, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.2, 2.5))
            sig = SIGNALS[kills % len(SIGNALS)]
            if child.poll() is None:
                os.killpg(child.pid, sig) if sig == signal.SIGKILL else child.send_signal(sig)
                status = child.wait(timeout=60)
                kills += 1
                wanted = -signal.SIGKILL if sig == signal.SIGKILL else 130
                if status == -sig and sig != signal.SIGKILL and len(_complete_lines(out)[0]) == before:
                    during_startup += 1
                elif status != wanted:
                    problems.append(f"kill {kills} ({sig.name}): exit {status}, documented {wanted}")
            else:
                status = child.wait()
                finished_early += 1
                print(f"run ended before its signal, exit {status}", flush=True)
                if status != 0:
                    problems.append(f"a run that was not killed exited {status}")
            deadline = time.monotonic() + 10
            while _group_alive(child.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if _group_alive(child.pid):
                problems.append(f"kill {kills} ({sig.name}): processes of the run outlived it (orphans)")
                os.killpg(child.pid, signal.SIGKILL)
            try:
                records, torn = _complete_lines(out)
            except ValueError as exc:
                problems.append(f"kill {kills} ({sig.name}): a complete line is not JSON ({exc})")
                break
            if torn and sig != signal.SIGKILL:
                problems.append(f"kill {kills} ({sig.name}): torn last line after a catchable signal")
            if status == 0:
                continue
            print(f"kill {kills:3d} {sig.name:8s} exit {status:4d} records {len(records):4d}{' torn' if torn else ''}",
                  flush=True)
        final = subprocess.run(command + ["--resume"], env=env, capture_output=True, text=True, check=False)
        if final.returncode != 0:
            problems.append(f"the last --resume exited {final.returncode}: {final.stderr[-300:]}")
        records, torn = _complete_lines(out)
        keys = [str(record["key"]) for record in records]
        if torn:
            problems.append("the final output ends in a torn line")
        if keys != expected:
            duplicates = len(keys) - len(set(keys))
            missing = len(set(expected) - set(keys))
            problems.append(f"final output: {len(keys)} records, {duplicates} duplicates, {missing} missing, "
                            f"in order: {keys == sorted(keys)}")
    print(f"\n{kills} kills ({during_startup} during start-up; {finished_early} runs ended before their "
          f"signal), {args.pages} pages, "
          f"{len(problems)} problems")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
