"""The tuning/checking split: by site, stable across runs and machines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# benchmarks/ lives beside src/ and is not installed; make it importable under plain `pytest`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpora, split
from benchmarks.corpora import Page


@pytest.mark.parametrize(
    ("url", "page_id", "site"),
    [
        ("https://www.Example.org/news/1.html", "x", "example.org"),
        ("http://blog.example.org/a?b=c", "x", "blog.example.org"),
        ("http://fakehost/test/page.html", "nytimes-3", "nytimes"),
        ("", "lemonde_12", "lemonde"),
        ("label, not a url", "Wiki", "wiki"),
        ("", "42", "42"),
    ],
)
def test_site_is_host_without_www_or_id_stem(url: str, page_id: str, site: str) -> None:
    assert split.site_of(url, page_id) == site


def test_known_sites_fall_where_they_always_fell() -> None:
    # Pinned values: a change of hash or rule would move pages between the parts and void every comparison.
    tuning = ("example.org", "example.com", "nytimes", "github.com")
    checking = ("example.net", "lemonde", "bbc.co.uk")
    assert {split.part_of_site(site) for site in tuning} == {"tuning"}
    assert {split.part_of_site(site) for site in checking} == {"checking"}


def test_pages_of_one_site_share_a_part() -> None:
    urls = [f"https://www.example.net/{path}" for path in ("a", "b/c", "d?page=2")] + ["http://example.net/e"]
    assert len({split.part_of(url, str(i)) for i, url in enumerate(urls)}) == 1


def test_both_parts_are_used_about_evenly() -> None:
    parts = [split.part_of_site(f"site{i}.example") for i in range(1000)]
    assert 400 < parts.count("tuning") < 600


def test_a_page_knows_its_part_from_its_site() -> None:
    page = Page("made-up", "1", b"", "https://www.example.com/x", site="example.net")
    assert page.part == "checking"  # the site given wins over the URL's host
    assert Page("made-up", "2", b"", "https://www.example.com/x").part == "tuning"


def test_the_split_of_wcxb_keeps_every_domain_on_one_side() -> None:
    reason = corpora.missing_reason(corpora.WCXB)
    if reason:
        pytest.skip(f"needs WCXB in {corpora.bench_dir()}: {reason}")
    pages = corpora.load(corpora.WCXB, set(corpora.page_ids(corpora.WCXB)[:200]))
    by_site: dict[str, set[str]] = {}
    for page in pages:
        by_site.setdefault(page.site, set()).add(page.part)
    assert all(len(parts) == 1 for parts in by_site.values())
    assert {page.part for page in pages} == {"tuning", "checking"}
