"""``keep_comments``: a page's reader comments kept as ``comment`` blocks after the article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cleanpress
from cleanpress import Article, Options, OptionsError

PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "comments-section.html").read_bytes()
FIRST = "My kids are in third and fifth grade"
SECOND = "Easy to say when you have family nearby"


def test_comments_go_by_default() -> None:
    article = cleanpress.extract(PAGE)
    assert FIRST not in article.text and all(block.kind != "comment" for block in article.blocks)
    assert any(r.kind == "comments" and FIRST in r.text for r in article.removed)


def test_kept_comments_follow_the_article_in_page_order() -> None:
    plain, kept = cleanpress.extract(PAGE), cleanpress.extract(PAGE, keep_comments=True)
    assert kept.blocks[:len(plain.blocks)] == plain.blocks
    comments = [block.text for block in kept.blocks[len(plain.blocks):]]
    assert all(block.kind == "comment" for block in kept.blocks[len(plain.blocks):])
    assert comments[:4] == ["HighDesertDad 3 hours ago", comments[1], "mkowalski 5 hours ago", comments[3]]
    assert comments[1].startswith(FIRST) and comments[3].startswith(SECOND)
    assert kept.text.startswith(plain.text) and kept.markdown.index(FIRST) > kept.markdown.index("three years")


def test_the_article_is_judged_without_its_comments() -> None:
    plain, kept = cleanpress.extract(PAGE), cleanpress.extract(PAGE, keep_comments=True)
    assert (kept.confidence, kept.page_type, kept.title) == (plain.confidence, plain.page_type, plain.title)


def test_controls_forms_and_counters_inside_the_comments_still_go() -> None:
    kept = cleanpress.extract(PAGE, keep_comments=True)
    for chrome in ("Reply", "Like (14)", "Sort by", "Leave a Comment", "27 Comments", "Post Comment",
                   "Your email address will not be published"):
        assert chrome not in kept.text, chrome
    rules = {removal.rule for removal in kept.removed}
    assert {"discussion.control", "text.comments", "prune.form"} <= rules


def test_a_disabled_control_rule_keeps_the_reply_links() -> None:
    kept = cleanpress.extract(PAGE, keep_comments=True, disabled_rules={"discussion.control"})
    assert any(block.kind == "comment" and block.text == "Reply" for block in kept.blocks)


def test_switching_the_comments_rule_off_keeps_them_as_article_text_instead() -> None:
    article = cleanpress.extract(PAGE, keep_comments=True, disabled_rules={"struct.class-comments"})
    assert all(block.kind != "comment" for block in article.blocks)


def test_comment_blocks_survive_a_json_round_trip() -> None:
    kept = cleanpress.extract(PAGE, keep_comments=True)
    assert Article.from_json(kept.to_json()) == kept
    assert "comment" in {block["kind"] for block in json.loads(kept.to_json())["blocks"]}


def test_the_option_is_checked_like_the_others() -> None:
    with pytest.raises(OptionsError):
        Options(keep_comments="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("command", [[], ["batch"]])
def test_both_commands_take_keep_comments(command: list[str], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "cleanpress", *command, str(page), "--keep-comments"]
    args += ["--output", str(out), "--fields", "text"] if command else []
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    assert FIRST in (out.read_text(encoding="utf-8") if command else done.stdout)
