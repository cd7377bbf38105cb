"""The JSON API in-process (httpx.ASGITransport): endpoints, paging, validation, downloads, read-only."""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

import httpx
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))
from webstore import build_store  # noqa: E402

from tidings.api import create_app  # noqa: E402


class Client:
    """A tiny synchronous wrapper over httpx's ASGI transport (no server, no network)."""

    def __init__(self, app):
        self.app = app

    def get(self, url: str, **params) -> httpx.Response:
        async def go():
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://tidings.test") as client:
                return await client.get(url, params=params or None)
        return asyncio.run(go())


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "store.duckdb"
    ids = build_store(path)
    app = create_app(path)
    yield Client(app), ids, app
    app.state.con.close()


def test_index_and_openapi(setup):
    client, _, _ = setup
    assert "events" in client.get("/api").json()["endpoints"]
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/articles/{article_id}", "/api/dyads/{a}/{b}/series", "/api/network",
                 "/api/quotes", "/api/actors", "/api/export"):
        assert path in spec["paths"], path
    assert "/dyads/{a}/{b}" not in spec["paths"]  # pages are not API


def test_events_filters_and_paging(setup):
    client, ids, _ = setup
    body = client.get("/api/events", dyad="ISR,AZE", since="2023-05", until="2023-05").json()
    assert body["total"] == 1 and body["items"][0]["mode"] == "visit"
    assert body["items"][0]["source"][0]["name"] == "Isaac Herzog"
    first = client.get("/api/events", limit=5).json()
    second = client.get("/api/events", limit=5, offset=5).json()
    assert first["total"] == 12 and first["count"] == 5 and second["count"] == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    accuse = client.get("/api/events?type=ACCUSE&type=THREATEN").json()
    assert {e["plover_type"] for e in accuse["items"]} == {"ACCUSE", "THREATEN"} and accuse["total"] == 3
    assert client.get("/api/events", near="Baku", within=100).json()["total"] == 2
    assert client.get("/api/events", near="40.4,49.9").json()["total"] == 2
    event_id = body["items"][0]["id"]
    assert client.get(f"/api/events/{event_id}").json()["article_id"] == ids["baku"]


def test_bad_parameters_are_clear_4xx(setup):
    client, _, _ = setup
    cases = {"/api/events?type=BOGUS": (400, "unknown PLOVER"), "/api/events?since=2023-13": (400, "bad date"),
             "/api/events?since=yesterday": (422, "pattern"), "/api/events?limit=5000": (422, "less than"),
             "/api/events?limit=-1": (422, "greater"), "/api/dyads/ISR/AZE/series?by=fortnight": (422, "pattern"),
             "/api/events?since=2024&until=2023": (400, "empty period"), "/api/events?dyad=ISR": (422, "pattern"),
             "/api/events/nope": (404, "no event"), "/api/articles/nope": (404, "no article"),
             "/api/export?format=xml": (422, "pattern"), "/api/events?near=Xqzzyville": (400, "unknown place"),
             "/api/events?near=Baku&within=0": (422, "greater")}
    for url, (status, words) in cases.items():
        response = client.get(url)
        assert response.status_code == status, url
        assert words in response.text, (url, response.text)


def test_dyad_series_network_partners(setup):
    client, _, _ = setup
    series = client.get("/api/dyads/ISR/AZE/series", by="month").json()
    may = [row for row in series["series"] if row["period"] == "2023-05-01"]
    assert may and may[0]["events"] == 1 and may[0]["cooperation"] == 1
    assert sum(r["events"] for r in series["series"]) == 3  # historical 1991 event left out by default
    with_history = client.get("/api/dyads/ISR/AZE/series", by="year", historical="true").json()
    assert with_history["series"][0]["period"] == "1991-01-01"
    network = client.get("/api/network").json()
    assert {"source": "ISR", "target": "AZE"}.items() <= network["edges"][0].items()
    assert client.get("/api/actors/ISR/partners").json()["items"][0]["partner"] == "AZE"
    stats = client.get("/api/stats").json()
    assert stats["counts"]["events"] == 12 and stats["active_dyads"][0]["a"] == "AZE"


def test_articles_actors_quotes(setup):
    client, ids, _ = setup
    articles = client.get("/api/articles", limit=2).json()
    assert articles["total"] == 5 and articles["count"] == 2 and "text" not in articles["items"][0]
    detail = client.get(f"/api/articles/{ids['markup']}").json()
    assert "<script>alert(1)</script>" in detail["text"]  # JSON carries the text as it is
    assert detail["events"][0]["plover_type"] == "ACCUSE" and detail["quotes"][0]["speaker_country"] == "UKR"
    actors = client.get("/api/actors", q="herzog").json()
    assert actors["items"][0]["name"] == "Isaac Herzog" and actors["items"][0]["role"] == "President"
    actor = client.get("/api/actors/Isaac Herzog").json()
    assert actor["roles"][0]["title"] == "President" and actor["quotes"][0]["speaker_name"] == "Isaac Herzog"
    assert client.get("/api/actors/Nobody Atall").status_code == 404
    quotes = client.get("/api/quotes", speaker="Aliyev").json()
    assert quotes["total"] == 1 and quotes["items"][0]["direct"] is False


def test_downloads_in_export_formats(setup):
    client, _, _ = setup
    polecat = client.get("/api/export", format="polecat", dyad="ISR,AZE")
    assert polecat.status_code == 200 and "tab-separated" in polecat.headers["content-type"]
    df = pd.read_csv(io.StringIO(polecat.text), sep="\t")
    assert len(df) == 4 and "Event Date" in df.columns
    cameo = client.get("/api/export", format="cameo", file="csv")
    assert pd.read_csv(io.StringIO(cameo.text)).columns[0] == "GLOBALEVENTID"
    parquet = client.get("/api/export", format="parquet", actor="IRN")
    assert len(pd.read_parquet(io.BytesIO(parquet.content))) == 3
    jsonl = client.get("/api/export", format="jsonl")
    assert len(jsonl.text.splitlines()) == 12
    assert "attachment" in jsonl.headers["content-disposition"]


def test_store_is_read_only(setup):
    _, _, app = setup
    with pytest.raises(Exception):
        app.state.con.execute("INSERT INTO store.main.articles (id, text, content_hash) VALUES ('x', 'y', 'z')")
    with pytest.raises(Exception):
        app.state.con.execute("DELETE FROM events")
