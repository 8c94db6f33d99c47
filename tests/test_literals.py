"""Literal gates of the phrase rules: sound (never skip a block the pattern matches) and selective."""

from __future__ import annotations

import pytest
import regex

from cleanpress.rules.literals import (
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
    (r"\d+ comments", None),
    (r"(?:\d+ )?comments?", None),
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
                literals.update(first_characters(fragment) or ())
    for literal in literals:
        for variant in regex.findall(regex.escape(literal), every_character, regex.IGNORECASE | regex.VERSION0):
            assert fold(variant) == fold(literal), (literal, variant)
