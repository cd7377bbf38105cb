"""What a rule needs to resolve a relative expression: the anchor, the narrative's last date, tense cues.

The anchor is the article's publication date. The narrative reference is the
last date the text itself mentioned, for expressions that count from it ("a
year earlier", "the same day"). Tense comes from the verb that governs the
expression when a parse is at hand (``tense.doc_direction``), else from the
nearest cue word around it ("will", "scheduled", a verb in -ed, "said"), so
"Tuesday" in "met Tuesday" is the past Tuesday and in "will meet Tuesday" or
"meet Tuesday" (a news present) the coming one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from .calendar import Period, SEASON_START, period_of, season_of, shift_period
from .lexicon import load_lexicon, weekday_number
from .tense import doc_direction

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n")
_NEARBY_DAY = re.compile(r"^\s*(?:\([^)]{0,20}\)\s*)?,?\s*(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"(?i:yesterday|today|tomorrow))\b")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
LEFT_WORDS, RIGHT_WORDS, ED_DISTANCE = 25, 6, 25
REPORTING = frozenset({"said", "says", "told", "tells", "reported", "announced", "added", "stated"})
# before a word in -ed that is then a passive or an adjective ("is expected", "a still unspecified date")
NOT_PAST_BEFORE = frozenset({"be", "is", "are", "being", "'s", "a", "an", "the", "still", "its", "their", "his", "her"})
PLUPERFECT_DISTANCE = 6
APPROXIMATORS = ("nearly", "almost", "about", "around", "roughly", "approximately", "some", "just under")


class Unresolved(Exception):
    """A relative expression met without an anchor date."""


@dataclass(slots=True)
class Reading:
    """A rule's result: TIMEX3 type and value, and the calendar period when it names one."""

    type: str
    value: str
    period: Period | None = None
    approximate: bool = False
    absolute: bool = False  # fully specified in the text ("May 30, 2023", "1991")
    narrative: bool = False  # counted from the narrative reference, not the anchor


