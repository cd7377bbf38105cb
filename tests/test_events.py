"""Event coder: triggers, modality, actors from the parse, merging, code tables (fast tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from event_helpers import coder, countries

from tidings.events import code_events, merge_repeated, trigger_terms
from tidings.nlp import load_model, parse_article

# A small hand-made actor table: these tests do not depend on tidings.actors.
KB = {"Israel": "ISR", "Israeli": "ISR", "Herzog": "ISR", "Azerbaijan": "AZE", "Baku": "AZE", "Aliyev": "AZE",
      "Iran": "IRN", "Iranian": "IRN", "Chile": "CHL", "Peru": "PER", "Kenya": "KEN", "Uganda": "UGA",
      "the Palestinians": "PSE", "Hamas": "PSE", "Russia": "RUS", "Ukraine": "UKR", "Ukrainian": "UKR",
      "Turkey": "TUR", "France": "FRA", "Mali": "MLI", "Serbian": "SRB", "Kosovo": "XKX", "Japan": "JPN"}


@pytest.fixture(scope="module")
def code():
    return coder(KB)


def test_meeting_is_consult_with_source_and_target(code):
    [event] = code("Herzog met Tuesday with Aliyev in Baku.")
    assert event.plover_type == "CONSULT" and event.mode == "visit" and event.cameo_code == "042"
    assert countries(event.source) == ["ISR"] and countries(event.target) == ["AZE"]
    assert event.trigger == "met" and event.rule.startswith("lexicon:")
    assert event.quad_class == 1 and event.goldstein == 1.9 and event.intensity == 4.0


def test_negated_meeting_is_marked_not_asserted(code):
    [event] = code("Turkey did not meet Russia on Monday.")
    assert event.plover_type == "CONSULT" and event.negated


def test_future_visit_is_agree(code):
    [event] = code("The Japanese premier will visit Ukraine next week, officials in Japan said.")
    assert event.plover_type == "AGREE" and event.modality == "future"


def test_threaten_absorbs_the_threatened_action(code):
    events = code("Russia threatened to halt gas supplies to Ukraine.")
    assert [e.plover_type for e in events] == ["THREATEN"]
    assert countries(events[0].source) == ["RUS"] and countries(events[0].target) == ["UKR"]


def test_compound_source(code):
    [event] = code("Israel and the Palestinians reached an agreement on water.")
    assert event.plover_type == "AGREE" and countries(event.source) == ["ISR", "PSE"]


def test_passive_agent_is_source(code):
    [event] = code("A Ukrainian village was shelled by Russia on Sunday.")
    assert event.plover_type == "ASSAULT" and countries(event.source) == ["RUS"]


def test_appeals_and_opinions_code_nothing(code):
    assert code("Kenya urged Uganda to release the detained fishermen.") == []
    assert code("France called on Mali to hold elections.") == []
    assert code("The minister said he was optimistic about the economy.") == []


def test_refusal_and_negated_future_cooperation_are_reject(code):
    assert [e.plover_type for e in code("Serbian officials refused to meet the Kosovo delegation.")] == ["REJECT"]
    [event] = code("Turkey said it would not accept more refugees.")
    assert event.plover_type == "REJECT" and not event.negated


def test_conditional_coercion_is_threaten(code):
    [event] = code("France will impose sanctions on Mali if the junta delays the vote.")
    assert event.plover_type == "THREATEN"


def test_claim_in_speech_is_accuse_by_speaker(code):
    events = code("Herzog said Iran is a destabilizing influence in the region.")
    accuse = [e for e in events if e.plover_type == "ACCUSE"]
    assert accuse and countries(accuse[0].source) == ["ISR"] and countries(accuse[0].target) == ["IRN"]


def test_trigger_terms_cover_inflections():
    terms = trigger_terms()
    assert {"met", "meets", "attacked", "threatened", "talks", "sanctions"} <= terms
    assert "the" not in terms


def test_merge_repeated_counts_mentions(code):
    first = code("Herzog met Aliyev in Baku.")[0]
    second = code("Herzog met with Aliyev on Tuesday in Baku.")[0]
    merged = merge_repeated([first, second], is_body=lambda e: e is second)
    assert len(merged) == 1 and merged[0].mentions == 2 and merged[0] is second


def test_unparsed_sentences_do_not_crash():
    nlp = load_model()
    doc = parse_article(nlp, ["Herzog met Aliyev. It rained."], needs_parse=lambda s: False)[0]
    assert code_events(doc, []) == []


def test_score_mini_fixture():
    from tidings.eval.events import evaluate
    result = evaluate(str(Path(__file__).parent / "fixtures" / "events" / "mini.jsonl"))
    assert result["n"] == 3
    for key in ("micro_f1", "macro_f1", "micro_precision", "micro_recall", "no_event_precision",
                "source_country_acc", "target_country_acc"):
        assert 0.0 <= result[key] <= 1.0
    assert result["no_event_precision"] == 1.0
    assert result["micro_f1"] >= 0.5
