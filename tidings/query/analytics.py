"""Relations over time: dyad series, partners, networks, the corpus at a glance.

Charts count what the articles report as having happened: by default only
asserted, non-negated events (``factual=True``), dated by the event's own date
(not the article's). Cooperation is PLOVER quad classes 1-2, conflict 3-4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from .filters import PERIODS, EventFilter, QueryError, side_condition
from .frames import frame, records, scalar
from .rollup import rollup_answers, rollup_is_fresh, rollup_series_sql

# The whitelisted SQL unit for each period name (never the user's string).
_UNIT = {"day": "day", "week": "week", "month": "month", "year": "year"}
_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}
MAX_FILLED_PERIODS = 5000

COUNTS = """
    count(*) AS events,
    count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
    count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
    count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
    count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
    count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
    avg(intensity) AS mean_intensity,
    coalesce(sum(intensity), 0) AS sum_intensity,
    avg(goldstein) AS mean_goldstein"""
COUNT_COLUMNS = ("events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
                 "cooperation", "conflict")


def _unit(by: str) -> str:
    if by not in _UNIT:
        raise QueryError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    return _UNIT[by]


def series(con: duckdb.DuckDBPyConnection, flt: EventFilter, by: str = "month", *, fill: bool = True,
           split: str | None = None) -> pd.DataFrame:
    """Counts and intensities of the events matching ``flt``, one row per period.

    ``split`` (an actor) adds ``forward`` / ``backward`` columns: the events
    that actor is the source of, and the others. Periods with no events are
    filled with zeros when ``fill`` is set, so a chart shows the gaps.
    """
    unit = _unit(by)
    if split == (flt.dyad or ("",))[0] and rollup_answers(flt) and rollup_is_fresh(con):
        df = frame(con, *rollup_series_sql(flt, unit))
        for column in ("forward", "backward"):
            df[column] = df[column].fillna(0).astype("int64")
        return _fill(df, flt, by) if fill else df
    where, params = flt.where()
    extra, extra_params = "", []
    if split:
        src, extra_params = side_condition("source", split)
        extra = f", count(*) FILTER (WHERE {src}) AS forward, count(*) FILTER (WHERE NOT ({src})) AS backward"
    sql = (f"SELECT CAST(date_trunc('{unit}', date) AS DATE) AS period, {COUNTS}{extra} FROM events "
           f"WHERE date IS NOT NULL AND {where} GROUP BY 1 ORDER BY 1")
    df = frame(con, sql, extra_params * 2 + params)
    return _fill(df, flt, by) if fill else df


def _fill(df: pd.DataFrame, flt: EventFilter, by: str) -> pd.DataFrame:
    """Add the empty periods between the first and last (or the filter's bounds)."""
    low, high = flt.bounds()
    if df.empty and not (low and high):
        return df
    start = pd.Timestamp(low) if low else df["period"].min()
    end = pd.Timestamp(high) - pd.Timedelta(days=1) if high else df["period"].max()
    if not df.empty:
        start, end = min(start, df["period"].min()), max(end, df["period"].max())
    start = _truncate(start, by)
    index = pd.date_range(start, end, freq=_FREQ[by])
    if len(index) > MAX_FILLED_PERIODS or len(index) == 0:
        return df
    filled = df.set_index("period").reindex(index)
    filled.index.name = "period"
    zero = [c for c in filled.columns if c in COUNT_COLUMNS or c in ("sum_intensity", "forward", "backward")]
    filled[zero] = filled[zero].fillna(0).astype("int64" if "sum_intensity" not in zero else "float64")
    for column in zero:
        if column != "sum_intensity":
            filled[column] = filled[column].astype("int64")
    return filled.reset_index()


def _truncate(ts: pd.Timestamp, by: str) -> pd.Timestamp:
    if by == "year":
        return pd.Timestamp(ts.year, 1, 1)
    if by == "month":
        return pd.Timestamp(ts.year, ts.month, 1)
    if by == "week":
        return (ts - pd.Timedelta(days=ts.weekday())).normalize()
    return ts.normalize()


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", *, directed: bool = False,
                since: str | None = None, until: str | None = None, types=None, factual: bool = True,
                include_historical: bool = True, fill: bool = True) -> pd.DataFrame:
    """How the relation between ``a`` and ``b`` moves over time.

    One row per period: events, the four quad counts, cooperation (1-2) and
    conflict (3-4), mean and summed intensity, mean Goldstein; ``forward`` is
    ``a → b`` and ``backward`` ``b → a`` (always 0 when ``directed``).
    """
    flt = EventFilter.build(dyad=(a, b), directed=directed, since=since, until=until, types=types, factual=factual,
                            include_historical=include_historical)
    return series(con, flt, by, fill=fill, split=a)


