"""The dicts behind each API answer and each dashboard page (one builder, two renderings).

Every function here takes a cursor and plain parameters and returns a
JSON-ready dict; the API returns it as is, the dashboard renders it with a
template and serves it unchanged as the page's JSON twin (``?format=json``).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

import duckdb
import pandas as pd
from fastapi import HTTPException

from .. import query
from ..query.filters import EventFilter, QueryError
from .params import page

_STEP = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1), "month": pd.DateOffset(months=1),
         "year": pd.DateOffset(years=1)}


def overview(con: duckdb.DuckDBPyConnection) -> dict:
    """Corpus size, the latest events, the most active dyads and the events per month."""
    factual = EventFilter(factual=True, include_historical=False)
    return {
        **query.overview(con),
        "recent_events": query.records(query.events(con, EventFilter(include_historical=False), limit=10)),
        "active_dyads": query.records(query.active_dyads(con, factual, limit=10)),
        "series": query.records(query.series(con, factual, "month")),
    }


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict:
    found = query.article(con, article_id)
    if not found:
        raise HTTPException(404, f"no article {article_id}")
    return found


def filter_dict(flt: EventFilter) -> dict:
    values = asdict(flt)
    values["dyad"] = ",".join(flt.dyad) if flt.dyad else None
    return values


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int, offset: int, order: str = "date") -> dict:
    items = query.records(query.events(con, flt, limit=limit, offset=offset, order=order))
    return page(items, query.count_events(con, flt), limit, offset, filter=filter_dict(flt), order=order)


def period_bounds(period: str, by: str) -> tuple[str, str]:
    """A chart period (its first day) → inclusive since/until dates for the event list behind it."""
    try:
        start = date.fromisoformat(period)
    except ValueError:
        raise QueryError(f"bad period {period!r}: give the period's first day, YYYY-MM-DD") from None
    if by not in _STEP:
        raise QueryError(f"unknown period {by!r}")
    end = (pd.Timestamp(start) + _STEP[by]).date() - timedelta(days=1)
    return start.isoformat(), end.isoformat()


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month", directed: bool = False,
                since: str | None = None, until: str | None = None, types=None, factual: bool = True,
                historical: bool = False) -> dict:
    series = query.dyad_series(con, a, b, by=by, directed=directed, since=since, until=until, types=types,
                               factual=factual, include_historical=historical)
    return {"a": a, "b": b, "by": by, "directed": directed, "since": since, "until": until,
            "factual": factual, "historical": historical, "series": query.records(series)}


def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month", directed: bool = False,
         since: str | None = None, until: str | None = None, period: str | None = None,
         historical: bool = False) -> dict:
    """The dyad page: its series, totals, the events of a chosen period and the historical events recalled."""
    found = dyad_series(con, a, b, by=by, directed=directed, since=since, until=until, historical=historical)
    rows = found["series"]
    found["totals"] = {k: sum(r[k] or 0 for r in rows) for k in ("events", "cooperation", "conflict")}
    found["period"] = period
    flt = EventFilter.build(dyad=(a, b), directed=directed, since=since, until=until)
    if period:
        start, end = period_bounds(period, by)
        flt = flt.with_(since=start, until=end)
    found["events"] = query.records(query.events(con, flt, limit=200, order="oldest" if period else "date"))
    found["historical_events"] = query.records(query.events(
        con, EventFilter(dyad=(a, b), directed=directed), limit=50, order="oldest", historical_only=True))
    return found


def actor(con: duckdb.DuckDBPyConnection, actor: str, by: str = "month") -> dict:
    """The actor page: roles over time, events over time, partners, quotes and top events."""
    flt = EventFilter(actor=actor, factual=True, include_historical=False)
    found = {
        "actor": actor,
        "known_as": query.records(query.actors(con, q=actor, limit=5)),
        "roles": query.records(query.actor_roles(con, actor)),
        "by": by,
        "series": query.records(query.series(con, flt, by)),
        "partners": query.records(query.partners(con, actor, EventFilter(factual=True), limit=15)),
        "quotes": query.records(query.top_quotes(con, actor, limit=10)),
        "top_events": query.records(query.top_events(con, actor, limit=10)),
    }
    if not any(found[k] for k in ("known_as", "roles", "series", "quotes", "top_events")):
        raise HTTPException(404, f"no actor {actor!r} in this store")
    return found


def network(con: duckdb.DuckDBPyConnection, *, since: str | None = None, until: str | None = None, types=None,
            factual: bool = True, min_events: int = 1, max_edges: int = 300) -> dict:
    flt = EventFilter.build(since=since, until=until, types=types, factual=factual)
    found = query.network(con, flt, min_events=min_events, max_edges=max_edges).to_dict()
    return {"since": since, "until": until, "types": list(flt.types), "factual": factual,
            "min_events": min_events, **found}
