"""Commands that read the store: events, quotes, dyad, partners, network, export, serve, rollup.

Thin wrappers: each builds an ``EventFilter`` from its options, calls a
``tidings.query`` / ``tidings.export`` function that returns data, and prints
it (a rich table, CSV, JSON lines) or writes a file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from .. import query
from ..query.filters import EventFilter
from ..settings import load_settings

console = Console()

Db = Annotated[Optional[str], typer.Option("--db", help="the store (default: settings / TIDINGS_DB)")]
Actor = Annotated[Optional[str], typer.Option("--actor", help="country code (ISR) or part of a name, either side")]
Dyad = Annotated[Optional[str], typer.Option("--dyad", help="two actors, e.g. ISR,IRN")]
Directed = Annotated[bool, typer.Option("--directed", help="only first → second")]
Types = Annotated[Optional[list[str]], typer.Option("--type", help="PLOVER type (repeat or comma-separate)")]
Since = Annotated[Optional[str], typer.Option("--since", help="YYYY, YYYY-MM or YYYY-MM-DD (event date)")]
Until = Annotated[Optional[str], typer.Option("--until", help="inclusive: 2023-05 keeps all of May")]
Country = Annotated[Optional[str], typer.Option("--country", help="where the event happened (ISO alpha-3)")]
Near = Annotated[Optional[str], typer.Option("--near", help="events placed near a place ('Kharkiv') or point ('49.99,36.23')")]
Within = Annotated[Optional[float], typer.Option("--within", help="km around --near (default 50)")]
Text = Annotated[Optional[str], typer.Option("--text", help="words in the evidence sentence")]
ArticleId = Annotated[Optional[str], typer.Option("--article", help="one article's id")]
Factual = Annotated[bool, typer.Option("--factual", help="only asserted, non-negated events")]
Format = Annotated[str, typer.Option("--format", "-f", help="table | csv | jsonl | parquet")]
Out = Annotated[Optional[Path], typer.Option("--out", "-o", help="write to this file instead of the terminal")]
Limit = Annotated[Optional[int], typer.Option("--limit", help="at most this many rows")]
Plot = Annotated[Optional[Path], typer.Option("--plot", help="draw the chart to FILE.png or FILE.svg")]


def _db(db: str | None) -> str:
    return db or load_settings().db


def _filter(actor=None, dyad=None, directed=False, types=None, since=None, until=None, country=None, text=None,
            article=None, factual=False, near=None, within=None) -> EventFilter:
    return EventFilter.build(actor=actor, dyad=dyad, directed=directed, types=types, since=since, until=until,
                             country=country, near=near, within_km=within, text=text, article=article,
                             factual=factual)


_PROSE = {"evidence", "sentence", "quote", "text", "title"}
_CODES = {"date", "type", "quad", "period", "published"}


def emit(df: pd.DataFrame, fmt: str, out: Path | None, *, title: str = "", columns: list[str] | None = None) -> None:
    """Print or write a result in the asked format."""
    if fmt == "table":
        shown = df[columns] if columns else df
        table = Table(title=title or None, show_lines=False)
        for column in shown.columns:
            if str(column) in _PROSE:  # the evidence takes the width left over, folded
                table.add_column(str(column), overflow="fold", ratio=1, min_width=24)
            else:
                table.add_column(str(column), no_wrap=str(column) in _CODES, overflow="fold")
        for row in query.records(shown):
            table.add_row(*("" if v is None else str(v) for v in row.values()))
        console.print(table)
        if out:
            raise typer.BadParameter("--out needs --format csv, jsonl or parquet")
        return
    if fmt == "parquet":
        if not out:
            raise typer.BadParameter("--format parquet needs --out FILE")
        df.to_parquet(out, index=False)
    elif fmt == "csv":
        flat = df.copy()
        for column in flat.columns:
            if flat[column].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any():
                flat[column] = flat[column].map(lambda v: ";".join(map(str, v)) if v is not None else None)
        flat.to_csv(out or sys.stdout, index=False)
    elif fmt == "jsonl":
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in query.records(df))
        if out:
            out.write_text(lines, encoding="utf-8")
        else:
            sys.stdout.write(lines)
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}: use table, csv, jsonl or parquet")
    if out:
        console.print(f"wrote {len(df)} rows to {out}", style="green")


def event_table(df: pd.DataFrame) -> pd.DataFrame:
    """A narrow view of events for the terminal: who did what to whom, when, and the evidence."""
    def who(row, side):
        name, country = row[f"{side}_name"], row[f"{side}_country"]
        return f"{name} ({country})" if isinstance(name, str) and isinstance(country, str) and name != country \
            else (name if isinstance(name, str) else country)

    return pd.DataFrame({
        "date": df["date"], "type": df["plover_type"] + df["mode"].map(lambda m: f"/{m}" if isinstance(m, str) else ""),
        "source": df.apply(who, axis=1, side="source") if len(df) else [],
        "target": df.apply(who, axis=1, side="target") if len(df) else [],
        "quad": df["quad_class"], "evidence": df["sentence"].str.slice(0, 120), "id": df["id"]})


def events_cmd(actor: Actor = None, dyad: Dyad = None, directed: Directed = False, type: Types = None,
               since: Since = None, until: Until = None, country: Country = None, near: Near = None,
               within: Within = None, text: Text = None, article: ArticleId = None, factual: Factual = False,
               format: Format = "table", out: Out = None, limit: Limit = None, db: Db = None) -> None:
    """Events matching the filters, newest first, each with its evidence sentence."""
    flt = _filter(actor, dyad, directed, type, since, until, country, text, article, factual, near, within)
    con = query.open_store(_db(db))
    limit = limit if limit is not None else (50 if format == "table" else None)
    df = query.events(con, flt, limit=limit)
    total = query.count_events(con, flt)
    emit(event_table(df) if format == "table" else df, format, out, title=f"{len(df)} of {total} events")


def quotes_cmd(speaker: Annotated[Optional[str], typer.Option("--speaker", help="part of a name, or a country code")] = None,
               article: ArticleId = None, text: Text = None, since: Since = None, until: Until = None,
               format: Format = "table", out: Out = None, limit: Limit = None, db: Db = None) -> None:
    """Quotes with their speakers, optionally of one speaker."""
    con = query.open_store(_db(db))
    limit = limit if limit is not None else (50 if format == "table" else None)
    df = query.quotes(con, speaker=speaker, article=article, text=text, since=since, until=until, limit=limit)
    emit(df, format, out, title=f"{len(df)} quotes",
         columns=["published", "speaker_name", "speaker_text", "cue", "direct", "text", "article_id"])


def dyad_cmd(a: Annotated[str, typer.Argument(help="first actor, e.g. ISR")],
             b: Annotated[str, typer.Argument(help="second actor, e.g. AZE")],
             by: Annotated[str, typer.Option("--by", help="day | week | month | year")] = "month",
             directed: Directed = False, since: Since = None, until: Until = None, type: Types = None,
             historical: Annotated[bool, typer.Option("--historical", help="include recalled past events")] = False,
             format: Format = "table", out: Out = None, plot: Plot = None, db: Db = None) -> None:
    """How a relation moves over time: cooperation vs conflict, intensity, per period."""
    con = query.open_store(_db(db))
    df = query.dyad_series(con, a, b, by=by, directed=directed, since=since, until=until, types=type,
                           include_historical=historical)
    shown = df[df["events"] > 0] if format == "table" and len(df) > 60 else df
    if format == "table":
        shown = shown.assign(period=shown["period"].dt.strftime({"year": "%Y", "month": "%Y-%m"}.get(by, "%Y-%m-%d")))
        shown = shown[["period", "events", "cooperation", "conflict", "mean_intensity", "sum_intensity", "forward",
                       "backward"]].rename(columns={"mean_intensity": "mean int.", "sum_intensity": "sum int.",
                                                    "forward": f"{a}→{b}", "backward": f"{b}→{a}"})
    emit(shown, format, out, title=f"{a} {'→' if directed else '–'} {b} by {by} (asserted events)")
    if plot:
        from .plots import plot_series

        plot_series(df, plot, title=f"{a} {'→' if directed else '–'} {b}", by=by)
        console.print(f"chart written to {plot}", style="green")


def partners_cmd(actor: Annotated[str, typer.Argument(help="country code or name")], since: Since = None,
                 until: Until = None, type: Types = None, limit: Annotated[int, typer.Option("--limit")] = 20,
                 format: Format = "table", out: Out = None, db: Db = None) -> None:
    """An actor's partners, most events first, with their cooperation/conflict mix."""
    con = query.open_store(_db(db))
    flt = _filter(types=type, since=since, until=until, factual=True)
    emit(query.partners(con, actor, flt, limit=limit), format, out, title=f"partners of {actor}")


