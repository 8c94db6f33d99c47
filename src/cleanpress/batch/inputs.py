"""Batch inputs: files, directories, globs, WARC and JSONL files as a stream of page records.

The order is deterministic (directories walked sorted, globs sorted), which is
what lets an interrupted run resume by skipping the records it already wrote.
"""

from __future__ import annotations

import errno
import glob
import gzip
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from .. import warc
from ..warc import RecordTooLarge, is_warc_path, read_warc
from .records import BatchError, BatchResult, PageRecord

#: error_type of the record that stands for an input file that could not be read.
UNREADABLE = "UnreadableInput"
#: The most bytes read for one page file or one JSONL line: a page's own size limit
#: (``Limits.max_bytes``); past it the page or line is one error record, and memory stays bounded.
MAX_LINE_BYTES = warc.DEFAULT_MAX_BYTES
#: An input named by a URL rather than a path: cleanpress never fetches, and says so.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class MissingInput(BatchError):
    """An input names no file (or a pattern or folder with no page in it): nothing to read."""


def not_found(given: str) -> str:
    """Why ``given`` names nothing to read, in words that help: a URL is not fetched."""
    if _URL.match(given):
        return (f"{given} is a URL: cleanpress reads saved pages and never fetches them; save the page "
                f"first (e.g. curl -o page.html '{given}') and give the file, with --url for its links")
    return "no such file or directory"


@dataclass(frozen=True, slots=True)
class Source:
    """One input file and how to read it."""

    path: str
    kind: Literal["page", "warc", "jsonl", "stdin"]


#: What a directory walk picks up as pages (also with ``.gz``); other files must be named explicitly.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def _wanted_in_directory(name: str) -> bool:
    """Saved-page folders also hold images, styles and scripts: take pages, WARC and JSONL files only."""
    lowered = name.lower().removesuffix(".gz")
    return (not name.startswith(".") and (lowered.endswith(PAGE_SUFFIXES) or _kind(name) != "page"))


def _kind(path: str) -> Literal["page", "warc", "jsonl"]:
    if is_warc_path(path):
        return "warc"
    if path.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    return "page"