@dataclass
class Context:
    """The text, anchor and narrative state shared by the rules while one text is tagged."""

    text: str
    anchor: date | None
    reference: Period | None = None
    use_narrative: bool = True
    modifier: str = ""  # the modifier words the tagger attached on the left ("nearly", "last")
    doc: object = None  # an optional spaCy Doc of ``text``: the governing verb's tense beats cue words
    _cues: tuple[frozenset, frozenset, tuple] | None = field(default=None, repr=False)

    @property
    def anchor_date(self) -> date:
        if self.anchor is None:
            raise Unresolved
        return self.anchor

    @property
    def approximate(self) -> bool:
        return any(word in self.modifier.lower() for word in APPROXIMATORS)

    def modifier_word(self) -> str:
        words = self.modifier.lower().split()
        return words[0] if words else ""

    def adjust_amount(self, amount: float) -> float:
        """"nearly a decade" counts a little less than a decade; "more than" a little more."""
        words = self.modifier.lower()
        if "nearly" in words or "almost" in words or "just under" in words:
            return amount * 0.95
        return amount

    # --- tense -------------------------------------------------------------
    def direction(self, start: int, end: int) -> int:
        """-1 when the words around ``start:end`` point to the past, 1 to the future, 0 when silent.

        The nearest cue wins: a future marker ("will", "scheduled", "as soon as"),
        or a past form ("met", a verb in -ed not after "be"). Reporting verbs
        ("said") say when something was said, not when it happens, so they are
        skipped.
        """
        parsed = doc_direction(self.doc, start, end)
        if parsed:
            return parsed
        future, past, phrases = self._cue_sets()
        left = self.text[max(0, start - 200):start]
        breaks = list(_SENTENCE_BREAK.finditer(left))
        if breaks:
            left = left[breaks[-1].end():]
        right = self.text[end:end + 60]
        stop = _SENTENCE_BREAK.search(right)
        if stop:
            right = right[:stop.start()]
        left_words = [w.lower() for w in _WORD.findall(left)][::-1][:LEFT_WORDS]
        right_words = [w.lower() for w in _WORD.findall(right)][:RIGHT_WORDS]
        first, second = (left_words + ["", ""])[:2]
        if first in REPORTING or (first == "on" and second in REPORTING):
            return -1  # "said Tuesday", "announced on Friday": when something was said, in news the past
        tail = " ".join(left_words[:8][::-1])
        if any(tail.endswith(p) or f" {p} " in f" {tail} " for p in phrases):
            return 1
        scan = [(i, w, left_words[i + 1:i + 3]) for i, w in enumerate(left_words)]
        scan += [(i + 1.5, w, right_words[max(0, i - 2):i][::-1]) for i, w in enumerate(right_words)]
        for distance, word, before in sorted(scan, key=lambda c: c[0]):
            if word in REPORTING:
                continue
            if word in future:
                if distance != int(distance) and word.endswith("ed"):
                    continue  # "On Friday, the government planned to pay": the plan was made that day
                if distance < PLUPERFECT_DISTANCE and ("had" in before or "previously" in before):
                    return -1  # "had been scheduled to expire Friday": a past plan
                return 1
            if word in past or (distance <= ED_DISTANCE and len(word) > 4 and word.endswith("ed") and not word.endswith("need")):
                if not before or before[0] not in NOT_PAST_BEFORE:
                    return -1
        return 0

    def _cue_sets(self) -> tuple[frozenset, frozenset, tuple[str, ...]]:
        if self._cues is None:
            lex = load_lexicon()
            single = frozenset(c for c in lex.future_cues if " " not in c)
            phrases = tuple(c for c in lex.future_cues if " " in c)
            self._cues = (single, frozenset(lex.past_cues), phrases)
        return self._cues

    # --- calendar choices ----------------------------------------------------
    def weekday(self, number: int, start: int, end: int, rel: str = "") -> date:
        """The weekday nearest the anchor in the direction the context implies (news: the past one)."""
        anchor = self.anchor_date
        back = (anchor.isoweekday() - number) % 7
        ahead = (number - anchor.isoweekday()) % 7
        rel = rel or self.modifier_word()
        if rel in ("last", "past", "previous"):
            return anchor - timedelta(days=back or 7)
        if rel in ("next", "coming"):
            return anchor + timedelta(days=ahead or 7)
        if rel == "this":
            return anchor - timedelta(days=anchor.isoweekday() - number)
        if back == 0:
            return anchor
        if _POSSESSIVE.match(self.text, end):
            return anchor - timedelta(days=back)  # "Wednesday's ruling": news names past events so
        return anchor + timedelta(days=ahead) if self.direction(start, end) > 0 else anchor - timedelta(days=back)

    def weekday_from_reference(self, number: int, direction: int) -> date:
        """The weekday strictly before (-1) or after (1) the narrative's day, else the anchor."""
        base = self.reference_day()
        if direction < 0:
            return base - timedelta(days=(base.isoweekday() - number) % 7 or 7)
        return base + timedelta(days=(number - base.isoweekday()) % 7 or 7)

    def yearly(self, make: Callable[[int], date], start: int, end: int, rel: str = "") -> date:
        """An annual date (a month and day, a holiday) in the year the context implies."""
        anchor = self.anchor_date
        options = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append(make(year))
            except ValueError:
                continue
        rel = rel or self.modifier_word()
        direction = {"last": -1, "next": 1}.get(rel) or self.direction(start, end)
        if rel == "this":
            return next((d for d in options if d.year == anchor.year), options[0])
        if direction < 0:
            past = [d for d in options if d <= anchor]
            if past and (anchor - past[-1]).days < 330:
                return past[-1]
        if direction > 0:
            future = [d for d in options if d >= anchor]
            if future and (future[0] - anchor).days < 330:
                return future[0]
        return min(options, key=lambda d: abs((d - anchor).days))

    def month_day(self, month: int, day: int, start: int, end: int) -> date | None:
        try:
            return self.yearly(lambda y: date(y, month, day), start, end)
        except (ValueError, IndexError):
            return None

    def month(self, month: int, start: int, end: int, rel: str = "") -> date:
        """The first day of the named month nearest the anchor in the implied direction."""
        anchor = self.anchor_date
        first = anchor.replace(day=1)
        if rel == "this":
            return date(anchor.year, month, 1)
        if rel == "last":
            candidate = date(anchor.year, month, 1)
            return candidate if candidate < first else date(anchor.year - 1, month, 1)
        if rel == "next":
            candidate = date(anchor.year, month, 1)
            return candidate if candidate > first else date(anchor.year + 1, month, 1)
        return self.yearly(lambda y: date(y, month, 1), start, end) if month != anchor.month else first

    def season(self, code: str, rel: str, start: int, end: int) -> Period:
        current = season_of(self.anchor_date)
        this_year = Period("season", date(self.anchor_date.year, SEASON_START[code], 1), season=code)
        if rel == "last":
            return this_year if this_year.start < current.start else shift_period(this_year, "year", -1)
        if rel == "next":
            return this_year if this_year.start > current.start else shift_period(this_year, "year", 1)
        if rel == "this" or current.season == code:
            return this_year if code != "WI" or current.season != "WI" else current
        direction = self.direction(start, end)
        if direction < 0 and this_year.start > current.start:
            return shift_period(this_year, "year", -1)
        return this_year

    def weekend(self, offset: int) -> Reading:
        anchor = self.anchor_date
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        period = Period("weekend", saturday + timedelta(days=7 * (offset + (1 if offset == 0 and anchor.weekday() < 5 else 0))))
        if offset < 0:
            period = Period("weekend", saturday - timedelta(days=0 if anchor.weekday() < 5 else 7))
        return Reading("DATE", period.value, period)

    # --- narrative --------------------------------------------------------------
    def reference_day(self) -> date:
        if self.use_narrative and self.reference is not None and self.reference.granularity in ("day", "time"):
            return self.reference.start
        return self.anchor_date

    def day_nearby(self, end: int) -> date | None:
        found = _NEARBY_DAY.match(self.text[end:end + 40])
        if not found:
            return None
        word = found["weekday"]
        if word.lower() in ("yesterday", "today", "tomorrow"):
            return self.anchor_date + timedelta(days=load_lexicon().relative_days[word.lower()])
        return self.weekday(weekday_number(word), end, end + found.end())

    def from_reference(self, unit: str, offset: int) -> Reading | None:
        """"the same day", "the next day", "that year": counted from the narrative's last date."""
        granularity = {"day": "day", "week": "week", "month": "month", "year": "year", "quarter": "quarter"}.get(unit)
        if granularity is None:
            return None
        base = self.reference if self.use_narrative and self.reference is not None else None
        start = base.start if base is not None else self.anchor_date
        if base is not None and base.granularity not in ("day", "time") and granularity == "day":
            if offset or base.granularity not in ("month", "year"):
                return None
            # "that same day" in a story dated only to a month: that month, the day unknown
            return Reading("DATE", base.value + ("-XX" if base.granularity == "month" else "-XX-XX"), base, narrative=True)
        period = shift_period(period_of(start, granularity), unit, offset)
        return Reading("DATE", period.value, period, narrative=base is not None)
