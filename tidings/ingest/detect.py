"""Recognising what a piece of content is."""

from __future__ import annotations

import re

_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def looks_like_html(content: str) -> bool:
    """True when the content carries HTML markup in its first few kilobytes."""
    return bool(_HTML.search(content[:4096]))
