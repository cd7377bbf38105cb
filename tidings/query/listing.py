"""Read queries that list stored rows: events, quotes, articles, actors.

Each function takes an open connection and returns a DataFrame (or a dict for
one item); values always travel as bound parameters. Paging is ``limit`` /
``offset``; ``count_*`` gives the total for the same filter.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from .filters import EventFilter, QueryError, like_pattern, parse_bound, period_conditions
from .frames import frame, records, scalar

EVENT_SELECT = """
    SELECT e.id, e.article_id, e.date, e.date_value, e.date_granularity, e.date_source, e.historical,
           e.plover_type, e.mode, e.contexts, e.quad_class, e.intensity, e.cameo_code, e.goldstein,
           e.source_country, e.source_sector, e.source_name, e.target_country, e.target_sector, e.target_name,
           e.source, e.target, e.negated, e.modality, e.claimed_by,
           e.place_name, e.place_country, e.place_geonameid, e.lat, e.lon,
           e.sentence, e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end,
           e.mentions, e.rule, e.confidence, e.pipeline_version,
           a.url, a.title AS article_title, a.published, a.publisher
    FROM events e LEFT JOIN articles a ON a.id = e.article_id
"""
EVENT_ORDERS = {
    "date": "e.date DESC NULLS LAST, e.id",
    "oldest": "e.date ASC NULLS LAST, e.id",
    "top": "e.mentions DESC NULLS LAST, abs(e.intensity) DESC NULLS LAST, e.date DESC NULLS LAST, e.id",
    "article": "e.article_id, e.sentence_start, e.trigger_start, e.id",
}


def _page(limit: int | None, offset: int) -> tuple[str, list]:
    if limit is None:
        return "", []
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must be zero or more")
    return " LIMIT ? OFFSET ?", [limit, offset]


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, limit: int | None = 100,
           offset: int = 0, order: str = "date", historical_only: bool = False) -> pd.DataFrame:
    """Events matching ``flt`` with their article's URL, title and date, newest first by default.

    ``historical_only`` keeps only the events an article recalls from the past.
    """
    flt = flt or EventFilter()
    if order not in EVENT_ORDERS:
        raise QueryError(f"unknown order {order!r}; use one of {', '.join(EVENT_ORDERS)}")
    where, params = flt.where("e")
    if historical_only:
        where += " AND coalesce(e.historical, FALSE)"
    page, page_params = _page(limit, offset)
    return frame(con, f"{EVENT_SELECT} WHERE {where} ORDER BY {EVENT_ORDERS[order]}{page}", params + page_params)


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> int:
    where, params = (flt or EventFilter()).where()
    return int(scalar(con, f"SELECT count(*) FROM events WHERE {where}", params))


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event by id, or None."""
    rows = records(frame(con, f"{EVENT_SELECT} WHERE e.id = ?", [event_id]))
    return rows[0] if rows else None


def top_events(con: duckdb.DuckDBPyConnection, actor: str, flt: EventFilter | None = None,
               limit: int = 10) -> pd.DataFrame:
    """An actor's most reported and most intense events."""
    return events(con, (flt or EventFilter()).with_(actor=actor), limit=limit, order="top")


