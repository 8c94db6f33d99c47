"""The ``cleanpress`` command: run as ``python -m cleanpress`` in a subprocess, plus in-process checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleanpress
from cleanpress.cli import main

P1 = ("The harbour was closed on Saturday as the storm drove waves over the sea wall, and the port "
      "authority said no ferries would sail before Monday at the earliest.")
P2 = ("Fishermen who had tied up their boats in the inner basin spent the night checking the lines, and "
      "several said they had not seen seas like it in twenty years.")
TITLE = "Harbour closed as storm batters the coast"
PAGE = (f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{TITLE}</h1><p>{P1}</p><p>Share this article</p>"
        f"<p>{P2} See <a href='/map'>the map</a> of the <em>closures</em>.</p><p>Read more</p></article>"
        "<footer>© 2024 Ledger. All rights reserved.</footer></body></html>")


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleanpress", *args], input=stdin.decode() if stdin else None,
                          capture_output=True, text=True, timeout=60, encoding="utf-8", check=False)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_default_output_is_title_and_text(page_file: Path) -> None:
    result = _run(str(page_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{TITLE}\n\n{cleanpress.extract(PAGE).text}\n"
    assert "Share this article" not in result.stdout and "Home" not in result.stdout
    assert result.stderr == ""


def test_json_output_is_the_article(page_file: Path) -> None:
    result = _run(str(page_file), "--format", "json", "--url", "https://ledger.example/harbour")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == json.loads(cleanpress.extract(PAGE, url="https://ledger.example/harbour").to_json())
    assert data["title"] == TITLE and P1 in data["text"]
    assert any(removal["kind"] == "share-bar" for removal in data["removed"])


def test_markdown_output_resolves_links(page_file: Path) -> None:
    result = _run(str(page_file), "--format", "markdown", "--url", "https://ledger.example/2024/harbour")
    assert result.returncode == 0, result.stderr
    assert "[the map](https://ledger.example/map)" in result.stdout
    assert "*closures*" in result.stdout


def test_html_output_is_sanitized_body(page_file: Path) -> None:
    from cleanpress.sanitize import is_safe_html

    result = _run(str(page_file), "--format", "html")
    assert result.returncode == 0, result.stderr
    assert f"<p>{P1}</p>" in result.stdout
    assert "<nav" not in result.stdout and is_safe_html(result.stdout)


def test_explain_lists_removals_on_stderr(page_file: Path) -> None:
    result = _run(str(page_file), "--explain")
    assert result.returncode == 0
    assert result.stdout.startswith(TITLE)
    lines = result.stderr.splitlines()
    article = cleanpress.extract(PAGE)
    assert len(lines) == len(article.removed)
    for line, removal in zip(lines, article.removed):
        assert line.split()[:3] == ["removed", removal.kind, removal.rule]
    assert any("text.share" in line and "Share this article" in line for line in lines)


def test_explain_list_follows_the_article_in_one_pipe(page_file: Path) -> None:
    """With stdout and stderr in one pipe (``2>&1``), the whole article comes before the first removal.

    Python buffers stdout when it is a pipe, so this holds only if the command flushes it first.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, "-m", "cleanpress", str(page_file), "--explain"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, timeout=60, encoding="utf-8", check=False, env=env)
    assert result.returncode == 0
    first_removal = result.stdout.index("removed  ")
    assert result.stdout.index(P2[:40]) < first_removal
    assert result.stdout[:first_removal].endswith("\n")


