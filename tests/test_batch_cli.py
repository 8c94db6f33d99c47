"""``cleanpress batch``: input kinds, output formats, exit status, resume after a kill, Ctrl-C."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_warc import sample_records, write_warc  # tests/ is on sys.path under pytest

from cleanpress import extract
from cleanpress.batch import writers
from cleanpress.batch.progress import Progress
from cleanpress.batch_cli import main

REPO = Path(__file__).resolve().parents[1]


def page(n: int) -> str:
    body = "".join(f"<p>Item {n}, paragraph {k}: a sentence long enough to be kept as prose.</p>" for k in range(3))
    return f"<html><head><title>Item {n}</title></head><body><article>{body}</article></body></html>"


def direct_dict(page: object, **kwargs: Any) -> tuple[Any, str | None]:
    """(article dict as the JSONL holds it, error type) for a direct extract() call."""
    try:
        article = extract(page, **kwargs)  # type: ignore[arg-type]
    except Exception as exc:  # the batch must report whatever extract raises, as a record
        return None, type(exc).__name__
    return json.loads(json.dumps(article.to_dict(), ensure_ascii=False)), None


def line_outcome(line: dict[str, Any]) -> tuple[Any, str | None]:
    return line["article"], line["error_type"]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().err


@pytest.fixture()
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Inputs of every kind, in a working directory of their own so keys are short relative paths."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages" / "sub").mkdir(parents=True)
    (tmp_path / "pages" / "b.html").write_text(page(2), encoding="utf-8")
    (tmp_path / "pages" / "a.html").write_text(page(1), encoding="utf-8")
    (tmp_path / "pages" / "z.html.gz").write_bytes(gzip.compress(page(26).encode()))
    (tmp_path / "pages" / "sub" / "c.htm").write_text(page(3), encoding="utf-8")
    (tmp_path / "pages" / ".hidden.html").write_text(page(99), encoding="utf-8")
    (tmp_path / "pages" / "logo.png").write_bytes(b"\x89PNG not a page")
    (tmp_path / "more").mkdir()
    for name in ("y.html", "x.html"):
        (tmp_path / "more" / name).write_text(page(ord(name[0])), encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", sample_records("w", pages=2))
    lines = [json.dumps({"id": "j1", "html": page(10), "url": "http://j.test/1"}), "",
             json.dumps({"html": page(11)}), "{not json", json.dumps({"id": "j4"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


ALL_INPUTS = ("pages", "crawl.warc.gz", "feed.jsonl", "more/*.html")
EXPECTED_KEYS = ["pages/a.html", "pages/b.html", "pages/z.html.gz", "pages/sub/c.htm",
                 "<urn:uuid:w-0>", "<urn:uuid:w-1>", "j1", "feed.jsonl:3", "feed.jsonl:4", "j4",
                 "more/x.html", "more/y.html"]


def test_every_input_kind_in_deterministic_order(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = run(capsys, *ALL_INPUTS, "-o", "out.jsonl", "-j", "1", "--fields", "default,source,status,article")
    assert status == 0, err
    lines = read_jsonl(tree / "out.jsonl")
    assert [line["key"] for line in lines] == EXPECTED_KEYS
    by_key = {line["key"]: line for line in lines}
    assert line_outcome(by_key["pages/a.html"]) == direct_dict(page(1).encode())
    assert line_outcome(by_key["pages/z.html.gz"]) == direct_dict(page(26).encode())
    assert line_outcome(by_key["j1"]) == direct_dict(page(10), url="http://j.test/1")
    warc_line = by_key["<urn:uuid:w-0>"]
    assert (warc_line["url"], warc_line["source"], warc_line["status"]) == (
        "http://example.test/w/0", "crawl.warc.gz", 200)
    assert by_key["feed.jsonl:4"]["error_type"] == "InvalidJSON"
    assert by_key["j4"]["error_type"] == "MissingHTML"
    assert "12 records" in err and "errors" in err


def test_two_jobs_write_the_same_file_as_one(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *ALL_INPUTS, "-o", "one.jsonl", "-j", "1")[0] == 0
    assert run(capsys, *ALL_INPUTS, "-o", "two.jsonl", "-j", "2", "--quiet") == (0, "")
    assert (tree / "one.jsonl").read_bytes() == (tree / "two.jsonl").read_bytes()
    assert run(capsys, *ALL_INPUTS, "-o", "timed.jsonl", "-j", "1", "--timeout", "60", "--quiet") == (0, "")
    assert (tree / "one.jsonl").read_bytes() == (tree / "timed.jsonl").read_bytes()


def test_jsonl_to_standard_output(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pages", "-o", "-", "-j", "1", "--quiet"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["key"] for line in lines] == EXPECTED_KEYS[:4]
    assert main(["pages", "-o", "-", "--resume"]) == 2


@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_directory_formats_write_one_file_per_article_and_a_manifest(
        tree: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert run(capsys, "pages", "feed.jsonl", "-o", "out", "--output-format", fmt, "-j", "1")[0] == 0
    manifest = read_jsonl(tree / "out" / "manifest.jsonl")
    assert [entry["key"] for entry in manifest] == EXPECTED_KEYS[:4] + EXPECTED_KEYS[6:10]
    first = manifest[0]
    article, _ = direct_dict(page(1).encode())
    if article is None:
        assert "file" not in first
        return
    body = (tree / "out" / first["file"]).read_text(encoding="utf-8")
    assert first["file"].startswith("00000000-") and first["file"].endswith("." + fmt)
    if fmt == "txt":
        assert body == "\n\n".join(filter(None, [article["title"], article["text"]])) + "\n"
    elif fmt == "md":
        assert body == article["markdown"] + "\n"
    else:
        assert json.loads(body)["article"] == article
    assert all("file" not in entry for entry in manifest if entry["error"])


def test_parquet_parts_and_resume(tree: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the cleanpress[parquet] extra is not installed")
    monkeypatch.setattr(writers, "PARQUET_PART_ROWS", 3)
    assert run(capsys, *ALL_INPUTS, "-o", "out.parquet", "-j", "1")[0] == 0
    parts = sorted((tree / "out.parquet").glob("part-*.parquet"))
    assert len(parts) == 4
    full = pq.read_table(tree / "out.parquet").to_pylist()
    assert [row["key"] for row in full] == EXPECTED_KEYS
    parts[-1].unlink()  # as if killed before the last part was committed
    (tree / "out.parquet" / ".part-00003.parquet.tmp").write_bytes(b"torn")
    status, err = run(capsys, *ALL_INPUTS, "-o", "out.parquet", "-j", "1", "--resume")
    assert status == 0, err
    assert "resumed after 9 records" in err
    assert pq.read_table(tree / "out.parquet").to_pylist() == full


def test_missing_inputs_exit_1_with_a_message(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = run(capsys, "pages", "nothing-here.html", "-o", "out.jsonl")
    assert status == 1 and "nothing-here.html" in err and "no such file" in err
    status, err = run(capsys, "nomatch/*.html", "-o", "out.jsonl")
    assert status == 1 and "matches no file" in err
    (tree / "empty-folder").mkdir()
    status, err = run(capsys, "empty-folder", "-o", "out.jsonl")
    assert status == 1 and "empty-folder" in err and "no page" in err
    status, err = run(capsys, "pages", "https://news.example/a?b=1", "-o", "out.jsonl")
    assert status == 1 and "never fetches" in err
    assert not (tree / "out.jsonl").exists()


def test_usage_errors_exit_2_with_a_message(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pages", "-o", "out.jsonl", "-j", "1")[0] == 0
    status, err = run(capsys, "pages", "-o", "out.jsonl", "-j", "1")
    assert status == 2 and "--resume" in err and "--overwrite" in err
    assert run(capsys, "pages", "-o", "out.jsonl", "-j", "1", "--overwrite")[0] == 0
    assert run(capsys, "pages", "-o", "out.jsonl", "-j", "0")[0] == 2
    assert run(capsys, "pages", "-o", "out.jsonl", "--timeout", "0")[0] == 2


def test_unreadable_inputs_are_recorded_and_exit_1(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "broken.html.gz").write_bytes(b"not gzip at all")
    (tree / "broken.warc").write_bytes(b"not a warc either\n" * 10)
    status, err = run(capsys, "pages/a.html", "broken.html.gz", "broken.warc", "pages/b.html",
                      "-o", "out.jsonl", "-j", "2")
    assert status == 1
    lines = read_jsonl(tree / "out.jsonl")
    assert [line["key"] for line in lines] == ["pages/a.html", "broken.html.gz", "broken.warc", "pages/b.html"]
    assert [line["error_type"] for line in lines[1:3]] == ["UnreadableInput"] * 2
    assert "cannot read broken.html.gz" in err and "cannot read broken.warc" in err


def test_fail_fast_stops_at_the_first_error(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "broken.html.gz").write_bytes(b"not gzip at all")
    status, err = run(capsys, "pages/a.html", "broken.html.gz", "pages/b.html", "-o", "out.jsonl", "-j", "1",
                      "--fail-fast")
    assert status == 1 and "--fail-fast" in err and "broken.html.gz" in err
    assert [line["key"] for line in read_jsonl(tree / "out.jsonl")] == ["pages/a.html", "broken.html.gz"]


def test_resume_cuts_a_torn_line_and_skips_what_is_done(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, *ALL_INPUTS, "-o", "full.jsonl", "-j", "1")[0] == 0
    full = (tree / "full.jsonl").read_bytes()
    lines = full.splitlines(keepends=True)
    (tree / "part.jsonl").write_bytes(b"".join(lines[:5]) + lines[5][:17])  # killed mid-line
    status, err = run(capsys, *ALL_INPUTS, "-o", "part.jsonl", "-j", "2", "--resume")
    assert status == 0, err
    assert "resumed after 5 records" in err and "7 records" in err
    assert (tree / "part.jsonl").read_bytes() == full


def test_resume_refuses_different_inputs(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "pages", "-o", "out.jsonl", "-j", "1")[0] == 0
    status, err = run(capsys, "more", "-o", "out.jsonl", "-j", "1", "--resume")
    assert status == 2 and "not the inputs" in err
    status, err = run(capsys, "more", "pages", "-o", "out.jsonl", "-j", "1", "--resume")
    assert status == 2 and "cannot resume" in err and "pages/sub/c.htm" in err


def test_progress_line_shows_rate_errors_and_eta() -> None:
    stream = io.StringIO()
    progress = Progress(10, show=True, stream=stream)
    progress.add("article")
    progress.add("error")
    line = progress.line(time.monotonic() + 1)
    assert "2/10" in line and "/s" in line and "1 errors" in line and "ETA" in line
    assert "\r" in stream.getvalue()
    assert "ETA" not in Progress(None, show=False, stream=stream).line(time.monotonic() + 1)
    assert "1 articles, 0 empty, 1 errors" in progress.summary()


# --- killed and interrupted runs, in a real subprocess ------------------------------

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/proc/self/stat").exists(),
                                 reason="needs POSIX named pipes and /proc to watch worker processes")


def _records(count: int) -> list[str]:
    return [json.dumps({"id": f"r{n:03d}", "html": page(n)}) + "\n" for n in range(count)]


def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found: set[int] = set()
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.update(children)
        frontier.extend(children)
    return found


def alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _kill_leftovers(pids: set[int]) -> None:
    """Whatever the outcome, leave no process of this test behind."""
    for pid in alive(pids):
        os.kill(pid, signal.SIGKILL)


def _wait_for(condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def _line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _start_on_a_pipe(tmp_path: Path, records: list[str], fed: int) -> tuple[subprocess.Popen[bytes], int]:
    """Start the CLI reading a named pipe, feed it ``fed`` records and keep the pipe open.

    The run cannot finish while the pipe is open, so the test decides when it
    is interrupted, whatever the speed of extraction.
    """
    feed = tmp_path / "feed.jsonl"
    os.mkfifo(feed)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen([sys.executable, "-m", "cleanpress", "batch", "feed.jsonl", "-o", "out.jsonl",
                                "-j", "2"], cwd=tmp_path, env=env, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 20
    while True:
        try:
            writer = os.open(feed, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as exc:  # no reader yet
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise AssertionError("the batch command never opened its input") from exc
            time.sleep(0.02)
    os.set_blocking(writer, True)
    os.write(writer, "".join(records[:fed]).encode())
    return process, writer


def _finish_with_resume(tmp_path: Path, records: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Replace the pipe by the whole input, resume, and check the output against a fresh run."""
    feed = tmp_path / "feed.jsonl"
    feed.unlink()
    feed.write_text("".join(records), encoding="utf-8")
    os.chdir(tmp_path)
    status, err = run(capsys, "feed.jsonl", "-o", "out.jsonl", "-j", "2", "--resume")
    assert status == 0, err
    assert run(capsys, "feed.jsonl", "-o", "fresh.jsonl", "-j", "1")[0] == 0
    keys = [line["key"] for line in read_jsonl(tmp_path / "out.jsonl")]
    assert keys == [f"r{n:03d}" for n in range(len(records))]  # no duplicate, no gap, in order
    assert read_jsonl(tmp_path / "out.jsonl") == read_jsonl(tmp_path / "fresh.jsonl")


