"""Threads on the rarer paths give what sequential calls give, from a cold start too.

The paths: nesting past the depth limit with ``truncate=True``, thin pages on
which readability-lxml is consulted (imported on first use), gzip pages,
legacy encodings, and text mode. The cold run happens in a fresh process, where
the threads are the first to build the lazily compiled patterns and tables.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import cleanpress
from cleanpress import second_opinion
from cleanpress.options import Limits

PROSE = "The council met on Tuesday to discuss the bridge, which the engineers say needs repair before winter."


def _deep(depth: int) -> str:
    return f"<html><body>{'<div>' * depth}<p>{PROSE} Deep.</p>{'</div>' * depth}<p>{PROSE}</p></body></html>"


def _thin(n: int) -> str:
    side = "".join(f"<p>{PROSE} Side note {k}.</p>" for k in range(6))
    return (f"<html><body><main><article><p>Short item {n}.</p></article></main>"
            f"<div class='x{n}'>{side}</div><footer>Copyright</footer></body></html>")


def _legacy(text: str, charset: str) -> bytes:
    return f"<html><head><meta charset='{charset}'></head><body><article><p>{text}</p><p>{text}</p></article></body></html>".encode(charset)


def cases() -> list[tuple[Any, dict[str, Any]]]:
    truncate = {"limits": Limits(max_depth=200, truncate=True)}
    return [
        *((_deep(300 + n), truncate) for n in range(3)),
        *((_thin(n), {}) for n in range(4)),
        *((gzip.compress(f"<html><body><article><p>{PROSE} {n}</p></article></body></html>".encode()), {}) for n in range(3)),
        (_legacy("Совет собрался во вторник, чтобы обсудить мост, который инженеры просят отремонтировать.", "cp1251"), {}),
        (_legacy("議会は火曜日に橋の修理について話し合った。技術者は冬の前に修理が必要だと言う。", "shift_jis"), {}),
        (_legacy("Le conseil s'est réuni mardi pour discuter du pont, qui doit être réparé avant l'hiver.", "iso-8859-1"), {}),
        (f"A headline\n\n{PROSE}\n\n{PROSE} Again.\n\nBy Jane Doe", {"format": "text"}),
    ]


def _run(case: tuple[Any, dict[str, Any]]) -> dict[str, Any]:
    page, kwargs = case
    return cleanpress.extract(page, url="https://news.example/x", **kwargs).to_dict()


def _in_threads(pages: list[tuple[Any, dict[str, Any]]], threads: int = 8) -> list[list[dict[str, Any]]]:
    barrier = threading.Barrier(threads)

    def run(offset: int) -> list[dict[str, Any]]:
        barrier.wait()
        order = pages[offset:] + pages[:offset]
        results = [_run(case) for case in order]
        return results[len(pages) - offset:] + results[: len(pages) - offset]

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(run, [i * 5 % len(pages) for i in range(threads)]))


def test_the_cases_take_the_rare_paths(monkeypatch: Any) -> None:
    consulted = []
    real = second_opinion._readability_pick
    monkeypatch.setattr(second_opinion, "_readability_pick", lambda body: consulted.append(1) or real(body))
    results = [_run(case) for case in cases()]
    assert all(result["truncated"] for result in results[:3])
    assert len(consulted) >= 4
    assert "Совет" in results[10]["text"] and "議会" in results[11]["text"] and "réuni" in results[12]["text"]
    assert PROSE in results[7]["text"] and PROSE in results[13]["text"]


def test_threads_on_rare_paths_match_sequential_calls() -> None:
    pages = cases()
    expected = [_run(case) for case in pages]
    for outcome in _in_threads(pages):
        assert outcome == expected


_COLD = """
import json, sys
sys.path[:0] = {path!r}
from tests.test_threads_rare_paths import _in_threads, _run, cases
pages = cases()
outcomes = _in_threads(pages)  # first use of every lazily built pattern and table is in these threads
expected = [_run(case) for case in pages]
print(json.dumps(all(outcome == expected for outcome in outcomes)))
"""


def test_threads_from_a_cold_start_match_sequential_calls() -> None:
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    script = _COLD.format(path=[here, *sys.path])
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) is True
