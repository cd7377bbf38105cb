"""`tidings explain "sentence"`: code one sentence and show why each event was (or was not) coded."""

from __future__ import annotations

from rich.table import Table

from ..models import Event


def explain_data(sentence: str, date: str | None = None, model: str | None = None) -> dict:
    """Parse and code one sentence; return the tokens, mentions, candidates, notes and events."""
    from .. import actors
    from ..events.coder import ArticleState, code_sentence
    from ..events.lexicon import load_lexicon
    from ..events.roles import MentionIndex
    from ..nlp import load_model, parse_article, sentences

    nlp = load_model(model) if model else load_model()
    doc = parse_article(nlp, [sentence])[0]
    doc._.tidings_published = date
    mentions = actors.find_mentions(doc, date)
    index, lexicon, state = MentionIndex(doc, mentions), load_lexicon(), ArticleState()
    coded: list[Event] = []
    candidates, notes, readings = [], [], {}
    for sent, parsed in sentences(doc):
        if not parsed:
            notes.append(f"not parsed: {sent.text[:60]!r}")
            continue
        found, trace = code_sentence(sent, index, lexicon, state)
        coded += found
        candidates += trace.candidates
        notes += trace.notes
        readings.update(trace.readings)
    return {"doc": doc, "mentions": mentions, "candidates": candidates, "notes": notes,
            "readings": readings, "events": coded}


def explain(sentence: str, date: str | None, console, model: str | None = None) -> None:
    """Print the parse, the actor mentions, the lexicon entries that fired and the coded events."""
    data = explain_data(sentence, date, model)
    tokens = Table(title="Tokens")
    for col in ("i", "text", "lemma", "pos", "dep", "head"):
        tokens.add_column(col)
    for t in data["doc"]:
        tokens.add_row(str(t.i), t.text, t.lemma_, t.pos_, t.dep_, f"{t.head.i}:{t.head.text}")
    console.print(tokens)
    mentions = Table(title="Actor mentions")
    for col in ("text", "kind", "actor", "country", "sector"):
        mentions.add_column(col)
    for m in data["mentions"]:
        a = m.actor
        mentions.add_row(m.text, m.kind, a.name if a else "-", (a.country if a else None) or "-",
                         (a.sector if a else None) or "-")
    console.print(mentions)
    fired = Table(title="Lexicon entries that fired")
    for col in ("trigger", "entry", "why", "modality"):
        fired.add_column(col)
    for cand in data["candidates"]:
        reading = data["readings"].get(cand.token.i)
        mood = "-" if reading is None else (("negated, " if reading.negated else "") + reading.modality
                                             + (f" ({reading.why})" if reading.why else ""))
        absorbed = f"; absorbs {', '.join(a.token.text for a in cand.absorbed)}" if cand.absorbed else ""
        fired.add_row(cand.token.text, cand.entry.rule, cand.reason + absorbed, mood)
    console.print(fired)
    for note in data["notes"]:
        console.print(f"  [dim]• {note}[/]")
    if not data["events"]:
        console.print("[bold]No event coded.[/]")
    for e in data["events"]:
        src = ", ".join(f"{a.text} ({a.country or '?'})" for a in e.source) or "-"
        tgt = ", ".join(f"{a.text} ({a.country or '?'})" for a in e.target) or "-"
        flags = ("NEGATED " if e.negated else "") + (e.modality if e.modality != "asserted" else "")
        claim = f" claimed by {e.claimed_by.text}" if e.claimed_by else ""
        console.print(f"[bold]{e.plover_type}[/] {e.mode or ''} CAMEO {e.cameo_code} (Goldstein {e.goldstein}, "
                      f"intensity {e.intensity}, quad {e.quad_class}) {src} → {tgt} {flags}{claim}\n"
                      f"  trigger '{e.trigger}' [{e.trigger_start}:{e.trigger_end}], confidence {e.confidence}, "
                      f"rule {e.rule}")
