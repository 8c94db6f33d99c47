"""read_warc holds every record to a size limit: bombs, oversized, chunked, truncated and lying records.

The archives are built here, small: a bomb of 100 MB of zeros compresses to
about 100 KB, and the tests read it with a limit of 1 MB.
"""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the cleanpress[warc] extra (FastWARC) is not installed")

from cleanpress import extract_many, read_warc
from cleanpress.batch.inputs import warc_records
from cleanpress.batch.records import BatchResult, PageRecord
from tests.test_warc import chunked, html_page, http_response, warc_record, write_warc

LIMIT = 1 << 20
MB = 1 << 20


def gzip_bomb(megabytes: int = 100) -> bytes:
    """A gzip stream of ``megabytes`` MB of zeros, compressed a megabyte at a time (about 1 KB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    return b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()


def response(uri: str, body: bytes, *headers: str, record_id: str | None = None) -> bytes:
    return warc_record("response", uri, http_response(body, headers=("Content-Type: text/html", *headers)),
                       record_id=record_id)


def good(n: int) -> bytes:
    return response(f"http://example.test/ok/{n}", html_page(n), record_id=f"<urn:uuid:ok-{n}>")


@pytest.mark.parametrize("name", ["bomb.warc", "bomb.warc.gz"])
def test_a_gzip_bomb_is_an_error_page_and_the_next_record_is_read(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, [good(0), response("http://example.test/bomb", gzip_bomb(),
                                                          "Content-Encoding: gzip"), good(1)])
    tracemalloc.start()
    pages = list(read_warc(path, max_bytes=LIMIT))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [page.url for page in pages] == ["http://example.test/ok/0", "http://example.test/bomb",
                                            "http://example.test/ok/1"]
    bomb = pages[1]
    assert bomb.html == b"" and "inflates past the limit of 1,048,576 bytes" in bomb.error
    assert pages[0].error == pages[2].error == "" and pages[2].html == html_page(1)
    assert peak < 8 * LIMIT  # never the 100 MB


def test_deflate_and_brotli_bombs_are_bounded_too(tmp_path: Path) -> None:
    brotli = pytest.importorskip("brotli")
    zeros = bytes(20 * MB)
    records = [response("http://example.test/deflate", zlib.compress(zeros, 9), "Content-Encoding: deflate"),
               response("http://example.test/raw-deflate", zlib.compress(zeros, 9)[2:-4], "Content-Encoding: deflate"),
               response("http://example.test/br", brotli.compress(zeros), "Content-Encoding: br"), good(0)]
    pages = list(read_warc(write_warc(tmp_path / "b.warc.gz", records), max_bytes=LIMIT))
    assert [bool(page.error) for page in pages] == [True, True, True, False]
    assert "brotli" in pages[2].error


def test_content_within_the_limit_still_inflates(tmp_path: Path) -> None:
    body = html_page(3)
    records = [response("http://example.test/gz", gzip.compress(body), "Content-Encoding: gzip"),
               response("http://example.test/br", __import__("brotli").compress(body), "Content-Encoding: br")]
    pages = list(read_warc(write_warc(tmp_path / "small.warc", records), max_bytes=LIMIT))
    assert [page.html for page in pages] == [body, body] and not any(page.error for page in pages)


def test_a_payload_stored_larger_than_the_limit_is_an_error_page(tmp_path: Path) -> None:
    big = b"<html><body><p>" + b"x" * (2 * LIMIT) + b"</p></body></html>"
    pages = list(read_warc(write_warc(tmp_path / "big.warc.gz", [response("http://example.test/big", big), good(0)]),
                           max_bytes=LIMIT))
    assert "payload is larger than the limit" in pages[0].error and pages[0].html == b""
    assert pages[1].html == html_page(0)


def test_a_chunked_bomb_is_bounded_and_chunked_pages_decode(tmp_path: Path) -> None:
    records = [response("http://example.test/chunked-bomb", chunked(gzip_bomb(20), 4096),
                        "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
               response("http://example.test/chunked", chunked(html_page(2), 7), "Transfer-Encoding: chunked"),
               response("http://example.test/bad-chunks", b"zz\r\n" + html_page(4), "Transfer-Encoding: chunked")]
    pages = list(read_warc(write_warc(tmp_path / "c.warc", records), max_bytes=LIMIT))
    assert "inflates past the limit" in pages[0].error
    assert pages[1].html == html_page(2)
    assert pages[2].html == b"zz\r\n" + html_page(4)  # not chunked after all: kept as it came


def _batch(path: Path) -> list[PageRecord | BatchResult]:
    return list(warc_records(str(path)))


def test_batch_input_turns_a_bomb_into_one_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleanpress.warc

    monkeypatch.setattr(cleanpress.warc, "DEFAULT_MAX_BYTES", LIMIT)
    path = write_warc(tmp_path / "bomb.warc.gz", [good(0), response("http://example.test/bomb", gzip_bomb(20),
                                                                    "Content-Encoding: gzip"), good(1)])
    records = list(read_warc(path))  # the default limit, patched above
    assert records[1].error
    got = _batch(path)
    assert [type(record).__name__ for record in got] == ["PageRecord", "BatchResult", "PageRecord"]
    error = got[1]
    assert isinstance(error, BatchResult) and error.error_type == "RecordTooLarge"
    assert error.url == "http://example.test/bomb" and "inflates past the limit" in error.error
    results = list(extract_many(read_warc(path), jobs=1))
    assert [result.ok for result in results] == [True, False, True]
    assert results[1].error_type == "RecordTooLarge"


def test_a_truncated_archive_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    whole = write_warc(tmp_path / "whole.warc.gz", [good(0), good(1), good(2)]).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    got = _batch(cut)
    keys = [record.key for record in got if isinstance(record, PageRecord)]
    assert keys[:1] == ["<urn:uuid:ok-0>"] and "<urn:uuid:ok-2>" not in keys
    assert all(isinstance(record, PageRecord) or record.error for record in got)


def test_corrupt_bytes_and_lying_lengths_cost_at_most_the_records_they_touch(tmp_path: Path) -> None:
    first, second, third = good(0), good(1), good(2)
    corrupt = tmp_path / "corrupt.warc"
    corrupt.write_bytes(first + b"\x00garbage\xff" * 100 + second + third)
    lying_short = second.replace(b"Content-Length: %d\r\n\r\nHTTP" % (len(second.split(b"\r\n\r\n", 1)[1]) - 4),
                                 b"Content-Length: 40\r\n\r\nHTTP")
    short = tmp_path / "short.warc"
    short.write_bytes(first + lying_short + third)
    long_record = third.replace(b"Content-Length: %d\r\n\r\nHTTP" % (len(third.split(b"\r\n\r\n", 1)[1]) - 4),
                                b"Content-Length: 99999999\r\n\r\nHTTP")
    long = tmp_path / "long.warc"
    long.write_bytes(first + second + long_record)
    for path in (corrupt, short, long):
        got = _batch(path)  # never raises, never hangs
        keys = [record.key for record in got if isinstance(record, PageRecord)]
        assert keys[0] == "<urn:uuid:ok-0>", path.name
        assert all(isinstance(record, PageRecord) or record.error for record in got)
