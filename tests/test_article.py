"""Article.from_dict / from_json read back what to_dict / to_json write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpress
from cleanpress import Article, Block, Removal

PAGES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "pages").iterdir())


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_round_trip_over_the_fixture_pages(path: Path) -> None:
    article = cleanpress.extract(path.read_bytes(), url="https://example.test/story")
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json(indent=2).encode("utf-8")) == article


def test_round_trip_keeps_every_kind_of_field() -> None:
    article = Article(title="T", authors=("A", "B"), confidence=0.5, truncated=True, text="x",
                      blocks=(Block("list", "a\nb", items=("a", "b"), ordered=True),
                              Block("table", "h\tv", rows=(("h", "v"),)), Block("heading", "H", level=2)),
                      removed=(Removal("share-bar", "text.share", "Share"),))
    again = Article.from_dict(json.loads(article.to_json()))
    assert again == article
    assert isinstance(again.blocks[1].rows[0], tuple) and isinstance(again.authors, tuple)


def test_unknown_keys_are_ignored_and_missing_ones_default() -> None:
    data = Article(title="T", text="x").to_dict()
    data["added_in_a_later_version"] = 1
    del data["removed"]
    assert Article.from_dict(data) == Article(title="T", text="x")
