"""Assemble stage: decide every candidate block, then build the body.

Order of decisions, each recorded with its rule id:

1. textual rules over the whole sequence (so chrome outside the article is
   reported by what it is, not only as "outside");
2. anything still outside the chosen container (``score.outside-container``);
3. inside it: link-heavy blocks, stacks of short UI labels, the headline
   repeated as a heading, and captions or tables the caller chose to drop.

What survives becomes ``Block``s; confidence is read off the same survivors.
"""

from __future__ import annotations

import regex
from lxml.html import HtmlElement

from .article import Block, Metadata, Removal
from .candidates import Candidate
from .options import Options
from .rules import register
from .rules.literals import fold, gate_words
from .rules.structural import names_lead
from .rules.textual import label_sequence
from .score import OUTSIDE_RULE
from .textutil import collapse

LINK_DENSE_RULE = register("struct.link-dense", "related-links",
                           "blocks that are mostly link text: teaser lists, tag lists, 'more stories'")
SHORT_STACK_RULE = register("struct.short-stack", "widget",
                            "three or more short label-like blocks in a row: button rows and pickers")
CODE_LABEL_RULE = register("assemble.code-label", "widget",
                           "a one- or two-word label right before a code block ('Python', 'Shell')")
TEASER_RULE = register("struct.teaser", "related-links",
                       "a short blurb right after a linked headline: a teaser card for another story")
LEAD_REACH = 8
HEADINGS_ONLY_RULE = register("assemble.headings-only", "navigation",
                              "headings with no prose under them: section labels of a non-article page")
TRAILING_HEADING_RULE = register("assemble.trailing-heading", "related-links",
                                 "headings and short labels after the last sentence of the article: titles of removed boxes")
LEADING_LABEL_RULE = register("assemble.leading-label", "metadata",
                              "short labels above the first sentence of the article: categories, picture labels")
KICKER_RULE = register("assemble.kicker", "metadata", "a one- to three-word section label right above the headline")
TITLE_RULE = register("assemble.title-repeat", "metadata", "the headline repeated at the top of the body")
CAPTION_OPTION = "option.keep-captions"
TABLE_OPTION = "option.keep-tables"

_SENTENCE_END = regex.compile(r"[.!?…:;)\]\"”»。！？」]$")
_SHORT_WORDS = 3
_SHORT_CHARS = 30
_SHORT_UNSPACED = 8
_IDEOGRAPHS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_IDEOGRAPH_WEIGHT = 3
_TEASER_MAX = 250
_BODY_KINDS = frozenset({"paragraph", "list", "quote", "code", "table"})
_LINK_POST_BLOCKS = 5
_TEASER_ITEMS = 0.8
_TRAILING_LABEL = 40
_LEAD_MIN = 100
_LEAD_LINKS = 0.2
_NAMED_LEAD_MIN = 40     # a block classed as the standfirst need not end as a sentence
_LEAD_SKIP_LINKS = 0.5  # link blocks (a most-read box between headline and body) do not use up the reach
_LEAD_KINDS = frozenset({"paragraph", "heading"})
_LEAD_HEADING_MIN = 120  # a heading this long is sentences, not a title
# A photo credit closing a caption: "(AP Photo/Jane Doe)", "Photo: Jane Doe", "REUTERS/Jane Doe", "(NASA via AP, File)".
_CREDIT = (
    r"(?:\((?:[\p{L}. ]{0,20})?(?:photo|foto|image|picture|photograph|credit|bild)\b[^)]{0,100}\)"
    r"|\b(?:photo|foto|image|picture|photograph|credit|bild)(?: by)?\s*[:©]\s*[^.]{2,80}"
    r"|\b(?:reuters|afp|ap|epa|dpa|getty images|shutterstock)\s*/\s*[\p{L} .'-]{2,60}"
    r"|\([^()]{0,60}\bvia (?:reuters|afp|ap|epa|dpa|getty images)\b[^()]{0,20}\))\.?\s*+$"
)
# Matched right to left from the end of the text (``regex``'s reverse mode): one attempt, where a
# forward search would try every position of the paragraph. A match exists either way or neither.
_CREDIT_AT_END = regex.compile(_CREDIT, regex.IGNORECASE | regex.REVERSE)
_CAPTION_MAX = 400
# Words one of which every credit contains, read off the pattern: most paragraphs hold none and skip its search.
_CREDIT_WORDS = gate_words([_CREDIT])
_TITLE_SEPARATORS = ('"', "|", "·", "›", "•")  # '»' folds to '"'
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                             "–": "-", "—": "-"})
# Words of a photo caption, which sits above many bodies but is no lead.
_PHOTO_WORDS = regex.compile(r"\b(?:photo|pictured|file photo|getty|reuters|afp|dpa|foto|bild)\b", regex.IGNORECASE)


