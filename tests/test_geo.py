"""Places: gazetteer, toponym resolution with context, places in articles, event places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.geo import find_places, place_events, resolve_toponym
from tidings.geo.gazetteer import fold, gazetteer
from tidings.geo.resolve import distance_km, resolve_names
from tidings.models import Event

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_8042253118dc0e93.txt"
GOLD = ROOT.parent / "shared" / "gold" / "geo"
FIXTURES = ROOT / "tests" / "fixtures" / "geo"


@pytest.fixture(scope="module")
def nlp():
    from tidings.nlp import load_model

    return load_model()


@pytest.fixture(scope="module")
def seed_doc(nlp):
    if not SEED.exists():
        pytest.skip("seed article not present")
    from tidings.nlp import parse_article

    return parse_article(nlp, [SEED.read_text(encoding="utf-8")])[0]


def test_fold_handles_dots_possessives_and_diacritics():
    assert fold("U.S.") == "us"
    assert fold("Ankara’s") == "ankara"
    assert fold("Québec") == "quebec"
    assert fold("the Democratic Republic of the Congo") == "democratic republic of congo"


def test_gazetteer_has_countries_states_and_cities():
    gaz = gazetteer()
    assert gaz.countries["AZE"].geonameid == 587116
    assert gaz.subdivisions["US-KY"].feature == "ADM1"
    assert gaz.capitals["AZE"].name == "Baku"
    assert gaz.demonyms["turkish"] == "TUR"


def test_seed_baku_resolves_to_the_azerbaijani_capital():
    place = resolve_toponym("Baku")
    assert place.country == "AZE" and place.feature == "PPLC"
    assert distance_km(place.lat, place.lon, 40.38, 49.89) < 5


def test_demonym_reads_as_its_country():
    place = resolve_toponym("Turkish")
    assert place.country == "TUR" and place.feature == "PCLI" and place.rule == "geo:demonym"


def test_country_point_hedges_between_listed_centre_and_main_landmass():
    from tidings.geo.gazetteer import country_point

    square = "{'features': [{'geometry': {'type': 'Polygon', 'coordinates': [[[%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}}]}"
    near = {"latlng": [10, 20], "geoJSON": square % (21, 9, 23, 9, 23, 11, 21, 11)}  # centroid (10, 22)
    lat, lon = country_point(near)
    assert abs(lat - 10) < 0.01 and abs(lon - 21) < 0.01  # the midpoint: within 161 km of both
    far = {"latlng": [10, 20], "geoJSON": square % (29, 9, 31, 9, 31, 11, 29, 11)}  # centroid 1,000 km away
    assert country_point(far) == (10.0, 20.0)


def test_states_outweigh_towns_that_share_their_name():
    gaz = gazetteer()
    assert gaz.subdivisions["US-CA"].population > 10_000_000  # the people of its cities
    assert resolve_toponym("California").feature == "ADM1"
    ontario = resolve_toponym("Ontario")
    assert ontario.country == "CAN" and ontario.feature == "ADM1"


def test_a_country_keeps_its_name_from_its_state_and_capital():
    place = resolve_toponym("Mexico", ["Guadalajara", "Mexico City"])
    assert place.country == "MEX" and place.feature == "PCLI"


def test_name_index_survives_the_disk_cache(tmp_path):
    from tidings.geo.gazetteer import Candidate, Entry
    from tidings.geo.index import NameIndex, cached

    baku = Candidate(587084, "Baku", 40.38, 49.89, "AZE", None, "PPLC", 2_000_000, "test")
    index = NameIndex.pack({"baku": [Entry(baku, True)], "baki": [Entry(baku, False)]}, Candidate, Entry)
    built = []
    for _ in range(2):
        loaded = cached("k1", lambda: built.append(1) or index, tmp_path)
        assert loaded["baku"] == [Entry(baku, True)] and loaded.get("baki")[0].primary is False
        assert loaded["baku"][0].candidate is loaded["baki"][0].candidate and "nowhere" not in loaded
    assert built == [1]  # the second call read the cache


def test_countries_carry_geonames_points_where_known():
    gaz = gazetteer()
    canada = gaz.countries["CAN"]
    assert canada.geonameid == 6251999 and distance_km(canada.lat, canada.lon, 60.1, -113.6) < 5


def test_state_abbreviations_and_counties():
    assert resolve_toponym("Ky.").name == "Kentucky"
    place = resolve_toponym("Metcalfe County")
    assert place.country == "USA" and place.admin1 == "Kentucky"


def test_counties_take_the_state_the_article_is_in():
    for state, lat, lon in (("Arkansas", 35.3, -93.1), ("Minnesota", 45.6, -95.5)):
        resolved = resolve_names(["Pope County", state, "Little Rock" if state == "Arkansas" else "Minneapolis"])
        county = resolved["Pope County"][0]
        assert county.feature == "ADM2" and county.admin1 == state
        assert distance_km(county.lat, county.lon, lat, lon) < 60


def test_small_us_towns_from_zip_data_need_their_context():
    resolved = resolve_names(["Holliday", "Missouri", "Monroe County"])
    assert resolved["Holliday"][0].admin1 == "Missouri"


def test_airports_by_their_distinctive_name():
    from tidings.geo.fine_places import airport_keys

    keys = dict(airport_keys("London Heathrow Airport", "London", fold))
    assert keys["heathrow airport"] is True and keys["heathrow"] is False
    resolved = resolve_names(["London", "Heathrow", "Gatwick", "British"])
    assert resolved["Heathrow"][0].feature == "AIRP" and resolved["Heathrow"][0].country == "GBR"
    assert resolve_toponym("Arkansas").feature == "ADM1"  # not "Arkansas International Airport"


def test_a_town_named_after_a_country_needs_its_state_written():
    resolved = resolve_names(["Russia", "Ohio", "Columbus", "Dayton", "Cincinnati"])
    assert resolved["Russia"][0].country == "RUS"
    resolved = resolve_names(["Mexico", "Missouri"], containers={"Mexico": "Missouri"})
    assert resolved["Mexico"][0].country == "USA"


def test_neighbouring_names_pull_each_other_home():
    resolved = resolve_names(["Edmonton", "Enfield", "Tottenham", "Walthamstow"])
    assert resolved["Edmonton"][0].country == "GBR" and resolved["Enfield"][0].country == "GBR"
    assert resolve_names(["Edmonton", "Calgary"])["Edmonton"][0].country == "CAN"


def test_containers_are_read_from_the_text():
    from tidings.geo.places import containers

    text = "NEWARK, N.J. (AP) - A man from Redding, northern California, and one from Churchill, Man. met."
    spans = [(m.start(), m.end(), m.group()) for m in __import__("re").finditer("NEWARK|Redding|Churchill", text)]
    assert containers(spans, text) == {"NEWARK": "N.J.", "Redding": "California", "Churchill": "Man."}
    resolved = resolve_names(["Churchill"], containers={"Churchill": "Man."})
    assert resolved["Churchill"][0].country == "CAN"


def test_the_city_of_a_name_is_a_town():
    from tidings.geo.places import town_cues

    text = "Tickets are sold by the city of Turkey, in Hall County, Texas."
    spans = [(text.index("Turkey"), text.index("Turkey") + 6, "Turkey")]
    assert town_cues(spans, text) == {"Turkey"}
    resolved = resolve_names(["Turkey", "Hall County", "Texas"], towns={"Turkey"})
    assert resolved["Turkey"][0].country == "USA" and resolved["Turkey"][0].admin1 == "Texas"


def test_countries_without_an_outline_are_still_countries():
    place = resolve_toponym("Kosovo")
    assert place.feature == "PCLI" and distance_km(place.lat, place.lon, 42.67, 21.17) < 100


def test_a_list_of_states_is_not_a_town_in_a_state():
    names = ["Georgia", "Oklahoma", "Pennsylvania", "Wisconsin"]
    resolved = resolve_names(names, containers=dict(zip(names, names[1:])))
    assert all(resolved[n][0].feature == "ADM1" for n in names)


@pytest.mark.parametrize("record", [json.loads(line) for line in (FIXTURES / "articles.jsonl").open()],
                         ids=lambda r: r["id"])
def test_context_decides_ambiguous_names(record):
    names = [n for n in record["expect"]] + ["Ontario", "Canada", "Texas", "Russian", "Georgian", "U.S."]
    names = [n for n in names if n in record["text"]]
    resolved = resolve_names(names, containers={"Paris": "Texas"} if "Paris, Texas" in record["text"] else None)
    for name, country in record["expect"].items():
        assert resolved[name][0].country == country, name


def test_find_places_in_seed(seed_doc):
    places = find_places(seed_doc, [])
    baku = [p for p in places if p.text == "Baku"]
    assert baku and all(p.country == "AZE" and p.feature == "PPLC" for p in baku)
    assert any(p.text == "Azerbaijani" and p.country == "AZE" for p in places)
    assert not any(p.text in ("Herzog", "Aliyev", "Tuesday") for p in places)


def test_meeting_in_baku_gets_its_place(seed_doc):
    text = seed_doc.text
    start = text.index("met Tuesday with")
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.index(".", start) + 1
    event = Event(plover_type="CONSULT", trigger="met", trigger_start=start, trigger_end=start + 3,
                  sentence=text[sentence_start:sentence_end], sentence_start=sentence_start,
                  sentence_end=sentence_end)
    places = find_places(seed_doc, [])
    place_events([event], places, seed_doc)
    assert event.place is not None and event.place.text == "Baku" and event.place.country == "AZE"


def test_origin_is_not_the_event_place(nlp):
    doc = nlp("Azerbaijani President Ilham Aliyev praised Israel on Monday.")
    places = find_places(doc, [])
    start = doc.text.index("praised")
    event = Event(plover_type="SUPPORT", trigger="praised", trigger_start=start, trigger_end=start + 7,
                  sentence_start=0, sentence_end=len(doc.text))
    place_events([event], places, doc)
    assert event.place is None


def test_unparsed_text_is_scanned_for_well_known_places(nlp):
    from tidings.nlp import parse_article

    text = "Officials met in Ankara. The talks in May were about trade with Russia."
    doc = parse_article(nlp, [text], needs_parse=lambda s: False)[0]
    places = {p.text: p for p in find_places(doc, [])}
    assert places["Ankara"].country == "TUR"
    assert places["Russia"].feature == "PCLI"
    assert "May" not in places


def test_component_sets_doc_places(nlp):
    import spacy

    import tidings.geo.component  # noqa: F401  (registers the factory)

    blank = spacy.blank("en")
    blank.add_pipe("tidings_geo")
    doc = blank("Protesters gathered outside the embassy in Baku.")
    assert [p.text for p in doc._.tidings_places] == ["Baku"]


def test_a_few_trnews_articles_resolve_within_161km():
    path = GOLD / "trnews.jsonl"
    if not path.exists():
        pytest.skip("gold data not present")
    from tidings.eval.geo import resolve_article

    articles = [json.loads(line) for line in path.open(encoding="utf-8")][:10]
    rows = [row for article in articles for row in resolve_article(article)]
    within = [r for r in rows if r["candidate"] is not None and distance_km(
        r["gold"]["lat"], r["gold"]["lon"], r["candidate"].lat, r["candidate"].lon) <= 161]
    assert len(within) / len(rows) > 0.6


@pytest.mark.slow
def test_trnews_accuracy():
    path = GOLD / "trnews.jsonl"
    if not path.exists():
        pytest.skip("gold data not present")
    from tidings.eval.geo import evaluate

    result = evaluate(str(path))
    assert result["acc_161km"] >= 0.85
