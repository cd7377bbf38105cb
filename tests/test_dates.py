"""Time expressions (tidings.dates.find_timexes) and each event's own date (date_events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.dates import date_events, find_timexes
from tidings.dates.calendar import parse_value, period_end
from tidings.eval.time import evaluate
from tidings.models import Event

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_8042253118dc0e93.txt"
FIXTURE = Path(__file__).parent / "fixtures" / "dates" / "mini_timeml.jsonl"
PUBLISHED = "2023-05-30"  # a Tuesday


def _values(text: str, anchor: str = PUBLISHED) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, anchor)}


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("seed article ../shared/seed is absent")
    return SEED.read_text(encoding="utf-8")


def test_seed_expressions(seed_text):
    found = {t.text: t for t in find_timexes(seed_text, PUBLISHED)}
    assert found["Tuesday"].value == "2023-05-30"
    assert found["last month"].value == "2023-04"
    assert found["this spring"].value == "2023-SP"
    assert found["1991"].value == "1991"
    assert found["31 years"].type == "DURATION" and found["31 years"].value == "P31Y"
    decade = found["nearly a decade and a half ago"]
    assert decade.value == "2009" and decade.approximate and decade.granularity == "year"
    assert found["three decades ago"].value == "1993" and found["three decades ago"].approximate
    assert found["May 30, 2023"].value == "2023-05-30"
    assert found["Wednesday"].value == "2023-05-31"  # "scheduled ... before returning home on Wednesday"
    assert all(t.rule.startswith("dates:") for t in found.values())


@pytest.mark.parametrize("text, expected", [
    ("The minister resigned yesterday.", {"yesterday": ("DATE", "2023-05-29")}),
    ("Talks resume tomorrow.", {"tomorrow": ("DATE", "2023-05-31")}),
    ("The vote is tonight.", {"tonight": ("TIME", "2023-05-30TNI")}),
    ("Sales fell in the third quarter.", {"the third quarter": ("DATE", "2022-Q3")}),
    ("Sales will rise in the third quarter.", {"the third quarter": ("DATE", "2023-Q3")}),
    ("Profit rose in fiscal 1998.", {"fiscal 1998": ("DATE", "1998")}),
    ("Rents doubled in the 1990s.", {"the 1990s": ("DATE", "199")}),
    ("The treaty dates from the 19th century.", {"the 19th century": ("DATE", "18")}),
    ("The army left last year.", {"last year": ("DATE", "2022")}),
    ("The bank said earlier this year that it would expand.", {"earlier this year": ("DATE", "2023")}),
    ("They talked for two weeks.", {"two weeks": ("DURATION", "P2W")}),
    ("The talks lasted 2 1/2 hours.", {"2 1/2 hours": ("DURATION", "PT2H30M")}),
    ("Inspectors visit every week.", {"every week": ("SET", "P1W")}),
    ("The paper is published daily.", {"daily": ("SET", "P1D")}),
    ("Prices are now higher than they were recently.", {"now": ("DATE", "PRESENT_REF"), "recently": ("DATE", "PAST_REF")}),
    ("Nobody knows what the future holds.", {"the future": ("DATE", "FUTURE_REF")}),
    ("He arrived at 10:35 a.m. Monday.", {"10:35 a.m. Monday": ("TIME", "2023-05-29T10:35")}),
    ("Police arrived Monday morning.", {"Monday morning": ("TIME", "2023-05-29TMO")}),
    ("The ceasefire began on March 3, 2022.", {"March 3, 2022": ("DATE", "2022-03-03")}),
    ("The ceasefire began in January 2022.", {"January 2022": ("DATE", "2022-01")}),
    ("The embassy opened last October.", {"last October": ("DATE", "2022-10")}),
    ("Elections are due in October.", {"October": ("DATE", "2023-10")}),
    ("Troops withdrew six weeks ago.", {"six weeks ago": ("DATE", "2023-W16")}),
    ("It happened two years ago.", {"two years ago": ("DATE", "2021")}),
    ("The deal closes next week.", {"next week": ("DATE", "2023-W23")}),
    ("Crowds gathered last Friday.", {"last Friday": ("DATE", "2023-05-26")}),
    ("The summit will open Friday.", {"Friday": ("DATE", "2023-06-02")}),
    ("Fighting resumed last summer.", {"last summer": ("DATE", "2022-SU")}),
    ("It was the best result in the past year.", {"the past year": ("DATE", "2022")}),  # TimeBank: the year before
])
def test_expressions(text, expected):
    assert _values(text) == expected


def test_spans_follow_timebank():
    found = {t.text for t in find_timexes("Profits rose in the fourth quarter, up from about three years ago, in mid-1996.", PUBLISHED)}
    assert "the fourth quarter" in found
    assert "three years ago" in found  # "about" stays outside the span
    assert "mid-1996" in found


def test_no_false_years_or_months():
    assert find_timexes("The company employs 2,500 people and paid $1991 in fees.", PUBLISHED) == []
    assert find_timexes("Theresa May said the bill may pass.", PUBLISHED) == []


def test_a_year_earlier_follows_the_narrative_quarter():
    text = "Net income rose in the third quarter. It had fallen a year earlier."
    values = _values(text, "1989-10-26")
    assert values["the third quarter"] == ("DATE", "1989-Q3")
    assert values["a year earlier"] == ("DATE", "1988-Q3")


def test_without_anchor_relative_values_are_unknown():
    values = _values("It happened yesterday, in 1991.", None)
    assert values == {"yesterday": ("DATE", "XXXX"), "1991": ("DATE", "1991")}


def test_calendar_values():
    assert parse_value("2023-W21").event_granularity == "week"
    assert period_end(parse_value("2023-SP")).isoformat() == "2023-05-31"
    assert parse_value("P3Y") is None and parse_value("PAST_REF") is None


# --- event dates -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def parse(nlp):
    from tidings.nlp import parse_article

    def run(text: str):
        return parse_article(nlp, [text])[0]

    return run


def _event(doc, trigger: str, occurrence: int = 0) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(trigger, start + 1)
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    return Event("CONSULT", sentence=sentence.text, sentence_start=sentence.start_char, sentence_end=sentence.end_char,
                 trigger=trigger, trigger_start=start, trigger_end=start + len(trigger))


@pytest.mark.parametrize("text, trigger, date, granularity, source, historical", [
    ("Israel recognised Azerbaijan's independence in 1991.", "recognised", "1991", "year", "timex:1991", True),
    ("Foreign Minister Eli Cohen visited Baku last month.", "visited", "2023-04", "month", "timex:last month", False),
    ("Herzog met Tuesday with Aliyev.", "met", "2023-05-30", "day", "timex:Tuesday", False),
    ("Herzog met with Aliyev in Baku.", "met", "2023-05-30", "day", "published", False),
    ("The two states signed a treaty three decades ago.", "signed", "1993", "year", "timex:three decades ago", True),
])
def test_event_dates(parse, text, trigger, date, granularity, source, historical):
    doc = parse(text)
    event = _event(doc, trigger)
    date_events([event], find_timexes(text, PUBLISHED), doc, PUBLISHED)
    assert (event.date, event.date_granularity, event.date_source, event.historical) == (date, granularity, source, historical)


def test_event_date_ignores_a_timex_governed_by_another_verb(parse):
    text = "Herzog laid a wreath at the grave of Heydar Aliyev, who presided over the ties three decades ago."
    doc = parse(text)
    laid, presided = _event(doc, "laid"), _event(doc, "presided")
    date_events([laid, presided], find_timexes(text, PUBLISHED), doc, PUBLISHED)
    assert laid.date_source == "published"
    assert presided.date == "1993" and presided.historical


def test_event_date_from_the_narrative(parse):
    text = "On March 3, 2021, rebels entered the town.\nThey burned the market. Then they left."
    doc = parse(text)
    burned = _event(doc, "burned")
    date_events([burned], find_timexes(text, PUBLISHED), doc, PUBLISHED)
    assert (burned.date, burned.date_source, burned.historical) == ("2021-03-03", "narrative", True)


def test_event_dates_without_parse():
    text = "Herzog met Tuesday with Aliyev."
    event = Event("CONSULT", sentence=text, sentence_start=0, sentence_end=len(text), trigger="met", trigger_start=7, trigger_end=10)
    date_events([event], find_timexes(text, PUBLISHED), None, PUBLISHED)
    assert event.date == "2023-05-30" and event.date_source == "timex:Tuesday"


# --- the scorer --------------------------------------------------------------------------------

def test_time_eval_on_fixture():
    result = evaluate(str(FIXTURE))
    assert result["n"] == {"documents": 2, "timexes": 6, "predicted": result["n"]["predicted"]}
    assert result["strict_f1"] > 0.8 and result["relaxed_f1"] > 0.8 and result["value_f1"] > 0.6
    assert {"strict_f1", "relaxed_f1", "value_f1", "n", "misses"} <= set(result)
