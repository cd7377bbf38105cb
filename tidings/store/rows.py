"""Articles → table rows: the one mapping used by the DuckDB writer and the Parquet exports.

Rows are plain dicts keyed by column name (see store/schema.py), so the same
rows feed DuckDB (``INSERT ... BY NAME``) and Parquet files from the Ray job.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict

from ..ids import short_hash
from ..models import Actor, Article, Event, EventActor

_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "AU": "09", "WI": "12"}
_TIMEX_DATE = re.compile(r"^(\d{4})(?:-(\d{2}|SP|SU|FA|AU|WI|Q[1-4]|H[12]|W\d{2}))?(?:-(\d{2}))?")


def timex_to_date(value: str | None) -> str | None:
    """The first day of the period a TIMEX3 date value names, as an ISO date (for DATE columns).

    "2023-05-30" → itself, "2023-04" → 2023-04-01, "2023-SP" → 2023-03-01,
    "2023-Q3" → 2023-07-01, "1991" → 1991-01-01, "199" (the 1990s) → 1990-01-01.
    Values that name no calendar period (P31Y, PRESENT_REF) give None.
    """
    if not value:
        return None
    match = _TIMEX_DATE.match(value)
    if not match:
        decade = re.match(r"^(\d{3})$", value) or re.match(r"^(\d{2})$", value)
        if decade:
            digits = decade.group(1)
            return f"{digits.ljust(4, '0')}-01-01"
        return None
    year, part, day = match.groups()
    month = "01"
    if part:
        if part.isdigit():
            month = part
        elif part in _SEASON_MONTH:
            month = _SEASON_MONTH[part]
        elif part.startswith("Q"):
            month = f"{(int(part[1]) - 1) * 3 + 1:02d}"
        elif part.startswith("H"):
            month = "01" if part == "H1" else "07"
        elif part.startswith("W"):
            return None
    if not (1 <= int(month) <= 12):
        return None
    return f"{year}-{month}-{day or '01'}" if part and part.isdigit() else f"{year}-{month}-01"


def as_date(value: str | None) -> dt.date | None:
    """A DATE column value from a TIMEX3 value (None when it names no calendar period)."""
    iso = timex_to_date(value)
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _first(actors: list[EventActor]) -> EventActor | None:
    return actors[0] if actors else None


def event_id(article_id: str, event: Event) -> str:
    """Stable id from what defines the event in its article."""
    return short_hash(article_id, event.plover_type, event.sentence_start, event.trigger_start,
                      ",".join(a.country or a.text for a in event.source),
                      ",".join(a.country or a.text for a in event.target))


def event_row(article: Article, event: Event) -> dict:
    source, target, place = _first(event.source), _first(event.target), event.place
    return {
        "id": event_id(article.id, event), "article_id": article.id, "plover_type": event.plover_type,
        "mode": event.mode, "contexts": list(event.contexts),
        "source_country": source and source.country, "source_sector": source and source.sector,
        "source_name": source and (source.name or source.text),
        "target_country": target and target.country, "target_sector": target and target.sector,
        "target_name": target and (target.name or target.text),
        "source": json.dumps([asdict(a) for a in event.source]), "target": json.dumps([asdict(a) for a in event.target]),
        "cameo_code": event.cameo_code, "goldstein": event.goldstein, "intensity": event.intensity,
        "quad_class": event.quad_class, "negated": event.negated, "modality": event.modality,
        "claimed_by": json.dumps(asdict(event.claimed_by)) if event.claimed_by else None,
        "date": as_date(event.date), "date_value": event.date, "date_granularity": event.date_granularity,
        "date_source": event.date_source, "historical": event.historical,
        "place_name": place and place.name, "place_country": place and place.country,
        "place_geonameid": place and place.geonameid, "lat": place and place.lat, "lon": place and place.lon,
        "sentence": event.sentence, "sentence_start": event.sentence_start, "sentence_end": event.sentence_end,
        "trigger": event.trigger, "trigger_start": event.trigger_start, "trigger_end": event.trigger_end,
        "mentions": event.mentions, "rule": event.rule, "confidence": event.confidence,
        "pipeline_version": article.pipeline_version,
    }


def _actor_columns(actor: Actor | None, prefix: str) -> dict:
    return {f"{prefix}name": actor and actor.name, f"{prefix}country": actor and actor.country,
            f"{prefix}sector": actor and actor.sector, f"{prefix}role": actor and actor.role}


def article_row(article: Article) -> dict:
    return {
        "id": article.id, "url": article.url, "origin": article.origin, "input_format": article.input_format,
        "title": article.title, "subtitle": article.subtitle, "author": article.author,
        "publisher": article.publisher, "description": article.description, "language": article.language,
        "published": as_date(article.published), "published_source": article.published_source,
        "text": article.text, "captions": list(article.captions), "credits": list(article.credits),
        "removed": json.dumps([asdict(r) for r in article.removed]), "content_hash": article.content_hash, "raw_hash": article.raw_hash,
        "n_words": len(article.text.split()), "pipeline_version": article.pipeline_version,
    }


def article_rows(article: Article) -> dict[str, list[dict]]:
    """Every row one article contributes, by table name."""
    version = article.pipeline_version
    mentions = [{"article_id": article.id, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                 "actor_name": m.actor and m.actor.name, "country": m.actor and m.actor.country,
                 "sector": m.actor and m.actor.sector, "actor_kind": m.actor and m.actor.kind,
                 "role": m.actor and m.actor.role, "qid": m.actor and m.actor.qid,
                 "actor_source": m.actor and m.actor.source, "rule": m.rule, "confidence": m.confidence,
                 "pipeline_version": version} for m in article.mentions]
    timexes = [{"article_id": article.id, **asdict(t), "pipeline_version": version} for t in article.timexes]
    places = [{"article_id": article.id, **asdict(p), "pipeline_version": version} for p in article.places]
    quotes = []
    for q in article.quotes:
        row = {k: v for k, v in asdict(q).items() if k != "speaker"}
        quotes.append({"id": short_hash(article.id, q.start, q.end), "article_id": article.id, **row,
                       **_actor_columns(q.speaker, "speaker_"), "pipeline_version": version})
    events = {}
    for event in article.events:
        row = event_row(article, event)
        events.setdefault(row["id"], row)
    return {"articles": [article_row(article)], "mentions": mentions, "events": list(events.values()),
            "timexes": timexes, "places": places, "quotes": quotes}
