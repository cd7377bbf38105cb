"""The actors' tables in the DuckDB store: learned role observations, and the reads behind `tidings actors`.

Only this module speaks SQL for actors; the stage itself never touches the database.
"""

from __future__ import annotations

import datetime as dt

from .kb import KnowledgeBase, RoleObservation, default_kb

COLUMNS = ("person", "country", "sector", "title", "observed_on", "article_id", "start", "end", "evidence",
           "pipeline_version")
CREATE = """
CREATE TABLE IF NOT EXISTS role_observations (
    person VARCHAR NOT NULL, country VARCHAR, sector VARCHAR, title VARCHAR, observed_on DATE,
    article_id VARCHAR, start VARCHAR, "end" VARCHAR, evidence VARCHAR, pipeline_version VARCHAR
)"""


def ensure_table(con) -> None:
    con.execute(CREATE)


def _has_table(con) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'role_observations'").fetchone()[0])


def save_observations(con, observations: list[RoleObservation]) -> int:
    """Append observations (creating the table if needed); an identical row is not stored twice."""
    ensure_table(con)
    rows = [(o.person, o.country, o.sector, o.title, o.observed_on or None, o.article_id, o.start, o.end,
             o.evidence, o.pipeline_version) for o in observations]
    if not rows:
        return 0
    existing = set(con.execute(
        "SELECT person, country, sector, title, CAST(observed_on AS VARCHAR), article_id FROM role_observations"
    ).fetchall())
    fresh = [r for r in rows if (r[0], r[1], r[2], r[3], r[4], r[5]) not in existing]
    if fresh:
        con.executemany('INSERT INTO role_observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', fresh)
    return len(fresh)


def load_observations(con) -> list[RoleObservation]:
    """Every stored observation, oldest first (what ``KnowledgeBase.add_observations`` takes)."""
    if not _has_table(con):
        return []
    rows = con.execute(
        'SELECT person, country, sector, title, observed_on, article_id, start, "end", evidence, pipeline_version '
        "FROM role_observations ORDER BY observed_on, person").fetchall()
    return [RoleObservation(r[0], r[1], r[2], r[3], r[4].isoformat() if isinstance(r[4], dt.date) else r[4],
                            r[5], r[6], r[7], r[8] or "", r[9] or "") for r in rows]


def list_actors(con, kb: KnowledgeBase | None = None, limit: int = 200) -> list[dict]:
    """People observed in the news: latest role read, how often, and the dictionary's role today."""
    if not _has_table(con):
        return []
    kb = kb or default_kb()
    rows = con.execute("""
        SELECT person, arg_max(country, observed_on), arg_max(sector, observed_on), arg_max(title, observed_on),
               count(*), min(observed_on), max(observed_on), count(DISTINCT article_id)
        FROM role_observations GROUP BY person ORDER BY count(*) DESC, person LIMIT ?""", [limit]).fetchall()
    result = []
    for person, country, sector, title, n, first, last, articles in rows:
        bundled = kb.role_at(person) if person in kb.roles else None
        result.append({
            "person": person, "country": country, "sector": sector, "title": title, "observations": n,
            "articles": articles, "first_observed": str(first) if first else None,
            "last_observed": str(last) if last else None,
            "dictionary_now": _role_dict(bundled) if bundled else None,
        })
    return result


def show_actor(con, name: str, kb: KnowledgeBase | None = None) -> dict:
    """One actor's roles over time: dictionary roles and every observation, with evidence."""
    kb = kb or KnowledgeBase()
    observations = [o for o in load_observations(con) if _same_person(o.person, name)]
    kb.add_observations(observations)
    full = next((o.person for o in observations), None) or _dictionary_name(kb, name) or name
    history = kb.history(full)
    role_now = kb.role_at(full)
    return {
        "name": full, "qid": history["qid"],
        "now": _role_dict(role_now) if role_now else None,
        "roles": [_role_dict(r) for r in sorted(history["roles"], key=lambda r: r.start or dt.date.min)],
        "observations": [{"observed_on": o.observed_on, "country": o.country, "sector": o.sector, "title": o.title,
                          "article_id": o.article_id, "evidence": o.evidence} for o in history["observations"]],
    }


def _same_person(stored: str, asked: str) -> bool:
    stored_l, asked_l = stored.lower(), asked.lower()
    return stored_l == asked_l or stored_l.split()[-1] == asked_l


def _dictionary_name(kb: KnowledgeBase, name: str) -> str | None:
    for entry in kb.lookup(name):
        if entry.kind == "person":
            return entry.key
    candidates = kb.surname_candidates(name)
    return sorted(candidates)[0] if len(candidates) == 1 else None


def _role_dict(role) -> dict:
    return {"country": role.country, "sector": role.sector, "title": role.title,
            "start": role.start.isoformat() if role.start else None,
            "end": role.end.isoformat() if role.end else None, "source": role.source}
