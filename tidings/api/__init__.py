"""The HTTP service: JSON API under ``/api``, the dashboard at ``/``, OpenAPI docs at ``/docs``.

    app = create_app("tidings.duckdb")      # uvicorn: tidings serve --db tidings.duckdb

The store is opened read-only (through an in-memory overlay that may hold a
dyad rollup, see ``query.rollup``). Bad parameters get a 4xx with a message
that names the problem: 422 for malformed values (FastAPI's validation), 400
for meaningless ones (an unknown PLOVER type, an empty period), 404 for
unknown ids. Every response carries a strict Content-Security-Policy: the
dashboard loads nothing from other hosts and runs no inline script.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline  # the /docs page with its assets from the package, not a CDN
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..export import ExportError
from ..models import PIPELINE_VERSION
from ..query.filters import QueryError
from ..query.rollup import open_overlay

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(db_path: str | Path, *, rollup_over: int | None = 200_000) -> FastAPI:
    """The FastAPI app over one store (read-only); see the module doc."""
    con = open_overlay(db_path, build_over=rollup_over)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.con.close()

    app = FastAPIOffline(title="tidings", version=PIPELINE_VERSION, lifespan=lifespan,
                  description="News event data (PLOVER/CAMEO) with its evidence: events, actors, quotes, "
                              "dyad series, networks and exports. All endpoints are read-only.")
    app.state.con = con
    app.state.db_path = str(db_path)
    _errors(app)
    _headers(app)
    from . import routes
    from .. import web

    app.include_router(routes.router)
    web.register(app)
    return app


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api") or path.startswith("/static") or request.query_params.get("format") == "json")


def _errors(app: FastAPI) -> None:
    """Library errors about parameters become 400s; pages get an HTML error page, the API JSON."""
    from ..web import error_page

    def answer(request: Request, status: int, detail) -> object:
        if _wants_html(request):
            message = detail if isinstance(detail, str) else "; ".join(
                f"{'.'.join(str(x) for x in e.get('loc', [])[1:])}: {e.get('msg')}" for e in detail)
            return error_page(status, message)
        return JSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(QueryError)
    @app.exception_handler(ExportError)
    async def bad_parameter(request: Request, err: Exception):
        return answer(request, 400, str(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        return answer(request, 422, [{k: v for k, v in e.items() if k in ("loc", "msg", "type")}
                                     for e in err.errors()])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: HTTPException):
        return answer(request, err.status_code, err.detail)


def _headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


__all__ = ["create_app"]
