"""HTML pages: main text with trafilatura, metadata with trafilatura/htmldate.

The extraction options were chosen on the Scrapinghub article-extraction
benchmark (``tidings eval extract``): precision-favouring extraction first,
with tables, then a more lenient pass when the strict one finds nothing or
only a short fragment of what the lenient one finds.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from ..errors import CleanError
from ..models import Removed
from .found import Cleaned
from .metadata import find_dates, normalise_iso
from .rules import load_rules
from .text import split_caption

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Passes tried in order until one returns trustworthy text (benchmark-tuned; see BENCHMARKS.md).
EXTRACTION_PASSES: tuple[dict[str, Any], ...] = (
    {"favor_precision": True},
    {"favor_recall": True},
)
# A pass's text shorter than TRUSTED_CHARS is compared with the next pass's, which replaces it
# when it is more than FRAGMENT_FACTOR times longer (the strict pass found a fragment).
TRUSTED_CHARS = 1000
FRAGMENT_FACTOR = 5
DATE_OPTIONS = {"extensive_search": True, "original_date": True}
_LANG = re.compile(r"^[a-z]{2,3}\b", re.I)


def _figure_captions(tree) -> tuple[list[str], list[str]]:
    """Photo captions (``figcaption``) and their credits, deduplicated in page order."""
    captions: list[str] = []
    credits: list[str] = []
    rules = load_rules()
    for node in tree.iter("figcaption"):
        text = " ".join(node.text_content().split())
        if not text:
            continue
        caption, credit = split_caption(text, rules) or (text, "")
        if caption and caption not in captions:
            captions.append(caption)
        if credit and credit not in credits:
            credits.append(credit)
    return captions, credits


def _extract(tree, url: str | None, passes: tuple[dict[str, Any], ...], **options: Any):
    """The first extraction pass whose text can be trusted (None when no pass finds any).

    A strict pass sometimes latches onto a fragment (a reprint notice, a teaser
    box) and misses the article; a short result is therefore checked against
    the next, more lenient pass, which wins when it finds several times more
    text. Long results are trusted at once, so most pages cost one pass.
    """
    best = None
    for extra in passes:
        settings = {"include_comments": False, "include_tables": True, "with_metadata": True,
                    "date_extraction_params": DATE_OPTIONS, **extra, **options}
        document = trafilatura.bare_extraction(tree, url=url, **settings)
        size = len((document.text or "").strip()) if document is not None else 0
        if not size:
            continue
        if best is None or size > FRAGMENT_FACTOR * len(best.text.strip()):
            best = document
        if len(best.text.strip()) >= TRUSTED_CHARS:
            break
    return best


def _strip_furniture(lines: list[str]) -> tuple[list[str], list[Removed]]:
    """Lines of extracted text that are still nags (share, sign-up, paywall) are set aside."""
    rules = load_rules()
    kept, removed = [], []
    for line in lines:
        reason = rules.furniture_reason(line)
        if reason:
            removed.append(Removed(text=line, reason=reason))
        else:
            kept.append(line)
    return kept, removed


_DATE_ONLY = re.compile(r"^[\w ,.:/-]{0,12}\d{1,4}[\w ,.:/+-]{0,30}$")


def _strip_heading(lines: list[str], title: str | None) -> tuple[list[str], list[Removed]]:
    """The page title and a bare date line repeated at the top of the text belong to metadata."""
    removed: list[Removed] = []
    key = " ".join((title or "").split()).casefold()
    while lines[:1] and len(lines) > 1:
        first = lines[0]
        if key and first.casefold() == key:
            removed.append(Removed(text=first, reason="title"))
        elif _DATE_ONLY.match(first) and find_dates(first) or normalise_iso(first) == first.strip():
            removed.append(Removed(text=first, reason="date"))
        else:
            break
        lines = lines[1:]
    return lines, removed


def clean_html(content: str, url: str | None = None, strip_furniture: bool = True,
               passes: tuple[dict[str, Any], ...] = EXTRACTION_PASSES, **options: Any) -> Cleaned:
    """Main text and metadata of an HTML page; raises CleanError when there is no article in it."""
    tree = load_html(content)
    if tree is None:
        raise CleanError("broken HTML: the page could not be parsed")
    captions, credits = _figure_captions(tree)
    document = _extract(tree, url, passes, **options)
    if document is None:
        raise CleanError("no article text found in the HTML page")
    lines = [" ".join(line.split()) for line in document.text.splitlines()]
    lines = [line for line in lines if line]
    removed: list[Removed] = []
    if strip_furniture:
        lines, removed = _strip_heading(lines, document.title)
        lines, furniture = _strip_furniture(lines)
        removed += furniture
    language = document.language or tree.get("lang") or None
    if language and _LANG.match(language):
        language = _LANG.match(language).group(0).lower()
    return Cleaned(
        paragraphs=lines, removed=removed, captions=captions, credits=credits,
        title=document.title or None, author=document.author or None,
        publisher=document.sitename or None, description=document.description or None,
        language=language, published=normalise_iso(document.date), published_source="html-meta",
    )
