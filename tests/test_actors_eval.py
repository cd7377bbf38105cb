"""Actor resolution against the gold phrases (../shared/gold/actors/dev.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "actors" / "dev.jsonl"


def _gold():
    if not GOLD.exists():
        pytest.skip("gold actors file not available")
    return str(GOLD)


def test_evaluate_reports_the_keys(tmp_path):
    import json

    from tidings.eval.actors import evaluate

    lines = [json.loads(line) for line in Path(_gold()).read_text(encoding="utf-8").splitlines()[:5]]
    small = tmp_path / "few.jsonl"
    small.write_text("\n".join(json.dumps(item) for item in lines), encoding="utf-8")
    result = evaluate(str(small))
    assert {"country_acc", "sector_acc", "both_acc", "n", "misses", "by_kind"} <= set(result)
    assert result["n"] == 5


@pytest.mark.slow
def test_gold_accuracy_floors():
    from tidings.eval.actors import evaluate

    result = evaluate(_gold())
    assert result["country_acc"] >= 0.90
    assert result["sector_acc"] >= 0.85
