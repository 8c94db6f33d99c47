"""End to end: every page in fixtures/pages/ against its expected result.

The expected files are the truth as a careful reader sees each page (see
fixtures/README.md for the format and what each page covers), so a failure
here means the extractor is wrong, not the fixture. Pages are fed as raw
bytes, the way they come off disk or the wire, so decoding is under test too.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import regex

import cleanpress
from cleanpress import REMOVAL_KINDS, Article

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "fixtures" / "pages"
EXPECTED = ROOT / "fixtures" / "expected"
SHARED = ROOT.parent / "shared"

SEED_TXT = "moscow-times-article.txt"
SEED_HTML = "moscow-times-article.html"
SEED_TITLE = "Kadyrov Blames Foreign Conspiracy for Child Terror Attacks on Chechen Police"

EXPECTED_KEYS = {
    "title": str,
    "byline": str,
    "authors": list,
    "published": str,
    "lang": str,
    "site_name": str,
    "text": str,
    "must_not_contain": list,
    "removed_kinds": list,
    "min_confidence": (int, float),
    "max_confidence": (int, float),
}
OPTIONAL_KEYS = {"encoding": str, "captions": list}

PAGE_NAMES = sorted(p.name for p in PAGES.iterdir() if p.suffix in {".html", ".txt"})


def expected_path(page_name: str) -> Path:
    """``<page file name>.json`` where two pages share a stem (the seed), else ``<stem>.json``."""
    specific = EXPECTED / f"{page_name}.json"
    return specific if specific.exists() else EXPECTED / f"{Path(page_name).stem}.json"


@lru_cache(maxsize=None)
def expected(page_name: str) -> dict[str, Any]:
    return json.loads(expected_path(page_name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def extracted(page_name: str) -> Article:
    """One extraction per page, shared by the tests that look at its parts."""
    return cleanpress.extract((PAGES / page_name).read_bytes())


def occurs(needle: str, haystack: str) -> bool:
    """Case-sensitive search that respects word edges, so "Once" does not match "Onceler".

    Chrome such as "Continue" or "Share" is a whole button label; a body
    sentence that merely contains the letters must not count as a leak.
    """
    left = r"(?<!\w)" if regex.match(r"\w", needle) else ""
    right = r"(?!\w)" if regex.search(r"\w$", needle) else ""
    return regex.search(left + regex.escape(needle) + right, haystack) is not None


PAGE_ENCODINGS = ("utf-8", "cp1252", "cp1251", "koi8_r")


def encoded(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``, or a byte string no page holds when it cannot be encoded."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return b"\0"


def text_diff(want: str, got: str) -> str:
    """A readable line diff of two article texts (blocks are separated by blank lines)."""
    lines = difflib.unified_diff(
        want.splitlines(), got.splitlines(), "expected", "extracted", lineterm="", n=1
    )
    return "\n".join(lines)


# --- the fixture set itself: these hold whatever the extractor does -------------------


def test_every_page_has_an_expected_result_and_vice_versa() -> None:
    used = {expected_path(name).name for name in PAGE_NAMES}
    present = {p.name for p in EXPECTED.glob("*.json")}
    assert [n for n in PAGE_NAMES if not expected_path(n).exists()] == []
    assert sorted(present - used) == [], "expected results without a page"
    assert len(PAGE_NAMES) >= 16


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_expected_result_is_well_formed(page_name: str) -> None:
    exp = expected(page_name)
    for key, kind in EXPECTED_KEYS.items():
        assert isinstance(exp.get(key), kind), f"{key!r} missing or not {kind}"
    assert set(exp) <= set(EXPECTED_KEYS) | set(OPTIONAL_KEYS), "unknown keys"
    assert set(exp["removed_kinds"]) <= set(REMOVAL_KINDS), "kinds outside the vocabulary"
    assert 0.0 <= exp["min_confidence"] <= exp["max_confidence"] <= 1.0
    assert "\n\n\n" not in exp["text"] and exp["text"] == exp["text"].strip()
    # Each chrome string must really be on the page (or the check proves nothing)
    # and must not be part of the expected body (or the fixture contradicts itself).
    raw = (PAGES / page_name).read_bytes()
    for needle in exp["must_not_contain"]:
        assert not occurs(needle, exp["text"]), f"{needle!r} is in the expected text"
        assert any(encoded(needle, enc) in raw for enc in PAGE_ENCODINGS), f"{needle!r} is not on the page"


def test_seed_fixture_is_the_users_example() -> None:
    seed = SHARED / "seed" / SEED_TXT
    if not seed.exists():
        pytest.skip(f"{seed} is absent (the shared seed lives outside the repository)")
    assert (PAGES / SEED_TXT).read_bytes() == seed.read_bytes()


# --- the extractor on every page --------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_metadata(page_name: str) -> None:
    exp, art = expected(page_name), extracted(page_name)
    fields = ("title", "byline", "authors", "lang", "site_name")
    want = {f: exp[f] for f in fields} | {"published (date)": exp["published"][:10]}
    got = {f: getattr(art, f) for f in fields} | {"published (date)": art.published[:10]}
    got["authors"] = list(got["authors"])
    assert got == want


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_text_is_exactly_the_article(page_name: str) -> None:
    want, got = expected(page_name)["text"], extracted(page_name).text
    if got != want:
        pytest.fail(f"article text differs from the fixture:\n{text_diff(want, got)}", pytrace=False)


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_no_chrome_in_text(page_name: str) -> None:
    text = extracted(page_name).text
    leaked = [s for s in expected(page_name)["must_not_contain"] if occurs(s, text)]
    assert not leaked, f"chrome left in the text: {leaked}"


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_removed_kinds(page_name: str) -> None:
    kinds = {r.kind for r in extracted(page_name).removed}
    missing = sorted(set(expected(page_name)["removed_kinds"]) - kinds)
    assert missing == [], f"no removal of kind {missing}; removed kinds were {sorted(kinds)}"


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_confidence(page_name: str) -> None:
    exp, art = expected(page_name), extracted(page_name)
    assert exp["min_confidence"] <= art.confidence <= exp["max_confidence"], (
        f"confidence {art.confidence:.3f} outside [{exp['min_confidence']}, {exp['max_confidence']}]"
    )


# --- the seed, held to the exact terms ------------------------------------------


@pytest.mark.parametrize("page_name", [SEED_TXT, SEED_HTML])
def test_seed_chrome_is_accounted_for_in_removed(page_name: str) -> None:
    """Each piece of the seed's chrome went somewhere a user can see, with a rule id."""
    removed = extracted(page_name).removed
    unaccounted = [
        s for s in expected(SEED_TXT)["must_not_contain"] if not any(occurs(s, r.text) for r in removed)
    ]
    assert not unaccounted, f"seed chrome in no Removal.text: {unaccounted}"
    assert all(r.rule for r in removed), "every removal names the rule that fired"


def test_seed_text_and_html_agree() -> None:
    txt, html = extracted(SEED_TXT), extracted(SEED_HTML)
    assert txt.title == html.title == SEED_TITLE
    assert txt.text == html.text == expected(SEED_TXT)["text"]


def test_seed_as_str_with_explicit_text_format() -> None:
    page = (PAGES / SEED_TXT).read_text(encoding="utf-8")
    art = cleanpress.extract(page, format="text")
    assert art.title == SEED_TITLE
    assert art.text == expected(SEED_TXT)["text"]
    assert len(art.text.split("\n\n")) == 8


def test_captions_come_back_as_caption_blocks_when_asked() -> None:
    exp = expected("figures-credits.html")
    page = (PAGES / "figures-credits.html").read_bytes()
    with_captions = cleanpress.extract(page, keep_captions=True)
    assert [b.text for b in with_captions.blocks if b.kind == "caption"] == exp["captions"]
    assert all(caption not in cleanpress.extract(page).text for caption in exp["captions"])
