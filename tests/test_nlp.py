"""Parsing an article with selective parsing keeps one Doc over the exact text."""

from __future__ import annotations

from tidings.nlp import parse_article, sentences, split_sentences


def test_split_sentences_covers_text_exactly():
    text = "Mr. Smith met Dr. Jones in the U.S. on Tuesday. They talked.\n\nA new paragraph! Another one?"
    spans = split_sentences(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert [text[s:e].strip() for s, e in spans] == [
        "Mr. Smith met Dr. Jones in the U.S. on Tuesday.", "They talked.", "A new paragraph!", "Another one?"]


def test_parse_article_parses_only_selected_sentences(nlp):
    text = "Israel met Iran in Vienna.\n\nThe weather was mild.\n\nHerzog visited Baku on Tuesday."
    doc, = parse_article(nlp, [text], needs_parse=lambda s: "Israel" in s or "Herzog" in s)
    assert doc.text == text
    parsed = [(span.text.strip(), flag) for span, flag in sentences(doc)]
    assert parsed == [("Israel met Iran in Vienna.", True), ("The weather was mild.", False),
                      ("Herzog visited Baku on Tuesday.", True)]
    met = [t for t in doc if t.text == "met"][0]
    assert met.dep_ == "ROOT" and doc.text[met.idx:met.idx + 3] == "met"


def test_parse_article_batches_many_texts(nlp):
    docs = parse_article(nlp, ["One. Two.", "", "Three."])
    assert [d.text for d in docs] == ["One. Two.", "", "Three."]


def test_cached_ruler_gives_the_stock_annotations(nlp, seed_path):
    import spacy

    from tidings.settings import DEFAULT_MODEL

    assert "tidings_cached_ruler" in nlp.pipe_names
    stock = spacy.load(DEFAULT_MODEL)
    text = seed_path.read_text(encoding="utf-8") + "\n\nThere is no way. Y'all ain't gonna win, let's go."
    for _ in range(2):  # cold, then warm cache
        ours, theirs = nlp(text), stock(text)
        assert [(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in ours] == \
            [(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in theirs]
