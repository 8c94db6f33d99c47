"""Fallback stage: never an empty result for a page that plainly has main content.

The article path (prune, score, flatten, assemble) is built for pages that
hold one article among chrome. On a product page, a landing page of sibling
sections, a listing or a page whose whole body a script reveals, it can keep
nothing, or a sliver, of a page full of text. When it keeps less than
``SLIVER_CHARS`` and its confidence is under ``UNSURE``, this stage parses the
page again and reads it more broadly: the body less its chrome. Only what the markup itself says is chrome goes (``<nav>``,
``<header>``, ``<footer>``, ``<aside>``, forms and widgets, ARIA roles of
chrome) with the phrase rules (cookie notices, newsletter boxes, share bars,
...) and the class/id words that name chrome beside any content; the guesses of the article path (hidden wrappers, class/id words, link
density, the container, label runs) are set aside, since one of them is what
emptied the page. The broader reading is the article when it holds at least
``BROADER`` times the text the article path kept.

A page has no main content when even that broader reading keeps under
``CONTENT_MIN_CHARS`` characters: a page of menus, a sign-in wall, a
single-page app whose body the server left empty. Its result stays empty.

A rescued article is less certain than one the article path found: its
confidence is capped at ``RESCUED_CONFIDENCE``, and its blocks are marked so
(``Candidate.extra["rescued"]``).
"""

from __future__ import annotations

from dataclasses import replace

from .article import Block, Metadata
from .assemble import confidence, decide
from .candidates import Candidate
from .flatten import flatten
from .options import Options
from .parse import parse_html
from .prune import PruneResult, prune
from .rules import register
from .rules.structural import CLASS_RULES

FALLBACK_RULE = register("score.fallback", "outside-article",
                         "when the article path keeps a sliver of a page with content: the body less its chrome instead")

#: The article path keeping fewer characters than this may have missed the page's content...
SLIVER_CHARS = 2000
#: ... when it is this unsure that it found an article (its confidence is below).
UNSURE = 0.25
#: The broader reading replaces the article path's when it holds this many times more text.
BROADER = 3.0
#: Under this many characters, even the broader reading found no main content.
CONTENT_MIN_CHARS = 100
#: The highest confidence of an article the fallback found.
RESCUED_CONFIDENCE = 0.3

#: Class/id kinds that name chrome beside any kind of content (a share bar, a newsletter box): their rules
#: stay in the broader reading. The other kinds' words also name the content of pages that are no article
#: (a product's "details" tab is a "nav", a component library prefixes everything "cmp-").
_CHROME_CLASS_KINDS = frozenset({"related-links", "share-bar", "newsletter-signup", "support-banner", "paywall",
                                 "read-more"})
#: The article path's guesses, set aside by the broader reading: hidden wrappers (scripts reveal many),
#: most class/id words, link density, the scored container and readability-lxml's, runs of labels and the
#: assembly's trims. The markup's own chrome (tags, ARIA roles) and the phrase rules stay.
_GUESSES = frozenset({
    "prune.hidden", "struct.link-dense", "struct.short-stack", "struct.teaser",
    "score.outside-container", "score.readability", "assemble.*",
    *(rule.id for kind, rule in CLASS_RULES.items() if kind not in _CHROME_CLASS_KINDS),
})


def _kept_chars(candidates: list[Candidate]) -> int:
    return sum(len(c.text) for c in candidates if c.removal is None)


def _unsure(candidates: list[Candidate], metadata: Metadata) -> bool:
    """The article path's confidence, read off its kept blocks, is under ``UNSURE``."""
    kept = [Block(c.kind, c.text) for c in candidates if c.removal is None]  # type: ignore[arg-type]
    return confidence(kept, candidates, metadata) < UNSURE


def rescue(text: str, utf8: bytes | None, options: Options, metadata: Metadata,
           article_path: list[Candidate]) -> tuple[list[Candidate], PruneResult] | None:
    """The page read broadly (its candidates and prune result), when the article path kept a sliver of it.

    ``text`` and ``utf8`` are the decoded page as the pipeline parsed it;
    ``article_path`` the candidates as the article path decided them. None
    when its reading stands: it kept enough or is sure of it, the caller
    switched ``score.fallback`` off, or the broader reading finds no more.
    """
    kept = _kept_chars(article_path)
    if (kept >= SLIVER_CHARS or not options.rule_enabled(FALLBACK_RULE.id)
            or not _unsure(article_path, metadata)):
        return None
    root, _ = parse_html(text, options.limits, cleaned=True, utf8=utf8)
    body = root.find("body")
    if body is None:
        body = root
    broad = replace(options, disabled_rules=options.disabled_rules | _GUESSES)
    pruned = prune(body, broad)
    candidates = flatten(body, [body], pruned.order)
    decide(candidates, metadata, broad)
    found = _kept_chars(candidates)
    if found < CONTENT_MIN_CHARS or found < BROADER * kept:
        return None
    for candidate in candidates:
        candidate.extra["rescued"] = True
    return candidates, pruned
