"""Bytes to text: find the encoding the author used, and clean what comes out.

The order follows what browsers do, because that is what the author saw when
the page looked right: a byte-order mark wins, then the caller's ``encoding=``
(an HTTP header), then the page's own ``<meta>`` declaration, then a sniff.
Declarations lie often enough that a declared encoding is checked against the
bytes: a page declared UTF-8 that is not valid UTF-8 is sniffed instead, and a
page declared as a legacy single-byte encoding whose non-ASCII bytes form valid
UTF-8 is read as UTF-8. Nothing here raises for any input bytes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib

#: The most text a compressed page may inflate to (one byte past the default
#: ``Limits.max_bytes``, so that the parse stage sees the page is too large).
MAX_INFLATED = 64 * 1024 * 1024 + 1

#: How far into the page a ``<meta charset>`` is looked for (browsers: 1024 bytes;
#: real pages put long scripts first, so a little more).
_PRESCAN_BYTES = 4096

#: How much of the page the sniffer looks at; enough text to decide, bounded cost.
_SNIFF_BYTES = 16 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Labels that browsers read as a different (superset) encoding (WHATWG Encoding).
_ALIASES: dict[str, str] = {
    "iso8859_1": "cp1252",
    "latin_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}

#: Magic numbers of formats that are certainly not HTML; such pages decode to "".
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF-",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x7fELF",
    b"BM",  # checked with a plausibility test below, "BM" starts English words
    b"RIFF",
    b"OggS",
    b"fLaC",
    b"ID3",
    b"\x00\x00\x01\x00",  # ICO
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"wOFF",
    b"wOF2",
    b"\x00asm",
    b"\xca\xfe\xba\xbe",
    b"MZ",
)

_GZIP_MAGIC = b"\x1f\x8b"

_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")
_META_RE = re.compile(rb"<meta\b([^<>]*)>", re.IGNORECASE)  # [^<>]: an unclosed tag ends at the next one
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)""", re.IGNORECASE)
_HTTP_EQUIV_RE = re.compile(rb"""http-equiv\s*=\s*["']?\s*content-type""", re.IGNORECASE)

#: Encodings the sniffer weighs when a page is not UTF-8 and says nothing true.
_SINGLE_BYTE_CANDIDATES: tuple[str, ...] = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
    "cp1253",
    "iso8859_7",
    "cp1257",
    "cp1254",
    "iso8859_15",
    "cp1255",
    "cp1256",
    "iso8859_5",
    "iso8859_8",
)
_MULTI_BYTE_CANDIDATES: tuple[str, ...] = ("cp932", "gb18030", "euc_jp", "big5hkscs", "cp949")
_CHINESE = frozenset(("gb18030", "big5hkscs"))


def decode_page(page: bytes, encoding: str | None = None, *, max_inflated: int = MAX_INFLATED) -> str:
    """Decode page bytes to text as the author wrote it; never raises for bytes.

    ``encoding`` is the caller's override (an HTTP ``charset``); only a
    byte-order mark beats it, as in browsers. Gzip-compressed pages are
    inflated up to ``max_inflated`` bytes; pages that are clearly another
    format (PDF, images, archives, executables) or undecodable gzip decode to
    the empty string, because their bytes read as text are noise, not an article.
    The result has been through :func:`clean_text`.
    """
    return decode_page_with_utf8(page, encoding, max_inflated=max_inflated)[0]


def decode_page_with_utf8(page: bytes, encoding: str | None = None, *,
                          max_inflated: int = MAX_INFLATED) -> tuple[str, bytes | None]:
    """:func:`decode_page`'s text, and the page's own UTF-8 bytes when they are that text.

    Most pages are clean UTF-8: the parser can take their bytes as they
    are instead of encoding the text again. The bytes may still hold the CR
    LF or lone CR that the text turned into LF, as libxml2 does itself while
    parsing. None when the text is not otherwise exactly the page's bytes
    decoded (another encoding, broken sequences, cleaned characters).
    """
    data, codec, text = _decode(page, encoding, max_inflated)
    if codec != "utf-8":
        return clean_text(data.decode(codec, "replace")), None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return clean_text(data.decode("utf-8", "replace")), None
    text = _one_newline(text)
    if _utf8_needs_cleaning(data, text):
        return clean_text(text), None
    return text, data


