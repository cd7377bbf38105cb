"""Event filters → a SQL ``WHERE`` clause with bound parameters.

Every value a user gives (actor, dates, text) travels as a ``?`` parameter;
only column names chosen here, never user input, are written into the SQL.
The same filter object serves the CLI, the Python API, the HTTP API, the
dashboard and the exports, so a chart and the event list behind it always
agree on which events they count.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..errors import TidingsError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
PERIODS = ("day", "week", "month", "year")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_CODE = re.compile(r"^[A-Z]{3}$")


DEFAULT_WITHIN_KM, MAX_WITHIN_KM = 50.0, 5000.0
_POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


class QueryError(TidingsError, ValueError):
    """A filter or query parameter is invalid (a bad date, an unknown event type...)."""

    stage = "query"


def parse_near(value: str | tuple[float, float] | None) -> tuple[float, float] | None:
    """ "Kharkiv" (resolved with the offline gazetteer) or "49.99,36.23" → (lat, lon)."""
    if value is None or value == "":
        return None
    if isinstance(value, tuple):
        return value
    if match := _POINT.match(value):
        lat, lon = float(match[1]), float(match[2])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise QueryError(f"not a point: {value!r} (latitude, longitude)")
        return lat, lon
    from ..geo import resolve_toponym

    place = resolve_toponym(value)
    if place is None:
        raise QueryError(f"unknown place: {value!r} (give a place name or 'lat,lon')")
    return place.lat, place.lon


def parse_within(value: float | str | None) -> float:
    if value is None or value == "":
        return DEFAULT_WITHIN_KM
    try:
        km = float(value)
    except ValueError:
        raise QueryError(f"not a distance in km: {value!r}") from None
    if not 0 < km <= MAX_WITHIN_KM:
        raise QueryError(f"distance must be between 0 and {MAX_WITHIN_KM:.0f} km")
    return km


def near_condition(lat: float, lon: float, km: float, prefix: str = "") -> tuple[str, list]:
    """Events placed within ``km`` of a point: a latitude band first (cheap), then the
    great-circle distance."""
    band = km / 111.0
    sql = (f"{prefix}lat BETWEEN ? AND ? AND 2 * 6371 * asin(sqrt(pow(sin(radians({prefix}lat - ?) / 2), 2) + "
           f"cos(radians(?)) * cos(radians({prefix}lat)) * pow(sin(radians({prefix}lon - ?) / 2), 2))) <= ?")
    return sql, [lat - band, lat + band, lat, lat, lon, km]


def period_conditions(column: str, low: date | None, high: date | None) -> tuple[list[str], list]:
    """SQL conditions keeping ``column`` in ``[low, high)`` (bounds as ``parse_bound`` gives them)."""
    conditions, params = [], []
    if low:
        conditions.append(f"{column} >= ?")
        params.append(low)
    if high:
        conditions.append(f"{column} < ?")
        params.append(high)
    return conditions, params


def parse_bound(value: str | None, *, upper: bool = False) -> date | None:
    """A since/until value (``2023``, ``2023-05`` or ``2023-05-30``) as a date.

    For ``upper`` bounds the result is the first day *after* the period, so
    ``until=2023-05`` keeps every event of May (the bound is exclusive in SQL).
    """
    if value is None or value == "":
        return None
    match = _DATE.match(value.strip())
    if not match:
        raise QueryError(f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        start = date(year, month, day)
    except ValueError as err:
        raise QueryError(f"bad date {value!r}: {err}") from None
    if not upper:
        return start
    if match[3]:
        return start + timedelta(days=1)
    if match[2]:
        return start + timedelta(days=calendar.monthrange(year, month)[1])
    return date(year + 1, 1, 1)


def parse_dyad(value: str | tuple[str, str] | list[str] | None) -> tuple[str, str] | None:
    """``"ISR,AZE"`` (or a pair) → ``("ISR", "AZE")``."""
    if value is None or value == "":
        return None
    parts = [p.strip() for p in (value.split(",") if isinstance(value, str) else value)]
    if len(parts) != 2 or not all(parts):
        raise QueryError(f"bad dyad {value!r}: give two actors, e.g. ISR,AZE")
    return parts[0], parts[1]


def parse_types(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """``"ACCUSE,consult"`` → ``("ACCUSE", "CONSULT")``; unknown PLOVER types are an error."""
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else [v for item in value for v in item.split(",")]
    types = tuple(t.strip().upper() for t in items if t.strip())
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise QueryError(f"unknown PLOVER type(s) {', '.join(unknown)}; known: {', '.join(PLOVER_TYPES)}")
    return types


def like_pattern(text: str) -> str:
    """A substring pattern for ``ILIKE ... ESCAPE '\\'`` with the user's % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def side_condition(side: str, actor: str, prefix: str = "") -> tuple[str, list]:
    """SQL matching one side (``source`` or ``target``) of an event against an actor.

    A three-letter upper-case value is a country / PLOVER code (``ISR``, ``IGO``);
    anything else is matched as part of the actor's name (``Herzog``). Compound
    sides (several actors) are matched on every member, not only the first.
    """
    assert side in ("source", "target") and prefix in ("", "e.")
    side = prefix + side
    if _CODE.match(actor):
        sql = (f"({side}_country = ? OR (json_array_length({side}) > 1 AND "
               f"list_contains(CAST(json_extract_string({side}, '$[*].country') AS VARCHAR[]), ?)))")
        return sql, [actor, actor]
    pattern = like_pattern(actor)
    sql = (f"({side}_name ILIKE ? ESCAPE '\\' OR (json_array_length({side}) > 1 AND "
           f"CAST({side} AS VARCHAR) ILIKE ? ESCAPE '\\'))")
    return sql, [pattern, pattern]


