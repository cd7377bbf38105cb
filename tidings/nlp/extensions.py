"""Custom attributes under ``doc._.tidings_*``, registered once in every process."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "tidings_segments": None,  # list of (start_char, end_char, parsed: bool) from parse_article
    "tidings_published": None,  # ISO date the article was published (anchor for dates and roles)
    "tidings_mentions": None,  # list[models.Mention]
    "tidings_events": None,  # list[models.Event]
    "tidings_timexes": None,  # list[models.TimeExpr]
    "tidings_places": None,  # list[models.Place]
    "tidings_quotes": None,  # list[models.Quote]
}


def register_extensions() -> None:
    """Register every tidings Doc extension (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
