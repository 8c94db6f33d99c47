"""Quick scorer for the metadata stage alone, on the readability corpus.

    python -m benchmarks.metadata_check            # per-field hit rates
    python -m benchmarks.metadata_check --misses   # plus every miss: expected vs got
    python -m benchmarks.metadata_check --misses --field byline

A field counts only on pages whose reference has it; values are compared
after case and whitespace folding. Two fields are compared on what they mean
rather than how they are spelled: ``lang`` by its primary subtag (the stage
returns "en" for "en-US") and ``published`` after both sides go through the
stage's own ISO 8601 normaliser (so "2017-11-03 03:01:00" equals
"2017-11-03T03:01:00"), and ``byline`` counts as the shared harness does:
the reference as written, or its names as the stage writes a byline
(Readability keeps "By Jane Doe\n March 25, 2015"; a reference byline that
names no one, only a date, does not count); a ``title`` also counts when it
is the reference without a part joined to one end ("Headline | Site": the
reference keeps the site name, the stage strips it). ``--strict`` folds only.
"""

from __future__ import annotations

import argparse
import sys
import time

from cleanpress.article import Metadata
from cleanpress.decode import decode_page
from cleanpress.metadata import extract_metadata, normalize_date, normalize_lang
from cleanpress.options import Limits
from cleanpress.parse import parse_html

from .corpora import BenchMissing, load
from .metrics import byline_hit, names_in, title_hit

#: reference key -> Metadata attribute
FIELDS: dict[str, str] = {
    "title": "title",
    "byline": "byline",
    "publishedTime": "published",
    "lang": "lang",
    "siteName": "site_name",
    "excerpt": "description",
}


def fold(text: str) -> str:
    """Case and whitespace folding, as the benchmark README prescribes."""
    return " ".join(text.split()).casefold()


def same(key: str, expected: str, got: str, *, strict: bool = False) -> bool:
    """Whether ``got`` is a hit for the reference value ``expected`` of field ``key``.

    ``strict`` compares every field by folding alone, as the shared harness does.
    """
    if strict:
        return fold(expected) == fold(got)
    if key == "lang":
        return normalize_lang(expected) == got
    if key == "publishedTime":
        return bool(got) and (normalize_date(expected) or fold(expected)) == got
    if key == "byline":
        return byline_hit(expected, got)
    if key == "title":
        return fold(expected) == fold(got) or title_hit(expected, got)
    return fold(expected) == fold(got)


def score(*, strict: bool = False, misses: list[str] | None = None,
          only: str | None = None) -> dict[str, tuple[int, int]]:
    """(hits, pages with the field) per reference field over the readability corpus.

    A description of each miss goes to ``misses`` when given (only field ``only``'s, if set).

    Raises :class:`~benchmarks.corpora.BenchMissing` when the corpus is absent.
    """
    hits = dict.fromkeys(FIELDS, 0)
    totals = dict.fromkeys(FIELDS, 0)
    for page in load("readability"):
        root, _ = parse_html(decode_page(page.html), Limits(), cleaned=True)  # decoded and parsed as extract does
        meta: Metadata = extract_metadata(root, page.url)
        for key, attr in FIELDS.items():
            expected = page.metadata.get(key, "")
            if not expected or (key == "byline" and not strict and not names_in(expected)):
                continue
            got = getattr(meta, attr)
            totals[key] += 1
            if same(key, expected, got, strict=strict):
                hits[key] += 1
            elif misses is not None and only in (None, key):
                misses.append(f"{page.id:32} {key:13} want {expected[:90]!r}\n{'':46} got  {got[:90]!r}")
    return {key: (hits[key], totals[key]) for key in FIELDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--field", choices=sorted(FIELDS), help="only this field's misses")
    parser.add_argument("--strict", action="store_true", help="fold-only comparison for every field")
    args = parser.parse_args(argv)
    misses: list[str] = []
    start = time.perf_counter()
    try:
        counts = score(strict=args.strict, misses=misses if args.misses else None, only=args.field)
    except BenchMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    spent = time.perf_counter() - start
    for line in misses:
        print(line)
    print(f"{'field':14} {'hits':>5} {'pages':>5} {'rate':>7}")
    for key, (hit, total) in counts.items():
        print(f"{key:14} {hit:5} {total:5} {hit / max(total, 1):7.1%}")
    print(f"readability corpus, {'fold-only' if args.strict else 'fold + meaning (lang, date, byline, title)'}; "
          f"parse + metadata {spent:.2f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
