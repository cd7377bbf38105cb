"""What a cleaner found in one page or text: the body, what it took out and why, the metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Removed


@dataclass(slots=True)
class Cleaned:
    """The output of ``clean_html`` and ``clean_text`` alike (fields a cleaner cannot tell stay None)."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    publisher: str | None = None
    description: str | None = None
    language: str | None = None
    published: str | None = None
    published_source: str | None = None  # where the date was read: "html-meta", "dateline", ...
