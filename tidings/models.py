"""The plain records passed between pipeline stages, processes and Ray workers.

Every record is a dataclass of plain values (str, int, float, bool, lists and
other records): picklable, JSON-able through ``to_dict``, and free of open
handles or spaCy objects. Offsets are Python ``str`` code-point offsets into
``Article.text`` (the clean body), end-exclusive, unless a field says otherwise.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PIPELINE_VERSION = "0.1.0"


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of any record (nested records become dicts)."""
    return asdict(record)


@dataclass(slots=True)
class Removed:
    """A piece of page furniture taken out of the body, kept for auditing."""

    text: str
    reason: str  # e.g. "paywall", "donation", "newsletter", "share", "caption", "credit", "repeated"
    line: int | None = None  # line number in the input text, when it came from plain text


@dataclass(slots=True)
class Actor:
    """An actor resolved to codes: who a mention refers to.

    ``country`` is ISO 3166 alpha-3 or a PLOVER international code (IGO, NGO,
    IMG, MNC, UNO, ...); ``sector`` a PLOVER sector (GOV, MIL, COP, ...).
    """

    name: str  # canonical name: "Isaac Herzog", "Israel", "United Nations"
    country: str | None = None
    sector: str | None = None
    kind: str = "state"  # state | person | organization | group | igo
    role: str | None = None  # title of the role held at the date: "President"
    qid: str | None = None  # Wikidata id where known
    source: str = ""  # why: "bundled:countries", "bundled:officeholders", "learned:<article>", "user:<file>", "rule:<name>"


@dataclass(slots=True)
class Mention:
    """A span of text that refers to an actor."""

    start: int
    end: int
    text: str
    kind: str  # country | demonym | capital | igo | person | agent | group | alias | coref
    actor: Actor | None = None
    rule: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class EventActor:
    """One actor on one side of an event, with the span it was read from."""

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    qid: str | None = None


@dataclass(slots=True)
class TimeExpr:
    """A TIMEX3 time expression normalised against an anchor date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: "2023-05-30", "2023-04", "2023-SP", "1991", "P31Y", "PRESENT_REF"
    granularity: str | None = None  # day | month | season | quarter | year | decade | century | None
    approximate: bool = False  # "nearly a decade ago", "about three years"
    rule: str = ""


@dataclass(slots=True)
class Place:
    """A toponym resolved against the gazetteer."""

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    feature: str | None = None  # GeoNames feature code: PPLC, PCLI, ADM1, ...
    rule: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Quote:
    """Something someone said, with the speaker resolved where possible."""

    start: int  # span of the quoted content
    end: int
    text: str
    direct: bool  # True inside quotation marks
    cue: str | None = None  # "said", "told", "cited"
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None  # the speaker mention as written ("he", "Aliyev")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: Actor | None = None  # resolved through pronouns and short names
    rule: str = ""
    confidence: float = 1.0


@dataclass(slots=True)
class Event:
    """One political event reported in one sentence, coded in PLOVER (+ CAMEO)."""

    plover_type: str  # one of the 16 PLOVER types
    source: list[EventActor] = field(default_factory=list)
    target: list[EventActor] = field(default_factory=list)
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo_code: str | None = None
    goldstein: float | None = None
    intensity: float | None = None  # PLOVER score
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    negated: bool = False
    modality: str = "asserted"  # asserted | future | hypothetical | conditional
    claimed_by: EventActor | None = None  # set when the event is someone's claim ("X said Iran ...")
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    trigger: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    rule: str = ""
    confidence: float = 1.0
    date: str | None = None  # the event's own date, TIMEX3-style value ("2023-05-30", "2023-04", "1991")
    date_granularity: str | None = None  # day | month | year | decade | ...
    date_source: str | None = None  # "timex:<text>" | "narrative" | "published"
    historical: bool = False
    place: Place | None = None
    mentions: int = 1  # how many times the article reports this same event (dek, caption, body)


@dataclass(slots=True)
class Article:
    """One news article: clean text, metadata, and everything the stages found."""

    id: str  # stable id: hash of the canonical URL, else of the normalised content
    text: str  # the clean body
    url: str | None = None
    origin: str = ""  # where it was read from: a path, "stdin", a WARC record, a feed item
    input_format: str = "text"  # text | html | jsonl | warc | feed
    title: str | None = None
    subtitle: str | None = None  # the dek
    author: str | None = None
    publisher: str | None = None
    description: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date "2023-05-30"
    published_source: str | None = None  # explicit | html-meta | caption | dateline | text | None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    content_hash: str = ""  # hash of the normalised body, for de-duplication
    raw_hash: str = ""  # hash of the item as read, so a re-read of the same file skips all work
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    pipeline_version: str = PIPELINE_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Rejected:
    """An input item that could not become an Article, with the reason why."""

    origin: str
    reason: str
    stage: str = "ingest"


@dataclass(slots=True)
class RawDocument:
    """What ingest hands to clean: one item's content and what the source said about it."""

    origin: str
    content: str  # decoded text or HTML
    is_html: bool
    url: str | None = None
    title: str | None = None
    published: str | None = None  # an explicit date from the source (CLI flag, JSONL field, feed item)
    input_format: str = "text"
