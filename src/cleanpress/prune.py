"""Prune stage: cut what is never article content, in one walk of the body.

Three families decide here, each recorded as a ``Removal`` (except tags that
never hold readable text, such as scripts, which are dropped silently):

* tags: nav, header, footer, aside, forms, buttons (``prune.*`` rules,
  declared in ``rules/tags.py``);
* hidden elements: ``hidden``, ``aria-hidden``, inline ``display:none``;
* structural rules: ARIA roles and class/id keywords (``struct.*``, declared
  in ``rules/structural.py``) and the caller's CSS-selector rules.

A size guard (``rules.structural.protected``) protects any element that
holds a large share of the page's text, so a wrapper whose class happens to
say "share-enabled" or a page laid out inside one ``<form>`` keeps its article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from .article import Removal
from .options import Options, SelectorRule
from .rules.functional import Mark
from .rules.structural import (
    CLASS_RULES,
    ROLE_KINDS,
    ROLE_RULE,
    BodySize,
    class_id_words,
    class_kind,
    is_hidden,
    keywords_starting,
    names_none_of,
    prose_of,
    protected,
    too_big,
    unlinked_teaser,
)
from .rules.tags import HIDDEN_RULE, SILENT_TAGS, TAG_RULES
from .rules.textual import match_text, may_name_appeal
from .tags import INLINE_TAGS
from .textutil import collapse, spaced_text
from .thresholds import ARTICLE_MIN_CHARS

_SILENT_BUT_NOSCRIPT = SILENT_TAGS - {"noscript"}
# A <noscript> holding this share of the body's text is the page itself, served to readers without scripts.
_NOSCRIPT_PAGE_SHARE = 0.5

_REFINE_WHOLE = 400
_OPENING_PIECES = 3
# Regions that gather many kinds of text: a phrase inside does not name them.
_MIXED_KINDS = frozenset({"footer", "comments"})
# Kinds vague enough that the text inside can name the element better.
_REFINABLE_KINDS = frozenset({"navigation", "metadata", "hidden", "widget", "related-links", "subscription-prompt",
                              "support-banner", "footer", "advertisement", "outside-article"})
# Kinds too vague to be worth naming inside a region already removed by tag.
_COARSE_KINDS = frozenset({"navigation", "metadata", "hidden", "widget", "related-links"})
_REPORTED_STARTS = keywords_starting(CLASS_RULES.keys() - _COARSE_KINDS)
#: Every class and id value under an element, gathered in C (no Python object per element).
_DESCENDANT_NAMES = etree.XPath("descendant::*/@class | descendant::*/@id", smart_strings=False)
_WORD_AT_END = re.compile(r"\w[\s,;:'\"(-]*$")
_WORD_AT_START = re.compile(r"[\s,;:'\")-]*\w")
_AROUND = 20
_COMMENTS = (CLASS_RULES["comments"].id, "comments")


@dataclass
class PruneResult:
    """What the prune walk leaves for later stages: removals, document order and, when the caller keeps
    comments, the comment regions it set aside (detached from the body, whole)."""

    removals: list[tuple[int, Removal]] = field(default_factory=list)
    order: dict[HtmlElement, int] = field(default_factory=dict)
    comments: list[HtmlElement] = field(default_factory=list)


def prune(body: HtmlElement, options: Options, marked: Mapping[HtmlElement, Mark] | None = None) -> PruneResult:
    """Remove never-content and chrome elements from ``body`` in place; ``marked``: widget regions found by
    the functional rules (``rules.functional.find_chrome``), removed as they are."""
    result = PruneResult()
    etree.strip_elements(body, *_SILENT_BUT_NOSCRIPT, with_tail=False)
    chars = len(body.text_content())
    if _unwrap_page_noscript(body, chars):
        chars = len(body.text_content())
    body_size = BodySize(chars, prose_of(body), body)
    selected = _user_selections(body, options)
    kinds: dict[tuple[str | None, str | None], tuple[str | None, str]] = {}  # class/id -> (kind, words), per call
    doomed: list[HtmlElement] = []
    walker = etree.iterwalk(body, events=("start",))
    index = 0
    for _event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        index += 1
        result.order[element] = index
        if element is body:
            continue
        verdict = _verdict(element, tag, options, body_size, selected, kinds)
        mark = marked.get(element) if marked else None
        if mark is not None and (verdict is None or verdict[1] == "widget"):  # a class rule names it better
            doomed.append(element)
            walker.skip_subtree()
            text = spaced_text(element)
            if text:
                result.removals.append((index, Removal(mark.kind, mark.rule_id, text)))
            continue
        if verdict is None:
            continue
        doomed.append(element)
        walker.skip_subtree()
        if options.keep_comments and verdict == _COMMENTS:
            result.comments.append(element)
            continue
        if verdict[0].startswith("prune.") or verdict[0] == ROLE_RULE.id:
            _report_inner_chrome(element, index, options, result, kinds)
        text = spaced_text(element)
        if text:
            rule_id, kind = _refine(verdict, element, text, options)
            result.removals.append((index, Removal(kind, rule_id, text)))
    for element in doomed:
        _drop_keeping_word_boundary(element)
    return result


def _unwrap_page_noscript(body: HtmlElement, chars: int) -> bool:
    """Keep the content of a <noscript> that holds the page; drop every other <noscript> silently.

    <noscript> usually holds a tracking pixel or "please enable JavaScript",
    but some sites put the whole page there for readers without scripts.
    Returns True when one was unwrapped.
    """
    unwrapped = False
    for element in list(body.iter("noscript")):
        if (len(element.text_content()) >= _NOSCRIPT_PAGE_SHARE * chars
                and prose_of(element, ARTICLE_MIN_CHARS) >= ARTICLE_MIN_CHARS):
            element.drop_tag()
            unwrapped = True
    etree.strip_elements(body, "noscript", with_tail=False)
    return unwrapped


def _drop_keeping_word_boundary(element: HtmlElement) -> None:
    """Drop ``element`` but not its tail; a block leaves a space, so "first<div>..</div>second" stays two words."""
    tail = element.tail
    if tail and not tail[0].isspace() and element.tag not in INLINE_TAGS:
        before = _text_before(element)
        if before and not before[-1].isspace():
            element.tail = " " + tail
    element.drop_tree()


def _text_before(element: HtmlElement) -> str:
    """The text right before ``element``: its previous sibling's tail, or its parent's own text."""
    previous = element.getprevious()
    if previous is not None:
        return previous.tail or ""
    parent = element.getparent()
    return (parent.text if parent is not None else "") or ""


def _verdict(element: HtmlElement, tag: str, options: Options, body: BodySize,
             selected: dict[HtmlElement, SelectorRule],
             kinds: dict[tuple[str | None, str | None], tuple[str | None, str]]) -> tuple[str, str] | None:
    """The (rule id, kind) that removes ``element``, or None to keep it.

    ``kinds`` remembers the class/id verdicts of this page: menus and lists
    repeat the same class on every item.
    """
    if selected:
        user_rule = selected.get(element)
        if user_rule is not None:
            return user_rule.id, user_rule.kind
    attrib = element.attrib
    if not attrib and tag not in TAG_RULES:
        return None
    if is_hidden(attrib):
        if options.rule_enabled(HIDDEN_RULE.id):
            return HIDDEN_RULE.id, HIDDEN_RULE.kind
    tag_rule = TAG_RULES.get(tag)
    if tag_rule is not None and options.rule_enabled(tag_rule.id):
        if tag == "header" and _inside_article(element):
            return None  # the article's own heading block: title, byline, lead; later rules sort it out
        if not protected(element, body):
            return tag_rule.id, tag_rule.kind
    role = attrib.get("role")
    if role in ROLE_KINDS and options.rule_enabled(ROLE_RULE.id) and not protected(element, body):
        return ROLE_RULE.id, ROLE_KINDS[role]
    names = (attrib.get("class"), attrib.get("id"))
    if names != (None, None):
        kind, words = _class_verdict(names, kinds)
        if kind is not None and tag not in ("body", "html", "main", "article") and not _inside_a_sentence(element, tag):
            rule = CLASS_RULES[kind]
            if options.rule_enabled(rule.id) and not too_big(element, kind, words) and not unlinked_teaser(
                    element, words, body) and not protected(element, body, words):
                return rule.id, kind
    return None


def _inside_a_sentence(element: HtmlElement, tag: str) -> bool:
    """An inline element with words on both sides is words of a sentence, whatever its class says.

    Annotated texts and glossaries mark phrases with classes such as "popup";
    removing them would cut holes in the prose.
    """
    if tag not in INLINE_TAGS:
        return False
    return bool(_WORD_AT_END.search(_text_before(element)[-_AROUND:])) and bool(_WORD_AT_START.match((element.tail or "")[:_AROUND]))


def _class_verdict(names: tuple[str | None, str | None],
                   kinds: dict[tuple[str | None, str | None], tuple[str | None, str]]) -> tuple[str | None, str]:
    """The chrome kind that a class/id pair names, remembered for the rest of the page."""
    known = kinds.get(names)
    if known is None:
        words = class_id_words(*names)
        known = kinds[names] = (class_kind(words), words)
    return known


def _report_inner_chrome(element: HtmlElement, index: int, options: Options, result: PruneResult,
                         kinds: dict[tuple[str | None, str | None], tuple[str | None, str]]) -> None:
    """Name the recognisable pieces inside a region removed by its tag or role.

    A header that holds a share bar, or a footer that holds a newsletter box,
    goes as a whole; reporting the pieces by their own kind tells the reader
    what was there. The pieces are detached first, so the region's own record
    keeps only the rest.
    """
    if names_none_of(class_id_words(" ".join(_DESCENDANT_NAMES(element)), None), _REPORTED_STARTS):
        return  # no class or id inside names a kind worth reporting: most regions
    pieces: list[HtmlElement] = []
    walker = etree.iterwalk(element, events=("start",))
    for _event, inner in walker:
        if inner is element or not isinstance(inner.tag, str):
            continue
        names = (inner.get("class"), inner.get("id"))
        if names == (None, None):
            continue
        kind = _class_verdict(names, kinds)[0]
        if kind is None or kind in _COARSE_KINDS or not options.rule_enabled(CLASS_RULES[kind].id):
            continue
        text = spaced_text(inner)
        if text:
            rule_id, refined = _refine((CLASS_RULES[kind].id, kind), inner, text, options)
            result.removals.append((index, Removal(refined, rule_id, text)))
        pieces.append(inner)
        walker.skip_subtree()
    for piece in pieces:
        piece.drop_tree()


def _refine(verdict: tuple[str, str], element: HtmlElement, text: str, options: Options) -> tuple[str, str]:
    """A textual rule's more telling kind for a structurally removed element, when one fits.

    A small element is named by its whole text ("Support The ...!" in a
    complementary box is a support banner); a large one only by an appeal
    opener at its start ("A Message from ..." heads a donation appeal).
    """
    if len(text) <= _REFINE_WHOLE:
        if verdict[1] not in _REFINABLE_KINDS:
            return verdict
        rule = match_text(text, options)
        if rule is not None and not getattr(rule, "whole", True) and verdict[1] in _MIXED_KINDS:
            rule = None  # a phrase somewhere in a footer does not make it a cookie notice
    else:
        opening = [collapse(piece) for piece in islice((p for p in element.itertext() if p.strip()), _OPENING_PIECES)]
        rule = next((r for r in (match_text(piece, options) for piece in opening if may_name_appeal(piece, options))
                     if r is not None and r.kind == "donation-appeal"), None)
    return (rule.id, rule.kind) if rule is not None else verdict


def _inside_article(element: HtmlElement) -> bool:
    return any(ancestor.tag in ("article", "main") for ancestor in element.iterancestors())


def _user_selections(body: HtmlElement, options: Options) -> dict[HtmlElement, SelectorRule]:
    """Elements that the caller's enabled selector rules pick, each with its rule."""
    selected: dict[HtmlElement, SelectorRule] = {}
    for rule in options.extra_rules:
        if isinstance(rule, SelectorRule) and options.rule_enabled(rule.id):
            for element in CSSSelector(rule.selector)(body):
                selected.setdefault(element, rule)
    return selected
