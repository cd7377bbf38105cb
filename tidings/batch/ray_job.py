"""``tidings ray-ingest``: the same pipeline as a Ray Data job, writing partitioned Parquet.

Inputs are JSON Lines, Parquet (rows with url, title, published and text or
html) or WARC files, on local paths or any filesystem pyarrow/fsspec knows
(``s3://``, ``gs://``, ``hdfs://`` ...). Each worker cleans and analyses a batch
with ``batch.worker.analyse_articles`` — the function ``tidings ingest`` runs — and
writes that batch's rows straight to ``OUT/<table>/part-<batch>.parquet``, so no
result ever collects in the driver. ``tidings load OUT`` brings them into DuckDB.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..ingest.jsonl import record_document
from ..ingest.warc import read_warc_stream
from ..models import RawDocument, Rejected
from ..settings import Settings
from ..store.rows import article_rows
from ..store.schema import arrow_schema

TABLES = ("articles", "mentions", "events", "timexes", "places", "quotes")
RECORD_COLUMNS = ("url", "title", "published", "text", "html")


def record_to_raw(record: dict, origin: str, published: str | None = None) -> RawDocument | Rejected:
    """One input row (url, title, published, text or html) as a RawDocument (as a JSONL line is read)."""
    return record_document(record, origin, published)


class BatchAnalyser:
    """A Ray Data callable: clean + analyse one batch of input rows and write its Parquet parts."""

    def __init__(self, out: str, settings: Settings, published: str | None = None):
        self.out, self.settings, self.published = out, settings, published
        self.filesystem, self.root = pa.fs.FileSystem.from_uri(out)

    def __call__(self, batch: pa.Table) -> dict:
        from .worker import process_raws

        rows = batch.to_pylist()
        raws = [record_to_raw(r, r.get("origin") or r.get("url") or "<row>", self.published) for r in rows]
        results = process_raws(raws, self.settings.model, self.settings.actors_files)
        analysed = [a for a in results if not isinstance(a, Rejected)]
        failures = [f for f in results if isinstance(f, Rejected)]
        self._write(analysed)
        return {"articles": [len(analysed)], "failed": [len(failures)],
                "reasons": ["; ".join(f"{f.origin}: {f.reason}" for f in failures)]}

    def _write(self, articles) -> None:
        tables: dict[str, list[dict]] = {t: [] for t in TABLES}
        for article in articles:
            for name, rows in article_rows(article).items():
                tables[name].extend(rows)
        part = uuid.uuid4().hex[:16]
        for name, rows in tables.items():
            if not rows:
                continue
            folder = f"{self.root.rstrip('/')}/{name}"
            self.filesystem.create_dir(folder, recursive=True)
            pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(name)),
                           f"{folder}/part-{part}.parquet", filesystem=self.filesystem)


def _read(inputs: list[str]):
    """A Ray dataset of article rows from JSONL, Parquet or WARC inputs."""
    import ray.data

    def kind(path: str) -> str:
        name = path.lower().rstrip("/")
        if name.endswith((".warc", ".warc.gz")):
            return "warc"
        if name.endswith(".parquet") or Path(name).suffix == "":
            return "parquet"
        return "json"

    datasets = []
    for path in inputs:
        k = kind(path)
        if k == "json":
            datasets.append(ray.data.read_json(path, lines=True))
        elif k == "parquet":
            datasets.append(ray.data.read_parquet(path))
        else:
            datasets.append(ray.data.read_binary_files(path, include_paths=True).flat_map(_warc_rows))
    dataset = datasets[0]
    for other in datasets[1:]:
        dataset = dataset.union(other)
    return dataset


def _warc_rows(item: dict) -> list[dict]:
    """The HTML responses of one WARC file as article rows."""
    rows = []
    for raw in read_warc_stream(io.BytesIO(item["bytes"]), item["path"]):
        if isinstance(raw, RawDocument):
            rows.append({"url": raw.url, "title": raw.title, "published": raw.published,
                         "text": None, "html": raw.content, "origin": raw.origin})
    return rows


def run_ray_ingest(inputs: list[str], settings: Settings, out: str | None = None, address: str | None = None,
                   published: str | None = None, batch_size: int | None = None) -> dict:
    """Run the pipeline over ``inputs`` on Ray (a local instance, or the cluster at ``address``)."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, ignore_reinit_error=True, include_dashboard=False, log_to_driver=False)
    out = out or "tidings-parquet"
    dataset = _read(inputs)
    columns = [c for c in dataset.columns() if c in RECORD_COLUMNS + ("origin",)]
    results = dataset.select_columns(columns).map_batches(
        BatchAnalyser, fn_constructor_args=(out, settings, published), batch_size=batch_size or settings.batch_size,
        batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=max(1, settings.workers or 1)),
    ).take_all()
    return {"articles": sum(int(r["articles"]) for r in results), "failed": sum(int(r["failed"]) for r in results),
            "failures": [r["reasons"] for r in results if r["reasons"]], "out": out}
