"""Read queries over the store, as pandas DataFrames: events, quotes, dyads, partners, networks.

    from tidings.query import open_store, dyad_series
    con = open_store("tidings.duckdb")
    dyad_series(con, "ISR", "AZE", by="month")

Every value travels as a bound SQL parameter; filters are ``EventFilter``s
shared by the CLI, the API, the dashboard and the exports.
"""

from .analytics import (Network, active_dyads, actor_roles, dyad_series, network, overview, partners,
                        series)
from .filters import PERIODS, PLOVER_TYPES, EventFilter, QueryError, parse_bound
from .frames import frame, open_store, records
from .rollup import build_rollup, open_overlay, rollup_is_fresh
from .listing import (actors, article, articles, count_actors, count_articles, count_events, count_quotes,
                      event, events, find_article_id, quotes, top_events, top_quotes)

__all__ = [
    "EventFilter", "Network", "PERIODS", "PLOVER_TYPES", "QueryError", "active_dyads", "actor_roles", "actors",
    "article", "articles", "count_actors", "count_articles", "count_events", "count_quotes", "dyad_series",
    "event", "events", "find_article_id", "frame", "network", "open_store", "overview", "parse_bound", "partners", "quotes",
    "records", "series", "top_events", "top_quotes", "build_rollup", "open_overlay", "rollup_is_fresh",
]