def dyad_condition(a: str, b: str, directed: bool, prefix: str = "") -> tuple[str, list]:
    """Events from ``a`` to ``b`` (directed) or between them either way."""
    src_a, p1 = side_condition("source", a, prefix)
    tgt_b, p2 = side_condition("target", b, prefix)
    if directed:
        return f"({src_a} AND {tgt_b})", p1 + p2
    src_b, p3 = side_condition("source", b, prefix)
    tgt_a, p4 = side_condition("target", a, prefix)
    return f"(({src_a} AND {tgt_b}) OR ({src_b} AND {tgt_a}))", p1 + p2 + p3 + p4


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query, chart or export covers. Empty fields filter nothing."""

    actor: str | None = None  # on either side
    dyad: tuple[str, str] | None = None
    directed: bool = False  # dyad: only first → second
    types: tuple[str, ...] = ()  # PLOVER types
    since: str | None = None  # YYYY[-MM[-DD]], inclusive (on the event's own date)
    until: str | None = None  # YYYY[-MM[-DD]], inclusive of the whole period named
    country: str | None = None  # where the event happened (ISO alpha-3)
    near: tuple[float, float] | None = None  # (lat, lon): events placed within ``within_km`` of it
    within_km: float = DEFAULT_WITHIN_KM
    text: str | None = None  # substring of the evidence sentence
    article: str | None = None  # article id
    quads: tuple[int, ...] = ()  # PLOVER quad classes 1-4
    factual: bool = False  # only asserted, non-negated events (what charts count)
    include_historical: bool = True  # False: leave out events the article recalls from the past

    @classmethod
    def build(cls, *, actor=None, dyad=None, directed=False, types=None, since=None, until=None,
              country=None, near=None, within_km=None, text=None, article=None, quads=None, factual=False,
              include_historical=True) -> "EventFilter":
        """Validate raw user values (strings from a CLI or a query string) into a filter."""
        quad_values = tuple(int(q) for q in (quads or ()))
        if any(q not in (1, 2, 3, 4) for q in quad_values):
            raise QueryError("quad classes are 1 (verbal coop), 2 (material coop), 3 (verbal conflict), 4 (material conflict)")
        made = cls(actor=actor or None, dyad=parse_dyad(dyad), directed=bool(directed), types=parse_types(types),
                   since=since or None, until=until or None, country=(country or "").upper() or None,
                   near=parse_near(near), within_km=parse_within(within_km), text=text or None, article=article or None, quads=quad_values, factual=bool(factual),
                   include_historical=bool(include_historical))
        made.bounds()  # validates the dates early
        return made

    def bounds(self) -> tuple[date | None, date | None]:
        low, high = parse_bound(self.since), parse_bound(self.until, upper=True)
        if low and high and high <= low:
            raise QueryError(f"empty period: since {self.since} is after until {self.until}")
        return low, high

    def with_(self, **changes) -> "EventFilter":
        return replace(self, **changes)

    def where(self, alias: str = "") -> tuple[str, list]:
        """The ``WHERE`` clause body (``TRUE`` when nothing is filtered) and its parameters.

        ``alias`` ("e") qualifies the event columns when the query joins other tables.
        """
        p = f"{alias}." if alias else ""
        clauses: list[str] = []
        params: list = []

        def add(sql: str, values: list) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.actor:
            src, p1 = side_condition("source", self.actor, p)
            tgt, p2 = side_condition("target", self.actor, p)
            add(f"({src} OR {tgt})", p1 + p2)
        if self.dyad:
            add(*dyad_condition(*self.dyad, self.directed, p))
        if self.types:
            add(f"{p}plover_type IN (SELECT unnest(?::VARCHAR[]))", [list(self.types)])
        if self.quads:
            add(f"{p}quad_class IN (SELECT unnest(?::INTEGER[]))", [list(self.quads)])
        period, values = period_conditions(f"{p}date", *self.bounds())
        clauses += period
        params += values
        if self.country:
            add(f"{p}place_country = ?", [self.country])
        if self.near:
            add(*near_condition(*self.near, self.within_km, p))
        if self.text:
            add(f"{p}sentence ILIKE ? ESCAPE '\\'", [like_pattern(self.text)])
        if self.article:
            add(f"{p}article_id = ?", [self.article])
        if self.factual:
            add(f"NOT coalesce({p}negated, FALSE) AND coalesce({p}modality, 'asserted') = 'asserted'", [])
        if not self.include_historical:
            add(f"NOT coalesce({p}historical, FALSE)", [])
        return " AND ".join(clauses) or "TRUE", params
