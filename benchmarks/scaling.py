"""How time and memory grow with page size: is extraction linear in the input?

Run from the repository root::

    python -m benchmarks.scaling                         # all shapes, 10 KB .. 20 MB
    python -m benchmarks.scaling --sizes 10k,1m --shapes paragraphs --json /tmp/s.json

Ten page shapes, generated here (no corpus needed): ``paragraphs`` (an
article of many paragraphs with links, after a header and a menu),
``huge-text`` (one text node holding the whole size), ``attributes`` (short
paragraphs each carrying thirty attributes), ``deep`` (towers of 2,000
nested elements with a paragraph at the top of each, the deepest nesting the
fast parser takes; the last tower is cut to fit the size), and six shapes
that stress the rules (:data:`STRESS_SHAPES`: siblings with chrome-like class
names, links, a square table, ``<br>`` lines, one JSON-LD script, headings;
see :func:`_stress`). Every measurement runs in a fresh process, so that the
peak resident memory (``VmHWM``) belongs to that one page: ``peak_mb`` is the
high-water mark after the first run minus the resident size just before it.
Time is the best of at least three runs for every size (more for small
pages, within a budget), so that 1 MB and 10 MB are timed alike: a single
cold run of the large page against the best of many warm runs of the small one
would overstate the growth. The report ends with the growth from 1 MB to 10 MB (a linear
extractor shows about 10x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results" / "scaling.json"
#: Shapes that stress the rules rather than the parser: each repeats one unit to the page's size.
STRESS_SHAPES: tuple[str, ...] = ("siblings", "links", "table", "breaks", "json-ld", "headings")
SHAPES: tuple[str, ...] = ("paragraphs", "huge-text", "attributes", "deep", *STRESS_SHAPES)
_CHROME_CLASSES = ("share-button", "social-link", "nav-item", "related-post", "ad-slot", "sidebar-widget",
                   "newsletter-box", "comment-count", "menu-entry", "footer-link")
SIZES: dict[str, int] = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000, "20m": 20_000_000}
MB = 1024 * 1024

_VOCABULARY = (
    "the council river bridge water farmers engineers town gates volunteers school bakery square evening morning "
    "report weather rain market station harbour train library children teachers museum street houses windows "
    "said would could after before during because although while people city region minister office decision "
    "plan budget year month week record level higher lower north south east west old new long short quiet busy"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_VOCABULARY) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _wrap(body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Scaling page</title></head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav></header>"
        f"<main><article><h1>A page built to measure scaling</h1>{body}</article></main>"
        "<footer><p>Copyright the scaling benchmark.</p></footer></body></html>"
    )


def make_page(shape: str, size: int, seed: int = 7) -> bytes:
    """A page of about ``size`` bytes (UTF-8) in the given shape."""
    rng = random.Random(seed)
    frame = len(_wrap("").encode())
    budget = max(0, size - frame)
    parts: list[str] = []
    used = 0
    if shape == "paragraphs":
        while used < budget:
            text = " ".join(_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
            if rng.random() < 0.3:
                text += f" See <a href='/story/{rng.randrange(10**6)}'>the earlier report</a> for more."
            part = f"<p>{text}</p>"
            parts.append(part)
            used += len(part)
    elif shape == "huge-text":
        chunk = " ".join(_sentence(rng, 12) for _ in range(50)) + " "
        parts.append("<p>" + chunk * (budget // len(chunk) + 1) + "</p>")
        parts[0] = parts[0][: max(0, budget - 4)] + "</p>"
    elif shape == "attributes":
        while used < budget:
            attributes = " ".join(f'data-k{i}="{rng.choice(_VOCABULARY)}-{rng.randrange(1000)}"' for i in range(30))
            part = f"<p class='c{rng.randrange(50)} item' id='p{used}' {attributes}>{_sentence(rng, 6)}</p>"
            parts.append(part)
            used += len(part)
    elif shape == "deep":
        while used < budget:
            paragraph = f"<p>{_sentence(rng, 15)} {_sentence(rng, 12)}</p>"
            depth = max(10, min(2000, (budget - used - len(paragraph)) // 21))  # the last tower fits what is left
            part = "<div class='n'>" * depth + paragraph + "</div>" * depth
            parts.append(part)
            used += len(part)
    elif shape in STRESS_SHAPES:
        parts.append(_stress(shape, budget, rng))
    else:
        raise ValueError(f"unknown shape {shape!r}; known: {', '.join(SHAPES)}")
    return _wrap("".join(parts)).encode("utf-8")


def _stress(shape: str, budget: int, rng: random.Random) -> str:
    """The body of a stress shape: an article paragraph, then one unit repeated to ``budget`` bytes.

    ``siblings``: ~50-byte divs with chrome-like class names side by side (200k at 10 MB);
    ``links``: a list of ~100-byte story links (100k at 10 MB); ``table``: a square table of
    short cells (about 1000x1000 at 10 MB); ``breaks``: text lines split by ``<br>`` (100k at
    10 MB); ``json-ld``: one JSON-LD script holding the whole size; ``headings``: an ``<h1>``
    and a short paragraph repeated (thousands).
    """
    lead = f"<p>{_sentence(rng, 20)} {_sentence(rng, 18)}</p>"
    budget = max(0, budget - len(lead))
    if shape == "table":
        side = max(1, int((budget / 10) ** 0.5))
        row = "<tr>" + "".join(f"<td>{k % 100}</td>" for k in range(side)) + "</tr>"
        return lead + "<table>" + row * max(1, budget // len(row)) + "</table>"
    if shape == "json-ld":
        item = {"@type": "ListItem", "name": _sentence(rng, 8), "url": "https://example.test/story/1"}
        unit = json.dumps(item) + ","
        items = unit * max(1, (budget - 200) // len(unit))
        script = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
                  f'"headline": "A page built to measure scaling", "itemListElement": [{items[:-1]}]}}</script>')
        return script + lead
    if shape == "siblings":
        units = [f"<div class='{name} {name}-{k}'>{rng.choice(_VOCABULARY)}</div>"
                 for k, name in enumerate(_CHROME_CLASSES)]
    elif shape == "links":
        units = [f"<li><a href='/story/{k:06d}'>{_sentence(rng, 7)}</a></li>" for k in range(50)]
    elif shape == "breaks":
        units = [f"{_sentence(rng, rng.randint(10, 16))}<br>" for _ in range(50)]
    else:  # headings
        units = [f"<h1>{_sentence(rng, 5)}</h1><p>{_sentence(rng, 12)}</p>" for _ in range(50)]
    cycle = "".join(units)
    body = (cycle * (budget // len(cycle) + 1))[:budget]
    body = body[: body.rfind(">") + 1]
    wrapped = {"links": ("<ul>", "</ul>"), "breaks": ("<p>", "</p>")}.get(shape, ("", ""))
    return lead + wrapped[0] + body + wrapped[1]


def _rss() -> int:
    with open("/proc/self/statm", "rb") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _high_water() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


#: What times a run: wall time by default; CPU time (``--clock cpu`` or CLEANPRESS_SCALING_CLOCK=cpu)
#: on a shared machine, where other work stretches long runs more than short ones.
_CLOCK = time.process_time if os.environ.get("CLEANPRESS_SCALING_CLOCK") == "cpu" else time.perf_counter


def measure_one(shape: str, size: int, budget: float, min_runs: int) -> dict[str, Any]:
    """Time and peak memory of ``extract`` on one generated page, in this process."""
    import cleanpress

    cleanpress.extract(make_page("paragraphs", 20_000, seed=1))  # import and warm the lazy parts
    page = make_page(shape, size)
    baseline = _rss()
    times: list[float] = []
    started = time.perf_counter()
    peak = 0
    while True:
        t0 = _CLOCK()
        article = cleanpress.extract(page)
        times.append(_CLOCK() - t0)
        peak = peak or _high_water()  # the first run's peak: later runs reuse memory the first one freed
        if (time.perf_counter() - started > budget and len(times) >= min_runs) or len(times) >= 50:
            break
    seconds = min(times)
    return {
        "shape": shape,
        "size_label": next((k for k, v in SIZES.items() if v == size), str(size)),
        "bytes": len(page),
        "seconds": round(seconds, 4),
        "mb_per_s": round(len(page) / MB / seconds, 2) if seconds else None,
        "peak_mb": round(max(0, peak - baseline) / MB, 1),
        "runs": len(times),
        "text_chars": len(article.text),
        "blocks": len(article.blocks),
        "truncated": article.truncated,
    }


def _run_isolated(shape: str, size: int, budget: float, min_runs: int) -> dict[str, Any]:
    """One measurement in a fresh interpreter, so its memory peak is its own."""
    command = [sys.executable, "-m", "benchmarks.scaling", "--one", shape, str(size), "--budget", str(budget),
               "--min-runs", str(min_runs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent, check=False)
    if done.returncode != 0:
        return {"shape": shape, "bytes": size, "error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout)


def growth(results: list[dict[str, Any]]) -> dict[str, dict[str, float | None]]:
    """Per shape, how much time and peak memory grew from 1 MB to 10 MB."""
    out: dict[str, dict[str, float | None]] = {}
    for shape in SHAPES:
        by_label = {r.get("size_label"): r for r in results if r.get("shape") == shape and "error" not in r}
        small, large = by_label.get("1m"), by_label.get("10m")
        if not small or not large:
            continue
        size_ratio = large["bytes"] / small["bytes"]
        out[shape] = {
            "size": round(size_ratio, 2),
            "time": round(large["seconds"] / small["seconds"], 2) if small["seconds"] else None,
            "memory": round(large["peak_mb"] / small["peak_mb"], 2) if small["peak_mb"] else None,
        }
    return out


def _table(results: list[dict[str, Any]]) -> str:
    lines = [f"{'shape':<11} {'size':>6} {'seconds':>9} {'MB/s':>7} {'peak MB':>8} {'blocks':>7}"]
    for r in results:
        if "error" in r:
            lines.append(f"{r['shape']:<11} {r['bytes']:>6} error: {r['error']}")
            continue
        lines.append(
            f"{r['shape']:<11} {r['size_label']:>6} {r['seconds']:>9.4f} {r['mb_per_s']:>7} {r['peak_mb']:>8} {r['blocks']:>7}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated sizes: " + ", ".join(SIZES))
    parser.add_argument("--budget", type=float, default=1.0, help="seconds of repeated runs per small page")
    parser.add_argument("--min-runs", type=int, default=3, help="runs per page at least, whatever its size")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall time, or the CPU time of the measuring process (robust on a shared machine)")
    parser.add_argument("--json", type=Path, default=RESULTS_JSON, help="where to write the results")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.clock == "cpu":
        os.environ["CLEANPRESS_SCALING_CLOCK"] = "cpu"  # the measuring children read it
    if args.one:
        print(json.dumps(measure_one(args.one[0], int(args.one[1]), args.budget, args.min_runs)))
        return 0
    shapes = [s for s in args.shapes.split(",") if s]
    sizes = [SIZES[s.lower()] for s in args.sizes.split(",") if s]
    results = []
    for shape in shapes:
        for size in sizes:
            result = _run_isolated(shape, size, args.budget, args.min_runs)
            results.append(result)
            print(_table([result]).splitlines()[-1], flush=True)
    import cleanpress

    report = {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "cleanpress": cleanpress.__version__,
        "results": results,
        "growth_1mb_to_10mb": growth(results),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    print(_table(results))
    print("growth 1 MB -> 10 MB:", json.dumps(report["growth_1mb_to_10mb"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
