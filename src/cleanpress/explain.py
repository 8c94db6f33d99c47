"""The explain report: one self-contained HTML page that shows what happened.

People tuning an extractor would rather look than read a log. The report
draws every candidate block that :func:`cleanpress.trace` saw, in reading
order: kept blocks plainly, removed ones struck through and greyed with a
coloured label of their removal kind and rule id, the blocks of the chosen
article container inside an outlined region, the metadata in a header and a
legend with a count per removal kind that doubles as a filter.

Safety: the report is built from the decisions' *text* only, never from the
page's markup, and every piece of page-derived text is escaped. Its only
style sheet and script are the two constants below, and a Content Security
Policy pins them by hash, so even a slip in escaping could not run anything
else or load anything from the network.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

from ._pipeline import Format, trace
from .article import BLOCK_KINDS, REMOVAL_KINDS, Article, Decision
from .errors import CleanpressError

#: The label that filters kept blocks; removal kinds filter removed ones.
KEPT = "kept"

# One colour per built-in removal kind, dark enough for white label text, and
# chosen so that kinds that often meet on one page (banner, credit, newsletter,
# appeal, widget, read-more) are far apart. Kinds a caller invents get hues
# spread by the golden angle.
_KIND_COLOURS: dict[str, str] = {
    "navigation": "#475569", "support-banner": "#b91c1c", "subscription-prompt": "#c2410c",
    "newsletter-signup": "#15803d", "donation-appeal": "#7e22ce", "payment-widget": "#a16207",
    "paywall": "#9f1239", "read-more": "#1d4ed8", "related-links": "#0369a1", "share-bar": "#a21caf",
    "cookie-notice": "#78350f", "advertisement": "#be185d", "comments": "#4d7c0f", "image-credit": "#0f766e",
    "footer": "#334155", "metadata": "#0f172a", "widget": "#9a3412", "hidden": "#52525b",
    "outside-article": "#64748b", "user-rule": "#4338ca", "dropped-by-option": "#57534e",
}
_HUE_STEP = 137.508
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")

_STYLE_BASE = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #6b6b6b; --line: #d9d9d9;
  --frame: #2563a8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #fff; }
header, main, #legend { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid var(--line); }
header .tool { margin: 0; color: var(--muted); font-size: .85rem; letter-spacing: .04em; text-transform: uppercase; }
h1 { margin: .2rem 0 .6rem; font-size: 1.6rem; line-height: 1.25; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .95rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.summary { margin: .6rem 0 0; color: var(--muted); }
#legend { border-bottom: 1px solid var(--line); }
#legend h2, main h2 { margin: 0 0 .5rem; font-size: 1rem; }
#legend ul { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0; padding: 0; list-style: none; }
#legend button { display: inline-flex; align-items: center; gap: .4rem; padding: .2rem .6rem;
  font: inherit; font-size: .9rem; color: var(--ink); background: #fff;
  border: 1px solid var(--line); border-radius: 999px; cursor: pointer; }
#legend button[aria-pressed="false"] { opacity: .45; text-decoration: line-through; }
#legend .count { font-weight: 700; font-variant-numeric: tabular-nums; }
#legend .hint { margin: .5rem 0 0; color: var(--muted); font-size: .85rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; background: var(--c, #999); }
.swatch.kept { background: #fff; border: 1px solid var(--ink); }
.container { margin: .8rem calc(-.6rem - 2px); padding: .4rem .6rem;
  border: 2px solid var(--frame); border-radius: 6px; }
.container > .frame-label { margin: 0 0 .3rem; color: var(--frame); font-size: .8rem;
  font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.block { display: grid; grid-template-columns: 12rem 1fr; gap: 1rem; padding: .35rem 0; border-top: 1px solid #f0f0f0; }
.block[hidden] { display: none; }
.gutter { font-size: .8rem; color: var(--muted); overflow-wrap: anywhere; }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.kept.heading .text { font-weight: 700; font-size: 1.1rem; }
.removed .text { color: var(--muted); opacity: .6; text-decoration: line-through;
  text-decoration-color: var(--c, #999); }
.label { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-weight: 700;
  color: #fff; background: var(--c, #777); }
.rule { display: block; margin-top: .15rem; font-size: .75rem;
  font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; }
.empty { color: var(--muted); font-style: italic; }
"""

