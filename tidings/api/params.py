"""Query-string parameters shared by the JSON API and the dashboard, validated at the edge.

FastAPI checks shapes (lengths, patterns, ranges) and answers 422 with the
field at fault; ``EventFilter.build`` checks meaning (known PLOVER types, an
ordered period) and its ``QueryError`` becomes a 400.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from ..query.filters import EventFilter

MAX_LIMIT = 1000
# Empty values are allowed (an HTML form sends its empty fields) and mean "no filter".
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
CODE_PATTERN = r"^([A-Za-z]{3})?$"

Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"rows per page (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="rows to skip")]
DateBound = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Period = Annotated[str, Query(pattern=r"^(day|week|month|year)$", description="day, week, month or year")]
Text = Annotated[str | None, Query(max_length=200)]


def event_filter(
    actor: Annotated[str | None, Query(max_length=100, description="country code (ISR) or part of a name")] = None,
    dyad: Annotated[str | None, Query(max_length=201, pattern=r"^([^,]+,[^,]+)?$",
                                      description="two actors: ISR,AZE")] = None,
    directed: Annotated[bool, Query(description="dyad: only first → second")] = False,
    type: Annotated[list[str] | None, Query(description="PLOVER type(s): ACCUSE or ACCUSE,CONSULT")] = None,
    since: DateBound = None,
    until: DateBound = None,
    country: Annotated[str | None, Query(pattern=CODE_PATTERN, description="where it happened (ISO alpha-3)")] = None,
    near: Annotated[str | None, Query(max_length=100, description="placed near a place (Kharkiv) or point (49.99,36.23)")] = None,
    within: Annotated[float | None, Query(gt=0, le=5000, description="km around near (default 50)")] = None,
    text: Text = None,
    article: Annotated[str | None, Query(max_length=64, pattern=r"^[\w-]*$")] = None,
    quad: Annotated[list[int] | None, Query(description="PLOVER quad class 1-4")] = None,
    factual: Annotated[bool, Query(description="only asserted, non-negated events")] = False,
    historical: Annotated[bool, Query(description="include events the article recalls from the past")] = True,
) -> EventFilter:
    """The event filter from the query string (raises QueryError → 400 on meaningless values)."""
    return EventFilter.build(actor=actor, dyad=dyad, directed=directed, types=type, since=since, until=until,
                             country=country, near=near, within_km=within, text=text, article=article, quads=quad,
                             factual=factual, include_historical=historical)


def page(items: list, total: int | None, limit: int, offset: int, **extra) -> dict:
    """The envelope of every paged answer."""
    return {"total": total, "limit": limit, "offset": offset, "count": len(items), **extra, "items": items}
