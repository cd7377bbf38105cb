"""Read queries over a hand-built store: filters, dyad series, partners, networks, quotes, rollup."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webstore import build_store  # noqa: E402

from tidings import query  # noqa: E402
from tidings.query import EventFilter, QueryError  # noqa: E402
from tidings.store import connect  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "store.duckdb"
    ids = build_store(path)
    return path, ids


@pytest.fixture(scope="module")
def con(store):
    con = query.open_store(store[0])
    yield con
    con.close()


def test_bounds_cover_whole_periods():
    assert query.parse_bound("2023-05") == date(2023, 5, 1)
    assert query.parse_bound("2023-05", upper=True) == date(2023, 6, 1)
    assert query.parse_bound("2023", upper=True) == date(2024, 1, 1)
    assert query.parse_bound("2023-05-30", upper=True) == date(2023, 5, 31)
    for bad in ("2023-13", "May 2023", "2023-02-30"):
        with pytest.raises(QueryError):
            query.parse_bound(bad)


def test_filter_validation():
    with pytest.raises(QueryError, match="unknown PLOVER"):
        EventFilter.build(types="ACCUSE,BOGUS")
    with pytest.raises(QueryError, match="dyad"):
        EventFilter.build(dyad="ISR")
    with pytest.raises(QueryError, match="empty period"):
        EventFilter.build(since="2024", until="2023")
    assert EventFilter.build(types=["consult,accuse"]).types == ("CONSULT", "ACCUSE")


def test_values_are_bound_parameters_never_sql(con):
    hostile = "ISR' OR 1=1 --"
    sql, params = EventFilter.build(actor=hostile, text="50%_'; DROP TABLE events").where()
    assert hostile not in sql and "DROP" not in sql
    assert query.events(con, EventFilter.build(actor=hostile)).empty
    assert query.events(con, EventFilter.build(text="%")).empty  # % is literal, not a wildcard
    assert query.count_events(con) == 12


def test_event_filters(con, store):
    ids = store[1]
    dyad = query.events(con, EventFilter.build(dyad="ISR,AZE"))
    assert set(dyad["plover_type"]) == {"CONSULT", "AGREE", "SUPPORT"} and len(dyad) == 4
    assert len(query.events(con, EventFilter.build(dyad="AZE,ISR", directed=True))) == 0
    assert len(query.events(con, EventFilter.build(dyad="IRN,AZE", directed=True))) == 1
    may = query.events(con, EventFilter.build(dyad="ISR,AZE", since="2023-05", until="2023-05"))
    assert list(may["trigger"]) == ["arrived"]
    assert set(query.events(con, EventFilter.build(actor="Herzog"))["plover_type"]) == {"CONSULT", "ACCUSE"}
    assert list(query.events(con, EventFilter.build(types="ASSAULT"))["target_country"]) == ["UKR"]
    assert set(query.events(con, EventFilter.build(country="aze"))["place_name"]) == {"Baku"}
    assert list(query.events(con, EventFilter.build(text="shelled"))["plover_type"]) == ["ASSAULT"]
    assert len(query.events(con, EventFilter.build(article=ids["iran"]))) == 2
    factual = query.events(con, EventFilter.build(actor="POL", factual=True))
    assert factual.empty  # one negated, one future event only
    assert len(query.events(con, EventFilter.build(actor="POL"))) == 2
    page = query.events(con, limit=5, offset=10)
    assert len(page) == 2


def test_dyad_series_counts_may_2023_visit(con):
    df = query.dyad_series(con, "ISR", "AZE", by="month", since="2023-01", until="2023-06")
    assert list(df["period"].dt.strftime("%Y-%m")) == ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05",
                                                       "2023-06"]
    may = df.set_index(df["period"].dt.strftime("%Y-%m")).loc["2023-05"]
    assert may["events"] == 1 and may["cooperation"] == 1 and may["conflict"] == 0
    assert may["mean_intensity"] == 4.0 and may["forward"] == 1
    assert df["events"].sum() == 3  # the 1991 recognition lies outside the period
    everything = query.dyad_series(con, "ISR", "AZE", by="year")
    assert everything["period"].min().year == 1991 and everything["events"].sum() == 4
    recent = query.dyad_series(con, "ISR", "AZE", by="year", include_historical=False)
    assert recent["events"].sum() == 3


def test_series_by_week_and_day(con):
    week = query.dyad_series(con, "IRN", "AZE", by="week")
    assert week["events"].sum() == 2 and week.iloc[0]["conflict"] == 2
    assert week.iloc[0]["period"].weekday() == 0  # weeks start on Monday
    day = query.dyad_series(con, "AZE", "IRN", by="day", directed=True)
    assert day["events"].sum() == 1 and day.iloc[0]["forward"] == 1
    with pytest.raises(QueryError):
        query.dyad_series(con, "ISR", "AZE", by="fortnight")


def test_partners_network_dyads(con):
    partners = query.partners(con, "ISR")
    assert list(partners["partner"]) == ["AZE", "IRN"]
    assert partners.iloc[0]["cooperation"] == 4
    net = query.network(con)
    edges = {(r.source, r.target): r.events for r in net.edges.itertuples()}
    assert edges[("ISR", "AZE")] == 4 and edges[("RUS", "UKR")] == 2
    assert ("RUS", "POL") not in edges  # negated meeting
    assert set(net.nodes["country"]) >= {"ISR", "AZE", "IRN", "RUS", "UKR", "USA"}
    assert query.network(con, EventFilter.build(since="2023-06", factual=True)).edges.shape[0] == 1
    dyads = query.active_dyads(con)
    assert (dyads.iloc[0]["a"], dyads.iloc[0]["b"], dyads.iloc[0]["events"]) == ("AZE", "ISR", 4)


def test_quotes_actors_roles(con):
    herzog = query.quotes(con, speaker="Herzog")
    assert list(herzog["text"]) == ["This visit is a milestone for our friendship,"]
    assert len(query.quotes(con, speaker="AZE")) == 1
    assert query.top_quotes(con, "Aliyev").iloc[0]["direct"] == False  # noqa: E712
    actors = query.actors(con)
    assert {"Isaac Herzog", "Ilham Aliyev", "Israel"} <= set(actors["name"])
    herzog_row = actors.set_index("name").loc["Isaac Herzog"]
    assert herzog_row["role"] == "President" and herzog_row["country"] == "ISR"
    roles = query.actor_roles(con, "ISR")
    assert set(roles["person"]) == {"Isaac Herzog", "Eli Cohen"}
    assert query.top_events(con, "ISR", limit=3).shape[0] == 3


def test_article_detail(con, store):
    found = query.article(con, store[1]["baku"])
    assert found["title"] == "Israel's president visits Baku"
    assert [e["plover_type"] for e in found["events"]] == ["CONSULT", "ACCUSE"]
    assert found["removed"][0]["reason"] == "paywall"
    assert found["text"][found["events"][0]["trigger_start"]:found["events"][0]["trigger_end"]] == "arrived"
    assert query.article(con, "missing") is None


def test_overview(con):
    found = query.overview(con)
    assert found["counts"]["articles"] == 5 and found["counts"]["events"] == 12
    assert found["events_to"] == "2023-06-01"


def test_rollup_gives_the_same_series(store, tmp_path):
    copy = tmp_path / "rollup.duckdb"
    shutil.copy(store[0], copy)
    writer = connect(copy)
    assert query.build_rollup(writer) > 0
    writer.close()
    fast, slow = query.open_store(copy), query.open_store(store[0])
    assert query.rollup_is_fresh(fast) and not query.rollup_is_fresh(slow)
    for args in (dict(by="month"), dict(by="day", directed=True), dict(by="year", include_historical=False),
                 dict(by="week", since="2023-04", until="2023-05")):
        pd.testing.assert_frame_equal(query.dyad_series(fast, "ISR", "AZE", **args),
                                      query.dyad_series(slow, "ISR", "AZE", **args), check_dtype=False)


def test_overlay_builds_rollup_in_memory(store):
    con = query.open_overlay(store[0], build_over=1)
    assert query.rollup_is_fresh(con)
    assert query.dyad_series(con, "ISR", "AZE")["events"].sum() == 4
    with pytest.raises(Exception):
        con.execute("DELETE FROM store.main.events")


def test_a_place_filter_is_never_answered_from_the_rollup():
    from tidings.query.rollup import rollup_answers

    assert rollup_answers(EventFilter.build(dyad="ISR,AZE"))
    assert not rollup_answers(EventFilter.build(dyad="ISR,AZE", near="40.4,49.9", within_km=20))
