"""Expressions common in international news that the TimeBank-shaped grammar used to miss (tidings.dates).

24-hour clocks, "this past week", "the fourth quarter of last year", "the year before",
"half a year", "a fortnight ago", "hours later", "in the morning" of the story's day.
"""

from __future__ import annotations

import pytest

from tidings.dates import find_timexes

PUBLISHED = "2023-05-30"  # a Tuesday, ISO week 22


def _values(text: str, anchor: str = PUBLISHED) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, anchor)}


@pytest.mark.parametrize("text, expected", [
    ("Shelling began at 05:00 and stopped at 07:45.",
     {"05:00": ("TIME", "2023-05-30T05:00"), "07:45": ("TIME", "2023-05-30T07:45")}),
    ("The curfew starts at 22:00 on Friday.", {"22:00": ("TIME", "2023-05-26T22:00"), "Friday": ("DATE", "2023-05-26")}),
    ("The first missiles struck at 0340 GMT.", {"0340 GMT": ("TIME", "2023-05-30T03:40")}),
    ("Voting closed at 20.00 local time.", {"20.00": ("TIME", "2023-05-30T20:00")}),
])
def test_24_hour_clock(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text", [
    "The home side won the match 3:1 in extra time.",
    "The index fell to 10.30 points.",
    "Read John 3:16 aloud.",
    "Shares closed at 10.45 on the day.",  # "hh.mm" needs a time zone, "local time" or "hrs" to be a clock time
    "The meeting starts at 1:30.",  # a one-digit hour: the 12-hour clock, a.m. or p.m. unknown
])
def test_numbers_that_are_not_clock_times(text):
    assert [t for t in find_timexes(text, PUBLISHED) if t.type == "TIME"] == []


def test_clock_restated_in_brackets_is_not_a_second_time():
    values = _values("The blast came at 10:35 a.m. (0735 GMT).")
    assert values == {"10:35 a.m.": ("TIME", "2023-05-30T10:35")}


def test_sentence_full_stop_stays_outside_a_clock():
    assert _values("The shelling started at 6am.") == {"6am": ("TIME", "2023-05-30T06:00")}
    assert "6 a.m." in _values("The shelling started at 6 a.m. sharp.")


@pytest.mark.parametrize("text, expected", [
    ("He spoke this past weekend.", {"this past weekend": ("DATE", "2023-W21-WE")}),
    ("Prices fell this past week.", {"this past week": ("DATE", "2023-W21")}),
    ("The vote was held this past Sunday.", {"this past Sunday": ("DATE", "2023-05-28")}),
    ("Exports fell in the fourth quarter of last year.", {"the fourth quarter of last year": ("DATE", "2022-Q4")}),
    ("Output will rise in the first quarter of next year.", {"the first quarter of next year": ("DATE", "2024-Q1")}),
])
def test_relative_calendar_phrases(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text, phrase, value", [
    ("He was elected in 2019. The previous year he had resigned.", "The previous year", "2018"),
    ("He was elected in 2019 and had resigned the year before.", "the year before", "2018"),
    ("The port reopened in March 2021; the month after, ships returned.", "the month after", "2021-04"),
    ("He was elected in 2019. The preceding year was calm.", "The preceding year", "2018"),
])
def test_one_unit_from_the_narrative(text, phrase, value):
    assert _values(text)[phrase] == ("DATE", value)


def test_the_year_before_an_event_is_not_counted_from_the_narrative():
    assert "the year before" not in _values("He was elected in 2019 and had resigned the year before the war.")


@pytest.mark.parametrize("text, expected", [
    ("Talks have dragged on for half a year.", {"half a year": ("DURATION", "P6M")}),
    ("The meeting lasted half an hour.", {"half an hour": ("DURATION", "PT30M")}),
    ("A fortnight ago, the rebels attacked.", {"A fortnight ago": ("DATE", "2023-05-16")}),
    ("Hours later, police arrived.", {"Hours": ("DURATION", "PTXH")}),
    ("Rescuers, who arrived days later, found nobody.", {"days": ("DURATION", "PXD")}),
])
def test_amounts_of_time(text, expected):
    assert _values(text) == expected


def test_part_of_the_narrative_day():
    text = "The army entered the town on March 3, 2022. By mid-afternoon the shooting had stopped."
    assert _values(text)["mid-afternoon"] == ("TIME", "2022-03-03TAF")
    text = "Rebels attacked on Friday. In the morning, the roads were closed."
    assert _values(text)["the morning"] == ("TIME", "2023-05-26TMO")
    assert "the morning" not in _values("He read it in the morning papers.")


def test_end_of_month_modifier_is_kept_in_the_span():
    assert _values("The report is due end-June.") == {"end-June": ("DATE", "2023-06")}