def _quote_where(speaker: str | None, article: str | None, text: str | None,
                 since: str | None, until: str | None) -> tuple[str, list]:
    clauses, params = [], []
    if speaker:
        if len(speaker) == 3 and speaker.isupper():
            clauses.append("q.speaker_country = ?")
            params.append(speaker)
        else:
            clauses.append("(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_text ILIKE ? ESCAPE '\\')")
            params += [like_pattern(speaker)] * 2
    if article:
        clauses.append("q.article_id = ?")
        params.append(article)
    if text:
        clauses.append("q.text ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(text))
    _published_between(clauses, params, since, until)
    return " AND ".join(clauses) or "TRUE", params


QUOTE_SELECT = """
    SELECT q.id, q.article_id, q.text, q.direct, q.start, q."end", q.cue, q.cue_start, q.cue_end,
           q.speaker_text, q.speaker_start, q.speaker_end, q.speaker_name, q.speaker_country,
           q.speaker_sector, q.speaker_role, q.rule, q.confidence,
           a.url, a.title AS article_title, a.published
    FROM quotes q LEFT JOIN articles a ON a.id = q.article_id
"""


def quotes(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, article: str | None = None,
           text: str | None = None, since: str | None = None, until: str | None = None,
           limit: int | None = 100, offset: int = 0) -> pd.DataFrame:
    """Quotes, optionally by speaker (name part, or a country code for every speaker of that country)."""
    where, params = _quote_where(speaker, article, text, since, until)
    page, page_params = _page(limit, offset)
    order = "a.published DESC NULLS LAST, q.article_id, q.start"
    return frame(con, f"{QUOTE_SELECT} WHERE {where} ORDER BY {order}{page}", params + page_params)


def count_quotes(con: duckdb.DuckDBPyConnection, **filters) -> int:
    where, params = _quote_where(filters.get("speaker"), filters.get("article"), filters.get("text"),
                                 filters.get("since"), filters.get("until"))
    return int(scalar(con, f"SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE {where}",
                      params))


def top_quotes(con: duckdb.DuckDBPyConnection, speaker: str, limit: int = 10) -> pd.DataFrame:
    """A speaker's quotes, direct ones first, longest first."""
    where, params = _quote_where(speaker, None, None, None, None)
    sql = f"{QUOTE_SELECT} WHERE {where} ORDER BY q.direct DESC, length(q.text) DESC, q.id LIMIT ?"
    return frame(con, sql, params + [limit])


def _published_between(clauses: list[str], params: list, since: str | None, until: str | None) -> None:
    """Add the bounds on the article's publication date (``until`` inclusive of its whole period)."""
    period, values = period_conditions("a.published", parse_bound(since), parse_bound(until, upper=True))
    clauses += period
    params += values


def _article_where(q: str | None, since: str | None, until: str | None,
                   source: str | None = None) -> tuple[str, list]:
    clauses, params = [], []
    if q:
        clauses.append("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')")
        params += [like_pattern(q)] * 2
    if source:
        clauses.append("(a.publisher ILIKE ? ESCAPE '\\' OR a.url ILIKE ? ESCAPE '\\' OR a.origin ILIKE ? ESCAPE '\\')")
        params += [like_pattern(source)] * 3
    _published_between(clauses, params, since, until)
    return " AND ".join(clauses) or "TRUE", params


def articles(con: duckdb.DuckDBPyConnection, *, q: str | None = None, since: str | None = None,
             until: str | None = None, source: str | None = None, limit: int | None = 100,
             offset: int = 0) -> pd.DataFrame:
    """Articles (without their text), newest first, with how many events and quotes each holds;
    ``source`` matches the publisher, URL or file the article came from."""
    where, params = _article_where(q, since, until, source)
    page, page_params = _page(limit, offset)
    sql = f"""
        SELECT a.id, a.title, a.url, a.origin, a.publisher, a.author, a.published, a.language, a.n_words,
               a.ingested_at,
               (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
        FROM articles a WHERE {where}
        ORDER BY a.published DESC NULLS LAST, a.id{page}"""
    return frame(con, sql, params + page_params)


def count_articles(con: duckdb.DuckDBPyConnection, *, q: str | None = None, since: str | None = None,
                   until: str | None = None) -> int:
    where, params = _article_where(q, since, until)
    return int(scalar(con, f"SELECT count(*) FROM articles a WHERE {where}", params))


def find_article_id(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """An article id from its id, a unique id prefix, its URL or the file it came from."""
    row = con.execute("SELECT id FROM articles WHERE id = ? OR url = ? OR origin = ? LIMIT 1", [key, key, key]).fetchone()
    if row:
        return row[0]
    rows = con.execute("SELECT id FROM articles WHERE starts_with(id, ?) LIMIT 2", [key]).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article with everything derived from it, or None when the id is unknown."""
    rows = records(frame(con, "SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    found = rows[0]
    found["events"] = records(events(con, EventFilter(article=article_id), limit=None, order="article"))
    found["quotes"] = records(frame(con, f"{QUOTE_SELECT} WHERE q.article_id = ? ORDER BY q.start", [article_id]))
    found["mentions"] = records(frame(con, 'SELECT * EXCLUDE (article_id) FROM mentions WHERE article_id = ? '
                                           'ORDER BY start', [article_id]))
    found["places"] = records(frame(con, 'SELECT * EXCLUDE (article_id) FROM places WHERE article_id = ? '
                                         'ORDER BY start', [article_id]))
    found["timexes"] = records(frame(con, 'SELECT * EXCLUDE (article_id) FROM timexes WHERE article_id = ? '
                                          'ORDER BY start', [article_id]))
    return found


def _actor_where(q: str | None) -> tuple[str, list]:
    if not q:
        return "actor_name IS NOT NULL", []
    return ("actor_name IS NOT NULL AND (actor_name ILIKE ? ESCAPE '\\' OR country = ?)",
            [like_pattern(q), q.upper()])


def actors(con: duckdb.DuckDBPyConnection, *, q: str | None = None, limit: int | None = 100,
           offset: int = 0) -> pd.DataFrame:
    """Actors the articles mention (from resolved mentions), most mentioned first, with their last known role."""
    where, params = _actor_where(q)
    page, page_params = _page(limit, offset)
    sql = f"""
        WITH m AS (
            SELECT actor_name AS name, any_value(country) AS country, mode(sector) AS sector,
                   mode(actor_kind) AS kind, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                   max(role) AS mentioned_role
            FROM mentions WHERE {where} GROUP BY actor_name
        ), r AS (
            SELECT person, arg_max(title, observed_on) AS title, max(observed_on) AS observed_on
            FROM role_observations GROUP BY person
        )
        SELECT m.name, m.country, m.sector, m.kind, m.mentions, m.articles,
               coalesce(r.title, m.mentioned_role) AS role, r.observed_on AS role_observed_on
        FROM m LEFT JOIN r ON r.person = m.name
        ORDER BY m.mentions DESC, m.name{page}"""
    return frame(con, sql, params + page_params)


def count_actors(con: duckdb.DuckDBPyConnection, *, q: str | None = None) -> int:
    where, params = _actor_where(q)
    return int(scalar(con, f"SELECT count(DISTINCT actor_name) FROM mentions WHERE {where}", params))
