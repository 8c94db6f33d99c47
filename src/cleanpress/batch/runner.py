"""Extract many pages: in input order, on all cores, one bad page costing one error record.

Crawls hold millions of pages and some of them are broken, so a batch run must
never keep the whole input in memory and never die on one page. Pages stream
through a bounded window of in-flight work; results come back in input order,
which is what makes the command line's ``--resume`` a matter of counting lines.
Workers are forked only when that is safe (see :func:`_context`), else started
by a fork server or spawned, so only importable functions cross the process
boundary and the same code runs on every platform.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar, overload

from .._pipeline import Format, extract
from ..errors import InputTypeError
from ..options import DEFAULT_OPTIONS, Options, known_encoding
from ..warc import RecordTooLarge, WarcPage
from .records import BatchResult, PageRecord

T = TypeVar("T")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@overload
def extract_many(
    pages: Iterable[Any], *, jobs: int | None = ..., window: int | None = ..., format: Format = ...,
    options: Options | None = ..., transform: None = ..., timeout: float | None = ...,
    **option_overrides: Any,
) -> Generator[BatchResult, None, None]: ...


@overload
def extract_many(
    pages: Iterable[Any], *, jobs: int | None = ..., window: int | None = ..., format: Format = ...,
    options: Options | None = ..., transform: Callable[[BatchResult], T], timeout: float | None = ...,
    **option_overrides: Any,
) -> Generator[T, None, None]: ...


def extract_many(
    pages: Iterable[Any],
    *,
    jobs: int | None = None,
    window: int | None = None,
    format: Format = "auto",
    options: Options | None = None,
    transform: Callable[[BatchResult], Any] | None = None,
    timeout: float | None = None,
    **option_overrides: Any,
) -> Generator[Any, None, None]:
    """Extract every page of ``pages`` and yield one :class:`BatchResult` per page, in input order.

    A page is ``bytes`` or ``str`` (keyed by its position), a ``(key, page)``
    pair, a mapping ``{"html": ..., "key": ..., "url": ..., "encoding": ...}``
    (only ``html`` is required), a :class:`PageRecord`, or a
    :class:`~cleanpress.warc.WarcPage` from :func:`cleanpress.read_warc`. A
    :class:`BatchResult` in the input is passed through as it is: that is how a
    reader reports, in its place, a record it could not read.

    ``jobs`` is the number of worker processes (default: all cores; 1 runs in
    this process). At most ``window`` pages (default ``8 * jobs``) are in flight
    at once, so memory stays bounded however long ``pages`` is. A page that
    fails yields a result with ``error_type`` set; it never stops the run. A
    worker that dies (out of memory, a crash) costs only the record it was on.
    With ``timeout`` (seconds), a page whose extraction runs longer has its
    worker stopped and yields a ``Timeout`` error result; timeouts need worker
    processes, so with a timeout even ``jobs=1`` uses one.

    ``transform``, when given, runs in the worker on each result and its return
    value is yielded instead, so that only what the caller needs (say, a JSON
    line) crosses back between processes; with ``jobs > 1`` it must be an
    importable module-level function. Options are checked here, before any
    page is read: a bad option raises :class:`~cleanpress.OptionsError` at once.
    Stop early by calling the returned generator's ``close()``: the workers
    are stopped then, as they are when it is exhausted or garbage-collected.
    """
    job = _Job((options or DEFAULT_OPTIONS).with_overrides(option_overrides), format, transform)
    jobs = available_cores() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    window = 8 * jobs if window is None else window
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}")
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive, not {timeout}")
    records = (_to_record(index, item) for index, item in enumerate(pages))
    if jobs == 1 and timeout is None:
        return _in_process(job, records)
    return _pooled(job, records, jobs, window, timeout)


def _to_record(index: int, item: Any) -> PageRecord | BatchResult:
    """Normalise one input item; one that cannot be understood becomes an error result."""
    if isinstance(item, (PageRecord, BatchResult)):
        return item
    if isinstance(item, (bytes, str)):
        return PageRecord(str(index), item)
    if isinstance(item, (bytearray, memoryview)):
        return PageRecord(str(index), bytes(item))
    if isinstance(item, WarcPage):
        if item.error:
            return BatchResult(item.key, item.url, error_type=RecordTooLarge.__name__, error=item.error,
                               meta=item.meta())
        return PageRecord(item.key, item.html, item.url or None, item.encoding, item.meta())
    if isinstance(item, tuple) and len(item) == 2:
        key, page = item
        record = _to_record(index, page)
        if isinstance(record, PageRecord):
            return PageRecord(str(key), record.page, record.url, record.encoding, record.meta)
        return BatchResult(str(key), error_type=record.error_type, error=record.error)
    if isinstance(item, Mapping):
        key = str(item.get("key", index))
        html = item.get("html")
        if isinstance(html, (bytearray, memoryview)):
            html = bytes(html)
        if not isinstance(html, (bytes, str)):
            return BatchResult(key, str(item.get("url") or ""), error_type=InputTypeError.__name__,
                               error=f"record {index}: 'html' must be str or bytes, not {type(html).__name__}")
        return PageRecord(key, html, item.get("url") or None, item.get("encoding") or None)
    return BatchResult(str(index), error_type=InputTypeError.__name__,
                       error=f"record {index}: expected a page (str/bytes), a (key, page) pair or a mapping "
                             f"with 'html', not {type(item).__name__}")


@dataclass(frozen=True)
class _Job(Generic[T]):
    """What every worker needs to know, sent once per worker rather than once per page."""

    options: Options
    format: Format
    transform: Callable[[BatchResult], T] | None

    def run(self, record: PageRecord) -> Any:
        url = record.url or ""
        try:
            # A record's encoding is data (a server's header), not the caller's option: an unknown one is
            # ignored, as the page's own declaration would be, rather than failing the record.
            encoding = record.encoding if known_encoding(record.encoding) else None
            article = extract(record.page, url=record.url, format=self.format, encoding=encoding,
                              options=self.options)
            result = BatchResult(record.key, url, article, meta=record.meta)
        except Exception as exc:  # one bad page must cost one record, whatever went wrong
            result = BatchResult(record.key, url, None, type(exc).__name__, str(exc), record.meta)
        return self.finish(result)

    def finish(self, result: BatchResult) -> Any:
        return result if self.transform is None else self.transform(result)


def _in_process(job: _Job[Any], records: Iterator[PageRecord | BatchResult]) -> Generator[Any, None, None]:
    for record in records:
        yield job.finish(record) if isinstance(record, BatchResult) else job.run(record)


# --- the worker side -------------------------------------------------------

_WORKER_JOB: _Job[Any] | None = None


def _init_worker(job: _Job[Any]) -> None:
    """Set a worker up: its job, no Ctrl-C of its own, and an exit if the parent dies."""
    global _WORKER_JOB
    _WORKER_JOB = job
    # Ctrl-C reaches the whole process group; only the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the caller's SIGTERM handler; stopping a worker must stop it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: BaseProcess) -> None:
    """A killed parent (SIGKILL, OOM killer) cannot stop its workers; they notice and leave.

    ``parent`` is the process that asked for the worker, even when a fork
    server forked it, and ``join`` returns as soon as that process is gone.
    """
    parent.join()
    os._exit(1)


def _run_in_worker(record: PageRecord) -> Any:
    assert _WORKER_JOB is not None, "worker used before _init_worker"
    return _WORKER_JOB.run(record)


# --- the parent side -------------------------------------------------------

def _context() -> BaseContext:
    """How to start workers: fork when that is safe, else a fork server, else spawn.

    Forking a process that runs other threads can copy a lock some thread
    holds, so plain fork is used only on Linux and only while this process
    runs a single thread (the command line's case): workers then start at
    once, without importing anything. Otherwise a fork server imports
    cleanpress once and each worker is a cheap fork of it.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["cleanpress.batch.runner"])
        return context
    return multiprocessing.get_context("spawn")


