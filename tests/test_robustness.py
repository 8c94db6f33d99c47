"""Any page in, a sound Article or a clear error out: through the public ``extract``.

The malformed corpus below is generated here from pieces of our own (an
article page, junk tokens, cut points, binary headers); the suite tries every
item and checks the same invariants on each: an Article comes back, in
bounded time, with confidence in [0, 1], safe HTML, safe Markdown links and
no control characters in its text.
"""

from __future__ import annotations

import codecs
import gzip
import html
import random
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from attack_vectors import (
    ARTICLE_PARAGRAPHS,
    DISGUISED_URLS,
    HANDWRITTEN,
    URL_CONTEXTS,
    article_with,
)
from safe_html import is_safe_html

import cleanpress
from cleanpress import (
    Article,
    CleanpressError,
    InputTypeError,
    Limits,
    PageTooLarge,
    TooDeep,
    TooManyNodes,
)

#: Generous per-page bound; a hang or a quadratic blow-up on a small page shows up far above it.
SECONDS_PER_PAGE = 10.0

BASE_PAGE = article_with("<em>calm</em>")


def _junk_tokens() -> list[str]:
    return [
        "<", "</", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "<?", "?>", "<!", "<!DOCTYPE", "<script>", "</script>",
        "<style>", "</style>", "&", "&#", "&#x110000;", "&#0;", "&#xD800;", "&nbsp", "&amp", "&#99999999999;",
        "\x00", "\ufeff", "\ud800", "\udfff", "\r", "\u2028", "\x85", "\x0c", "\x1b[31m", '"', "'", "<p", "<p class=\"",
        "<table>", "</div></div></div>", "<frameset>", "<noscript>", "<textarea>", "<title>", "<plaintext>", "<xmp>",
        "<svg>", "<math>", "<template>", "<select>", "<base href=x>", "<meta charset=utf-16>", "<body>", "</html>",
        "<html>", "<head>", "<iframe>", "<object>", "<a href=", "<img src=", "</p></p></p>", "<li>", "<tr><td>",
    ]


