"""``score.*``: text outside the element chosen as the article.

The choice itself is made by ``score.find_container`` (our own scoring) and
``second_opinion.consult_readability`` (readability-lxml, asked when ours is
unsure); what lies outside the choice is removed in assembly, after the
textual rules have had their say (chrome outside the article is reported by
what it is where a rule can tell).
"""

from __future__ import annotations

from .catalogue import register

OUTSIDE_RULE = register("score.outside-container", "outside-article",
                        "text outside the element that scoring chose as the article",
                        family="container", stage="score")
SECOND_OPINION_RULE = register("score.readability", "outside-article",
                               "readability-lxml's pick of the container, asked when our scoring is unsure",
                               family="container", stage="second-opinion")
