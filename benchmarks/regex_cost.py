"""Is every pattern the extractor runs linear in its input? Timed on hostile text.

Run from the repository root::

    python -m benchmarks.regex_cost                     # 10 KB, 100 KB, 1 MB
    python -m benchmarks.regex_cost --sizes 10000,100000 --only markdown

The subjects are found, not listed by hand, so that a new pattern cannot hide:
every compiled pattern held at module level by a ``cleanpress`` module, every
literal pattern passed inline to ``re``/``regex`` in the sources, the textual
rules' unions, their per-phrase patterns, their per-start-character unions
and their gate-word finders; and, beside the patterns, the class/id splitting
(``class_id_words``, ``class_kind``) and the Markdown escapes (``_escape``,
``_plain_line``).

Each subject runs as the code runs it (``match`` for the patterns only ever
matched at a position, a scan for the others) over texts built from its own
pieces: the words written in its source repeated, the same words cut one
letter short (near-misses, which make a matcher try and fail), its words
glued by its own punctuation, and long runs of spaces, punctuation, letters,
digits and mixed case. The figure is the growth of the time from one size to
the next ten times larger: about 10x is linear, about 100x quadratic (CPU
time of this process, not wall time, so that other work on the machine does
not stretch the longer runs more than the shorter ones). A
subject whose growth passes ``LIMIT`` at the small step is not run at the
large one (a quadratic pattern on 1 MB would run for hours).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import itertools
import json
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

import cleanpress

SOURCE = Path(cleanpress.__file__).resolve().parent
#: Growth from one size to the next ten times larger beyond which a subject is not linear.
LIMIT = 15.0
#: Patterns the code only runs with ``match``/``fullmatch`` at a given position (so never a scan).
_MATCHED = re.compile(r"\b(_[A-Z][A-Z0-9_]*)\.(?:match|fullmatch)\(")
_RUNS = (" ", "\t", "\n", ".", "-", "/", "|", ",", "©", "a", "A", "aB", "1", "a ", ". ", "a-", "_-", "&#1", "#",
         "<", "é", "дa")


@dataclass(frozen=True)
class Subject:
    """One thing to time: a name, and what one call on a text does."""

    name: str
    run: Callable[[str], object]
    pieces: tuple[str, ...]
    punctuation: str
    #: The longest text the code ever hands it (None: any length); a longer input is cut into such
    #: pieces, as the page's blocks would be, since the code would never run it on more at once.
    longest: int | None = None

    def __call__(self, text: str) -> object:
        if self.longest is None or len(text) <= self.longest:
            return self.run(text)
        return [self.run(text[start:start + self.longest]) for start in range(0, len(text), self.longest)]


def _words(source: str) -> tuple[str, ...]:
    """The words written literally in a pattern's source, in order, at most forty."""
    stripped = re.sub(r"\\[pP]\{[^}]*\}|\\[a-zA-Z]|\(\?[a-zA-Z-]*[:)]|\[[^\]]*\]", " ", source)
    found = re.findall(r"[^\W\d_]{2,}", stripped)
    return tuple(dict.fromkeys(found))[:40] or ("word",)


def _punctuation(source: str) -> str:
    return "".join(sorted({c for c in re.sub(r"\\[pP]\{[^}]*\}|\\[a-zA-Z]", "", source)
                           if not c.isalnum() and not c.isspace() and c not in "()[]{}?*+^$\\"}))[:12] or ","


