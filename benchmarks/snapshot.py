"""Snapshot every corpus page's output, and compare two snapshots.

A refactor must leave the output identical: this records, for every page of
every corpus in ``../shared/bench``, the Article's ``to_json()`` and every
trace decision, so that a before and an after can be compared page by page::

    python -m benchmarks.snapshot save /tmp/before.jsonl.gz
    ... change the code ...
    python -m benchmarks.snapshot save /tmp/after.jsonl.gz
    python -m benchmarks.snapshot compare /tmp/before.jsonl.gz /tmp/after.jsonl.gz

``compare`` prints the pages whose article or decisions differ (and which
fields) and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .corpora import CORPORA, bench_dir, load

#: The modern-web corpus, read here straight from its folder.
WCXB = "wcxb"


def _pages() -> Iterator[tuple[str, str, bytes, str]]:
    """(corpus, id, page bytes, url) for every page of every corpus on this machine."""
    for corpus in CORPORA:
        for page in load(corpus):
            yield corpus, page.id, page.html, page.url
    wcxb = bench_dir() / WCXB
    for path in sorted((wcxb / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        truth = json.loads((wcxb / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        yield WCXB, page_id, gzip.decompress(path.read_bytes()), truth.get("url") or ""


def _record(item: tuple[str, str, bytes, str]) -> str:
    import cleanpress

    corpus, page_id, html, url = item
    try:
        article, decisions = cleanpress.trace(html, url=url or None)
    except cleanpress.CleanpressError as error:
        return json.dumps({"page": f"{corpus}/{page_id}", "error": repr(error)})
    return json.dumps({
        "page": f"{corpus}/{page_id}",
        "article": json.loads(article.to_json()),
        "decisions": [[d.text, d.kept, d.kind, d.rule, d.in_container] for d in decisions],
    }, ensure_ascii=False, sort_keys=True)


def save(path: Path, jobs: int) -> int:
    with ProcessPoolExecutor(jobs) as pool, gzip.open(path, "wt", encoding="utf-8") as out:
        count = 0
        for line in pool.map(_record, _pages(), chunksize=8):
            out.write(line + "\n")
            count += 1
    print(f"{count} pages -> {path}")
    return 0


def _read(path: Path) -> dict[str, dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {record["page"]: record for record in map(json.loads, fh)}


def compare(before_path: Path, after_path: Path, show: int) -> int:
    before, after = _read(before_path), _read(after_path)
    differing = []
    for page in sorted(set(before) | set(after)):
        old, new = before.get(page), after.get(page)
        if old == new:
            continue
        if old is None or new is None:
            differing.append((page, ["missing in " + ("before" if old is None else "after")]))
            continue
        fields = [key for key in ("article", "decisions", "error") if old.get(key) != new.get(key)]
        old_article, new_article = old.get("article") or {}, new.get("article") or {}
        assert isinstance(old_article, dict) and isinstance(new_article, dict)
        fields += [f"article.{k}" for k in sorted(set(old_article) | set(new_article))
                   if old_article.get(k) != new_article.get(k)]
        differing.append((page, fields))
    for page, fields in differing[:show]:
        print(page, ", ".join(fields))
    print(f"{len(differing)} of {len(set(before) | set(after))} pages differ")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.snapshot", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    save_cmd = commands.add_parser("save", help="record every page's article and decisions")
    save_cmd.add_argument("path", type=Path)
    save_cmd.add_argument("--jobs", type=int, default=2)
    compare_cmd = commands.add_parser("compare", help="list the pages whose output differs")
    compare_cmd.add_argument("before", type=Path)
    compare_cmd.add_argument("after", type=Path)
    compare_cmd.add_argument("--show", type=int, default=40, help="how many differing pages to list")
    args = parser.parse_args(argv)
    if args.command == "save":
        return save(args.path, args.jobs)
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