def network_cmd(since: Since = None, until: Until = None, type: Types = None,
                min_events: Annotated[int, typer.Option("--min-events")] = 1,
                format: Format = "table", out: Out = None, plot: Plot = None, db: Db = None) -> None:
    """The relations network of a period: directed, weighted edges between countries."""
    con = query.open_store(_db(db))
    net = query.network(con, _filter(types=type, since=since, until=until, factual=True), min_events=min_events)
    emit(net.edges, format, out, title=f"{len(net.nodes)} countries, {len(net.edges)} relations",
         columns=["source", "target", "events", "cooperation", "conflict", "mean_intensity"]
         if format == "table" else None)
    if plot:
        from .plots import plot_network

        plot_network(net, plot)
        console.print(f"chart written to {plot}", style="green")


def export_cmd(format: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet | polecat | cameo")],
               out: Annotated[Path, typer.Option("--out", "-o", help="output file (folder with --partition)")],
               partition: Annotated[bool, typer.Option("--partition", help="hive-partitioned Parquet by year/month")] = False,
               actor: Actor = None, dyad: Dyad = None, directed: Directed = False, type: Types = None,
               since: Since = None, until: Until = None, country: Country = None, near: Near = None,
               within: Within = None, text: Text = None, article: ArticleId = None, factual: Factual = False,
               db: Db = None) -> None:
    """Export events for other tools: POLECAT columns, GDELT/CAMEO columns, or tidings' own."""
    from ..export import export

    flt = _filter(actor, dyad, directed, type, since, until, country, text, article, factual, near, within)
    result = export(query.open_store(_db(db)), format, out, flt, partition=partition)
    console.print(f"wrote {result.rows} events as {result.format} ({result.file_type}) to {result.path}", style="green")


