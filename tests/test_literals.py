"""Literal gates of the phrase rules: sound (never skip a block the pattern matches) and selective."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpress.rules import textual
from cleanpress.rules.literals import (
    DIGIT,
    SPACE,
    WordFinder,
    first_characters,
    fold,
    gate_words,
    required_strings,
)
from cleanpress.rules.phrases import LANGUAGES
from cleanpress.rules.textual import TEXT_RULES, TextRule


@pytest.mark.parametrize(("fragment", "expected"), [
    (r"\bin your inbox\b", {"in your inbox"}),
    (r"\b(?:we|this (?:web)?site) uses? cookies\b",
     {"we use cookies", "we uses cookies", "this site use cookies", "this site uses cookies",
      "this website use cookies", "this website uses cookies"}),
    (r"\bnever miss\b.{0,80}\b(?:sign(?:ing)? up|subscrib)", {"never miss"}),
    (r"(?:[$€£]\s?\d+)", {"$", "€", "£"}),
    (r"\bmake a (?:one-time |monthly )?(?:donation|contribution)\b",
     {"make a donation", "make a contribution", "make a one-time donation", "make a one-time contribution",
      "make a monthly donation", "make a monthly contribution"}),
    (r"(?:autor|autorka):? (?-i:\p{Lu})[\p{L}.'’-]*", {"autor ", "autor: ", "autorka ", "autorka: "}),
    (r"(?:foo)?bar+", {"ba"}),
    (r"x(?=abc)y", {"xy"}),
    (r".{2,60}", None),
    (r"\d+ (?:of|/) \d+", {" of ", " / "}),
])
def test_required_strings(fragment: str, expected: set[str] | None) -> None:
    found = required_strings(fragment)
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize(("fragment", "expected"), [
    (r"\bread more", {"r"}),
    (r"\(?(?:additional )?(?:reporting|editing) by", {"(", "a", "r", "e"}),
    (r"(?:copyright\s*)?ⓒ.{0,120}", {"c", "ⓒ"}),
    (r"[$€£]\s?\d+", {"$", "€", "£"}),
    (r"\d+ comments", {DIGIT}),
    (r"(?:\d+ )?comments?", {DIGIT, "c"}),
    (r"(?:\.\.\.)?\s?weiter", {".", SPACE, "w"}),
    (r"\w+ comments", None),
    (r"(?:le )?mot", {"l", "m"}),
    (r"x?", None),
])
def test_first_characters(fragment: str, expected: set[str] | None) -> None:
    found = first_characters(fragment)
    assert (None if found is None else set(found)) == expected


def test_a_fragment_without_literals_leaves_its_rule_ungated() -> None:
    assert gate_words([r"\bcookies\b", r"\d{4}"]) is None
    assert gate_words([r"\bwe use cookies\b", r"\bcookie policy\b"]) == ("cookie",)


@pytest.mark.parametrize("rule", [r for r in TEXT_RULES if not r.whole], ids=lambda r: r.id)
def test_every_phrase_rule_has_a_gate(rule: TextRule) -> None:
    assert rule.gate


# Blocks that match the phrase rules, in several languages and cases; the gate must let each through.
_MATCHING = [
    "WE USE COOKIES to give you the best experience.",
    "Wir verwenden Cookies, um die Website zu verbessern.",
    "Sign up for our daily newsletter and get the news in your inbox.",
    "Subscribe to continue reading. Already a subscriber?",
    "Please consider supporting our journalism with a donation.",
    "Download our app for iOS and Android.",
    "Utilizziamo i cookie per migliorare la navigazione.",
    "Подпишитесь на нашу рассылку",
    "Zapisz się do naszego newslettera!",
    "ÇOOKİES: this site uses cookies",
]


@pytest.mark.parametrize("text", _MATCHING)
def test_gate_lets_through_every_block_a_rule_matches(text: str) -> None:
    folded = fold(text)
    for rule in TEXT_RULES:
        if rule.gate is not None and rule.pattern.search(text):
            assert any(word in folded for word in rule.gate), rule.id


def test_fold_agrees_with_the_patterns_case_insensitivity() -> None:
    """Every character that IGNORECASE matches to a literal or first character of a fragment folds the same."""
    every_character = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    literals = set()
    for table in LANGUAGES.values():
        for fragments in table.values():
            for fragment in fragments:
                literals.update("".join(required_strings(fragment) or ()))
                literals.update((first_characters(fragment) or set()) - {DIGIT, SPACE})
    for literal in literals:
        for variant in regex.findall(regex.escape(literal), every_character, regex.IGNORECASE | regex.VERSION0):
            assert fold(variant) == fold(literal), (literal, variant)


@pytest.mark.parametrize("text", [*_MATCHING, "An article about cookies: how our grandmothers baked them.",
                                  "Read the full article to continue with the newsletter's history."])
def test_gated_search_agrees_with_the_rule_pattern(text: str) -> None:
    present = textual.gate_words_in(text)
    for rule in TEXT_RULES:
        if len(text) <= rule.max_chars:  # the gate words looked for are those of the rules testing a block this long
            assert rule.search(text, present) == (rule.pattern.search(text) is not None), rule.id


@pytest.fixture(scope="module")
def every_whole_phrase() -> regex.Pattern[str]:
    return textual._anchored_union([f for rule in TEXT_RULES if rule.whole for f in textual._fragments(rule.id)])


@pytest.mark.parametrize("text", [
    "12 comments", "\u0663 comments", "  12 Comments", "\u00a0weiter zu den Fotos", "\u2026 weiter zum Artikel",
    "$5 / month", "3. M\u00e4rz 2024", "Jane Roe contributed to this report.", "John Doe / Getty Images",
    "Read more \u00bb", "Share", "An ordinary sentence of prose, with a comma.", "2024: a year in review",
])
def test_whole_block_gate_agrees_with_the_union_of_every_whole_phrase(
        text: str, every_whole_phrase: regex.Pattern[str]) -> None:
    possible = textual._whole_possible(text, textual.gate_words_in(text))
    assert bool(possible) == (every_whole_phrase.match(text) is not None)
    assert {rule.id for rule in TEXT_RULES if rule.whole and rule.pattern.search(text)} <= possible


_FINDER_WORDS = ("sign", "signup", "up", "news", "newsletter", "letter", "e-mail", "a.b", "дальше,", "you've",
                 "(x)", "ss", "sss")


@pytest.mark.parametrize("text", [
    "", "sig", "signup for our newsletters", "news-letter", "e-mail us", "axb and a.b", "дальше, больше",
    "you've reached", "(x) marks", "ssss", "upupup", "newsletterletter", "SIGNUP",
])
def test_word_finder_finds_what_substring_tests_find(text: str) -> None:
    finder = WordFinder(_FINDER_WORDS)
    assert finder.find(text) == {word for word in _FINDER_WORDS if word in text}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcs-. ", max_size=40), st.lists(st.text(alphabet="abcs-.", min_size=1, max_size=5), max_size=12))
def test_word_finder_agrees_with_substring_tests_on_random_words(text: str, words: list[str]) -> None:
    assert WordFinder(words).find(text) == {word for word in words if word in text}


@pytest.mark.parametrize("length", [1, 40, 220, 221, 300, 301, 399, 400, 401, 500, 501, 600])
def test_gate_words_in_finds_every_word_a_rule_testing_a_block_that_long_asks_for(length: int) -> None:
    text = ("Subscribe to our newsletter; we use cookies. Donate, support us / AFP | EPA. Sign up, e-mail. " * 10)[:length]
    folded = fold(text)
    asked = {w for rule in TEXT_RULES if not rule.whole and rule.max_chars >= length
             for w in (*(rule.gate or ()), *(w for words, _ in rule.phrases for w in words))}
    if length <= textual._LONGEST_WHOLE:
        asked |= set(textual._whole_tables().any_start_gate or ())
    found = textual.gate_words_in(text)
    assert {w for w in asked if w in folded} <= found
    assert all(w in folded for w in found)
