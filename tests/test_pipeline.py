"""The pipeline on real text: every stage fills its part, and a failing stage costs one article only."""

from __future__ import annotations

import pytest

import tidings
from tidings import pipeline
from tidings.models import Article, Rejected


def test_process_seed_end_to_end(seed_path):
    article = tidings.process(seed_path.read_text(encoding="utf-8"))
    assert article.published == "2023-05-30" and article.publisher == "JNS"
    meeting = [e for e in article.events if e.plover_type == "CONSULT" and e.date == "2023-05-30"
               and [a.country for a in e.source] == ["ISR"] and [a.country for a in e.target] == ["AZE"]]
    assert len(meeting) == 1, "the meeting is one event, however often the page tells it"
    assert meeting[0].mentions >= 2 and meeting[0].place and meeting[0].place.country == "AZE"
    assert any(e.plover_type == "ACCUSE" and [a.country for a in e.target] == ["IRN"] for e in article.events)
    recognition = [e for e in article.events if e.date == "1991"]
    assert recognition and recognition[0].historical
    assert not any("Zach" in (a.text or "") for e in article.events for a in e.source + e.target)
    speakers = {q.text[:20]: q.speaker and q.speaker.name for q in article.quotes if q.direct}
    assert speakers.get("a dream come true") == "Isaac Herzog"


def test_a_stage_that_fails_costs_one_article(monkeypatch, nlp):
    real = pipeline.actors.find_mentions

    def fragile(doc, date=None, kb=None):
        if "BOOM" in doc.text:
            raise ValueError("boom")
        return real(doc, date, kb)

    monkeypatch.setattr(pipeline.actors, "find_mentions", fragile)
    good = Article(id="a", text="Israel and Azerbaijan signed an accord on Tuesday.", published="2023-05-30")
    bad = Article(id="b", text="BOOM went the parser.", origin="bad.txt")
    results = pipeline.analyse_batch([good, bad], nlp)
    assert isinstance(results[0], Article) and results[0].events
    assert isinstance(results[1], Rejected) and "boom" in results[1].reason and results[1].origin == "bad.txt"


def test_only_sentences_with_a_trigger_or_a_quote_are_parsed(nlp):
    from tidings.nlp import parse_article, sentences

    text = ("The weather in the region was mild for the season.\n\n"
            "Israel accused Iran of arming militias.\n\n"
            "“We will not accept this,” the minister said.")
    doc, = parse_article(nlp, [text], needs_parse=pipeline.needs_parse)
    assert [parsed for _, parsed in sentences(doc)] == [False, True, True]


def test_tagging_decides_between_trigger_senses(nlp):
    from tidings.nlp import parse_article, sentences

    text = ("Shares of the company rose on the exchange.\n\n"
            "The two governments will share intelligence on smuggling.")
    doc, = parse_article(nlp, [text], needs_parse=pipeline.needs_parse, needs_full_parse=pipeline.needs_full_parse)
    assert [parsed for _, parsed in sentences(doc)] == [False, True]
