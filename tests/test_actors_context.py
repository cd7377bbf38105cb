"""Where a dictionary match is not the actor: weekdays, first names, anti-/-backed places, datelines,
acronyms in brackets; and what the article's context decides ("Congolese", 1980s leaders)."""

from __future__ import annotations

import pytest

from tidings.actors import find_mentions, resolve
from tidings.events import code_events


@pytest.fixture(scope="module")
def nlp():
    from tidings.nlp import load_model

    return load_model()


def mentions_of(nlp, text: str, date: str | None = None):
    from tidings.nlp import parse_article

    doc = parse_article(nlp, [text])[0]
    return doc, find_mentions(doc, date)


def by_text(mentions):
    return {m.text: m.actor for m in mentions}


def test_weekday_after_a_country_is_no_surname(nlp):
    _, found = mentions_of(nlp, "Germany Friday expelled two diplomats accused of spying.")
    countries = {m.actor.country for m in found}
    assert "DEU" in countries and countries <= {"DEU", None}


def test_first_name_is_not_a_known_surname(nlp):
    _, found = mentions_of(nlp, "Crowds cheered the late President Ahmed Sekou Toure in Conakry.")
    assert all(m.actor.country != "ETH" for m in found)
    names = [m for m in found if m.actor.kind == "person"]
    assert names and names[0].text.endswith("Sekou Toure")


def test_opposed_and_sponsoring_places_are_not_the_actors_country(nlp):
    _, found = mentions_of(nlp, "Anti-Iran protesters clashed with Iranian-backed militias in Baghdad.")
    assert all(m.actor.country != "IRN" for m in found)


def test_led_forces_take_the_leaders_country(nlp):
    _, found = mentions_of(nlp, "Saudi-led forces struck the port on Tuesday.")
    actor = by_text(found)["Saudi-led forces"]
    assert (actor.country, actor.sector) == ("SAU", "MIL")


def test_bracketed_acronym_after_a_name_is_no_separate_actor(nlp):
    _, found = mentions_of(nlp, "The Croatia Farmers Association (HPS) demanded lower fuel taxes.")
    assert [(m.text, m.actor.country) for m in found] == [("Croatia Farmers Association", "HRV")]


def test_named_body_of_capitalised_words(nlp):
    _, found = mentions_of(nlp, "The Association of Caribbean Lawyers criticised the ruling.")
    assert "Association of Caribbean Lawyers" in by_text(found)


def test_dateline_is_no_actor(nlp):
    doc, found = mentions_of(nlp, "NAIROBI — The European Union on Wednesday pledged €30 million in aid to Kenya.")
    assert all(m.text != "NAIROBI" for m in found)
    aid = [e for e in code_events(doc, found) if e.plover_type == "AID"]
    assert aid and [a.country for a in aid[0].source] == ["EUR"] and [a.country for a in aid[0].target] == ["KEN"]


def test_shared_demonym_follows_the_article(nlp):
    _, found = mentions_of(nlp, "Congolese soldiers crossed the river.")
    assert by_text(found)["Congolese soldiers"].country == "COD"
    _, found = mentions_of(nlp, "In Brazzaville, Congolese soldiers guarded the port.")
    assert by_text(found)["Congolese soldiers"].country == "COG"


def test_national_branch_of_a_transnational_body(nlp):
    _, found = mentions_of(nlp, "The Kenya Red Cross said 40 people had died.")
    assert by_text(found)["Kenya Red Cross"].country == "KEN"


def test_another_countrys_party_name_is_a_portfolio(nlp):
    _, found = mentions_of(nlp, "Serbian Labour Minister Dragan Markovic signed the bill.")
    actor = by_text(found)["Serbian Labour Minister Dragan Markovic"]
    assert (actor.country, actor.sector) == ("SRB", "GOV")


def test_bare_weapon_is_no_actor(nlp):
    _, found = mentions_of(nlp, "North Korea fired a ballistic missile into the sea.")
    assert [m.actor.country for m in found] == ["PRK"]


@pytest.mark.parametrize("text, date, country", [
    ("President Reagan", "1985-06-01", "USA"),
    ("Chancellor Helmut Kohl", "1990-10-03", "DEU"),
    ("Prime Minister Yitzhak Rabin", "1994-01-01", "ISR"),
    ("President Francois Mitterand", "1990-01-01", "FRA"),  # misspelt: one letter from the known name
    ("Carlos Menem", None, "ARG"),
    ("European Community", "1988-01-01", "EUR"),
    ("UNITA", "1995-01-01", "AGO"),
])
def test_late_twentieth_century_actors(text, date, country):
    assert resolve(text, date=date).country == country


def test_events_need_an_identified_actor(nlp):
    doc, found = mentions_of(nlp, "Environmental groups welcomed the meeting.")
    assert code_events(doc, found) == []
    assert code_events(doc, found, require_actor=False)


def test_generic_actors_take_the_dateline_country(nlp):
    doc, found = mentions_of(nlp, "OUAGADOUGOU — The army said it had killed dozens of militants.\n"
                                  "Human rights groups accused the army of killing civilians.")
    accuse = [e for e in code_events(doc, found) if e.plover_type == "ACCUSE"]
    assert accuse and accuse[0].target[0].country == "BFA" and "country:article" in accuse[0].rule
