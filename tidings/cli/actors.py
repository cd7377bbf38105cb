"""`tidings actors`: the actors seen in the news, with their roles over time and the evidence."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Actors and their roles over time (dictionary + learned from articles).",
                  invoke_without_command=True, no_args_is_help=False)


def _connect(db: str):
    import duckdb

    return duckdb.connect(db, read_only=False)


def _kb(actors: list[str] | None):
    from tidings.actors.kb import KnowledgeBase

    kb = KnowledgeBase()
    if actors:
        kb.add_files(actors)
    return kb


@app.callback()
def main(ctx: typer.Context, db: str = typer.Option("tidings.duckdb", "--db", help="DuckDB store"),
         json_out: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """List actors (the default when no sub-command is given)."""
    ctx.obj = {"db": db, "json": json_out}
    if ctx.invoked_subcommand is None:
        list_cmd(db=db, json_out=json_out, limit=50, actors=None)


@app.command("list")
def list_cmd(db: str = typer.Option("tidings.duckdb", "--db"), json_out: bool = typer.Option(False, "--json"),
             limit: int = typer.Option(50, "--limit"), actors: list[str] = typer.Option(None, "--actors")) -> None:
    """People observed in the news: latest role read, how often, and what the dictionary says today."""
    from tidings.actors.store import list_actors

    rows = list_actors(_connect(db), _kb(actors), limit)
    if json_out:
        typer.echo(json.dumps(rows, default=str))
        return
    table = Table(title="Actors")
    for column in ("person", "country", "sector", "title", "observations", "last observed", "dictionary now"):
        table.add_column(column)
    for row in rows:
        now = row["dictionary_now"]
        table.add_row(row["person"], row["country"] or "", row["sector"] or "", row["title"] or "",
                      str(row["observations"]), row["last_observed"] or "",
                      f"{now['country']} {now['sector']} {now['title'] or ''}" if now else "")
    Console().print(table)


@app.command("show")
def show_cmd(name: str, db: str = typer.Option("tidings.duckdb", "--db"), json_out: bool = typer.Option(False, "--json"),
             actors: list[str] = typer.Option(None, "--actors")) -> None:
    """One actor: dictionary roles with dates and sources, and every observation with its evidence."""
    from tidings.actors.store import show_actor

    info = show_actor(_connect(db), name, _kb(actors))
    if json_out:
        typer.echo(json.dumps(info, default=str))
        return
    console = Console()
    now = info["now"]
    console.print(f"[bold]{info['name']}[/bold] {info['qid'] or ''}  now: "
                  + (f"{now['country']} {now['sector']} {now['title'] or ''} ({now['source']})" if now else "unknown"))
    console.print(_table("Roles (dictionary, user files)", info["roles"],
                         {"country": "country", "sector": "sector", "title": "title", "start": "start",
                          "end": "end", "source": "source"}))
    console.print(_table("Observed in articles", info["observations"],
                         {"observed": "observed_on", "country": "country", "sector": "sector", "title": "title",
                          "article": "article_id", "evidence": "evidence"}))


def _table(title: str, rows: list[dict], columns: dict[str, str]) -> Table:
    """A table of ``rows`` with the given headings, each read from its key."""
    table = Table(title=title)
    for heading in columns:
        table.add_column(heading)
    for row in rows:
        table.add_row(*(str(row[key] or "") for key in columns.values()))
    return table
