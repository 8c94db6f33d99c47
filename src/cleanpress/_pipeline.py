"""Runs the stages in order; the one place that knows the order.

HTML:  decode -> parse -> metadata -> prune -> score -> flatten -> textual rules -> assemble -> render
Text:  decode -> split into lines -> textual rules and title (text_mode) -> assemble -> render

Every stage works on the one tree that ``parse`` built; nothing is
serialised and parsed again between stages.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal, TypeVar

from lxml.html import HtmlElement

from .article import Article, Decision, Metadata, PageType, Removal
from .assemble import decide
from .candidates import Candidate
from .confidence import article_score, html_reads_as_language, reads_as_language
from .decode import clean_text, decode_page_with_utf8
from .discussion import comment_candidates
from .errors import InputTypeError, OptionsError, PageTooLarge
from .fallback import rescue
from .flatten import flatten
from .metadata import extract_metadata, lead_description, page_lead
from .options import DEFAULT_OPTIONS, Options, check_encoding
from .page_type import classify, kept_signals, page_signals, page_text
from .parse import looks_like_html, parse_html
from .prune import prune
from .render import join_html, join_markdown, join_text, to_blocks
from .rules import check_rule_ids
from .rules.functional import find_chrome
from .rules.textual import label_sequence
from .score import find_container
from .second_opinion import consult_readability
from .text_mode import candidates_from_text, dateline, label_lines, split_authors
from .thresholds import RESCUED_CONFIDENCE

Format = Literal["auto", "html", "text"]
_Page = TypeVar("_Page", str, bytes)
_FORMATS = ("auto", "html", "text")


def extract(
    page: str | bytes,
    *,
    url: str | None = None,
    format: Format = "auto",
    encoding: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> Article:
    """Return the article in ``page``: HTML (bytes or str) or flattened page text.

    ``url`` resolves relative links and may fill ``Article.url``; ``format``
    forces HTML or text instead of detecting it; ``encoding`` overrides the
    page's declared encoding, as an HTTP header would. Options come as an
    :class:`Options` or as keyword overrides of its fields, e.g.
    ``extract(page, keep_tables=False, disabled_rules={"text.read-more"})``.
    Raises :class:`InputTypeError` (a ``TypeError``) for anything but str or
    bytes, :class:`OptionsError` for bad options and :class:`LimitExceeded`
    past a size limit; any other input gives an Article, empty at worst.
    """
    return _run(page, url, format, encoding, _options(options, overrides, format, encoding), traced=False)[0]


def trace(
    page: str | bytes,
    *,
    url: str | None = None,
    format: Format = "auto",
    encoding: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> tuple[Article, tuple[Decision, ...]]:
    """Like :func:`extract`, plus every candidate block and the decision on it, in reading order."""
    return _run(page, url, format, encoding, _options(options, overrides, format, encoding), traced=True)


def _run(page: object, url: str | None, format: str, encoding: str | None, opts: Options,
         traced: bool) -> tuple[Article, tuple[Decision, ...]]:
    """The article, and with ``traced`` the decisions (which :func:`extract` would only throw away)."""
    text, utf8, truncated = _decode(page, encoding, opts)
    if not text or text.isspace():  # strip() would copy the whole page to find out
        return Article(url=url or "", truncated=truncated), ()
    if format == "html" or (format == "auto" and looks_like_html(text)):
        return _from_html(text, utf8, url, opts, truncated, traced)
    if not reads_as_language(text, html=False):  # noise, code, data: no article, as for a binary format
        return Article(url=url or "", truncated=truncated), ()
    return _from_text(text, url, opts, truncated, traced)


def _options(options: Options | None, overrides: dict[str, Any], format: str, encoding: str | None) -> Options:
    if options is not None and not isinstance(options, Options):
        raise OptionsError(f"options must be a cleanpress.Options, not {type(options).__name__}")
    if format not in _FORMATS:
        raise OptionsError(f"format must be one of {', '.join(_FORMATS)}, not {format!r}")
    check_encoding(encoding)
    opts = (options or DEFAULT_OPTIONS).with_overrides(overrides)
    check_rule_ids(opts)
    return opts


def _decode(page: object, encoding: str | None, options: Options) -> tuple[str, bytes | None, bool]:
    """The page as clean text, the page's own UTF-8 bytes when they read as that text (see
    ``decode_page_with_utf8``), and whether it was cut to ``max_bytes``."""
    if isinstance(page, (bytearray, memoryview)):
        page = bytes(page)
    if not isinstance(page, (str, bytes)):
        raise InputTypeError(f"page must be str or bytes (HTML or page text), not {type(page).__name__}")
    limit, truncate = options.limits.max_bytes, options.limits.truncate
    if isinstance(page, str):
        text, truncated = _within_limit(page, limit, truncate, "characters")
        return clean_text(text), None, truncated
    data, truncated = _within_limit(page, limit, truncate, "bytes")
    # gzip is inflated no further than one byte past the limit, then held to it like any page
    text, utf8 = decode_page_with_utf8(data, encoding, max_inflated=limit + 1)
    text, cut = _within_limit(text, limit, truncate, "characters once decompressed")
    return text, None if cut else utf8, truncated or cut


def _within_limit(page: _Page, limit: int, truncate: bool, unit: str) -> tuple[_Page, bool]:
    """``page`` if within ``limit``; past it, cut (when allowed) or a :class:`PageTooLarge`."""
    if len(page) <= limit:
        return page, False
    if not truncate:
        raise PageTooLarge(f"page has {len(page):,} {unit}, more than the limit of {limit:,}",
                           limit="max_bytes", value=len(page), maximum=limit)
    return page[:limit], True


def _from_html(text: str, utf8: bytes | None, url: str | None, options: Options,
               truncated: bool, traced: bool) -> tuple[Article, tuple[Decision, ...]]:
    root, cut = parse_html(text, options.limits, cleaned=True, utf8=utf8)
    body = _body(root)
    body_text = page_text(body)
    if not html_reads_as_language(body, body_text):  # noise that happened to hold a tag or two
        return Article(url=url or "", truncated=truncated or cut), ()
    metadata = extract_metadata(root, url, lead=False)
    # before prune: a cart button or a row of cards is chrome, and evidence of the page type
    signals = page_signals(body, body_text, metadata, url or "")
    lead = page_lead(root) if not metadata.description else ""
    pruned = prune(body, options, find_chrome(body, options, metadata.url or url or ""))
    container = find_container(body)
    elements = consult_readability(body, container, options)
    candidates = flatten(body, elements, pruned.order)
    label_sequence(candidates, options)
    decide(candidates, metadata, options)
    rescued = rescue(text, utf8, metadata.url or url or "", options, metadata, candidates)
    if rescued is not None:  # the article path kept a sliver of a page with content
        candidates, pruned = rescued
    removals = pruned.removals
    if not metadata.title:
        heading = next((c.text for c in candidates if c.kind == "heading" and c.level == 1), "")
        metadata = replace(metadata, title=heading)
    if not metadata.description:
        metadata = replace(metadata, description=lead_description(
            lead, ((c.kind, c.text) for c in candidates if c.removal is None)))
    if pruned.comments:  # set aside by the prune walk whose reading stands, positioned after its last element
        discussion, inside = comment_candidates(pruned.comments, options, after=len(pruned.order) + 1)
        candidates.extend(discussion)
        removals = [*removals, *inside]
    return _finish(candidates, removals, metadata, url, options, truncated or cut, traced, signals,
                   rescued=rescued is not None)


def _from_text(text: str, url: str | None, options: Options, truncated: bool,
               traced: bool) -> tuple[Article, tuple[Decision, ...]]:
    candidates = candidates_from_text(text)
    title = label_lines(candidates, options)
    byline, published = dateline(candidates, title)
    metadata = Metadata(title=title, byline=byline, authors=split_authors(byline), published=published,
                        url=url or "")
    decide(candidates, metadata, options)
    return _finish(candidates, [], metadata, url, options, truncated, traced)


def _finish(candidates: list[Candidate], early: list[tuple[int, Removal]], metadata: Metadata, url: str | None,
            options: Options, truncated: bool, traced: bool,
            signals: dict[str, float] | None = None, rescued: bool = False) -> tuple[Article, tuple[Decision, ...]]:
    """Blocks, removals and (when ``traced``) decisions, in reading order, into the Article.

    ``signals`` are the page's own (see ``page_type``); text input has none, and its
    confidence is the article score alone: an article when at least one half.
    ``rescued``: the fallback found the content, so the article path found no
    article: the confidence is at most ``RESCUED_CONFIDENCE``.
    """
    blocks = to_blocks((c for c in candidates if c.removal is None), base_url=url, keep_links=options.keep_links,
                       keep_images=options.keep_images, html=options.html, markdown=options.markdown)
    # (position, sequence, removal, candidate): early removals first at equal positions, as they were made first
    events: list[tuple[float, int, Removal | None, Candidate | None]] = [
        (float(position), seq, removal, None) for seq, (position, removal) in enumerate(early)]
    events.extend((c.order, seq, c.removal, c) for seq, c in enumerate(candidates, len(events)))
    events.sort(key=lambda event: (event[0], event[1]))
    text = join_text(blocks)
    # kept comments (``keep_comments``) come last; the article is judged without them
    own = [block for block in blocks if block.kind != "comment"]
    score = article_score(own, [c for c in candidates if c.kind != "comment"], metadata)
    own_chars = len(text) if len(own) == len(blocks) else len(join_text(own))
    if signals is None:
        page_type: PageType = "article" if score >= 0.5 else "other"
        probability = score
    else:
        page_type, probability = classify({**signals, **kept_signals(own_chars, score)}, empty=not own,
                                          cap=RESCUED_CONFIDENCE if rescued else 1.0)
    article = Article(
        title=metadata.title, byline=metadata.byline, authors=metadata.authors, published=metadata.published,
        site_name=metadata.site_name, lang=metadata.lang, description=metadata.description,
        url=metadata.url or url or "", image=metadata.image,
        blocks=tuple(blocks), text=text, html=join_html(blocks) if options.html else "",
        markdown=join_markdown(blocks) if options.markdown else "",
        confidence=probability, page_type=page_type,
        removed=tuple(removal for _, _, removal, _ in events if removal is not None),
        truncated=truncated,
    )
    if not traced:
        return article, ()
    return article, tuple(_decision(removal, candidate) for _, _, removal, candidate in events)


def _decision(removal: Removal | None, candidate: Candidate | None) -> Decision:
    """The trace's entry for a candidate, or for a region removed before there were candidates."""
    if candidate is None:
        assert removal is not None
        return Decision(removal.text, False, removal.kind, removal.rule, False)
    if removal is None:
        return Decision(candidate.text, True, candidate.kind, "", candidate.in_container)
    return Decision(candidate.text, False, removal.kind, removal.rule, candidate.in_container)


def _body(root: HtmlElement) -> HtmlElement:
    body = root.find("body")
    return body if body is not None else root