def test_reads_stdin_with_dash() -> None:
    result = _run("-", "--format", "json", stdin=PAGE.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == TITLE


def test_missing_file_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-page.html"
    result = _run(str(missing))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("cleanpress: ")
    assert "no-such-page.html" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_prints_the_version_and_exits_0() -> None:
    result = _run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cleanpress {cleanpress.__version__}"


def test_a_url_is_not_fetched_and_the_message_says_so() -> None:
    result = _run("https://news.example/2024/harbour-closed?id=3")
    assert result.returncode == 1 and result.stdout == ""
    assert "never fetches" in result.stderr and "curl -o page.html" in result.stderr
    assert "No such file" not in result.stderr


# --- in process: the same entry point, without a new interpreter each time ----------

def test_disable_switches_a_rule_off(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the trailing-label rule would catch both labels too: switch it off as well
    assert main([str(page_file), "--disable", "text.share", "--disable", "text.read-*",
                 "--disable", "assemble.trailing-heading"]) == 0
    out = capsys.readouterr().out
    assert "Share this article" in out and "Read more" in out


def test_unknown_rule_exits_2_and_points_to_the_rules_command(
        page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(page_file), "--disable", "text.no-such-rule"]) == 2
    captured = capsys.readouterr()
    assert "text.no-such-rule" in captured.err and "cleanpress rules" in captured.err and captured.out == ""


def test_unknown_encoding_exits_2(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(page_file), "--encoding", "klingon"]) == 2
    captured = capsys.readouterr()
    assert "klingon" in captured.err and captured.out == ""


def test_input_format_text_treats_markup_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.txt"
    path.write_text(f"{TITLE}\n<p>{P1}</p>\n", encoding="utf-8")
    assert main([str(path), "--input-format", "text"]) == 0
    assert f"<p>{P1}</p>" in capsys.readouterr().out


def test_encoding_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cp1251.html"
    body = "Река поднялась более чем на два метра за ночь, затопив нижнюю часть города, и сотни семей ушли из домов."
    path.write_bytes(f"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>".encode("cp1251"))
    assert main([str(path), "--encoding", "cp1251"]) == 0
    assert body in capsys.readouterr().out


def test_bad_format_choice_is_a_usage_error(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([str(page_file), "--format", "pdf"])
    assert exit_info.value.code == 2
    assert "--format" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"   \n", b"\x89PNG\r\n\x1a\n" + bytes(300)])
def test_empty_or_non_page_input_says_so_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(content)
    assert main([str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "\n"
    assert captured.err.startswith("cleanpress: no article text in ") and "empty.html" in captured.err


def test_rules_lists_every_rule_with_kind_stage_and_doc(capsys: pytest.CaptureFixture[str]) -> None:
    from cleanpress.rules import RULES, catalogue_markdown, catalogue_rows

    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, catalogue_rows()):
        assert line.split(None, 4) == [rule.id, rule.kind, rule.stage, rule.family, rule.doc]
    assert main(["rules", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing == [{"id": rule.id, "kind": rule.kind, "stage": rule.stage, "family": rule.family,
                        "doc": rule.doc} for rule in catalogue_rows()]
    assert main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == catalogue_markdown()


CAPTIONED = (f"<html><body><article><h1>{TITLE}</h1><p>{P1}</p>"
             "<figure><img src='/wall.jpg' alt='The wall'><figcaption>The sea wall on Sunday morning.</figcaption>"
             "</figure><table><tr><th>Port</th><th>Status</th></tr><tr><td>Inner basin</td><td>Closed</td></tr>"
             f"</table><p>{P2} See <a href='/map'>the map</a> <img src='/map.png' alt='Map'>.</p>"
             "</article></body></html>")


@pytest.mark.parametrize(("flag", "option"), [("--keep-captions", {"keep_captions": True}),
                                              ("--no-tables", {"keep_tables": False}),
                                              ("--no-links", {"keep_links": False}),
                                              ("--no-images", {"keep_images": False})])
def test_option_flags_match_the_options(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        flag: str, option: dict[str, bool]) -> None:
    path = tmp_path / "captioned.html"
    path.write_text(CAPTIONED, encoding="utf-8")
    assert main([str(path), "--format", "json", "--url", "https://ledger.example/a"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main([str(path), "--format", "json", "--url", "https://ledger.example/a", flag]) == 0
    flagged = json.loads(capsys.readouterr().out)
    assert flagged == cleanpress.extract(CAPTIONED, url="https://ledger.example/a", **option).to_dict()
    assert flagged != plain  # the page is built so that every flag changes something


@pytest.mark.parametrize("command", [[], ["batch"], ["explain"]])
def test_every_command_takes_the_shared_extraction_arguments(
        command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    for flag in ("--input-format", "--encoding", "--disable", "--keep-captions", "--no-tables", "--no-links",
                 "--no-images"):
        assert flag in help_text, (command, flag)
