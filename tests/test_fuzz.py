"""Property tests: random HTML-like documents and byte strings through ``extract``.

The default run is short; ``HYPOTHESIS_PROFILE=deep pytest tests/test_fuzz.py``
runs many more and larger examples.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safe_html import is_safe_html
from test_robustness import check_article

import cleanpress
from cleanpress.decode import clean_text, decode_page
from cleanpress.options import Limits
from cleanpress.parse import parse_html
from cleanpress.sanitize import safe_url, sanitize_element

settings.register_profile(
    "short", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "deep", max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROFILE = settings.get_profile("deep" if os.environ.get("HYPOTHESIS_PROFILE") == "deep" else "short")

WORDS = (
    "river council floodgates farmers engineers hinges concrete volunteers bakery square water bridge cellar "
    "embankment report weather market cheese poem library children teacher train station harbour mountain "
    "Größe café naïve über Москва дождь 東京 北京 שלום مرحبا ĳssel ﬁnal 1999 42"
).split()
CLASS_WORDS = ["content", "article", "nav", "menu", "footer", "share", "ad", "related", "comment", "cookie", "x1", ""]
TAGS = ["p", "div", "span", "a", "b", "i", "em", "ul", "li", "ol", "table", "tr", "td", "h1", "h2", "h3", "pre",
        "code", "blockquote", "figure", "figcaption", "img", "br", "section", "article", "nav", "header", "footer",
        "aside", "script", "style", "form", "button", "iframe", "svg", "noscript", "template", "font", "center"]
ATTRIBUTES = ["class", "id", "href", "src", "style", "onclick", "title", "alt", "hidden", "role", "srcset", "data-x"]
JUNK = ["<", "&", "&amp;", "&#0;", "&#1;", "&#x11", "&#x7f;", "&#x93;", "&#x110000;", "<!--", "-->", "]]>", "\x00", "\ud800", "\r", "\u2028", "'", '"',
        "</p>", "<p", "javascript:alert(1)", " onerror=alert(1) "]

words = st.sampled_from(WORDS)
sentences = st.lists(words, min_size=1, max_size=25).map(" ".join)
attribute_values = st.one_of(
    st.sampled_from(CLASS_WORDS), sentences, st.sampled_from(["javascript:alert(1)", "/x", "https://e.example/", "data:,x"])
)


def _element(children: list[str], tag: str, attrs: list[tuple[str, str]]) -> str:
    rendered = "".join(f' {name}="{html.escape(value)}"' for name, value in attrs)
    return f"<{tag}{rendered}>{''.join(children)}</{tag}>"


nodes = st.recursive(
    st.one_of(sentences.map(html.escape), st.sampled_from(JUNK)),
    lambda inner: st.builds(
        _element,
        st.lists(inner, max_size=5),
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(ATTRIBUTES), attribute_values), max_size=3),
    ),
    max_leaves=40,
)
documents = st.lists(nodes, min_size=0, max_size=8).map(lambda parts: "<html><body>" + "".join(parts) + "</body></html>")
broken_documents = st.tuples(documents, st.integers(min_value=0), st.sampled_from(JUNK)).map(
    lambda t: t[0][: t[1] % (len(t[0]) + 1)] + t[2] + t[0][t[1] % (len(t[0]) + 1):]
)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=2000)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _made_of(word: str, vocabulary: set[str]) -> bool:
    """True when ``word`` is input words run together (loose text either side of a dropped block)."""
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in vocabulary for start in range(end))
    return reachable[-1]


def _source_texts(document: str) -> tuple[str, ...]:
    """The input's text as a parser sees it and as a tag-stripper sees it."""
    cleaned = clean_text(document)
    tree, _ = parse_html(cleaned, Limits())
    parsed = "".join(tree.itertext())
    stripped = html.unescape(re.sub(r"<[^>]*>", "", cleaned))
    spaced = html.unescape(re.sub(r"<[^>]*>", " ", cleaned))
    return tuple(_fold(t) for t in (parsed, stripped, spaced, html.unescape(cleaned)))


