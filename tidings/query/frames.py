"""Running read queries and turning their DataFrames into JSON-ready records.

The query functions return pandas DataFrames (what an analyst wants in a
notebook); the API and the dashboard need plain dicts. ``records`` is the one
conversion between the two, so every JSON answer formats dates, missing
values and JSON columns the same way.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from ..store import connect

JSON_COLUMNS = frozenset({"source", "target", "claimed_by", "removed"})


def open_store(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a store (raises StoreError when there is none)."""
    return connect(path, read_only=True)


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one parameterised query and return its rows as a DataFrame."""
    return con.execute(sql, params or []).df()


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Any:
    rows = con.execute(sql, params or []).fetchall()
    row = rows[0] if rows else None
    return row[0] if row else None


def plain(value: Any, column: str = "") -> Any:
    """One cell as a JSON-ready value: dates as ISO strings, NaN/NaT as None, arrays as lists."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.ndarray | list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if column in JSON_COLUMNS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a DataFrame as JSON-ready dicts."""
    columns = list(df.columns)
    return [{c: plain(v, c) for c, v in zip(columns, row)} for row in df.itertuples(index=False, name=None)]
