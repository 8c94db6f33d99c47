"""Charts of the benchmark results, for the README: where cleanpress stands, at a glance.

The accuracy and speed benchmarks call :func:`write_accuracy_charts` (F1
per corpus, and WCXB's F1 per page type) and
:func:`write_speed_charts` after writing their JSON; ``python -m
benchmarks.charts`` redraws both from ``benchmarks/results/*.json``. Each
chart is written as PNG (for the README) and SVG (for zooming), with fixed
metadata and ids so that unchanged results give unchanged files.

Needs matplotlib, which comes with the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpora import PAGE_TYPES, WCXB

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["redraw", "write_accuracy_charts", "write_speed_charts"]

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
DOCS = ROOT / "docs"
ACCURACY_CHART = "accuracy-f1"
TYPES_CHART = "wcxb-types-f1"
SPEED_CHART = "speed-vs-f1"

OURS = "cleanpress"
OUR_COLOUR = "#c8102e"
# Muted, colour-blind-friendly tones for the rivals, so that our bar is the one that stands out.
RIVAL_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#9c755f", "#edc948",
                 "#76b7b2", "#ff9da7", "#bab0ac", "#17becf", "#7f7f7f", "#bcbd22")
CORPUS_ORDER = ("scrapinghub", "trafilatura-eval", "readability", "wcxb")
# Rival markers vary in shape as well as colour, so that the speed chart reads without colour too.
RIVAL_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "<", ">", "h", "p", "d")
#: The speed benchmark's row for parsing alone, the floor every lxml-based extractor stands on.
PARSE_FLOOR = "lxml-parse"
LABEL_POINTS = 8
# Where cleanpress's label may go, tried in order: offset (points) from the star and text alignment.
LABEL_SPOTS = ((9, 0, "left", "center"), (-9, 0, "right", "center"), (0, 9, "center", "bottom"),
               (0, -9, "center", "top"), (9, 9, "left", "bottom"), (9, -9, "left", "top"),
               (-9, 9, "right", "bottom"), (-9, -9, "right", "top"), (0, 24, "center", "bottom"),
               (0, -24, "center", "top"))


def write_accuracy_charts(result: Mapping[str, Any], outdir: Path) -> list[Path]:
    """Draw F1 per corpus for every extractor side by side, and WCXB's F1 per page type; return the files written."""
    corpora = _corpora(result)
    written = _bar_chart(result, {corpus: _scores(result, corpus) for corpus in corpora},
                         "Extraction F1 per corpus (higher is better)", outdir, ACCURACY_CHART)  # fmt: skip
    types = _type_scores(result)
    if types:
        written += _bar_chart(result, types, "WCXB: F1 per page type (higher is better)", outdir, TYPES_CHART)
    return written