_SCRIPT = """
(function () {
  var buttons = document.querySelectorAll("#legend button[data-filter]");
  var blocks = document.querySelectorAll("main .block");
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      var show = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", show ? "true" : "false");
      blocks.forEach(function (block) {
        if (block.getAttribute("data-filter") === button.getAttribute("data-filter")) {
          block.hidden = !show;
        }
      });
    });
  });
})();
"""


def explain_html(page: str | bytes, *, url: str | None = None, format: Format = "auto",
                 **options: Any) -> str:
    """Trace ``page`` and return the explain report as one self-contained HTML document.

    ``options`` go to :func:`cleanpress.trace` unchanged (``encoding``,
    ``options`` or single option overrides such as ``disabled_rules``).
    """
    article, decisions = trace(page, url=url, format=format, **options)
    return render_report(article, decisions)


def render_report(article: Article, decisions: Sequence[Decision]) -> str:
    """The report for an already traced page (kept apart so tests can feed any decisions)."""
    removed_counts = Counter(d.kind for d in decisions if not d.kept)
    classes = _kind_classes(removed_counts)
    style = _STYLE_BASE + "".join(f".{cls} {{ --c: {_colour(kind, cls)}; }}\n" for kind, cls in classes.items())
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha256(style)}'; script-src '{_sha256(_SCRIPT)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = article.title or "(no title found)"
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp, quote=False)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>cleanpress explain: {_esc(title)}</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n",
        _header(article, decisions),
        _legend(decisions, removed_counts, classes),
        f"<main{_lang_attribute(article.lang)}>\n<h2>Blocks in reading order</h2>\n",
        *_blocks(decisions, classes),
        "</main>\n",
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _header(article: Article, decisions: Sequence[Decision]) -> str:
    fields = [
        ("byline", article.byline or ", ".join(article.authors)),
        ("published", article.published),
        ("site", article.site_name),
        ("language", article.lang),
        ("confidence", f"{article.confidence:.2f}"),
        ("url", article.url),
        ("truncated", "yes: the page was cut to the size limit" if article.truncated else ""),
    ]
    rows = "".join(f"<dt>{name}</dt><dd>{_esc(value)}</dd>\n" for name, value in fields if value)
    kept = sum(d.kept for d in decisions)
    in_container = sum(d.in_container for d in decisions)
    title = f"<h1>{_esc(article.title)}</h1>" if article.title else '<h1 class="empty">(no title found)</h1>'
    return (
        '<header>\n<p class="tool">cleanpress explain</p>\n'
        f"{title}\n"
        f'<dl class="meta">\n{rows}</dl>\n'
        f'<p class="summary">{len(decisions)} candidate blocks: {kept} kept, '
        f"{len(decisions) - kept} removed; {in_container} inside the article container.</p>\n"
        "</header>\n"
    )


def _legend(decisions: Sequence[Decision], removed_counts: Counter[str],
            classes: dict[str, str]) -> str:
    kept = sum(d.kept for d in decisions)
    items = [
        '<li><button type="button" aria-pressed="true" data-filter="kept" title="blocks kept in the article">'
        f'<span class="swatch kept"></span>kept <span class="count">{kept}</span></button></li>\n'
    ]
    for kind, cls in classes.items():
        about = REMOVAL_KINDS.get(kind, "removed by a rule outside the built-in vocabulary")
        items.append(
            f'<li><button type="button" aria-pressed="true" class="{cls}" data-filter="{_esc(kind)}" '
            f'title="{_esc(about)}"><span class="swatch"></span>{_esc(kind)} '
            f'<span class="count">{removed_counts[kind]}</span></button></li>\n'
        )
    return (
        '<section id="legend" aria-label="legend">\n<h2>Legend: blocks kept, and removed by kind</h2>\n'
        f"<ul>\n{''.join(items)}</ul>\n"
        '<p class="hint">Click an entry to hide or show its blocks. '
        "Blocks inside the blue frame lay in the element chosen as the article container.</p>\n"
        "</section>\n"
    )


