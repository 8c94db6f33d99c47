"""How much in-body chrome leaks into the text, for cleanpress and every rival.

Run from the repository root::

    python -m benchmarks.chrome_bench                        # every extractor installed
    python -m benchmarks.chrome_bench --extractors cleanpress --half tuning

Real articles of the dev corpora that carry a reference body (scrapinghub,
readability) get widgets of :mod:`benchmarks.chrome_templates` injected
between the paragraphs of their main text, after the 2nd, 4th and 6th
paragraph (and further every second one, up to ``WIDGETS_PER_PAGE``). Each
page is extracted twice, with and without the widgets (both passed through
the same parser and serialiser, so the widgets are the only difference).

Two halves, never mixed: the *tuning* half puts the tuning templates into
articles of tuning sites (``benchmarks/split.py``); the *checking* half puts
the checking templates into articles of checking sites. Study leaks on the
tuning half only; the checking half says whether a rule carries over.

Figures per extractor and half:

* **leak**: the share of injected widgets of which some text shows up in the
  output of the injected page but not in that of the clean page (a text
  counts when it has two words or more, or five characters or more, and is
  matched at word edges);
* **F1 clean / F1 injected**: the scrapinghub shingle F1 against the
  corpus's reference body, on the clean and on the injected pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import lxml.html
from lxml import etree

from . import corpora, metrics, rivals
from .accuracy import run_extractors
from .chrome_templates import (
    FAMILY_NAMES,
    HALVES,
    LANGUAGES,
    STYLES,
    Half,
    Widget,
    widget,
)
from .split import part_of, site_of

HERE = Path(__file__).resolve().parent
RESULTS_MD = HERE / "results" / "chrome.md"
SOURCE_CORPORA = ("scrapinghub", "readability")
WIDGETS_PER_PAGE = 4
_MAIN_PARAGRAPH = 80  # characters: a <p> this long is a paragraph of the main text
_MIN_PARAGRAPHS = 4
_PROBE_WORDS = 2
_PROBE_CHARS = 5


@dataclass(frozen=True, slots=True)
class Injected:
    """One article, clean and with widgets, and the widgets it got."""

    clean: corpora.Page
    dirty: corpora.Page
    half: Half
    widgets: tuple[Widget, ...]


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:4], "big")


def _main_paragraphs(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The long <p>s under the parent that holds most of them: the article's main text."""
    long = [p for p in root.iter("p") if len(" ".join(p.text_content().split())) >= _MAIN_PARAGRAPH]
    if not long:
        return []
    parents = Counter(p.getparent() for p in long)
    parent, _ = parents.most_common(1)[0]
    return [p for p in long if p.getparent() is parent]


def _serialise(root: lxml.html.HtmlElement) -> bytes:
    return etree.tostring(root, encoding="utf-8", method="html", doctype="<!DOCTYPE html>")


