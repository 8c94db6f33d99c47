"""``cleanpress batch``: extract every page of files, directories, globs, WARC and JSONL inputs.

The output is written and flushed record by record in input order, so after a
kill the output holds a prefix of the results; ``--resume`` counts it, drops a
torn last line and skips that many records of the (deterministically ordered)
input. Pages are extracted in worker processes that render their own output
lines, so the parent only reads inputs and appends lines.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import glob
import gzip
import json
import os
import re
import signal
import sys
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from .batch import BatchResult, PageRecord, arrow_schema, available_cores, extract_many
from .errors import CleanpressError
from .warc import is_warc_path, read_warc

OutputFormat = Literal["jsonl", "parquet", "txt", "md", "json"]
OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "parquet", "txt", "md", "json")
Status = Literal["article", "empty", "error"]

#: error_type of the record that stands for an input file that could not be read.
UNREADABLE = "UnreadableInput"
#: Rows per Parquet part file: a part is written whole or not at all.
PARQUET_PART_ROWS = 1000
MANIFEST = "manifest.jsonl"

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class BatchError(Exception):
    """A problem with the command's inputs or output that stops it before or during the run."""


# --- inputs -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Source:
    """One input file and how to read it."""

    path: str
    kind: Literal["page", "warc", "jsonl"]


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
        resolved = Path(path).resolve()
        if excluded is not None and (resolved == excluded or excluded in resolved.parents):
            return
        sources.append(Source(path, _kind(path)))

    for given in inputs:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if _wanted_in_directory(name):
                        add(os.path.join(root, name))
        elif os.path.exists(given):
            add(given)
        elif any(char in given for char in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            files = [match for match in matches if os.path.isfile(match)]
            if not files:
                missing.append(f"{given} (the pattern matches no file)")
            for match in files:
                add(match)
        else:
            missing.append(f"{given} (no such file or directory)")
    if missing:
        raise BatchError("cannot read input: " + "; ".join(missing))
    return sources


def _unreadable(path: str, exc: BaseException, after: int = 0) -> BatchResult:
    where = f" after {after} records" if after else ""
    return BatchResult(path, error_type=UNREADABLE,
                       error=f"cannot read {path}{where}: {type(exc).__name__}: {exc}",
                       meta={"source": path})


def _read_page(path: str) -> bytes:
    if path.lower().endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            return handle.read()
    with open(path, "rb") as handle:
        return handle.read()


def warc_records(path: str, *, ok_only: bool = True) -> Iterator[PageRecord | BatchResult]:
    """The HTML pages of one WARC file as batch records keyed by record id, with provenance.

    A damaged or truncated archive ends with one error record standing for
    the rest of the file, so the records before the damage are not lost.
    """
    count = 0
    try:
        for page in read_warc(path, ok_only=ok_only):
            count += 1
            yield PageRecord(page.key, page.html, page.url or None, page.encoding,
                             {"source": path, **page.meta()})
    except Exception as exc:  # whatever the archive reader raises on damage
        yield _unreadable(path, exc, count)


def _jsonl_records(source: Source) -> Iterator[PageRecord | BatchResult]:
    opener = gzip.open if source.path.lower().endswith(".gz") else open
    try:
        with opener(source.path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                yield _jsonl_record(source, number, line)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
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
        records = warc_records(source.path, ok_only=ok_only) if source.kind == "warc" else _jsonl_records(source)
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


# --- rendering (runs in the workers) ------------------------------------------

def status_of(result: BatchResult) -> Status:
    """How the summary counts a result: error, empty (no article text) or article."""
    if not result.ok:
        return "error"
    return "article" if result.article else "empty"


def render(output_format: OutputFormat, result: BatchResult) -> tuple[str, Status, str, Any]:
    """(key, status, error, payload): what the parent needs, with the payload its writer stores.

    Runs in the worker, so that the parent receives one small string or row
    instead of a whole Article to convert.
    """
    status = status_of(result)
    payload: Any
    if output_format == "jsonl":
        payload = json.dumps(result.to_dict(), ensure_ascii=False)
    elif output_format == "parquet":
        payload = result.to_row()
    else:
        payload = _file_body(output_format, result)
    error = f"{result.error_type}: {result.error}" if status == "error" else ""
    return result.key, status, error, payload


def _file_body(output_format: OutputFormat, result: BatchResult) -> tuple[str | None, str]:
    """(file content or None for an error, manifest line) for the directory formats."""
    article = result.article
    manifest = result.to_dict()
    manifest.pop("article")
    if article is None:
        return None, json.dumps(manifest, ensure_ascii=False)
    if output_format == "txt":
        body = "\n\n".join(filter(None, [article.title, article.text])) + "\n"
    elif output_format == "md":
        body = article.markdown + "\n"
    else:
        body = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return body, json.dumps(manifest, ensure_ascii=False)


# --- outputs ------------------------------------------------------------------

def _count_lines(path: Path) -> tuple[int, str | None]:
    """Complete lines of a JSONL file and the key on the last one; a torn last line is cut off.

    Writes are sequential and flushed line by line, so only the last line can
    be incomplete; counting newlines is enough and stays fast on huge files.
    """
    count, last_newline, size = 0, -1, path.stat().st_size
    with open(path, "rb") as handle:
        offset = 0
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            found = chunk.rfind(b"\n")
            if found >= 0:
                last_newline = offset + found
            offset += len(chunk)
    if last_newline + 1 < size:
        with open(path, "r+b") as handle:
            handle.truncate(last_newline + 1)
    if count == 0:
        return 0, None
    with open(path, "rb") as handle:
        handle.seek(max(0, last_newline - (1 << 20)))
        tail = handle.read(last_newline + 1 - handle.tell()).splitlines()
    try:
        last = json.loads(tail[-1])
    except (ValueError, IndexError) as exc:
        raise BatchError(f"cannot resume: the last complete line of {path} is not JSON ({exc})") from exc
    return count, str(last.get("key"))


class Writer(ABC):
    """Where results go; ``open`` says how many records an earlier run already wrote."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @abstractmethod
    def open(self, *, resume: bool, overwrite: bool) -> tuple[int, str | None]:
        """Prepare the output; return (records already there, key of the last one)."""

    @abstractmethod
    def write(self, index: int, key: str, payload: Any) -> None:
        """Store the rendered record number ``index``."""

    @abstractmethod
    def close(self) -> None:
        """Make everything written so far durable."""


def _refuse_existing(path: Path) -> BatchError:
    return BatchError(f"{path} already exists: add --resume to continue that run, or --overwrite to start over")


class JsonlWriter(Writer):
    """One JSON object per line, appended and flushed per record; ``-`` is standard output."""

    handle: IO[str] | None = None

    def open(self, *, resume: bool, overwrite: bool) -> tuple[int, str | None]:
        if str(self.path) == "-":
            if resume:
                raise BatchError("--resume needs an output file, not standard output")
            self.handle = sys.stdout
            return 0, None
        done, last = 0, None
        exists = self.path.exists() and self.path.stat().st_size > 0
        if exists and resume:
            done, last = _count_lines(self.path)
        elif exists and not overwrite:
            raise _refuse_existing(self.path)
        if self.path.parent != Path(""):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a" if resume else "w", encoding="utf-8")
        return done, last

    def write(self, index: int, key: str, payload: Any) -> None:
        assert self.handle is not None
        self.handle.write(payload + "\n")
        self.handle.flush()

    def close(self) -> None:
        if self.handle is sys.stdout:
            self.handle.flush()
        elif self.handle is not None:
            self.handle.close()


class DirectoryWriter(Writer):
    """One file per article (``<index>-<key>.<ext>``) plus ``manifest.jsonl`` of every record."""

    manifest: IO[str] | None = None

    def __init__(self, path: Path, extension: str) -> None:
        super().__init__(path)
        self.extension = extension

    def open(self, *, resume: bool, overwrite: bool) -> tuple[int, str | None]:
        manifest = self.path / MANIFEST
        done, last = 0, None
        if self.path.exists() and not self.path.is_dir():
            raise BatchError(f"{self.path} is a file; the {self.extension} output format writes a directory")
        if manifest.exists() and manifest.stat().st_size > 0:
            if resume:
                done, last = _count_lines(manifest)
            elif not overwrite:
                raise _refuse_existing(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.manifest = open(manifest, "a" if resume else "w", encoding="utf-8")
        return done, last

    def write(self, index: int, key: str, payload: Any) -> None:
        assert self.manifest is not None
        body, manifest_line = payload
        if body is not None:
            name = f"{index:08d}-{_slug(key)}.{self.extension}"
            temporary = self.path / f".{name}.tmp"
            temporary.write_text(body, encoding="utf-8")
            os.replace(temporary, self.path / name)  # whole file or none, even if killed here
            entry = json.loads(manifest_line)
            entry["file"] = name
            manifest_line = json.dumps(entry, ensure_ascii=False)
        self.manifest.write(manifest_line + "\n")
        self.manifest.flush()

    def close(self) -> None:
        if self.manifest is not None:
            self.manifest.close()


def _slug(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", key).strip("._")[-80:] or "page"


class ParquetWriter(Writer):
    """A directory of Parquet parts of :data:`PARQUET_PART_ROWS` rows, each written whole.

    Parquet cannot be appended to after a kill (the footer comes last), so
    records are committed a part at a time: a resumed run redoes at most the
    rows of one unfinished part.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.rows: list[dict[str, Any]] = []
        self.part = 0
        self.last_key: str | None = None

    def open(self, *, resume: bool, overwrite: bool) -> tuple[int, str | None]:
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise BatchError("Parquet output needs pyarrow: pip install 'cleanpress[parquet]'") from exc
        parts = sorted(self.path.glob("part-*.parquet")) if self.path.is_dir() else []
        if self.path.exists() and not self.path.is_dir():
            raise BatchError(f"{self.path} is a file; Parquet output is a directory of part files")
        if parts and not resume and not overwrite:
            raise _refuse_existing(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        for leftover in self.path.glob(".part-*.tmp"):
            leftover.unlink()
        done, last = 0, None
        for part in parts:
            if resume:
                table = pq.read_table(part, columns=["key"])
                done += table.num_rows
                last = str(table.column("key")[-1]) if table.num_rows else last
            else:
                part.unlink()
        self.part = len(parts) if resume else 0
        return done, last

    def write(self, index: int, key: str, payload: Any) -> None:
        self.rows.append(payload)
        if len(self.rows) >= PARQUET_PART_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = f"part-{self.part:05d}.parquet"
        temporary = self.path / f".{name}.tmp"
        pq.write_table(pa.Table.from_pylist(self.rows, schema=arrow_schema()), temporary)
        os.replace(temporary, self.path / name)
        self.part += 1
        self.rows = []

    def close(self) -> None:
        self._flush()


def make_writer(output_format: OutputFormat, path: Path) -> Writer:
    """The writer for ``output_format``."""
    if output_format == "jsonl":
        return JsonlWriter(path)
    if output_format == "parquet":
        return ParquetWriter(path)
    return DirectoryWriter(path, output_format)


# --- progress -----------------------------------------------------------------

class Progress:
    """Counts results and, on a terminal, redraws one status line a few times a second."""

    def __init__(self, total: int | None, *, show: bool, stream: IO[str]) -> None:
        self.total = total
        self.show = show
        self.stream = stream
        self.counts: dict[Status, int] = {"article": 0, "empty": 0, "error": 0}
        self.start = time.monotonic()
        self.drawn = 0.0

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    def add(self, status: Status) -> None:
        self.counts[status] += 1
        now = time.monotonic()
        if self.show and now - self.drawn >= 0.2:
            self.drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.records / elapsed
        text = f"{self.records}/{self.total} records ({100 * self.records / self.total:.0f}%)" if self.total \
            else f"{self.records} records"
        text += f"  {rate:.1f}/s  {self.counts['error']} errors"
        if self.total and rate > 0:
            text += f"  ETA {_duration(max(0, self.total - self.records) / rate)}"
        return text

    def clear(self) -> None:
        if self.show and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def summary(self) -> str:
        elapsed = time.monotonic() - self.start
        rate = self.records / elapsed if elapsed > 0 else 0.0
        return (f"{self.records} records: {self.counts['article']} articles, {self.counts['empty']} empty, "
                f"{self.counts['error']} errors in {_duration(elapsed)} ({rate:.1f} records/s)")


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


# --- the command ------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanpress batch",
        description="Extract the article of every page in files, directories (their .html/.htm/.xhtml/"
        ".shtml pages, optionally gzipped, WARC and JSONL files), globs, WARC/WARC.gz "
        "archives and JSONL files (one object per line with an 'html' field, optional 'key'/'id', "
        "'url', 'encoding'). Results are written in input order, one record at a time.",
        epilog="Exit status: 0 when every input was read (pages without an article and pages that "
        "failed to extract are recorded, not fatal), 1 when an input could not be read or --fail-fast "
        "stopped the run, 2 for usage errors, 130 when interrupted (resume with --resume).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, .warc[.gz] or .jsonl")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="JSONL file ('-' for standard output), or directory for the txt/md/json/parquet formats")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS,
                        help="jsonl (default; parquet when OUT ends in .parquet), parquet (needs "
                        "cleanpress[parquet]), or txt/md/json: one file per article plus manifest.jsonl")
    parser.add_argument("-j", "--jobs", type=int, default=available_cores(),
                        help="worker processes (default: all cores, here %(default)s; 1 = no workers)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="give up on a page after this long (its record gets a Timeout error); "
                        "runs pages in worker processes even with --jobs 1")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same OUT: no record twice, none missed")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    parser.add_argument("--fail-fast", action="store_true", help="stop at the first record that fails")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument("--input-format", choices=("auto", "html", "text"), default="auto",
                        help="what the pages are (default: detect)")
    parser.add_argument("--all-statuses", action="store_true",
                        help="also extract WARC responses whose HTTP status is not 2xx")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="switch a rule off by id (or 'prefix*'); repeatable")
    return parser


