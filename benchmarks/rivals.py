"""The extractors the benchmarks compare: cleanpress and every rival installed.

Each entry maps a name to a callable ``(html, url) -> text`` that runs the
tool with its documented main-text settings, so the comparison measures the
tools as their users would run them. Rivals are the optional ``bench`` extra:
one that cannot be imported is simply absent from :func:`available`.

Some tools also report page metadata; :data:`METADATA` maps those to a
callable ``(html, url) -> {field: value}`` over the fields of
:data:`METADATA_FIELDS`.
"""

from __future__ import annotations

import codecs
import importlib
import importlib.metadata
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .corpora import html_to_text

Html = str | bytes
ExtractFn = Callable[[Html, str], str]
MetadataFn = Callable[[Html, str], dict[str, str]]

#: The metadata fields every metadata callable returns (empty string when unknown).
METADATA_FIELDS: tuple[str, ...] = ("title", "byline", "published", "lang", "site_name", "description")


@dataclass(frozen=True, slots=True)
class Rival:
    """One extractor: its registry name, the module that must import, its distribution."""

    name: str
    module: str
    distribution: str
    extract: ExtractFn


# --- decoding for tools that only take str --------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def decode_html(html: Html) -> str:
    """Bytes to str the way a browser would guess, for rivals that need text.

    Order: byte-order mark, a ``<meta>`` charset in the first 4 KiB, UTF-8,
    then Windows-1252 (which never fails). Deliberately simple and the same
    for every rival, so no tool gains from a better decoder than another.
    """
    if isinstance(html, str):
        return html
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if html.startswith(bom):
            return html.decode(enc, errors="replace")
    match = _META_CHARSET.search(html[:4096])
    if match:
        try:
            return html.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("cp1252", errors="replace")


# --- the extractors ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _cleanpress_article(html: Html, url: str) -> Any:
    """One extraction serves both text and metadata (cleanpress computes both on every call).

    Only the text is read, so the HTML and Markdown renderings are not asked
    for: every rival gives text alone (speed.py also times cleanpress with them).
    """
    import cleanpress

    return cleanpress.extract(html, url=url or None, html=False, markdown=False)


def _cleanpress(html: Html, url: str) -> str:
    return str(_cleanpress_article(html, url).text)


def _trafilatura(html: Html, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url or None, include_comments=False) or ""


def _trafilatura_fast(html: Html, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url or None, fast=True, include_comments=False) or ""


def _readability(html: Html, url: str) -> str:
    from readability import Document

    return html_to_text(Document(html, url=url or None).summary())


@lru_cache(maxsize=1)
def _newspaper_config() -> Any:
    from newspaper.configuration import Configuration

    config = Configuration()
    config.fetch_images = False  # never touch the network
    return config


