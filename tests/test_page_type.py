"""page_type: one small page of each kind, written here; and confidence agrees with it."""

from __future__ import annotations

import pytest

import cleanpress
from cleanpress.article import PAGE_TYPES

SENTENCE = ("The river rose faster than the engineers expected, and the council had to decide within a week "
            "whether the old bridge could stay open to traffic through the winter months. ")


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Page</title>{head}</head><body>{body}</body></html>"


def _ld(kind: str) -> str:
    return f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{kind}"}}</script>'


ARTICLE = _page(
    "<article><h1>The bridge will close in March</h1><p class='byline'>By Ann Lee</p>"
    "<time datetime='2025-02-03'>3 February 2025</time>" + "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(6))
    + "</article>",
    _ld("NewsArticle") + '<meta property="og:type" content="article">'
    '<meta property="article:published_time" content="2025-02-03T10:00:00Z"><meta name="author" content="Ann Lee">')

DOCUMENTATION = _page(
    "<main><h1>Quickstart</h1><p>Install the package and create a client.</p>"
    + "".join(f"<h2>Step {i}</h2><p>Call the function with your key.</p><pre><code>client = make_client(key)\n"
              f"client.send(step={i})\nresult = client.wait()\nprint(result.status)</code></pre>" for i in range(6))
    + "</main>", _ld("TechArticle"))

SERVICE = _page(
    "<header><a class='btn btn-primary' href='/demo'>Book a demo</a></header><h1>Cloud backup for teams</h1>"
    + "".join(f"<section class='feature'><h2>Feature {i}</h2><p>Fast, safe and simple backups of every laptop "
              f"in your company, restored in minutes by our support team.</p>"
              f"<a class='button cta' href='/start'>Get started</a></section>" for i in range(6))
    + "<form><input name='email'><button>Contact sales</button></form>",
    _ld("Organization") + '<meta property="og:type" content="website">')

FORUM = _page(
    "<h1>Why does my build fail on Windows?</h1>" + "".join(
        f"<div class='post reply'><div class='author user'><a href='/u/{i}'>user{i}</a>"
        f"<span class='avatar'></span></div><time datetime='2025-01-0{i + 1}'>Jan {i + 1}</time>"
        f"<div class='vote score'>{i}</div><p>I had the same problem; try clearing the cache first.</p></div>"
        for i in range(8)), _ld("DiscussionForumPosting"))

COLLECTION = _page(
    "<h1>Running shoes</h1>" + "".join(
        f"<div class='product-card'><a href='/p/{i}'><img src='/i/{i}.jpg' alt=''><h3>Shoe {i}</h3></a>"
        f"<span class='price'>$ {50 + i}.00</span></div>" for i in range(24)),
    _ld("CollectionPage"))

LISTING = _page(
    "<h1>News</h1><ul>" + "".join(
        f"<li class='teaser'><a href='/2025/01/story-{i}'><h3>Story number {i} about the town</h3></a>"
        f"<a href='/2025/01/story-{i}'>Read more</a></li>" for i in range(25))
    + "</ul><a href='/news/page/2'>Next page</a>", _ld("ItemList"))

PRODUCT = _page(
    "<h1>Trail Runner 5</h1><span class='price' itemprop='price'>$ 129.00</span>"
    "<form action='/cart/add'><select name='size'><option>42</option></select>"
    "<button class='add-to-cart'>Add to cart</button></form><p>A light shoe for rough paths.</p>"
    "<table><tr><td>Weight</td><td>280 g</td></tr><tr><td>Drop</td><td>6 mm</td></tr></table>",
    _ld("Product") + '<meta property="og:type" content="product">')

PAGES = {
    ("article", "https://news.example.org/2025/02/03/the-bridge-will-close-in-march"): ARTICLE,
    ("documentation", "https://example.dev/docs/guides/quickstart"): DOCUMENTATION,
    ("service", "https://backup.example.com/services/team-backup"): SERVICE,
    ("forum", "https://forum.example.net/t/why-does-my-build-fail/1234"): FORUM,
    ("collection", "https://shop.example.com/collections/running-shoes"): COLLECTION,
    ("listing", "https://town.example.org/news/"): LISTING,
    ("product", "https://shop.example.com/products/trail-runner-5"): PRODUCT,
}


@pytest.mark.parametrize(("expected", "url"), PAGES, ids=[kind for kind, _ in PAGES])
def test_each_kind_of_page_is_told(expected: str, url: str) -> None:
    article = cleanpress.extract(PAGES[expected, url], url=url)
    assert article.page_type == expected
    assert (article.confidence >= 0.5) == (expected == "article")


@pytest.mark.parametrize("page", [b"", b"   ", bytes(range(256)) * 40, "just a few words"])
def test_no_page_is_other_with_confidence_zero_or_low(page: str | bytes) -> None:
    article = cleanpress.extract(page)
    assert article.page_type in PAGE_TYPES
    assert article.page_type != "article" or article.confidence >= 0.5


def test_text_input_is_an_article_when_its_score_says_so() -> None:
    article = cleanpress.extract(("A headline\n\n" + SENTENCE * 4 + "\n\n") * 4, format="text")
    assert article.page_type == "article" and article.confidence >= 0.5


def test_page_type_round_trips_through_to_dict() -> None:
    url, page = next((url, page) for (kind, url), page in PAGES.items() if kind == "product")
    assert cleanpress.extract(page, url=url).to_dict()["page_type"] == "product"
