"""The scores of ``../shared/bench/README.md``, computed as the public leaderboards do.

* scrapinghub (and readability body text): 4-token shingles as multisets;
  per page tp/fp/fn scaled to sum 1; corpus precision and recall are means
  over the pages where they are defined (precision needs some output, recall
  some reference, exactly as the Zyte benchmark's ``evaluate.py`` averages),
  F1 their harmonic mean; accuracy is the share of pages whose token
  sequence equals the reference's.
* trafilatura-eval: whitespace-collapsed substring tests of ``with`` /
  ``without`` snippets, summed over the corpus.
* wcxb: word tokens of the lowercased texts as multisets; per page precision
  = overlap / output tokens, recall = overlap / reference tokens, F1 from the
  two; corpus precision, recall and F1 are the means over all pages (an empty
  output scores 0 where there is a reference; where there is none, an empty
  output scores 1 and any other 0). Beside them the share of ``with``
  snippets found and of ``without`` snippets leaked (case-folded,
  whitespace-collapsed substring tests, summed over the corpus) and the
  number of empty outputs.
* metadata: a field is a hit when the folded values are equal; a byline also
  when it equals the reference's names as cleanpress writes a byline (the
  reference keeps the page's "By", dates and roles: see ``byline_hit``), and
  a reference byline that names no one (only a date) does not count; a
  title also when it is the reference without a part joined to one end
  ("Headline | Site": see ``title_hit``).

Plus the chrome classification behind the leak rate: a documented,
multilingual keyword list that sorts ``without`` snippets into site chrome
and the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# --- shared ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scores:
    """Corpus-level scores; ``accuracy`` is None where the corpus defines none."""

    precision: float
    recall: float
    f1: float
    accuracy: float | None = None


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def collapse_ws(text: str) -> str:
    """Runs of whitespace become one space; ends are trimmed."""
    return " ".join(text.split())


# --- scrapinghub shingles -------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Word tokens, as ``re.findall(r"\\w+", text)``."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of n-token runs; a text shorter than n tokens is one shingle, empty text none."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True, slots=True)
class ShinglePage:
    """One page under the shingle metric: normalised tp/fp/fn and exact-match flag."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float | None:
        """tp/(tp+fp); 1 when nothing is missing or extra; None when there is no output."""
        if self.fp == 0 and self.fn == 0:
            return 1.0 if self.tp else None
        if self.tp + self.fp == 0:
            return None
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp/(tp+fn); 1 when nothing is missing or extra; None when there is no reference."""
        if self.fp == 0 and self.fn == 0:
            return 1.0 if self.tp else None
        if self.tp + self.fn == 0:
            return None
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Page F1 for ranking pages (undefined parts count as 0)."""
        return f1_score(self.precision or 0.0, self.recall or 0.0)


def shingle_page(reference: str, output: str) -> ShinglePage:
    """Compare one output with its reference under the scrapinghub metric."""
    ref, out = shingles(reference), shingles(output)
    tp = sum((ref & out).values())
    fp = sum((out - ref).values())
    fn = sum((ref - out).values())
    total = tp + fp + fn
    if total:
        return ShinglePage(tp / total, fp / total, fn / total, tokens(reference) == tokens(output))
    return ShinglePage(0.0, 0.0, 0.0, tokens(reference) == tokens(output))


def shingle_scores(pages: Sequence[ShinglePage]) -> Scores:
    """Corpus scores: means of the defined page precisions and recalls, F1 of the means."""
    precisions = [p.precision for p in pages if p.precision is not None]
    recalls = [p.recall for p in pages if p.recall is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages) if pages else 0.0
    return Scores(precision, recall, f1_score(precision, recall), accuracy)


# --- trafilatura-eval snippets --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Snippet outcomes: tp/fn over ``with``, fp/tn over ``without``."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    @property
    def f1(self) -> float:
        """Page F1 for ranking pages."""
        return snippet_scores(self).f1