def decide(candidates: list[Candidate], metadata: Metadata, options: Options) -> None:
    """Set ``removal`` on every candidate that does not belong to the body."""
    label_sequence(candidates, options)
    _spot_captions(candidates)
    _keep_lead(candidates)
    title = _fold(metadata.title)
    seen_body = False
    for candidate in candidates:
        if candidate.removal is not None:
            continue
        if not candidate.in_container:
            _remove(candidate, OUTSIDE_RULE.kind, OUTSIDE_RULE.id, options)
        elif not seen_body and candidate.kind == "heading" and _repeats_title(candidate.text, title):
            _remove(candidate, TITLE_RULE.kind, TITLE_RULE.id, options)  # linked or not: blogs link it to itself
        elif _link_heavy(candidate):
            _remove(candidate, LINK_DENSE_RULE.kind, LINK_DENSE_RULE.id, options)
        elif candidate.kind == "caption" and not options.keep_captions:
            candidate.removal = Removal("dropped-by-option", CAPTION_OPTION, candidate.text)
        elif candidate.kind == "table" and not options.keep_tables:
            candidate.removal = Removal("dropped-by-option", TABLE_OPTION, candidate.text)
        if candidate.removal is None and candidate.kind == "paragraph" and len(candidate.text) >= 80:
            seen_body = True
    _remove_short_stacks(candidates, options)
    _remove_kickers(candidates, options)
    _remove_code_labels(candidates, options)
    _remove_teasers(candidates, options)
    _keep_links_of_a_link_post(candidates)
    _remove_lone_headings(candidates, options)
    _remove_trailing_headings(candidates, options)
    _remove_leading_labels(candidates, options)


def _spot_captions(candidates: list[Candidate]) -> None:
    """A short paragraph that ends in a photo credit is a caption set as a paragraph."""
    for candidate in candidates:
        if (candidate.removal is None and candidate.kind == "paragraph" and len(candidate.text) < _CAPTION_MAX
                and _ends_with_credit(candidate.text)):
            candidate.kind = "caption"


def _ends_with_credit(text: str) -> bool:
    if _CREDIT_WORDS is not None:
        folded = fold(text)
        if not any(word in folded for word in _CREDIT_WORDS):
            return False
    return _CREDIT_AT_END.match(text) is not None


def _keep_lead(candidates: list[Candidate]) -> None:
    """Bring the standfirst into the article: prose just above the container.

    Sites often set the lead paragraph in the headline block, outside the
    element that holds the body. Up to ``LEAD_REACH`` blocks above the first
    block of the container, a full sentence of prose with few links that no
    rule removed is taken in. Headings and blocks a rule removed do not count
    towards the reach: a review's score box (Pros, Cons, Verdict) is labels.
    Many templates set the standfirst as a subheading (an h2 of two full
    sentences): a heading that long which ends as a sentence is taken too.
    """
    first = next((i for i, c in enumerate(candidates) if c.in_container), None)
    if not first:
        return
    reach = LEAD_REACH
    for candidate in reversed(candidates[:first]):
        if candidate.kind == "heading" and candidate.level == 1:
            break
        if candidate.removal is not None or candidate.link_density > _LEAD_SKIP_LINKS:
            continue
        if candidate.kind == "heading" and len(candidate.text) < _LEAD_HEADING_MIN:
            continue
        reach -= 1
        if reach < 0:
            break
        if (candidate.kind in _LEAD_KINDS and candidate.link_density < _LEAD_LINKS
                and (len(candidate.text) >= _LEAD_MIN and _SENTENCE_END.search(candidate.text)
                     or len(candidate.text) >= _NAMED_LEAD_MIN and _named_lead(candidate))
                and not _PHOTO_WORDS.search(candidate.text) and not _in_figure(candidate)):
            candidate.in_container = True