#: The C0 controls and DEL that :func:`clean_text` removes or rewrites (tab, LF and CR excepted).
_C0_BYTES = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
#: The UTF-8 form of the C1 controls, which it removes (NEL: rewrites). One lead byte: a fast scan.
_C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x9f]")
#: The other characters it changes that valid UTF-8 can hold: LS, PS, U+FFFE and U+FFFF.
_WIDE_TO_CLEAN = ("\u2028", "\u2029", "\ufffe", "\uffff")


def _utf8_needs_cleaning(data: bytes, text: str) -> bool:
    """Whether ``text``, UTF-8 ``data`` decoded, is text that :func:`clean_text` would change other than at a CR.

    Each kind of character is looked for where a C-level scan finds it
    fastest, never with a character-class regex over the text: the C0
    controls by deleting them from the bytes, the C1 controls by their one
    lead byte, the rest as single characters of the text (a search for one
    character runs at memory speed, and not at all in text too narrow to
    hold it). The UTF-8 codec never yields a lone surrogate.
    """
    return (len(data.translate(None, _C0_BYTES)) != len(data) or _C1_UTF8_RE.search(data) is not None
            or any(char in text for char in _WIDE_TO_CLEAN))


# Legacy text decoded as UTF-8 is nearly all broken sequences; real UTF-8 with a glitch is nearly all good ones.
_UTF8_GOOD_PER_BAD = 20


def _decode(page: bytes, encoding: str | None, max_inflated: int) -> tuple[bytes, str, str | None]:
    """The bytes to decode (inflated, without a byte-order mark), the codec to decode them with,
    and the text when checking them already decoded it."""
    data = bytes(page)
    if data.startswith(_GZIP_MAGIC):
        inflated = _gunzip(data, max_inflated)
        if inflated is None:
            return b"", "utf-8", None
        data = inflated
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], name, None
    if _is_binary(data):
        return b"", "utf-8", None
    override = _normalise(encoding) if encoding else None
    if override:
        return data, override, None
    utf16 = _sniff_utf16(data)
    if utf16:
        return data, utf16, None
    declared = _declared(data[:_PRESCAN_BYTES])
    utf8, text = _utf8_verdict(data)
    if declared and declared != "utf-8":
        # A legacy declaration over bytes that are valid multi-byte UTF-8 is a
        # template left unchanged after the page was converted: believe the bytes.
        if utf8 == "utf-8-nonascii":
            return data, "utf-8", text
        if _decodes(data[:_SNIFF_BYTES], declared):
            return data, declared, None
    if utf8 is not None:
        return data, "utf-8", text
    return data, _sniff(_sample(data)), None


def clean_text(text: str) -> str:
    """Text safe for the parser and for readers: controls gone, one kind of newline.

    Drops NUL, the C0 controls other than tab and newline, DEL, the C1 controls
    and the non-characters U+FFFE/U+FFFF; turns lone surrogates into U+FFFD;
    turns CR LF, CR, NEL, LS, PS, VT and FF into ``\\n``. Text that needs none
    of this (nearly all) costs one regex scan, the rest one more.
    """
    text = _one_newline(text)
    if _NEEDS_CLEANING_RE.search(text) is None:
        return text
    return _NEEDS_CLEANING_RE.sub(_cleaned, text)


def _cleaned(match: re.Match[str]) -> str:
    """What :func:`clean_text` puts in place of one character it changes."""
    char = match.group()
    if char in _NEWLINES:
        return "\n"
    return "\ufffd" if "\ud800" <= char <= "\udfff" else ""


def _one_newline(text: str) -> str:
    """CR LF and lone CR as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


_NEEDS_CLEANING_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029\ud800-\udfff]")
_NEWLINES = frozenset("\x0b\x0c\x85\u2028\u2029")


def _gunzip(data: bytes, limit: int) -> bytes | None:
    """Inflate a gzip stream to at most ``limit`` bytes; None when it is corrupt."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data, limit)
    except zlib.error:
        return None
    return out or None


def _is_binary(data: bytes) -> bool:
    """True for known non-text formats and for bytes that are mostly control codes."""
    head = data[:512]
    for magic in _BINARY_MAGIC:
        if head.startswith(magic):
            if magic in (b"BM", b"MZ", b"RIFF", b"ID3"):
                # Short magics start ordinary words too: require control bytes soon after.
                return _control_share(head) > 0.1
            return True
    return _control_share(head) > 0.3 and _sniff_utf16(data) is None