@PROFILE
@given(st.one_of(documents, broken_documents))
def test_random_documents_give_sound_articles(document: str) -> None:
    article = cleanpress.extract(document, url="https://news.example/a")
    check_article(article)
    sources = _source_texts(document)
    vocabulary = {w for source in sources for w in re.findall(r"\w+", source)}
    for word in re.findall(r"\w+", article.text):
        folded = _fold(word)
        assert any(folded in source for source in sources) or _made_of(folded, vocabulary), word


@PROFILE
@given(documents)
def test_removed_and_kept_text_do_not_overlap(document: str) -> None:
    article = cleanpress.extract(document)
    kept = {_letters(b.text) for b in article.blocks if len(b.text) > 30}
    removed = {_letters(r.text) for r in article.removed if len(r.text) > 30}
    sources = [_letters(source) for source in _source_texts(document)]
    for text in kept & removed - {""}:
        # the same words twice may go both ways; compared without the spaces, which a block's text puts between
        # its items and pieces where the source may have none ("river</li><li><<", "river<span>river")
        assert max(source.count(text) for source in sources) >= 2, text


def _letters(text: str) -> str:
    """The word characters of ``text``, case-folded and run together: what two texts with the same words share."""
    return "".join(re.findall(r"\w+", _fold(text)))


@PROFILE
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise(data: bytes) -> None:
    check_article(cleanpress.extract(data))
    assert isinstance(decode_page(data), str)


@PROFILE
@given(documents, st.sampled_from(["utf-8", "utf-16", "cp1251", "koi8-r", "cp1252", "shift_jis", "gb18030", "latin-1"]),
       st.sampled_from(["", "<meta charset='utf-8'>", "<meta charset='koi8-r'>", "<meta charset='bogus'>"]))
def test_encoded_documents_never_raise(document: str, encoding: str, declaration: str) -> None:
    data = (declaration + document).encode(encoding, "replace")
    check_article(cleanpress.extract(data))
    check_article(cleanpress.extract(data, encoding=encoding))


@PROFILE
@given(any_text)
def test_any_text_never_raises(text: str) -> None:
    check_article(cleanpress.extract(text))
    check_article(cleanpress.extract(text, format="text"))
    check_article(cleanpress.extract(text, format="html"))


@PROFILE
@given(st.one_of(documents, broken_documents))
def test_sanitized_fragments_pass_the_independent_check(document: str) -> None:
    tree, _ = parse_html(document, Limits())
    before = lxml.html.tostring(tree)
    for element in tree.iter():
        if isinstance(element.tag, str):
            assert is_safe_html(sanitize_element(element, base_url="https://n.example/d/p"))
    assert lxml.html.tostring(tree) == before


@PROFILE
@given(st.text(max_size=200), st.sampled_from([None, "https://n.example/d/p", "javascript:alert(1)"]))
def test_safe_url_output_has_a_safe_scheme(url: str, base: str | None) -> None:
    result = safe_url(url, base)
    if result is not None:
        assert is_safe_html(f'<a href="{html.escape(result)}">x</a>')
        assert not re.search(r"[\s\"'<>()]", result)


URL_PIECES = ["java", "JaVa", "script", "SCRIPT", "vb", ":", "&colon;", "&#58;", "&#x3A", "&#106;", "&#x6A;", "&Tab;",
              "&NewLine;", "\t", "\n", "\x00", "\x01", " ", "\u00a0", "\u200b", "\u00ad", "&amp;", "data", "http", "s",
              "//", "/", "mailto", "alert(1)", "%3A", "?", "#", "(", ")", '"', "'", "<", ">", "x"]
disguised_urls = st.lists(st.sampled_from(URL_PIECES), min_size=1, max_size=12).map("".join)


@PROFILE
@given(disguised_urls, st.sampled_from([None, "https://n.example/d/p"]))
def test_composed_urls_never_come_out_active(url: str, base: str | None) -> None:
    result = safe_url(url, base)
    if result is not None:
        markup = f'<a href="{html.escape(result)}">x</a><img src="{html.escape(result)}">'
        assert is_safe_html(markup), result
    element = lxml.html.fragment_fromstring(f'<p><a href="{html.escape(url)}">t</a><img src="{html.escape(url)}"></p>')
    assert is_safe_html(sanitize_element(element, base_url=base))


@PROFILE
@given(any_text)
def test_clean_text_is_idempotent_and_clean(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\r\u2028\u2029\ud800-\udfff]", cleaned)
