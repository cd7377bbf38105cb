"""The JSON endpoints under ``/api``: articles, events, quotes, actors, dyads, networks, downloads.

Each handler gets a fresh cursor on the app's read-only database and returns
plain dicts built by ``tidings.query``; the dashboard pages reuse the same
builders (``views.py``), so a page and its JSON twin never disagree.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from .. import query
from ..export import FORMATS, MEDIA_TYPES, export, file_type
from ..query.filters import EventFilter
from . import views
from .params import CODE_PATTERN, DateBound, Limit, Offset, Period, Text, event_filter, page

router = APIRouter(prefix="/api", tags=["api"])
ActorPath = Annotated[str, PathParam(max_length=100, description="country code (ISR) or actor name")]
Filter = Annotated[EventFilter, Depends(event_filter)]


def cursor(request: Request):
    """One cursor per request on the shared read-only database (DuckDB cursors are thread-safe)."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


@router.get("", summary="What this API offers")
def api_index(request: Request) -> dict:
    base = str(request.base_url).rstrip("/")
    names = ("stats", "articles", "events", "quotes", "actors", "dyads", "network", "export")
    return {"endpoints": {n: f"{base}/api/{n}" for n in names}, "docs": f"{base}/docs",
            "openapi": f"{base}/openapi.json"}


@router.get("/stats", summary="Corpus size, coverage and the most active dyads")
def stats(con: Con) -> dict:
    return views.overview(con)


@router.get("/articles", summary="Articles, newest first")
def list_articles(con: Con, q: Text = None, since: DateBound = None, until: DateBound = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict:
    items = query.records(query.articles(con, q=q, since=since, until=until, limit=limit, offset=offset))
    return page(items, query.count_articles(con, q=q, since=since, until=until), limit, offset)


@router.get("/articles/{article_id}", summary="One article with its mentions, events, quotes and places")
def get_article(con: Con, article_id: Annotated[str, PathParam(max_length=64)]) -> dict:
    return views.article(con, article_id)


@router.get("/events", summary="Events matching the filters")
def list_events(con: Con, flt: Filter, limit: Limit = 50, offset: Offset = 0,
                order: Annotated[str, Query(pattern=r"^(date|oldest|top|article)$")] = "date") -> dict:
    return views.events(con, flt, limit, offset, order)


@router.get("/events/{event_id}", summary="One event with its evidence")
def get_event(con: Con, event_id: Annotated[str, PathParam(max_length=64)]) -> dict:
    found = query.event(con, event_id)
    if not found:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/quotes", summary="Quotes, optionally by speaker")
def list_quotes(con: Con, speaker: Text = None, article: Text = None, text: Text = None,
                since: DateBound = None, until: DateBound = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    filters = dict(speaker=speaker, article=article, text=text, since=since, until=until)
    items = query.records(query.quotes(con, **filters, limit=limit, offset=offset))
    return page(items, query.count_quotes(con, **filters), limit, offset)


@router.get("/actors", summary="Actors mentioned in the articles, most mentioned first")
def list_actors(con: Con, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    items = query.records(query.actors(con, q=q, limit=limit, offset=offset))
    return page(items, query.count_actors(con, q=q), limit, offset)


@router.get("/actors/{actor}", summary="An actor: roles over time, events by month, partners, quotes, top events")
def get_actor(con: Con, actor: ActorPath, by: Period = "month") -> dict:
    return views.actor(con, actor, by)


@router.get("/actors/{name}/partners", summary="Who an actor deals with, ranked")
def get_partners(con: Con, name: ActorPath, since: DateBound = None, until: DateBound = None,
                 type: Annotated[list[str] | None, Query()] = None, factual: bool = True,
                 limit: Limit = 20) -> dict:
    flt = EventFilter.build(since=since, until=until, types=type, factual=factual)
    return {"actor": name, "items": query.records(query.partners(con, name, flt, limit=limit))}


@router.get("/dyads", summary="The most active country pairs")
def list_dyads(con: Con, flt: Filter, limit: Limit = 20) -> dict:
    return {"items": query.records(query.active_dyads(con, flt, limit=limit))}


@router.get("/dyads/{a}/{b}/series", summary="A dyad's cooperation/conflict series")
def dyad_series(con: Con, a: ActorPath, b: ActorPath, by: Period = "month", directed: bool = False,
                since: DateBound = None, until: DateBound = None,
                type: Annotated[list[str] | None, Query()] = None, factual: bool = True,
                historical: bool = False) -> dict:
    return views.dyad_series(con, a, b, by=by, directed=directed, since=since, until=until, types=type,
                             factual=factual, historical=historical)


@router.get("/network", summary="Countries as nodes, directed weighted edges, for a period")
def get_network(con: Con, since: DateBound = None, until: DateBound = None,
                type: Annotated[list[str] | None, Query()] = None, factual: bool = True,
                min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                max_edges: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict:
    return views.network(con, since=since, until=until, types=type, factual=factual, min_events=min_events,
                         max_edges=max_edges)


@router.get("/export", summary="Download the filtered events as jsonl, csv, parquet, polecat or cameo",
            response_class=FileResponse)
def download(con: Con, flt: Filter,
             format: Annotated[str, Query(pattern="^(" + "|".join(FORMATS) + ")$")] = "csv",
             file: Annotated[str, Query(pattern=r"^(tsv|csv|parquet)$",
                                        description="polecat/cameo file type")] = "tsv") -> FileResponse:
    suffix = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet"}.get(format, file)
    folder = Path(tempfile.mkdtemp(prefix="tidings-export-"))
    out = folder / f"tidings-{format}.{suffix}"
    export(con, format, out, flt)
    kind = file_type(format, out)
    return FileResponse(out, media_type=MEDIA_TYPES[kind], filename=out.name,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


__all__ = ["router", "CODE_PATTERN"]