@needs_posix
def test_resume_after_sigkill_has_no_duplicates_and_no_gaps(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    records = _records(60)
    process, writer = _start_on_a_pipe(tmp_path, records, fed=30)
    try:
        _wait_for(lambda: _line_count(tmp_path / "out.jsonl") >= 10, "the first output lines")
        workers = descendants(process.pid)
        assert workers, "expected worker processes"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        os.close(writer)
        if process.poll() is None:
            process.kill()
    with open(tmp_path / "out.jsonl", "ab") as out:
        out.write(b'{"key": "r9')  # a line torn by the kill
    try:
        _wait_for(lambda: not alive(workers), "orphaned workers to exit", timeout=10)
    finally:
        _kill_leftovers(workers)
    _finish_with_resume(tmp_path, records, capsys)


@needs_posix
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_ctrl_c_stops_cleanly_without_orphans_and_resumes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.chdir(tmp_path)
    records = _records(40)
    process, writer = _start_on_a_pipe(tmp_path, records, fed=25)
    try:
        _wait_for(lambda: _line_count(tmp_path / "out.jsonl") >= 5, "the first output lines")
        workers = descendants(process.pid)
        if how == "ctrl-c":
            os.killpg(process.pid, signal.SIGINT)  # what a terminal sends: the whole process group
        else:
            process.terminate()  # what a job scheduler sends: the parent only
        _, err = process.communicate(timeout=20)
    finally:
        os.close(writer)
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err.decode()
    assert b"--resume" in err and b"Traceback" not in err
    assert (b"interrupted" if how == "ctrl-c" else b"terminated") in err
    try:
        _wait_for(lambda: not alive(workers), "workers to exit", timeout=5)
    finally:
        _kill_leftovers(workers)
    lines = (tmp_path / "out.jsonl").read_bytes()
    assert lines.endswith(b"\n")
    _finish_with_resume(tmp_path, records, capsys)


def test_encoding_applies_to_records_without_one_of_their_own(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "Река поднялась более чем на два метра за ночь, затопив нижнюю часть города, и сотни семей ушли."
    page_bytes = f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>".encode("cp1251")
    (tmp_path / "page.html").write_bytes(page_bytes)
    assert main(["page.html", "-o", "-", "-j", "1", "--quiet", "--encoding", "cp1251"]) == 0
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert body in line["text"]


# --- standard input, fields, file names, options ------------------------------------

def test_dash_reads_jsonl_or_one_page_from_standard_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    feed = "\n" + "".join(_records(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed.encode())))
    assert main(["-", "-o", "-", "-j", "1", "--quiet"]) == 0
    lines = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert [line["key"] for line in lines] == ["r000", "r001", "r002"]
    assert lines[1]["text"] == extract(page(1)).text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page(7).encode())))
    assert main(["-", "-o", "-", "-j", "1", "--quiet"]) == 0
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert (line["key"], line["title"], line["text"]) == ("-", "Item 7", extract(page(7)).text)


