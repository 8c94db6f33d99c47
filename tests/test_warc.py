"""read_warc on WARC files written here, byte by byte, as crawlers write them."""

from __future__ import annotations

import gzip
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the cleanpress[warc] extra (FastWARC) is not installed")

from cleanpress import extract, extract_many, read_warc  # noqa: E402
from cleanpress.batch import BatchResult  # noqa: E402
from cleanpress.warc import WarcPage, is_warc_path  # noqa: E402

DATE = "2025-03-04T05:06:07Z"


def direct(page: object, **kwargs: object) -> tuple[object, str]:
    """What a direct extract() call gives: (article, "") or (None, exception type name)."""
    try:
        return extract(page, **kwargs), ""  # type: ignore[arg-type]
    except Exception as exc:  # the batch must report whatever extract raises, as a record
        return None, type(exc).__name__


def outcome(result: BatchResult) -> tuple[object, str]:
    return result.article, result.error_type


def warc_record(kind: str, uri: str, block: bytes, *, content_type: str = "application/http; msgtype=response",
                record_id: str | None = None) -> bytes:
    """One WARC/1.1 record: header, block, and the two CRLFs that close it."""
    rid = record_id or f"<urn:uuid:{uuid.uuid4()}>"
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {rid}\r\nWARC-Date: {DATE}\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http_response(body: bytes, *, status: str = "200 OK",
                  headers: Sequence[str] = ("Content-Type: text/html",)) -> bytes:
    lines = [f"HTTP/1.1 {status}", *headers, f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body: bytes, size: int = 50) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def html_page(n: int, charset: str = "utf-8") -> bytes:
    paragraphs = "".join(f"<p>Paragraph {k} of page {n}: caf\u00e9 prose that goes on for a while.</p>"
                         for k in range(4))
    page = f"<html><head><title>Page {n}</title></head><body><article>{paragraphs}</article></body></html>"
    return page.encode(charset)


def write_warc(path: Path, records: Sequence[bytes]) -> Path:
    """Write records as a .warc, or as a .warc.gz with one gzip member per record (the standard way)."""
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(record) for record in records))
    else:
        path.write_bytes(b"".join(records))
    return path


def sample_records(prefix: str = "a", pages: int = 3) -> list[bytes]:
    """A small crawl: warcinfo, request/response pairs, and the records a reader must skip."""
    records = [warc_record("warcinfo", "", b"software: tests\r\n", content_type="application/warc-fields")]
    for n in range(pages):
        url = f"http://example.test/{prefix}/{n}"
        records.append(warc_record("request", url, b"GET / HTTP/1.1\r\n\r\n",
                                   content_type="application/http; msgtype=request"))
        records.append(warc_record("response", url, http_response(html_page(n)),
                                   record_id=f"<urn:uuid:{prefix}-{n}>"))
    records.append(warc_record("response", f"http://example.test/{prefix}/logo.png",
                               http_response(b"\x89PNG...", headers=("Content-Type: image/png",))))
    records.append(warc_record("response", f"http://example.test/{prefix}/gone",
                               http_response(b"<html>moved</html>", status="301 Moved Permanently",
                                             headers=("Content-Type: text/html", "Location: /"))))
    return records


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_yields_html_responses_and_counts_what_it_skips(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, sample_records())
    pages = read_warc(path)
    got = list(pages)
    assert [page.record_id for page in got] == ["<urn:uuid:a-0>", "<urn:uuid:a-1>", "<urn:uuid:a-2>"]
    first = got[0]
    assert first.url == "http://example.test/a/0"
    assert first.status == 200
    assert first.date == DATE
    assert first.html == html_page(0)
    assert first.content_type == "text/html"
    # warcinfo + 3 requests, the PNG, and the 301
    assert pages.skipped == 6
    assert pages.skipped_by_reason == {"not-a-response": 4, "not-html": 1, "http-status": 1}


def test_ok_only_false_keeps_non_2xx_html(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc", sample_records())
    pages = read_warc(path, ok_only=False)
    statuses = [page.status for page in pages]
    assert statuses == [200, 200, 200, 301]
    assert pages.skipped_by_reason["http-status"] == 0


def test_charset_from_content_type_is_the_encoding(tmp_path: Path) -> None:
    body = html_page(7, "iso-8859-1")
    record = warc_record("response", "http://example.test/latin",
                         http_response(body, headers=('Content-Type: text/html; charset="ISO-8859-1"',)))
    (page,) = read_warc(write_warc(tmp_path / "latin.warc", [record]))
    assert page.encoding == "ISO-8859-1"
    assert page.html == body


def test_chunked_and_gzip_payloads_are_decoded(tmp_path: Path) -> None:
    body = html_page(1)
    payload = chunked(gzip.compress(body))
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + payload)
    (page,) = read_warc(write_warc(tmp_path / "enc.warc.gz", [warc_record("response", "http://e.test/", http)]))
    assert page.html == body
    assert page.encoding == "utf-8"


def test_a_lying_content_encoding_does_not_hide_later_records(tmp_path: Path) -> None:
    liar = http_response(html_page(1), headers=("Content-Type: text/html", "Content-Encoding: gzip"))
    honest = http_response(html_page(2))
    path = write_warc(tmp_path / "liar.warc", [warc_record("response", "http://e.test/1", liar),
                                               warc_record("response", "http://e.test/2", honest)])
    assert [page.html for page in read_warc(path)] == [html_page(1), html_page(2)]


def test_untyped_html_is_sniffed_and_resource_records_count(tmp_path: Path) -> None:
    untyped = warc_record("response", "http://e.test/untyped", http_response(html_page(3), headers=()))
    resource = warc_record("resource", "file:///saved.html", html_page(4), content_type="text/html; charset=utf-8")
    pages = list(read_warc(write_warc(tmp_path / "mixed.warc", [untyped, resource])))
    assert [page.html for page in pages] == [html_page(3), html_page(4)]
    assert pages[1].encoding == "utf-8"


def test_pages_feed_extract_many_with_url_and_encoding(tmp_path: Path) -> None:
    body = html_page(5, "iso-8859-1")
    record = warc_record("response", "http://example.test/feed",
                         http_response(body, headers=("Content-Type: text/html; charset=iso-8859-1",)),
                         record_id="<urn:uuid:feed>")
    path = write_warc(tmp_path / "feed.warc", [record])
    (result,) = extract_many(read_warc(path), jobs=1)
    assert result.key == "<urn:uuid:feed>"
    assert result.url == "http://example.test/feed"
    assert result.meta == {"record_id": "<urn:uuid:feed>", "date": DATE, "status": 200}
    assert outcome(result) == direct(body, url="http://example.test/feed", encoding="iso-8859-1")


def test_garbage_raises_oserror(tmp_path: Path) -> None:
    path = tmp_path / "garbage.warc"
    path.write_bytes(b"this is not a WARC file\n" * 20)
    with pytest.raises(OSError):
        list(read_warc(path))


def test_warc_names() -> None:
    assert all(is_warc_path(name) for name in ["a.warc", "B.WARC.GZ", "c.warc.zst"])
    assert not any(is_warc_path(name) for name in ["a.html", "warc.jsonl", "a.warc.txt"])


def test_warc_page_key_is_the_record_id() -> None:
    page = WarcPage("http://e.test/", "<urn:uuid:x>", DATE, 200, None, b"<p>x</p>")
    assert page.key == "<urn:uuid:x>"


def test_without_fastwarc_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    with pytest.raises(ImportError, match=r"cleanpress\[warc\]"):
        read_warc(tmp_path / "any.warc")