def expand_inputs(inputs: Sequence[str], exclude: Path | None = None) -> list[Source]:
    """Turn the INPUT arguments into files, in the order a resumed run will see again.

    Directories are walked recursively in sorted order (a folder's files
    before its subfolders), taking page files (:data:`PAGE_SUFFIXES`), WARC
    and JSONL files and skipping hidden entries; globs are expanded sorted and
    taken whatever the file names. Anything under ``exclude`` (the
    output) is left out so a run never reads its own results.
    """
    sources: list[Source] = []
    missing: list[str] = []
    excluded = exclude.resolve() if exclude is not None else None

    def add(path: str) -> None:
        try:
            resolved = Path(path).resolve()
        except (OSError, RuntimeError):  # a symlink loop: read (and reported) as an unreadable page
            resolved = Path(os.path.abspath(path))
        if excluded is not None and (resolved == excluded or excluded in resolved.parents):
            return
        sources.append(Source(path, _kind(path)))

    for given in inputs:
        if given == "-":
            if any(source.kind == "stdin" for source in sources):
                raise BatchError("standard input ('-') can be read only once")
            sources.append(Source(given, "stdin"))
        elif os.path.isdir(given):
            found = [os.path.join(root, name) for root, dirs, files in _sorted_walk(given)
                     for name in sorted(files) if _wanted_in_directory(name)]
            if not found:
                missing.append(f"{given} (the folder holds no page, WARC or JSONL file)")
            for path in found:
                add(path)
        elif os.path.exists(given):
            add(given)
        elif _URL.match(given):
            missing.append(not_found(given))
        elif any(char in given for char in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            files = [match for match in matches if os.path.isfile(match)]
            if not files:
                missing.append(f"{given} (the pattern matches no file)")
            for match in files:
                add(match)
        else:
            missing.append(f"{given} ({not_found(given)})")
    if missing:
        raise MissingInput("cannot read input: " + "; ".join(missing))
    return sources


def _sorted_walk(folder: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk`` in sorted order, hidden folders skipped: a folder's files before its subfolders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield root, dirs, files


def _unreadable(path: str, exc: BaseException, after: int = 0) -> BatchResult:
    where = f" after {after} records" if after else ""
    return BatchResult(path, error_type=UNREADABLE,
                       error=f"cannot read {path}{where}: {type(exc).__name__}: {exc}",
                       meta={"source": path})


def _read_page(path: str) -> bytes:
    """A page file's bytes (inflated for ``.gz``), at most :data:`MAX_LINE_BYTES`.

    Only regular files are opened: a FIFO or device named like a page would
    block the run or never end.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a FIFO, socket or device)")
    limit = MAX_LINE_BYTES
    with (gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"the page is larger than the limit of {limit:,} bytes")
    return data


def _bounded_lines(readline: Callable[[int], bytes]) -> Iterator[bytes | int]:
    """The lines that ``readline`` gives; one longer than :data:`MAX_LINE_BYTES` comes as its length, read past in pieces."""
    limit = MAX_LINE_BYTES
    while line := readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := readline(1 << 20)):
            size += len(line)
        yield size


def warc_records(path: str, *, ok_only: bool = True) -> Iterator[PageRecord | BatchResult]:
    """The HTML pages of one WARC file as batch records keyed by record id, with provenance.

    A damaged or truncated archive ends with one error record standing for
    the rest of the file, so the records before the damage are not lost.
    """
    count = 0
    try:
        for page in read_warc(path, ok_only=ok_only):
            count += 1
            if page.error:
                yield BatchResult(page.key, page.url, error_type=RecordTooLarge.__name__, error=page.error,
                                  meta={"source": path, **page.meta()})
            else:
                yield PageRecord(page.key, page.html, page.url or None, page.encoding,
                                 {"source": path, **page.meta()})
    except Exception as exc:  # whatever the archive reader raises on damage
        yield _unreadable(path, exc, count)


def _jsonl_records(source: Source) -> Iterator[PageRecord | BatchResult]:
    opener = gzip.open if source.path.lower().endswith(".gz") else open
    try:
        with opener(source.path, "rb") as handle:
            yield from _jsonl_lines(source, _bounded_lines(handle.readline))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield _unreadable(source.path, exc)


def _jsonl_lines(source: Source, lines: Iterable[bytes | int]) -> Iterator[PageRecord | BatchResult]:
    for number, line in enumerate(lines, 1):
        if isinstance(line, int):
            yield BatchResult(f"{source.path}:{number}", error_type="LineTooLong",
                              error=f"line {number}: {line:,} bytes, longer than the limit of {MAX_LINE_BYTES:,}",
                              meta={"source": source.path})
        elif line.strip():
            yield _jsonl_record(source, number, line)


def _stdin_records(source: Source) -> Iterator[PageRecord | BatchResult]:
    """Standard input: JSONL records when its first non-blank line opens an object, else one page.

    A page cannot start with ``{`` and a JSONL stream must, so one look at the
    first line tells them apart; JSONL is read line by line, as it comes.
    """
    stream = sys.stdin.buffer
    try:
        lines = _bounded_lines(stream.readline)
        head: list[bytes | int] = []
        for line in lines:
            head.append(line)
            if isinstance(line, int) or line.strip():
                break
        last = head[-1] if head else b""
        if isinstance(last, bytes) and last.lstrip().startswith(b"{"):
            yield from _jsonl_lines(source, itertools.chain(head, lines))
        elif isinstance(last, int):
            yield BatchResult(source.path, error_type=UNREADABLE, meta={"source": source.path},
                              error=f"cannot read {source.path}: the page is larger than the limit of "
                                    f"{MAX_LINE_BYTES:,} bytes")
        else:
            rest = stream.read(MAX_LINE_BYTES + 1)
            page = b"".join(line for line in head if isinstance(line, bytes)) + rest
            if len(page) > MAX_LINE_BYTES:
                yield BatchResult(source.path, error_type=UNREADABLE, meta={"source": source.path},
                                  error=f"cannot read {source.path}: the page is larger than the limit of "
                                        f"{MAX_LINE_BYTES:,} bytes")
            else:
                yield PageRecord(source.path, page, None, None, {"source": source.path})
    except OSError as exc:
        yield _unreadable(source.path, exc)


def _jsonl_record(source: Source, number: int, line: bytes) -> PageRecord | BatchResult:
    fallback_key = f"{source.path}:{number}"
    meta = {"source": source.path}
    try:
        data = json.loads(line)
    except ValueError as exc:
        return BatchResult(fallback_key, error_type="InvalidJSON", error=f"line {number}: {exc}", meta=meta)
    if not isinstance(data, dict):
        return BatchResult(fallback_key, error_type="InvalidJSON",
                           error=f"line {number}: expected an object, got {type(data).__name__}", meta=meta)
    key = str(data.get("key", data.get("id", fallback_key)))
    url = data.get("url") if isinstance(data.get("url"), str) else None
    html = data.get("html")
    if not isinstance(html, str):
        return BatchResult(key, url or "", error_type="MissingHTML",
                           error=f"line {number}: no string 'html' field", meta=meta)
    encoding = data.get("encoding") if isinstance(data.get("encoding"), str) else None
    return PageRecord(key, html, url, encoding, meta)


def iter_records(sources: Sequence[Source], *, skip: int = 0, ok_only: bool = True,
                 expect_key: str | None = None) -> Iterator[PageRecord | BatchResult]:
    """Every record of every source, in order, after the first ``skip`` ones.

    Skipped page files are not even opened. When ``expect_key`` is given it
    must be the key of the last skipped record, or the inputs are not the
    ones the interrupted run had and resuming would mix results up.
    """
    position = 0
    for source in sources:
        if source.kind == "page":
            if position < skip:
                position += 1
                if position == skip:
                    _check_resume_key(source.path, expect_key)
                continue
            try:
                page = _read_page(source.path)
            except (OSError, EOFError) as exc:
                yield _unreadable(source.path, exc)
            else:
                yield PageRecord(source.path, page, None, None, {"source": source.path})
            position += 1
            continue
        records = (warc_records(source.path, ok_only=ok_only) if source.kind == "warc"
                   else _stdin_records(source) if source.kind == "stdin" else _jsonl_records(source))
        for record in records:
            if position < skip:
                position += 1
                if position == skip:
                    _check_resume_key(record.key, expect_key)
                continue
            position += 1
            yield record
    if position < skip:
        raise BatchError(f"the output already holds {skip} records but the inputs have only {position}: "
                         "these are not the inputs of the run being resumed")


def _check_resume_key(key: str, expected: str | None) -> None:
    if expected is not None and key != expected:
        raise BatchError(f"cannot resume: the last record in the output is {expected!r} but the inputs "
                         f"have {key!r} at that position; give the same inputs as the interrupted run")



def with_default_encoding(records: Iterator[PageRecord | BatchResult],
                          encoding: str | None) -> Iterator[PageRecord | BatchResult]:
    """The records, those that carry no encoding of their own (a page file, say) given ``encoding``."""
    for record in records:
        if encoding is not None and isinstance(record, PageRecord) and record.encoding is None:
            record = replace(record, encoding=encoding)
        yield record
