"""Loading partitioned Parquet (from ``tidings ray-ingest``) into the DuckDB store, without duplicates."""

from __future__ import annotations

from pathlib import Path

from . import Store

PARQUET_TABLES = ("mentions", "events", "timexes", "places", "quotes")


def load_parquet(store: Store, folder: str) -> dict[str, int]:
    """Insert the articles under ``folder/articles`` not yet stored (by id or content) and their rows.

    Articles already stored are left as they are, like a re-ingest of the same content.
    """
    con = store.con
    root = folder.rstrip("/")
    pattern = f"{root}/articles/**/*.parquet"
    con.execute("BEGIN")
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE incoming AS
            SELECT * EXCLUDE (rank) FROM (
                SELECT *, row_number() OVER (PARTITION BY content_hash ORDER BY id) AS rank
                FROM read_parquet(?, union_by_name = true)) WHERE rank = 1
              AND id NOT IN (SELECT id FROM articles)
              AND content_hash NOT IN (SELECT content_hash FROM articles)
        """, [pattern])
        added = con.execute("SELECT count(*) FROM incoming").fetchone()[0]
        con.execute("INSERT INTO articles BY NAME SELECT * FROM incoming")
        counts = {"articles": added}
        for table in PARQUET_TABLES:
            files = f"{root}/{table}/**/*.parquet"
            if not _has_files(root, table):
                counts[table] = 0
                continue
            before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?, union_by_name = true) "
                        "WHERE article_id IN (SELECT id FROM incoming)", [files])
            counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def _has_files(root: str, table: str) -> bool:
    if "://" in root:
        return True
    return any(Path(root, table).rglob("*.parquet"))
