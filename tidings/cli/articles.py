"""``tidings articles`` and ``tidings show``: what is in the store, and everything about one article."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .. import query
from ..store import connect

DB_OPTION = typer.Option(help="DuckDB file to read.")


def register(app: typer.Typer) -> None:
    app.command(name="articles", help="List stored articles, newest first.\n\n"
                "Examples:\n\n  tidings articles --since 2023-01-01 --text Azerbaijan\n\n"
                "  tidings articles --source jns --format json")(articles_command)
    app.command(name="show", help="Show one article: metadata, clean text, events with evidence, quotes, "
                "and what was removed and why.\n\nExample:  tidings show 3f2a9c  (an id, id prefix or URL)")(show_command)


def articles_command(
    db: Annotated[str, DB_OPTION] = "tidings.duckdb",
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Publisher, URL or file name contains.")] = None,
    text: Annotated[Optional[str], typer.Option(help="Title or body contains.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    format: Annotated[str, typer.Option(help="table or json.")] = "table",
) -> None:
    with connect(db, read_only=True) as con:
        rows = query.records(query.articles(con, q=text, since=since, until=until, source=source, limit=limit))
    if format == "json":
        typer.echo(json.dumps(rows, default=str, indent=1))
        return
    table = Table()
    table.add_column("id", no_wrap=True)
    for name in ("published", "publisher", "title", "words", "events"):
        table.add_column(name, no_wrap=name != "title")
    for row in rows:
        table.add_row(row["id"], str(row["published"] or ""), row["publisher"] or "", (row["title"] or row["origin"] or "")[:70],
                      str(row["n_words"]), str(row["events"]))
    Console().print(table)


def show_command(
    article: Annotated[str, typer.Argument(help="Article id, id prefix, URL or origin path.")],
    db: Annotated[str, DB_OPTION] = "tidings.duckdb",
    format: Annotated[str, typer.Option(help="text or json.")] = "text",
) -> None:
    with connect(db, read_only=True) as con:
        article_id = query.find_article_id(con, article)
        record = query.article(con, article_id) if article_id else None
    if record is None:
        raise typer.BadParameter(f"no article {article!r} in {db}")
    if format == "json":
        typer.echo(json.dumps(record, default=str, indent=1))
        return
    render_article(record, Console())


def render_article(record: dict, console: Console) -> None:
    meta = Table.grid(padding=(0, 2))
    for key in ("id", "title", "subtitle", "publisher", "author", "published", "published_source", "url", "origin", "language"):
        if record.get(key):
            meta.add_row(f"[bold]{key}", str(record[key]))
    for caption in record.get("captions") or []:
        meta.add_row("[bold]caption", caption)
    for credit in record.get("credits") or []:
        meta.add_row("[bold]credit", credit)
    console.print(Panel(meta, title="article"))
    console.print(Panel(record["text"], title="clean text"))
    _events_table(record["events"], console)
    _quotes_table(record["quotes"], console)
    if record["removed"]:
        removed = Table("reason", "removed text", title="removed from the page", title_justify="left")
        for item in record["removed"]:
            removed.add_row(item["reason"], item["text"][:120])
        console.print(removed)


def _actors(side: list[dict]) -> str:
    return " + ".join(f"{a.get('name') or a.get('text')} ({a.get('country') or '?'} {a.get('sector') or ''})".strip() for a in side)


def _events_table(events: list[dict], console: Console) -> None:
    if not events:
        return
    table = Table("type", "mode", "source", "target", "date", "place", "evidence", "rule", title="events", title_justify="left")
    for e in events:
        flags = " ".join(f for f in ("negated" if e["negated"] else "", e["modality"] if e["modality"] != "asserted" else "") if f)
        evidence = e["sentence"][:160]
        table.add_row(f"{e['plover_type']} {flags}".strip(), e["mode"] or "", _actors(e["source"]), _actors(e["target"]),
                      f"{e['date_value'] or ''} ({e['date_source'] or ''})", e["place_name"] or "", evidence,
                      f"{e['rule']} {e['confidence']:.2f}")
    console.print(table)


def _quotes_table(quotes: list[dict], console: Console) -> None:
    if not quotes:
        return
    table = Table("speaker", "cue", "quote", "direct", title="quotes", title_justify="left")
    for q in quotes:
        table.add_row(q["speaker_name"] or q["speaker_text"] or "?", q["cue"] or "", q["text"][:160], "yes" if q["direct"] else "")
    console.print(table)
