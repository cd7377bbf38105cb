"""The regular expressions of the time-expression grammar, built once from the lexicon.

Each pattern finds the core of one kind of expression; determiners and
modifiers that TimeBank keeps inside a span ("the", "last", "early",
"nearly") are part of the core patterns or added by the tagger's left
extension. A pattern with a ``core`` group contributes only that group's span
(the rest is context). Month and weekday names are matched case-sensitively (capitalised),
everything else case-insensitively.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alternation, load_lexicon


def _blocks() -> dict[str, str]:
    """Named regex fragments shared by the patterns."""
    lex = load_lexicon()
    ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    word_number = (
        rf"(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(ones)}))?|{'|'.join(teens)}|{'|'.join(ones)}"
    )
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    short_months = [m for m in lex.months if m not in full_months]
    full_days = [w for w in lex.weekdays if w.endswith("day")]
    short_days = [w for w in lex.weekdays if len(w) >= 4 and w not in full_days]
    months = rf"(?:{alternation(full_months, capitalise=True)})\b|(?:{alternation(short_months, capitalise=True)})\b\.?"
    weekdays = rf"(?:{alternation(full_days, capitalise=True)})\b|(?:{alternation(short_days, capitalise=True)})\b\.?"
    unit_forms = []
    for unit in lex.units:
        unit_forms += [unit, unit + "s"]
    unit_forms += ["centuries", "millennia"]
    number = (
        rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:a\s+|one\s+)?hundred|(?:{word_number})(?:\s+hundred)?|a\s+few|a\s+couple\s+of|"
        rf"couple\s+of|a\s+dozen|half\s+an?|several|an?|some|few|many)(?:\s+and\s+a\s+half)?"
    )
    spoken_year = (
        rf"(?:nineteen[- ](?:hundred(?:\s+and)?\s+)?(?:(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(ones)}))?|"
        rf"(?:{'|'.join(teens)}))|two\s+thousand(?:\s+(?:and\s+)?(?:{'|'.join(teens)}|{'|'.join(ones)}))?)"
    )
    return {
        "MONTH": months,
        "WEEKDAY": weekdays,
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b",
        "YEAR": r"(?<![\d$£€#.,/])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*percent)",
        "SPOKEN_YEAR": spoken_year,
        "NUMBER": number,
        "UNIT": alternation(unit_forms),
        "ORDINAL": alternation(lex.ordinals) + r"|\d{1,2}(?:st|nd|rd|th)",
        "SEASON": alternation(lex.seasons),
        "PART": alternation(lex.day_parts),
        "FREQUENCY": alternation(lex.frequencies),
        "REFERENCE": alternation(lex.references),
        "HOLIDAY": alternation(lex.holidays, capitalise=True),
        "TZ": r"(?:[ECMP][SD]T|GMT|UTC)\b",
        # zero-width guards (used inside (?i:...)): the first character of a NUMBER / REFERENCE, so
        # the engine skips most positions without trying the whole alternation (same matches, ~2x faster)
        "NUMBER_START": r"(?=[\daohtfsencmh])",
        "REFERENCE_START": rf"(?=[{''.join(sorted({w[0].lower() for w in lex.references}))}])",
    }


# name → pattern template; {BLOCK} placeholders are filled from _blocks()
PATTERNS: dict[str, str] = {
    "clock": r"\b(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\.|[ap]\.?\s?m\b))"
             r"(?:\s+\(?{TZ}\)?)?(?:,?\s+(?:(?P<weekday>{WEEKDAY})|(?P<relday>(?i:yesterday|today|tomorrow))|"
             r"(?P<month>{MONTH})\s+(?P<day>{DAY})))?",
    # a 24-hour clock ("at 22:30", "0600 GMT", "14.00 local time"): only with a time zone, "local time", "hrs",
    # or (for "hh:mm") a preposition of time before it (the rule checks), so scores, ratios and prices
    # ("fell to 10.30") stay out; not in brackets, where it restates a time just given ("10:35 a.m. (0735 GMT)")
    "clock24": r"(?<![(\d:.])(?=\d)(?P<hour>[01]?\d|2[0-3])(?:(?P<colon>:)|[.]?)(?P<minute>[0-5]\d)(?![\d:.,]\d)"
               r"(?P<zone>(?:\s*(?i:hrs|h)\b)?(?:\s+{TZ})?)(?P<local>(?=\s+(?i:local\s+time)))?",
    "clock_word": r"\b(?P<word>(?i:noon|midnight|midday))(?:,?\s+(?:(?P<weekday>{WEEKDAY})|(?P<relday>(?i:yesterday|today|tomorrow))))?",
    "clock_morning": r"\b(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s+(?i:in\s+the\s+)(?P<part>(?i:morning|afternoon|evening))",
    "day_part": r"\b(?:(?P<weekday>{WEEKDAY})|(?P<relday>(?i:yesterday|today|tomorrow))|(?P<this>(?i:this))|"
                r"(?P<early>(?i:early|late))\s+(?P<weekday2>{WEEKDAY}))\s+(?P<part>(?i:{PART}))\b",
    "last_night": r"\b(?i:last\s+night|tonight|overnight)\b",
    "full_date": r"\b(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})",
    "full_date_dmy": r"\b(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{YEAR})",
    "iso_date": r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
    "slash_date": r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)?\d\d)\b",
    "month_day": r"\b(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAY})(?![\d,:]\d)",
    "day_month": r"\b(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})",
    "month_year": r"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spoken>(?i:{SPOKEN_YEAR})))",
    "month_relyear": r"\b(?P<month>{MONTH})\s+(?P<rel>(?i:this|last|next))\s+year\b",
    "month": r"\b(?P<month>{MONTH})",
    "fiscal_year": r"\b(?i:fiscal(?:\s+year)?|the\s+(?:fiscal\s+)?year|calendar(?:\s+year)?|FY)\s*(?P<year>{YEAR})",
    "year": r"(?P<year>{YEAR})",
    "spoken_year": r"\b(?i:(?:the\s+year\s+)?(?P<spoken>{SPOKEN_YEAR}))\b",
    "decade": r"(?i:\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?)(?P<decade>(?:1[5-9]|20)\d0|'\d0)'?s\b",
    "decade_word": r"\b(?i:the\s+(?:(?:early|mid|late)[- ]?)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    "century": r"\b(?i:(?:the\s+)?(?P<ordinal>{ORDINAL})[- ]century)\b",
    "quarter": r"\b(?i:(?:(?P<year>{YEAR})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+|(?:the\s+|its\s+)(?P<ago>(?:year-earlier|year-ago|comparable|same|latest)\s+)?)?"
               r"(?:fiscal[- ])?(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter"
               r"(?:\s+of\s+(?:fiscal\s+)?(?P<year2>{YEAR})|\s+of\s+(?P<rel2>this|last|next)\s+year)?)\b",
    "quarter_code": r"\b(?P<quarter>Q[1-4])(?:\s+(?P<year>{YEAR}))?\b",
    "half": r"\b(?i:(?:the\s+)?(?P<half>first|second|last|latter)\s+half\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))\b",
    "period_ref": r"\b(?i:(?P<det>the|this|its)\s+(?P<adj>(?:(?:latest|current|previous|same|recent|most\s+recent|comparable|"
                  r"year-earlier|year-ago|prior|full|corresponding|fiscal)[\s-]+)*)(?P<noun>quarter|year|period|month|week|weekend))\b(?!-)",
    "season": r"\b(?i:(?:(?P<past>(?:this\s+)?past\s+)|(?P<rel>this|last|next|the|early|late|mid)[- ]?\s*)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spoken>{SPOKEN_YEAR})))?)\b",
    "relative_day": r"\b(?i:(?:the\s+day\s+(?P<rel>before|after)\s+)?(?P<word>today|yesterday|tomorrow))\b",
    "weekday": r"\b(?:(?P<the>(?i:the)\s+)?(?P<rel>(?i:this\s+past|last|next|this|coming|past|previous|following))\s+)?(?P<weekday>{WEEKDAY})(?!s\b)",
    "day_offset": r"\b(?i:the\s+day\s+(?P<dir>before|after))\b(?:\s+(?:(?P<rel>(?i:last|next|this))\s+)?(?P<weekday>{WEEKDAY})|"
                  r"\s+(?P<month>{MONTH})\s+(?P<day>{DAY})|(?=\s*[,.;:)]|\s+(?i:his|her|its|their)\b))",
    "narrative_part": r"\b(?i:(?:the\s+(?P<rel>next|following|previous|same)|that(?:\s+same)?)\s+(?P<part>morning|afternoon|evening|night))\b",
    # "in the morning", "by mid-afternoon": a part of the day the narrative is on (not "the morning paper")
    "narrative_daytime": r"(?i:\b(?:in|during|by|until|till|later\s+in|earlier\s+in|early\s+in|late\s+in)\s+)"
                         r"(?P<core>(?i:the\s+|mid[- ]?)(?P<part>(?i:morning|afternoon|evening)))\b"
                         r"(?!\s+(?i:of|paper|papers|news|show|edition|session|prayers?|rush|shift|sun|light)\b)",
    "week_of": r"\b(?i:the\s+week\s+of\s+)(?P<month>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
    "day_range": r"\b(?P<month>{MONTH})\s+(?P<first>{DAY})\s*(?:-|–|\b(?:and|or|to|through)\b)\s*(?P<core>(?P<day>{DAY}))(?!\s*(?:%|percent)|[\d,.]\d)",
    "unit_range": r"\b(?i:{NUMBER_START}(?P<number>{NUMBER})\s+(?:to|or)\s+(?P<number2>{NUMBER})[\s-]+(?P<unit>{UNIT}))\b",
    "weekdays_set": r"\b(?:(?i:every|each)\s+(?P<weekday>{WEEKDAY})|(?P<weekday2>{WEEKDAY})s\b)",
    "holiday": r"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<holiday>{HOLIDAY})\b",
    "unit_relative": r"\b(?i:(?P<the>the\s+)?(?P<rel>this\s+past|last|this|next|past|coming|previous|preceding|following|current|same)\s+(?P<unit>week|weekend|month|year|quarter|decade|century|day))\b",
    "unit_offset": r"\b(?i:the\s+(?P<unit>week|month|year|quarter)\s+(?P<dir>before|after|earlier|later))\b"
                   r"(?=\s*(?:[,.;:)!?\"'\u201d]|$)|\s+(?i:and|but|when|while|as|with)\b)",
    "unit_that": r"\b(?i:(?P<rel>that)\s+(?:same\s+)?(?P<unit>day|week|month|year|quarter))\b",
    "year_end": r"\b(?i:year[- ]end|year's\s+end|the\s+end\s+of\s+the\s+year)\b",
    "year_earlier": r"\b(?i:year-(?:earlier|ago))\b(?!\s+(?:quarter|period))",
    "set_every": r"\b(?i:(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<number>{NUMBER})\s+)?(?P<unit>{UNIT}))\b",
    "set_month": r"\b(?i:every|each)\s+(?P<month>{MONTH})",
    "set_rate": r"\b(?i:(?:a|per)\s+(?P<unit>day|week|month|year|quarter|hour))\b",
    "frequency": r"\b(?i:(?P<word>{FREQUENCY}))\b",
    "ago": r"\b(?i:{NUMBER_START}(?P<number>{NUMBER})[\s-]+(?P<unit>{UNIT})(?P<and_half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<direction>ago|earlier|from\s+now|hence|back))\b",
    "year_period": r"\b(?i:the\s+(?P<year>{YEAR})\s+(?P<noun>quarter|period|fiscal\s+year|first\s+half|second\s+half))\b",
    "the_duration": r"\b(?i:the\s+(?:(?P<rel>first|past|last|next|latest|coming|previous|final|following|remaining)\s+)?(?P<number>{NUMBER})\s+(?P<unit>{UNIT}))\b",
    "duration": r"\b(?i:{NUMBER_START}(?P<number>{NUMBER})(?:\s+(?:more|additional|further|full|straight|consecutive))?(?:\s+|-)(?P<unit>{UNIT})(?P<and_half>\s+and\s+a\s+half)?(?P<suffix>-(?:long|old))?)\b",
    "vague_duration": r"(?i:\b(?:for|over|within|after|in|took|take|takes|of)\s+(?P<core>(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)(?P<suffix>-long)?))\b",
    "vague_span": r"(?i:\b(?P<core>(?P<unit>hours|minutes|days|weeks|months|years|decades))(?=\s+(?:later|earlier|ago|afterwards?)\b))",
    "reference": r"\b(?i:{REFERENCE_START}(?P<word>{REFERENCE}))\b",
}

# tie-break among equally long candidates: lower wins
PRIORITY = {name: index for index, name in enumerate(PATTERNS)}


@lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern[str]]:
    """The grammar's patterns, compiled once per process."""
    blocks = _blocks()
    out = {}
    for name, template in PATTERNS.items():
        pattern = template
        for key, fragment in blocks.items():
            pattern = pattern.replace("{" + key + "}", f"(?:{fragment})")
        out[name] = re.compile(pattern)
    return out


