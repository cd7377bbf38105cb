"""HTML cleaning robustness: the strict pass's fragment falls back to the lenient pass; licence notices go."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tidings.clean import html as clean_html_module
from tidings.clean.html import TRUSTED_CHARS, clean_html
from tidings.clean.text import clean_text

SAMPLES = Path(__file__).resolve().parents[1] / "tidings" / "data" / "samples"
STORY = ("Rescue teams reached the flooded villages on Tuesday after the river burst its banks, "
         "local officials said, and began moving families to schools on higher ground.")


def _document(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, title="Floods", author=None, sitename=None, description=None,
                           language="en", date=None)


@pytest.fixture
def passes_seen(monkeypatch):
    """A stand-in extractor: the strict pass returns ``strict``, any other pass ``lenient``."""
    seen: list[dict] = []

    def install(strict: str, lenient: str) -> list[dict]:
        def fake(tree, url=None, **settings):
            seen.append(settings)
            return _document(strict if settings.get("favor_precision") else lenient)
        monkeypatch.setattr(clean_html_module.trafilatura, "bare_extraction", fake)
        return seen
    return install


def test_short_fragment_from_strict_pass_is_replaced_by_lenient_text(passes_seen):
    fragment = "Order reprints of this page for your office."
    article = "\n".join([STORY] * 8)
    seen = passes_seen(fragment, article)
    found = clean_html("<html><body><p>x</p></body></html>")
    assert len(seen) == 2
    assert found.paragraphs[0] == STORY
    assert fragment not in found.paragraphs


def test_short_article_keeps_the_strict_text(passes_seen):
    # A short news brief: the lenient pass adds a teaser but not several times more text.
    seen = passes_seen(STORY, STORY + "\nMore stories: floods across the region this week.")
    found = clean_html("<html><body><p>x</p></body></html>")
    assert len(seen) == 2
    assert found.paragraphs == [STORY]


def test_long_strict_text_costs_one_pass(passes_seen):
    article = "\n".join([STORY] * (TRUSTED_CHARS // len(STORY) + 2))
    seen = passes_seen(article, article + "\nSomething else entirely.")
    found = clean_html("<html><body><p>x</p></body></html>")
    assert len(seen) == 1 and seen[0].get("favor_precision")
    assert found.paragraphs[-1] == STORY


def test_real_page_still_extracts_its_body():
    page = (SAMPLES / "kenya-flood-aid.html").read_text(encoding="utf-8")
    found = clean_html(page, url="https://meridian.example.com/africa/kenya-flood-aid")
    assert found.paragraphs[0].startswith("NAIROBI — The European Union on Wednesday pledged")


def test_personal_use_licence_notice_is_legal_furniture():
    text = (f"{STORY}\n\nThis copy is for your personal, non-commercial use only. To order copies for "
            f"distribution to your colleagues, visit our reprints page.\n\n{STORY.replace('Tuesday', 'Wednesday')}\n")
    found = clean_text(text)
    assert [r.reason for r in found.removed] == ["legal"]
    assert all("non-commercial" not in p for p in found.paragraphs)
    # Mentioning non-commercial use in a news sentence is not a notice.
    kept = clean_text(f"{STORY}\n\nThe licence allows non-commercial use only, the court said on Monday.\n")
    assert len(kept.paragraphs) == 2
