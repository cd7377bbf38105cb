"""Speaker mechanisms of the quote stage, each on sentences written for these tests."""

from __future__ import annotations

import pytest

from tidings.nlp import parse_article
from tidings.quotes import find_quote_marks, find_quotes

TEXTS = {
    "nested": "\"We told them, 'Wait your turn,' \" the mayor said on Friday.",
    "nbsp-colon": "The crowd cheered, and then the chairwoman continues:\xa0“We will vote again next week.”",
    "document": "The Harbour Union issued a statement saying the port was “closed to all traffic until further notice.”",
    "party-tag": "Ana Costa backed Sen. Paul Reed (D-Maine) on Wednesday, saying the bill was “long overdue.”",
    "dateline": ("PORTLAND, Maine — Gov. Ana Costa on Thursday blamed the press, saying reporters had "
                 "“lost all sense of proportion.”"),
    "document-appos": ("After the storm the Harbour Union put out a statement, “The port is closed to all traffic "
                       "until further notice.”"),
    "according-after": "“The talks are over,” the envoy said, according to Radio Nord.",
    "according-before": "According to Radio Nord, the envoy said the talks were “over for this year.”",
    "dash-lead": "Turnout rose everywhere - Lena Park: “Young voters came out in numbers we have not seen before.”",
    "embedded": ("The governor wants to rein in lobbyists, vowing to “shut down” revolving doors, and suggesting "
                 "he would ban all gifts."),
}


@pytest.fixture(scope="module")
def quotes_of(nlp):
    docs = parse_article(nlp, list(TEXTS.values()))
    return {key: [q for q in find_quotes(doc, []) if q.direct] for key, doc in zip(TEXTS, docs)}


def test_straight_mark_closes_after_a_nested_single_quote():
    text = TEXTS["nested"]
    marks = find_quote_marks(text)
    assert marks[0].closed and text[marks[0].close:].startswith(" the mayor")


@pytest.mark.parametrize(("key", "speaker_word", "rule_prefix"), [
    ("nested", "mayor", "direct:after"),
    ("nbsp-colon", "chairwoman", "direct:"),
    ("document", "Harbour", "direct:governed"),
    ("document-appos", "Harbour", "direct:"),
    ("party-tag", "Costa", "direct:"),
    ("dateline", "Costa", "direct:"),
    ("according-after", "Radio Nord", "direct:according-to"),
    ("according-before", "Radio Nord", "direct:according-to"),
    ("dash-lead", "Lena Park", "direct:dash-lead"),
])
def test_speaker_mention(quotes_of, key, speaker_word, rule_prefix):
    quote = quotes_of[key][0]
    assert quote.speaker_text is not None and speaker_word in quote.speaker_text, (key, quote)
    assert quote.rule.startswith(rule_prefix), (key, quote.rule)


def test_embedded_phrase_does_not_take_the_words_after_it(quotes_of):
    for quote in quotes_of["embedded"]:
        assert quote.speaker_text is None or "doors" not in quote.speaker_text