def inject(page: corpora.Page, half: Half) -> Injected | None:
    """The page with widgets of ``half`` after its 2nd, 4th, ... main paragraph; None when it has too few."""
    try:
        root = lxml.html.document_fromstring(page.html)
    except (etree.ParserError, ValueError):
        return None
    paragraphs = _main_paragraphs(root)
    if len(paragraphs) < _MIN_PARAGRAPHS:
        return None
    clean = _serialise(root)
    site = site_of(page.url, page.id) or "example.org"
    if "." not in site:
        site = f"{site}.example.org"
    seed = _seed(f"{page.corpus}/{page.id}")
    widgets: list[Widget] = []
    slots = paragraphs[1::2][:WIDGETS_PER_PAGE]
    for number, paragraph in enumerate(slots):
        pick = seed + number * 7919
        family = FAMILY_NAMES[(seed + number) % len(FAMILY_NAMES)]
        lang = LANGUAGES[(pick // 11) % len(LANGUAGES)]
        style = STYLES[(pick // 67) % len(STYLES)]
        made = widget(family, lang, style, half, pick % 1000, site)
        parent = paragraph.getparent()
        position = parent.index(paragraph) + 1
        fragments = lxml.html.fragments_fromstring(made.html)
        for offset, fragment in enumerate(fragments):
            if isinstance(fragment, str):
                continue
            parent.insert(position + offset, fragment)
        # the paragraph's tail belongs after the widget
        last = fragments[-1]
        if not isinstance(last, str):
            last.tail, paragraph.tail = paragraph.tail, None
        widgets.append(made)
    dirty = _serialise(root)
    return Injected(replace(page, html=clean), replace(page, html=dirty), half, tuple(widgets))


def pages_of(half: Half, limit: int | None = None) -> list[Injected]:
    """Every article of the half's sites that takes widgets, sorted by corpus and id."""
    out: list[Injected] = []
    for corpus in SOURCE_CORPORA:
        for page in corpora.load(corpus):
            if not page.reference or part_of(page.url, page.id) != half:
                continue
            made = inject(page, half)
            if made is not None:
                out.append(made)
    return out[:limit] if limit else out


def _probe_pattern(probe: str) -> re.Pattern[str] | None:
    text = " ".join(probe.split())
    if len(text.split()) < _PROBE_WORDS and len(text) < _PROBE_CHARS:
        return None
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")


def leaked(item: Widget, dirty_output: str, clean_output: str) -> list[str]:
    """The widget's texts that the injected page's output shows and the clean page's does not."""
    dirty, clean = metrics.collapse_ws(dirty_output), metrics.collapse_ws(clean_output)
    found = []
    for probe in item.probes:
        pattern = _probe_pattern(probe)
        if pattern is not None and pattern.search(dirty) and not pattern.search(clean):
            found.append(probe)
    return found


@dataclass(slots=True)
class HalfScore:
    widgets: int = 0
    leaks: int = 0
    f1_clean: float = 0.0
    f1_dirty: float = 0.0
    by_family: Counter[str] | None = None


def score(items: Sequence[Injected], clean: Sequence[str], dirty: Sequence[str]) -> HalfScore:
    result = HalfScore(by_family=Counter())
    assert result.by_family is not None
    for item, clean_out, dirty_out in zip(items, clean, dirty):
        for made in item.widgets:
            result.widgets += 1
            if leaked(made, dirty_out, clean_out):
                result.leaks += 1
                result.by_family[made.family] += 1
    result.f1_clean = metrics.shingle_scores([metrics.shingle_page(i.clean.reference, o)
                                              for i, o in zip(items, clean)]).f1
    result.f1_dirty = metrics.shingle_scores([metrics.shingle_page(i.clean.reference, o)
                                              for i, o in zip(items, dirty)]).f1
    return result


def run(extractors: Sequence[str], halves: Sequence[Half], limit: int | None, jobs: int,
        show_leaks: bool) -> dict[tuple[str, Half], HalfScore]:
    results: dict[tuple[str, Half], HalfScore] = {}
    for half in halves:
        items = pages_of(half, limit)
        pages = [page for item in items for page in (item.clean, item.dirty)]
        outcomes = run_extractors(extractors, pages, jobs=jobs)
        for name in extractors:
            texts = [o.text for o in outcomes[name]]
            clean, dirty = texts[0::2], texts[1::2]
            results[name, half] = score(items, clean, dirty)
            if show_leaks and name == extractors[0]:
                for item, clean_out, dirty_out in zip(items, clean, dirty):
                    for made in item.widgets:
                        found = leaked(made, dirty_out, clean_out)
                        if found:
                            print(f"LEAK {half} {item.clean.corpus}/{item.clean.id} {made.family}/{made.lang}/"
                                  f"{made.style}: {found}", file=sys.stderr)
    return results


def table(results: dict[tuple[str, Half], HalfScore], extractors: Sequence[str], halves: Sequence[Half]) -> str:
    header = ["extractor"]
    for half in halves:
        header += [f"{half} leak", f"{half} F1 clean", f"{half} F1 injected"]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    for name in extractors:
        row = [f"{name} {rivals.version(name)}".strip()]
        for half in halves:
            s = results[name, half]
            row += [f"{s.leaks / s.widgets:.3f} ({s.leaks}/{s.widgets})" if s.widgets else "-",
                    f"{s.f1_clean:.3f}", f"{s.f1_dirty:.3f}"]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def families(results: dict[tuple[str, Half], HalfScore], name: str, halves: Sequence[Half]) -> str:
    lines = []
    for half in halves:
        by = results[name, half].by_family or Counter()
        lines.append(f"{name} leaks by family ({half}): " + (", ".join(f"{k} {v}" for k, v in by.most_common()) or "none"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractors", type=str, default=None, help="comma list (default: every one installed)")
    parser.add_argument("--half", choices=HALVES, default=None, help="one half only (default: both)")
    parser.add_argument("--limit", type=int, default=None, help="articles per half")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--leaks", action="store_true", help="list the first extractor's leaks on stderr")
    parser.add_argument("--markdown", type=Path, default=None,
                        help=f"where to write the table (default {RESULTS_MD} for a full run)")
    args = parser.parse_args(argv)
    missing = corpora.missing_reason("scrapinghub") or corpora.missing_reason("readability")
    if missing:
        print(missing, file=sys.stderr)
        return 2
    names = rivals.comma_list(args.extractors, rivals.available(), "extractor") or list(rivals.available())
    halves: tuple[Half, ...] = (args.half,) if args.half else HALVES
    results = run(names, halves, args.limit, args.jobs, args.leaks)
    text = table(results, names, halves)
    print(text)
    print(families(results, names[0], halves))
    full = args.extractors is None and args.half is None and args.limit is None
    target = args.markdown or (RESULTS_MD if full else None)
    if target is not None:
        counts = {half: results[names[0], half].widgets for half in halves}
        target.write_text(
            f"# Chrome benchmark ({dt.date.today().isoformat()})\n\n"
            f"`python -m benchmarks.chrome_bench`: widgets of {len(FAMILY_NAMES)} families "
            f"({', '.join(FAMILY_NAMES)}) in {len(LANGUAGES)} languages and {len(STYLES)} markup styles, "
            f"injected between the paragraphs of scrapinghub and readability articles; widgets per half: "
            f"{', '.join(f'{h} {n}' for h, n in counts.items())}. Leak: share of widgets with some text in the "
            f"output; F1: shingle F1 against the reference body, clean and injected pages.\n\n"
            f"{text}\n\n{families(results, names[0], halves)}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
