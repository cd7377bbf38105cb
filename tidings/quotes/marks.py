"""Quotation marks: one regex pass over the text pairs opening and closing marks.

Newsroom conventions handled here, without any parse:

- curly double quotes “…”, German „…“, guillemets «…» and »…«, straight "…";
- curly single quotes ‘…’ only where they cannot be apostrophes (an opening
  ‘ after a space, a closing ’ not followed by a letter), and only outside a
  double-quoted span (inside one they are a nested quote);
- a straight mark closing right after a nested single quote and a space
  (``"… 'Well done,' " she said``) — typographers keep the two marks apart;
- a quote that runs over several paragraphs: the opening paragraph has no
  closing mark and the next paragraph opens with a mark. Each paragraph's
  piece is kept (``pieces``) so callers can report per paragraph or as one.

A mark left open at a paragraph end that is not followed by a continuing
paragraph is closed at the paragraph end with ``closed=False`` (a typo in the
source, or a quote whose closing mark was lost in extraction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Every character that may open or close a quotation, and paragraph breaks.
_MARKS = re.compile(r"[\"“”„«»‘’]|\n")
_CLOSER_OF = {"“": "”", "„": "“", "«": "»", "»": "«", '"': '"', "‘": "’"}
_DOUBLE_OPENERS = {"“", "„", "«", '"'}
# mixed-up marks seen in scraped text; an opening glyph closes only in a closing position (“…,“ said X)
_ALSO_CLOSES = {"“": {'"', "“"}, '"': {"”"}, "„": {"”", '"'}}


@dataclass(slots=True)
class QuoteMarks:
    """A quoted span: ``open``/``close`` are the mark offsets, ``start``/``end`` the content."""

    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark (or the paragraph end when not closed)
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    mark: str  # the opening mark
    closed: bool = True
    pieces: list[tuple[int, int]] = field(default_factory=list)  # per-paragraph content spans

    @property
    def multi_paragraph(self) -> bool:
        return len(self.pieces) > 1


def _is_opening_position(text: str, i: int) -> bool:
    """A straight or single mark opens when it follows a space/start and precedes a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:,;") and not after.isspace()


def _is_closing_position(text: str, i: int) -> bool:
    """A mark closes after a non-space, or after a nested single quote and a typographer's space
    (``… 'Well done,' " she said``), when a space or punctuation follows."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    nested = before == " " and i > 1 and text[i - 2] in "'’"
    return (not before.isspace() or nested) and (after.isspace() or not after.isalnum())


def _next_paragraph_opens(text: str, i: int) -> int | None:
    """Offset of the opening mark that starts the paragraph after the newline at ``i``, if any."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in _DOUBLE_OPENERS and _is_opening_position(text, j):
        return j
    return None


def _paragraph_end(text: str, i: int) -> int:
    """The end of the line's text before the newline at ``i`` (trailing spaces trimmed)."""
    while i > 0 and text[i - 1] in " \t\r":
        i -= 1
    return i


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """All quoted spans of ``text`` in order, paired in one left-to-right pass."""
    found: list[QuoteMarks] = []
    current: QuoteMarks | None = None  # an open double quote
    single: int | None = None  # an open single quote outside double quotes
    piece_start = 0
    skip_at = -1  # the repeated opening mark of a continuing paragraph
    for match in _MARKS.finditer(text):
        i, ch = match.start(), match.group()
        if ch == "\n":
            single = None
            if current is None:
                continue
            para_end = _paragraph_end(text, i)
            if para_end <= piece_start:  # blank line inside the run of newlines
                continue
            nxt = _next_paragraph_opens(text, i)
            current.pieces.append((piece_start, para_end))
            if nxt is not None:  # quote continues in the next paragraph
                piece_start, skip_at = nxt + 1, nxt
                continue
            current.end, current.close, current.closed = para_end, para_end, False
            found.append(current)
            current = None
            continue
        if current is not None:
            if i == skip_at:
                continue
            closer = _CLOSER_OF[current.mark]
            closes = ch == closer or ch in _ALSO_CLOSES.get(current.mark, ())
            if closes and (ch not in "\"“" or _is_closing_position(text, i) or ch != current.mark):
                current.pieces.append((piece_start, i))
                current.end, current.close = i, i + 1
                found.append(current)
                current = None
            continue
        if ch == "”" and _is_opening_position(text, i) and (i == 0 or text[i - 1] == "\n"):
            ch = "“"  # ”Mr. Trump embodies …” — a closing mark typed as the opening one
        if ch in _DOUBLE_OPENERS and (ch != '"' or _is_opening_position(text, i)):
            current = QuoteMarks(open=i, close=i, start=i + 1, end=i + 1, mark=ch)
            piece_start = i + 1
            single = None
        elif ch == "‘" and _is_opening_position(text, i):
            single = i
        elif ch == "’" and single is not None and _is_closing_position(text, i):
            if not (i + 1 < len(text) and text[i + 1].isalpha()):
                found.append(QuoteMarks(open=single, close=i + 1, start=single + 1, end=i, mark="‘",
                                        pieces=[(single + 1, i)]))
                single = None
    if current is not None:
        end = _paragraph_end(text, len(text))
        current.pieces.append((piece_start, end))
        current.end, current.close, current.closed = end, end, False
        found.append(current)
    return [q for q in sorted(found, key=lambda q: q.open) if q.end > q.start]