def _named_lead(candidate: Candidate) -> bool:
    """The block's element (or the box whose loose text it is) is classed as the standfirst."""
    element = _element_of(candidate)
    return element is not None and names_lead(element.get("class"), element.get("id"))


def _in_figure(candidate: Candidate) -> bool:
    element = _element_of(candidate)
    return element is not None and any(a.tag == "figure" for a in element.iterancestors())


def _element_of(candidate: Candidate) -> HtmlElement | None:
    """The block's own element, or for loose text the box it lies in."""
    if candidate.element is not None:
        return candidate.element
    parent = candidate.extra.get("parent")
    return parent if isinstance(parent, HtmlElement) else None


def _repeats_title(heading: str, title: str) -> bool:
    """The heading is the headline (or the headline before a site suffix, or after a site prefix).

    Blog themes title a post "Blog » Archive » Headline": the headline ends it,
    after a separator.
    """
    text = _fold(heading)
    if not title or not text:
        return False
    if text == title:
        return True
    return len(text.split()) >= 3 and (title.startswith(text) or (
        title.endswith(text) and title[:-len(text)].rstrip().endswith(_TITLE_SEPARATORS)))


def _fold(text: str) -> str:
    """Case, spacing and typographic quotes and dashes folded: meta titles are often typed plainly."""
    return collapse(text).casefold().translate(_TYPOGRAPHY)


def _remove(candidate: Candidate, kind: str, rule_id: str, options: Options) -> None:
    if options.rule_enabled(rule_id):
        candidate.removal = Removal(kind, rule_id, candidate.text)


def _link_heavy(candidate: Candidate) -> bool:
    density = candidate.link_density
    if candidate.kind == "list":
        linked = float(candidate.extra.get("linked_items", 0.0))  # type: ignore[arg-type]
        items = int(candidate.extra.get("top_items", 0))  # type: ignore[call-overload]
        return density > 0.6 or (linked >= _TEASER_ITEMS and items >= 3)
    if candidate.kind == "heading":
        return density > 0.8 and candidate.level > 1
    if candidate.kind == "paragraph":
        return density > 0.5 and len(candidate.text) < 300 or density > 0.8
    return False


def _is_label(candidate: Candidate) -> bool:
    if candidate.removal is not None or candidate.kind != "paragraph":
        return False
    text = candidate.text
    if " " in text:
        # the width is never below the length: most paragraphs are ruled out before counting ideographs
        short = len(text) <= _SHORT_CHARS and _width(text) <= _SHORT_CHARS and len(text.split()) <= _SHORT_WORDS
    else:
        short = len(text) <= _SHORT_UNSPACED  # Chinese or Japanese: a character is a word
    return short and not _SENTENCE_END.search(text)


def _width(text: str) -> int:
    """Length in Latin letters: a Chinese or Japanese character says as much as a short word."""
    return len(text) + (_IDEOGRAPH_WEIGHT - 1) * len(_IDEOGRAPHS.findall(text))


def _remove_short_stacks(candidates: list[Candidate], options: Options) -> None:
    """Runs of three or more label-like blocks are widgets, not prose."""
    run: list[Candidate] = []
    for candidate in [*candidates, None]:
        if candidate is not None and candidate.in_container and _is_label(candidate):
            run.append(candidate)
            continue
        if len(run) >= 3:
            for label in run:
                _remove(label, SHORT_STACK_RULE.kind, SHORT_STACK_RULE.id, options)
        run = []


def _remove_kickers(candidates: list[Candidate], options: Options) -> None:
    """A short label right above the headline is its kicker ("Reportage", "Analysis")."""
    for label, headline in zip(candidates, candidates[1:]):
        if headline.removal is not None and headline.removal.rule == TITLE_RULE.id and _is_label(label):
            _remove(label, KICKER_RULE.kind, KICKER_RULE.id, options)


