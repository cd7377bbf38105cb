"""The store: schema, de-duplication, replacement of changed articles, provenance columns."""

from __future__ import annotations


from tidings.ids import article_id, content_hash
from tidings.models import Article, Event, EventActor, Mention, Actor, Quote, Removed
from tidings.store import Store, connect
from tidings import query
from tidings.store.rows import timex_to_date


def make_article(text: str, url: str | None = "https://news.example/a", published: str = "2023-05-30") -> Article:
    event = Event("CONSULT", source=[EventActor("Israel", 0, 6, country="ISR", sector="GOV")],
                  target=[EventActor("Azerbaijan", 16, 26, country="AZE")], mode="visit",
                  date="2023-05-30", date_granularity="day", date_source="published",
                  sentence=text, sentence_start=0, sentence_end=len(text), trigger="visited",
                  trigger_start=7, trigger_end=14, rule="lexicon:visit")
    return Article(id=article_id(url, text), text=text, url=url, published=published,
                   content_hash=content_hash(text), events=[event],
                   mentions=[Mention(0, 6, "Israel", "country", Actor("Israel", "ISR", "GOV"), rule="country")],
                   quotes=[Quote(0, 6, "Israel", True, speaker=Actor("Isaac Herzog", "ISR", "GOV", "person"))],
                   removed=[Removed("Subscribe now", "newsletter", 3)])


def test_same_article_twice_adds_nothing(db_path):
    article = make_article("Israel visited Azerbaijan on Tuesday.")
    with Store(db_path) as store:
        assert [o.status for o in store.write([article])] == ["ingested"]
        assert [o.status for o in store.write([article])] == ["unchanged"]
        assert store.counts()["events"] == 1


def test_same_content_under_another_url_is_a_duplicate(db_path):
    text = "Israel visited Azerbaijan on Tuesday."
    with Store(db_path) as store:
        store.write([make_article(text, url="https://a.example/x")])
        assert [o.status for o in store.write([make_article(text, url=None)])] == ["unchanged"]
        assert store.counts()["articles"] == 1


def test_changed_article_replaces_its_rows(db_path):
    with Store(db_path) as store:
        store.write([make_article("Israel visited Azerbaijan on Tuesday.")])
        changed = make_article("Israel visited Azerbaijan on Tuesday, officials said.")
        assert [o.status for o in store.write([changed])] == ["replaced"]
        counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["mentions"] == 1
    with connect(db_path, read_only=True) as con:
        assert con.execute("SELECT sentence FROM events").fetchone()[0].endswith("officials said.")


def test_rows_keep_provenance_and_read_back(db_path):
    article = make_article("Israel visited Azerbaijan on Tuesday.")
    with Store(db_path) as store:
        store.write([article])
    with connect(db_path, read_only=True) as con:
        found = query.find_article_id(con, article.id[:6])
        record = query.article(con, found)
        assert query.records(query.articles(con, since="2023-01-01"))[0]["events"] == 1
    event = record["events"][0]
    assert (event["rule"], event["pipeline_version"], event["trigger_start"]) == ("lexicon:visit", "0.1.0", 7)
    assert event["source"][0]["country"] == "ISR" and record["removed"][0]["reason"] == "newsletter"
    assert record["quotes"][0]["speaker_name"] == "Isaac Herzog"


def test_migrations_are_recorded_once(db_path):
    connect(db_path).close()
    con = connect(db_path)
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == 1


def test_timex_values_become_period_start_dates():
    assert timex_to_date("2023-05-30") == "2023-05-30"
    assert timex_to_date("2023-04") == "2023-04-01"
    assert timex_to_date("2023-SP") == "2023-03-01"
    assert timex_to_date("2023-Q3") == "2023-07-01"
    assert timex_to_date("1991") == "1991-01-01"
    assert timex_to_date("199") == "1990-01-01"
    assert timex_to_date("P31Y") is None and timex_to_date("PRESENT_REF") is None