def snippet_counts(output: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """Count which snippets occur in the output, whitespace collapsed on both sides."""
    text = collapse_ws(output)
    tp = fn = fp = tn = 0
    for snippet in with_:
        if collapse_ws(snippet) in text:
            tp += 1
        else:
            fn += 1
    for snippet in without:
        if collapse_ws(snippet) in text:
            fp += 1
        else:
            tn += 1
    return SnippetCounts(tp, fp, fn, tn)


def snippet_scores(counts: SnippetCounts) -> Scores:
    """Precision, recall, F1 and accuracy ((tp+tn)/all) from summed counts."""
    c = counts
    precision = c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0
    recall = c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0
    total = c.tp + c.fp + c.fn + c.tn
    return Scores(precision, recall, f1_score(precision, recall), (c.tp + c.tn) / total if total else 0.0)


# --- wcxb word overlap ------------------------------------------------------------------------


def word_bag(text: str) -> Counter[str]:
    """Multiset of the word tokens of the lowercased text, as WCXB counts them."""
    return Counter(_TOKEN.findall((text or "").lower()))


@dataclass(frozen=True, slots=True)
class WordPage:
    """One page under the WCXB metric: word-overlap P/R/F1 and its snippet outcomes."""

    precision: float
    recall: float
    f1: float
    empty: bool
    with_found: int = 0
    with_total: int = 0
    without_leaked: int = 0
    without_total: int = 0


def word_page(reference: str, output: str, with_: Sequence[str] = (), without: Sequence[str] = ()) -> WordPage:
    """Compare one output with its reference under WCXB's metric.

    A page without reference tokens is right only when the output has none
    either (1 on all three figures, else 0); an empty output on a page with
    a reference scores 0.
    """
    ref, out = word_bag(reference), word_bag(output)
    ref_size, out_size = sum(ref.values()), sum(out.values())
    if not ref_size:
        precision = recall = f1 = 0.0 if out_size else 1.0
    else:
        overlap = sum((ref & out).values())
        precision = overlap / out_size if out_size else 0.0
        recall = overlap / ref_size
        f1 = f1_score(precision, recall)
    text = collapse_ws(output).casefold()
    found = sum(collapse_ws(s).casefold() in text for s in with_)
    leaked = sum(collapse_ws(s).casefold() in text for s in without)
    return WordPage(precision, recall, f1, not output.strip(), found, len(with_), leaked, len(without))


@dataclass(frozen=True, slots=True)
class WordScores:
    """Corpus-level WCXB figures: means of page P/R/F1, snippet rates, empty outputs."""

    precision: float
    recall: float
    f1: float
    with_found: float
    without_leaked: float
    empty: int
    pages: int


def word_scores(pages: Sequence[WordPage]) -> WordScores:
    """Means over the pages (0 for no pages); snippet rates over every snippet of the pages."""
    n = len(pages)
    with_total = sum(p.with_total for p in pages)
    without_total = sum(p.without_total for p in pages)
    return WordScores(
        precision=sum(p.precision for p in pages) / n if n else 0.0,
        recall=sum(p.recall for p in pages) / n if n else 0.0,
        f1=sum(p.f1 for p in pages) / n if n else 0.0,
        with_found=sum(p.with_found for p in pages) / with_total if with_total else 0.0,
        without_leaked=sum(p.without_leaked for p in pages) / without_total if without_total else 0.0,
        empty=sum(p.empty for p in pages),
        pages=n,
    )


# --- chrome snippets ------------------------------------------------------------------------

#: What counts as site chrome, by category, in English, German, French, Spanish
#: and Polish. Each entry is a whole word or phrase, matched case-insensitively;
#: a trailing ``*`` makes it a word prefix (for inflected forms). Deliberately
#: plain phrases, so the classification is reproducible and easy to audit.
CHROME_KEYWORDS: dict[str, tuple[str, ...]] = {
    "newsletter": (
        "newsletter*", "mailing list", "lettre d'information", "lettre d’information", "boletín*",
        "biuletyn*", "e-mail alert*", "email alert*",
    ),
    "subscribe": (
        "subscrib*", "subscription*", "abonnier*", "abonnement*", "abonnez", "s'abonner", "s’abonner",
        "suscrib*", "suscríb*", "suscripci*", "subskryb*", "subskrypc*", "prenumer*", "zapisz się", "sign up",
        "anmelden", "inscrivez-vous", "inscríbete", "regístrate", "zarejestruj*",
    ),
    "donate-support": (
        "donate", "donation*", "support us", "support our", "spende", "spenden", "unterstützen sie",
        "unterstütze*", "faire un don", "soutenez", "soutenir", "dona", "donar", "donaci*", "apoya",
        "wesprzyj", "wsparcie", "darowizn*", "wpłać", "patreon", "paypal",
    ),
    "membership": (
        "membership*", "become a member", "members only", "mitglied*", "adhérent*", "adhésion",
        "devenez membre", "hazte socio", "miembro*", "członk*",
    ),
    "paywall": (
        "paywall*", "subscribers only", "for subscribers", "premium", "plus-artikel", "abonnenten",
        "réservé aux abonnés", "exclusivo para suscriptores", "dla prenumeratorów",
    ),
    "cookie": (
        "cookie*", "consent*", "privacy", "datenschutz*", "einwilligung*", "confidentialité",
        "consentement", "privacidad", "prywatnoś*",
    ),
    "share-follow": (
        "share*", "sharen", "teilen", "partager", "partagez", "compartir", "comparte", "udostępnij",
        "podziel się", "follow us", "folgen sie", "folge uns", "suivez", "suivez-nous", "síguenos", "siguenos",
        "obserwuj", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "instagram",
        "telegram", "e-mail", "drucken", "print*", "imprimer", "imprimir", "drukuj",
    ),
    "read-more-related": (
        "read more", "read also", "read next", "related", "recommended", "more from", "more stories",
        "most read", "most popular", "you may also", "you might also", "weiterlesen", "mehr zum thema",
        "mehr lesen", "auch interessant", "das könnte", "empfehlungen", "meistgelesen*", "lire aussi",
        "lire la suite", "à lire", "voir aussi", "sur le même sujet", "leer más", "lee también",
        "te puede interesar", "relacionad*", "más leíd*", "czytaj więcej", "czytaj też", "czytaj także",
        "zobacz też", "zobacz także", "polecamy", "powiązane", "najczęściej czytane",
    ),
    "comments": (
        "comment*", "leave a reply", "kommentar*", "antworten", "commentaire*", "comentario*", "comenta*",
        "komentarz*", "odpowiedz",
    ),
    "ads": (
        "advertisement*", "advertising", "sponsored", "anzeige", "werbung", "gesponsert",
        "publicité", "sponsorisé", "publicidad", "patrocinado", "reklama", "sponsorowan*", "ads", "ad-block*",
        "adblock*",
    ),
    "copyright-terms": (
        "©", "copyright*", "all rights reserved", "terms of", "terms and conditions", "creative commons",
        "alle rechte", "nutzungsbedingungen", "agb", "impressum", "tous droits", "mentions légales",
        "conditions générales", "conditions d'utilisation", "derechos reservados", "aviso legal",
        "términos", "prawa zastrzeżone", "regulamin*", "licence*", "license*", "lizenz*",
    ),
}  # fmt: skip


def _keyword_pattern(word: str) -> str:
    prefix = word.endswith("*")
    core = re.escape(word.rstrip("*"))
    start = r"(?<!\w)" if word[0].isalnum() else ""
    end = "" if prefix or not word.rstrip("*")[-1].isalnum() else r"(?!\w)"
    return start + core + end


_CHROME_PATTERNS: dict[str, re.Pattern[str]] = {
    category: re.compile("|".join(_keyword_pattern(w) for w in words), re.IGNORECASE)
    for category, words in CHROME_KEYWORDS.items()
}


def chrome_category(snippet: str) -> str | None:
    """The chrome category a snippet falls in (first match in list order), or None."""
    text = collapse_ws(snippet)
    for category, pattern in _CHROME_PATTERNS.items():
        if pattern.search(text):
            return category
    return None


def chrome_leaks(output: str, without: Iterable[str]) -> tuple[int, int]:
    """(chrome snippets let through, chrome snippets on the page)."""
    text = collapse_ws(output)
    chrome = [s for s in without if chrome_category(s)]
    return sum(collapse_ws(s) in text for s in chrome), len(chrome)


# --- metadata -------------------------------------------------------------------------------

#: Article field -> key in readability's ``expected-metadata.json``.
METADATA_KEYS: dict[str, str] = {
    "title": "title",
    "byline": "byline",
    "published": "publishedTime",
    "lang": "lang",
    "site_name": "siteName",
    "description": "excerpt",
}


def fold(value: str) -> str:
    """Case and whitespace folding, the only normalisation the metadata score allows."""
    return collapse_ws(value).casefold()


def metadata_hits(expected: Mapping[str, str], got: Mapping[str, str]) -> dict[str, bool]:
    """For each field the page has a reference for: does the folded value match?

    ``lang`` is compared on its primary subtag ("en-US" and "en" agree):
    cleanpress's contract returns the BCP 47 primary tag, and a rival that
    returns the full tag is not penalised either.
    """
    hits: dict[str, bool] = {}
    for field, key in METADATA_KEYS.items():
        want = fold(expected.get(key) or "")
        if field == "byline" and not names_in(want):
            continue  # a reference byline that names no one ("Last Updated: May 3, 2024") is no byline
        if want:
            value = fold(got.get(field) or "")
            if field == "lang":
                want, value = _primary_subtag(want), _primary_subtag(value)
            hits[field] = value == want or (field == "byline" and byline_hit(expected.get(key) or "", value)) or (
                field == "title" and title_hit(expected.get(key) or "", value))
    return hits


#: What joins a headline and a site or section name in a title ("Headline | Site", "Headline_Section_Site").
_TITLE_JOIN = re.compile(r"\s+(?:[|\-–—·•~»/\\]|::)\s+|\s*_\s*")


def title_hit(want: str, got: str) -> bool:
    """Whether ``got`` is the reference title ``want`` or what stands before or after one of its joins.

    Readability's reference keeps the site name that pages join to the
    headline; cleanpress strips it (README, "title"). Both conventions count.
    """
    got = fold(got)
    return bool(got) and any(got in (fold(want[: m.start()]), fold(want[m.end():])) for m in _TITLE_JOIN.finditer(want))


def names_in(byline: str) -> str:
    """The names of a byline as cleanpress writes them: "By Jane Doe, May 3" -> "Jane Doe"."""
    from cleanpress.metadata.authors import clean_byline  # the benchmarks measure cleanpress; rivals need not import it

    return clean_byline(byline) if byline else ""


def byline_hit(want: str, got: str) -> bool:
    """Whether ``got`` is the reference byline ``want`` reduced to its names ("By Jane Doe, May 3" -> "Jane Doe").

    Readability's reference keeps the byline element's text as it stands;
    cleanpress returns the names (README, "byline"). Both conventions count.
    """
    return bool(got) and fold(got) in (fold(want), fold(names_in(want)))


def _primary_subtag(tag: str) -> str:
    return tag.replace("_", "-").split("-", 1)[0]