def _control_share(head: bytes) -> float:
    """The share of bytes that never occur in text (C0 controls other than whitespace)."""
    if not head:
        return 0.0
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls / len(head)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII markup leaves a NUL in every other byte."""
    head = data[:512]
    if len(head) < 8:
        return None
    even = head[0::2]
    odd = head[1::2]
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    return None


def _normalise(label: str) -> str | None:
    """A Python codec name for an encoding label, with browser aliases; None if unknown."""
    label = label.strip().strip("\"'").strip()
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    name = name.replace("-", "_")
    if name in ("utf_8", "utf_8_sig"):
        return "utf-8"
    return _ALIASES.get(name, name)


def _declared(head: bytes) -> str | None:
    """The encoding the page declares in its first bytes (``<meta>`` or XML declaration)."""
    found = _XML_DECL_RE.match(head)
    candidates: list[bytes] = [found.group(1)] if found else []
    for meta in _META_RE.finditer(head):
        attrs = meta.group(1)
        charset = _CHARSET_RE.search(attrs)
        if not charset:
            continue
        lowered = attrs.lower()
        if b"http-equiv" in lowered and not _HTTP_EQUIV_RE.search(attrs):
            continue
        candidates.append(charset.group(1))
    for raw in candidates:
        name = _normalise(raw.decode("ascii", "replace"))
        if name is None:
            continue
        if name.startswith(("utf_16", "utf_32")):
            # Readable ASCII markup cannot be UTF-16: the declaration is wrong (WHATWG).
            return "utf-8"
        if not _ascii_compatible(name):
            continue  # UTF-7, EBCDIC: a page could not have declared them in readable ASCII
        return name
    return None


def _ascii_compatible(name: str) -> bool:
    """True when markup characters encode as themselves (what a readable declaration needs)."""
    probe = "<meta charset='x'>+-"
    try:
        return probe.encode(name) == probe.encode("ascii")
    except (UnicodeError, LookupError):
        return False


def _utf8_verdict(data: bytes) -> tuple[str | None, str | None]:
    """'utf-8' for valid UTF-8, 'utf-8-nonascii' if it also holds multi-byte sequences, else None;
    and the decoded text when it is valid throughout.

    A sequence cut at the very end (a truncated download) does not count against it,
    nor do a few broken sequences among many good ones: a CMS that cut a headline
    in the middle of a character leaves a UTF-8 page, not a legacy one.
    """
    text = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (exc.reason != "unexpected end of data" or exc.start < len(data) - 3) and not _mostly_utf8(data):
            return None, None
    return ("utf-8" if data.isascii() else "utf-8-nonascii"), text


def _mostly_utf8(data: bytes) -> bool:
    """At least ``_UTF8_GOOD_PER_BAD`` well-formed multi-byte characters for every broken sequence."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good >= _UTF8_GOOD_PER_BAD * max(bad, 1)


def _decodes(sample: bytes, name: str) -> bool:
    """True when ``sample`` is valid in ``name``, allowing a character cut at the end."""
    try:
        codecs.getincrementaldecoder(name)("strict").decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _sample(data: bytes) -> bytes:
    """The part of the page worth sniffing: from just before its first non-ASCII byte.

    Pages open with long ASCII heads and scripts that say nothing about the
    encoding; everything before the first high byte is ASCII, so starting there
    never cuts a multi-byte character.
    """
    found = _HIGH_BYTE_RE.search(data)
    start = max(0, found.start() - 64) if found else 0
    return data[start : start + _SNIFF_BYTES]


def _sniff(sample: bytes) -> str:
    """The most plausible legacy encoding for bytes that are not UTF-8."""
    best, best_score = "cp1252", float("-inf")
    multi_byte = _multi_byte_share(sample) > 0.3
    candidates = (
        _MULTI_BYTE_CANDIDATES + _SINGLE_BYTE_CANDIDATES
        if multi_byte
        else _SINGLE_BYTE_CANDIDATES + _MULTI_BYTE_CANDIDATES
    )
    for name in candidates:
        if not _decodes(sample, name):
            continue
        text = codecs.getincrementaldecoder(name)("strict").decode(sample, final=False)
        score = _plausibility(text, chinese=name in _CHINESE)
        if score > best_score:
            best, best_score = name, score
    return best


def _multi_byte_share(sample: bytes) -> float:
    """How often a high byte is followed by another high byte (CJK text pairs them)."""
    high = pairs = 0
    previous_high = False
    for byte in sample:
        is_high = byte >= 0x80
        if is_high:
            high += 1
            if previous_high:
                pairs += 1
                previous_high = False
                continue
        previous_high = is_high
    return pairs / high * 2 if high else 0.0


