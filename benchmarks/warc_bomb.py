"""Peak memory of a batch run over a WARC decompression bomb.

Run from the repository root::

    python -m benchmarks.warc_bomb                 # a 1 GB bomb, this tree's code
    python -m benchmarks.warc_bomb --src /other/checkout/src --gigabytes 1

Builds ``bomb.warc.gz`` in a temporary folder: one good page, one response
whose ``Content-Encoding: gzip`` payload inflates to ``--gigabytes`` of zeros
(about 1 MB on disk per GB), one more good page. Then runs ``cleanpress batch
bomb.warc.gz -o out.jsonl -j 2`` in a child process and reports its wall time,
exit code, the records written, and the peak resident memory of the largest
process of the run (``ru_maxrss`` of the waited-for children: the parent or a
worker, whichever peaked higher).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1 << 20


def _record(uri: str, body: bytes, *headers: str) -> bytes:
    http = ("\r\n".join(["HTTP/1.1 200 OK", "Content-Type: text/html", *headers, f"Content-Length: {len(body)}"])
            + "\r\n\r\n").encode() + body
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri.rsplit('/', 1)[-1]}>\r\n"
            f"WARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return zlib.compress(head.encode() + http + b"\r\n\r\n", 6, wbits=31)


def build(path: Path, gigabytes: float) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MB)
    bomb = b"".join(packer.compress(block) for _ in range(int(gigabytes * 1024))) + packer.flush()
    page = b"<html><body><article>" + b"<p>A paragraph of the good page, long enough to keep.</p>" * 8 + b"</article>"
    path.write_bytes(_record("http://example.test/good-1", page) + _record("http://example.test/bomb", bomb,
                                                                          "Content-Encoding: gzip")
                     + _record("http://example.test/good-2", page))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--src", default=str(HERE.parent / "src"), help="the cleanpress source tree to run")
    parser.add_argument("--jobs", default="2")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        bomb, out = Path(folder) / "bomb.warc.gz", Path(folder) / "out.jsonl"
        build(bomb, args.gigabytes)
        env = {**os.environ, "PYTHONPATH": args.src}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "cleanpress", "batch", str(bomb), "-o", str(out),
                               "-j", args.jobs], env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        lines = out.read_text().splitlines() if out.exists() else []
        errors = [json.loads(line).get("error") for line in lines]
        print(f"bomb {args.gigabytes:g} GB inflated ({bomb.stat().st_size / MB:.1f} MB on disk), src {args.src}")
        print(f"exit {done.returncode}, {seconds:.1f} s, peak RSS {peak_mb:.0f} MB, {len(lines)} records, "
              f"errors: {[e for e in errors if e]}")
        if done.stderr.strip():
            print("stderr:", done.stderr.strip()[-400:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
