"""Source and target beyond subject and object, background clauses, modality rules, merging, metric
(fast tests over hand-made actors; tidings.actors is not used)."""

from __future__ import annotations

import pytest
from event_helpers import coder, countries

from tidings.events import merge_repeated

KB = {"Israel": "ISR", "Israeli": "ISR", "Kenya": "KEN", "Uganda": "UGA", "Chile": "CHL", "Peru": "PER",
      "Iran": "IRN", "France": "FRA", "Mali": "MLI", "Russia": "RUS", "Ukraine": "UKR", "Turkey": "TUR",
      "Serbian police": "SRB", "Kosovo": "XKX", "Hungarian": "HUN", "Romanian": "ROU", "Baku": "AZE",
      "Judge Rivera": None, "Herzog": "ISR", "Cohen": "ISR"}


@pytest.fixture(scope="module")
def code():
    return coder(KB)


def only(events, type_):
    found = [e for e in events if e.plover_type == type_ and not e.negated]
    assert len(found) == 1, [(e.plover_type, e.trigger) for e in events]
    return found[0]


def test_coordinated_nationalities_are_both_sources_and_no_target(code):
    event = only(code("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate on refugees."), "AGREE")
    assert sorted(countries(event.source)) == ["HUN", "ROU"] and event.target == []


def test_subject_of_that_clause_is_the_target_of_a_demand(code):
    event = only(code("Kenya demanded that Uganda withdraw its troops from the border."), "REQUEST")
    assert countries(event.source) == ["KEN"] and countries(event.target) == ["UGA"]


def test_target_named_on_a_non_actor_object(code):
    event = only(code("Turkey announced a suspension of air links with Russia on Wednesday."), "SANCTION")
    assert countries(event.source) == ["TUR"] and countries(event.target) == ["RUS"]


def test_audience_of_a_complaint_is_not_its_target(code):
    event = only(code("Iran complained to France on Tuesday over two Israeli air raids."), "ACCUSE")
    assert countries(event.source) == ["IRN"] and countries(event.target) == ["ISR"]


def test_place_is_the_target_when_no_other_is_named(code):
    event = only(code("Serbian police lifted the curfew in Kosovo on Monday."), "CONCEDE")
    assert countries(event.source) == ["SRB"] and countries(event.target) == ["XKX"]


def test_countryless_actor_takes_the_sentence_country(code):
    event = only(code("Judge Rivera opened an investigation into officials in Chile."), "ACCUSE")
    assert countries(event.source) == ["CHL"] and "country:sentence" in event.rule


def test_threat_condition_names_the_target(code):
    event = only(code("Russia threatened to halt the talks if Ukraine goes ahead with the vote."), "THREATEN")
    assert countries(event.source) == ["RUS"] and countries(event.target) == ["UKR"]


def test_vowed_attack_is_a_threat(code):
    event = only(code("Russia vowed to attack Ukraine."), "THREATEN")
    assert countries(event.target) == ["UKR"]


def test_background_clauses_code_nothing(code):
    assert code("Israel has had an embassy in Baku since 1993, a year after relations were established "
                "between the two nations.") == []
    assert [e.plover_type for e in code("France defended the right of Mali to fire on militants.")] == ["SUPPORT"]
    assert [e.plover_type for e in code("Kenya will return weapons seized last year from Uganda.")] == ["AGREE"]


def test_obligation_is_a_demand_not_the_event(code):
    events = [e for e in code("Turkey said that Russia must withdraw its troops.") if e.modality != "hypothetical"]
    event = only(events, "REQUEST")
    assert countries(event.source) == ["TUR"] and countries(event.target) == ["RUS"]


def test_merge_keeps_visits_by_different_people_apart(code):
    first = code("Herzog visited Baku on Tuesday.")[0]
    second = code("Cohen visited Baku last month.")[0]
    third = code("Herzog visited Baku.")[0]
    for event, name in ((first, "Isaac Herzog"), (second, "Eli Cohen"), (third, "Isaac Herzog")):
        event.source[0].role, event.source[0].name = "official", name
    merged = merge_repeated([first, second, third])
    assert len(merged) == 2 and merged[0].mentions == 2 and merged[1] is second


def test_metric_compares_igo_codes_at_the_gold_level():
    from tidings.eval.events import _countries
    from tidings.models import EventActor
    assert _countries([EventActor("the UN", country="UNO")]) == {"IGO"}
    assert _countries([{"text": "United Nations", "code": "IGO"}]) == {"IGO"}
    assert _countries([EventActor("rebels", country=None)]) == set()