def _new_pool(job: _Job[Any], jobs: int, timeout: float | None) -> ProcessPoolExecutor:
    """A pool of ``jobs`` workers; with a timeout, only once they are up, so start-up is not timed."""
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(job,))
    if timeout is not None:
        wait([pool.submit(_ready) for _ in range(jobs)])
    return pool


def _ready() -> None:
    """A task that does nothing: done means a worker is up."""


def _stop(pool: ProcessPoolExecutor, *, graceful: bool) -> None:
    """Shut a pool down; unless ``graceful``, kill its workers mid-page (Ctrl-C, a crash)."""
    if graceful:
        pool.shutdown(wait=True)
        return
    # The executor has no public way to end busy workers; its process table is
    # the only handle on them, and leaving them to finish a slow page would
    # make Ctrl-C hang.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


class _Slot:
    """One record in the in-flight window: its future, or its value once known."""

    __slots__ = ("record", "future", "value", "has_value")

    def __init__(self, record: PageRecord | BatchResult, job: _Job[Any], pool: ProcessPoolExecutor) -> None:
        self.record = record
        self.future: Future[Any] | None = None
        self.value: Any = None
        self.has_value = False
        if isinstance(record, BatchResult):
            self.set(job.finish(record))
        else:
            self.submit(pool)

    def submit(self, pool: ProcessPoolExecutor) -> None:
        assert isinstance(self.record, PageRecord)
        try:
            self.future = pool.submit(_run_in_worker, self.record)
        except BrokenProcessPool:
            self.future = None  # left for _recover to run

    def set(self, value: Any) -> None:
        self.value, self.has_value, self.future = value, True, None

    def fail(self, job: _Job[Any], error_type: str, message: str) -> None:
        """Settle the record as an error result of its own."""
        record = self.record
        assert isinstance(record, PageRecord)
        self.set(job.finish(BatchResult(record.key, record.url or "", None, error_type, message, record.meta)))

    def settled(self) -> bool:
        """True when the value is known or its future finished without the pool breaking."""
        if self.has_value:
            return True
        future = self.future
        return future is not None and future.done() and not future.cancelled() and future.exception() is None

    def get(self, timeout: float | None) -> Any:
        if self.has_value:
            return self.value
        if self.future is None:
            raise BrokenProcessPool("record was never sent to a worker")
        return self.future.result(timeout)


