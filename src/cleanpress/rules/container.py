"""``score.*``: text outside the element chosen as the article.

The choice itself is made by ``score.find_container`` (our own scoring) and
``second_opinion.consult_readability`` (readability-lxml, asked when ours is
unsure); what lies outside the choice is removed in assembly, after the
textual rules have had their say (chrome outside the article is reported by
what it is where a rule can tell). When that choice keeps a sliver of a page
that has content, ``fallback.rescue`` reads the page more broadly instead. A
container made of link cards is a listing: ``score.listing`` keeps its cards.
"""

from __future__ import annotations

from .catalogue import register

OUTSIDE_RULE = register("score.outside-container", "outside-article",
                        "text outside the element that scoring chose as the article",
                        family="container", stage="score")
SECOND_OPINION_RULE = register("score.readability", "outside-article",
                               "readability-lxml's pick of the container, asked when our scoring is unsure",
                               family="container", stage="second-opinion")
FALLBACK_RULE = register("score.fallback", "outside-article",
                         "when the article path keeps a sliver of a page with content: the body less its chrome instead",
                         family="container", stage="score")
LISTING_RULE = register("score.listing", "related-links",
                        "a container made of many link cards is a listing: its cards are kept, not taken for teasers",
                        family="container", stage="score")
