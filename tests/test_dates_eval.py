"""The TimeBank + AQUAINT dev gold scored with the TempEval-3 metrics (slow: `make eval`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.eval.time import evaluate

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "time"


@pytest.mark.slow
def test_time_gold_meets_the_issue_floor():
    if not GOLD.exists():
        pytest.skip("gold data ../shared/gold/time is absent")
    result = evaluate(str(GOLD))
    assert result["value_f1"] >= 0.80  # issue 5: value F1 >= 0.80 on TimeBank + AQUAINT
    assert result["relaxed_f1"] >= 0.90 and result["strict_f1"] >= 0.85
    assert set(result["corpora"]) == {"TimeBank", "AQUAINT"}
    assert len(result["misses"]) <= 50


def test_time_gold_sample_scores():
    """A fast check on the first TimeBank documents: the scorer and tagger agree with gold most of the time."""
    path = GOLD / "timebank.jsonl"
    if not path.exists():
        pytest.skip("gold data ../shared/gold/time is absent")
    import json
    import tempfile

    lines = path.read_text(encoding="utf-8").splitlines()[:10]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    result = evaluate(handle.name)
    Path(handle.name).unlink()
    assert result["n"]["documents"] == 10
    assert result["relaxed_f1"] > 0.8 and result["value_f1"] > 0.6
    assert all(json.dumps(m) for m in result["misses"])
