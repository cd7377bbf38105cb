"""Tense from the governing verb, narrative anchoring, ranges and names (tidings.dates)."""

from __future__ import annotations

import pytest

from tidings.dates import date_events, find_timexes
from tidings.dates.events import dated_timexes
from tidings.models import Event

PUBLISHED = "2023-05-30"  # a Tuesday


def _values(text: str, anchor: str = PUBLISHED, doc=None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, anchor, doc=doc)}


@pytest.fixture(scope="module")
def parse(nlp):
    from tidings.nlp import parse_article

    return lambda text: parse_article(nlp, [text])[0]


# --- tense ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Herzog met Aliyev on Friday.", "2023-05-26"),
    ("Herzog will meet Aliyev on Friday.", "2023-06-02"),
    ("The two leaders meet separately Friday with the envoy.", "2023-06-02"),  # news present = coming
    ("The team planned to leave Baku on Friday.", "2023-06-02"),
    ("The offer had been scheduled to expire Friday.", "2023-05-26"),
    ("Officials said Friday that the talks had failed.", "2023-05-26"),
    ("The father would be traveling to Baku Friday with his wife.", "2023-06-02"),
])
def test_weekday_follows_the_governing_verb(parse, text, expected):
    assert _values(text, doc=parse(text))["Friday"] == ("DATE", expected)


def test_a_doc_for_another_text_is_ignored(parse):
    text = "Herzog will meet Aliyev on Friday."
    assert _values(text, doc=parse("Something else entirely.")) == {"Friday": ("DATE", "2023-06-02")}


@pytest.mark.parametrize("text, word, expected", [
    ("The team planned to leave Baku on Friday.", "Friday", "2023-06-02"),
    ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "2023-05-26T24"),
    ("Lawyers challenged Wednesday's ruling in a new filing.", "Wednesday", "2023-05-24"),
    ("Dividends would be paid on a still unspecified date in January.", "January", "2024-01"),
])
def test_cue_words_without_a_parse(text, word, expected):
    assert _values(text)[word][1] == expected


# --- narrative -----------------------------------------------------------------------------------

STORY = ("On March 3, 2021, rebels entered the town. Three days later they burned the market. "
         "The next morning they left. That night it rained. Two days earlier, a convoy had passed.")


def test_narrative_expressions_count_from_the_last_date():
    values = _values(STORY)
    assert values["Three days"] == ("DURATION", "P3D")  # TimeML: "later" stays outside the span
    assert values["The next morning"] == ("TIME", "2021-03-07TMO")
    assert values["That night"] == ("TIME", "2021-03-07TNI")
    assert values["Two days earlier"] == ("DATE", "2021-03-05")


def test_later_durations_date_events_in_the_narrative(parse):
    found = find_timexes(STORY, PUBLISHED)
    periods = {t.text: p.value for t, p in dated_timexes(found, STORY)}
    assert periods["Three days"] == "2021-03-06"
    start = STORY.index("Three days")
    sentence_end = STORY.index(".", start) + 1
    event = Event("ASSAULT", sentence=STORY[start:sentence_end], sentence_start=start, sentence_end=sentence_end,
                  trigger="burned", trigger_start=STORY.index("burned"), trigger_end=STORY.index("burned") + 6)
    date_events([event], found, parse(STORY), PUBLISHED)
    assert (event.date, event.date_source, event.historical) == ("2021-03-06", "timex:Three days", True)


@pytest.mark.parametrize("text, expected", [
    ("The day before last Tuesday's hearing, he spoke.", {"The day before last Tuesday": ("DATE", "2023-05-22")}),
    ("A hearing is set for the week of March 6, 2023.", {"the week of March 6, 2023": ("DATE", "2023-W10")}),
    ("On May 3, 2023, the index fell. The day after, it rose.",
     {"May 3, 2023": ("DATE", "2023-05-03"), "The day after": ("DATE", "2023-05-04")}),
    ("In 1998 the law passed. The following year it was repealed.",
     {"1998": ("DATE", "1998"), "The following year": ("DATE", "1999")}),
    ("He was shot in October 2022. His name was crossed out that same day.",
     {"October 2022": ("DATE", "2022-10"), "that same day": ("DATE", "2022-10-XX")}),
])
def test_relative_to_another_date(text, expected):
    assert _values(text) == expected


# --- ranges, names, rates ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The summit was held on April 24 and 25.", {"April 24": ("DATE", "2023-04-24"), "25": ("DATE", "2023-04-25")}),
    ("He was arrested twice from 1991 to 1997.", {"1991": ("DATE", "1991"), "1997": ("DATE", "1997")}),
    ("Shipments resume within two to three weeks.", {"two to three weeks": ("DURATION", "P2W")}),
    ("The boy stays for at least two more weeks.", {"at least two more weeks": ("DURATION", "P2W")}),
    ("Prices have fallen in recent months.", {"recent months": ("DURATION", "PXM")}),
    ("Between 1,500 to 2,000 troops crossed.", {}),
    ('Baker said on ABC\'s "This Week With David Brinkley" that talks would go on.', {}),
    ("Gonzalez said on CBS's 60 Minutes that he would stay.", {}),
    ("Revenue should increase by 20% annually.", {}),
    ("Analysts doubt future earnings. The future looks grim.", {"The future": ("DATE", "FUTURE_REF")}),
    ("Today the talks resume.", {"Today": ("DATE", "2023-05-30")}),
])
def test_ranges_names_and_rates(text, expected):
    assert _values(text) == expected
