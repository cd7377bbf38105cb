"""The pipeline on real text: every stage fills its part, and a failing stage costs one article only."""

from __future__ import annotations


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


def _coded(article, plover_type, source, target, date=None):
    return [e for e in article.events if e.plover_type == plover_type and not e.negated
            and [a.country for a in e.source] == [source] and [a.country for a in e.target] == [target]
            and (date is None or e.date == date)]


def test_seed_acceptance_of_issues_3_to_5(seed_path):
    """The seed article's events, dates, places, quotes and actors, through the whole pipeline."""
    article = tidings.process(seed_path.read_text(encoding="utf-8"))
    meeting = _coded(article, "CONSULT", "ISR", "AZE", "2023-05-30")
    assert len(meeting) == 1 and meeting[0].mode == "visit" and meeting[0].place.name == "Baku"
    assert _coded(article, "CONSULT", "ISR", "AZE", "2023-04"), "Eli Cohen's visit last month"
    assert _coded(article, "ACCUSE", "ISR", "IRN")
    assert _coded(article, "AGREE", "ISR", "AZE"), "the invitation to visit Israel"
    assert _coded(article, "SUPPORT", "ISR", "AZE", "1991"), "recognition of independence"
    quotes = {q.text[:25]: q.speaker.name for q in article.quotes if q.speaker}
    expected = {"a dream come true": "Isaac Herzog", "We need to remember that": "Isaac Herzog",
                "Your visit demonstrates t": "Ilham Aliyev", "As an independent country": "Ilham Aliyev",
                "We have such a broad agen": "Ilham Aliyev"}
    for start, speaker in expected.items():
        assert any(text.startswith(start[:20]) and name == speaker for text, name in quotes.items()), start
    people = {m.actor.name: (m.actor.country, m.actor.sector) for m in article.mentions if m.actor}
    assert people["Isaac Herzog"] == ("ISR", "GOV") and people["Ilham Aliyev"] == ("AZE", "GOV")
    assert people["Eli Cohen"] == ("ISR", "GOV")
    assert not any("Zach" in m.text or "GPO" in m.text for m in article.mentions)


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
