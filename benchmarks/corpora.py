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

from .split import Part, part_of, part_of_site, site_of

#: The article corpora, in the order every report lists them (the speed and memory benchmarks run on these).
CORPORA: tuple[str, ...] = ("scrapinghub", "trafilatura-eval", "readability")

#: WCXB: the modern web (articles, documentation, services, forums, collections, listings, products).
WCXB = "wcxb"

#: Every corpus the accuracy benchmark scores, in report order.
ALL_CORPORA: tuple[str, ...] = (*CORPORA, WCXB)

#: WCXB's page types, in the order its tables list them.
PAGE_TYPES: tuple[str, ...] = ("article", "documentation", "service", "forum", "collection", "listing", "product")

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
    """Why the article corpora (or the one named) cannot be loaded, or None when they can.

    Tests call this to skip with a message that says exactly what is absent.
    """
    root = bench_dir()
    names = CORPORA if corpus is None else (corpus,)
    for name in names:
        if name not in ALL_CORPORA:
            return f"unknown corpus {name!r}; known: {', '.join(ALL_CORPORA)}"
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

    ``reference`` is the expected body text (scrapinghub ``articleBody``, the
    text of readability's ``expected.html``, WCXB's ``main_content``);
    trafilatura-eval has none and judges by ``with_snippets`` /
    ``without_snippets`` instead (WCXB has both). ``metadata`` holds
    readability's expected fields with empty values dropped. ``site`` is the
    page's site as :mod:`benchmarks.split` reads it, ``page_type`` WCXB's
    label ("" elsewhere).
    """

    corpus: str
    id: str
    html: bytes
    url: str
    reference: str = ""
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    site: str = ""
    page_type: str = ""

    @property
    def part(self) -> Part:
        """``tuning`` or ``checking``: the half of the corpus, split by site, this page falls in."""
        return part_of_site(self.site) if self.site else part_of(self.url, self.id)


def load(corpus: str, ids: frozenset[str] | set[str] | None = None, part: Part | None = None) -> list[Page]:
    """All pages of ``corpus`` (or only those in ``ids``, or in one ``part``), sorted by id.

    Raises :class:`BenchMissing` when the data is absent, so callers can tell
    "no data" from a real bug.
    """
    reason = missing_reason(corpus)
    if reason:
        raise BenchMissing(reason)
    pages = [p for p in _LOADERS[corpus](bench_dir() / corpus, ids) if part is None or p.part == part]
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
    if corpus == WCXB:
        return sorted(_read_json(root / "metadata.json")["files"])
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
    WCXB: "metadata.json",
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
            site=site_of(entry.get("url") or "", page_id),
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
            site=site_of(url, page_id),
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
            site=site_of(READABILITY_URL, folder.name),
        )


def _load_wcxb(root: Path, ids: frozenset[str] | set[str] | None) -> Iterator[Page]:
    """WCXB pages: ``main_content`` as the reference, its snippets, page type and domain from ``metadata.json``."""
    for page_id, meta in _read_json(root / "metadata.json")["files"].items():
        if ids is not None and page_id not in ids:
            continue
        with (root / "ground-truth" / f"{page_id}.json").open(encoding="utf-8") as fh:
            entry = json.load(fh)
        truth = entry.get("ground_truth") or {}
        url = entry.get("url") or ""
        yield Page(
            corpus=WCXB,
            id=page_id,
            html=_gunzip(root / "html" / f"{page_id}.html.gz"),
            url=url,
            reference=truth.get("main_content") or "",
            with_snippets=tuple(s for s in truth.get("with") or () if isinstance(s, str)),
            without_snippets=tuple(s for s in truth.get("without") or () if isinstance(s, str)),
            site=str(meta.get("domain") or "").lower().removeprefix("www.") or site_of(url, page_id),
            page_type=str(meta.get("page_type") or ""),
        )


_LOADERS = {
    "scrapinghub": _load_scrapinghub,
    "trafilatura-eval": _load_trafilatura,
    "readability": _load_readability,
    WCXB: _load_wcxb,
}