def _newspaper_article(html: Html, url: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from newspaper import Article
    article = Article(url or "http://localhost/", config=_newspaper_config())
    article.download(input_html=decode_html(html))
    article.parse()
    return article


def _newspaper(html: Html, url: str) -> str:
    return _newspaper_article(html, url).text or ""


@lru_cache(maxsize=1)
def _goose() -> Any:
    from goose3 import Goose

    return Goose({"enable_image_fetching": False})


def _goose3(html: Html, url: str) -> str:
    return _goose().extract(url=url or None, raw_html=decode_html(html)).cleaned_text or ""


_JUSTEXT_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pl": "Polish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "cs": "Czech", "sv": "Swedish", "da": "Danish",
    "fi": "Finnish", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "hu": "Hungarian",
    "ro": "Romanian", "tr": "Turkish", "uk": "Ukrainian", "el": "Greek", "ca": "Catalan",
}  # fmt: skip
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2})""", re.IGNORECASE)


def _justext(html: Html, url: str) -> str:
    """jusText with the stoplist of the page's declared language.

    jusText needs a stoplist; its documentation says to use the page's
    language, and its language-independent mode (empty stoplist, stopword
    thresholds 0) when the language is unknown.
    """
    import justext

    text = decode_html(html)
    match = _HTML_LANG.search(text[:20000])
    lang = _JUSTEXT_LANGS.get(match.group(1).lower()) if match else None
    if lang:
        paragraphs = justext.justext(text, justext.get_stoplist(lang))
    else:
        paragraphs = justext.justext(text, frozenset(), stopwords_low=0, stopwords_high=0)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _boilerpy3(html: Html, url: str) -> str:
    from boilerpy3 import extractors

    return extractors.ArticleExtractor(raise_on_failure=False).get_content(decode_html(html)) or ""


def _resiliparse(html: Html, url: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    text = html if isinstance(html, str) else bytes_to_str(html, detect_encoding(html) or "utf-8")
    return str(extract_plain_text(HTMLTree.parse(text), main_content=True, preserve_formatting=True))


def _inscriptis(html: Html, url: str) -> str:
    from inscriptis import get_text

    return str(get_text(decode_html(html)))


RIVALS: dict[str, Rival] = {
    r.name: r
    for r in (
        Rival("cleanpress", "cleanpress", "cleanpress", _cleanpress),
        Rival("trafilatura", "trafilatura", "trafilatura", _trafilatura),
        Rival("trafilatura-fast", "trafilatura", "trafilatura", _trafilatura_fast),
        Rival("readability-lxml", "readability", "readability-lxml", _readability),
        Rival("newspaper4k", "newspaper", "newspaper4k", _newspaper),
        Rival("goose3", "goose3", "goose3", _goose3),
        Rival("justext", "justext", "jusText", _justext),
        Rival("boilerpy3", "boilerpy3", "boilerpy3", _boilerpy3),
        Rival("resiliparse", "resiliparse", "resiliparse", _resiliparse),
        Rival("inscriptis", "inscriptis", "inscriptis", _inscriptis),
    )
}


@cache
def importable(name: str) -> bool:
    """True when the extractor's module imports in this environment."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            importlib.import_module(RIVALS[name].module)
    except Exception:  # noqa: BLE001 - a broken optional install counts as absent
        return False
    return True


def available() -> dict[str, ExtractFn]:
    """Name -> extract callable for every registered extractor that imports."""
    return {name: r.extract for name, r in RIVALS.items() if importable(name)}


def get(name: str) -> ExtractFn:
    """The extract callable for ``name``; ``KeyError`` lists the known names."""
    if name not in RIVALS:
        raise KeyError(f"unknown extractor {name!r}; known: {', '.join(RIVALS)}")
    return RIVALS[name].extract


def version(name: str) -> str:
    """The installed version of the extractor's distribution ("" when absent)."""
    try:
        return importlib.metadata.version(RIVALS[name].distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


# --- metadata ----------------------------------------------------------------------------


def _cleanpress_meta(html: Html, url: str) -> dict[str, str]:
    a = _cleanpress_article(html, url)
    return {"title": a.title, "byline": a.byline, "published": a.published, "lang": a.lang,
            "site_name": a.site_name, "description": a.description}  # fmt: skip


def _trafilatura_meta(html: Html, url: str) -> dict[str, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    if doc is None:
        return dict.fromkeys(METADATA_FIELDS, "")
    keys = ("title", "author", "date", "language", "sitename", "description")
    fields = doc if isinstance(doc, dict) else {k: getattr(doc, k, None) for k in keys}

    def get_(key: str) -> str:
        return str(fields.get(key) or "")

    return {"title": get_("title"), "byline": get_("author"), "published": get_("date"),
            "lang": get_("language"), "site_name": get_("sitename"), "description": get_("description")}  # fmt: skip


def _newspaper_meta(html: Html, url: str) -> dict[str, str]:
    a = _newspaper_article(html, url)
    published = a.publish_date.isoformat() if a.publish_date else ""
    return {"title": a.title or "", "byline": ", ".join(a.authors or ()), "published": published,
            "lang": a.meta_lang or "", "site_name": a.meta_site_name or "",
            "description": a.meta_description or ""}  # fmt: skip


METADATA: dict[str, MetadataFn] = {
    "cleanpress": _cleanpress_meta,
    "trafilatura": _trafilatura_meta,
    "newspaper4k": _newspaper_meta,
}


def comma_list(value: str | None, known: Iterable[str], what: str) -> list[str] | None:
    """The names of a ``--extractors``/``--corpus`` option (None when not given); unknown names end the run."""
    if not value:
        return None
    known = list(known)
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)}; known: {', '.join(known)}")
    return names
