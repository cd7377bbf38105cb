"""Calendar periods and their TIMEX3 values: a day, week, month, quarter, season, year, decade...

A ``Period`` is a granularity plus the date it starts on, so relative
expressions ("a year earlier", "last month") become plain date arithmetic and
the value string is written only at the end, in TimeBank's conventions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

# coarse → fine order, used to keep the finer of two granularities
GRANULARITIES = ("century", "decade", "year", "half", "season", "quarter", "month", "week", "weekend", "day", "time")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period: its granularity, first day, and extras for seasons, parts of day and times."""

    granularity: str
    start: date
    season: str | None = None  # SP SU FA WI
    day_part: str | None = None  # MO AF EV NI
    clock: str | None = None  # "10:35", "17", "24"

    @property
    def value(self) -> str:
        """The TIMEX3 value of the period."""
        d, g = self.start, self.granularity
        if g == "century":
            return f"{d.year // 100:02d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "season":
            return f"{season_year(self):04d}-{self.season}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        day = d.isoformat()
        if g == "time":
            return f"{day}T{self.clock or self.day_part}"
        return day

    @property
    def event_granularity(self) -> str:
        """The granularity named on records: day|week|month|season|quarter|half|year|decade|century."""
        return {"time": "day", "weekend": "week"}.get(self.granularity, self.granularity)


def season_year(period: Period) -> int:
    """Winter starting in December belongs to the year of that December (TimeBank writes 1994-WI)."""
    return period.start.year


def finer(a: str, b: str) -> str:
    """The finer of two granularities."""
    return a if GRANULARITIES.index(a) >= GRANULARITIES.index(b) else b


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities ("time" counts as "day")."""
    a, b = ("day" if g == "time" else g for g in (a, b))
    return a if GRANULARITIES.index(a) <= GRANULARITIES.index(b) else b


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamped to the month's last day."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, 28)


def truncate(d: date, granularity: str) -> date:
    """The first day of the period of ``granularity`` that holds ``d``."""
    if granularity == "century":
        return date(max(1, d.year // 100 * 100), 1, 1)
    if granularity == "decade":
        return date(max(1, d.year // 10 * 10), 1, 1)
    if granularity == "year":
        return date(d.year, 1, 1)
    if granularity == "half":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if granularity == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if granularity == "month":
        return date(d.year, d.month, 1)
    if granularity in ("week", "weekend"):
        return d - timedelta(days=d.weekday())
    return d


def period_of(d: date, granularity: str) -> Period:
    """The period of ``granularity`` holding ``d``."""
    if granularity == "season":
        return season_of(d)
    return Period(granularity, truncate(d, granularity))


def season_of(d: date) -> Period:
    """The season holding ``d`` (meteorological: spring from March)."""
    if d.month == 12:
        return Period("season", date(d.year, 12, 1), season="WI")
    if d.month <= 2:
        return Period("season", date(d.year - 1, 12, 1), season="WI")
    code = {3: "SP", 6: "SU", 9: "FA"}[(d.month - 3) // 3 * 3 + 3]
    return Period("season", date(d.year, SEASON_START[code], 1), season=code)


UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
UNIT_DAYS = {"day": 1, "week": 7, "weekend": 7}


def shift(d: date, unit: str, amount: float) -> date:
    """``d`` moved by ``amount`` units (fractions of months-based units move by days)."""
    if unit in UNIT_DAYS:
        return d + timedelta(days=round(amount * UNIT_DAYS[unit]))
    if unit == "season":
        return add_months(d, round(amount * 3))
    months = amount * UNIT_MONTHS.get(unit, 12)
    whole = int(months)
    return add_months(d, whole) + timedelta(days=round((months - whole) * 30.44))


def shift_period(period: Period, unit: str, amount: float) -> Period:
    """The period ``amount`` units away, at the same granularity."""
    moved = shift(period.start, unit, amount)
    if period.granularity == "season":
        return Period("season", moved, season=period.season)
    if period.granularity == "time":
        return replace(period, start=moved)
    return Period(period.granularity, truncate(moved, period.granularity))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; n = -1 for the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday(rule: str, year: int) -> date:
    """A holiday's date in ``year``: "MM-DD" or the name of a movable feast."""
    if rule[:2].isdigit():
        return date(year, int(rule[:2]), int(rule[3:5]))
    movable = {
        "thanksgiving": lambda: nth_weekday(year, 11, 3, 4),
        "election_day": lambda: nth_weekday(year, 11, 0, 1) + timedelta(days=1),
        "easter": lambda: easter(year),
        "good_friday": lambda: easter(year) - timedelta(days=2),
        "memorial_day": lambda: nth_weekday(year, 5, 0, -1),
        "labor_day": lambda: nth_weekday(year, 9, 0, 1),
    }
    return movable[rule]()


_VALUE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|"
    r"Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)|W(?P<week>\d{1,2})(?P<weekend>-WE)?))?)(?:T.*)?$"
)


_UNKNOWN_TAIL = re.compile(r"(?:-XX)+$")


def parse_value(value: str) -> Period | None:
    """The period a TIMEX3 date value names ("2023-04", "1991", "2023-SP", "199"); None for others."""
    found = _VALUE.match(_UNKNOWN_TAIL.sub("", value or ""))  # "1998-10-XX": the month is known
    if not found:
        return None
    g = found.groupdict()
    try:
        if g["century"]:
            return Period("century", date(max(1, int(g["century"]) * 100), 1, 1))
        if g["decade"]:
            return Period("decade", date(max(1, int(g["decade"]) * 10), 1, 1))
        year = int(g["year"])
        if g["day"]:
            day = date(year, int(g["month"]), int(g["day"]))
            return Period("time", day, clock=value.split("T", 1)[1]) if "T" in value else Period("day", day)
        if g["month"]:
            return Period("month", date(year, int(g["month"]), 1))
        if g["quarter"]:
            return Period("quarter", date(year, 3 * int(g["quarter"]) - 2, 1))
        if g["half"]:
            return Period("half", date(year, 1 if g["half"] == "1" else 7, 1))
        if g["season"]:
            return Period("season", date(year, SEASON_START[g["season"]], 1), season=g["season"])
        if g["week"]:
            return Period("weekend" if g["weekend"] else "week", date.fromisocalendar(year, int(g["week"]), 1))
        return Period("year", date(year, 1, 1))
    except ValueError:
        return None


def period_end(period: Period) -> date:
    """The last day of a period."""
    g = period.granularity
    if g in ("day", "time"):
        return period.start
    if g in ("week", "weekend"):
        return period.start + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}[g]
    return add_months(period.start.replace(day=1), months) - timedelta(days=1)
