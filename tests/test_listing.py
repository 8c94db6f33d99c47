"""``score.listing``: a container made of link cards is a listing, and its cards are its content."""

from __future__ import annotations

import cleanpress
from cleanpress.rules import RULES
from cleanpress.rules.container import LISTING_RULE

INTRO = ("Seven stews for the cold months, each one cooked and tasted in our test kitchen over the winter, "
         "with notes on what to swap when the market has run out of a vegetable.")
STORY = "".join(f"<p>Paragraph {i} of the report: the council met on Tuesday evening, argued for three hours about "
                f"the new bridge, its cost, its route and its builders, and in the end voted to delay it again.</p>"
                for i in range(6))


def cards(count: int) -> str:
    return "".join(f"<div class='card'><p><a href='/recipes/{i}'>Bean stew number {i} with smoked paprika and "
                   f"toasted breadcrumbs</a> (serves four)</p></div>" for i in range(count))


def listing(count: int = 8) -> str:
    return (f"<html><head><title>Winter recipes</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<main><h1>Winter recipes</h1><p>{INTRO}</p>{cards(count)}</main></body></html>")


def test_rule_is_declared() -> None:
    assert RULES[LISTING_RULE.id] == LISTING_RULE
    assert LISTING_RULE.kind == "related-links" and LISTING_RULE.doc


def test_the_cards_of_a_listing_are_kept() -> None:
    article = cleanpress.extract(listing())
    assert all(f"Bean stew number {i} " in article.text for i in range(8))
    assert not any(removal.rule == "struct.link-dense" for removal in article.removed)


def test_switched_off_the_cards_are_teasers_again() -> None:
    # the fallback would read the page broadly and find the cards as well: off too, to see the article path
    article = cleanpress.extract(listing(), disabled_rules={LISTING_RULE.id, "score.fallback"})
    assert "Bean stew number" not in article.text


def test_a_few_cards_under_a_story_are_teasers() -> None:
    page = f"<html><body><main><h1>Floods</h1>{STORY}{cards(3)}</main></body></html>"
    article = cleanpress.extract(page)
    assert "Paragraph 5 of the report" in article.text
    assert "Bean stew number" not in article.text


def test_the_cards_of_a_dated_page_are_teasers() -> None:
    """A published date makes the page an article: its cards are a rail of teasers, even a long one."""
    page = listing().replace("<head>", "<head><meta property='article:published_time' content='2024-03-03'>")
    article = cleanpress.extract(page, disabled_rules={"score.fallback"})
    assert "Bean stew number" not in article.text


def test_a_listing_is_no_sure_article() -> None:
    """Kept cards count against the page being an article, as removed teasers do."""
    assert cleanpress.extract(listing()).confidence < cleanpress.extract(
        f"<html><body><main><h1>Floods</h1>{STORY}</main></body></html>").confidence
