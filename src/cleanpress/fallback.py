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
confidence is capped at ``thresholds.RESCUED_CONFIDENCE``.

The broader reading needs the page as it was before the article path pruned
it, so a rescued page is parsed a second time: this costs only on the pages
rescued (about one in seven of WCXB's, few of the news corpora's), where a
copy of every tree kept for the case would cost on all.
"""

from __future__ import annotations

from dataclasses import replace

from .article import Block, Metadata
from .assemble import decide
from .confidence import article_score
from .candidates import Candidate
from .flatten import flatten
from .options import Options
from .parse import parse_html
from .prune import PruneResult, prune
from .rules.container import FALLBACK_RULE
from .rules.functional import find_chrome
from .rules.structural import CLASS_RULES
from .rules.textual import label_sequence
from .thresholds import BROADER, CONTENT_MIN_CHARS, SLIVER_CHARS, UNSURE


#: Class/id kinds that name chrome beside any kind of content (a share bar, a newsletter box, the site's
#: footer of legal links and copyright): their rules stay in the broader reading. The other kinds' words also
#: name the content of pages that are no article (a product's "details" tab is a "nav", a component library
#: prefixes everything "cmp-"). On the pages WCXB's tuning part rescues, 95% of the text a footer class
#: names is outside the main content.
_CHROME_CLASS_KINDS = frozenset({"related-links", "share-bar", "newsletter-signup", "support-banner", "paywall",
                                 "read-more", "footer"})
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
    kept = [Block(c.kind, c.text) for c in candidates if c.removal is None]
    return article_score(kept, candidates, metadata) < UNSURE


def rescue(text: str, utf8: bytes | None, url: str, options: Options, metadata: Metadata,
           article_path: list[Candidate]) -> tuple[list[Candidate], PruneResult] | None:
    """The page read broadly (its candidates and prune result), when the article path kept a sliver of it.

    ``text`` and ``utf8`` are the decoded page as the pipeline parsed it, ``url`` its address;
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
    pruned = prune(body, broad, find_chrome(body, broad, url))
    candidates = flatten(body, [body], pruned.order)
    label_sequence(candidates, broad)
    decide(candidates, metadata, broad)
    found = _kept_chars(candidates)
    if found < CONTENT_MIN_CHARS or found < BROADER * kept:
        return None
    return candidates, pruned
