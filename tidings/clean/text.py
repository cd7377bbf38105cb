"""Plain text that still carries its web page: find the article, set the furniture aside.

Scraped pages come as lines: a title, a dek, photo captions with credits, the
news paragraphs, then paywall, donation and newsletter nags. Each line is
classified on its own (patterns from ``tidings/data/clean``), then a few rules
look at neighbours (a short line between two nags is a nag too; a line seen
before is a repeat). Nothing is dropped silently: every line taken out of the
body becomes a ``Removed`` with its reason and line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Removed
from .found import Cleaned
from .metadata import find_dates, month_day, normalise_iso, publisher_from_lines
from .rules import CleanRules, load_rules

BODY = "body"
CAPTION = "caption"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”)\]]*$")
# A no-break space after a sentence, before an opening quote: a paragraph break lost in scraping
# (news style gives each new quotation its own paragraph).
_COLLAPSED_BREAK = re.compile(r"(?<=[.!?”\"])\u00a0\s*(?=[“\"])")
_TOP_LINES = 8  # bylines and "Published …" lines are looked for among the first lines only


@dataclass(slots=True)
class Line:
    number: int  # 1-based line number in the input
    text: str
    block: int  # index of the blank-line-separated block the line is in
    label: str = BODY  # "body", "caption" or a furniture reason


def split_lines(content: str) -> list[Line]:
    """Non-blank lines with their numbers and block indexes; odd spaces made plain."""
    lines, block, previous_blank = [], 0, False
    for number, raw in enumerate(content.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        parts = [_SPACES.sub(" ", part).strip() for part in _COLLAPSED_BREAK.split(raw)]
        parts = [part for part in parts if part]
        if not parts:
            previous_blank = True
            continue
        if previous_blank and lines:
            block += 1
        previous_blank = False
        lines.extend(Line(number, part, block) for part in parts)
    return lines


def split_caption(line: str, rules: CleanRules) -> tuple[str, str] | None:
    """(caption, credit) when the line is a photo caption carrying a credit, else None."""
    if len(line.split()) > rules.max_caption_words:
        return None
    for pattern in rules.credit:
        m = pattern.search(line)
        if m:
            return line[:m.start()].strip(), m.group("credit").strip(" .")
    return None


def _label_lines(lines: list[Line], rules: CleanRules) -> None:
    """Label each line on its own: caption, furniture reason, or body."""
    for line in lines:
        if split_caption(line.text, rules):
            line.label = CAPTION
        else:
            line.label = rules.furniture_reason(line.text) or BODY


def _label_sandwiched(lines: list[Line], rules: CleanRules, max_run: int = 5) -> None:
    """A few short body lines between furniture lines (or furniture and the end) are furniture too.

    Nags come in clusters ("Just before you scroll on…", "Most read" + headlines);
    a short line inside such a cluster belongs to it, not to the article.
    """
    def furniture(line: Line) -> bool:
        return line.label not in (BODY, CAPTION)

    i = 2
    while i < len(lines):
        if lines[i].label != BODY or not furniture(lines[i - 1]):
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].label == BODY and len(lines[end].text.split()) <= rules.max_title_words:
            end += 1
        closed = end == len(lines) or furniture(lines[end])
        if end > i and end - i <= max_run and closed:
            for line in lines[i:end]:
                line.label = lines[i - 1].label
        i = max(end, i + 1)


def _label_repeats(lines: list[Line]) -> None:
    """A body line that repeats an earlier body line is page furniture (menus, pull quotes)."""
    seen: set[str] = set()
    for line in lines:
        if line.label in ("title", "dek"):
            seen.add(line.text.casefold())
        if line.label != BODY:
            continue
        key = line.text.casefold()
        if key in seen:
            line.label = "repeated"
        seen.add(key)


def _is_title(line: Line, rules: CleanRules) -> bool:
    words = len(line.text.split())
    return (words <= rules.max_title_words and len(line.text) <= rules.max_title_chars
            and not line.text.endswith(".") and not rules.dateline.match(line.text + " "))


def _is_dek(line: Line, following: Line | None, rules: CleanRules) -> bool:
    """The dek is a short line after the title that reads as a summary, not the first paragraph."""
    words = len(line.text.split())
    if words > rules.max_dek_words or rules.dateline.match(line.text):
        return False
    if following is None:
        return False
    if following.label != BODY or not _SENTENCE_END.search(line.text):
        return True
    return words <= 25 and words < 0.6 * len(following.text.split())


def _take_heading(lines: list[Line], result: Cleaned, rules: CleanRules, known_title: str | None) -> None:
    """Title and dek from the first body lines, when the page has more body after them.

    When the source already named the title (JSONL, feed), only a first line
    repeating it is taken as the title.
    """
    body = [line for line in lines if line.label == BODY]
    if len(body) < 3 or not _is_title(body[0], rules):
        return
    if known_title and body[0].text.casefold() != " ".join(known_title.split()).casefold():
        return
    result.title = body[0].text
    body[0].label = "title"
    rest = [line for line in lines if line.label != "title"]
    first = next((i for i, line in enumerate(rest) if line.label == BODY), None)
    if first is None or first > 2:
        return
    following = next((line for line in rest[first + 1:]), None)
    if len(body) >= 4 and _is_dek(rest[first], following, rules):
        result.subtitle = rest[first].text
        rest[first].label = "dek"


def _take_byline_and_date(lines: list[Line], result: Cleaned, rules: CleanRules) -> None:
    """'By Jane Doe, Agency' and 'Published May 30, 2023' lines near the top."""
    for line in lines[:_TOP_LINES]:
        if line.label != BODY or len(line.text.split()) > 15:
            continue
        for pattern in rules.byline:
            m = pattern.match(line.text)
            if m and not result.author:
                result.author = m.group("author")
                if m.groupdict().get("publisher"):
                    result.publisher = m.group("publisher").strip()
                line.label = "byline"
                break
        for pattern in rules.published_line:
            m = pattern.match(line.text)
            value = normalise_iso(m.group("date")) if m else None
            if value:
                line.label = "date"
                if not result.published:
                    result.published, result.published_source = value, "text"
                break


def _is_wrapped(lines: list[Line]) -> bool:
    """Whether paragraphs were hard-wrapped (lines of a block continue one another)."""
    inner = [a for a, b in zip(lines, lines[1:]) if a.block == b.block]
    if len(inner) < 3:
        return False
    open_ended = sum(1 for line in inner if not _SENTENCE_END.search(line.text))
    return open_ended / len(inner) > 0.5 and max(len(line.text) for line in lines) <= 100


def _paragraphs(lines: list[Line]) -> list[str]:
    """Body lines as paragraphs: one a line, or one a block when the text was hard-wrapped."""
    kept = [line for line in lines if line.label == BODY]
    if not _is_wrapped(lines):
        return [line.text for line in kept]
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in kept:
        if previous is not None and previous.block == line.block and previous.number == line.number - 1:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _date_from_dateline(paragraphs: list[str], year_hint: str | None, rules: CleanRules) -> str | None:
    """'BAKU, May 30, 2023 (Reuters) —' opening the first paragraph; the year may come from a hint."""
    if not paragraphs:
        return None
    m = rules.dateline.match(paragraphs[0])
    if not m or not m.group("date"):
        return None
    full = find_dates(m.group("date"))
    if full:
        return full[0]
    return month_day(m.group("date"), int(year_hint[:4])) if year_hint else None


def clean_text(content: str, known_title: str | None = None) -> Cleaned:
    """Separate a plain-text page into body paragraphs, metadata and audited removals."""
    rules = load_rules()
    lines = split_lines(content)
    _label_lines(lines, rules)
    _label_sandwiched(lines, rules)
    result = Cleaned(paragraphs=[])
    _take_heading(lines, result, rules, known_title)
    _take_byline_and_date(lines, result, rules)
    _label_repeats(lines)
    for line in lines:
        if line.label == CAPTION:
            caption, credit = split_caption(line.text, rules) or (line.text, "")
            if caption and caption not in result.captions:
                result.captions.append(caption)
            if credit and credit not in result.credits:
                result.credits.append(credit)
        if line.label != BODY:
            result.removed.append(Removed(text=line.text, reason=line.label, line=line.number))
    result.paragraphs = _paragraphs(lines)
    furniture = [line.text for line in lines if line.label not in (BODY, CAPTION, "title", "dek")]
    result.publisher = result.publisher or publisher_from_lines(furniture)
    _date_from_text(result, rules)
    return result


def _date_from_text(result: Cleaned, rules: CleanRules) -> None:
    """Publication date: a 'Published …' line, else the dateline, else the latest caption date."""
    caption_dates = sorted(d for caption in result.captions for d in find_dates(caption))
    if result.published:
        return
    dateline = _date_from_dateline(result.paragraphs, caption_dates[-1] if caption_dates else None, rules)
    if dateline:
        result.published, result.published_source = dateline, "dateline"
    elif caption_dates:
        result.published, result.published_source = caption_dates[-1], "caption"