def _bar_chart(result: Mapping[str, Any], f1: Mapping[str, Mapping[str, float]], title: str, outdir: Path,
               stem: str) -> list[Path]:  # fmt: skip
    """Grouped bars: one group per key of ``f1``, one bar per extractor, cleanpress's labelled."""
    groups = [g for g in f1 if f1[g]]
    extractors = _extractor_order({g: f1[g] for g in groups})
    if not extractors:
        return []
    labels = _labels(result, extractors)
    fig = _figure(width=max(7.0, 1.2 + 0.32 * len(extractors) * len(groups)), height=4.6)
    ax = fig.add_subplot()
    width = 0.8 / len(extractors)
    lowest = min(v for g in groups for v in f1[g].values())
    bottom = max(0.0, math.floor((lowest - 0.05) * 10) / 10)
    for i, name in enumerate(extractors):
        xs = [c + (i - (len(extractors) - 1) / 2) * width for c, group in enumerate(groups) if name in f1[group]]
        ys = [f1[group][name] for group in groups if name in f1[group]]
        bars = ax.bar(xs, [y - bottom for y in ys], width * 0.92, bottom=bottom, label=labels[name],
                      color=_colour(name, extractors), edgecolor="#222222" if name == OURS else "none",
                      linewidth=0.8, zorder=3)
        if name == OURS:
            texts = ax.bar_label(bars, labels=[f"{y:.3f}" for y in ys], padding=2, fontsize=8,
                                 color=OUR_COLOUR, fontweight="bold", zorder=5)
            for text in texts:
                text.set_bbox({"facecolor": "white", "edgecolor": "none", "pad": 1.0})
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylim(bottom, 1.0)
    ax.set_ylabel("F1" if bottom == 0 else f"F1 (axis starts at {bottom:.1f})")
    ax.set_title(title)
    ax.grid(axis="y", color="#dddddd", zorder=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    return _save(fig, outdir, stem)


def _type_scores(result: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """``{page type (pages): {extractor: F1}}`` from the WCXB rows' ``by_type``, in WCXB's type order."""
    table = result.get("corpora", {}).get(WCXB, {})
    groups: dict[str, dict[str, float]] = {}
    for page_type in PAGE_TYPES:
        rows = {name: row["by_type"][page_type] for name, row in table.items()
                if isinstance(row, Mapping) and page_type in row.get("by_type", {})}  # fmt: skip
        if rows:
            pages = max(int(r.get("pages", 0)) for r in rows.values())
            groups[f"{page_type} ({pages})"] = {name: float(r["f1"]) for name, r in rows.items()}
    return groups


def write_speed_charts(accuracy: Mapping[str, Any], speed: Mapping[str, Any], outdir: Path) -> list[Path]:
    """Draw F1 against pages per second (log scale), one panel per corpus; return the files written.

    When the speed results hold the bare lxml parse (``lxml-parse``), its rate
    is drawn as a dashed line: no extractor that parses with lxml can pass it.
    """
    panels = []
    for corpus in _corpora(speed):
        f1 = _scores(accuracy, corpus)
        rates = _scores(speed, corpus, "pages_per_second")
        points = {name: (rates[name], f1[name]) for name in rates if name in f1 and rates[name] > 0}
        if points:
            panels.append((corpus, points, rates.get(PARSE_FLOOR)))
    if not panels:
        return []
    # The same order, hence the same colours, as the accuracy chart.
    extractors = _extractor_order({corpus: _scores(accuracy, corpus) for corpus in _corpora(accuracy)})
    fig = _figure(width=4.0 * len(panels) + 2.2, height=4.2)
    axes = fig.subplots(1, len(panels), sharey=True, squeeze=False)[0]
    for ax, (corpus, points, floor) in zip(axes, panels, strict=True):
        for name in extractors:
            if name not in points:
                continue
            x, y = points[name]
            if name == OURS:
                ax.scatter([x], [y], s=170, marker="*", color=OUR_COLOUR, edgecolor="#222222", zorder=4, label=name)
            else:
                ax.scatter([x], [y], s=40, marker=_marker(name, extractors), color=_colour(name, extractors),
                           zorder=3, label=name)
        xs = [x for x, _ in points.values()] + ([floor] if floor else [])
        ax.set_xscale("log")
        ax.set_xlim(min(xs) / 1.6, max(xs) * 3.0)
        if floor:
            ax.axvline(floor, color="#888888", linestyle="--", linewidth=1, zorder=1)
            ax.annotate("lxml parse alone", (floor, 1), xycoords=("data", "axes fraction"), xytext=(-3, -3),
                        textcoords="offset points", rotation=90, ha="right", va="top", fontsize=7, color="#666666")
        ax.set_title(corpus)
        ax.set_xlabel("pages per second (log scale)")
        ax.grid(color="#e5e5e5", which="both", zorder=0)
        ax.spines[["top", "right"]].set_visible(False)
    for ax, (_, points, _) in zip(axes, panels, strict=True):
        if OURS in points:
            _label_ours(ax, points)
    handles: dict[str, Any] = {}
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault(label, handle)
    shown = [n for n in extractors if n in handles]
    fig.legend(handles=[handles[n] for n in shown], labels=shown, loc="outside right upper", frameon=False,
               fontsize=8)
    axes[0].set_ylabel("F1")
    fig.suptitle("Accuracy against speed: up and to the right is better")
    return _save(fig, outdir, SPEED_CHART)


def _label_ours(ax: Any, points: Mapping[str, tuple[float, float]]) -> None:
    """Write cleanpress's figures beside its star, on the first side where no rival's point lies under them."""
    x, y = points[OURS]
    text = f"{OURS}\n{y:.3f}, {x:.0f}/s"
    ax.figure.draw_without_rendering()  # settle the layout, so data-to-points transforms are final
    scale = 72 / ax.figure.dpi
    star = ax.transData.transform((x, y)) * scale
    others = [ax.transData.transform(p) * scale - star for n, p in points.items() if n != OURS]
    box = ax.get_window_extent()
    left, bottom, right, top = (box.x0 * scale - star[0], box.y0 * scale - star[1],
                                box.x1 * scale - star[0], box.y1 * scale - star[1])
    width, height = 0.62 * LABEL_POINTS * max(map(len, text.splitlines())), 2.6 * LABEL_POINTS
    for dx, dy, ha, va in LABEL_SPOTS:
        x0 = dx if ha == "left" else dx - width if ha == "right" else dx - width / 2
        y0 = dy if va == "bottom" else dy - height if va == "top" else dy - height / 2
        inside = left <= x0 and x0 + width <= right and bottom <= y0 and y0 + height <= top
        clear = all(not (x0 - 5 <= px <= x0 + width + 5 and y0 - 5 <= py <= y0 + height + 5) for px, py in others)
        if inside and clear:
            break
    else:
        dx, dy, ha, va = LABEL_SPOTS[0]
    ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=LABEL_POINTS,
                fontweight="bold", color=OUR_COLOUR, zorder=5)


def _corpora(result: Mapping[str, Any]) -> list[str]:
    present = list(result.get("corpora", {}))
    return [c for c in CORPUS_ORDER if c in present] + [c for c in present if c not in CORPUS_ORDER]


def _scores(result: Mapping[str, Any], corpus: str, field: str = "f1") -> dict[str, float]:
    """``{extractor: value}`` for one corpus, leaving out extractors without a number."""
    table = result.get("corpora", {}).get(corpus, {})
    return {name: float(row[field]) for name, row in table.items()
            if isinstance(row, Mapping) and isinstance(row.get(field), (int, float))}


def _extractor_order(f1: Mapping[str, Mapping[str, float]]) -> list[str]:
    """cleanpress first, then the rivals by mean F1, best first."""
    names = {name for scores in f1.values() for name in scores}
    mean = {n: sum(s[n] for s in f1.values() if n in s) / sum(n in s for s in f1.values()) for n in names}
    return sorted(names, key=lambda n: (n != OURS, -mean[n], n))


def _labels(result: Mapping[str, Any], extractors: Sequence[str]) -> dict[str, str]:
    versions = result.get("versions")
    versions = versions if isinstance(versions, Mapping) else {}
    return {n: f"{n} {versions[n]}" if isinstance(versions.get(n), str) and versions[n] else n for n in extractors}


def _colour(name: str, extractors: Sequence[str]) -> str:
    if name == OURS:
        return OUR_COLOUR
    return RIVAL_COLOURS[_rank(name, extractors) % len(RIVAL_COLOURS)]


def _marker(name: str, extractors: Sequence[str]) -> str:
    return RIVAL_MARKERS[_rank(name, extractors) % len(RIVAL_MARKERS)]


def _rank(name: str, extractors: Sequence[str]) -> int:
    return [n for n in extractors if n != OURS].index(name)


def _figure(width: float, height: float) -> Figure:
    """A pyplot-free figure: no global state, no display backend needed."""
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ImportError("the benchmark charts need matplotlib: pip install 'cleanpress[bench]'") from exc
    return Figure(figsize=(width, height), layout="constrained")


def _save(fig: Figure, outdir: Path, stem: str) -> list[Path]:
    import matplotlib

    outdir.mkdir(parents=True, exist_ok=True)
    png, svg = outdir / f"{stem}.png", outdir / f"{stem}.svg"
    fixed: dict[Any, Any] = {"svg.hashsalt": "cleanpress"}
    if "svg.id" in matplotlib.rcParams:  # matplotlib 3.8+
        fixed["svg.id"] = stem
    with matplotlib.rc_context(fixed):
        fig.savefig(png, dpi=144, metadata={"Software": None})
        fig.savefig(svg, metadata={"Date": None, "Creator": None})
    return [png, svg]


def _load(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def redraw(accuracy: Mapping[str, Any] | None = None, speed: Mapping[str, Any] | None = None,
           results: Path = RESULTS, outdir: Path = DOCS) -> list[Path]:
    """Draw both charts from the results given, the missing one read from ``results``.

    The accuracy chart needs the accuracy result, the speed chart both; a
    chart whose data is missing is skipped with a note on stderr. Raises
    ImportError without matplotlib.
    """
    accuracy = accuracy if accuracy is not None else _load(results / "accuracy.json")
    speed = speed if speed is not None else _load(results / "speed.json")
    if accuracy is None:
        print(f"charts: no {results / 'accuracy.json'}; run the accuracy benchmark first", file=sys.stderr)
        return []
    written = write_accuracy_charts(accuracy, outdir)
    if speed is None:
        print(f"charts: no {results / 'speed.json'}; skipping the speed chart", file=sys.stderr)
    else:
        written += write_speed_charts(accuracy, speed, outdir)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Redraw the charts from the last benchmark results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.charts", description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="folder holding accuracy.json and speed.json (default: benchmarks/results)")
    parser.add_argument("--outdir", type=Path, default=DOCS, help="where to write the charts (default: docs)")
    args = parser.parse_args(argv)
    written = redraw(results=args.results, outdir=args.outdir)
    for path in written:
        print(path)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
