"""The result types: immutable records that every stage hands forward.

``Article`` is what :func:`cleanpress.extract` returns; ``Block`` is one unit
of body content; ``Removal`` is one piece of the page that a rule dropped and
why. All are frozen so that a result can be shared between threads and cached
without defensive copies.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list", "quote", "code", "table", "caption", "comment"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list", "quote", "code", "table", "caption", "comment")

PageType = Literal["article", "documentation", "service", "forum", "collection", "listing", "product", "other"]
#: The vocabulary of ``Article.page_type``: WCXB's seven page types, and ``other`` for input that is no page.
PAGE_TYPES: tuple[str, ...] = (
    "article", "documentation", "service", "forum", "collection", "listing", "product", "other")

#: The vocabulary of ``Removal.kind``: what sort of site chrome a removed piece was.
REMOVAL_KINDS: dict[str, str] = {
    "navigation": "menus, breadcrumbs, skip links, site header",
    "support-banner": "a standing 'Support us' / 'Become a member' bar or button",
    "subscription-prompt": "an invitation to subscribe or to log in for more",
    "newsletter-signup": "an e-mail newsletter box and its small print",
    "donation-appeal": "a 'Message from ...' / 'Dear readers' plea for money",
    "payment-widget": "amount or frequency pickers, 'Continue', payment methods, 'Remind me later'",
    "paywall": "notices that the rest is for subscribers",
    "read-more": "'Read more', 'Continue reading' and teaser links to other stories",
    "related-links": "lists of related, recommended or most-read stories",
    "share-bar": "share and follow buttons and prompts",
    "cookie-notice": "cookie and consent banners",
    "advertisement": "ads, ad labels and sponsored slots",
    "comments": "reader comments and the forms around them",
    "image-credit": "photo credits and agency lines that are not a caption",
    "footer": "site footer, copyright and legal lines",
    "metadata": "the headline, byline and dateline repeated in the body",
    "widget": "buttons, forms and other interactive leftovers",
    "hidden": "content the page hides from readers",
    "outside-article": "text outside the chosen article container",
    "user-rule": "removed by a rule the caller supplied",
    "dropped-by-option": "captions or tables the caller chose to drop",
}


def _json_ready(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return [_json_ready(item) for item in value]
    return value


def _json_ready_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: _json_ready(value) for key, value in pairs}


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the article body.

    ``text`` is the block as plain text (list items on their own lines, table
    cells separated by tabs). A nested list's items follow their parent item
    in ``items`` and ``text``; ``markdown`` indents them under it. ``html`` and
    ``markdown`` are this block alone, already sanitized, so a caller can
    render a subset of blocks safely.
    """

    kind: BlockKind
    text: str
    level: int = 0
    items: tuple[str, ...] = ()
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    html: str = ""
    markdown: str = ""


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the page that was dropped: what it was, which rule, its text."""

    kind: str
    rule: str
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself, before any body extraction."""

    title: str = ""
    byline: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    site_name: str = ""
    lang: str = ""
    description: str = ""
    url: str = ""
    image: str = ""
    #: What the page says it is: its JSON-LD ``@type`` values, then its ``og:type``, as written.
    declared_types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """The editorial content of one page, with what was removed and why.

    ``confidence`` is the probability that the page is an article (0 for
    empty input and noise, low for section fronts, listings, shops and
    forums); ``page_type`` is what kind of page it is, one of
    :data:`PAGE_TYPES`. They agree: ``page_type == "article"`` exactly when
    ``confidence >= 0.5``.
    ``truncated`` is true when the caller allowed oversize pages to be cut to
    the configured limit and this page was cut.
    """

    title: str = ""
    byline: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    site_name: str = ""
    lang: str = ""
    description: str = ""
    url: str = ""
    image: str = ""
    blocks: tuple[Block, ...] = ()
    text: str = ""
    html: str = ""
    markdown: str = ""
    confidence: float = 0.0
    page_type: PageType = "other"
    removed: tuple[Removal, ...] = field(default=())
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: tuples become lists, nested records become dicts."""
        return asdict(self, dict_factory=_json_ready_dict)

    def to_json(self, **kwargs: Any) -> str:
        """The article as JSON; keyword arguments go to :func:`json.dumps`."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The article that :meth:`to_dict` described: lists back to tuples, dicts back to records.

        Keys that are not fields (a newer version's, say) are ignored and
        missing ones take their defaults, so stored results stay readable.
        """
        values = {name: data[name] for name in _ARTICLE_FIELDS if name in data}
        values["authors"] = tuple(values.get("authors", ()))
        values["blocks"] = tuple(_block(block) for block in values.get("blocks", ()))
        values["removed"] = tuple(Removal(**_known(Removal, item)) for item in values.get("removed", ()))
        return cls(**values)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """The article that :meth:`to_json` wrote."""
        return cls.from_dict(json.loads(text))

    def __bool__(self) -> bool:
        """An article is truthy when it has body text."""
        return bool(self.text)


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def _known(record: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(record)}
    return {name: value for name, value in data.items() if name in names}


def _block(data: dict[str, Any]) -> Block:
    values = _known(Block, data)
    values["items"] = tuple(values.get("items", ()))
    values["rows"] = tuple(tuple(row) for row in values.get("rows", ()))
    return Block(**values)


@dataclass(frozen=True, slots=True)
class Decision:
    """One candidate block of the page and what the pipeline decided about it.

    Returned in reading order by :func:`cleanpress.trace`; this is what the
    explain report and the error-analysis tool draw. ``kind`` is the block
    kind when kept and the removal kind when removed; ``rule`` is empty for
    kept blocks; ``in_container`` tells whether the block lay inside the
    element that scoring chose as the article container.
    """

    text: str
    kept: bool
    kind: str
    rule: str
    in_container: bool
