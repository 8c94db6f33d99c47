"""Batch outputs: what each record becomes (rendered in the workers) and where it is written.

Every writer appends and makes each record durable as it goes, so after a kill
the output holds a prefix of the results that ``open(resume=True)`` can count.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

from .records import (
    DEFAULT_FIELDS,
    BatchError,
    BatchResult,
    Status,
    arrow_schema,
    status_of,
)

OutputFormat = Literal["jsonl", "parquet", "txt", "md", "json"]
OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "parquet", "txt", "md", "json")

#: Rows per Parquet part file: a part is written whole or not at all.
PARQUET_PART_ROWS = 1000
MANIFEST = "manifest.jsonl"
#: Longest file name stem taken from a title or URL; the name also carries the record's index.
STEM_CHARS = 60


def render(output_format: OutputFormat, result: BatchResult, fields: Sequence[str] = DEFAULT_FIELDS,
           ) -> tuple[str, Status, str, Any]:
    """(key, status, error, payload): what the parent needs, with the payload its writer stores.

    Runs in the worker, so that the parent receives one small string or row
    instead of a whole Article to convert. ``fields`` are the JSONL record's
    (see :meth:`BatchResult.to_record`).
    """
    status = status_of(result)
    payload: Any
    if output_format == "jsonl":
        payload = json.dumps(result.to_record(fields), ensure_ascii=False)
    elif output_format == "parquet":
        payload = result.to_row()
    else:
        payload = _file_body(output_format, result)
    error = f"{result.error_type}: {result.error}" if status == "error" else ""
    return result.key, status, error, payload


def renderings(output_format: OutputFormat, fields: Sequence[str] = DEFAULT_FIELDS) -> tuple[bool, bool]:
    """(HTML, Markdown): which renderings the output holds, so that extraction skips the others.

    Rendering is 8-18% of extraction time and changes nothing else in the article.
    """
    if output_format == "jsonl":
        whole = not {"blocks", "article"}.isdisjoint(fields)  # each block carries its HTML and Markdown
        return whole or "html" in fields, whole or "markdown" in fields
    return {"txt": (False, False), "md": (False, True)}.get(output_format, (True, True))


def _file_body(output_format: OutputFormat, result: BatchResult) -> tuple[str | None, str, str]:
    """(file content or None for an error, manifest line, file name stem) for the directory formats."""
    article = result.article
    manifest = result.to_dict()
    manifest.pop("article")
    if article is None:
        return None, json.dumps(manifest, ensure_ascii=False), ""
    if output_format == "txt":
        body = "\n\n".join(filter(None, [article.title, article.text])) + "\n"
    elif output_format == "md":
        body = article.markdown + "\n"
    else:
        body = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return body, json.dumps(manifest, ensure_ascii=False), readable_stem(result)


def readable_stem(result: BatchResult) -> str:
    """A file name stem a person recognises: the title, else the URL's path, else the key.

    Letters and digits of any script are kept, everything else becomes one
    hyphen, so the name is safe on every file system; the writer prefixes the
    record's index, which makes it unique and the same when a run is resumed.
    """
    article = result.article
    url = result.url or (article.url if article is not None else "")
    path = urlsplit(url).path if url else ""
    for text in (article.title if article is not None else "", re.sub(r"\.[A-Za-z0-9]{1,5}$", "", path),
                 result.key):
        stem = _slug(text)
        if stem:
            return stem
    return "page"


def _slug(text: str) -> str:
    words = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    if len(words) <= STEM_CHARS:
        return words
    cut = words[:STEM_CHARS]
    return cut[:cut.rindex("-")] if "-" in cut[STEM_CHARS // 2:] else cut


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
        if self.handle is not sys.stdout and os.fstat(self.handle.fileno()).st_nlink == 0:
            # writes to a deleted file succeed and are lost: stop rather than exit 0 with nothing kept
            raise OSError(errno.ENOENT, f"the output file {self.path} vanished (deleted, or its folder removed) "
                                        "while the run wrote it")

    def close(self) -> None:
        if self.handle is sys.stdout:
            self.handle.flush()
        elif self.handle is not None:
            self.handle.close()


class DirectoryWriter(Writer):
    """One file per article (``<index>-<title>.<ext>``) plus ``manifest.jsonl`` of every record."""

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
        body, manifest_line, stem = payload
        if body is not None:
            name = f"{index:08d}-{stem}.{self.extension}"
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
