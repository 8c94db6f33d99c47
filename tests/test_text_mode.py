"""Plain-text input: lines to candidates, the headline, and chrome before it."""

from __future__ import annotations

import pytest

import cleanpress
from cleanpress.options import Options
from cleanpress.rules.lines import mark_title
from cleanpress.text_mode import candidates_from_text

P1 = ("The harbour was closed on Saturday as the storm drove waves over the sea wall, and the port "
      "authority said no ferries would sail before Monday at the earliest.")
P2 = ("Fishermen who had tied up their boats in the inner basin spent the night checking the lines, and "
      "several said they had not seen seas like it in twenty years.")
TITLE = "Harbour closed as storm batters the coast"
PAGE = f"""Menu
Search
Ledger
Support The Daily Ledger!
{TITLE}
By Jane Doe
March 3, 2024
{P1}
Sign up for our weekly newsletter and get the top stories delivered to your inbox.
{P2}
A Message from The Daily Ledger
Readers like you keep independent journalism alive.
Once
Monthly
Annual
Continue
Remind me later.
Read more
"""


def test_hard_wrapped_prose_is_joined() -> None:
    wrapped = ("The harbour was closed on Saturday as the storm drove waves over\n"
               "the sea wall, and the port authority said no ferries would sail\n"
               "before Monday at the earliest.")
    [candidate] = candidates_from_text(wrapped)
    assert candidate.text == " ".join(wrapped.split("\n"))
    assert candidate.kind == "paragraph"


@pytest.mark.parametrize("text", [
    "The harbour was closed on Saturday as the storm drove waves over the wall.\nthen it reopened.",
    "The harbour was closed on Saturday as the storm drove waves over the sea wall\nMonday it reopened.",
    "Short line without a stop\nthen a lower-case line.",
])
def test_lines_are_not_joined_without_a_mid_sentence_break(text: str) -> None:
    assert len(candidates_from_text(text)) == 2


def test_blank_lines_separate_paragraphs() -> None:
    assert [c.text for c in candidates_from_text(f"{P1}\n\n\n{P2}\n")] == [P1, P2]


def test_bullets_become_one_list() -> None:
    candidates = candidates_from_text(f"{P1}\n- Sandbags\n* Pumps\n• Torches\n1. Papers\n2) Water\n{P2}")
    assert [c.kind for c in candidates] == ["paragraph", "list", "paragraph"]
    assert candidates[1].text == "Sandbags\nPumps\nTorches\nPapers\nWater"


def test_heading_like_lines_and_one_word_lines() -> None:
    candidates = candidates_from_text(f"{TITLE}\nMonthly\n{P1}")
    assert [c.kind for c in candidates] == ["heading", "paragraph", "paragraph"]


def test_title_is_the_first_heading_before_the_prose_and_what_precedes_it_is_outside() -> None:
    candidates = candidates_from_text(f"Ledger\n{TITLE}\n{P1}\nWhat happens next\n{P2}")
    assert mark_title(candidates, Options()) == TITLE
    assert [c.in_container for c in candidates][:1] == [False]
    assert candidates[1].is_title
    assert not candidates[3].is_title


def test_no_title_when_prose_comes_first() -> None:
    candidates = candidates_from_text(f"{P1}\nWhat happens next\n{P2}")
    assert mark_title(candidates, Options()) == ""
    assert all(c.in_container for c in candidates)


def test_extract_text_page() -> None:
    article = cleanpress.extract(PAGE)
    assert article.title == TITLE
    assert article.text == f"{P1}\n\n{P2}"
    assert [block.kind for block in article.blocks] == ["paragraph", "paragraph"]
    assert 0.0 < article.confidence <= 1.0


def test_extract_text_page_reports_each_piece_of_chrome() -> None:
    removed = {r.text: (r.kind, r.rule) for r in cleanpress.extract(PAGE).removed}
    assert removed["Menu"] == ("navigation", "text.login")
    assert removed["Ledger"] == ("navigation", "line.before-title")
    assert removed["Support The Daily Ledger!"][0] == "support-banner"
    assert removed["A Message from The Daily Ledger"][0] == "donation-appeal"
    assert removed["Readers like you keep independent journalism alive."][0] == "donation-appeal"
    for label in ("Once", "Monthly", "Annual", "Continue", "Remind me later."):
        assert removed[label][0] == "payment-widget", label
    assert removed["Read more"][0] == "read-more"
    assert removed[
        "Sign up for our weekly newsletter and get the top stories delivered to your inbox."][0] == "newsletter-signup"


def test_lines_before_the_title_rule_can_be_switched_off() -> None:
    # the leading-label rule would catch the site name too: switch it off as well
    article = cleanpress.extract(PAGE, disabled_rules={"line.before-title", "assemble.leading-label"})
    assert article.title == TITLE
    assert "Ledger" in article.text.split("\n\n")


def test_text_page_lists_and_wrapped_lines_through_extract() -> None:
    page = (f"{TITLE}\n\n"
            "The harbour was closed on Saturday as the storm drove waves over\n"
            "the sea wall, and the port authority said no ferries would sail\n"
            "before Monday at the earliest.\n\n"
            "What to take with you:\n- Sandbags\n- Torches\n- Papers\n\n"
            f"{P2}\n")
    article = cleanpress.extract(page, format="text")
    assert article.title == TITLE
    assert article.blocks[0].text.startswith("The harbour was closed") and "\n" not in article.blocks[0].text
    lists = [block for block in article.blocks if block.kind == "list"]
    assert lists and lists[0].markdown == "- Sandbags\n- Torches\n- Papers"


def test_text_markup_is_never_html() -> None:
    article = cleanpress.extract(f"{TITLE}\n{P1}\nA line with <b>tags</b> & an ampersand in the middle of it.",
                                 format="text")
    assert "<b>tags</b>" in article.text
    assert "<b>" not in article.html and "&lt;b&gt;" in article.html


@pytest.mark.parametrize(("line", "byline", "authors"), [
    ("By Jane Doe", "Jane Doe", ("Jane Doe",)),
    ("Written by Jane Doe and Bo Park", "Jane Doe and Bo Park", ("Jane Doe", "Bo Park")),
])
def test_text_page_byline_and_date_read_as_html_pages_read_them(line: str, byline: str,
                                                                 authors: tuple[str, ...]) -> None:
    # the byline cleaner and name splitter are the metadata package's: one word list for both inputs
    article = cleanpress.extract(PAGE.replace("By Jane Doe", line), format="text")
    assert (article.byline, article.authors, article.published) == (byline, authors, "2024-03-03")