def _remove_code_labels(candidates: list[Candidate], options: Options) -> None:
    kept = [c for c in candidates if c.removal is None]
    for label, following in zip(kept, kept[1:]):
        if following.kind == "code" and _is_label(label) and len(label.text.split()) <= 2:
            _remove(label, CODE_LABEL_RULE.kind, CODE_LABEL_RULE.id, options)


def _remove_teasers(candidates: list[Candidate], options: Options) -> None:
    """A short blurb that follows a linked headline belongs to that teaser card."""
    for headline, blurb in zip(candidates, candidates[1:]):
        if (headline.kind == "heading" and headline.removal is not None and headline.removal.rule == LINK_DENSE_RULE.id
                and blurb.removal is None and blurb.kind == "paragraph" and len(blurb.text) < _TEASER_MAX):
            _remove(blurb, TEASER_RULE.kind, TEASER_RULE.id, options)


def _keep_links_of_a_link_post(candidates: list[Candidate]) -> None:
    """When link density alone would leave the article without a line of text, a few link blocks are the article.

    A link round-up or a bookmark post is nothing but links, and an empty
    result serves nobody; a page that has any prose of its own keeps the rule,
    and so does a section front, whose many teaser blocks say it holds no article.
    """
    if any(c.removal is None and c.kind in _BODY_KINDS for c in candidates):
        return
    linked = [c for c in candidates
              if c.in_container and c.removal is not None and c.removal.rule == LINK_DENSE_RULE.id]
    if len(linked) <= _LINK_POST_BLOCKS:
        for candidate in linked:
            candidate.removal = None


def _remove_lone_headings(candidates: list[Candidate], options: Options) -> None:
    kept = [c for c in candidates if c.removal is None]
    if kept and all(c.kind in ("heading", "caption") for c in kept):
        for heading in kept:
            _remove(heading, HEADINGS_ONLY_RULE.kind, HEADINGS_ONLY_RULE.id, options)


def _remove_trailing_headings(candidates: list[Candidate], options: Options) -> None:
    """Headings and labels after the last sentence head something that was removed, not the article."""
    for candidate in reversed(candidates):
        if candidate.removal is not None or not candidate.in_container:
            continue
        if candidate.kind != "heading" and not (candidate.kind == "paragraph" and _is_trailing_label(candidate.text)):
            return
        _remove(candidate, TRAILING_HEADING_RULE.kind, TRAILING_HEADING_RULE.id, options)


def _remove_leading_labels(candidates: list[Candidate], options: Options) -> None:
    """Short labels above the first sentence of the article are picture labels, categories and tags."""
    for candidate in candidates:
        if candidate.removal is not None or not candidate.in_container:
            continue
        if candidate.kind != "paragraph" or not _is_trailing_label(candidate.text):
            return
        _remove(candidate, LEADING_LABEL_RULE.kind, LEADING_LABEL_RULE.id, options)


def _is_trailing_label(text: str) -> bool:
    return _width(text) <= _TRAILING_LABEL and not _SENTENCE_END.search(text)


def confidence(kept: list[Block], candidates: list[Candidate], metadata: Metadata) -> float:
    """How sure we are that the page holds an article: 0 (none) to 1."""
    prose = [block for block in kept if block.kind in ("paragraph", "quote", "list") and len(block.text) >= 40]
    if not kept:
        return 0.0
    chars = sum(len(block.text) for block in prose)
    long_paragraphs = sum(1 for block in prose if len(block.text) >= 120)
    score = 0.1 + 0.5 * min(chars / 1500, 1.0) + 0.25 * min(long_paragraphs / 4, 1.0)
    if metadata.published or metadata.byline:
        score += 0.15
    teasers = sum(1 for c in candidates if c.removal is not None and c.removal.rule == LINK_DENSE_RULE.id)
    if teasers > max(len(prose), 1):
        score *= 0.5
    return round(min(score, 1.0), 3)
