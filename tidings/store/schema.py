"""The DuckDB schema, applied as numbered migrations recorded in ``schema_migrations``.

Every derived table carries provenance: the article it came from, character
offsets into the article's clean text, the ``rule`` that produced the row and
the ``pipeline_version``. See docs/schema.md for the column meanings.
"""

from __future__ import annotations

from functools import lru_cache

import duckdb
import pyarrow as pa

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        url VARCHAR,
        origin VARCHAR,
        input_format VARCHAR,
        title VARCHAR,
        subtitle VARCHAR,
        author VARCHAR,
        publisher VARCHAR,
        description VARCHAR,
        language VARCHAR,
        published DATE,
        published_source VARCHAR,
        text VARCHAR NOT NULL,
        captions VARCHAR[],
        credits VARCHAR[],
        removed JSON,
        content_hash VARCHAR NOT NULL,
        raw_hash VARCHAR,
        n_words INTEGER,
        pipeline_version VARCHAR,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
    CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
    CREATE INDEX IF NOT EXISTS articles_raw_hash ON articles(raw_hash);

    CREATE TABLE IF NOT EXISTS mentions (
        article_id VARCHAR NOT NULL,
        start INTEGER, "end" INTEGER,
        text VARCHAR, kind VARCHAR,
        actor_name VARCHAR, country VARCHAR, sector VARCHAR, actor_kind VARCHAR,
        role VARCHAR, qid VARCHAR, actor_source VARCHAR,
        rule VARCHAR, confidence DOUBLE, pipeline_version VARCHAR
    );

    CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        plover_type VARCHAR NOT NULL,
        mode VARCHAR,
        contexts VARCHAR[],
        source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
        target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
        source JSON, target JSON,
        cameo_code VARCHAR, goldstein DOUBLE, intensity DOUBLE, quad_class TINYINT,
        negated BOOLEAN, modality VARCHAR, claimed_by JSON,
        date DATE, date_value VARCHAR, date_granularity VARCHAR, date_source VARCHAR, historical BOOLEAN,
        place_name VARCHAR, place_country VARCHAR, place_geonameid BIGINT, lat DOUBLE, lon DOUBLE,
        sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
        trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        mentions INTEGER,
        rule VARCHAR, confidence DOUBLE, pipeline_version VARCHAR
    );
    CREATE INDEX IF NOT EXISTS events_article ON events(article_id);

    CREATE TABLE IF NOT EXISTS timexes (
        article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR,
        type VARCHAR, value VARCHAR, granularity VARCHAR, approximate BOOLEAN,
        rule VARCHAR, pipeline_version VARCHAR
    );

    CREATE TABLE IF NOT EXISTS places (
        article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR,
        name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, admin1 VARCHAR,
        feature VARCHAR, rule VARCHAR, confidence DOUBLE, pipeline_version VARCHAR
    );

    CREATE TABLE IF NOT EXISTS quotes (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, direct BOOLEAN,
        cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
        speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR, speaker_role VARCHAR,
        rule VARCHAR, confidence DOUBLE, pipeline_version VARCHAR
    );

    CREATE TABLE IF NOT EXISTS role_observations (
        person VARCHAR NOT NULL, country VARCHAR, sector VARCHAR, title VARCHAR,
        observed_on DATE, article_id VARCHAR, start VARCHAR, "end" VARCHAR,
        evidence VARCHAR, pipeline_version VARCHAR
    );

    CREATE TABLE IF NOT EXISTS ingest_log (
        run_id VARCHAR, origin VARCHAR, status VARCHAR, reason VARCHAR, stage VARCHAR,
        article_id VARCHAR, logged_at TIMESTAMP DEFAULT current_timestamp
    );
    """),
]

DERIVED_TABLES = ("mentions", "events", "timexes", "places", "quotes", "role_observations")


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Apply every migration not yet recorded in ``schema_migrations``."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for version, sql in MIGRATIONS:
        if version in done:
            continue
        con.execute("BEGIN")
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
        con.execute("COMMIT")


@lru_cache(maxsize=None)
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a table (without defaulted columns), so Parquet parts written by
    any worker share one schema and load into DuckDB unchanged."""
    con = duckdb.connect()
    migrate(con)
    schema = con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
    con.close()
    keep = [f for f in schema if f.name not in ("ingested_at", "logged_at")]
    return pa.schema([pa.field(f.name, f.type) for f in keep])
