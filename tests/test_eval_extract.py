"""The extraction scorer: the benchmark's metric, and tidings' score on its pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.eval.extract import aggregate, evaluate, load_gold, page_counts, render, shingles

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "extract" / "scrapinghub_aeb"


def test_shingles_and_page_counts():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("two words") == {("two", "words"): 1}
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = page_counts("a b c d e f", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 4, 1 / 4, 2 / 4))


def test_aggregate_skips_pages_without_predictions_for_precision():
    result = aggregate([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert result["precision"] == 1.0 and result["recall"] == 0.5


def test_metric_reproduces_published_trafilatura_score():
    path = GOLD / "baseline_predictions" / "trafilatura.json"
    if not path.exists():
        pytest.skip("AEB gold not available")
    predictions = json.loads(path.read_text(encoding="utf-8"))
    predictions = predictions.get("output", predictions)
    counts = [page_counts(p["article_body"], predictions[p["id"]].get("articleBody") or "") for p in load_gold(GOLD)]
    assert aggregate(counts)["f1"] == pytest.approx(0.958, abs=0.0006)


def test_evaluate_on_a_few_pages():
    if not GOLD.exists():
        pytest.skip("AEB gold not available")
    result = evaluate(str(GOLD), limit=8)
    assert result["n"] == 8
    assert result["f1"] > 0.85
    from rich.console import Console
    console = Console(record=True, width=120)
    render(result, console)
    assert "precision" in console.export_text()


@pytest.mark.slow
def test_extraction_f1_at_least_trafilatura_published():
    if not GOLD.exists():
        pytest.skip("AEB gold not available")
    result = evaluate(str(GOLD))
    assert result["n"] == 181
    assert result["f1"] >= 0.958
