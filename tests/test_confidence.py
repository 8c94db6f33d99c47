"""Input that is not a page gives an empty article with confidence 0; real writing is never taken for noise."""

from __future__ import annotations

import gzip
import io
import random
import zipfile

import pytest

import cleanpress
from cleanpress.confidence import reads_as_language, word_share


def _random_bytes(seed: int, size: int = 20_000) -> bytes:
    return random.Random(seed).randbytes(size)


def _minified_script() -> bytes:
    parts = [f'function a{i}(e,t){{var n=e[{i}]||{{}};return t&&n.v{i}?n.v{i}(t,"x"):e.length>{i}}}' for i in range(300)]
    return ("!function(){" + ";".join(parts) + "}();").encode()


def _csv() -> bytes:
    rng = random.Random(3)
    rows = ["id,date,amount,rate,code"]
    rows += [f"{i},2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{rng.uniform(0, 9999):.2f},"
             f"{rng.random():.4f},{rng.randint(100, 999)}" for i in range(800)]
    return "\n".join(rows).encode()


def _log() -> bytes:
    rng = random.Random(4)
    lines = [f"2025-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:05.{rng.randint(0, 999):03d}Z "
             f"{rng.choice(['INFO', 'WARN', 'DEBUG'])} [worker-{rng.randint(1, 8)}] "
             f"svc.http.req id={rng.getrandbits(64):x} status={rng.choice([200, 404, 500])} "
             f"dur_ms={rng.randint(1, 900)} path=/api/v2/items/{rng.randint(1, 99999)}" for _ in range(500)]
    return "\n".join(lines).encode()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.bin", _random_bytes(1))
    return buffer.getvalue()


def _letters_without_language() -> bytes:
    """Letters of one script between spaces, but no words: what a wrong decoding of binary data gives."""
    rng = random.Random(5)
    return "".join(rng.choice("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОП ") for _ in range(20_000)).encode()


NON_PAGES = {
    "random bytes": _random_bytes(0),
    "more random bytes": _random_bytes(1, 5_000),
    "PNG": b"\x89PNG\r\n\x1a\n" + _random_bytes(2),
    "ZIP": _zip(),
    "PDF": b"%PDF-1.7\n" + _random_bytes(3),
    "ELF": b"\x7fELF\x02\x01\x01" + _random_bytes(4),
    "gzip of random bytes": gzip.compress(_random_bytes(5)),
    "minified script": _minified_script(),
    "CSV": _csv(),
    "log": _log(),
    "letters without language": _letters_without_language(),
}


@pytest.mark.parametrize("name", NON_PAGES)
def test_non_pages_give_an_empty_article_with_confidence_near_zero(name: str) -> None:
    article = cleanpress.extract(NON_PAGES[name])
    assert article.text == "" and article.blocks == ()
    assert article.confidence < 0.1


@pytest.mark.parametrize("seed", range(40))
def test_random_bytes_read_as_html_give_nothing(seed: int) -> None:
    """Random bytes hold a '<p ' or '<a>' often enough to pass for HTML; their text still is noise."""
    assert cleanpress.extract(_random_bytes(seed, 4_000), format="html").text == ""


PROSE = ("The council met on Tuesday evening to discuss the new bridge. Residents asked why the work had "
         "stopped in March, and the engineer explained that the river had risen faster than expected. ")


@pytest.mark.parametrize("text", [
    PROSE * 5,
    "Der Gemeinderat tagte am Dienstag. Die Anwohner fragten, warum die Arbeiten an der Brücke ruhten. " * 5,
    "市议会周二晚上开会讨论新桥。居民们询问为什么工程在三月停止，工程师解释说河水上涨得比预期快。" * 5,
    "Городской совет собрался во вторник, чтобы обсудить новый мост. Жители спросили, почему работы остановились. " * 5,
    "In 2024, 3 of the 12 bridges (25%) were closed for 6 to 8 weeks; the rest stayed open. " * 5,
])
def test_writing_in_any_language_reads_as_language(text: str) -> None:
    assert reads_as_language(text, html=False)
    assert cleanpress.extract(text, format="text").text


def test_a_page_of_figures_is_still_a_page() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>Team {i}</td><td>{i * 3}</td><td>{40 - i}</td></tr>" for i in range(30))
    page = f"<html><body><h1>League table</h1><p>{PROSE}</p><table>{rows}</table></body></html>"
    assert cleanpress.extract(page).text


def test_a_page_with_almost_no_visible_text_gets_no_verdict() -> None:
    page = "<html><head><title>App</title></head><body><div id='root'>1 2 3</div></body></html>"
    assert cleanpress.extract(page).title == "App"


def test_word_share_counts_words_not_numbers_or_symbols() -> None:
    assert word_share(PROSE) > 0.9
    assert word_share("12,45,7.5\n3,9,1.25\n") == 0.0
    assert word_share("x=f(a)[0]+g(b);if(c){d()}") == 0.0
    assert word_share("") == 0.0