def _pattern_subject(name: str, pattern: Any, matched: bool) -> Subject:
    source = pattern.pattern
    if isinstance(source, bytes):
        source = source.decode("latin-1")
        binary = True
    else:
        binary = False
    call: Callable[[Any], object]
    if matched:
        call = pattern.match
    elif isinstance(pattern, regex.Pattern) and pattern.flags & regex.REVERSE:
        call = pattern.findall
    else:
        call = pattern.findall
    if binary:
        def run(text: str) -> object:
            return call(text.encode("utf-8"))
    else:
        run = call
    return Subject(name, run, _words(source), _punctuation(source))


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(cleanpress.__path__, "cleanpress."):
        if info.name.endswith("__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional dependency (dask, pyspark) is absent
            continue


def _matched_names() -> set[str]:
    return {name for path in SOURCE.rglob("*.py") for name in _MATCHED.findall(path.read_text("utf-8"))}


def _inline_patterns() -> Iterator[tuple[str, Any]]:
    """Literal patterns passed straight to ``re.search`` and kin inside functions."""
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex")
                    and node.func.attr in ("search", "match", "sub", "split", "findall", "fullmatch")
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, (str, bytes))):
                continue
            module = re if node.func.value.id == "re" else regex
            flags = 0
            for keyword in node.keywords:
                if keyword.arg == "flags":
                    flags = eval(compile(ast.Expression(keyword.value), "<flags>", "eval"), {"re": re, "regex": regex})
            last = node.args[-1]
            if len(node.args) >= 3 and node.func.attr in ("search", "match", "findall", "fullmatch"):
                flags = eval(compile(ast.Expression(last), "<flags>", "eval"), {"re": re, "regex": regex})
            relative = path.relative_to(SOURCE.parent).with_suffix("")
            yield f"{'.'.join(relative.parts)}:{node.lineno}", module.compile(node.args[0].value, flags)


def _bounded() -> dict[str, int]:
    """Module-level patterns that the code runs only on texts of bounded length, and that length."""
    from cleanpress import assemble, decode
    from cleanpress.rules import textual

    return {
        "cleanpress.assemble._CREDIT_AT_END": assemble._CAPTION_MAX,  # only on paragraphs shorter than this
        "cleanpress.decode._META_RE": decode._PRESCAN_BYTES,  # only in the prescan of the page's head
        "cleanpress.rules.textual._LEADING": textual._LONGEST_WHOLE,
    }


def subjects() -> list[Subject]:
    """Every pattern and text function to time, named ``module.NAME`` (or ``module:line`` for inline ones)."""
    from dataclasses import replace

    from cleanpress import markdown
    from cleanpress.rules import structural, textual

    matched = _matched_names()
    found: dict[str, Subject] = {}
    for module in _modules():
        for attribute, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                name = f"{module.__name__}.{attribute}"
                found.setdefault(name, _pattern_subject(name, value, attribute in matched))
    for name, longest in _bounded().items():
        found[name] = replace(found[name], longest=longest)
    for name, pattern in _inline_patterns():
        found[name] = _pattern_subject(name, pattern, False)
    for rule in textual.TEXT_RULES:
        # a textual rule tests only blocks of at most its max_chars
        found[f"{rule.id} (union)"] = replace(_pattern_subject(rule.id, rule.pattern, False), longest=rule.max_chars)
        for index, (_, phrase) in enumerate(rule.phrases):
            found[f"{rule.id} phrase {index}"] = replace(_pattern_subject(rule.id, textual._regex(phrase), False),
                                                         longest=rule.max_chars)
    tables = textual._whole_tables()
    for key, union in [*tables.union_by_start.items(), ("any start", tables.any_start_source)]:
        found[f"textual whole-block union {key!r}"] = replace(
            _pattern_subject(key, textual._regex(union), True), longest=textual._LONGEST_WHOLE)
    for longest, finder in textual._gate_finders():
        found[f"textual gate finder <= {longest}"] = Subject("gate finder", finder.find,
                                                             tuple(sorted(finder.words))[:40], ",", longest)
    classes = ("header", "nav", "menu", "share", "social", "related", "sidebar", "footer", "comments", "ad")
    found["structural.class_id_words"] = Subject("class_id_words", lambda t: structural.class_id_words(t, t),
                                                 classes, "-_ ")
    found["structural.class_kind"] = Subject("class_kind", lambda t: structural.class_kind(
        structural.class_id_words(t, None)), classes, "-_ ")
    found["markdown._escape"] = Subject("_escape", markdown._escape, ("amp", "x27", "nbsp"), "\\`*_[]<>&#;")
    found["markdown._plain_line"] = Subject("_plain_line", markdown._plain_line, ("item",), "-+#>.)")
    return [replace(subject, name=name) for name, subject in sorted(found.items())]


