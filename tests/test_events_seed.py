"""The seed article's events, end to end through tidings.actors and tidings.events,
and the whole dev gold scored against the issue's floors (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings import actors
from tidings.events import code_events, merge_repeated
from tidings.nlp import load_model, parse_article

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_8042253118dc0e93.txt"
GOLD = SHARED / "gold" / "events" / "dev.jsonl"


def _body(text: str) -> str:
    start = text.index("Israeli President Isaac Herzog met Tuesday")
    end = text.index("military hardware.") + len("military hardware.")
    return text[start:end]


@pytest.fixture(scope="module")
def seed_events():
    if not SEED.exists():
        pytest.skip("seed article not present")
    body = _body(SEED.read_text(encoding="utf-8"))
    doc = parse_article(load_model(), [body])[0]
    return merge_repeated(code_events(doc, actors.find_mentions(doc, "2023-05-30")))


def _has(events, type_, source, target, mode=None, trigger=None):
    for e in events:
        if e.plover_type != type_ or e.negated:
            continue
        if source in {a.country for a in e.source} and target in {a.country for a in e.target}:
            if (mode is None or e.mode == mode) and (trigger is None or trigger in e.sentence):
                return True
    return False


def test_seed_meeting_in_baku(seed_events):
    assert _has(seed_events, "CONSULT", "ISR", "AZE", mode="visit", trigger="met Tuesday")


def test_seed_accuse_iran(seed_events):
    assert _has(seed_events, "ACCUSE", "ISR", "IRN", trigger="destabilizing")


def test_seed_cohen_visit(seed_events):
    assert _has(seed_events, "CONSULT", "ISR", "AZE", mode="visit", trigger="Eli Cohen")


def test_seed_invitation(seed_events):
    assert _has(seed_events, "AGREE", "ISR", "AZE", trigger="invited")


def test_seed_recognition(seed_events):
    assert _has(seed_events, "SUPPORT", "ISR", "AZE", trigger="recognize")


def test_seed_no_photographer_or_paywall_actor(seed_events):
    for e in seed_events:
        for a in e.source + e.target:
            assert "Zach" not in a.text and "JNS" not in a.text


@pytest.mark.slow
def test_dev_gold_meets_floors():
    if not GOLD.exists():
        pytest.skip("gold not present")
    from tidings.eval.events import evaluate
    result = evaluate(str(GOLD))
    assert result["micro_f1"] >= 0.80
    assert result["macro_f1"] >= 0.75
    assert result["no_event_precision"] >= 0.80
    assert result["source_country_acc"] >= 0.80
    assert result["target_country_acc"] >= 0.80
