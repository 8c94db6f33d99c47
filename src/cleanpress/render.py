"""Render stage: kept candidates to Blocks, and Blocks to the article's text, HTML and Markdown.

A Block's HTML comes from the allow-list sanitizer (``sanitize.sanitize_element``)
on the block's own element, its Markdown from :mod:`cleanpress.markdown` on
the same element; a block without an element (text-mode input) is written
from its text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from .article import Block
from .candidates import Candidate
from .markdown import block_markdown, plain_markdown
from .sanitize import UrlVerdicts, sanitize_element


def to_blocks(candidates: Iterable[Candidate], *, base_url: str | None, keep_links: bool,
              keep_images: bool, html: bool = True, markdown: bool = True) -> list[Block]:
    """The Blocks of one page's kept candidates, sharing one set of URL verdicts.

    ``html`` and ``markdown`` say which renderings the caller wants; one left
    out stays empty in every Block, and costs nothing.
    """
    urls = UrlVerdicts(base_url)
    return [to_block(c, base_url=base_url, keep_links=keep_links, keep_images=keep_images, urls=urls,
                     html=html, markdown=markdown)
            for c in candidates]


def to_block(candidate: Candidate, *, base_url: str | None, keep_links: bool, keep_images: bool,
             urls: UrlVerdicts | None = None, html: bool = True, markdown: bool = True) -> Block:
    """The public Block for a kept candidate, with its safe HTML and Markdown (each when asked for).

    ``urls`` shares URL verdicts with the page's other blocks (judged against ``base_url``).
    """
    if urls is None:
        urls = UrlVerdicts(base_url)
    element = candidate.element
    kind = candidate.kind
    if element is None:
        return Block(kind, candidate.text, level=candidate.level,
                     html=_plain_html(kind, candidate.text, candidate.level) if html else "",
                     markdown=plain_markdown(kind, candidate.text, candidate.level) if markdown else "")
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    # flatten wrote a list's items one per line and a table's rows with tab-separated cells (whitespace
    # inside each collapsed to single spaces), so they are read back rather than gathered again
    if kind == "list":
        items = tuple(candidate.text.split("\n"))
    elif kind == "table":
        rows = tuple(tuple(row.split("\t")) for row in candidate.text.split("\n"))
    markup = sanitize_element(element, base_url=base_url, keep_links=keep_links, keep_images=keep_images,
                              urls=urls) if html else ""
    written = block_markdown(kind, candidate.text, candidate.level, element, rows, urls, keep_links,
                             keep_images) if markdown else ""
    return Block(kind, candidate.text, level=candidate.level, items=items,
                 ordered=kind == "list" and element.tag == "ol", rows=rows, html=markup, markdown=written)


def join_text(blocks: Sequence[Block]) -> str:
    return "\n\n".join(block.text for block in blocks)


def join_html(blocks: Sequence[Block]) -> str:
    return "\n".join(block.html for block in blocks)


def join_markdown(blocks: Sequence[Block]) -> str:
    return "\n\n".join(block.markdown for block in blocks)


def _plain_html(kind: str, text: str, level: int) -> str:
    escaped = html.escape(text, quote=False)
    if kind == "heading":
        return f"<h{max(min(level, 6), 1)}>{escaped}</h{max(min(level, 6), 1)}>"
    if kind == "code":
        return f"<pre><code>{escaped}</code></pre>"
    if kind == "quote":  # a paragraph a line, as in its Markdown
        return "<blockquote>" + "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in text.split("\n")) \
            + "</blockquote>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{html.escape(line, quote=False)}</li>" for line in text.split("\n")) + "</ul>"
    if kind == "caption":
        return f"<figcaption>{escaped}</figcaption>"
    return f"<p>{escaped.replace(chr(10), '<br>')}</p>"  # a paragraph's lines were set apart by <br>
