"""``tidings ray-ingest`` and ``tidings load``: the distributed engine and its way back into DuckDB."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console

from ..settings import load_settings


def register(app: typer.Typer) -> None:
    app.command(name="ray-ingest", short_help="Run the pipeline as a Ray Data job, writing partitioned Parquet.",
                help="Run the same pipeline as `tidings ingest` as a Ray Data job over JSONL, Parquet or WARC "
                     "inputs (local paths or s3://, gs://, ... URLs), writing one Parquet folder per table "
                     "(articles, mentions, events, timexes, places, quotes) under --out.\n\n"
                     "Examples:\n\n  tidings ray-ingest corpus.jsonl --out parquet/\n\n"
                     "  tidings ray-ingest 's3://bucket/cc-news/*.warc.gz' --out s3://bucket/tidings/ --address ray://head:10001\n\n"
                     "  tidings load parquet/ --db tidings.duckdb")(ray_ingest_command)
    app.command(name="load", short_help="Load Parquet written by ray-ingest into the DuckDB store.",
                help="Load the Parquet folders written by `tidings ray-ingest` into the DuckDB store, "
                     "skipping articles already there.\n\nExample:  tidings load parquet/ --db tidings.duckdb")(load_command)


def ray_ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, Parquet or WARC files/globs/URLs.")],
    out: Annotated[str, typer.Option(help="Output folder or URL for the Parquet tables.")] = "tidings-parquet",
    address: Annotated[Optional[str], typer.Option(help="Ray cluster address (default: start a local Ray).")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Concurrent analysers (Ray actors).")] = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline.")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Articles per Ray batch / Parquet part.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for rows that lack one.")] = None,
) -> None:
    from ..batch.ray_job import run_ray_ingest

    settings = load_settings(None, workers=workers, model=model, batch_size=batch_size)
    result = run_ray_ingest(inputs, settings, out=out, address=address, published=published)
    console = Console()
    console.print(f"[bold]{result['articles']}[/] articles analysed, [bold red]{result['failed']}[/] failed → {result['out']}")
    for reason in result["failures"]:
        console.print(f"  [red]failed[/] {reason}")


def load_command(
    folder: Annotated[str, typer.Argument(help="Folder written by ray-ingest.")],
    db: Annotated[str, typer.Option(help="DuckDB file to write.")] = "tidings.duckdb",
) -> None:
    from ..store import Store
    from ..store.load import load_parquet

    with Store(db) as store:
        counts = load_parquet(store, folder)
        store.refresh_rollup()
    Console().print(", ".join(f"{n} {table}" for table, n in counts.items()) + f" loaded into {db}")
