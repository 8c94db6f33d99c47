"""extract_many: every input kind, input order, error records, bounded streaming, worker crashes.

Results are compared with direct extract() calls, never with fixed text: the
batch layer must give exactly what extract gives, whatever extract becomes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_batch_cli import alive, descendants  # tests/ is on sys.path under pytest

from cleanpress import OptionsError, extract, extract_many
from cleanpress.batch import BatchResult, PageRecord, available_cores
from cleanpress.batch.runner import _context
from cleanpress.warc import WarcPage


def page(n: int) -> str:
    """A page whose size varies with n, so that workers finish out of order."""
    body = "".join(f"<p>Story {n}, paragraph {k}: words that make a paragraph long enough to keep.</p>"
                   for k in range(1 + (n * 7) % 13))
    return f"<html><head><title>Title {n}</title></head><body><article>{body}</article></body></html>"


def direct(page: object, **kwargs: object) -> tuple[object, str]:
    """What a direct extract() call gives: (article, "") or (None, exception type name)."""
    try:
        return extract(page, **kwargs), ""  # type: ignore[arg-type]
    except Exception as exc:  # the batch must report whatever extract raises, as a record
        return None, type(exc).__name__


def outcome(result: BatchResult) -> tuple[object, str]:
    return result.article, result.error_type


def crash_in_worker(result: BatchResult) -> BatchResult:
    """A transform that kills the worker process on the record keyed 'boom' (never in the parent)."""
    if result.key == "boom" and multiprocessing.parent_process() is not None:
        os._exit(13)
    return result


def hang_in_worker(result: BatchResult) -> BatchResult:
    """A transform that hangs on the record keyed 'slow', as a pathological page would."""
    if result.key == "slow" and multiprocessing.parent_process() is not None:
        time.sleep(60)
    return result


def key_and_text(result: BatchResult) -> tuple[str, str]:
    return result.key, result.article.text if result.article is not None else ""


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order_and_equal_direct_extract(jobs: int) -> None:
    pages = [page(n) for n in range(40)]
    results = list(extract_many(iter(pages), jobs=jobs, window=4))
    assert [result.key for result in results] == [str(n) for n in range(40)]
    assert [outcome(result) for result in results] == [direct(p) for p in pages]


def test_every_input_kind() -> None:
    warc_page = WarcPage("http://w.test/", "<urn:uuid:w>", "2025-01-01T00:00:00Z", 200, "utf-8", page(4).encode())
    items = [
        page(0),
        page(1).encode("utf-8"),
        bytearray(page(2).encode()),
        ("tuple-key", page(3)),
        {"key": "map-key", "html": page(5).encode("latin-1"), "url": "http://m.test/", "encoding": "latin-1"},
        {"html": page(6)},
        PageRecord("record-key", page(7), "http://r.test/", None, {"source": "here"}),
        warc_page,
    ]
    results = list(extract_many(items, jobs=1))
    assert [result.key for result in results] == ["0", "1", "2", "tuple-key", "map-key", "5", "record-key",
                                                 "<urn:uuid:w>"]
    assert [result.url for result in results] == ["", "", "", "", "http://m.test/", "", "http://r.test/",
                                                 "http://w.test/"]
    assert outcome(results[4]) == direct(page(5).encode("latin-1"), url="http://m.test/", encoding="latin-1")
    assert outcome(results[7]) == direct(page(4).encode(), url="http://w.test/", encoding="utf-8")
    assert results[6].meta == {"source": "here"}
    assert results[7].meta["record_id"] == "<urn:uuid:w>"
    assert outcome(results[2]) == direct(page(2).encode())


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_records_become_error_results_and_the_run_goes_on(jobs: int) -> None:
    items = [page(0), 42, {"url": "http://no-html.test/"}, ("pair", None), PageRecord("not-a-page", 3.5), page(1)]  # type: ignore[arg-type]
    results = list(extract_many(items, jobs=jobs))
    assert [result.key for result in results] == ["0", "1", "2", "pair", "not-a-page", "5"]
    assert [result.ok for result in results] == [direct(page(0))[1] == "", False, False, False, False,
                                                 direct(page(1))[1] == ""]
    assert results[1].error_type == "InputTypeError" and "int" in results[1].error
    assert results[2].url == "http://no-html.test/"
    # A PageRecord is trusted as given, so its bad page fails inside extract(), in the worker.
    assert results[4].error_type == direct(3.5)[1] == "InputTypeError"
    as_dict = results[1].to_dict()
    assert as_dict["error"]["type"] == "InputTypeError" and as_dict["article"] is None


def test_to_dict_and_to_row_carry_key_url_and_provenance() -> None:
    (result,) = extract_many([PageRecord("k", page(2), "http://a.test/", None, {"source": "s.warc", "status": 200})],
                             jobs=1)
    data = result.to_dict()
    assert (data["key"], data["url"], data["source"], data["status"]) == ("k", "http://a.test/", "s.warc", 200)
    row = result.to_row()
    assert (row["key"], row["source"], row["status"], row["record_id"]) == ("k", "s.warc", 200, None)
    if result.article is not None:
        assert row["text"] == result.article.text and row["canonical_url"] == result.article.url


def test_streams_endless_input_with_a_bounded_window() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for n in itertools.count():
            pulled += 1
            yield page(n % 5)

    results = extract_many(endless(), jobs=2, window=6, transform=key_and_text)
    first = list(itertools.islice(results, 30))
    results.close()  # type: ignore[attr-defined]
    assert [key for key, _ in first] == [str(n) for n in range(30)]
    assert pulled <= 30 + 6


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_input_iterable_still_delivers_what_came_before(jobs: int) -> None:
    def broken() -> Iterator[str]:
        yield page(0)
        yield page(1)
        raise RuntimeError("disk gone")

    got: list[str] = []
    with pytest.raises(RuntimeError, match="disk gone"):
        for result in extract_many(broken(), jobs=jobs):
            got.append(result.key)
    assert got == ["0", "1"]


def test_a_dying_worker_costs_only_its_record() -> None:
    items = [(str(n), page(n)) for n in range(6)] + [("boom", page(6))] + [(str(n), page(n)) for n in range(7, 12)]
    results = list(extract_many(items, jobs=2, window=4, transform=crash_in_worker))
    assert [result.key for result in results] == [key for key, _ in items]
    crashed = [result for result in results if result.error_type == "WorkerCrashed"]
    assert [result.key for result in crashed] == ["boom"]
    assert [outcome(result) for result in results if result.key != "boom"] == [
        direct(p) for key, p in items if key != "boom"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or not hasattr(signal, "setitimer"),
                    reason="needs /proc to watch worker processes and interval timers")
def test_ctrl_c_while_waiting_for_a_page_stops_the_workers() -> None:
    workers: set[int] = set()

    def ctrl_c(signum: int, frame: object) -> None:
        workers.update(worker_processes())
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, ctrl_c)
    signal.setitimer(signal.ITIMER_REAL, 1.0)
    try:
        with pytest.raises(KeyboardInterrupt):
            for _ in extract_many([("0", page(0)), ("slow", page(1)), ("2", page(2))], jobs=2,
                                  transform=hang_in_worker):
                pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    deadline = time.monotonic() + 5
    while alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers and not alive(workers)


def worker_processes() -> set[int]:
    """The workers: this process's grandchildren when a fork server started them, or its children
    when they were forked directly (a single-threaded caller); multiprocessing's own helpers may stay."""
    everything = {pid for pid in descendants(os.getpid()) if not _is_multiprocessing_helper(pid)}
    grandchildren = {pid for pid in everything if _parent(pid) != os.getpid()}
    return grandchildren or everything


