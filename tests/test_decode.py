"""Bytes to text: BOMs, declarations, lies, legacy sniffing, compression, cleaning."""

from __future__ import annotations

import codecs
import gzip
import random

import pytest

from cleanpress.decode import clean_text, decode_page, decode_page_with_utf8

#: Sentences of our own in the languages whose legacy encodings the web still holds.
TEXTS: dict[str, str] = {
    "ru": "Съешь же ещё этих мягких французских булок, да выпей чаю. Москва встретила гостей снегом и ветром.",
    "uk": "Київ прокинувся рано: на вулицях уже продавали каву, а трамваї везли людей на роботу.",
    "de": "Größere Übungen für Schüler: Die Straße ist lang, und die Bäume am Fluss sind schon grün.",
    "fr": "Où est passée la bibliothèque ? Le garçon a répondu qu’elle était fermée depuis déjà trois ans.",
    "es": "El niño pidió más café y la señora respondió que mañana abrirían la panadería a las ocho.",
    "pl": "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig, powiedział kapitan przy śniadaniu.",
    "cs": "Příliš žluťoučký kůň úpěl ďábelské ódy, zatímco děti běžely přes náměstí ke škole.",
    "el": "Καλημέρα σε όλους, σήμερα ο καιρός στην Αθήνα είναι ζεστός και ο ουρανός καθαρός.",
    "ja": "今日は東京で雨が降っています。私たちは駅の近くの喫茶店で友達と会いました。",
    "zh": "今天北京的天气很好，我们一起去公园散步，然后在附近的饭馆吃了午饭。",
    "ko": "오늘 서울은 날씨가 맑고 따뜻합니다. 우리는 공원에서 산책을 했습니다.",
    "he": "הבוקר נפתחה הספרייה החדשה בעיר, ומאות ילדים הגיעו לבחור ספרים לחופשת הקיץ.",
    "ar": "افتتحت المكتبة الجديدة في المدينة صباح اليوم، وجاء مئات الأطفال لاختيار الكتب.",
}

#: (language, encoding) pairs that must be recognised with no declaration at all.
UNDECLARED: list[tuple[str, str]] = [
    ("ru", "cp1251"),
    ("ru", "koi8_r"),
    ("ru", "iso8859_5"),
    ("uk", "cp1251"),
    ("de", "cp1252"),
    ("de", "iso8859_15"),
    ("de", "latin_1"),
    ("fr", "cp1252"),
    ("es", "cp1252"),
    ("es", "latin_1"),
    ("pl", "cp1250"),
    ("pl", "iso8859_2"),
    ("cs", "cp1250"),
    ("cs", "iso8859_2"),
    ("el", "cp1253"),
    ("el", "iso8859_7"),
    ("ja", "shift_jis"),
    ("ja", "cp932"),
    ("ja", "euc_jp"),
    ("zh", "gb18030"),
    ("zh", "gbk"),
    ("zh", "gb2312"),
    ("ko", "euc_kr"),
    ("he", "cp1255"),
    ("he", "iso8859_8"),
    ("ar", "cp1256"),
]


def _page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p><p>{text}</p></body></html>"


@pytest.mark.parametrize(("lang", "encoding"), UNDECLARED)
def test_undeclared_legacy_encoding_is_sniffed(lang: str, encoding: str) -> None:
    text = TEXTS[lang]
    assert text in decode_page(_page(text).encode(encoding))


@pytest.mark.parametrize(("lang", "encoding"), UNDECLARED)
@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="{e}">',
        "<meta charset={e}>",
        "<META CHARSET='{e}'>",
        '<meta http-equiv="Content-Type" content="text/html; charset={e}">',
        '<meta content="text/html;charset={e}" http-equiv="content-type">',
    ],
)
def test_declared_encoding_is_used(lang: str, encoding: str, declaration: str) -> None:
    text = TEXTS[lang]
    label = codecs.lookup(encoding).name
    assert text in decode_page(_page(text, declaration.format(e=label)).encode(encoding))


@pytest.mark.parametrize("lang", ["ru", "de", "ja", "zh"])
def test_xml_declaration_is_read(lang: str) -> None:
    encoding = {"ru": "koi8-r", "de": "iso-8859-1", "ja": "shift_jis", "zh": "gb18030"}[lang]
    page = f'<?xml version="1.0" encoding="{encoding}"?>' + _page(TEXTS[lang])
    assert TEXTS[lang] in decode_page(page.encode(encoding))


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_over_declaration_and_override(lang: str, bom: bytes, codec: str) -> None:
    page = _page(TEXTS[lang], '<meta charset="windows-1251">')
    data = bom + page.encode(codec)
    assert decode_page(data) == page
    assert decode_page(data, encoding="koi8-r") == page


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec: str) -> None:
    page = _page(TEXTS["de"])
    assert decode_page(page.encode(codec)) == page


