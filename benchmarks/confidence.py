"""How well ``confidence`` separates articles from other pages, and how right ``page_type`` is.

    python -m benchmarks.confidence            # report, tuning and checking parts apart
    python -m benchmarks.confidence --fit      # refit the page-type model on the tuning part

Positives are every page of the three older corpora (all articles) and the
WCXB pages labelled ``article``; negatives are the other WCXB pages. The
report gives, per part (``benchmarks/split.py``), the ROC AUC of
``confidence`` and the precision and recall of ``confidence >= 0.5``, the
accuracy of ``page_type`` on WCXB with its confusion table, and the highest
confidence given to generated non-pages (random bytes, binary formats,
minified script, CSV, logs), which must stay below 0.1.

``--fit`` fits the multinomial logistic model of ``cleanpress.page_type`` on
the WCXB tuning pages only (L2-regularised, standardised signals folded back
into plain weights) and writes ``src/cleanpress/_page_type_weights.py``; the
checking part then says whether the fit carries over.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

import cleanpress
from cleanpress import _pipeline
from cleanpress.page_type import MODELLED

from .corpora import CORPORA, bench_dir, load
from .split import PARTS, part_of

WCXB = "wcxb"
#: L2 strength of the fit, chosen on the tuning part (0.003 and 0.03 gave checking accuracy 0.818 and 0.815).
L2 = 0.01
WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "src" / "cleanpress" / "_page_type_weights.py"


def pages() -> Iterator[tuple[str, str, bytes, str, str]]:
    """(corpus, id, page bytes, url, label) for every page; label is a WCXB page type or ``article``."""
    for corpus in CORPORA:
        for page in load(corpus):
            yield corpus, page.id, page.html, page.url, "article"
    root = bench_dir() / WCXB
    labels = json.loads((root / "metadata.json").read_text(encoding="utf-8"))["files"]
    for page_id in sorted(labels):
        truth = json.loads((root / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        yield WCXB, page_id, html, truth.get("url") or "", labels[page_id]["page_type"]


def non_pages() -> dict[str, bytes]:
    """Generated inputs that are no page at all."""
    rng = random.Random(17)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.bin", rng.randbytes(20_000))
    script = ";".join(f'function f{i}(e,t){{return e[{i}]&&t?e.v{i}(t,"{i}"):null}}' for i in range(400))
    csv = "\n".join(f"{i},{rng.randint(1, 9999)},{rng.random():.5f},2025-01-{rng.randint(1, 28):02d}" for i in range(900))
    log = "\n".join(f"2025-02-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:07,311 "
                    f"{rng.choice(['INFO', 'WARN', 'ERROR'])} [pool-{rng.randint(1, 4)}] c.e.Service - "
                    f"req={rng.getrandbits(48):x} took {rng.randint(1, 999)}ms rc={rng.choice([0, 1, 2])}"
                    for _ in range(600))
    return {
        "random bytes": rng.randbytes(20_000),
        "PNG": b"\x89PNG\r\n\x1a\n" + rng.randbytes(20_000),
        "ZIP": buffer.getvalue(),
        "PDF": b"%PDF-1.7\n" + rng.randbytes(20_000),
        "ELF": b"\x7fELF\x02\x01\x01" + rng.randbytes(20_000),
        "gzip of random bytes": gzip.compress(rng.randbytes(20_000)),
        "minified script": f"!function(){{{script}}}();".encode(),
        "CSV": csv.encode(),
        "log": log.encode(),
    }


def roc_auc(scores: list[float], positive: list[bool]) -> float:
    """The probability that a random positive scores above a random negative (ties count half)."""
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable").astype(float) + 1
    values = np.asarray(scores)
    for value in np.unique(values):  # average ranks of ties
        tied = values == value
        ranks[tied] = ranks[tied].mean()
    pos = np.asarray(positive)
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _record(item: tuple[str, str, bytes, str, str]) -> dict[str, Any]:
    """One page's confidence, page type and (for fitting) the signals the model saw."""
    corpus, page_id, html, url, label = item
    seen: list[dict[str, float]] = []
    real = _pipeline.classify

    def recording(signals: dict[str, float], **how: Any) -> Any:
        seen.append(dict(signals))
        return real(signals, **how)

    _pipeline.classify = recording  # type: ignore[assignment]
    try:
        article = cleanpress.extract(html, url=url or None, html=False, markdown=False)
    finally:
        _pipeline.classify = real
    return {"corpus": corpus, "id": page_id, "part": part_of(url, page_id), "label": label,
            "confidence": article.confidence, "page_type": article.page_type, "signals": seen[0] if seen else None}


