"""A per-day, per-country-pair rollup of the events, so dyad charts stay fast on big stores.

Scanning ten million events for one pair of countries takes most of a second
on a small machine; the rollup (``dyad_days``), sorted by pair and day, lets
DuckDB skip every row group of other pairs, so a dyad series reads a few
thousand rows instead. Compound sides count once for each member country.

The rollup is optional: queries use it only when it is *fresh* (built from
the current number of events, see ``dyad_days_meta``) and the filter can be
answered from it (country codes, dates, factual/historical flags); otherwise
they scan ``events``. Build it in the store after ingesting
(``tidings rollup`` / ``build_rollup(con)``), or let ``open_overlay`` build it
in memory for a server over a read-only store.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store import connect
from ..store.schema import DERIVED_TABLES
from .filters import EventFilter, period_conditions

ROLLUP = "dyad_days"
META = "dyad_days_meta"
_CODE = re.compile(r"^[A-Z]{3}$")
_AGGREGATES = """
    count(*) AS events,
    count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
    count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
    sum(intensity) AS sum_intensity, count(intensity) AS n_intensity,
    sum(goldstein) AS sum_goldstein, count(goldstein) AS n_goldstein"""
_FLAGS = """
    NOT coalesce(negated, FALSE) AND coalesce(modality, 'asserted') = 'asserted' AS factual,
    coalesce(historical, FALSE) AS historical"""


def rollup_sql() -> str:
    """Single-actor sides straight from the flat columns; compound sides unnested member by member."""
    compound = "(json_array_length(source) > 1 OR json_array_length(target) > 1)"
    return f"""
        WITH flat AS (
            SELECT source_country, target_country, date AS day, {_FLAGS}, {_AGGREGATES}
            FROM events
            WHERE date IS NOT NULL AND source_country IS NOT NULL AND target_country IS NOT NULL
              AND NOT {compound}
            GROUP BY ALL
        ), members AS (
            SELECT date, quad_class, intensity, goldstein, negated, modality, historical,
                   list_distinct(CAST(json_extract_string(source, '$[*].country') AS VARCHAR[])) AS sources,
                   list_distinct(CAST(json_extract_string(target, '$[*].country') AS VARCHAR[])) AS targets
            FROM events WHERE date IS NOT NULL AND {compound}
        ), compound AS (
            SELECT s AS source_country, t AS target_country, date AS day, {_FLAGS}, {_AGGREGATES}
            FROM members, unnest(sources) AS u(s), unnest(targets) AS v(t)
            WHERE s IS NOT NULL AND t IS NOT NULL
            GROUP BY ALL
        )
        SELECT * FROM (SELECT * FROM flat UNION ALL SELECT * FROM compound)
        ORDER BY source_country, target_country, day"""


def build_rollup(con: duckdb.DuckDBPyConnection, schema: str = "main") -> int:
    """(Re)build the rollup in ``schema`` of a writable database; returns its row count."""
    assert re.fullmatch(r"\w+(\.\w+)?", schema)
    events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.execute(f"CREATE OR REPLACE TABLE {schema}.{ROLLUP} AS {rollup_sql()}")
    con.execute(f"CREATE OR REPLACE TABLE {schema}.{META} AS SELECT ?::BIGINT AS events, "
                "current_timestamp AS built_at", [events])
    return con.execute(f"SELECT count(*) FROM {schema}.{ROLLUP}").fetchall()[0][0]


def rollup_is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the rollup exists and was built from the events now in the store."""
    try:
        built = con.execute(f"SELECT events FROM {META}").fetchall()
        now = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    except duckdb.CatalogException:
        return False
    return bool(built) and built[0][0] == now


def rollup_answers(flt: EventFilter) -> bool:
    """Whether a dyad filter can be answered from the rollup (both sides country codes, no other filters)."""
    return (flt.dyad is not None and all(_CODE.match(x) for x in flt.dyad) and not flt.actor and not flt.types
            and not flt.quads and not flt.country and not flt.near and not flt.text and not flt.article)


def rollup_series_sql(flt: EventFilter, unit: str) -> tuple[str, list]:
    """The dyad series over the rollup: one SELECT per direction, so each is a pruned range scan."""
    a, b = flt.dyad
    low, high = flt.bounds()
    conditions, params = [], []
    if flt.factual:
        conditions.append("factual")
    if not flt.include_historical:
        conditions.append("NOT historical")
    period, values = period_conditions("day", low, high)
    conditions += period
    params += values
    rest = "".join(f" AND {c}" for c in conditions)
    parts = [f"SELECT *, {int(forward)} AS fwd FROM {ROLLUP} WHERE source_country = ? AND target_country = ?{rest}"
             for forward in ((True,) if flt.directed else (True, False))]
    pair_params = [a, b, *params] + ([] if flt.directed else [b, a, *params])
    sql = f"""
        SELECT CAST(date_trunc('{unit}', day) AS DATE) AS period, sum(events) AS events,
               sum(q1) AS verbal_cooperation, sum(q2) AS material_cooperation,
               sum(q3) AS verbal_conflict, sum(q4) AS material_conflict,
               sum(q1 + q2) AS cooperation, sum(q3 + q4) AS conflict,
               sum(sum_intensity) / nullif(sum(n_intensity), 0) AS mean_intensity,
               coalesce(sum(sum_intensity), 0) AS sum_intensity,
               sum(sum_goldstein) / nullif(sum(n_goldstein), 0) AS mean_goldstein,
               sum(events) FILTER (WHERE fwd = 1) AS forward, sum(events) FILTER (WHERE fwd = 0) AS backward
        FROM ({' UNION ALL '.join(parts)}) GROUP BY 1 ORDER BY 1"""
    return sql, pair_params


def open_overlay(path: str | Path, *, build_over: int | None = 200_000) -> duckdb.DuckDBPyConnection:
    """An in-memory database showing the store read-only, with a fresh rollup.

    The store's tables appear as views, so every query runs unchanged, and
    cursors (one per request) share them. When the store has no fresh rollup
    and at least ``build_over`` events, one is built in memory.
    """
    connect(path, read_only=True).close()  # a clear StoreError when there is no store
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    literal = str(path).replace("'", "''")
    con.execute(f"ATTACH '{literal}' AS store (READ_ONLY)")
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'store' AND schema_name = 'main'").fetchall()]
    for name in names:
        if re.fullmatch(r"\w+", name):
            con.execute(f'CREATE VIEW main."{name}" AS SELECT * FROM store.main."{name}"')
    for name in ("articles", "events", *DERIVED_TABLES):
        if name not in names:
            raise StoreError(f"{path} is not a tidings store: it has no table {name}")
    if build_over is not None and not rollup_is_fresh(con):
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        if events >= build_over:
            for name in (ROLLUP, META):
                con.execute(f"DROP VIEW IF EXISTS main.{name}")
            build_rollup(con)
    return con