def serve_cmd(host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
              port: Annotated[int, typer.Option("--port")] = 8000, db: Db = None) -> None:
    """Serve the JSON API, its OpenAPI docs (/docs) and the dashboard (/), read-only."""
    import uvicorn

    from ..api import create_app

    app = create_app(_db(db))
    console.print(f"tidings on http://{host}:{port}/  (API: /api, docs: /docs)", style="green")
    uvicorn.run(app, host=host, port=port, log_level="info")


def rollup_cmd(db: Db = None) -> None:
    """(Re)build the dyad rollup inside the store so dyad charts stay fast on large stores."""
    from ..store import connect

    con = connect(_db(db))
    rows = query.build_rollup(con)
    con.close()
    console.print(f"dyad rollup rebuilt: {rows} pair-days", style="green")


EXAMPLES = {
    "events": ["tidings events --dyad ISR,IRN --type ACCUSE --since 2023-01",
               "tidings events --actor ISR --format csv --out isr.csv",
               "tidings events --near Baku --within 100 --since 2023"],
    "quotes": ["tidings quotes --speaker Herzog", "tidings quotes --speaker AZE --format jsonl"],
    "dyad": ["tidings dyad ISR AZE --by month", "tidings dyad ISR IRN --by year --directed --plot isr-irn.png"],
    "partners": ["tidings partners ISR --since 2023"],
    "network": ["tidings network --since 2023-01 --until 2023-12 --plot network.svg"],
    "export": ["tidings export --format polecat --out events.csv",
               "tidings export --format cameo --out gdelt.csv --since 2023",
               "tidings export --format parquet --partition --out events/"],
    "serve": ["tidings serve   # then open http://127.0.0.1:8000", "tidings serve --db corpus.duckdb --port 9000"],
    "rollup": ["tidings rollup --db corpus.duckdb"],
}
COMMANDS = {"events": events_cmd, "quotes": quotes_cmd, "dyad": dyad_cmd, "partners": partners_cmd,
            "network": network_cmd, "export": export_cmd, "serve": serve_cmd, "rollup": rollup_cmd}


def register(app: typer.Typer) -> None:
    for name, command in COMMANDS.items():
        summary = (command.__doc__ or "").strip()
        examples = "\n\n".join(f"  {line}" for line in EXAMPLES[name])
        app.command(name, short_help=summary.split("\n")[0], help=f"{summary}\n\nExamples:\n\n{examples}")(command)
