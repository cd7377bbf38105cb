"""Rules that count from the narrative or from another expression, not only from the anchor.

"the next morning", "the day after", "that year", "the 1988 quarter",
"year-earlier" take the last date the text mentioned (``Context.reference``);
"the week of March 6", "the day before last Tuesday" a date inside the match;
"two to three weeks" is one duration.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import Period, coarser, period_of, shift, shift_period
from .context import Context, Reading
from .lexicon import load_lexicon, month_number, number_value, weekday_number
from .rules import Rule, day_number, duration_value, unit_name


def day_offset(m: re.Match, ctx: Context) -> Reading | None:
    """"the day after", "the day before last Tuesday's hearing": one day from a named day or the narrative's."""
    if m["weekday"]:
        base = ctx.weekday(weekday_number(m["weekday"]), m.start(), m.end(), (m["rel"] or "").lower())
    elif m["month"]:
        base = ctx.month_day(month_number(m["month"]), day_number(m["day"]), m.start(), m.end())
    else:
        base = ctx.reference_day()
    if base is None:
        return None
    day = base + timedelta(days=-1 if m["dir"].lower() == "before" else 1)
    return Reading("DATE", day.isoformat(), Period("day", day), narrative=not (m["weekday"] or m["month"]))


def narrative_part(m: re.Match, ctx: Context) -> Reading:
    """"the next morning", "that night", "in the morning": a part of the narrative's day (or the day after or before it)."""
    part = load_lexicon().day_parts[m["part"].lower()]
    offset = {"next": 1, "following": 1, "previous": -1}.get((m.groupdict().get("rel") or "").lower(), 0)
    day = ctx.reference_day() + timedelta(days=offset)
    return Reading("TIME", f"{day.isoformat()}T{part}", Period("time", day, day_part=part), narrative=True)


def week_of(m: re.Match, ctx: Context) -> Reading | None:
    """"the week of March 6": the ISO week holding that day."""
    if m["year"]:
        day = date(int(m["year"]), month_number(m["month"]), day_number(m["day"]))
    else:
        day = ctx.month_day(month_number(m["month"]), day_number(m["day"]), m.start(), m.end())
    if day is None:
        return None
    period = period_of(day, "week")
    return Reading("DATE", period.value, period, absolute=bool(m["year"]))


def unit_range(m: re.Match, ctx: Context) -> Reading | None:
    """"two to three weeks": one duration, its lower bound (TimeBank keeps the range in one span)."""
    low, high = number_value(m["number"]), number_value(m["number2"])
    unit = unit_name(m["unit"])
    if low is None or high is None or low == "X" or high == "X" or unit not in load_lexicon().units:
        return None
    return Reading("DURATION", duration_value(low, unit), approximate=True)


def unit_that(m: re.Match, ctx: Context) -> Reading | None:
    """"that year", "that same day" (a day of a story dated only to the month: "1998-10-XX")."""
    reading = ctx.from_reference(m["unit"].lower(), 0)
    if reading is not None and reading.value.endswith("-XX") and "same" not in m.group(0).lower():
        return None  # "trades made that day" after a month: a generic day, not the story's
    return reading


def unit_offset(m: re.Match, ctx: Context) -> Reading | None:
    """"the year before", "the week after": one unit back or on from the narrative's last date (the pattern
    takes it only where nothing follows that it could count from instead, as in "the year before the war")."""
    offset = -1 if m["dir"].lower() in ("before", "earlier") else 1
    return ctx.from_reference(m["unit"].lower(), offset)


def year_earlier(m: re.Match, ctx: Context) -> Reading:
    """"year-earlier profit": the narrative's quarter a year back, else last year."""
    base = ctx.reference if ctx.use_narrative and ctx.reference is not None and ctx.reference.granularity == "quarter" else None
    period = shift_period(base or period_of(ctx.anchor_date, "year"), "year", -1)
    return Reading("DATE", period.value, period, narrative=True)


def year_period(m: re.Match, ctx: Context) -> Reading:
    """"the 1988 quarter": the narrative's quarter in that year; "the 1988 period": that year."""
    year_ = int(m["year"])
    noun = " ".join(m["noun"].lower().split())
    reference = ctx.reference if ctx.use_narrative else None
    if noun in ("quarter", "period") and reference is not None and reference.granularity == "quarter":
        period = Period("quarter", date(year_, reference.start.month, 1))
    elif noun in ("first half", "second half"):
        period = Period("half", date(year_, 1 if noun.startswith("first") else 7, 1))
    else:
        period = Period("year", date(year_, 1, 1))
    return Reading("DATE", period.value, period, narrative=True)


_LATER = re.compile(r"\s+(?:later|afterwards?|after\s+that|on)\b(?!\s+(?:the|a|an|his|her|its|their)\b)")
_DURATION = re.compile(r"^P(?P<amount>\d+)(?P<unit>[DWMY])$")
_DURATION_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def later_period(value: str, text: str, end: int, previous: Period) -> Period | None:
    """"three days later": TimeML marks "three days" a DURATION and leaves "later" outside;
    the period it points to is ``previous`` moved by the duration (no finer than ``previous``)."""
    duration = _DURATION.match(value)
    if not duration or not _LATER.match(text, end):
        return None
    unit = _DURATION_UNIT[duration["unit"]]
    moved = shift(previous.start, unit, int(duration["amount"]))
    return period_of(moved, coarser(unit, previous.granularity))


RULES: dict[str, Rule] = {
    "day_offset": day_offset, "narrative_part": narrative_part, "narrative_daytime": narrative_part, "week_of": week_of,
    "unit_range": unit_range, "unit_that": unit_that, "unit_offset": unit_offset, "year_earlier": year_earlier, "year_period": year_period,
}
