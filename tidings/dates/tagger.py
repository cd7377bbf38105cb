"""Find and normalise time expressions: precompiled patterns over the text, longest match wins.

1. every pattern of the grammar runs over the whole text (a handful of
   ``finditer`` passes, no tokenisation);
2. candidates are taken longest first (ties by rule order), skipping any that
   overlap one already taken, that its rule rejects, or that is part of a name
   ("60 Minutes", "This Week With David Brinkley");
3. TimeBank keeps some modifiers inside the span ("nearly three years",
   "early next year", "the end of 1990", "last April"): they are attached on the left;
4. the kept spans are normalised in text order, so a relative expression can
   count from the last date the narrative mentioned ("two days earlier", "the
   next morning"; "three days later" moves that date on). With a spaCy Doc the
   tense of the governing verb chooses between the past and the coming "Friday".
"""

from __future__ import annotations

import re
from datetime import date

from ..models import TimeExpr
from . import relative, rules
from .context import Context, Reading, Unresolved
from .patterns import PRIORITY, calendar_names, compiled, gates
from .relative import later_period

_MODIFIERS = re.compile(
    r"(?i:(?:\b(?:nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to|no\s+more\s+than|some|roughly|"
    r"approximately|around|just\s+(?:over|under))\s+)?"
    r"(?:\b(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|rest|remainder)\s+of\s+|"
    r"\b(?:early|late|earlier|later)\s+|\b(?:mid|post|pre)-?\s*|\bend-)?)$"
)
_RELATIVE = re.compile(r"(?i:\b(?:last|next|this|coming|past)\s+)$")
_APPROX_OUTSIDE = re.compile(r"(?i:\babout\s+)$")
_EXTENDABLE_RELATIVE = {"month", "holiday"}
RULES = {**rules.RULES, **relative.RULES}
_CHAINING = {"day_offset", "narrative_part"}  # "the next morning ... that night": each counts from the last
_NO_EXTENSION = {"reference", "frequency", "set_every", "set_rate", "set_month", "weekdays_set", "decade", "decade_word"}


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"'`(\n\u201c\u2018]|--)\s*$")


def is_title(text: str, start: int, end: int) -> bool:
    """Whether a span of common time words is part of a name: "This Week With David Brinkley",
    "60 Minutes", "High Noon", "VOA Today" (a capital that neither a calendar name nor a sentence start explains)."""
    span = calendar_names().sub(lambda m: " " * len(m.group(0)), text[start:end])
    for word in _CAPITALISED.finditer(span):
        if word.start() == 0 and _SENTENCE_START.search(text[max(0, start - 4):start]):
            continue
        return True
    return False


def parse_anchor(anchor: str | date | None) -> date | None:
    """The anchor as a date ("2023-05-30", "2023-05-30T10:00:00Z", a date, or None)."""
    if anchor is None or isinstance(anchor, date):
        return anchor
    try:
        return date.fromisoformat(str(anchor)[:10])
    except ValueError:
        return None


_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_FOLDED: dict[str, str] = {}


def _fold_char(char: str) -> str:
    """The ASCII letter a non-ASCII character matches case-insensitively ("ı" → "i", "K" → "k"), else itself."""
    if char not in _FOLDED:
        _FOLDED[char] = next((l for l in _ASCII_LETTERS if re.fullmatch(l, char, re.IGNORECASE)), char)
    return _FOLDED[char]


def folded(text: str) -> str:
    """``text`` lower-cased the way the patterns compare letters, for the literal gates."""
    low = text.lower()
    if low.isascii():
        return low
    return text.translate({ord(c): _fold_char(c) for c in set(text) if not c.isascii()}).lower()


def _can_match(name: str, low: str) -> bool:
    return all(any(word in low for word in group) for group in gates().get(name, ()))


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    found = []
    low = folded(text)
    for name, pattern in compiled().items():
        if not _can_match(name, low):
            continue
        core = "core" in pattern.groupindex
        for match in pattern.finditer(text):
            start, end = match.span("core") if core else match.span()
            if end > start:
                found.append((start, end, PRIORITY[name], name, match))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    return found


def _extend_left(text: str, start: int, name: str, taken: bytearray) -> int:
    """Where the span starts once its modifiers are attached."""
    if name in _NO_EXTENSION:
        return start
    window = text[max(0, start - 48):start]
    new_start = start
    if name in _EXTENDABLE_RELATIVE:
        relative = _RELATIVE.search(window)
        if relative:
            new_start -= len(relative.group(0))
            window = window[:len(window) - len(relative.group(0))]
    modifier = _MODIFIERS.search(window)
    if modifier and modifier.group(0):
        new_start -= len(modifier.group(0))
    while new_start < start and any(taken[new_start:start]):
        new_start += 1
    return new_start


def _read(name: str, match: re.Match, context: Context) -> Reading | None:
    try:
        return RULES[name](match, context)
    except Unresolved:
        return Reading("DATE", "XXXX")
    except (ValueError, KeyError, OverflowError, IndexError, TypeError):
        return None


def _select(text: str, context: Context) -> list[tuple[int, int, str, re.Match, str]]:
    """Non-overlapping accepted spans (start, end, rule, match, modifier), longest first."""
    taken = bytearray(len(text) + 1)
    chosen = []
    for start, end, _, name, match in _candidates(text):
        if any(taken[start:end]) or is_title(text, start, end):
            continue
        new_start = _extend_left(text, start, name, taken)
        context.modifier = text[new_start:start]
        if _read(name, match, context) is None:
            continue
        taken[new_start:end] = b"\x01" * (end - new_start)
        chosen.append((new_start, end, name, match, text[new_start:start]))
    chosen.sort(key=lambda c: c[0])
    return chosen


def find_timexes(text: str, anchor: str | date | None = None, narrative: bool = True, doc=None) -> list[TimeExpr]:
    """Time expressions in ``text`` with TIMEX3 type and value, normalised against ``anchor``.

    ``anchor`` is the publication date (ISO); without it relative expressions get
    the value "XXXX". ``narrative`` lets "a year earlier", "the same day" count
    from the last date the text mentioned. ``doc``, an optional spaCy Doc of
    ``text``, lets the tense of the governing verb choose between the past and
    the coming "Tuesday" where its sentence was parsed; cue words decide elsewhere.
    """
    if doc is not None and getattr(doc, "text", None) != text:
        doc = None
    context = Context(text=text, anchor=parse_anchor(anchor), use_narrative=False, doc=doc)
    selected = _select(text, context)
    context.use_narrative = narrative
    found = []
    for start, end, name, match, modifier in selected:
        context.modifier = modifier
        reading = _read(name, match, context)
        if reading is None:
            continue
        if reading.type in ("DATE", "TIME") and reading.period is not None and (not reading.narrative or name in _CHAINING):
            context.reference = reading.period
        elif reading.type == "DURATION" and narrative and context.reference is not None:
            context.reference = later_period(reading.value, text, end, context.reference) or context.reference
        approximate = reading.approximate or bool(_APPROX_OUTSIDE.search(text[max(0, start - 8):start]))
        found.append(TimeExpr(
            start=start, end=end, text=text[start:end], type=reading.type, value=reading.value,
            granularity=reading.period.event_granularity if reading.period is not None and reading.type != "DURATION" else None,
            approximate=approximate, rule=f"dates:{name}",
        ))
    return found
