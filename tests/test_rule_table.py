"""The rule table: for every rule in the catalogue, a page where it fires and a page where it must not.

Each entry is a small page written here (HTML, or plain text for the
``line.*`` rules). A rule fires when its id names a piece of
``Article.removed``; ``score.readability``, ``score.fallback`` and ``score.listing`` remove
nothing themselves (they pick what the article is), so they fire when the
article differs from the one without them.
A rule added to the catalogue without an entry here fails
:func:`test_every_rule_has_an_entry`; every rule, switched off, must stop
firing on its own page.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import cleanpress
from cleanpress.rules import RULES
from tests.test_rules_functional import FIRES as FUNCTIONAL_FIRES
from tests.test_rules_functional import SPARED as FUNCTIONAL_SPARED
from tests.test_rules_functional import page as functional_page

P1 = ("The river rose more than two metres overnight and flooded the lower town, where the water reached the "
      "windows of the houses along the quay before the council opened the sluices at dawn.")
P2 = ("Residents who had moved their furniture upstairs spent the night on the roofs, and the fire brigade "
      "took more than forty people off by boat, the mayor said at a press conference on Sunday.")
P3 = ("Engineers warned that the old embankment, built in the 1950s, would not hold another flood of that "
      "size, and the council is to vote next month on a plan to rebuild it further from the river.")
HEADLINE = "River floods the lower town"


def page(inside: str = "", *, before: str = "", after: str = "", outside: str = "", title: str = HEADLINE,
         head: str = "") -> str:
    """An article (headline, three paragraphs) with ``before``/``inside``/``after`` in it, ``outside`` after it."""
    return (f"<html><head><title>{title}</title>{head}</head><body>"
            f"<article><h1>{HEADLINE}</h1>{before}<p>{P1}</p><p>{P2}</p>{inside}<p>{P3}</p>{after}</article>"
            f"{outside}</body></html>")


def para(text: str) -> str:
    return page(f"<p>{text}</p>")


LINKS = "".join(f"<li><a href='/story/{i}'>Another story about the weather number {i}</a></li>" for i in range(6))
STORY = "".join(f"<p>Paragraph {i} of the story: the council met on Tuesday evening, argued for three hours about "
                f"the new bridge, its cost, its route and its builders, and in the end voted to delay it again.</p>"
                for i in range(6))
ITEMS = "".join(f"<li>Item {i}: red, green, blue, white, black, grey, pink, teal, gold</li>" for i in range(15))
CARDS = "".join(f"<p><a href='/recipes/{i}'>Bean stew with {vegetable}, smoked paprika and toasted breadcrumbs</a>"
                f" (serves four)</p>" for i, vegetable in enumerate(["leeks", "carrots", "fennel", "kale", "chard",
                                                                   "squash", "celery"]))
TEXT_PAGE = f"Ledger\nToday's weather: rain.\n\n{HEADLINE}\n\n{P1}\n\n{P2}\n"


@dataclass(frozen=True)
class Entry:
    fires: str
    quiet: str
    format: str = "html"


def _class(word: str, text: str = "Alpha beta gamma") -> Entry:
    """A class rule: a box classed ``word`` in the article; the same box classed plainly does not go."""
    return Entry(page(f"<div class='{word}'><p>{text}</p></div>"), page(f"<div class='box'><p>{text}</p></div>"))


def _text(fires: str, quiet: str) -> Entry:
    """A textual rule: a short block that is chrome; a sentence of the article with the same words is not."""
    return Entry(para(fires), para(quiet))


TABLE: dict[str, Entry] = {
    "prune.aside": Entry(page(outside="<aside><p>Alpha beta gamma</p></aside>"), page()),
    "prune.footer": Entry(page(outside="<footer><p>Alpha beta gamma</p></footer>"), page()),
    "prune.form": Entry(page("<form><p>Alpha beta gamma</p></form>"), page()),
    "prune.header": Entry(page(outside="<header><p>Alpha beta gamma</p></header>"),
                          page(before="<header><p>Alpha beta gamma</p></header>")),  # the article's own header
    "prune.hidden": Entry(page("<div hidden><p>Alpha beta gamma</p></div>"), page("<div><p>Alpha beta gamma</p></div>")),
    "prune.nav": Entry(page(outside="<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"), page()),
    "prune.widget": Entry(page("<button>Alpha beta gamma</button>"), page("<span>Alpha beta gamma</span>")),
    "struct.class-advertisement": _class("advert"),
    "struct.class-comments": _class("comments"),
    "struct.class-cookie-notice": _class("cookie-banner"),
    "struct.class-footer": _class("site-footer"),
    "struct.class-hidden": _class("sr-only"),
    "struct.class-image-credit": _class("credit"),
    "struct.class-metadata": _class("byline"),
    "struct.class-navigation": _class("menu"),
    "struct.class-newsletter-signup": _class("newsletter"),
    "struct.class-paywall": _class("paywall"),
    "struct.class-read-more": _class("readmore"),
    "struct.class-related-links": _class("related"),
    "struct.class-share-bar": _class("share"),
    "struct.class-subscription-prompt": _class("subscribe"),
    "struct.class-support-banner": _class("donate"),
    "struct.class-widget": _class("rating"),
    "struct.role": Entry(page("<div role='navigation'><p>Alpha beta gamma</p></div>"),
                         page("<div role='presentation'><p>Alpha beta gamma</p></div>")),
    "score.outside-container": Entry(page(outside="<div><p>Alpha beta gamma</p></div>"), page()),
    # Our scoring takes the list of short comma-laden items (no prose: unsure); readability-lxml, which
    # scores paragraphs only, picks the prose beside it. Where our container is sure, it is not asked.
    "score.readability": Entry(f"<html><body><div><ul>{ITEMS}</ul></div><div><p>{P1}</p><p>{P2}</p></div></body></html>",
                               f"<html><body><div>{STORY}</div></body></html>"),
    # A page whose one article a script reveals: the article path keeps nothing; the broader reading finds it.
    "score.fallback": Entry(f"<html><body><nav><a href='/'>Home</a></nav><div hidden>{STORY}</div></body></html>",
                            f"<html><body><nav><a href='/'>Home</a></nav><div>{STORY}</div></body></html>"),
    # Seven linked recipe cards under a short intro: a listing, its cards kept; three under a story: teasers.
    "score.listing": Entry(f"<html><body><main><h1>Winter recipes</h1><p>{P1}</p>{CARDS}</main></body></html>",
                           f"<html><body><main><h1>Floods</h1>{STORY}{CARDS[:CARDS.index('<p>', 300)]}</main></body></html>"),
    "text.ad-label": _text("Advertisement", "Advertisement spending rose 5% in the first quarter, the agency said."),
    "text.appeal-opener": _text("A Message from The Daily Ledger",
                                "In a message to staff, the mayor's office said the bridge would reopen in spring."),
    "text.byline": _text("By Jane Doe", "By then, it was too late."),
    "text.comments": _text("12 comments", "Comments from the minister angered the unions on Tuesday."),
    "text.cookie": _text("We use cookies to improve your experience on our site. Accept all cookies?",
                         "The bakery sold more than 4,000 cookies during the harvest festival, its owner said."),
    "text.copyright": _text("© 2024 Daily Ledger. All rights reserved.",
                            "Copyright law in the EU was overhauled in 2019, and publishers gained new rights."),
    "text.date-only": _text("March 3, 2024", "March 3, 2024 was the wettest day on record in the city."),
    "text.dateline": _text("Published March 3, 2024",
                           "Published in 1851, the novel sold poorly during its author's lifetime and was soon forgotten."),
    "text.donation": _text("Please consider supporting our journalism with a small gift.",
                           "The charity said donations fell by a third after the floods, and it cut two programmes."),
    "text.image-credit": _text("Photo: Jane Doe / Reuters",
                               "The photo shows the harbour after the storm, with boats piled on the quay."),
    "text.legal-links": _text("Privacy Policy · Terms of Use · Contact Us",
                              "Privacy campaigners and contact-tracing experts met in Brussels."),
    "text.login": _text("Sign in", "Sign-in sheets were kept at the front desk all week."),
    "text.newsletter": _text("Sign up for our weekly newsletter and get the top stories delivered to your inbox.",
                             "The council's newsletter, printed on recycled paper, reached 12,000 homes in March."),
    "text.payment-widget": _text("Monthly", "Monthly rents rose by 4% in the capital last year."),
    "text.paywall": _text("This article is only available to subscribers. Already a subscriber? Log in.",
                          "The newspaper said it would put fewer of its articles behind a paywall next year."),
    "text.promo": _text("Click here to subscribe and save 40% on the print edition.",
                        "Readers who order the print edition get it delivered by 7am, the publisher said."),
    "text.read-also": _text("Read also: Storm closes the harbour for a second day",
                            "Read the report, the minister said, and you will see the numbers do not add up."),
    "text.read-more": _text("Read more", "Read more than 300 pages and you reach the best chapter."),
    "text.related-heading": _text("Related stories", "Related research from 2019 found a similar effect in mice."),
    "text.remind-later": _text("Remind me later", "She asked the nurse to remind her later about the pills."),
    "text.share": _text("Share this article", "Share prices fell 3% on Monday after the report was published."),
    "text.subscribe": _text("Subscribe", "Subscribers to the service rose to 2 million in June."),
    "text.support-banner": _text("Support The Daily Ledger!", "Support for the plan grew after the vote, the survey found."),
    "line.before-title": Entry(TEXT_PAGE, f"{HEADLINE}\n\n{P1}\n\n{P2}\n", "text"),
    "line.title": Entry(TEXT_PAGE, f"{P1}\n\n{P2}\n", "text"),
    "assemble.code-label": Entry(page("<p>Python</p><pre>print('hello')</pre>"),
                                 page("<p>Run it like this:</p><pre>print('hello')</pre>")),
    "assemble.headings-only": Entry("<html><body><h2>Sport</h2><h2>World</h2></body></html>",
                                    f"<html><body><h2>Sport</h2><p>{P1}</p></body></html>"),
    "assemble.kicker": Entry(page(title=HEADLINE).replace("<article>", "<article><p>Flood report</p>"),
                             page(title=HEADLINE).replace("<article>", f"<article><p>{P3}</p>")),
    "assemble.leading-label": Entry(page(before="<p>Weather</p>"), page(before=f"<p>{P3}</p>")),
    "assemble.title-repeat": Entry(page(), page(title="The Daily Ledger")),
    "assemble.trailing-heading": Entry(page(after="<h2>The embankment</h2>"),
                                       page(after=f"<h2>The embankment</h2><p>{P1}</p>")),
    "struct.link-dense": Entry(page(f"<ul>{LINKS}</ul>"), page(f"<ul><li>{P1}</li><li>{P2}</li></ul>")),
    "struct.short-stack": Entry(page("<p>Small</p><p>Medium</p><p>Large</p>"), page("<p>Small</p><p>Medium</p>")),
    "struct.teaser": Entry(page("<h2><a href='/other'>Storm closes the harbour again</a></h2><p>Short blurb.</p>"),
                           page("<h2>Storm closes the harbour again</h2><p>Short blurb.</p>")),
    "option.keep-captions": Entry(page("<figure><img src='a.jpg'><figcaption>The quay at dawn</figcaption></figure>"),
                                  page("<figure><img src='a.jpg'></figure>")),
    "option.keep-tables": Entry(page("<table><tr><td>Level</td><td>2.1 m</td></tr></table>"), page()),
    "discussion.control": Entry(
        page(outside=f"<section class='comments'><p>{P3}</p><div><a href='#r1'>Reply</a></div></section>"),
        page(outside=f"<section class='comments'><p>{P3} <a href='#r1'>Reply</a></p></section>")),
}
# The functional rules: each widget between the paragraphs of a short article, and its look-alike.
_LOOK_ALIKES = {rule_id: look_alike for rule_id, look_alike, _ in FUNCTIONAL_SPARED}
TABLE.update({rule_id: Entry(functional_page(widget), functional_page(_LOOK_ALIKES[rule_id]))
              for rule_id, widget, _ in FUNCTIONAL_FIRES})
TABLE["func.appeal-head"] = Entry(
    functional_page("<h3>One more thing</h3><p>We never lock a story. If you found this useful, will you help keep "
                    "it open?</p><div><a href='/give?a=5'>$5</a> <a href='/give?a=20'>$20</a></div>"),
    functional_page("<h3>Costs</h3><p>The repairs would cost the town more than it spends on parks in a year.</p>"
                    "<div><a href='/give?a=5'>$5</a> <a href='/give?a=20'>$20</a></div>"))
# Options under which an entry's rule is in force (every other rule runs with the defaults).
OPTIONS: dict[str, dict[str, object]] = {"option.keep-tables": {"keep_tables": False},
                                         "discussion.control": {"keep_comments": True}}
# Rules that choose what the article is rather than remove a piece of it.
CHOOSERS = frozenset({"score.readability", "score.fallback", "score.listing"})


def fires(rule_id: str, page_text: str, disabled: frozenset[str] = frozenset()) -> bool:
    entry = TABLE[rule_id]
    options = {**OPTIONS.get(rule_id, {}), "disabled_rules": disabled}
    article = cleanpress.extract(page_text, format=entry.format, **options)  # type: ignore[arg-type]
    if rule_id in CHOOSERS:  # it chooses the container: it fired when the choice changed the article
        options["disabled_rules"] = disabled | {rule_id}
        return article != cleanpress.extract(page_text, format=entry.format, **options)  # type: ignore[arg-type]
    return any(removal.rule == rule_id for removal in article.removed)


def test_every_rule_has_an_entry() -> None:
    assert sorted(set(RULES) - set(TABLE)) == [], "add a page where the rule fires and one where it must not"
    assert sorted(set(TABLE) - set(RULES)) == [], "an entry names no rule"


@pytest.mark.parametrize("rule_id", sorted(TABLE))
def test_rule_fires_on_its_page(rule_id: str) -> None:
    assert fires(rule_id, TABLE[rule_id].fires)


@pytest.mark.parametrize("rule_id", sorted(TABLE))
def test_rule_is_quiet_on_its_near_miss(rule_id: str) -> None:
    assert not fires(rule_id, TABLE[rule_id].quiet)


@pytest.mark.parametrize("rule_id", sorted(TABLE))
def test_a_disabled_rule_stops_firing(rule_id: str) -> None:
    assert not fires(rule_id, TABLE[rule_id].fires, frozenset({rule_id}))