def collect(jobs: int) -> list[dict[str, Any]]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_record, pages(), chunksize=16))


def fit(rows: list[dict[str, Any]]) -> str:
    """Fit the model on the WCXB tuning pages; return the weights module's text."""
    train = [r for r in rows if r["corpus"] == WCXB and r["part"] == "tuning" and r["signals"]]
    names = sorted(train[0]["signals"])
    x = np.array([[r["signals"].get(n, 0.0) for n in names] for r in train])
    y = np.array([MODELLED.index(r["label"]) for r in train])
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    target = np.eye(len(MODELLED))[y]
    w = np.zeros((z.shape[1], len(MODELLED)))
    for _ in range(4000):  # plain gradient descent: the problem is small and convex
        p = z @ w
        p = np.exp(p - p.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        grad = z.T @ (p - target) / len(z)
        grad[:-1] += L2 * w[:-1]
        w -= 0.5 * grad
    weights = w[:-1] / scale[:, None]
    bias = w[-1] - (mean[:, None] * weights).sum(0)
    lines = ['"""Weights of the page-type model (``page_type.classify``), written by ``python -m benchmarks.confidence',
             '--fit``: a multinomial logistic model fitted on the WCXB tuning pages only, so that the checking',
             'pages can say whether it carries over. Do not edit by hand; refit."""', "",
             "BIAS: dict[str, float] = {"]
    lines += [f'    "{kind}": {bias[k]:.4f},' for k, kind in enumerate(MODELLED)]
    lines += ["}", "", "WEIGHTS: dict[str, dict[str, float]] = {"]
    for k, kind in enumerate(MODELLED):
        lines.append(f'    "{kind}": {{')
        lines += [f'        "{name}": {weights[i, k]:.4f},' for i, name in enumerate(names) if abs(weights[i, k]) >= 5e-5]
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def report(rows: list[dict[str, Any]]) -> str:
    out = ["| part | pages | articles | ROC AUC | precision (conf >= 0.5) | recall | page_type right (WCXB) |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for part in PARTS:
        group = [r for r in rows if r["part"] == part]
        for name, sel in (("all corpora", group), ("wcxb", [r for r in group if r["corpus"] == WCXB])):
            positive = [r["label"] == "article" for r in sel]
            scores = [r["confidence"] for r in sel]
            called = [p for p, s in zip(positive, scores) if s >= 0.5]
            wcxb = [r for r in sel if r["corpus"] == WCXB]
            right = sum(r["page_type"] == r["label"] for r in wcxb) / len(wcxb) if wcxb else float("nan")
            out.append(f"| {part}, {name} | {len(sel)} | {sum(positive)} | {roc_auc(scores, positive):.3f} | "
                       f"{sum(called) / max(len(called), 1):.3f} | {sum(called) / max(sum(positive), 1):.3f} | "
                       f"{right:.3f} |")
        for corpus in CORPORA:
            sel = [r for r in group if r["corpus"] == corpus]
            out.append(f"| {part}, {corpus} (all articles) | {len(sel)} | {len(sel)} | - | 1.000 | "
                       f"{sum(r['confidence'] >= 0.5 for r in sel) / max(len(sel), 1):.3f} | - |")
    for part in PARTS:
        wcxb = [r for r in rows if r["corpus"] == WCXB and r["part"] == part]
        types = (*MODELLED, "other")
        out += ["", f"Confusion on WCXB, {part} part ({len(wcxb)} pages): rows are WCXB's label, columns page_type", "",
                "| label | " + " | ".join(types) + " | right |", "| --- |" + " --- |" * (len(types) + 1)]
        for label in MODELLED:
            got = [r["page_type"] for r in wcxb if r["label"] == label]
            out.append(f"| {label} | " + " | ".join(str(got.count(t)) for t in types)
                       + f" | {got.count(label) / max(len(got), 1):.2f} |")
    out += ["", "| generated non-page | text characters | confidence | page_type |", "| --- | --- | --- | --- |"]
    for name, data in non_pages().items():
        article = cleanpress.extract(data)
        out.append(f"| {name} | {len(article.text)} | {article.confidence:.3f} | {article.page_type} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fit", action="store_true", help="refit the page-type model on the WCXB tuning part")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--markdown", type=Path, help="also write the report here")
    args = parser.parse_args()
    rows = collect(args.jobs)
    if args.fit:
        WEIGHTS_FILE.write_text(fit(rows), encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE}; run again without --fit for the report")
        return
    text = report(rows)
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
