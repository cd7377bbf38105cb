"""Read queries over the store shared by the CLI, the API and the dashboard (bound parameters only)."""

from __future__ import annotations

import json

import duckdb


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def list_articles(con: duckdb.DuckDBPyConnection, since: str | None = None, until: str | None = None,
                  source: str | None = None, text: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Articles, newest first, filtered by publication date, source (publisher/URL/origin) and body text."""
    sql = ["SELECT id, published, publisher, title, url, origin, n_words,",
           "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a WHERE true"]
    params: list = []
    if since:
        sql.append("AND published >= CAST(? AS DATE)")
        params.append(since)
    if until:
        sql.append("AND published <= CAST(? AS DATE)")
        params.append(until)
    if source:
        sql.append("AND (publisher ILIKE ? OR url ILIKE ? OR origin ILIKE ?)")
        params += [f"%{source}%"] * 3
    if text:
        sql.append("AND (text ILIKE ? OR title ILIKE ?)")
        params += [f"%{text}%"] * 2
    sql.append("ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?")
    params += [limit, offset]
    return _dicts(con.execute(" ".join(sql), params))


def find_article_id(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """An article id from its id, an id prefix, or its URL."""
    row = con.execute("SELECT id FROM articles WHERE id = ? OR url = ? OR origin = ? LIMIT 1", [key, key, key]).fetchone()
    if row:
        return row[0]
    rows = con.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2", [key + "%"]).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """One article with its removed furniture, mentions, events, quotes, places and time expressions."""
    rows = _dicts(con.execute("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    article = rows[0]
    article["removed"] = json.loads(article["removed"] or "[]")
    for table, order in (("mentions", "start"), ("events", "sentence_start, trigger_start"), ("quotes", "start"),
                         ("places", "start"), ("timexes", "start")):
        article[table] = _dicts(con.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id]))
    for event in article["events"]:
        event["source"] = json.loads(event["source"] or "[]")
        event["target"] = json.loads(event["target"] or "[]")
        event["claimed_by"] = json.loads(event["claimed_by"]) if event["claimed_by"] else None
    return article