def _words(phrases) -> tuple[str, ...]:
    """One word of each phrase (its last): a phrase can only match where that word occurs."""
    return tuple(sorted({re.split(r"[\s-]+", p.lower())[-1] for p in phrases}))


@lru_cache(maxsize=1)
def gates() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Per pattern, groups of lower-case literals: a match contains one literal of every group.

    ``find_timexes`` skips a pattern when some group has no literal in the
    (case-folded) text, so the grammar's ~50 passes shrink to the few that can
    match; the output is unchanged. Patterns not listed always run.
    """
    lex = load_lexicon()
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    weekdays = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    units = tuple(sorted({u[:6] for u in lex.units} | {"centur", "millenni"}))
    parts = _words(lex.day_parts)
    relative_days = ("today", "yesterday", "tomorrow")
    calendar = ("quarter", "year", "period", "month", "week")
    return {
        "clock_word": (("noon", "midnight", "midday"),),
        "clock24": ((":", "gmt", "utc", "local", "hrs", "h", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt"),),
        "clock_morning": (("morning", "afternoon", "evening"),),
        "day_part": (parts,),
        "last_night": (("night",),),
        "full_date": (months,), "full_date_dmy": (months,), "month_day": (months,), "day_month": (months,),
        "month_year": (months,), "month_relyear": (months,), "month": (months,), "week_of": (months,),
        "day_range": (months,), "set_month": (months, ("every", "each")),
        "slash_date": (("/",),),
        "fiscal_year": (("fiscal", "year", "calendar", "fy"),),
        "spoken_year": (("nineteen", "thousand"),),
        "decade": (("0s", "0's"),),
        "decade_word": (("ties",),),
        "century": (("century",),),
        "quarter": (("quarter",),),
        "quarter_code": (("q1", "q2", "q3", "q4"),),
        "half": (("half",),),
        "period_ref": (calendar,),
        "season": (_words(lex.seasons),),
        "relative_day": (relative_days,),
        "weekday": (weekdays,), "weekdays_set": (weekdays,),
        "day_offset": (("day",),),
        "narrative_part": (parts,), "narrative_daytime": (("morning", "afternoon", "evening"),),
        "unit_range": (units, ("to", "or")),
        "holiday": (_words(lex.holidays),),
        "unit_relative": (units,), "unit_that": (("that",), units),
        "unit_offset": (("the",), ("before", "after", "earlier", "later")),
        "year_end": (("year",),), "year_earlier": (("year-",),),
        "set_every": (units, ("every", "each", "per")),
        "set_rate": (units, ("a", "per")),
        "frequency": (_words(lex.frequencies),),
        "ago": (units, ("ago", "earlier", "from", "hence", "back")),
        "year_period": (("the",), ("quarter", "period", "year", "half")),
        "the_duration": (units, ("the",)),
        "duration": (units,),
        "vague_duration": (units,),
        "vague_span": (units, ("later", "earlier", "ago", "afterward")),
        "reference": (_words(lex.references),),
    }


@lru_cache(maxsize=1)
def calendar_names() -> re.Pattern[str]:
    """Capitalised words that belong in a time expression (months, weekdays, holidays, zones)."""
    blocks = _blocks()
    return re.compile(rf"(?:{blocks['MONTH']}|{blocks['WEEKDAY']}|{blocks['HOLIDAY']}|{blocks['TZ']}|[AP]\.?M\b|Q[1-4]\b|FY\b)")
