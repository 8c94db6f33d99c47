"""The metadata stage's entry points and the choice of each field from what was collected."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import lxml.html

from ..article import Metadata
from .authors import read_authors
from .collect import MAX_DESCRIPTION, Found, collect, first_paragraph
from .dates import read_published
from .jsonld import is_article, is_content, is_page, ld_text, ld_url
from .lang import read_lang
from .text import join_url, similar
from .titles import read_site_name, read_title, site_names, strip_site_name, structured_site_name

_DESC_KEYS = ("dc:description", "dcterms:description", "dcterm:description", "og:description",
              "weibo:article:description", "weibo:webpage:description", "description",
              "twitter:description", "sailthru.description")
_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
               "thumbnail", "parsely-image-url", "sailthru.image.full")

#: How much of the page's first paragraph must be found in a kept block for the article to keep it.
_LEAD_PROBE = 60


def extract_metadata(root: lxml.html.HtmlElement, url: str | None, *, lead: bool = True) -> Metadata:
    """Read the page's own description of itself from ``root`` without changing it.

    ``url`` is where the page came from; it resolves relative canonical and
    image links. Never raises for a parsed tree: a field that cannot be read
    cleanly is left empty. With ``lead=False`` a page that gives no
    description gets none here (rather than its first paragraph): the
    pipeline chooses one once it knows the article, see :func:`lead_description`.
    """
    try:
        found = collect(root)
        return _decide(found, url or "", lead)
    except Exception:  # noqa: BLE001 - metadata is best effort; body extraction must still run
        return Metadata()


def page_lead(root: lxml.html.HtmlElement) -> str:
    """The page's first visible paragraph outside page chrome (read before any stage changes the tree)."""
    try:
        return first_paragraph(list(root.iter("body")))
    except Exception:  # noqa: BLE001 - as extract_metadata: best effort
        return ""


def lead_description(lead: str, kept: Iterable[tuple[str, str]]) -> str:
    """The description of a page that gives none: its first paragraph, ``lead``, when the article keeps it.

    Otherwise the page opens with chrome that the article left out ("Not
    logged in", a wiki's tagline, a dateline set apart) and the article's own
    first paragraph describes it better. ``kept`` is the (kind, text) of each
    block the article keeps, in order; with no paragraph among them, ``lead``.
    """
    kept = list(kept)
    probe = lead[:_LEAD_PROBE]
    if probe and any(probe in text for _, text in kept):
        return lead
    return next((text[:MAX_DESCRIPTION] for kind, text in kept if kind == "paragraph"), lead)


def _decide(found: Found, url: str, lead: bool) -> Metadata:
    """Choose each field from what was collected, best source first."""
    articles = [n for n in found.jsonld if is_article(n)]
    articles += [n for n in found.jsonld if not is_article(n) and is_content(n)]
    pages = [n for n in found.jsonld if is_page(n)]
    ids = {n["@id"]: n for n in found.jsonld if isinstance(n.get("@id"), str)}
    main = _main_node(articles, found)
    # The main node speaks first; the page's other nodes fill what it leaves out.
    nodes: list[dict[str, Any]] = []
    seen: set[int] = set()
    for node in (main, *(a for a in articles if is_article(a)), *pages):
        if node is not None and id(node) not in seen:
            seen.add(id(node))
            nodes.append(node)
    base = _base_url(found, url)
    title = read_title(found, main)
    site_name = structured_site_name(found, main, ids)
    authors, byline = read_authors(found, main, ids)
    return Metadata(
        title=strip_site_name(title, site_names(found, site_name, url)),
        byline=byline,
        authors=authors,
        published=read_published(found, nodes, url),
        site_name=read_site_name(found, site_name, title),
        lang=read_lang(found, f"{title} {found.doc_title} {found.first(_DESC_KEYS)}"),
        description=_description(found, main, pages, lead),
        url=_canonical(found, base),
        image=_image(found, nodes, base),
    )


def _main_node(articles: list[dict[str, Any]], found: Found) -> dict[str, Any] | None:
    """The JSON-LD node about this page: the first, unless a later one is clearly it.

    Pages that also describe teasers, videos or related stories in JSON-LD
    list them in any order; the page's own node shares its headline with the
    page's title. A node that is not an article (a video, a recipe) speaks
    for the page only when it has the page's title: an embedded clip does not.
    """
    if not articles:
        return None
    page_title = found.first(("og:title", "twitter:title")) or found.doc_title

    def likeness(node: dict[str, Any]) -> float:
        return max(similar(ld_text(node.get(k)), page_title) for k in ("headline", "name"))

    if not is_article(articles[0]):
        for node in articles:
            name = ld_text(node.get("headline")) or ld_text(node.get("name"))
            if name and (similar(page_title, name) >= 0.8 or similar(name, page_title) >= 0.5):
                return node
        return None
    if len(articles) < 2 or not page_title:
        return articles[0]
    best = max(articles, key=likeness)
    return best if likeness(best) > likeness(articles[0]) + 0.3 else articles[0]


def _description(found: Found, main: dict[str, Any] | None, pages: list[dict[str, Any]], lead: bool) -> str:
    """The page's summary of itself; its first prose paragraph when it gives none (and ``lead`` asks for it)."""
    if main is not None:
        text = ld_text(main.get("description"))
        if text:
            return text
    text = found.first(_DESC_KEYS)
    if text:
        return text
    for node in pages:
        text = ld_text(node.get("description"))
        if text:
            return text
    return first_paragraph(found.bodies) if lead else ""


def _base_url(found: Found, url: str) -> str:
    """What relative links resolve against: <base href> (itself resolved) or the page's URL."""
    if found.base_href:
        joined = join_url(url, found.base_href)
        if joined:
            return joined
    return url


def _canonical(found: Found, base: str) -> str:
    """The page's own address: <link rel=canonical>, else og:url."""
    for value in (*found.links.get("canonical", ()), *found.values("og:url")):
        joined = join_url(base, value)
        if joined:
            return joined
    return ""


def _image(found: Found, nodes: list[dict[str, Any]], base: str) -> str:
    """The lead image: Open Graph and Twitter cards, then JSON-LD, then <link rel=image_src>."""
    candidates: list[str] = []
    for key in _IMAGE_KEYS:
        candidates.extend(found.values(key))
    for node in nodes:
        candidates.append(ld_url(node.get("image")))
        candidates.append(ld_url(node.get("thumbnailUrl")))
    candidates.extend(found.links.get("image_src", ()))
    for value in candidates:
        joined = join_url(base, value) if value else ""
        if joined:
            return joined
    return ""