def _malformed_corpus() -> list[str | bytes]:
    """Our generated corpus of malformed, adversarial and oddly encoded pages."""
    corpus: list[str | bytes] = []
    page = BASE_PAGE
    step = max(1, len(page) // 40)
    corpus += [page[:cut] for cut in range(1, len(page), step)]
    raw = page.encode("utf-8")
    corpus += [raw[:cut] for cut in range(3, len(raw), len(raw) // 25)]
    for index, token in enumerate(_junk_tokens()):
        for fraction in (0.1, 0.5, 0.9):
            position = int(len(page) * fraction) + index % 7
            corpus.append(page[:position] + token + page[position:])
    generator = random.Random(20240)
    corpus += [bytes(generator.randrange(256) for _ in range(size)) for size in (1, 2, 5, 17, 256, 4096) for _ in range(3)]
    corpus += ["".join(chr(generator.randrange(0x20, 0x2FFF)) for _ in range(size)) for size in (10, 300, 5000)]
    corpus += [
        b"%PDF-1.5\n" + raw, b"\x89PNG\r\n\x1a\n" + raw, b"\xff\xd8\xff\xe0" + raw, b"GIF89a" + raw, b"PK\x03\x04" + raw,
        gzip.compress(raw), gzip.compress(gzip.compress(raw)), b"\x1f\x8b" + raw, gzip.compress(raw)[:40],
        codecs.BOM_UTF8 + raw, codecs.BOM_UTF16_LE + page.encode("utf-16-le"), codecs.BOM_UTF16_BE + page.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + page.encode("utf-32-le"), page.encode("utf-16-le"), page.encode("utf-16-be"),
        codecs.BOM_UTF8 + codecs.BOM_UTF8 + raw, codecs.BOM_UTF16_LE + raw, raw.replace(b"e", b"\xe9"),
        raw.replace(b" ", b"\x00"), raw.replace(b" ", b"\xa0"), raw.replace(b"<", b"\x00<"),
    ]
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    corpus += [
        f"<frameset cols='*,*'><frame src='a'><noframes><body>{paragraphs}</body></noframes></frameset>",
        "<svg xmlns='http://www.w3.org/2000/svg'><text>Only an SVG drawing</text><script>alert(1)</script></svg>",
        f"<table><tr><td>menu</td><td>{paragraphs}</td><td>ads</td></tr></table>",
        "<table>" * 60 + f"<tr><td>{paragraphs}" + "</td></tr></table>" * 60,
        f"<div>{paragraphs}" + "<div>" * 1000 + "</div>" * 10,
        f"<P>{paragraphs.upper()}</P>",
        f"<html xmlns='http://www.w3.org/1999/xhtml' xmlns:x='urn:x'><body><x:p>{paragraphs}</x:p></body></html>",
        f"<?xml version='1.0'?><rss><channel><item><description>{html.escape(paragraphs)}</description></item></channel></rss>",
        '{"title": "json, not html", "body": "' + ARTICLE_PARAGRAPHS[0] + '"}',
        "a,b,c\n1,2,3\n" * 50,
        "# Markdown page\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS),
        "function f() { return '<p>' + x + '</p>'; }\n" * 40,
        "body { color: red } p::before { content: '<p>' }\n" * 40,
        "\n".join(ARTICLE_PARAGRAPHS).replace("\n", "\r"),
        "\u2028".join(ARTICLE_PARAGRAPHS), "\u2029".join(ARTICLE_PARAGRAPHS), "\x85".join(ARTICLE_PARAGRAPHS),
        "\r\n\r\n".join(ARTICLE_PARAGRAPHS), "\x0c".join(ARTICLE_PARAGRAPHS), "\x0b".join(ARTICLE_PARAGRAPHS),
        "\x00".join(ARTICLE_PARAGRAPHS), "".join(chr(c) for c in range(32)) * 20,
        f"<p>{ARTICLE_PARAGRAPHS[0]}\u202e reversed \u202c and \u200b zero \u200d width</p>" * 3,
        "<p>" + "e\u0301" * 3000 + "</p>", "<p>" + "😀" * 5000 + "</p>", "<p>" + "\U0010ffff" * 100 + "</p>",
        "<p " + " ".join(f"data-a{i}='{i}'" for i in range(5000)) + f">{ARTICLE_PARAGRAPHS[0]}</p>",
        f"<p title='{'x' * 200_000}'>{ARTICLE_PARAGRAPHS[1]}</p>",
        "<ul>" + "<li>item" * 10_000 + "</ul>",
        "<p>" + "<br>" * 10_000 + "</p>",
        f"<div>{paragraphs}" * 200,
        "<a href='/x'>link</a> " * 3000,
        "<img src='/x.png'>" * 3000,
        "<!--" + paragraphs,
        f"<p>{ARTICLE_PARAGRAPHS[0]}<script>" + paragraphs,
        f"<p>{ARTICLE_PARAGRAPHS[0]}<style>" + paragraphs,
        f"<p>{ARTICLE_PARAGRAPHS[0]}<title>" + paragraphs,
        f"<p class=\"{ARTICLE_PARAGRAPHS[0]}" + paragraphs,
        f"<![CDATA[{paragraphs}]]>",
        f"<?php echo '{ARTICLE_PARAGRAPHS[0]}'; ?>{paragraphs}",
        "<!DOCTYPE html [" + "<!ENTITY a 'aaaa'>" * 100 + "]>" + paragraphs,
        "&" * 10_000, "<" * 10_000, ">" * 10_000, "&#" * 5000, "<!" * 5000, "<a" * 5000, "</" * 5000,
        "<p>" * 5000, "</p>" * 5000, "<div>" * 4000 + "x", "<b><i>" * 1000 + "x",
        f"<body>{paragraphs}</body><body>{paragraphs}</body>", f"<head>{paragraphs}</head>",
        f"<noscript>{paragraphs}</noscript>", f"<template>{paragraphs}</template>",
        f"<div hidden>{paragraphs}</div>", f"<div style='display:none'>{paragraphs}</div>",
        f"<textarea>{paragraphs}</textarea>", f"<select><option>{paragraphs}</option></select>",
        f"<pre>{html.escape(paragraphs)}</pre>", f"<code>{paragraphs}</code>",
        f"<blockquote>{paragraphs}</blockquote>", f"<table><caption>{paragraphs}</caption></table>",
    ]
    return corpus


MALFORMED = _malformed_corpus()

_DANGEROUS_MD = re.compile(r"<\s*/?\s*(script|style|iframe|object|embed|form|input|svg|math|template|base|meta|link|img|a)\b", re.IGNORECASE)
_MD_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]*)")


def _url_is_safe(url: str) -> bool:
    squeezed = re.sub(r"[\s\x00-\x20\u00ad\u200b\ufeff]+", "", html.unescape(html.unescape(url))).lower()
    before_path = re.split(r"[/?#]", squeezed, maxsplit=1)[0]
    return ":" not in before_path or before_path.split(":", 1)[0] in ("http", "https", "mailto")


def _markdown_is_safe(markdown: str) -> bool:
    outside_code = re.sub(r"```.*?```|`[^`\n]*`", "", markdown, flags=re.DOTALL)
    unescaped = re.sub(r"\\.", "", outside_code)
    if _DANGEROUS_MD.search(unescaped):
        return False
    return all(_url_is_safe(url) for url in _MD_DESTINATION.findall(outside_code))


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def check_article(article: Article) -> None:
    """The invariants every Article holds, whatever the page was."""
    assert isinstance(article, Article)
    assert 0.0 <= article.confidence <= 1.0
    assert is_safe_html(article.html), article.html[:500]
    assert _markdown_is_safe(article.markdown), article.markdown[:500]
    for block in article.blocks:
        assert is_safe_html(block.html)
        assert _markdown_is_safe(block.markdown)
        assert not any(_CONTROLS.search(piece) for piece in (block.text, *block.items, *(c for r in block.rows for c in r)))
    assert not any(_CONTROLS.search(removal.text) for removal in article.removed)
    assert not _CONTROLS.search(article.text)
    for value in (article.title, article.byline, article.published, article.site_name, article.lang,
                  article.description, article.url, article.image, *article.authors):
        assert not _CONTROLS.search(value), value
    article.to_json().encode("utf-8")


def _extract_timed(page: str | bytes, **kwargs: object) -> Article:
    started = time.perf_counter()
    article = cleanpress.extract(page, **kwargs)  # type: ignore[arg-type]
    assert time.perf_counter() - started < SECONDS_PER_PAGE
    return article


def test_corpus_is_large_and_distinct() -> None:
    assert len(set(MALFORMED)) >= 300


@pytest.mark.parametrize("index", range(len(MALFORMED)))
def test_malformed_page_gives_a_sound_article(index: int) -> None:
    check_article(_extract_timed(MALFORMED[index], url="https://news.example/story"))


@pytest.mark.parametrize("page", ["", b"", " ", b" \n\t", "\n\n\n", "\u3000\u00a0", codecs.BOM_UTF8, b"\x00\x00",
                                  "<html></html>", "<!-- -->", "<html><body> </body></html>", b"\x1f\x8b"])
def test_empty_pages_give_an_empty_article(page: str | bytes) -> None:
    article = cleanpress.extract(page)
    assert article.text == "" and article.blocks == () and article.confidence == 0.0
    assert not article


@pytest.mark.parametrize("page", [None, 1, 1.5, True, ["<p>x</p>"], {"html": "<p>x</p>"}, object(), Path("page.html"),
                                  ("<p>",), {b"x"}])
def test_other_types_raise_a_type_error_naming_the_expected_types(page: object) -> None:
    with pytest.raises(TypeError) as info:
        cleanpress.extract(page)  # type: ignore[arg-type]
    assert isinstance(info.value, InputTypeError) and isinstance(info.value, CleanpressError)
    assert "str" in str(info.value) and "bytes" in str(info.value)


@pytest.mark.parametrize(
    "kwargs",
    [{"format": "pdf"}, {"no_such_option": True}, {"options": "keep_links"}, {"disabled_rules": "text.share"},
     {"limits": Limits(max_bytes=10)}],
)
def test_deliberate_errors_share_one_base_class(kwargs: dict[str, object]) -> None:
    with pytest.raises(CleanpressError) as info:
        cleanpress.extract(BASE_PAGE, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, (ValueError, TypeError))


@pytest.mark.parametrize("page", [b"%PDF-1.7\n" + bytes(range(256)) * 10, b"\x89PNG\r\n\x1a\n" + bytes(300),
                                  b"\x7fELF" + bytes(range(256)), bytes(range(32)) * 40])
def test_binary_files_give_an_empty_article(page: bytes) -> None:
    article = cleanpress.extract(page)
    assert article.text == "" and article.confidence == 0.0


def test_gzip_compressed_page_is_read() -> None:
    article = cleanpress.extract(gzip.compress(BASE_PAGE.encode("utf-8")))
    assert ARTICLE_PARAGRAPHS[0][:60] in article.text


LARGE = 50_000
LARGE_ADVERSARIAL: dict[str, str | bytes] = {
    "angle brackets": "<" * LARGE,
    "ampersands": "&" * LARGE,
    "open anchors": "<a " * (LARGE // 3),
    "huge attribute": '<p title="' + "x" * LARGE * 4 + '">t</p>',
    "unclosed comment": "<!--" + "x" * LARGE,
    "inline nesting": "<b><i>" * (LARGE // 6) + "x",
    "table nesting": "<table><tr><td>" * (LARGE // 15),
    "paragraph siblings": "<p>x" * (LARGE // 4),
    "list items": "<ul>" + "<li>x" * (LARGE // 5),
    "line breaks": "<br>" * (LARGE // 4),
    "entities": "&amp;&#128512;&#x0;&bogus;" * (LARGE // 24),
    "cdata openers": "<![CDATA[" * (LARGE // 9),
    "textarea swallowing": "<textarea>" + "<p>x</p>" * (LARGE // 8),
    "short lines": "line\n" * (LARGE // 5),
    "links": "<a href=/x>y</a> " * (LARGE // 17),
    "images": "<img src=/a.png alt=x>" * (LARGE // 22),
    "random bytes": bytes(random.Random(5).randrange(256) for _ in range(LARGE * 4)),
}


@pytest.mark.parametrize("name", sorted(LARGE_ADVERSARIAL))
def test_large_adversarial_pages_are_bounded(name: str) -> None:
    try:
        check_article(_extract_timed(LARGE_ADVERSARIAL[name]))
    except (TooDeep, TooManyNodes):
        assert "nesting" in name


def test_metadata_from_json_ld_escapes_is_clean() -> None:
    json_ld = (
        '{"@type": "NewsArticle", "headline": "Bad \\ud800 and \\u0001 title", '
        '"author": {"name": "Ann\\u0007 Lee"}, "description": "d\\u0000e\\r\\nf"}'
    )
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    page = f'<html><head><script type="application/ld+json">{json_ld}</script></head><body><article>{body}</article></body></html>'
    check_article(cleanpress.extract(page))


# --- encodings through extract ------------------------------------------------------------------------

SENTENCES: dict[str, tuple[str, str]] = {
    "ru": ("Вчера вечером в городе прошёл сильный дождь, и многие улицы оказались под водой.",
           "Жители соседних домов помогали друг другу вычерпывать воду из подвалов до самого утра."),
    "de": ("Am Donnerstag öffnete die Bücherei nach langer Renovierung wieder ihre Türen für alle Leser.",
           "Die Bürgermeisterin dankte den Handwerkern, die über Monate hinweg fleißig gearbeitet hatten."),
    "fr": ("Le marché du samedi a attiré beaucoup de visiteurs malgré la pluie fine qui tombait déjà.",
           "Les producteurs de fromage ont été ravis de l’accueil chaleureux réservé à leurs spécialités."),
    "pl": ("W sobotę na rynku odbył się koncert, który przyciągnął tłumy mieszkańców i turystów.",
           "Organizatorzy zapowiedzieli, że następne wydarzenie odbędzie się już w przyszłym miesiącu."),
    "el": ("Χθες το απόγευμα άνοιξε η νέα βιβλιοθήκη της πόλης με πολλούς επισκέπτες.",
           "Οι μαθητές του σχολείου διάβασαν ποιήματα μπροστά σε γονείς και δασκάλους."),
    "ja": ("昨日の午後、町の新しい図書館が開館し、多くの人が訪れました。",
           "子どもたちは絵本のコーナーで楽しそうに本を選んでいました。"),
    "zh": ("昨天下午，城市的新图书馆正式开放，吸引了许多市民前来参观。",
           "孩子们在儿童阅读区里高兴地挑选着自己喜欢的图画书。"),
}
ENCODINGS: list[tuple[str, str]] = [
    ("ru", "windows-1251"), ("ru", "koi8-r"), ("de", "windows-1252"), ("de", "iso-8859-1"), ("de", "iso-8859-15"),
    ("fr", "windows-1252"), ("pl", "iso-8859-2"), ("pl", "windows-1250"), ("el", "iso-8859-7"), ("el", "windows-1253"),
    ("ja", "shift_jis"), ("ja", "euc-jp"), ("zh", "gb18030"), ("zh", "gbk"),
]


def _language_page(lang: str, head: str = "") -> str:
    first, second = SENTENCES[lang]
    paragraphs = [f"{first} {second}", f"{second} {first}", first, second]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{head}<title>{first[:20]}</title></head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(("lang", "encoding"), ENCODINGS)
@pytest.mark.parametrize("mode", ["undeclared", "meta", "http-equiv", "override", "lying-utf8"])
def test_legacy_encodings_come_out_as_written(lang: str, encoding: str, mode: str) -> None:
    head = {
        "meta": f'<meta charset="{encoding}">',
        "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">',
        "override": '<meta charset="windows-1252">',
        "lying-utf8": '<meta charset="utf-8">',
    }.get(mode, "")
    data = _language_page(lang, head).encode(encoding)
    article = cleanpress.extract(data, encoding=encoding if mode == "override" else None)
    check_article(article)
    assert SENTENCES[lang][0] in article.text


@pytest.mark.parametrize("lang", sorted(SENTENCES))
@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1251", "shift_jis"])
def test_utf8_page_declaring_a_legacy_encoding_is_read_as_utf8(lang: str, declared: str) -> None:
    article = cleanpress.extract(_language_page(lang, f'<meta charset="{declared}">').encode("utf-8"))
    assert SENTENCES[lang][0] in article.text


@pytest.mark.parametrize("lang", sorted(SENTENCES))
@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_pages(lang: str, bom: str) -> None:
    article = cleanpress.extract(_language_page(lang, '<meta charset="koi8-r">').encode(bom))
    assert SENTENCES[lang][0] in article.text


def test_str_input_is_not_re_decoded() -> None:
    page = _language_page("ru", '<meta charset="koi8-r">')
    assert SENTENCES["ru"][0] in cleanpress.extract(page).text


# --- entities, external resources ---------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]><html><body><article>"
    + "".join(f"<p>{p} &lol9;</p>" for p in ARTICLE_PARAGRAPHS)
    + "</article></body></html>"
)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_entity_expansion_is_never_done(as_bytes: bool) -> None:
    page = BILLION_LAUGHS.encode() if as_bytes else BILLION_LAUGHS
    article = _extract_timed(page)
    assert "lollol" not in article.to_json()
    assert len(article.text) < 10 * len(BILLION_LAUGHS)


@pytest.mark.parametrize(
    "template",
    [
        '<!DOCTYPE html [<!ENTITY s SYSTEM "file://{path}">]><html><body><article>{body}<p>&s;</p></article></body></html>',
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY s SYSTEM "{path}">]><html><body>{body}<p>x&s;y</p></body></html>',
        '<!DOCTYPE html [<!ENTITY % p SYSTEM "file://{path}"> %p;]><html><body>{body}</body></html>',
        '<!DOCTYPE html SYSTEM "file://{path}"><html><body>{body}</body></html>',
        ('<html><body>{body}<iframe src="file://{path}"></iframe><object data="file://{path}"></object>'
        '<img src="file://{path}"><link rel="import" href="file://{path}"></body></html>'),
        '<html><body>{body}<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{path}" parse="text"/></body></html>',
    ],
)
def test_system_entities_and_local_references_are_never_read(tmp_path: Path, template: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CLEANPRESS-SECRET-7731")
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    page = template.format(path=secret, body=body)
    for item in (page, page.encode()):
        article = cleanpress.extract(item, url="https://news.example/a")
        dumped = article.to_json()
        assert "CLEANPRESS-SECRET" not in dumped
        assert "file:" not in article.html and "file:" not in article.markdown


def test_no_network_access_even_to_a_local_listener() -> None:
    """libxml2 would fetch over its own sockets; a listener on localhost shows whether anything connects."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    address = f"http://127.0.0.1:{listener.getsockname()[1]}"
    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    pages = [
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{address}/x.dtd"><html><body>{body}</body></html>',
        f'<!DOCTYPE html [<!ENTITY e SYSTEM "{address}/e">]><html><body>{body}<p>&e;</p></body></html>',
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY % d SYSTEM "{address}/d"> %d;]><html><body>{body}</body></html>',
        (f'<?xml-stylesheet href="{address}/s.xsl"?><html><body>{body}<img src="{address}/i.png">'
        f'<link rel="stylesheet" href="{address}/c.css"><script src="{address}/j.js"></script>'
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{address}/x"/></body></html>'),
    ]
    try:
        for page in pages:
            for item in (page, page.encode()):
                check_article(cleanpress.extract(item, url=address + "/page"))
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()


# --- limits through extract ---------------------------------------------------------------------------

def test_page_too_large_raises_or_is_truncated() -> None:
    page = BASE_PAGE * 20
    with pytest.raises(PageTooLarge):
        cleanpress.extract(page, options=cleanpress.Options(limits=Limits(max_bytes=len(BASE_PAGE))))
    article = cleanpress.extract(page.encode(), limits=Limits(max_bytes=len(BASE_PAGE), truncate=True))
    assert article.truncated
    check_article(article)


def test_too_many_nodes_raises_or_is_truncated() -> None:
    page = "<html><body><article>" + "".join(f"<p>{p} ({i})</p>" for i in range(50) for p in ARTICLE_PARAGRAPHS) + "</article></body></html>"
    with pytest.raises(TooManyNodes):
        cleanpress.extract(page, limits=Limits(max_nodes=40))
    article = cleanpress.extract(page, limits=Limits(max_nodes=40, truncate=True))
    assert article.truncated and "(0)" in article.text and "(49)" not in article.text


@pytest.mark.parametrize("depth", [100_000])
def test_hundred_thousand_nested_elements_fail_cleanly_or_work(depth: int) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    page = f"<html><body><article>{paragraphs}" + "<div>" * depth + "deep" + "</div>" * depth + "</article></body></html>"
    with pytest.raises(TooDeep):
        cleanpress.extract(page)
    article = _extract_timed(page, limits=Limits(truncate=True))
    assert article.truncated
    check_article(article)
    assert ARTICLE_PARAGRAPHS[0][:50] in article.text


def test_nesting_between_libxml_cap_and_default_limit_works() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    page = "<html><body>" + "<div>" * 3000 + f"<article>{paragraphs}</article>" + "</div>" * 3000 + "</body></html>"
    article = _extract_timed(page)
    assert not article.truncated
    assert ARTICLE_PARAGRAPHS[3][:50] in article.text


def test_only_library_errors_escape() -> None:
    generator = random.Random(99)
    for _ in range(60):
        size = generator.choice((1, 10, 100, 1000))
        data = bytes(generator.randrange(256) for _ in range(size))
        try:
            check_article(cleanpress.extract(data))
        except CleanpressError:  # pragma: no cover - allowed, but none is expected for small pages
            pass


# --- unsafe input through the whole pipeline -----------------------------------------------------------

EXTRACT_VECTORS = list(dict.fromkeys(
    list(HANDWRITTEN)
    + [context.format(u=url) for url in DISGUISED_URLS for context in URL_CONTEXTS[:4]]
    + [context.format(u=url) for url in DISGUISED_URLS[::5] for context in URL_CONTEXTS[4:]]
))


@pytest.mark.parametrize("vector", EXTRACT_VECTORS)
def test_attack_vector_through_extract(vector: str) -> None:
    article = cleanpress.extract(article_with(vector), url="https://news.example/2024/story.html")
    check_article(article)
    assert ARTICLE_PARAGRAPHS[0][:50] in article.text


@pytest.mark.parametrize(
    "href",
    [
        "https://x.example/a)![i](javascript:alert(1)",
        "https://x.example/a)[i](javascript:alert(1))",
        "https://x.example/a\"><script>alert(1)</script>",
        "https://x.example/a> <img src=x onerror=alert(1)>",
    ],
)
def test_link_urls_cannot_break_out_of_markdown(href: str) -> None:
    vector = f'<a href="{html.escape(href)}">read</a> <img src="{html.escape(href)}" alt="pic">'
    article = cleanpress.extract(article_with(vector))
    check_article(article)
    assert "](javascript" not in article.markdown.replace(" ", "")


# --- threads ------------------------------------------------------------------------------------------

def test_threads_give_the_same_results_as_sequential_calls() -> None:
    pages: list[str | bytes] = [article_with(v) for v in HANDWRITTEN[:20]]
    pages += [_language_page(lang).encode(enc) for lang, enc in ENCODINGS]
    pages += MALFORMED[::15]
    expected = [cleanpress.extract(p, url="https://news.example/x").to_dict() for p in pages]
    barrier = threading.Barrier(8)

    def run(offset: int) -> list[dict[str, object]]:
        barrier.wait()
        order = pages[offset:] + pages[:offset]
        results = [cleanpress.extract(p, url="https://news.example/x").to_dict() for p in order]
        return results[len(pages) - offset:] + results[: len(pages) - offset]

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(run, [i * 7 % len(pages) for i in range(8)]))
    for outcome in outcomes:
        assert outcome == expected
