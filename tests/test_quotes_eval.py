"""PolNeAR-format quote evaluation: the scorer on a few articles (fast) and the dev floor (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.eval.quotes import evaluate, render

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "quotes" / "polnear_dev.articles.jsonl"


def _require_gold() -> None:
    if not GOLD.exists():
        pytest.skip("gold data ../shared/gold/quotes is absent")


def test_quotes_eval_sample_scores():
    _require_gold()
    result = evaluate(str(GOLD), limit=8)
    assert result["n_articles"] == 8 and result["n"] > 0
    assert result["direct_precision"] >= 0.9 and result["direct_recall_found"] >= 0.8
    assert 0.0 < result["direct_recall_speaker"] <= result["direct_recall_found"]
    assert len(result["misses"]) <= 50 and all(json.dumps(m) for m in result["misses"])


def test_quotes_eval_renders():
    _require_gold()
    from rich.console import Console

    console = Console(record=True, width=120)
    render(evaluate(str(GOLD), limit=2), console)
    assert "direct_recall_speaker" in console.export_text()


@pytest.mark.slow
def test_quotes_dev_meets_the_issue_floor():
    _require_gold()
    result = evaluate(str(GOLD))
    assert result["n"] == 624
    assert result["direct_precision"] >= 0.95  # issue 5: precision of reported direct quotes
    assert result["direct_recall_speaker"] >= 0.85  # issue 5: quoted attributions found with the right speaker
