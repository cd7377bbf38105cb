"""The engines: one process, a process pool and Ray give the same stored results; re-ingest adds nothing."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tidings.batch import ingest
from tidings.batch.ray_job import record_to_raw
from tidings.settings import Settings
from tidings.store import connect

ARTICLES = [
    {"url": "https://news.example/1", "published": "2023-05-30", "title": "Herzog in Baku",
     "text": "Israeli President Isaac Herzog met Azerbaijani President Ilham Aliyev in Baku on Tuesday.\n\n"
             "Herzog invited Aliyev to visit Israel."},
    {"url": "https://news.example/2", "published": "2023-06-02", "title": "Accusation",
     "text": "Israeli Foreign Minister Eli Cohen accused Iran of destabilizing the region on Friday."},
    {"url": "https://news.example/3", "published": "2023-06-03", "title": "Weather",
     "text": "The weather in the capital was mild on Saturday, forecasters said."},
]


def _raws():
    return [record_to_raw(row, row["url"]) for row in ARTICLES]


def _snapshot(db: str) -> list[tuple]:
    with connect(db, read_only=True) as con:
        return con.execute("SELECT a.url, e.plover_type, e.source_country, e.target_country, e.date "
                           "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY ALL").fetchall() + \
            [("articles", con.execute("SELECT count(*) FROM articles").fetchone()[0])]


def test_single_process_and_pool_store_the_same(tmp_path):
    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    summary = ingest(_raws(), Settings(db=one, workers=1, batch_size=2))
    assert summary.counts["ingested"] == 3
    ingest(_raws(), Settings(db=two, workers=2, batch_size=1))
    assert _snapshot(one) == _snapshot(two)


def test_reingest_adds_nothing(tmp_path):
    db = str(tmp_path / "again.duckdb")
    ingest(_raws(), Settings(db=db, workers=1))
    before = _snapshot(db)
    summary = ingest(_raws(), Settings(db=db, workers=1))
    assert summary.counts["unchanged"] == 3 and summary.counts["ingested"] == 0
    assert _snapshot(db) == before


@pytest.mark.ray
def test_ray_job_gives_the_same_events_as_ingest(tmp_path):
    ray = pytest.importorskip("ray")
    from tidings.batch.ray_job import run_ray_ingest
    from tidings.store import Store
    from tidings.store.load import load_parquet

    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in ARTICLES), encoding="utf-8")
    local_db = str(tmp_path / "local.duckdb")
    ingest(_raws(), Settings(db=local_db, workers=1))
    try:
        result = run_ray_ingest([str(source)], Settings(workers=1, batch_size=2), out=str(tmp_path / "parquet"))
    finally:
        ray.shutdown()
    assert result["articles"] == 3 and result["failed"] == 0
    stored = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/parquet/articles/*.parquet')")
    assert stored.fetchone()[0] == 3
    ray_db = str(tmp_path / "ray.duckdb")
    with Store(ray_db) as store:
        load_parquet(store, str(tmp_path / "parquet"))
        assert load_parquet(store, str(tmp_path / "parquet"))["articles"] == 0
    assert _snapshot(ray_db) == _snapshot(local_db)


@pytest.mark.ray
def test_ray_job_reads_warc(tmp_path):
    ray = pytest.importorskip("ray")
    from tidings.batch.ray_job import run_ray_ingest

    warc = Path(__file__).resolve().parents[1] / "tidings" / "data" / "samples" / "crawl.warc.gz"
    try:
        result = run_ray_ingest([str(warc)], Settings(workers=1), out=str(tmp_path / "parquet"))
    finally:
        ray.shutdown()
    assert result["articles"] == 2 and result["failed"] == 0