def _blocks(decisions: Sequence[Decision], classes: dict[str, str]) -> Iterator[str]:
    if not decisions:
        yield '<p class="empty">The pipeline reported no candidate blocks for this page.</p>\n'
        return
    frames = 0
    for in_container, run in groupby(decisions, key=lambda d: d.in_container):
        if in_container:
            frames += 1
            label = "article container" + (" (continued)" if frames > 1 else "")
            yield (f'<section class="container" aria-label="{label}">\n'
                   f'<p class="frame-label">{label}</p>\n')
        for decision in run:
            yield _block(decision, classes)
        if in_container:
            yield "</section>\n"


def _block(decision: Decision, classes: dict[str, str]) -> str:
    kind = _esc(decision.kind)
    text = f'<p class="text">{_esc(decision.text)}</p>'
    if decision.kept:
        return (f'<div class="block kept {_css_word(decision.kind)}" data-filter="kept" data-kind="{kind}">'
                f'<div class="gutter">{kind}</div>{text}</div>\n')
    return (
        f'<div class="block removed {classes[decision.kind]}" data-filter="{kind}" data-kind="{kind}" '
        f'data-rule="{_esc(decision.rule)}"><div class="gutter"><span class="label">{kind}</span>'
        f'<span class="rule">{_esc(decision.rule)}</span></div>{text}</div>\n'
    )


def _lang_attribute(lang: str) -> str:
    """Mark the page's text with its language (for hyphenation and screen readers) when it looks like a tag."""
    return f' lang="{lang}"' if _LANG_TAG.fullmatch(lang) else ""


def _kind_classes(counts: Counter[str]) -> dict[str, str]:
    """A CSS class per removal kind present: built-in kinds in vocabulary order, then the rest.

    Classes are numbered, never derived from the kind, because a caller's rule
    may name its kind anything.
    """
    known = [kind for kind in REMOVAL_KINDS if kind in counts]
    other = sorted(kind for kind in counts if kind not in REMOVAL_KINDS)
    vocabulary = list(REMOVAL_KINDS)
    classes = {}
    for kind in known + other:
        index = vocabulary.index(kind) if kind in REMOVAL_KINDS else len(vocabulary) + other.index(kind)
        classes[kind] = f"k{index}"
    return classes


def _colour(kind: str, cls: str) -> str:
    """The kind's own colour, so that a kind looks the same in every report."""
    return _KIND_COLOURS.get(kind) or f"hsl({int(cls[1:]) * _HUE_STEP % 360:.0f} 60% 32%)"


def _css_word(kind: str) -> str:
    """Block kinds are a fixed vocabulary; anything else gets no class rather than a bad one."""
    return kind if kind in BLOCK_KINDS else ""


def _clean(text: str) -> str:
    """Drop what cannot travel in an HTML document: C0 controls (bar tab/newline) and lone surrogates."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(ch if ch >= " " or ch in "\t\n" else "\ufffd" for ch in text.replace("\r\n", "\n"))


def _esc(text: str) -> str:
    return html.escape(_clean(text), quote=True)


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _parser() -> argparse.ArgumentParser:
    from .cli import (
        add_extraction_arguments,  # the command's part only: the report itself needs no CLI
    )

    parser = argparse.ArgumentParser(
        prog="cleanpress explain",
        description="Write a self-contained HTML report of every block of a page: kept, or removed and by which rule.",
    )
    parser.add_argument("page", help="path of the page (HTML or flattened text), or - for stdin")
    parser.add_argument("--url", help="the page's URL, to resolve relative links")
    parser.add_argument("-o", "--output", default="-", help="where to write the report (default: stdout)")
    add_extraction_arguments(parser)
    return parser


def main(argv: Sequence[str]) -> int:
    """``cleanpress explain PAGE [--url URL] [--output report.html]``; exit status as ``cleanpress``'s."""
    from .cli import EXIT_OK, EXIT_USAGE, exit_status, extraction_arguments, read_page

    args = _parser().parse_args(list(argv))
    try:
        how = extraction_arguments(args)
        page = read_page(args.page)
        report = explain_html(page, url=args.url, format=how.format, encoding=how.encoding, options=how.options)
    except (OSError, CleanpressError) as exc:
        print(f"cleanpress explain: {exc}", file=sys.stderr)
        return exit_status(exc)
    try:
        if args.output == "-":
            sys.stdout.buffer.write(report.encode("utf-8"))
        else:
            with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(report)
    except OSError as exc:
        print(f"cleanpress explain: cannot write the report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
