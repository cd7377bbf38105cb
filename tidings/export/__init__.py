"""Exports of the event table in the formats analysts' tools already read.

    tidings export --format polecat --out events.tsv --dyad ISR,AZE
    export(con, "cameo", "gdelt.csv", EventFilter.build(since="2023"))

Formats: ``jsonl``, ``csv``, ``parquet`` (tidings' own columns), ``polecat``
(POLECAT's column names) and ``cameo`` (GDELT 2.0 event-table columns). The
tabular formats pick their file type from the output name: ``.parquet``,
``.csv`` (commas) or anything else (tab-separated, as POLECAT and GDELT ship).
With ``partition=True`` Parquet is written as a hive-partitioned folder
(``year=2023/month=5/…``) for exports too large for one file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import TidingsError
from ..query.filters import EventFilter
from ..query.frames import records
from .columns import (CAMEO_SELECT, GDELT_COLUMNS, NATIVE_SELECT, NATIVE_SELECT_NESTED, POLECAT_COLUMNS,
                      POLECAT_SELECT, STORY_CTE, STORY_JOINS, country_codes)

FORMATS = ("jsonl", "csv", "parquet", "polecat", "cameo")
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "csv": "text/csv", "tsv": "text/tab-separated-values",
               "parquet": "application/vnd.apache.parquet"}


class ExportError(TidingsError, ValueError):
    """An export was asked for in an unknown format or to an unusable place."""

    stage = "export"


@dataclass(slots=True)
class ExportResult:
    path: str
    format: str
    file_type: str  # jsonl | csv | tsv | parquet
    rows: int
    partitioned: bool = False


def file_type(fmt: str, out: str | Path | None = None) -> str:
    """What kind of file a format/output-name pair gives."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in ("jsonl", "csv", "parquet"):
        return fmt
    suffix = Path(str(out or "")).suffix.lower()
    return {".parquet": "parquet", ".csv": "csv"}.get(suffix, "tsv")


def export_sql(fmt: str, flt: EventFilter | None = None, *, nested: bool = False,
               partition: bool = False) -> tuple[str, list]:
    """The query behind an export (and its parameters)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    where, params = (flt or EventFilter()).where("e")
    partition_cols = (", CAST(year(coalesce(e.date, a.published)) AS INTEGER) AS year, "
                      "CAST(month(coalesce(e.date, a.published)) AS INTEGER) AS month") if partition else ""
    if fmt in ("polecat", "cameo"):
        select = POLECAT_SELECT if fmt == "polecat" else CAMEO_SELECT
        codes = " LEFT JOIN tidings_country_codes cc ON cc.iso3 = e.place_country" if fmt == "cameo" else ""
        sql = (f"WITH {STORY_CTE} SELECT {select}{partition_cols} FROM events e "
               f"LEFT JOIN articles a ON a.id = e.article_id {STORY_JOINS}{codes} "
               f"WHERE {where} ORDER BY coalesce(e.date, a.published), e.id")
    else:
        select = NATIVE_SELECT_NESTED if nested else NATIVE_SELECT
        sql = (f"SELECT {select}{partition_cols} FROM events e LEFT JOIN articles a ON a.id = e.article_id "
               f"WHERE {where} ORDER BY e.date, e.id")
    return sql, params


def relation(con: duckdb.DuckDBPyConnection, fmt: str, flt: EventFilter | None = None, *, nested: bool = False,
             partition: bool = False) -> duckdb.DuckDBPyRelation:
    con.register("tidings_country_codes", country_codes())
    sql, params = export_sql(fmt, flt, nested=nested, partition=partition)
    return con.sql(sql, params=params)


def export_frame(con: duckdb.DuckDBPyConnection, fmt: str, flt: EventFilter | None = None) -> pd.DataFrame:
    """The export as a DataFrame (for small exports and tests)."""
    return relation(con, fmt, flt, nested=fmt == "jsonl").df()


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, flt: EventFilter | None = None, *,
           partition: bool = False) -> ExportResult:
    """Write the events matching ``flt`` to ``out`` in format ``fmt``; returns what was written."""
    kind = file_type(fmt, out)
    if partition and kind != "parquet":
        raise ExportError("--partition writes Parquet: use --format parquet or an output name ending in .parquet")
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    rel = relation(con, fmt, flt, nested=kind == "jsonl", partition=partition)
    if kind == "jsonl":
        rows = _write_jsonl(rel, out)
    elif kind == "parquet":
        if partition:
            rel.write_parquet(str(out), partition_by=["year", "month"], overwrite=True)
        else:
            rel.write_parquet(str(out))
        rows = _count(con, out, partition)
    else:
        rel.write_csv(str(out), sep="," if kind == "csv" else "\t", header=True)
        rows = _count(con, out, False, csv_sep="," if kind == "csv" else "\t")
    return ExportResult(str(out), fmt, kind, rows, partition)


def _write_jsonl(rel: duckdb.DuckDBPyRelation, out: Path) -> int:
    rows = 0
    reader = rel.to_arrow_reader(50_000)
    with out.open("w", encoding="utf-8") as handle:
        for batch in reader:
            for record in records(batch.to_pandas()):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                rows += 1
    return rows


def _count(con: duckdb.DuckDBPyConnection, out: Path, partition: bool, csv_sep: str | None = None) -> int:
    """Rows in the written file(s), read back by DuckDB (so the count is what a reader will see)."""
    if csv_sep:
        sql, params = "SELECT count(*) FROM read_csv(?, delim = ?, header = true, all_varchar = true)", [str(out), csv_sep]
    else:
        pattern = str(out / "**" / "*.parquet") if partition else str(out)
        sql, params = "SELECT count(*) FROM read_parquet(?, hive_partitioning = ?)", [pattern, partition]
    return int(con.execute(sql, params).fetchall()[0][0])


def read_polecat(path: str | Path) -> pd.DataFrame:
    """Read a POLECAT-format export back with its types (dates as datetimes, numbers as floats)."""
    path = Path(path)
    if path.suffix == ".parquet" or path.is_dir():
        return pd.read_parquet(path)
    sep = "," if path.suffix == ".csv" else "\t"
    return pd.read_csv(path, sep=sep, parse_dates=["Event Date", "Publication Date"],
                       dtype={"Event ID": "string", "Story ID": "string", "GeoNames ID": "Int64",
                              "Actor COW": "string", "Recipient COW": "string"})


__all__ = ["FORMATS", "GDELT_COLUMNS", "POLECAT_COLUMNS", "ExportError", "ExportResult", "export",
           "export_frame", "export_sql", "file_type", "read_polecat", "relation"]
