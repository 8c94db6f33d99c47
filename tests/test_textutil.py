"""Shared text helpers: Caseless patterns and prose counting."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lxml.html

from cleanpress.textutil import Caseless, link_chars, prose_chars

_PATTERN = r"share|^hid$|foot|display\s*:\s*none"


@pytest.mark.parametrize(("text", "found"), [
    ("article-SHARE-bar", True),
    ("HID", True),
    ("hidden", False),  # ^hid$ is the whole value
    ("Footer", True),
    ("DISPLAY: None", True),
    ("ＳＨＡＲＥ", False),  # full-width letters are other characters
    ("Ärger-Share", True),  # not ASCII: the case-insensitive pattern
    ("\u212aey-foot", True),  # Kelvin sign, not ASCII
    ("content", False),
])
def test_found_in(text: str, found: bool) -> None:
    assert Caseless(_PATTERN).found_in(text) is found


def test_a_pattern_with_capitals_is_refused() -> None:
    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"Share")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("shareSHAREfootFOOThidHID:- \u212a\u017fİıÄä"), max_size=16))
def test_found_in_agrees_with_ignorecase_search(text: str) -> None:
    assert Caseless(_PATTERN).found_in(text) is (re.search(_PATTERN, text, re.IGNORECASE) is not None)


_PROSE_PAGE = lxml.html.fragment_fromstring(
    "<div><p>" + "a" * 120 + "</p><p>short label</p><li>" + "b" * 90 + "</li><p>" + "c" * 150 + "</p></div>")


def test_prose_chars_counts_only_long_enough_paragraphs_of_the_tags() -> None:
    assert prose_chars(_PROSE_PAGE, ("p",), 100) == 270
    assert prose_chars(_PROSE_PAGE, ("p", "li"), 80) == 360
    assert prose_chars(_PROSE_PAGE, ("li",), 100) == 0


def test_prose_chars_stops_once_it_reaches_enough() -> None:
    assert prose_chars(_PROSE_PAGE, ("p",), 100, enough=100) == 120
    assert prose_chars(_PROSE_PAGE, ("p",), 100, enough=121) == 270


@pytest.mark.parametrize(("markup", "expected"), [
    ("<div><p>No links here.</p></div>", 0),
    ("<div>Menu: <a href='/'>Home</a> <a href='/n'>News <b>today</b></a> tail</div>", len("Home") + len("News today")),
    ("<a href='/x'>Self <i>link</i></a>", len("Self link")),  # the element itself is a link
    ("<div><a href='/o'>outer <span><a href='/i'>inner</a></span></a></div>", len("outer inner") + len("inner")),
])
def test_link_chars_sums_the_text_of_every_link(markup: str, expected: int) -> None:
    element = lxml.html.fragment_fromstring(markup)
    assert link_chars(element) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["<a href='x'>", "</a>", "<span>", "</span>", "<p>", "</p>", "word ", "é",
                                 "<div>", "</div>"]), max_size=30))
def test_link_chars_agrees_with_a_sum_over_the_links(pieces: list[str]) -> None:
    body = lxml.html.document_fromstring("<html><body>x" + "".join(pieces) + "</body></html>").find("body")
    assert body is not None
    for element in body.iter():
        assert link_chars(element) == sum(len(link.text_content()) for link in element.iter("a"))
