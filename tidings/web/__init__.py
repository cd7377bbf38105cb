"""The dashboard: server-rendered pages over the same dicts as the JSON API.

Every page answers ``?format=json`` with the dict its template rendered
(datasette's habit), so what a chart shows can always be fetched as data.
Templates autoescape everything; article text goes through ``highlight``,
which escapes each piece. Assets (CSS, a little JS, an icon) ship in
``static/``; nothing is loaded from another host.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlencode

import duckdb
from fastapi import APIRouter, Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import query
from ..api import views
from ..api.params import DateBound, Limit, Offset, Period, event_filter
from ..api.routes import cursor
from ..query.filters import PLOVER_TYPES, EventFilter
from .charts import network_svg, timeline_svg
from .highlight import highlight

HERE = Path(__file__).parent
router = APIRouter(include_in_schema=False)
Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
ActorPath = Annotated[str, PathParam(max_length=100)]


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(plover_types=PLOVER_TYPES, event_href=event_href, actor_href=actor_href,
                       dyad_href=dyad_href, fmt=fmt, side=side)
    return env



def event_href(event: dict) -> str:
    """Where an event's evidence is: its sentence in its article."""
    return f"/articles/{quote(str(event['article_id']), safe='')}#event-{quote(str(event['id']), safe='')}"


def actor_href(actor: str | None) -> str:
    return "/actors/" + quote(actor or "", safe="")


def dyad_href(a: str, b: str, **params) -> str:
    query_string = urlencode({k: v for k, v in params.items() if v not in (None, "", False)})
    return f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}" + (f"?{query_string}" if query_string else "")


def side(event: dict, which: str) -> str:
    """'Isaac Herzog (ISR)' for one side of an event."""
    name, country = event.get(f"{which}_name"), event.get(f"{which}_country")
    if name and country and name != country:
        return f"{name} ({country})"
    return name or country or "—"


def fmt(value, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


ENV = _environment()


def render(request: Request, template: str, context: dict, *, title: str) -> Response:
    """The page, or its JSON twin when asked with ``?format=json``."""
    if request.query_params.get("format") == "json":
        return JSONResponse(context)
    html = ENV.get_template(template).render(page=context, title=title, request=request,
                                             json_href=_json_href(request))
    return HTMLResponse(html)


def _json_href(request: Request) -> str:
    params = dict(request.query_params)
    params["format"] = "json"
    return f"{request.url.path}?{urlencode(params)}"


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, con: Con) -> Response:
    page = views.overview(con)
    if request.query_params.get("format") == "json":
        return JSONResponse(page)
    chart = timeline_svg(page["series"], "month")
    html = ENV.get_template("overview.html").render(page=page, chart=chart, title="Overview",
                                                    json_href=_json_href(request))
    return HTMLResponse(html)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, con: Con, a: ActorPath, b: ActorPath, by: Period = "month",
              directed: bool = False, since: DateBound = None, until: DateBound = None,
              period: Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
              historical: bool = False) -> Response:
    page = views.dyad(con, a, b, by=by, directed=directed, since=since or None, until=until or None,
                      period=period or None, historical=historical)
    if request.query_params.get("format") == "json":
        return JSONResponse(page)

    def link(p: str) -> str:
        return dyad_href(a, b, by=by, directed=directed, since=since, until=until, historical=historical,
                         period=p) + "#events"

    chart = timeline_svg(page["series"], by, link, selected=period)
    html = ENV.get_template("dyad.html").render(page=page, chart=chart, title=f"{a} – {b}",
                                                json_href=_json_href(request))
    return HTMLResponse(html)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(request: Request, con: Con, actor: ActorPath, by: Period = "month") -> Response:
    page = views.actor(con, actor, by)
    if request.query_params.get("format") == "json":
        return JSONResponse(page)
    chart = timeline_svg(page["series"], by)
    html = ENV.get_template("actor.html").render(page=page, chart=chart, title=actor, json_href=_json_href(request))
    return HTMLResponse(html)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, con: Con, q: Annotated[str | None, Query(max_length=100)] = None,
                limit: Limit = 100, offset: Offset = 0) -> Response:
    items = query.records(query.actors(con, q=q or None, limit=limit, offset=offset))
    page = {"q": q, "total": query.count_actors(con, q=q or None), "limit": limit, "offset": offset, "items": items}
    return render(request, "actors.html", page, title="Actors")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, con: Con, since: DateBound = None, until: DateBound = None,
                 min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    page = views.network(con, since=since or None, until=until or None, min_events=min_events)
    if request.query_params.get("format") == "json":
        return JSONResponse(page)
    chart = network_svg(page["nodes"], page["edges"], actor_href)
    html = ENV.get_template("network.html").render(page=page, chart=chart, title="Network",
                                                   json_href=_json_href(request))
    return HTMLResponse(html)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, con: Con, flt: Annotated[EventFilter, Depends(event_filter)],
                limit: Limit = 50, offset: Offset = 0) -> Response:
    page = views.events(con, flt, limit, offset)
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "format") and v}
    page["_next"] = (f"/events?{urlencode(params | {'offset': offset + limit})}"
                     if offset + limit < (page["total"] or 0) else None)
    page["_prev"] = f"/events?{urlencode(params | {'offset': max(0, offset - limit)})}" if offset else None
    if request.query_params.get("format") == "json":
        return JSONResponse({k: v for k, v in page.items() if not k.startswith("_")})
    html = ENV.get_template("events.html").render(page=page, title="Events", json_href=_json_href(request))
    return HTMLResponse(html)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, con: Con, q: Annotated[str | None, Query(max_length=200)] = None,
                  limit: Limit = 50, offset: Offset = 0) -> Response:
    items = query.records(query.articles(con, q=q or None, limit=limit, offset=offset))
    page = {"q": q, "total": query.count_articles(con, q=q or None), "limit": limit, "offset": offset,
            "items": items}
    return render(request, "articles.html", page, title="Articles")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, con: Con, article_id: Annotated[str, PathParam(max_length=64)]) -> Response:
    page = views.article(con, article_id)
    if request.query_params.get("format") == "json":
        return JSONResponse(page)
    body = highlight(page["text"], page["mentions"], page["events"], page["quotes"])
    html = ENV.get_template("article.html").render(page=page, body=body, title=page.get("title") or article_id,
                                                   json_href=_json_href(request))
    return HTMLResponse(html)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")


def error_page(status: int, message: str) -> HTMLResponse:
    html = ENV.get_template("error.html").render(status=status, message=message, title=f"Error {status}",
                                                 json_href=None)
    return HTMLResponse(html, status_code=status)


def register(app: FastAPI) -> None:
    """Mount the dashboard pages and their static assets on the API's app."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
