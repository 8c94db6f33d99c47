"""Batch runs under faults: a full disk, a vanishing output, bad input files and lines.

Each bad input record becomes one error record with a reason and the run goes
on; an output fault stops the run with a message and a non-zero exit, what was
written stays valid JSONL, and ``--resume`` completes it with every record once.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from cleanpress import batch_cli
from cleanpress.batch import writers

PAGE = "<html><body><article><p>{n}: a paragraph of prose, long enough to be an article's text.</p></article></body></html>"


def pages(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"p{n:03d}.html").write_text(PAGE.format(n=n))
    return folder


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_full_disk_stops_with_a_message_and_resume_completes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder, out = pages(tmp_path / "in", 8), tmp_path / "out.jsonl"
    real_write = writers.JsonlWriter.write
    calls = {"n": 0}

    def full_disk(self: writers.JsonlWriter, index: int, key: str, payload: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            assert self.handle is not None
            self.handle.write(payload[: len(payload) // 2])  # the disk took half a line
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(self, index, key, payload)

    monkeypatch.setattr(writers.JsonlWriter, "write", full_disk)
    status = batch_cli.main([str(folder), "-o", str(out), "-j", "1", "-q"])
    assert status != 0
    assert "No space left on device" in capsys.readouterr().err
    monkeypatch.setattr(writers.JsonlWriter, "write", real_write)
    assert batch_cli.main([str(folder), "-o", str(out), "-j", "1", "-q", "--resume"]) == 0
    keys = [record["key"] for record in lines(out)]
    assert keys == sorted(str(path) for path in folder.iterdir())


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = pages(tmp_path / "in", 2)
    (tmp_path / "file").write_text("not a folder")
    status = batch_cli.main([str(folder), "-o", str(tmp_path / "file" / "out.jsonl"), "-q"])
    assert status != 0
    assert "file" in capsys.readouterr().err


def test_an_output_file_removed_mid_run_is_an_error_not_silent_loss(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, out = pages(tmp_path / "in", 6), tmp_path / "gone" / "out.jsonl"
    real_write = writers.JsonlWriter.write
    calls = {"n": 0}

    def vanish(self: writers.JsonlWriter, index: int, key: str, payload: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            out.unlink()
            out.parent.rmdir()
        real_write(self, index, key, payload)

    monkeypatch.setattr(writers.JsonlWriter, "write", vanish)
    status = batch_cli.main([str(folder), "-o", str(out), "-j", "1", "-q"])
    assert status != 0
    assert "vanished" in capsys.readouterr().err


def test_bad_directory_entries_each_cost_one_error_record(tmp_path: Path) -> None:
    folder = pages(tmp_path / "in", 2)
    (folder / "loop.html").symlink_to(folder / "loop.html")
    os.mkfifo(folder / "fifo.html")  # opening it would wait for a writer forever
    (folder / "dangling.html").symlink_to(folder / "missing.html")
    out = tmp_path / "out.jsonl"
    status = batch_cli.main([str(folder), "-o", str(out), "-j", "1", "-q"])
    records = {Path(record["key"]).name: record for record in lines(out)}
    assert set(records) == {"p000.html", "p001.html", "loop.html", "fifo.html", "dangling.html"}
    for name in ("loop.html", "fifo.html", "dangling.html"):
        assert records[name]["error"], name
    assert "not a regular file" in records["fifo.html"]["error"]
    assert records["p000.html"]["error"] is None
    assert status != 0  # unreadable inputs are reported in the exit code


def test_jsonl_broken_huge_and_mistyped_lines_each_cost_one_error_record(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from cleanpress.batch import inputs

    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 10_000)
    source = tmp_path / "in.jsonl"
    good = json.dumps({"key": "good", "html": PAGE.format(n=1)})
    source.write_text("\n".join([
        good, "{broken", json.dumps([1, 2]), json.dumps({"key": "nohtml", "html": 5}),
        json.dumps({"key": "huge", "html": "x" * 50_000}), "\x00\xff", json.dumps({"key": "last", "html": PAGE.format(n=2)}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    batch_cli.main([str(source), "-o", str(out), "-j", "1", "-q"])
    records = lines(out)
    assert len(records) == 7
    assert [record["error"] is None for record in records] == [True, False, False, False, False, False, True]
    assert "longer than" in records[4]["error"]


_TIMEOUT_SCRIPT = '''
import sys, time
from cleanpress import extract_many
from cleanpress.batch.records import PageRecord

def slow(result):
    if result.article is not None and "SLOW" in (result.article.title or ""):
        time.sleep(60)
    return (result.error_type, "x" * 4_000_000)  # large results fill the pipes to the parent

def pages():
    body = "<p>" + "word " * 200_000 + "</p>"
    for n in range(6):
        yield PageRecord(str(n), f"<html><head><title>{'SLOW' if n % 3 == 0 else 'fast'} {n}</title></head>"
                                 f"<body>{body}</body></html>")

if __name__ == "__main__":  # workers started by forkserver or spawn import this file again
    results = list(extract_many(pages(), jobs=2, timeout=1.5, transform=slow))
    print(",".join(kind or "ok" for kind, _ in results), flush=True)
'''


def test_a_run_with_timeouts_and_large_results_exits_after_its_last_record(tmp_path: Path) -> None:
    """Workers stopped mid-page must not keep the process alive once every record is out."""
    import subprocess
    import sys

    script = tmp_path / "timeouts.py"
    script.write_text(_TIMEOUT_SCRIPT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "Timeout,ok,ok,Timeout,ok,ok"
