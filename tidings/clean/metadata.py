"""Small readers of article metadata from text: dates, publisher names, language.

They work on strings only, so the plain-text and HTML paths share them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from .rules import load_rules

_MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_FULL_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')}\s*,?\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|\b(?P<year3>(?:19|20)\d\d)-(?P<month3>[01]\d)-(?P<day3>[0-3]\d)\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})\b|\b(?P<day2>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}\b", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile|edition|news)\.")


def _make_date(year: str | int, month: str | int, day: str | int) -> str | None:
    """An ISO date from parts (month as number or English name); None when not a real date."""
    try:
        if isinstance(month, str) and not month.isdigit():
            month = _MONTHS[month.lower()[:3]]
        return date(int(year), int(month), int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def find_dates(text: str) -> list[str]:
    """Every full calendar date (with a year) written in the text, as ISO strings, in order."""
    found = []
    for m in _FULL_DATE.finditer(text):
        if m.group("year"):
            value = _make_date(m.group("year"), m.group("month"), m.group("day"))
        elif m.group("year2"):
            value = _make_date(m.group("year2"), m.group("month2"), m.group("day2"))
        else:
            value = _make_date(m.group("year3"), m.group("month3"), m.group("day3"))
        if value:
            found.append(value)
    return found


def month_day(text: str, year: int) -> str | None:
    """A 'May 30' / '30 May' date completed with a known year (datelines often omit it)."""
    m = _MONTH_DAY.search(text)
    if not m:
        return None
    if m.group("month"):
        return _make_date(year, m.group("month"), m.group("day"))
    return _make_date(year, m.group("month2"), m.group("day2"))


def normalise_iso(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) out of an ISO date or timestamp; None when it is not one."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if m:
        return _make_date(*m.groups())
    dates = find_dates(value)
    return dates[0] if dates else None


def clean_publisher(name: str) -> str | None:
    """A publisher candidate without trailing words like 'Reader' or 'News' and not a stop word."""
    words = name.strip(" .,'-").split()
    while words and words[-1].lower() in {"reader", "readers", "newsletter", "team"}:
        words.pop()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    candidate = " ".join(words)
    if not candidate or candidate in load_rules().not_publisher or len(candidate) < 2:
        return None
    return candidate


def publisher_from_lines(lines: Iterable[str]) -> str | None:
    """The site name most often named by furniture lines ('full access to JNS', '© 2023 Acme News')."""
    rules = load_rules()
    votes: Counter[str] = Counter()
    for line in lines:
        for pattern in rules.publisher:
            for m in pattern.finditer(line):
                candidate = clean_publisher(m.group("publisher"))
                if candidate:
                    votes[candidate] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def publisher_from_url(url: str | None) -> str | None:
    """The site's host name ('www.jns.org' → 'jns.org') as a last-resort publisher."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = _HOST_PREFIX.sub("", host.lower())
    return host or None


def guess_language(text: str) -> str | None:
    """The language whose commonest words cover most of the text (None when unsure)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < 20:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) / len(words) for lang, stop in load_rules().stopwords.items()}
    lang, score = max(scores.items(), key=lambda item: item[1])
    return lang if score >= 0.08 else None
