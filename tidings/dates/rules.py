"""Normalisation rules: from one grammar match to a TIMEX3 type and value.

Each rule takes the regex match and the ``Context`` (anchor date, narrative
reference, tense cues) and returns a ``Reading`` or None to reject the match.
Values follow TimeBank's conventions: "last month" → 2023-04, "the 1990s" →
199, "two weeks" → P2W, "every week" → SET P1W, "now" → PRESENT_REF.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .calendar import Period, coarser, holiday, period_of, shift, shift_period, truncate
from .context import Context, Reading
from .lexicon import load_lexicon, month_number, number_value, weekday_number

Rule = Callable[[re.Match, Context], "Reading | None"]
UNIT_GRANULARITY = {"day": "day", "night": "day", "week": "week", "weekend": "weekend", "fortnight": "day",
                    "month": "month", "quarter": "quarter", "year": "year", "decade": "year", "century": "year",
                    "millennium": "year", "hour": "day", "minute": "day", "second": "day"}
SHIFT_UNIT = {"decade": "decade", "century": "century", "millennium": "century", "fortnight": "week", "night": "day"}
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
MAY_CONTEXT = re.compile(r"(?i:\b(?:in|since|until|till|by|through|during|from|to|of|last|next|this|early|late|mid|"
                         r"before|after|between|and|or|end|beginning|middle|start)[\s-]+)$")
SEASON_CONTEXT = re.compile(r"(?i:\b(?:in|during|by|until|till|since|through|over|for|before|after|this|last|next)\s+)$")
FUTURE_ADJECTIVE = re.compile(r"\s+(?!of\b|is\b|was\b|will\b|looks\b|holds\b|remains\b)[a-z]")
DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|'s)\s+$")
YEAR_FOLLOWER = re.compile(r"\s*(?:-|to)\s*(\d+)")
COUNT_RATE = re.compile(r"(?i:(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|once|several|many))"
                        r"(?:\s+[a-z]+)?\s+[a-z]+s\s+)$")
PERSON_AFTER = re.compile(r"\s+(?:son|daughter|boy|girl|baby|child|infant|man|woman|brother|sister|"
                          r"grandson|granddaughter)\b")
COPULA = re.compile(r"(?i:\b(?:are|is|was|were|be|been|am|'re|'s|turns|turned)\s+)$")
CLOCK_PREPOSITION = re.compile(r"(?i:\b(?:at|from|until|till|by|before|after|around|about|since|to|between)\s+)$")
RATE_CONTEXT = re.compile(r"(?i:(?:\d|%|\bmillion|\bbillion|\bthousand|\bhundred|\btimes|\bonce|\btwice|\bdollars|\bcents|"
                          r"\bpounds|\beuros|\bpercent|\bshares|\btons|\bbarrels|\bhours)\s+)$")


def unit_name(word: str) -> str:
    """The singular unit for "years", "centuries", "millennia"."""
    word = word.lower()
    irregular = {"centuries": "century", "millennia": "millennium"}
    return irregular.get(word, word[:-1] if word.endswith("s") and word != "s" else word)


def _ampm_hour(hour: int, ampm: str | None) -> int:
    pm = ampm is not None and ampm.lower().startswith("p")
    if pm and hour < 12:
        return hour + 12
    if not pm and ampm is not None and hour == 12:
        return 0
    return hour


def _named_day(m: re.Match, ctx: Context) -> date | None:
    """A day named inside the match: a weekday, yesterday/today/tomorrow, or a month and day."""
    groups = m.groupdict()
    if groups.get("weekday"):
        return ctx.weekday(weekday_number(groups["weekday"]), m.start(), m.end())
    if groups.get("relday"):
        return ctx.anchor_date + timedelta(days=load_lexicon().relative_days[groups["relday"].lower()])
    if groups.get("month") and groups.get("day"):
        return ctx.month_day(month_number(groups["month"]), day_number(groups["day"]), m.start(), m.end())
    return None


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def clock(m: re.Match, ctx: Context) -> Reading | None:
    hour = int(m["hour"])
    if hour > 12:
        return None
    hour = _ampm_hour(hour, m["ampm"])
    day = _named_day(m, ctx) or ctx.day_nearby(m.end()) or ctx.reference_day()
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{int(m['minute'] or 0):02d}", Period("time", day, clock=""))


def clock24(m: re.Match, ctx: Context) -> Reading | None:
    """"at 22:30", "0600 GMT": a 24-hour clock on the day the text speaks of (a weekday after it, else the narrative's).

    Digits alone are no time: "hh:mm" needs a preposition of time before it ("at", "from", "until"),
    anything else a time zone, "hrs" or "local time" after it. "at 1:30" is left out: a one-digit hour
    is the 12-hour clock of US copy, where it most often means the afternoon."""
    marked = bool(m["zone"].strip()) or m["local"] is not None
    after_preposition = CLOCK_PREPOSITION.search(ctx.text, max(0, m.start() - 10), m.start())
    if not marked and not (m["colon"] and len(m["hour"]) == 2 and after_preposition):
        return None
    hour, minute = int(m["hour"]), int(m["minute"])
    day = ctx.day_nearby(m.end()) or ctx.reference_day()
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", Period("time", day, clock=f"{hour:02d}:{minute:02d}"))


def clock_word(m: re.Match, ctx: Context) -> Reading:
    day = _named_day(m, ctx) or ctx.day_nearby(m.end()) or ctx.reference_day()
    when = {"noon": "12:00", "midday": "12:00", "midnight": "24"}[m["word"].lower()]
    return Reading("TIME", f"{day.isoformat()}T{when}", Period("time", day, clock=when))


def clock_morning(m: re.Match, ctx: Context) -> Reading:
    hour = int(m["hour"]) + (12 if m["part"].lower() != "morning" and int(m["hour"]) < 12 else 0)
    day = ctx.day_nearby(m.end()) or ctx.reference_day()
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{int(m['minute'] or 0):02d}", Period("time", day))


def day_part(m: re.Match, ctx: Context) -> Reading:
    part = load_lexicon().day_parts[m["part"].lower()]
    if m["weekday2"]:
        day = ctx.weekday(weekday_number(m["weekday2"]), m.start(), m.end())
    else:
        day = _named_day(m, ctx) or ctx.anchor_date
    return Reading("TIME", f"{day.isoformat()}T{part}", Period("time", day, day_part=part))


def last_night(m: re.Match, ctx: Context) -> Reading:
    word = m.group(0).lower().split()[0]
    day = ctx.anchor_date - timedelta(days=0 if word == "tonight" else 1)
    return Reading("TIME", f"{day.isoformat()}TNI", Period("time", day, day_part="NI"))


def full_date(m: re.Match, ctx: Context) -> Reading | None:
    year = int(m["year"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    month = month_number(m["month"]) if not m["month"].isdigit() else int(m["month"])
    try:
        day = date(year, month, day_number(m["day"]))
    except (ValueError, TypeError):
        return None
    return Reading("DATE", day.isoformat(), Period("day", day), absolute=True)


def month_day(m: re.Match, ctx: Context) -> Reading | None:
    if m["month"] == "May" and not m["day"]:
        return None
    day = ctx.month_day(month_number(m["month"]), day_number(m["day"]), m.start(), m.end())
    return Reading("DATE", day.isoformat(), Period("day", day)) if day else None


def month_year(m: re.Match, ctx: Context) -> Reading | None:
    year = int(m["year"]) if m["year"] else spoken_year_value(m["spoken"])
    if year is None:
        return None
    period = Period("month", date(year, month_number(m["month"]), 1))
    return Reading("DATE", period.value, period, absolute=True)


def month_relyear(m: re.Match, ctx: Context) -> Reading:
    year = ctx.anchor_date.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    period = Period("month", date(year, month_number(m["month"]), 1))
    return Reading("DATE", period.value, period)


def month(m: re.Match, ctx: Context) -> Reading | None:
    before = ctx.text[max(0, m.start() - 20):m.start()]
    if m["month"] in ("May", "March") and not MAY_CONTEXT.search(before):
        return None
    if m["month"].endswith(".") is False and len(m["month"]) <= 3 and m["month"] not in ("May",):
        return None
    rel = ctx.modifier_word()
    start = ctx.month(month_number(m["month"]), m.start(), m.end(), rel)
    period = Period("month", start)
    return Reading("DATE", period.value, period)


def fiscal_year(m: re.Match, ctx: Context) -> Reading:
    return Reading("DATE", m["year"], Period("year", date(int(m["year"]), 1, 1)), absolute=True)


def year(m: re.Match, ctx: Context) -> Reading | None:
    after = ctx.text[m.end():m.end() + 12]
    following = YEAR_FOLLOWER.match(after)
    if following and not re.match(r"\s*-\s*(?:19|20)?\d\d\b", after) and not (
            re.fullmatch(r"(?:19|20)\d\d", following.group(1)) and int(following.group(1)) > int(m["year"])):
        return None  # "1,500 to 2,000", "1500-1600 hours"; "from 1991 to 1997" is two years
    if re.match(r"(?i)\s*(?:a\.m|p\.m|hours\b|GMT)", after):
        return None
    value = int(m["year"])
    return Reading("DATE", f"{value:04d}", Period("year", date(value, 1, 1)), absolute=True)


def spoken_year_value(text: str | None) -> int | None:
    if not text:
        return None
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest or 0)
    if words[0] == "nineteen":
        rest = [w for w in words[1:] if w not in ("hundred", "and")]
        tail = number_value(" ".join(rest)) if rest else 0
        return 1900 + int(tail) if isinstance(tail, float | int) else None
    return None


def spoken_year(m: re.Match, ctx: Context) -> Reading | None:
    value = spoken_year_value(m["spoken"])
    if value is None:
        return None
    if m.group(0).lower().startswith("two thousand") and not re.match(r"\s*(?:[.,;:!?)\"']|$)", ctx.text[m.end():m.end() + 2]):
        return None
    return Reading("DATE", str(value), Period("year", date(value, 1, 1)), absolute=True)


def decade(m: re.Match, ctx: Context) -> Reading:
    digits = m["decade"].lstrip("'")
    start = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return Reading("DATE", f"{start // 10:03d}", Period("decade", date(start, 1, 1)), absolute=True)


def decade_word(m: re.Match, ctx: Context) -> Reading:
    start = 1900 + 10 * DECADE_WORDS[m["word"].lower()]
    return Reading("DATE", f"{start // 10:03d}", Period("decade", date(start, 1, 1)), absolute=True)


def century(m: re.Match, ctx: Context) -> Reading | None:
    word = m["ordinal"].lower()
    n = load_lexicon().ordinals.get(word) or int(re.match(r"\d+", word).group(0))
    if not 1 <= n <= 21:
        return None
    return Reading("DATE", f"{n - 1:02d}", Period("century", date(max(1, (n - 1) * 100), 1, 1)), absolute=True)


def quarter(m: re.Match, ctx: Context) -> Reading:
    groups = m.groupdict()
    number = QUARTER_WORDS.get((groups.get("quarter") or "").lower()) or int(groups["quarter"][1])
    year_text = groups.get("year") or groups.get("year2")
    if year_text:
        year_ = int(year_text)
    elif groups.get("rel") or groups.get("rel2"):
        year_ = ctx.anchor_date.year + {"this": 0, "last": -1, "next": 1}[(groups.get("rel") or groups["rel2"]).lower()]
    else:
        current = (ctx.anchor_date.month - 1) // 3 + 1
        year_ = ctx.anchor_date.year - (1 if number > current and ctx.direction(m.start(), m.end()) <= 0 else 0)
    period = Period("quarter", date(year_, 3 * number - 2, 1))
    if groups.get("ago") and groups["ago"].split()[0].lower() in ("year-earlier", "year-ago", "comparable"):
        return Reading("DATE", shift_period(period, "year", -1).value, shift_period(period, "year", -1), narrative=True)
    return Reading("DATE", period.value, period, absolute=bool(year_text))


def half(m: re.Match, ctx: Context) -> Reading:
    number = 1 if m["half"].lower() == "first" else 2
    year_ = int(m["year"]) if m["year"] else ctx.anchor_date.year + {"this": 0, "the": 0, "last": -1, "next": 1}[m["rel"].lower()]
    period = Period("half", date(year_, 1 if number == 1 else 7, 1))
    return Reading("DATE", period.value, period)


def season(m: re.Match, ctx: Context) -> Reading | None:
    code = load_lexicon().seasons[m["season"].lower()]
    rel = "last" if m["past"] else (m["rel"] or "").lower()
    year_text = m["year"] or (str(spoken_year_value(m["spoken"])) if m["spoken"] else None)
    if not rel and not year_text:
        if code == "FA" or not SEASON_CONTEXT.search(ctx.text[max(0, m.start() - 12):m.start()]):
            return None
    if year_text:
        period = Period("season", date(int(year_text), 3 * {"SP": 1, "SU": 2, "FA": 3, "WI": 4}[code], 1), season=code)
        return Reading("DATE", period.value, period, absolute=True)
    period = ctx.season(code, rel, m.start(), m.end())
    return Reading("DATE", period.value, period)


def relative_day(m: re.Match, ctx: Context) -> Reading:
    offset = load_lexicon().relative_days[m["word"].lower()]
    offset += {"before": -1, "after": 1}.get((m["rel"] or "").lower(), 0)
    day = ctx.anchor_date + timedelta(days=offset)
    return Reading("DATE", day.isoformat(), Period("day", day))


def _relation(word: str | None) -> str:
    """A relative word as one key: "this  past" → "past" ("this past Sunday" is the one just gone)."""
    rel = " ".join((word or "").lower().split())
    return "past" if rel == "this past" else rel


def weekday(m: re.Match, ctx: Context) -> Reading | None:
    rel = _relation(m["rel"])
    if m["the"] and rel not in ("previous", "following", "next", "last"):
        return None
    if rel in ("previous", "following"):  # "the previous Friday": the one before the narrative's day
        day = ctx.weekday_from_reference(weekday_number(m["weekday"]), -1 if rel == "previous" else 1)
        return Reading("DATE", day.isoformat(), Period("day", day), narrative=True)
    day = ctx.weekday(weekday_number(m["weekday"]), m.start(), m.end(), rel)
    return Reading("DATE", day.isoformat(), Period("day", day))


def weekdays_set(m: re.Match, ctx: Context) -> Reading:
    return Reading("SET", f"XXXX-WXX-{weekday_number(m['weekday'] or m['weekday2'])}")


def holiday_date(m: re.Match, ctx: Context) -> Reading | None:
    rule = load_lexicon().holidays[" ".join(m["holiday"].lower().split())]
    rel = (m["rel"] or "").lower()
    day = ctx.yearly(lambda y: holiday(rule, y), m.start(), m.end(), rel)
    return Reading("DATE", day.isoformat(), Period("day", day))


def unit_relative(m: re.Match, ctx: Context) -> Reading | None:
    unit, rel, the = m["unit"].lower(), _relation(m["rel"]), bool(m["the"])
    if rel in ("same", "following", "previous", "preceding") and the or (unit == "day" and rel in ("next",) and the):
        offset = {"same": 0, "following": 1, "previous": -1, "preceding": -1, "next": 1}[rel]
        return ctx.from_reference(unit, offset)
    if unit == "day":
        return None
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}.get(rel)
    if offset is None:
        return None
    if unit == "weekend":
        return ctx.weekend(offset)
    granularity = UNIT_GRANULARITY[unit] if unit not in ("decade", "century") else unit
    period = shift_period(period_of(ctx.anchor_date, granularity), SHIFT_UNIT.get(unit, unit), offset)
    return Reading("DATE", period.value, period)


def ago(m: re.Match, ctx: Context) -> Reading | None:
    amount = number_value(m["number"])
    unit = unit_name(m["unit"])
    direction = " ".join(m["direction"].lower().split())
    if amount is None or unit not in UNIT_GRANULARITY:
        return None
    if m["and_half"] and not isinstance(amount, str):
        amount += 0.5
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    if amount == "X":
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    relative_to_reference = ctx.use_narrative and ctx.reference is not None and ctx.reference.granularity in ("quarter", "half") and (
        direction == "earlier" or unit == "year")
    amount = ctx.adjust_amount(amount)
    shift_unit = {"decade": "year", "century": "year", "millennium": "year", "fortnight": "week"}.get(unit, unit)
    amount *= {"decade": 10, "century": 100, "millennium": 1000, "fortnight": 2}.get(unit, 1)
    if relative_to_reference:
        period = shift_period(ctx.reference, SHIFT_UNIT.get(shift_unit, shift_unit), sign * amount)
        return Reading("DATE", period.value, period, narrative=True, approximate=ctx.approximate)
    if direction == "earlier" and ctx.use_narrative and ctx.reference is not None and ctx.reference.granularity in ("day", "time"):
        # "three days earlier": counted from the narrative's last day ("a year earlier" counts from the
        # publication date unless the narrative is in quarters, as TimeBank does)
        reference = ctx.reference
        moved = shift(reference.start, SHIFT_UNIT.get(shift_unit, shift_unit), sign * amount)
        period = period_of(moved, coarser(UNIT_GRANULARITY[unit], reference.granularity))
        return Reading("DATE", period.value, period, narrative=True, approximate=ctx.approximate)
    moved = shift(ctx.anchor_date, SHIFT_UNIT.get(shift_unit, shift_unit), sign * amount)
    period = period_of(moved, UNIT_GRANULARITY[unit])
    return Reading("DATE", period.value, period, approximate=ctx.approximate or unit in ("decade", "century"), narrative=True)


def duration_value(amount: float | str, unit: str) -> str:
    """A TIMEX3 duration: P2W, P31Y, PT5H30M, P2Y6M, PXY."""
    letter, is_time, multiplier = load_lexicon().units[unit]
    prefix = "PT" if is_time else "P"
    if amount == "X":
        return f"{prefix}X{letter}"
    amount = float(amount) * multiplier
    whole = int(amount)
    rest = amount - whole
    if rest < 1e-9:
        return f"{prefix}{whole}{letter}"
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "Q": ("M", 3)}
    if letter == "M" and is_time:
        return f"PT{whole}M{round(rest * 60)}S" if whole else f"PT{round(rest * 60)}S"
    small, factor = smaller.get(letter, ("", 1))
    joiner = "T" if letter == "D" else ""
    head = f"{prefix}{whole}{letter}" if whole else prefix
    return f"{head}{joiner}{round(rest * factor)}{small}"


def the_duration(m: re.Match, ctx: Context) -> Reading | None:
    amount = number_value(m["number"])
    unit = unit_name(m["unit"])
    if amount is None or unit not in load_lexicon().units:
        return None
    if amount == 1 and m["number"].lower() in ("a", "an"):
        return None
    return Reading("DURATION", duration_value(amount, unit))


def duration(m: re.Match, ctx: Context) -> Reading | None:
    amount = number_value(m["number"])
    unit = unit_name(m["unit"])
    if amount is None or unit not in load_lexicon().units or _not_a_span(m, ctx, unit):
        return None
    if m["and_half"] and isinstance(amount, float):
        amount += 0.5
    if m["number"].lower() in ("some", "many") and unit not in ("year", "month", "week", "day", "hour"):
        return None
    return Reading("DURATION", duration_value(amount, unit), approximate=ctx.approximate)


def _not_a_span(m: re.Match, ctx: Context, unit: str) -> bool:
    """An amount of a unit that is no span of time: an age, a rate, "a second" (opinion), "quarters of"."""
    number, before, after = m["number"].lower(), ctx.text[max(0, m.start() - 40):m.start()], ctx.text[m.end():m.end() + 12]
    if unit == "second" and number in ("a", "an"):
        return True
    if unit == "quarter" and (m.group(0)[-1:] == "s" or re.match(r"\s+of\b", after)):
        return True
    if unit == "year" and re.match(r"\s+old\b", after) and not COPULA.search(before[-12:]):
        return True  # a person's age ("Mr. Reupke, 52 years old"), not a span of time; "we are 31 years old" is one
    if number in ("a", "an") and COUNT_RATE.search(before):
        return True  # "four flights a week", "700 seats a week": a rate
    if (m["suffix"] or "").lower() == "-old":
        return unit in ("year", "day", "week") or bool(PERSON_AFTER.match(ctx.text, m.end()))  # "an 8-month-old truce" is a span
    return False


def vague_duration(m: re.Match, ctx: Context) -> Reading:
    unit = unit_name(m["unit"])
    value = {"decade": "PXY", "century": "PXC"}.get(unit) or duration_value("X", unit)
    return Reading("DURATION", value, approximate=True)


def set_every(m: re.Match, ctx: Context) -> Reading | None:
    unit = unit_name(m["unit"])
    if unit not in load_lexicon().units:
        return None
    amount = number_value(m["number"]) if m["number"] else 1
    if amount is None or amount == "X":
        return None
    amount = amount * (2 if m["other"] else 1)
    return Reading("SET", duration_value(amount, unit))


def set_month(m: re.Match, ctx: Context) -> Reading:
    return Reading("SET", f"XXXX-{month_number(m['month']):02d}")


def set_rate(m: re.Match, ctx: Context) -> Reading | None:
    if not RATE_CONTEXT.search(ctx.text[max(0, m.start() - 12):m.start()]):
        return None
    return Reading("SET", duration_value(1, m["unit"].lower()))


def frequency(m: re.Match, ctx: Context) -> Reading | None:
    """"weekly", "daily"; not a rate of an amount ("rise 8.5% annually", "$17.9 million annually")."""
    if RATE_CONTEXT.search(ctx.text[max(0, m.start() - 12):m.start()]):
        return None
    return Reading("SET", load_lexicon().frequencies[m["word"].lower()])


def reference(m: re.Match, ctx: Context) -> Reading | None:
    word = " ".join(m["word"].lower().split())
    determined = DETERMINER_BEFORE.search(ctx.text[max(0, m.start() - 6):m.start()])
    if word == "future" and FUTURE_ADJECTIVE.match(ctx.text, m.end()) and not determined:
        return None  # "future earnings": a property of the noun, not a time ("the future", "Elian's future" are)
    value = load_lexicon().references[word]
    return Reading("DATE" if value.endswith("_REF") else "DURATION", value)


def period_ref(m: re.Match, ctx: Context) -> Reading | None:
    """"the quarter", "the year-earlier period", "the current fiscal year", "that month"."""
    det, noun = m["det"].lower(), m["noun"].lower()
    adjectives = set(re.split(r"[\s-]+", m["adj"].lower())) - {""}
    if det != "this" and noun in ("year", "month", "week") and re.match(r"(?i)\s+(?:ended|ending)\b", ctx.text[m.end():m.end() + 10]):
        return Reading("DURATION", duration_value(1, noun))
    year_ago = bool(adjectives & {"year", "earlier", "ago", "comparable", "corresponding", "prior"})
    if noun == "weekend":
        return ctx.weekend(1 if ctx.direction(m.start(), m.end()) > 0 else -1)
    if noun in ("quarter", "period"):
        if noun == "period" and not adjectives:
            return None
        base = ctx.reference if ctx.use_narrative and ctx.reference is not None and ctx.reference.granularity == "quarter" else None
        if base is not None and adjectives & {"latest", "recent", "most"} and base.start >= truncate(ctx.anchor_date, "quarter"):
            base = None  # "the latest quarter" has ended: not the coming quarter the text spoke of
        if base is None or "current" in adjectives:
            current = period_of(ctx.anchor_date, "quarter")
            base = current if adjectives & {"current"} or det == "this" else shift_period(current, "quarter", -1)
        if "previous" in adjectives:
            base = shift_period(base, "quarter", -1)
        period = shift_period(base, "year", -1) if year_ago else base
        return Reading("DATE", period.value, period, narrative=year_ago)
    if det == "that" or adjectives & {"same"}:
        return ctx.from_reference(noun, 0)
    if det == "the" and adjectives & {"previous", "prior"} and adjectives <= {"previous", "prior", "fiscal", "full"}:
        return ctx.from_reference(noun, -1)  # "the previous year": the one before the year the story is in
    granularity = {"year": "year", "month": "month", "week": "week"}[noun]
    offset = -1 if adjectives & {"latest", "previous", "past", "last", "prior"} or year_ago else 0
    period = shift_period(period_of(ctx.anchor_date, granularity), granularity, offset)
    return Reading("DATE", period.value, period)


def year_end(m: re.Match, ctx: Context) -> Reading:
    period = period_of(ctx.anchor_date, "year")
    return Reading("DATE", period.value, period)


RULES: dict[str, Rule] = {
    "clock": clock, "clock24": clock24, "clock_word": clock_word, "clock_morning": clock_morning, "day_part": day_part,
    "last_night": last_night, "full_date": full_date, "full_date_dmy": full_date, "iso_date": full_date,
    "slash_date": full_date, "month_day": month_day, "day_month": month_day, "month_year": month_year,
    "month_relyear": month_relyear, "month": month, "fiscal_year": fiscal_year, "year": year,
    "spoken_year": spoken_year, "decade": decade, "decade_word": decade_word, "century": century,
    "quarter": quarter, "quarter_code": quarter, "half": half, "season": season,
    "relative_day": relative_day, "weekday": weekday, "day_range": month_day, "weekdays_set": weekdays_set, "holiday": holiday_date,
    "unit_relative": unit_relative, "ago": ago, "the_duration": the_duration,
    "duration": duration, "vague_duration": vague_duration, "set_every": set_every, "set_month": set_month,
    "set_rate": set_rate, "frequency": frequency, "reference": reference, "vague_span": vague_duration, "period_ref": period_ref,
    "year_end": year_end,
}