@pytest.mark.parametrize("lang", ["ru", "de", "fr", "pl", "el"])
@pytest.mark.parametrize("legacy", ["cp1252", "cp1251", "cp1250", "cp1253", "koi8_r"])
def test_declared_utf8_that_is_not_utf8_is_sniffed(lang: str, legacy: str) -> None:
    text = TEXTS[lang]
    try:
        data = _page(text, '<meta charset="utf-8">').encode(legacy)
    except UnicodeEncodeError:
        pytest.skip(f"{lang} cannot be written in {legacy}")
    out = decode_page(data)
    assert "\ufffd" not in out
    if legacy in _natural_encodings(lang):
        assert text in out


def _natural_encodings(lang: str) -> set[str]:
    return {codec for code, codec in UNDECLARED if code == lang}


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "windows-1251", "koi8-r", "shift_jis", "ascii"])
def test_declared_legacy_but_utf8_bytes_are_read_as_utf8(lang: str, declared: str) -> None:
    text = TEXTS[lang]
    assert text in decode_page(_page(text, f'<meta charset="{declared}">').encode("utf-8"))


def test_latin1_label_means_windows_1252_like_in_browsers() -> None:
    text = "“Quoted” – and the price is 5 €, not £5."
    assert text in decode_page(_page(text, '<meta charset="iso-8859-1">').encode("cp1252"))


def test_undeclared_windows_1252_punctuation() -> None:
    text = "He said “no” — twice — and left for the café… at 9 o’clock."
    assert text in decode_page(_page(text).encode("cp1252"))


@pytest.mark.parametrize(("lang", "encoding"), [("ru", "koi8_r"), ("ru", "cp1251"), ("ja", "shift_jis"), ("pl", "iso8859_2")])
def test_encoding_override_beats_a_wrong_declaration(lang: str, encoding: str) -> None:
    text = TEXTS[lang]
    data = _page(text, '<meta charset="windows-1252">').encode(encoding)
    assert text in decode_page(data, encoding=codecs.lookup(encoding).name)


@pytest.mark.parametrize("label", ["no-such-charset", "", "  ", "utf-8\x00", "x" * 300, "'\""])
def test_unknown_override_is_ignored(label: str) -> None:
    assert TEXTS["de"] in decode_page(_page(TEXTS["de"]).encode("utf-8"), encoding=label)


@pytest.mark.parametrize("label", ["bogus", "utf-7", "utf-16", "UTF-32LE", "x-user-defined", "cp037", ""])
def test_strange_meta_declarations_do_not_break_utf8(label: str) -> None:
    text = TEXTS["fr"]
    out = decode_page(_page(text, f'<meta charset="{label}">').encode("utf-8"))
    assert text in out


@pytest.mark.parametrize("label", ["utf-7", "cp037", "cp500"])
def test_declarations_that_cannot_be_true_are_ignored(label: str) -> None:
    page = f'<meta charset="{label}"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- plain</p>'
    assert decode_page(page.encode("ascii")) == page


def test_gzip_page_is_inflated() -> None:
    page = _page(TEXTS["ru"], '<meta charset="koi8-r">')
    assert TEXTS["ru"] in decode_page(gzip.compress(page.encode("koi8_r")))


def test_gzip_bomb_is_bounded() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)
    out = decode_page(bomb, max_inflated=100_000)
    assert len(out) <= 100_000


@pytest.mark.parametrize("data", [b"\x1f\x8b", b"\x1f\x8b\x08\x00garbage", b"\x1f\x8b\x08\x00" + bytes(6)])
def test_broken_gzip_is_not_html(data: bytes) -> None:
    assert decode_page(data) == ""


@pytest.mark.parametrize("cut", [12, 20, 30])
def test_truncated_gzip_gives_what_it_holds(cut: int) -> None:
    page = _page(TEXTS["de"])
    assert page.startswith(decode_page(gzip.compress(page.encode())[:cut]))


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01",
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00",
        b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f" * 50,
    ],
)
def test_binary_formats_decode_to_nothing(data: bytes) -> None:
    assert decode_page(data) == ""


@pytest.mark.parametrize("text", ["BMW and Mazda sold more cars", "MZ motorcycles", "ID3 tags explained", "RIFF raff"])
def test_text_starting_like_a_magic_number_is_still_text(text: str) -> None:
    assert decode_page(text.encode()) == text