def _pooled(job: _Job[Any], records: Iterator[PageRecord | BatchResult], jobs: int, window: int,
            timeout: float | None) -> Generator[Any, None, None]:
    pool = _new_pool(job, jobs, timeout)
    pending: deque[_Slot] = deque()
    exhausted = False
    failure: Exception | None = None
    graceful = False
    try:
        while True:
            while not exhausted and len(pending) < window:
                try:
                    record = next(records)
                except StopIteration:
                    exhausted = True
                except Exception as exc:  # the caller's iterable broke: deliver what is in flight first
                    exhausted, failure = True, exc
                else:
                    pending.append(_Slot(record, job, pool))
            if not pending:
                break
            # Workers take records in order, so the oldest record has been running
            # at least since it became the head of the window: time it from there.
            try:
                value = pending[0].get(timeout)
            except FutureTimeout:
                pool = _expire(job, jobs, pool, pending, timeout)
                continue
            except BrokenProcessPool:
                pool = _recover(job, jobs, pool, pending, timeout)
                continue
            pending.popleft()
            yield value
        graceful = True
        if failure is not None:
            raise failure
    finally:
        _stop(pool, graceful=graceful)


def _timeout_message(timeout: float | None) -> str:
    return f"extraction ran past the {timeout:g} s timeout; the worker was stopped"


def _expire(job: _Job[Any], jobs: int, pool: ProcessPoolExecutor, pending: deque[_Slot],
            timeout: float | None) -> ProcessPoolExecutor:
    """The oldest record ran too long: stop the workers, record it, and resend the others."""
    _stop(pool, graceful=False)
    pending[0].fail(job, "Timeout", _timeout_message(timeout))
    fresh = _new_pool(job, jobs, timeout)
    for slot in pending:
        if not slot.settled():
            slot.submit(fresh)
    return fresh


def _recover(job: _Job[Any], jobs: int, broken: ProcessPoolExecutor,
             pending: deque[_Slot], timeout: float | None) -> ProcessPoolExecutor:
    """After a worker died, rerun each unfinished record alone to find the one that kills workers.

    When every one of several records kills its worker, the fault is not in
    the pages (workers cannot start, say) and the run stops rather than
    turning the whole input into error records.
    """
    _stop(broken, graceful=False)
    suspects = [slot for slot in pending if not slot.settled()]
    crashed = 0
    for slot in suspects:
        alone = _new_pool(job, 1, timeout)
        slot.submit(alone)
        try:
            slot.set(slot.get(timeout))
            _stop(alone, graceful=True)
        except FutureTimeout:
            _stop(alone, graceful=False)
            slot.fail(job, "Timeout", _timeout_message(timeout))
        except BrokenProcessPool:
            _stop(alone, graceful=False)
            crashed += 1
            slot.fail(job, "WorkerCrashed",
                      "the worker process died on this record (out of memory, or a crash in native code)")
    if crashed > 1 and crashed == len(suspects):
        raise BrokenProcessPool(f"worker processes died on all {crashed} records retried one by one: "
                                "they cannot run here (is the main module guarded by "
                                "`if __name__ == '__main__':`?)")
    return _new_pool(job, jobs, timeout)
