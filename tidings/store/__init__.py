"""The embedded store: one DuckDB file holding articles and everything derived from them.

A single writer (this class) serialises writes, batch by batch, each batch in
one transaction. Re-ingesting an article adds nothing; a changed article (same
id, new content) replaces its derived rows in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..models import Article
from .rows import article_rows
from .schema import DERIVED_TABLES, arrow_schema, migrate

ROLLUP_MIN_EVENTS = 200_000  # below this a dyad series scans the events table fast enough
TABLES = ("articles", "mentions", "events", "timexes", "places", "quotes")


@dataclass(slots=True)
class WriteOutcome:
    article_id: str
    origin: str
    status: str  # ingested | unchanged | replaced


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file (creating and migrating it unless read-only)."""
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}: ingest something first (tidings ingest ...)")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as err:
        raise StoreError(f"cannot open {path}: {err}") from err
    if not read_only:
        migrate(con)
    return con


class Store:
    """The writer over one DuckDB file."""

    def __init__(self, path: str | Path = "tidings.duckdb"):
        self.path = str(path)
        self.con = connect(self.path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known_raw_hashes(self, hashes: list[str]) -> set[str]:
        """Which of these input hashes were stored before (the same item read again)."""
        if not hashes:
            return set()
        rows = self.con.execute("SELECT raw_hash FROM articles WHERE raw_hash IN (SELECT unnest(?))", [hashes]).fetchall()
        return {h for (h,) in rows}

    def classify(self, articles: list[Article]) -> dict[str, str]:
        """For each article id: 'ingested' (new), 'unchanged' (same id/URL or same content) or 'replaced'."""
        status: dict[str, str] = {}
        seen_hashes: set[str] = set()
        ids = [a.id for a in articles]
        hashes = [a.content_hash for a in articles]
        known = dict(self.con.execute("SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall())
        known_hashes = {h for (h,) in self.con.execute(
            "SELECT content_hash FROM articles WHERE content_hash IN (SELECT unnest(?))", [hashes]).fetchall()}
        for article in articles:
            if article.id in status or article.content_hash in seen_hashes:
                status.setdefault(article.id, "unchanged")
            elif article.id in known:
                status[article.id] = "unchanged" if known[article.id] == article.content_hash else "replaced"
            elif article.content_hash in known_hashes:
                status[article.id] = "unchanged"
            else:
                status[article.id] = "ingested"
            seen_hashes.add(article.content_hash)
        return status

    def write(self, articles: list[Article]) -> list[WriteOutcome]:
        """Write a batch of analysed articles in one transaction; returns what happened to each."""
        status = self.classify(articles)
        outcomes = [WriteOutcome(a.id, a.origin, status[a.id]) for a in articles]
        fresh: dict[str, Article] = {}
        for article in articles:
            if status[article.id] != "unchanged" and article.id not in fresh:
                fresh[article.id] = article
        if not fresh:
            return outcomes
        replaced = [i for i in fresh if status[i] == "replaced"]
        tables: dict[str, list[dict]] = {name: [] for name in TABLES}
        for article in fresh.values():
            for name, rows in article_rows(article).items():
                tables[name].extend(rows)
        try:
            self.con.execute("BEGIN")
            if replaced:
                for table in DERIVED_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [replaced])
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [replaced])
            for name, rows in tables.items():
                self._insert(name, rows)
            self.con.execute("COMMIT")
        except duckdb.Error as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing {len(fresh)} articles failed, nothing was changed: {err}") from err
        return outcomes

    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        batch = pa.Table.from_pylist(rows, schema=arrow_schema(table))  # noqa: F841 - named in the SQL
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch")

    def log(self, run_id: str, entries: Iterable[tuple[str, str, str | None, str | None, str | None]]) -> None:
        """Record what a run did with each item: (origin, status, reason, stage, article_id)."""
        rows = [(run_id, *entry) for entry in entries]
        if rows:
            self.con.executemany(
                "INSERT INTO ingest_log (run_id, origin, status, reason, stage, article_id) VALUES (?, ?, ?, ?, ?, ?)", rows)

    def refresh_rollup(self, min_events: int = ROLLUP_MIN_EVENTS) -> None:
        """(Re)build the dyad rollup (``tidings rollup``) when the store has one or has grown past
        ``min_events`` events, so dyad series stay fast on large stores and never lag the events."""
        exists = self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'dyad_days'")
        if exists.fetchone()[0] or self.con.execute("SELECT count(*) FROM events").fetchone()[0] >= min_events:
            from ..query.rollup import build_rollup

            build_rollup(self.con)

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
