"""The thresholds that more than one decision reads, named once, each with why it has its value.

Lengths are in characters of collapsed text (as a reader sees it), link
shares are link characters over all characters of a block or element. Where
two stages use different values for what looks like one concept, both are
here under names that say how they differ; unifying them would change what
is extracted (the snapshot in ``benchmarks/snapshot.py`` tells).

Values a single rule owns (a phrase rule's longest block, the size limits of
the class kinds that only name small things) stay beside that rule.
"""

from __future__ import annotations

# --- Prose: how long a paragraph must be to read as the article's sentences ---

#: A paragraph this long (with few links) is a sentence or more of prose, not a label or a teaser:
#: what prose measures of an element count (prune's size guard, scoring's widening, the standfirst).
PROSE_PARAGRAPH = 100
#: A paragraph this long is body text for the tests that look at one paragraph or one sibling alone
#: (the body has begun below the headline; a sibling <p> joins the container; readability-lxml's
#: prose count). Shorter than PROSE_PARAGRAPH: these ask "is it text at all", not "is it prose";
#: the two were tuned apart: raising this one to 100 changes 4 of the 2,281 benchmark pages.
BODY_PARAGRAPH = 80
#: A paragraph or heading this long is sentences: no headline in plain text, no title set as a
#: heading (a standfirst set as an h2 of two sentences).
LONG_PARAGRAPH = 120
#: An element with this much prose holds an article of its own (a <main> or a page-wide <noscript>
#: that is the page; an article that a gallery inside it leaves).
ARTICLE_MIN_CHARS = 500
#: A box this short around one linked headline is a teaser card: its blurb is no article prose.
TEASER_CARD_MAX = 500

# --- Link share: how much of a block is link text ---

#: Under this a block is prose for scoring (it may cite a few sources).
LINKS_PROSE = 0.3
#: A sibling <p> joins the container only with fewer links than this: it must read as the article's own text.
LINKS_SIBLING = 0.25
#: The standfirst taken in from above the container has fewer links than this.
LINKS_LEAD = 0.2
#: Widening to an ancestor stops at one with this much link text: it is a page of teasers, not an article.
LINKS_WIDE = 0.35
#: Half or more link text: a heading is a link, a block is mostly links (link lists under a "Related"
#: heading, a short link paragraph, a link box between headline and body, an element too linky to protect).
LINKS_MOSTLY = 0.5
#: A list over this share of link text is a link list (lists hold more links than paragraphs: 0.5 would take
#: the lists of sources and steps that link each item).
LINKS_LIST = 0.6
#: Any block, however long, over this share is links alone.
LINKS_ALL = 0.8
#: A paragraph under this length needs only LINKS_MOSTLY to be a link block; longer ones need LINKS_ALL.
LINK_PARAGRAPH_MAX = 300

# --- Runs and reaches: how many blocks in a row, how far to look ---

#: Three or more of a kind in a row make a widget or a teaser list (label stacks, teaser list items).
RUN_MIN = 3
#: So many blocks above the container are searched for the standfirst.
LEAD_REACH = 8
#: A link post (a round-up of links) has at most this many link blocks; more is a section front.
LINK_POST_BLOCKS = 5
#: An appeal opener takes at most this many blocks after it, down to its payment widget.
APPEAL_REACH = 25
#: Without a payment widget, an appeal runs on through at most this many blocks that speak of support.
APPEAL_BODY_REACH = 12

# --- Labels: how short a block must be to be a UI label rather than text ---

#: Words of a label ("Most read", "Share this story").
LABEL_WORDS = 3
#: Characters (Latin width) of a label.
LABEL_CHARS = 30
#: Characters of a label written without spaces (Chinese, Japanese: a character is a word).
LABEL_UNSPACED = 8
#: Width of a label above the first or below the last sentence (categories, picture labels, box titles).
EDGE_LABEL_WIDTH = 40
#: A Chinese or Japanese character says as much as a short Latin word: it counts this many letters wide.
IDEOGRAPH_WIDTH = 3

# --- Scoring: the weights of the container search (``score.py``) ---

#: A paragraph-like element shorter than this scores nothing.
SCORE_PARAGRAPH_MIN = 25
#: A paragraph scores 1, plus one per comma, plus one per this many characters ...
SCORE_CHARS_PER_POINT = 100.0
#: ... up to this many points for length.
SCORE_LENGTH_POINTS_MAX = 3.0
#: A paragraph's points go to its parent whole, its grandparent halved, its great-grandparent a sixth.
SCORE_SHARES = (1, 2, 6)
#: A class or id with a content word adds this, one with a chrome word takes it away (per attribute).
SCORE_CLASS_WEIGHT = 25.0
#: itemprop="articleBody" says outright that this is the article.
SCORE_ARTICLE_BODY_WEIGHT = 50.0
#: Candidates scoring this share of the best count as rivals, and their common ancestor may win.
SCORE_RIVAL_SHARE = 0.75
#: The container widens to the ancestor holding this share of the page's prose.
SCORE_PROSE_COVERAGE = 0.85
#: A sibling scoring this share of the winner (and at least SCORE_SIBLING_MIN) joins it.
SCORE_SIBLING_SHARE = 0.2
SCORE_SIBLING_MIN = 10.0

# --- The second opinion (``second_opinion.py``) ---

#: Our container with less prose than this is unsure, and readability-lxml is asked.
UNSURE_PROSE_CHARS = 600
#: readability-lxml's pick replaces ours when it holds this many times our prose.
CLEARLY_MORE_PROSE = 1.5
