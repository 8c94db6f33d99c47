"""Load the benchmark corpora from ``../shared/bench`` into memory.

The corpora are never copied into the project: they are read where they lie,
relative to the repository root, or from ``$CLEANPRESS_BENCH`` when set. Every
corpus becomes a list of :class:`Page` records that carry the raw page bytes
and the corpus's own reference, so the accuracy and speed benchmarks share one
loader and one notion of what a page is.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import lxml.html

#: The corpora in the order every report lists them.
CORPORA: tuple[str, ...] = ("scrapinghub", "trafilatura-eval", "readability")

#: Readability's test suite runs every page under this URL; base-URL pages rely on it.
READABILITY_URL = "http://fakehost/test/page.html"



def bench_dir() -> Path:
    """Where the corpora live: ``$CLEANPRESS_BENCH`` or ``../shared/bench`` beside the repo."""
    env = os.environ.get("CLEANPRESS_BENCH")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "bench"


class BenchMissing(RuntimeError):
    """The shared benchmark data is not on this machine (or a corpus is incomplete)."""


def missing_reason(corpus: str | None = None) -> str | None:
    """Why the corpora (or one corpus) cannot be loaded, or None when they can.

    Tests call this to skip with a message that says exactly what is absent.
    """
    root = bench_dir()
    names = CORPORA if corpus is None else (corpus,)
    for name in names:
        if name not in CORPORA:
            return f"unknown corpus {name!r}; known: {', '.join(CORPORA)}"
        marker = root / name / _MARKERS[name] if _MARKERS[name] else root / name
        if not (marker.is_file() if _MARKERS[name] else marker.is_dir()):
            return f"shared bench missing: {marker} not found (set CLEANPRESS_BENCH or put the corpora in ../shared/bench)"
    return None


def bench_available(corpus: str | None = None) -> bool:
    """True when the corpora (or the one named) can be loaded."""
    return missing_reason(corpus) is None


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page and its reference answer.

    ``reference`` is the expected body text (scrapinghub ``articleBody``, or
    the text of readability's ``expected.html``); trafilatura-eval has none and
    judges by ``with_snippets`` / ``without_snippets`` instead. ``metadata``
    holds readability's expected fields with empty values dropped.
    """

    corpus: str
    id: str
    html: bytes
    url: str
    reference: str = ""
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)


def load(corpus: str, ids: frozenset[str] | set[str] | None = None) -> list[Page]:
    """All pages of ``corpus`` (or only those in ``ids``), sorted by id.

    Raises :class:`BenchMissing` when the data is absent, so callers can tell
    "no data" from a real bug.
    """
    reason = missing_reason(corpus)
    if reason:
        raise BenchMissing(reason)
    pages = list(_LOADERS[corpus](bench_dir() / corpus, ids))
    pages.sort(key=lambda p: p.id)
    return pages


def load_page(corpus: str, page_id: str) -> Page:
    """One page by id; ``KeyError`` names the corpus when the id is unknown."""
    pages = load(corpus, {page_id})
    if not pages:
        raise KeyError(f"no page {page_id!r} in corpus {corpus!r}")
    return pages[0]


def page_ids(corpus: str) -> list[str]:
    """The ids of a corpus without reading any page (cheap)."""
    reason = missing_reason(corpus)
    if reason:
        raise BenchMissing(reason)
    root = bench_dir() / corpus
    if corpus == "scrapinghub":
        return sorted(_read_json(root / "ground-truth.json"))
    if corpus == "trafilatura-eval":
        return sorted(_trafilatura_id(e["file"]) for e in _read_json(root / "evaldata.json").values())
    return sorted(p.name for p in root.iterdir() if (p / "source.html").is_file())


def html_to_text(html: str | bytes) -> str:
    """Visible text of an HTML fragment, one line per block element.

    Used for readability's ``expected.html``: block boundaries must become
    whitespace or the word tokens of adjacent paragraphs would fuse.
    """
    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    parts: list[str] = []
    _walk(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})


def _walk(el: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP_TAGS:
        return
    block = tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag and el.text:
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")


_MARKERS = {
    "scrapinghub": "ground-truth.json",
    "trafilatura-eval": "evaldata.json",
    "readability": "",
}


@lru_cache(maxsize=4)
def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _gunzip(path: Path) -> bytes:
    with gzip.open(path, "rb") as fh:
        return fh.read()


def _trafilatura_id(file: str) -> str:
    return file.removesuffix(".gz").removesuffix(".html")


def _load_scrapinghub(root: Path, ids: frozenset[str] | set[str] | None) -> Iterator[Page]:
    for page_id, entry in _read_json(root / "ground-truth.json").items():
        if ids is not None and page_id not in ids:
            continue
        yield Page(
            corpus="scrapinghub",
            id=page_id,
            html=_gunzip(root / "html" / f"{page_id}.html.gz"),
            url=entry.get("url") or "",
            reference=entry.get("articleBody") or "",
        )


def _load_trafilatura(root: Path, ids: frozenset[str] | set[str] | None) -> Iterator[Page]:
    for url, entry in _read_json(root / "evaldata.json").items():
        page_id = _trafilatura_id(entry["file"])
        if ids is not None and page_id not in ids:
            continue
        yield Page(
            corpus="trafilatura-eval",
            id=page_id,
            html=_gunzip(root / "html" / entry["file"]),
            url=url if url.startswith(("http://", "https://")) else "",  # some keys are labels, not URLs
            with_snippets=tuple(entry.get("with") or ()),
            without_snippets=tuple(entry.get("without") or ()),
        )


def _load_readability(root: Path, ids: frozenset[str] | set[str] | None) -> Iterator[Page]:
    for folder in root.iterdir():
        if not (folder / "source.html").is_file() or (ids is not None and folder.name not in ids):
            continue
        expected = (folder / "expected.html").read_text(encoding="utf-8", errors="replace")
        meta_raw = _read_json(folder / "expected-metadata.json")
        metadata = {k: str(v) for k, v in meta_raw.items() if isinstance(v, str) and v.strip()}
        yield Page(
            corpus="readability",
            id=folder.name,
            html=(folder / "source.html").read_bytes(),
            url=READABILITY_URL,
            reference=html_to_text(expected),
            metadata=metadata,
        )


_LOADERS = {
    "scrapinghub": _load_scrapinghub,
    "trafilatura-eval": _load_trafilatura,
    "readability": _load_readability,
}