def test_batch_dash_dash_in_a_real_process() -> None:
    result = subprocess.run([sys.executable, "-m", "cleanpress", "batch", "-", "--output", "-", "-j", "1"],
                            input=page(4), capture_output=True, text=True, timeout=60, check=False,
                            env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Item 4"


def test_default_fields_are_lean_and_equal_a_full_extraction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The default record leaves markup out, and skipping its rendering changes none of its values."""
    from cleanpress.batch.records import DEFAULT_FIELDS

    monkeypatch.chdir(tmp_path)
    pages = sorted((REPO / "fixtures" / "pages").glob("*.html"))
    assert main([*map(str, pages), "-o", "out.jsonl", "-j", "1", "--quiet"]) == 0
    lines = read_jsonl(tmp_path / "out.jsonl")
    for path, line in zip(pages, lines):
        assert list(line) == ["key", *DEFAULT_FIELDS]
        article = extract(path.read_bytes())
        assert {name: line[name] for name in ("title", "byline", "published", "lang", "text", "confidence")} == {
            name: getattr(article, name) for name in ("title", "byline", "published", "lang", "text", "confidence")}
        assert line["error_type"] is None and line["error"] is None


def test_fields_choose_what_a_record_holds(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pages/a.html", "-o", "-", "-j", "1", "--quiet", "--fields", "title,removed"]) == 0
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    article = extract(page(1).encode())
    assert line == {"key": "pages/a.html", "title": "Item 1",
                    "removed": json.loads(json.dumps(article.to_dict()["removed"]))}
    assert main(["pages/a.html", "-o", "-", "-j", "1", "--quiet", "--fields", "all"]) == 0
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert {"blocks", "removed", "html", "markdown", "authors", "record_id"} <= set(line) and "article" not in line
    assert line["markdown"] == article.markdown and line["html"] == article.html


def test_fields_article_reads_back_with_from_dict(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cleanpress import Article

    assert main(["pages", "-o", "-", "-j", "1", "--quiet", "--fields", "article"]) == 0
    lines = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert Article.from_dict(lines[0]["article"]) == extract(page(1).encode())


def test_bad_fields_are_usage_errors(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = run(capsys, "pages", "-o", "out.jsonl", "--fields", "title,colour")
    assert status == 2 and "colour" in err and "known:" in err
    status, err = run(capsys, "pages", "-o", "out", "--output-format", "md", "--fields", "title")
    assert status == 2 and "--fields" in err
    assert not (tree / "out.jsonl").exists() and not (tree / "out").exists()


def test_markdown_files_are_named_after_their_titles(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "".join(f"<p>Paragraph {k}: a sentence long enough to be kept as prose in the article.</p>"
                   for k in range(3))
    titled = "<html><head><title>{}</title></head><body><article>" + body + "</article></body></html>"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "1.html").write_text(titled.format("Река/поднялась: 2024?  <Update>"), encoding="utf-8")
    (tmp_path / "in" / "2.html").write_text(titled.format("Same title"), encoding="utf-8")
    (tmp_path / "in" / "3.html").write_text(titled.format("Same title"), encoding="utf-8")
    (tmp_path / "in" / "4.html").write_text(titled.format("x" * 50 + " " + "y" * 50), encoding="utf-8")
    assert main(["in", "-o", "out", "--output-format", "md", "-j", "1", "--quiet"]) == 0
    names = [entry["file"] for entry in read_jsonl(tmp_path / "out" / "manifest.jsonl")]
    assert names == ["00000000-река-поднялась-2024-update.md", "00000001-same-title.md",
                     "00000002-same-title.md", "00000003-" + "x" * 50 + ".md"]
    assert sorted(path.name for path in (tmp_path / "out").glob("*.md")) == names


def test_unknown_rule_or_encoding_stops_before_any_page(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, err = run(capsys, "pages", "-o", "out.jsonl", "--disable", "text.no-such-rule")
    assert status == 2 and "text.no-such-rule" in err and "cleanpress rules" in err
    status, err = run(capsys, "pages", "-o", "out.jsonl", "--encoding", "klingon")
    assert status == 2 and "klingon" in err
    assert not (tree / "out.jsonl").exists()


def test_option_flags_reach_every_record(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = ("<html><body><article>" + "<p>A sentence long enough to be kept as prose in this article.</p>" * 3
             + "<table><tr><th>Port</th><th>Status</th></tr><tr><td>Inner</td><td>Closed</td></tr></table>"
             "</article></body></html>")
    (tree / "table.html").write_text(table, encoding="utf-8")
    assert main(["table.html", "-o", "-", "-j", "1", "--quiet", "--no-tables"]) == 0
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert line["text"] == extract(table.encode(), keep_tables=False).text != extract(table.encode()).text


def test_inputs_with_no_page_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    status, err = run(capsys, "empty.jsonl", "-o", "out.jsonl", "--quiet")
    assert status == 0 and "no page" in err