def partners(con: duckdb.DuckDBPyConnection, actor: str, flt: EventFilter | None = None,
             limit: int = 20) -> pd.DataFrame:
    """Who ``actor`` deals with, most events first, with the cooperation/conflict mix of each relation."""
    flt = (flt or EventFilter(factual=True)).with_(actor=None, dyad=None)
    where, params = flt.where()
    src, src_params = side_condition("source", actor)
    tgt, tgt_params = side_condition("target", actor)
    sql = f"""
        WITH sides AS (
            SELECT coalesce(target_country, target_name) AS partner, TRUE AS outgoing, quad_class, intensity
            FROM events WHERE {src} AND {where}
            UNION ALL
            SELECT coalesce(source_country, source_name), FALSE, quad_class, intensity
            FROM events WHERE {tgt} AND {where}
        )
        SELECT partner, count(*) AS events,
               count(*) FILTER (WHERE outgoing) AS outgoing, count(*) FILTER (WHERE NOT outgoing) AS incoming,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               avg(intensity) AS mean_intensity
        FROM sides WHERE partner IS NOT NULL AND partner <> ?
        GROUP BY partner ORDER BY events DESC, partner LIMIT ?"""
    return frame(con, sql, src_params + params + tgt_params + params + [actor, limit])


@dataclass(slots=True)
class Network:
    """Countries as nodes, directed weighted edges (source country → target country)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": records(self.nodes), "edges": records(self.edges)}


def network(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, min_events: int = 1,
            max_edges: int = 300) -> Network:
    """The relations network for a period: one edge per ordered country pair with enough events."""
    where, params = (flt or EventFilter(factual=True)).where()
    edges = frame(con, f"""
        SELECT source_country AS source, target_country AS target, {COUNTS}
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
          AND {where}
        GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, source, target LIMIT ?""",
                  params + [min_events, max_edges])
    out = edges.groupby("source")["events"].sum().rename("outgoing")
    into = edges.groupby("target")["events"].sum().rename("incoming")
    nodes = pd.concat([out, into], axis=1).fillna(0).astype("int64")
    nodes["events"] = nodes["outgoing"] + nodes["incoming"]
    nodes = nodes.rename_axis("country").reset_index().sort_values(["events", "country"], ascending=[False, True])
    return Network(nodes=nodes.reset_index(drop=True), edges=edges)


def active_dyads(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, limit: int = 10) -> pd.DataFrame:
    """The most active country pairs (either direction), with their cooperation/conflict mix."""
    where, params = (flt or EventFilter(factual=True)).where()
    return frame(con, f"""
        SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
               {COUNTS}, max(date) AS last_date
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
          AND {where}
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?""", params + [limit])


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Corpus size and coverage: counts of every table and the span of dates."""
    counts = {table: int(scalar(con, f"SELECT count(*) FROM {table}"))
              for table in ("articles", "events", "quotes", "mentions", "places")}
    counts["actors"] = int(scalar(con, "SELECT count(DISTINCT actor_name) FROM mentions"))
    first, last = con.execute("SELECT min(date), max(date) FROM events").fetchall()[0]
    pub_first, pub_last = con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    return {"counts": counts,
            "events_from": first and first.isoformat(), "events_to": last and last.isoformat(),
            "published_from": pub_first and pub_first.isoformat(),
            "published_to": pub_last and pub_last.isoformat()}


def actor_roles(con: duckdb.DuckDBPyConnection, actor: str) -> pd.DataFrame:
    """The roles an actor was seen holding and when (role observations + resolved mentions).

    For a country code, the roles of that country's people.
    """
    by_code = len(actor) == 3 and actor.isupper()
    person = "country = ?" if by_code else "person = ?"
    mention = "m.country = ?" if by_code else "m.actor_name = ?"
    return frame(con, f"""
        WITH seen AS (
            SELECT person, title, observed_on AS day, article_id FROM role_observations
            WHERE {person} AND title IS NOT NULL
            UNION ALL
            SELECT m.actor_name, m.role, a.published, m.article_id FROM mentions m
            JOIN articles a ON a.id = m.article_id
            WHERE {mention} AND m.role IS NOT NULL AND m.actor_kind = 'person'
        )
        SELECT person, title, min(day) AS first_seen, max(day) AS last_seen,
               count(DISTINCT article_id) AS articles
        FROM seen GROUP BY person, title ORDER BY first_seen NULLS LAST, person, title""", [actor, actor])


def count_dyad(con: duckdb.DuckDBPyConnection, a: str, b: str) -> int:
    where, params = EventFilter(dyad=(a, b)).where()
    return int(scalar(con, f"SELECT count(*) FROM events WHERE {where}", params))
