"""Hand-made actor mentions for event-coder tests: code sentences without depending on the actors stage."""

from __future__ import annotations

import re

from tidings.models import Actor, Mention


def mentions_for(text: str, table: dict[str, str | None]) -> list[Mention]:
    """A country mention for every (longest, non-overlapping) occurrence of a name in ``table``."""
    found: list[Mention] = []
    for name in sorted(table, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if not any(x.start <= m.start() < x.end for x in found):
                found.append(Mention(m.start(), m.end(), name, "country", Actor(name, table[name])))
    return found


def coder(table: dict[str, str | None]):
    """``code(text)`` → the events of one text, with the hand-made mentions of ``table``."""
    from tidings.events import code_events
    from tidings.nlp import load_model, parse_article

    nlp = load_model()

    def run(text: str):
        doc = parse_article(nlp, [text])[0]
        return code_events(doc, mentions_for(text, table))
    return run


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]