def inputs(subject: Subject, size: int) -> dict[str, str]:
    """Hostile texts of ``size`` characters built from the subject's own pieces and from long runs."""
    words = subject.pieces

    def fill(unit: str) -> str:
        return (unit * (size // max(len(unit), 1) + 1))[:size]

    texts = {
        "pieces": fill(" ".join(words) + " "),
        "near-miss": fill(" ".join(w[:-1] for w in words) + " "),
        "glued": fill("".join(f"{w}{p}" for w, p in zip(words, itertools.cycle(subject.punctuation)))),
        "punctuation": fill(subject.punctuation),
    }
    texts.update({f"run {unit!r}": fill(unit) for unit in _RUNS})
    # a long run then one piece at the very end: a matcher that rescans the run from every start is quadratic
    texts["run then piece"] = fill(" ")[: size - len(words[0])] + words[0]
    return texts


def seconds(subject: Subject, text: str, budget: float = 0.02, repeats: int = 3) -> float:
    """Best of ``repeats`` averages, each over as many calls as fit in ``budget`` seconds (at least one)."""
    best = float("inf")
    for _ in range(repeats):
        calls = 0
        start = time.process_time()
        while True:
            subject(text)
            calls += 1
            elapsed = time.process_time() - start
            if elapsed >= budget:
                break
        best = min(best, elapsed / calls)
    return best


def growth(subject: Subject, small: int, large: int, budget: float = 0.02, repeats: int = 3,
           only: str | None = None) -> dict[str, tuple[float, float]]:
    """Per input (or only the input named ``only``): (seconds at ``small``, seconds at ``large``)."""
    small_texts, large_texts = inputs(subject, small), inputs(subject, large)
    return {kind: (seconds(subject, small_texts[kind], budget, repeats),
                   seconds(subject, large_texts[kind], budget, repeats))
            for kind in small_texts if only is None or kind == only}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated sizes in characters")
    parser.add_argument("--only", default="", help="only subjects whose name contains this")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    chosen = [s for s in subjects() if args.only in s.name]
    print(f"{len(chosen)} subjects x {len(inputs(chosen[0], 10))} inputs, sizes {sizes}", flush=True)
    report: dict[str, Any] = {}
    worst: list[tuple[float, str, str]] = []
    for subject in chosen:
        rows: dict[str, list[float]] = {}
        for kind, text in inputs(subject, sizes[0]).items():
            rows[kind] = [seconds(subject, text)]
        for previous, size in itertools.pairwise(sizes):
            texts = inputs(subject, size)
            for kind, times in rows.items():
                if len(times) < sizes.index(previous) + 1:
                    continue
                if len(times) > 1 and times[-1] / max(times[-2], 1e-9) > LIMIT:
                    continue  # already superlinear: the next size could run for hours
                times.append(seconds(subject, texts[kind], budget=0.02 if size <= 100_000 else 0.0, repeats=3
                                     if size <= 100_000 else 1))
        steps = {kind: [b / max(a, 1e-9) for a, b in itertools.pairwise(times)] for kind, times in rows.items()}
        kind, ratios = max(steps.items(), key=lambda item: max(item[1], default=0.0))
        top = max(ratios, default=0.0)
        worst.append((top, subject.name, kind))
        slowest = max(times[-1] for times in rows.values())
        flag = "  NOT LINEAR" if top > LIMIT else ""
        print(f"{subject.name:60s} worst growth {top:6.1f}x ({kind}), slowest at {sizes[len(rows[kind]) - 1]:,}: "
              f"{slowest * 1000:8.2f} ms{flag}", flush=True)
        report[subject.name] = {"seconds": rows, "growth": steps}
    worst.sort(reverse=True)
    print("\nlargest growths per 10x size:")
    for top, name, kind in worst[:10]:
        print(f"  {top:6.1f}x  {name}  ({kind})")
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes, "subjects": report}, indent=1))
    return 1 if worst and worst[0][0] > LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
