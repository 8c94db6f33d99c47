"""The benchmark metrics on tiny hand-made inputs with hand-computed answers."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

# benchmarks/ lives beside src/ and is not installed; make it importable under plain `pytest`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import metrics as m


def test_tokens_are_word_runs() -> None:
    assert m.tokens("Hello, world! It's 2024.") == ["Hello", "world", "It", "s", "2024"]
    assert m.tokens("") == []


def test_shingles_are_four_token_runs_and_short_text_is_one_shingle() -> None:
    assert m.shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert m.shingles("a b") == Counter({("a", "b"): 1})
    assert m.shingles(" ... ") == Counter()


def test_shingle_page_one_shared_one_extra_one_missing() -> None:
    # reference {abcd, bcde}, output {abcd, bcdx}: tp=fp=fn=1, scaled to 1/3 each.
    page = m.shingle_page("a b c d e", "a b c d x")
    assert (page.tp, page.fp, page.fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert page.precision == pytest.approx(0.5)
    assert page.recall == pytest.approx(0.5)
    assert page.f1 == pytest.approx(0.5)
    assert not page.exact


def test_shingle_page_counts_multisets() -> None:
    # reference has abcd twice plus bcda, cdab, dabc; output abcd once: tp=1, fp=0, fn=4.
    page = m.shingle_page("a b c d a b c d", "a b c d")
    assert page.precision == pytest.approx(1.0)
    assert page.recall == pytest.approx(0.2)


def test_exact_match_ignores_punctuation_and_spacing_but_not_case() -> None:
    assert m.shingle_page("Hello world foo bar", "Hello -- world\nfoo bar").exact
    assert not m.shingle_page("Hello world foo bar", "hello world foo bar").exact


def test_empty_output_has_no_precision_and_zero_recall() -> None:
    page = m.shingle_page("a b c d", "")
    assert page.precision is None
    assert page.recall == 0.0
    assert m.shingle_page("", "").precision is None


def test_corpus_means_skip_undefined_precision() -> None:
    pages = [
        m.shingle_page("a b c d e", "a b c d x"),  # P 1/2, R 1/2
        m.shingle_page("a b c d e f", "a b c d e"),  # P 1, R 2/3
        m.shingle_page("a b c d", ""),  # P undefined, R 0
    ]
    scores = m.shingle_scores(pages)
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(7 / 18)
    assert scores.f1 == pytest.approx(756 / 1476)
    assert scores.accuracy == 0.0


def test_snippets_collapse_whitespace_and_sum_over_pages() -> None:
    first = m.snippet_counts(
        "The  quick\nbrown fox. Share this", ["quick brown", "lazy dog"], ["Share\tthis", "Subscribe now"]
    )
    assert first == m.SnippetCounts(tp=1, fp=1, fn=1, tn=1)
    assert m.snippet_scores(first) == m.Scores(0.5, 0.5, 0.5, 0.5)
    total = first + m.snippet_counts("lazy dog", ["lazy dog"], ["x y"])
    assert total == m.SnippetCounts(tp=2, fp=1, fn=1, tn=2)
    scores = m.snippet_scores(total)
    assert (scores.precision, scores.recall, scores.f1, scores.accuracy) == pytest.approx((2 / 3, 2 / 3, 2 / 3, 4 / 6))


@pytest.mark.parametrize(
    ("snippet", "category"),
    [
        ("Subscribe to our newsletter", "newsletter"),
        ("Abonnieren Sie unseren Newsletter", "newsletter"),
        ("Jetzt spenden!", "donate-support"),
        ("Nous utilisons des cookies", "cookie"),
        ("Teilen", "share-follow"),
        ("Czytaj także", "read-more-related"),
        ("Deja un comentario", "comments"),
        ("© 2020 Example Media", "copyright-terms"),
        ("Todos los derechos reservados", "copyright-terms"),
        ("The minister said on Tuesday that talks would resume.", None),
        ("Die Regierung will das Gesetz ändern.", None),
        ("They reshared nothing", None),
        ("71 Kommentare", "comments"),
        ("Mehr Episoden anzeigen", None),
        ("ad libitum", None),
    ],
)
def test_chrome_category(snippet: str, category: str | None) -> None:
    assert m.chrome_category(snippet) == category


def test_chrome_leaks_count_only_chrome_snippets() -> None:
    assert m.chrome_leaks("Read more  about it. Real text", ["Read more", "Subscribe", "An old story"]) == (1, 2)


def test_metadata_folds_case_and_whitespace_only() -> None:
    expected = {"title": " Hello\n World ", "lang": "en-US", "siteName": "", "excerpt": "Short."}
    got = {"title": "hello world", "lang": "fr", "description": "short."}
    assert m.metadata_hits(expected, got) == {"title": True, "lang": False, "description": True}


def test_metadata_lang_compares_primary_subtags() -> None:
    assert m.metadata_hits({"lang": "en-US"}, {"lang": "en"}) == {"lang": True}
    assert m.metadata_hits({"lang": "pt_BR"}, {"lang": "pt-br"}) == {"lang": True}
    assert m.metadata_hits({"lang": "zh-TW"}, {"lang": "ja"}) == {"lang": False}


# --- wcxb word overlap ------------------------------------------------------------------------


def test_word_bag_lowercases_and_counts_repeats() -> None:
    assert m.word_bag("The cat, the HAT.") == Counter({"the": 2, "cat": 1, "hat": 1})
    assert m.word_bag("") == Counter()


def test_word_page_counts_overlap_on_multisets() -> None:
    # reference: a a b c (4 tokens); output: a b b d d (5 tokens); overlap a + b = 2.
    page = m.word_page("a a b c", "A b b d d")
    assert page.precision == pytest.approx(2 / 5)
    assert page.recall == pytest.approx(2 / 4)
    assert page.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert not page.empty


def test_word_page_empty_output_scores_zero_and_no_reference_wants_nothing() -> None:
    assert m.word_page("some text", "  \n") == m.WordPage(0.0, 0.0, 0.0, True)
    assert m.word_page("", "") == m.WordPage(1.0, 1.0, 1.0, True)
    assert m.word_page("", "chrome only") == m.WordPage(0.0, 0.0, 0.0, False)


def test_word_page_snippets_fold_case_and_whitespace() -> None:
    page = m.word_page("x", "The Quick\nbrown fox. Sign up", ["quick  BROWN", "lazy dog"], ["sign up", "Log in"])
    assert (page.with_found, page.with_total, page.without_leaked, page.without_total) == (1, 2, 1, 2)


def test_word_scores_are_page_means_and_snippet_shares() -> None:
    pages = [
        m.word_page("a b", "a b", ["a"], ["z"]),  # P 1, R 1, F1 1; with 1/1, without 0/1
        m.word_page("a b c d", "a b", ["c d", "a"], []),  # P 1, R 1/2, F1 2/3; with 1/2
        m.word_page("a", ""),  # empty: 0, 0, 0
    ]
    scores = m.word_scores(pages)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx((1 + 2 / 3) / 3)  # the mean of page F1s, not F1 of the means
    assert (scores.with_found, scores.without_leaked) == pytest.approx((2 / 3, 0.0))
    assert (scores.empty, scores.pages) == (1, 3)
    assert m.word_scores([]) == m.WordScores(0.0, 0.0, 0.0, 0.0, 0.0, 0, 0)