def test_truncated_utf8_is_still_utf8() -> None:
    data = _page(TEXTS["ru"]).encode("utf-8")
    cut = data[: data.index("ещё".encode()) + 1]
    out = decode_page(cut)
    assert "Съешь же" in out


@pytest.mark.parametrize("declaration", ['<meta charset="utf-8">', ""])
def test_utf8_with_one_broken_character_is_still_utf8(declaration: str) -> None:
    """A headline cut mid-character by a CMS leaves one bad byte in an otherwise UTF-8 page."""
    good = " ".join(TEXTS[lang] for lang in ("pl", "de", "fr", "ru"))
    data = _page(good, declaration).encode("utf-8")
    data = data.replace(b"</body>", b"<span>Ostatnie: przemyt papieros\xc3...</span></body>")
    out = decode_page(data)
    assert good in out
    assert out.count("\ufffd") == 1


def test_legacy_page_with_a_stray_utf8_sequence_is_still_sniffed() -> None:
    data = _page(TEXTS["de"] * 3, '<meta charset="utf-8">').encode("cp1252") + "ä".encode("utf-8")
    assert TEXTS["de"] in decode_page(data)


def test_random_bytes_never_raise() -> None:
    generator = random.Random(4)
    for size in (1, 2, 3, 7, 64, 513, 4096):
        for _ in range(25):
            data = bytes(generator.randrange(256) for _ in range(size))
            assert isinstance(decode_page(data), str)
            assert isinstance(decode_page(data, encoding="utf-8"), str)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\u2028b\u2029c\x85d", "a\nb\nc\nd"),
        ("a\x0bb\x0cc", "a\nb\nc"),
        ("a\x00b\x01c\x1fd\x7fe", "abcde"),
        ("tab\tstays\nnewline", "tab\tstays\nnewline"),
        ("c1\x80\x9fgone", "c1gone"),
        ("lone\ud800surrogate\udfff", "lone\ufffdsurrogate\ufffd"),
        ("non\ufffechar\uffff", "nonchar"),
        ("", ""),
        ("emoji 😀 stays", "emoji 😀 stays"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected
    assert clean_text(expected) == expected


_UTF8_CASES: list[tuple[bytes, bool]] = [  # (page bytes, whether the text is exactly those bytes decoded)
    (_page(TEXTS["fr"]).encode("utf-8"), True),
    (_page("plain ASCII").encode("ascii"), True),
    (_page(TEXTS["ja"]).replace("><", ">\r\n<").encode("utf-8"), True),  # CR LF: the same in text and bytes
    (_page("lone\rcarriage").encode("utf-8"), True),
    (codecs.BOM_UTF8 + _page(TEXTS["de"]).encode("utf-8"), True),
    (gzip.compress(_page(TEXTS["ru"]).encode("utf-8")), True),
    (_page("a\x00b\x07c").encode("utf-8"), False),  # controls cleaned
    (_page("c1 \x85 and \x9c").encode("utf-8"), False),
    (_page("line\u2028sep").encode("utf-8"), False),
    (_page("para\u2029sep").encode("utf-8"), False),
    (_page("non\ufffechar").encode("utf-8"), False),
    (_page("non\uffffchar").encode("utf-8"), False),
    (_page("ab") .encode("utf-8") + b"\xff\xfe broken", False),
    (_page(TEXTS["ru"], '<meta charset="windows-1251">').encode("cp1251"), False),
    (_page(TEXTS["pl"]).encode("utf-16"), False),
]


_NARROW_AND_WIDE = [chr(code) for code in (*range(0x100), 0x2028, 0x2029, 0x2030, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600)]


@pytest.mark.parametrize("char", _NARROW_AND_WIDE, ids=lambda char: f"U+{ord(char):04X}")
def test_utf8_bytes_are_handed_on_exactly_when_cleaning_leaves_the_text(char: str) -> None:
    text = _page(f"left {char} right")
    handed_on = decode_page_with_utf8(text.encode("utf-8"))[1] is not None
    assert handed_on == (clean_text(text) == text) or char == "\r"  # a CR is libxml2's to read as LF


@pytest.mark.parametrize(("page", "exact"), _UTF8_CASES)
def test_utf8_bytes_are_handed_on_only_when_they_are_the_text(page: bytes, exact: bool) -> None:
    text, utf8 = decode_page_with_utf8(page)
    assert text == decode_page(page)
    if exact:  # the bytes read as the text, CR LF and lone CR as LF (as libxml2 reads them)
        assert utf8 is not None and utf8.replace(b"\r\n", b"\n").replace(b"\r", b"\n") == text.encode("utf-8")
    else:
        assert utf8 is None