def _is_multiprocessing_helper(pid: int) -> bool:
    """The fork server and the resource tracker: long-lived helpers, not workers."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"multiprocessing.forkserver" in command or b"multiprocessing.resource_tracker" in command


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def test_a_page_past_the_timeout_costs_only_its_record() -> None:
    items = [("0", page(0)), ("slow", page(1)), ("2", page(2)), ("3", page(3))]
    start = time.monotonic()
    results = list(extract_many(items, jobs=2, timeout=1.5, transform=hang_in_worker))
    assert time.monotonic() - start < 30
    assert [result.key for result in results] == ["0", "slow", "2", "3"]
    assert results[1].error_type == "Timeout" and "1.5 s" in results[1].error
    assert [outcome(result) for result in results if result.key != "slow"] == [
        direct(p) for key, p in items if key != "slow"]


def test_workers_are_not_forked_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert _context().get_start_method() != "fork"
        pages = [page(n) for n in range(6)]
        results = list(extract_many(pages, jobs=2))
    finally:
        stop.set()
        thread.join()
    assert [outcome(result) for result in results] == [direct(p) for p in pages]


def test_transform_result_is_what_comes_back() -> None:
    expected = direct(page(1))[0]
    text = expected.text if expected is not None else ""  # type: ignore[attr-defined]
    assert list(extract_many([("a", page(1))], jobs=2, transform=key_and_text)) == [("a", text)]


def test_options_are_checked_before_any_page_is_read() -> None:
    def never() -> Iterator[str]:
        raise AssertionError("read a page before checking options")
        yield ""  # pragma: no cover

    with pytest.raises(OptionsError):
        extract_many(never(), jobs=1, no_such_option=True)
    with pytest.raises(ValueError):
        extract_many([], jobs=0)
    with pytest.raises(ValueError):
        extract_many([], jobs=2, window=0)
    with pytest.raises(ValueError):
        extract_many([], timeout=0)


def test_defaults_use_all_cores_and_empty_input_is_fine() -> None:
    assert available_cores() >= 1
    assert list(extract_many([])) == []


def test_library_modules_never_import_a_cli_module() -> None:
    """The batch library and the Dask module must work where no command line is wanted."""
    code = ("import sys, cleanpress.batch, cleanpress.batch.inputs, cleanpress.batch.writers, "
            "cleanpress.batch.progress, cleanpress.distributed, cleanpress.explain; "
            "print(sorted(m for m in sys.modules if m in ('cleanpress.cli', 'cleanpress.batch_cli')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"
