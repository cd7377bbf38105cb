"""When: TIMEX3 time expressions and each event's own date.

``find_timexes`` is a rule-based tagger and normaliser (precompiled patterns,
word lists in ``tidings/data/dates``); ``date_events`` gives each event the
date of the expression that governs it, else the narrative's, else the
publication date.
"""

from __future__ import annotations

from .events import date_events
from .tagger import find_timexes

__all__ = ["find_timexes", "date_events"]
