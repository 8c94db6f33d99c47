"""What a batch run passes around: the page records going in, the results coming out.

These are the types shared by the runner (:mod:`cleanpress.batch.runner`),
the input readers and the output writers, and the row layout that Parquet
files and DataFrames (:mod:`cleanpress.distributed`) use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..article import Article

Status = Literal["article", "empty", "error"]


class BatchError(Exception):
    """A problem with the command's inputs or output that stops it before or during the run."""



@dataclass(frozen=True, slots=True)
class PageRecord:
    """One page to extract, with the key that identifies it in the output.

    ``meta`` holds provenance (source file, WARC record id, fetch date...)
    that is carried unchanged to the :class:`BatchResult`.
    """

    key: str
    page: str | bytes
    url: str | None = None
    encoding: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome for one input record: its article, or why there is none.

    ``error_type`` is the exception's class name and ``error`` its message;
    both are empty when extraction succeeded (an article with no text is a
    success: the page simply held no article).
    """

    key: str
    url: str = ""
    article: Article | None = None
    error_type: str = ""
    error: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the record was extracted (possibly to an empty article)."""
        return not self.error_type

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: key, url, provenance, ``error`` ({type, message} or None), ``article``."""
        data: dict[str, Any] = {"key": self.key, "url": self.url}
        data.update((name, value) for name, value in self.meta.items() if name not in _OWN_FIELDS)
        data["error"] = {"type": self.error_type, "message": self.error} if self.error_type else None
        data["article"] = self.article.to_dict() if self.article is not None else None
        return data

    def to_record(self, fields: Sequence[str] = ()) -> dict[str, Any]:
        """``key`` and the chosen fields (names from :data:`RECORD_FIELDS`; default
        :data:`DEFAULT_FIELDS`), JSON-ready: one line of the batch command's JSONL.

        The names are the columns of :meth:`to_row`, plus ``blocks`` and
        ``removed`` (as in ``Article.to_dict``) and ``article``, the whole
        ``Article.to_dict()`` that ``Article.from_dict`` reads back. Article
        fields are None for a record that failed.
        """
        chosen = fields or DEFAULT_FIELDS
        row = self.to_row()
        whole = self.article.to_dict() if self.article is not None and not _NESTED.isdisjoint(chosen) else None
        record: dict[str, Any] = {"key": self.key}
        for name in chosen:
            if name in row:
                record[name] = row[name]
            elif name not in _NESTED:
                raise ValueError(f"unknown field {name!r}; known: {', '.join(RECORD_FIELDS)}")
            else:
                record[name] = None if whole is None else whole if name == "article" else whole[name]
        return record

    def to_row(self) -> dict[str, Any]:
        """One flat row with the columns of :data:`ROW_COLUMNS`, for tables (Parquet, DataFrames).

        ``url`` is the address the page was fetched from; ``canonical_url`` is
        the one the article declares. Article fields are None for errors.
        """
        article = self.article
        status = self.meta.get("status")
        row: dict[str, Any] = {
            "key": self.key, "url": self.url, "source": self.meta.get("source"),
            "record_id": self.meta.get("record_id"), "date": self.meta.get("date"),
            "status": status if isinstance(status, int) else None,
            "error_type": self.error_type or None, "error": self.error or None,
        }
        for name in _ARTICLE_COLUMNS:
            row[name] = getattr(article, name) if article is not None else None
        row["authors"] = list(article.authors) if article is not None else None
        row["canonical_url"] = article.url if article is not None else None
        row["confidence"] = article.confidence if article is not None else None
        row["truncated"] = article.truncated if article is not None else None
        return {name: row[name] for name, _ in ROW_COLUMNS}


#: The columns of :meth:`BatchResult.to_row` and their types, for Parquet files and DataFrames.
ROW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "string"), ("url", "string"), ("source", "string"), ("record_id", "string"),
    ("date", "string"), ("status", "int32"), ("error_type", "string"), ("error", "string"),
    ("title", "string"), ("byline", "string"), ("authors", "list<string>"), ("published", "string"),
    ("site_name", "string"), ("lang", "string"), ("description", "string"), ("canonical_url", "string"),
    ("image", "string"), ("text", "string"), ("markdown", "string"), ("html", "string"),
    ("confidence", "float64"), ("truncated", "bool"),
)
_OWN_FIELDS = frozenset({"key", "url", "error", "article"})
_NESTED = frozenset({"blocks", "removed", "article"})
#: What a JSONL record (:meth:`BatchResult.to_record`) may hold besides its ``key``.
RECORD_FIELDS: tuple[str, ...] = (*(name for name, _ in ROW_COLUMNS if name != "key"), "blocks", "removed", "article")
#: A JSONL record's fields unless chosen: what a reader of the text filters and cites by, no markup
#: (blocks, removals, HTML and Markdown are most of an article's size: ask for them by name).
DEFAULT_FIELDS: tuple[str, ...] = ("url", "title", "byline", "published", "lang", "text", "confidence",
                                   "error_type", "error")
_ARTICLE_COLUMNS = ("title", "byline", "published", "site_name", "lang", "description", "image",
                    "text", "markdown", "html")


def arrow_schema() -> Any:
    """:data:`ROW_COLUMNS` as a ``pyarrow.Schema`` (needs the parquet or dask extra)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(),
             "list<string>": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in ROW_COLUMNS])


def status_of(result: BatchResult) -> Status:
    """How the summary counts a result: error, empty (no article text) or article."""
    if not result.ok:
        return "error"
    return "article" if result.article else "empty"