_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _plausibility(text: str, *, chinese: bool = False) -> float:
    """How much ``text`` looks like what people write; higher is better.

    Rewards letters in words of one script with natural case (lowercase after
    the first letter), kana and common ideographs; penalises C1 controls,
    private-use and symbol characters wedged between letters, half-width katakana
    and scripts mixed inside one word: the marks mojibake leaves. Kana count
    against a ``chinese`` reading: GB2312 holds kana at the very code points
    where EUC-JP does, but Chinese prose does not use them.
    """
    score = 0.0
    for ch in text:
        if ch.isascii():
            continue
        code = ord(ch)
        if 0x80 <= code <= 0x9F or 0xE000 <= code <= 0xF8FF or ch == "\ufffd":
            score -= 8
        elif 0xFF61 <= code <= 0xFF9F:
            score -= 1.5
        elif 0x3040 <= code <= 0x30FF:
            score += -1 if chinese else 2
        elif 0x4E00 <= code <= 0x9FFF:
            score += 0.8 if _is_common_han(ch) else -0.5
        elif 0xAC00 <= code <= 0xD7A3:
            score += 0.8
        elif unicodedata.category(ch)[0] in "SNP" or unicodedata.category(ch) == "Lm":
            score -= 0.25
    for word in _WORD_RE.findall(text):
        if word.isascii():
            continue
        scripts = {_script(ch) for ch in word}
        if len(scripts) > 1:
            score -= 2 * len(word)
            continue
        if scripts == {"latin"}:
            # Western words carry an accent or two among plain letters, never mostly accents.
            accented = sum(1 for ch in word if not ch.isascii())
            if accented * 2 > len(word):
                score -= 1.5 * accented
                continue
        if scripts & {"hebrew", "arabic"}:
            score += len(word) * 0.5  # scripts without case: a one-script word is all the evidence
            continue
        if len(word) > 1:
            tail = word[1:]
            if tail.islower() or word.isupper():
                score += len(word) * 0.5
            else:
                score -= sum(1 for ch in tail if ch.isupper()) * 2
    # Hebrew read as windows-1251 gives only the letters а..ъ; real Cyrillic text
    # soon uses one beyond them (я, ы, ь, ю, ё, і, ј ...).
    cyrillic = _CYRILLIC_RE.findall(text)
    if len(cyrillic) >= 20 and not any(ch not in _CYRILLIC_LOW_HALF for ch in cyrillic):
        score -= 1.5 * len(cyrillic)
    # Prose is mostly lowercase; a reading that makes nearly every letter a capital is wrong.
    upper = sum(1 for ch in cyrillic if ch.isupper())
    if len(cyrillic) >= 20 and upper > 0.7 * len(cyrillic):
        score -= 1.5 * upper
    # Greek writes final sigma only at the end of a word.
    score -= 3 * len(_INNER_FINAL_SIGMA_RE.findall(text))
    # Symbols glued between letters ("wÃ¤re", "Ð¿Ñ€") are what mojibake looks like.
    score -= 3 * len(_GLUED_SYMBOL_RE.findall(text))
    # Chinese and Japanese do not put spaces between ideographs; Korean does.
    score -= 2 * len(_SPACED_HAN_RE.findall(text))
    return score


_INNER_FINAL_SIGMA_RE = re.compile(r"\u03c2(?=[\u0370-\u03ff])")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_LOW_HALF = frozenset(chr(code) for code in range(0x0430, 0x044B))
_SPACED_HAN_RE = re.compile(r"[\u4e00-\u9fff] (?=[\u4e00-\u9fff])")
_GLUED_SYMBOL_RE = re.compile(r"(?<=[^\W\d_])[^\w\s\-'’.,;:!?()\"«»„“”/]+(?=[^\W\d_])")


def _is_common_han(ch: str) -> bool:
    """True for ideographs in the everyday sets of Chinese or Japanese (GB2312, JIS level 1)."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        lead = ch.encode("cp932")[0]
    except UnicodeEncodeError:
        return False
    return 0x88 <= lead <= 0x98


def _script(ch: str) -> str:
    """A coarse script name for one letter: enough to catch mixed-script words."""
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x590 <= code < 0x600:
        return "hebrew"
    if 0x600 <= code < 0x700:
        return "arabic"
    if 0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "cjk"
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    return "other"
