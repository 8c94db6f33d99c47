"""Read the HTML pages out of WARC archives, the format crawls (Common Crawl's among them) ship in.

Parsing the WARC container is left to FastWARC (the ``cleanpress[warc]``
extra): its Rust core is the fastest maintained WARC reader for Python and
reads ``.warc``, ``.warc.gz``, ``.warc.zst`` and ``.warc.lz4`` alike. The HTTP
payload is decoded here rather than by FastWARC, because FastWARC's automatic
decoding stops the whole iteration at the first record whose server lied about
its Content-Encoding, silently dropping every record after it; a crawl has such
records, and one of them must not hide the rest of the file.

Every record is read within a size limit (``max_bytes``, by default that of
:class:`~cleanpress.Limits`): a payload stored larger, or one whose content
coding inflates past it (a decompression bomb), is never held whole. Its page
comes back with ``error`` saying why and no bytes, so that a batch run writes
one error record for it and goes on.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .options import Limits

#: Media types treated as HTML pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+xhtml"})

#: Why a record was passed over; the keys of :attr:`WarcPages.skipped_by_reason`.
SKIP_REASONS = ("not-a-response", "not-html", "http-status")

#: The default bound on a record's stored and inflated payload.
DEFAULT_MAX_BYTES = Limits().max_bytes
#: How much compressed input is fed to a decompressor at a time.
_STEP = 1 << 20


class RecordTooLarge(ValueError):
    """A record's payload, as stored or inflated, is past the size limit."""


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTML response of a WARC file, ready for :func:`cleanpress.extract`.

    ``encoding`` is the charset of the HTTP Content-Type header (None when the
    server gave none), to be passed on as ``extract(..., encoding=)``; ``html``
    is the payload with chunked transfer and gzip/deflate/brotli content
    encodings already undone. ``date`` is the WARC-Date (the fetch time) as
    an ISO 8601 string. ``error`` is empty for a page read whole; for a
    record that could not be read within the size limit it says why, and
    ``html`` is empty.
    """

    url: str
    record_id: str
    date: str
    status: int
    encoding: str | None
    html: bytes
    content_type: str = ""
    error: str = ""

    @property
    def key(self) -> str:
        """The record id: unique across WARC files by the standard, so a good source key."""
        return self.record_id

    def meta(self) -> dict[str, Any]:
        """The provenance fields that batch output carries beside the article."""
        return {"record_id": self.record_id, "date": self.date, "status": self.status}


@dataclass(eq=False)
class WarcPages(Iterator[WarcPage]):
    """The iterator :func:`read_warc` returns: pages plus the count of records skipped.

    ``skipped`` and ``skipped_by_reason`` grow as iteration goes on and are
    final once it has ended.
    """

    path: str
    ok_only: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    skipped: int = 0
    skipped_by_reason: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SKIP_REASONS, 0))
    _pages: Iterator[WarcPage] | None = field(default=None, repr=False)

    def __next__(self) -> WarcPage:
        if self._pages is None:
            self._pages = self._read()
        return next(self._pages)

    def _skip(self, reason: str) -> None:
        self.skipped += 1
        self.skipped_by_reason[reason] += 1

    def _read(self) -> Iterator[WarcPage]:
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        wanted = WarcRecordType.response | WarcRecordType.resource
        # FastWARC opens the path itself: compression is detected from the
        # bytes, and URLs (s3://, https://) work where an fsspec backend is installed.
        for record in ArchiveIterator(self.path, parse_http=True, auto_decode="none"):
            if not record.record_type & wanted:
                self._skip("not-a-response")
                continue
            page = self._page(record)
            if page is not None:
                yield page

    def _page(self, record: Any) -> WarcPage | None:
        headers = record.headers
        if record.is_http:
            http = record.http_headers
            status = http.status_code or 0
            content_type = http.get("Content-Type") or headers.get("WARC-Identified-Payload-Type") or ""
            charset = _charset(content_type)
            transfer = (http.get("Transfer-Encoding") or "").lower()
            coding = (http.get("Content-Encoding") or "").lower()
        else:
            status, transfer, coding = 200, "", ""
            content_type = headers.get("Content-Type") or ""
            charset = _charset(content_type)
        media = content_type.split(";", 1)[0].strip().lower()
        if media and media not in HTML_TYPES:  # decided before the payload is even read
            self._skip("not-html")
            return None
        if self.ok_only and not 200 <= status < 300:
            self._skip("http-status")
            return None
        error = ""
        try:
            body = record.reader.read(self.max_bytes + 1)
            if len(body) > self.max_bytes:
                raise RecordTooLarge(f"the record's payload is larger than the limit of {self.max_bytes:,} bytes")
            if "chunked" in transfer:
                body = _dechunk(body)
            body = _decode_content(body, coding, self.max_bytes)
        except RecordTooLarge as exc:
            body, error = b"", str(exc)
        if not error and not media and not _looks_like_html(body):
            self._skip("not-html")
            return None
        return WarcPage(
            url=headers.get("WARC-Target-URI") or "",
            record_id=record.record_id or "",
            date=headers.get("WARC-Date") or "",
            status=status,
            encoding=charset or None,
            html=body,
            content_type=media,
            error=error,
        )


def read_warc(path: str | os.PathLike[str], *, ok_only: bool = True,
              max_bytes: int | None = None) -> WarcPages:
    """Yield the HTML pages of a WARC file (plain or compressed, a path or an fsspec URL), in file order.

    Request, metadata, warcinfo and revisit records, non-HTML responses and,
    with ``ok_only`` (the default), responses whose HTTP status is not 2xx
    (redirect stubs, error pages) are skipped and counted on the returned
    iterator's ``skipped`` / ``skipped_by_reason``. A record whose payload,
    stored or inflated, passes ``max_bytes`` (None: :data:`DEFAULT_MAX_BYTES`) is yielded with ``error`` set and
    no bytes (see :class:`WarcPage`). Needs the
    ``cleanpress[warc]`` extra; raises ImportError naming it otherwise.
    """
    try:
        import fastwarc  # noqa: F401
    except ImportError as exc:
        raise ImportError("reading WARC files needs FastWARC: pip install 'cleanpress[warc]'") from exc
    return WarcPages(os.fspath(path), ok_only=ok_only,
                     max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)


def is_warc_path(path: str | os.PathLike[str]) -> bool:
    """True for the file names WARC archives go by (``.warc`` with an optional compression suffix)."""
    name = os.fspath(path).lower()
    return name.endswith((".warc", ".warc.gz", ".warc.zst", ".warc.lz4", ".arc.gz"))


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _looks_like_html(body: bytes) -> bool:
    """For a payload with no declared type: sniff the first bytes, as browsers do."""
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _dechunk(body: bytes) -> bytes:
    """Undo HTTP chunked transfer coding; bytes that are not chunked come back as they were."""
    out: list[bytes] = []
    pos = 0
    while True:
        end = body.find(b"\r\n", pos)
        if end < 0:
            return body
        size_field = body[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(out)
        start = end + 2
        if start + size > len(body):
            out.append(body[start:])  # truncated capture: keep what arrived
            return b"".join(out)
        out.append(body[start:start + size])
        pos = start + size + 2


def _decode_content(body: bytes, coding: str, limit: int = DEFAULT_MAX_BYTES) -> bytes:
    """Undo gzip/deflate/brotli content coding, inflating no further than ``limit`` bytes.

    On a lying header the bytes are kept as stored; past the limit,
    :class:`RecordTooLarge` is raised before more than ``limit + 1`` bytes exist.
    """
    if not body or coding in ("", "identity"):
        return body
    try:
        if "gzip" in coding or "deflate" in coding:
            if body[:2] == b"\x1f\x8b":
                return _inflate(zlib.decompressobj(wbits=31), body, limit)
            if "deflate" in coding:
                try:
                    return _inflate(zlib.decompressobj(wbits=15), body, limit)
                except zlib.error:
                    return _inflate(zlib.decompressobj(wbits=-15), body, limit)
            return body
        if "br" in coding:
            return _unbrotli(body, limit)
    except RecordTooLarge:
        raise
    except Exception:  # zlib.error, brotli.error, or brotli missing: keep the bytes as stored
        return body
    return body


def _too_large(coding: str, limit: int) -> RecordTooLarge:
    return RecordTooLarge(f"the record's {coding} content inflates past the limit of {limit:,} bytes")


def _inflate(inflater: Any, body: bytes, limit: int) -> bytes:
    """What ``inflater`` makes of ``body``, as ``inflater.decompress(body)`` would, up to ``limit`` bytes."""
    out = inflater.decompress(body, limit + 1)
    if len(out) > limit:
        raise _too_large("gzip/deflate", limit)
    return bytes(out)


def _unbrotli(body: bytes, limit: int) -> bytes:
    import brotli

    inflater = brotli.Decompressor()
    parts: list[bytes] = []
    size = 0
    for start in range(0, len(body), _STEP):
        part = inflater.process(body[start:start + _STEP], output_buffer_limit=limit + 1 - size)
        parts.append(part)
        size += len(part)
        while size <= limit and not inflater.is_finished() and inflater.can_accept_more_data() is False:
            part = inflater.process(b"", output_buffer_limit=limit + 1 - size)
            if not part:
                break
            parts.append(part)
            size += len(part)
        if size > limit:
            raise _too_large("brotli", limit)
    return b"".join(parts)