def _output_format(args: argparse.Namespace) -> OutputFormat:
    if args.output_format:
        return args.output_format  # type: ignore[no-any-return]
    return "parquet" if args.output.lower().endswith(".parquet") else "jsonl"


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C so that workers are stopped and output closed."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``cleanpress batch`` with ``argv`` (without the ``batch`` word); return the exit status."""
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    err = sys.stderr

    def say(message: str) -> None:
        print(f"cleanpress batch: {message}", file=err, flush=True)

    if args.jobs < 1:
        say("--jobs must be at least 1")
        return EXIT_USAGE
    if args.timeout is not None and args.timeout <= 0:
        say("--timeout must be positive")
        return EXIT_USAGE
    output_format = _output_format(args)
    output = Path(args.output)
    try:
        sources = expand_inputs(args.inputs, exclude=output)
        writer = make_writer(output_format, output)
        done, last_key = writer.open(resume=args.resume, overwrite=args.overwrite)
    except (BatchError, OSError) as exc:
        say(str(exc))
        return EXIT_USAGE
    page_only = all(source.kind == "page" for source in sources)
    progress = Progress(len(sources) - done if page_only else None,
                        show=not args.quiet and err.isatty(), stream=err)
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if on_main_thread else None
    status = EXIT_OK
    unreadable: list[str] = []
    index = done
    try:
        records = iter_records(sources, skip=done, ok_only=not args.all_statuses, expect_key=last_key)
        results = extract_many(records, jobs=args.jobs, format=args.input_format,
                               transform=functools.partial(render, output_format), timeout=args.timeout,
                               disabled_rules=frozenset(args.disable))
        with contextlib.closing(results):
            for key, record_status, message, payload in results:
                writer.write(index, key, payload)
                index += 1
                progress.add(record_status)
                if record_status != "error":
                    continue
                if message.startswith(UNREADABLE):
                    unreadable.append(message)
                    status = EXIT_INPUT
                if args.fail_fast:
                    progress.clear()
                    say(f"stopped at record {index} ({key}): {message} (--fail-fast)")
                    status = EXIT_INPUT
                    break
    except KeyboardInterrupt as exc:
        progress.clear()
        writer.close()
        what = "terminated" if isinstance(exc, _Terminated) else "interrupted"
        say(f"{what} after {index} records in {output}; run the same command with --resume to continue")
        return EXIT_INTERRUPTED
    except (BatchError, CleanpressError, OSError) as exc:
        progress.clear()
        writer.close()
        say(str(exc))
        return EXIT_USAGE if isinstance(exc, (BatchError, CleanpressError)) else EXIT_INPUT
    finally:
        if on_main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    writer.close()
    progress.clear()
    for message in unreadable:
        say(message.split(": ", 1)[1])
    if not args.quiet:
        resumed = f" (resumed after {done} records already in {output})" if done else ""
        say(progress.summary() + resumed)
    return status
