"""Each event's own date: the time expression that governs it, else the narrative's date, else publication.

"Israel recognised Azerbaijan's independence in 1991" is dated 1991 (and
flagged historical), not by the day the article appeared. The order of
evidence, each recorded in ``Event.date_source``:

1. ``timex:<text>`` — a dated expression in the event's sentence that governs
   its trigger: on the dependency path from the expression's head up to the
   first verb (so "who presided ... three decades ago" does not date the main
   clause's "laid a wreath"); in an unparsed sentence, the nearest one;
2. ``narrative`` — for a past-tense event, the last explicit date in the
   previous sentences of the same paragraph;
3. ``published`` — the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from ..models import Event, TimeExpr
from .calendar import Period, parse_value, period_end
from .relative import later_period

HISTORICAL_DAYS = 365
MAX_HOPS = 8
_PARAGRAPH = re.compile(r"\n\s*\n")


def _datable(timex: TimeExpr) -> Period | None:
    """The period a timex names when it can date an event (not a duration, set or vague reference)."""
    if timex.type not in ("DATE", "TIME"):
        return None
    return parse_value(timex.value)


def dated_timexes(timexes: list[TimeExpr], text: str) -> list[tuple[TimeExpr, Period]]:
    """The timexes that name a period, in text order, with "three days later" (a DURATION in
    TimeML, "later" outside its span) dated from the last period before it."""
    dated: list[tuple[TimeExpr, Period]] = []
    for timex in sorted(timexes, key=lambda t: t.start):
        period = _datable(timex)
        if period is None and timex.type == "DURATION" and dated:
            period = later_period(timex.value, text, timex.end, dated[-1][1])
        if period is not None:
            dated.append((timex, period))
    return dated


def _token_at(doc, start: int, end: int):
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _parsed(token) -> bool:
    return token is not None and bool(token.dep_)


def _governor(token, trigger) -> str:
    """"trigger" when the path up from ``token`` meets the trigger before another verb; "other" when it meets
    another verb first; "unknown" without a parse."""
    if not _parsed(token) or not _parsed(trigger):
        return "unknown"
    current = token
    for _ in range(MAX_HOPS):
        if current.i == trigger.i:
            return "trigger"
        if current.i != token.i and current.pos_ in ("VERB", "AUX"):
            return "other"
        if current.head.i == current.i:
            break
        current = current.head
    return "trigger" if current.i == trigger.i else "other"


def _sentence_timex(event: Event, dated: list[tuple[TimeExpr, Period]], doc) -> tuple[TimeExpr, Period] | None:
    """The dated expression in the event's sentence that governs its trigger."""
    inside = [(t, p) for t, p in dated if t.start >= event.sentence_start and t.end <= event.sentence_end]
    if not inside:
        return None
    trigger = _token_at(doc, event.trigger_start, event.trigger_end)
    ranked = []
    for timex, period in inside:
        relation = _governor(_token_at(doc, timex.start, timex.end), trigger)
        if relation == "other":
            continue
        distance = min(abs(timex.start - event.trigger_end), abs(event.trigger_start - timex.end))
        ranked.append((relation != "trigger", distance, timex, period))
    if not ranked:
        return None
    ranked.sort(key=lambda r: (r[0], r[1]))
    return ranked[0][2], ranked[0][3]


def _is_past(event: Event, doc) -> bool:
    """Whether the trigger is a past-tense verb (unknown without a parse: not past)."""
    trigger = _token_at(doc, event.trigger_start, event.trigger_end)
    if not _parsed(trigger):
        return False
    return trigger.tag_ in ("VBD", "VBN") or "Past" in trigger.morph.get("Tense")


def _narrative_timex(event: Event, dated: list[tuple[TimeExpr, Period]], text: str) -> tuple[TimeExpr, Period] | None:
    """The last explicit date before the event's sentence, in the same paragraph."""
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, 0, event.sentence_start)]
    paragraph_start = breaks[-1] if breaks else 0
    before = [(t, p) for t, p in dated
              if paragraph_start <= t.start and t.end <= event.sentence_start and p.granularity in ("day", "time", "month")]
    return before[-1] if before else None


def _set_date(event: Event, period: Period, source: str, published: date | None) -> None:
    event.date = period.value.split("T")[0] if period.granularity == "time" else period.value
    event.date_granularity = period.event_granularity
    event.date_source = source
    event.historical = published is not None and (published - period_end(period)).days > HISTORICAL_DAYS


def date_events(events: list[Event], timexes: list[TimeExpr], doc, published: str | None) -> None:
    """Give each event its own date, granularity, source and historical flag (in place)."""
    published_date = _published(published)
    text = doc.text if doc is not None else ""
    dated = dated_timexes(timexes, text)
    for event in events:
        found = _sentence_timex(event, dated, doc)
        if found is not None:
            _set_date(event, found[1], f"timex:{found[0].text}", published_date)
            continue
        found = _narrative_timex(event, dated, text) if _is_past(event, doc) else None
        if found is not None:
            _set_date(event, found[1], "narrative", published_date)
            continue
        if published_date is not None:
            _set_date(event, Period("day", published_date), "published", published_date)


def _published(published: str | None) -> date | None:
    try:
        return date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        return None
