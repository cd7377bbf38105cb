"""Main-text extraction scored the way the Scrapinghub article-extraction benchmark scores it.

The metric (from the benchmark's README): text → ``\\w+`` tokens → multiset of
4-token shingles; per page true/false positives and false negatives, normalised
so that TP+FP+FN = 1 (long pages weigh no more than short ones); precision and
recall are averaged over pages (a page with no predicted shingles does not
count for precision, one with no gold shingles not for recall); F1 is the
harmonic mean of the two averages. Each page goes through ``tidings.clean.clean``
so what is measured is the product's own extraction.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import TidingsError
from ..models import RawDocument

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4
MAX_MISSES = 50


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter:
    """The multiset of ``size``-token shingles; a text shorter than ``size`` is one short shingle."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page's predicted body against its gold body."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fn)


def aggregate(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Macro-averaged precision and recall over pages, and the F1 of the two averages."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """The benchmark's pages: ``ground_truth.jsonl`` lines, each pointing at a gzipped HTML file."""
    root = Path(gold_dir)
    if root.is_file():
        root = root.parent
    with (root / "ground_truth.jsonl").open(encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle if line.strip()]
    for page in pages:
        page["html_path"] = root / page.get("html_file", f"html/{page['id']}.html.gz")
    return pages


def extract_body(html: str, url: str | None, **options: Any) -> str:
    """The body text tidings extracts from one page ('' when cleaning rejects it)."""
    from ..clean import clean

    raw = RawDocument(origin=url or "<page>", content=html, is_html=True, url=url, input_format="html")
    try:
        return clean(raw, **options).text
    except TidingsError:
        return ""


def evaluate(gold_path: str, limit: int | None = None, **options: Any) -> dict[str, Any]:
    """Score tidings' extraction on the benchmark directory; ``options`` go to ``clean``."""
    pages = load_gold(gold_path)[:limit] if limit else load_gold(gold_path)
    counts, rows = [], []
    started = time.perf_counter()
    for page in pages:
        with gzip.open(page["html_path"], "rt", encoding="utf-8", errors="replace") as handle:
            html = handle.read()
        predicted = extract_body(html, page.get("url"), **options)
        count = page_counts(page["article_body"], predicted)
        counts.append(count)
        rows.append({"id": page["id"], "url": page.get("url"), "precision": round(_precision(*count), 4),
                     "recall": round(_recall(*count), 4), "predicted_chars": len(predicted),
                     "gold_chars": len(page["article_body"])})
    result: dict[str, Any] = aggregate(counts)
    result["n"] = len(pages)
    result["exact"] = sum(1 for c in counts if c[1] == c[2] == 0) / len(pages) if pages else 0.0
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["options"] = options
    worst = sorted(rows, key=lambda r: min(r["precision"], r["recall"]))
    result["misses"] = [r for r in worst if min(r["precision"], r["recall"]) < 0.9][:MAX_MISSES]
    return result


def render(result: dict[str, Any], console) -> None:
    """A summary table and the worst pages."""
    from rich.table import Table

    summary = Table(title=f"Extraction (AEB metric) — {result['n']} pages, {result.get('seconds', 0)} s")
    for name in ("precision", "recall", "f1", "exact"):
        summary.add_column(name, justify="right")
    summary.add_row(*(f"{result[name]:.3f}" for name in ("precision", "recall", "f1", "exact")))
    console.print(summary)
    if result.get("misses"):
        misses = Table(title="Weakest pages")
        for name in ("url", "precision", "recall", "predicted_chars", "gold_chars"):
            misses.add_column(name)
        for row in result["misses"][:15]:
            misses.add_row(str(row["url"])[:70], f"{row['precision']:.2f}", f"{row['recall']:.2f}",
                           str(row["predicted_chars"]), str(row["gold_chars"]))
        console.print(misses)
