"""Who: actor mentions resolved to country, sector and dated role. (stub: being built)"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Actor, Mention


def find_mentions(doc: Doc, date: str | None = None, kb=None) -> list[Mention]:
    """Every actor mention in the article Doc, resolved as of ``date``."""
    return []


def resolve(text: str, date: str | None = None, context: str | None = None, kb=None) -> Actor | None:
    """Resolve one actor phrase ("Chile's Ministry of Mines") to an Actor, as of ``date``."""
    return None
