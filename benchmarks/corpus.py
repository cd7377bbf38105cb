"""The fixed benchmark corpus: TimeBank/AQUAINT news texts and the AEB HTML pages from ../shared/gold.

Read from ../shared/gold at run time (never copied into the repository).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def news_texts() -> list[dict]:
    """TimeBank + AQUAINT documents as article rows (text, published)."""
    rows = []
    for name in ("timebank.jsonl", "aquaint.jsonl"):
        path = GOLD / "time" / name
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            rows.append({"url": f"https://bench.example/{doc['doc_id']}", "text": doc["text"].strip(),
                         "published": doc.get("dct_date")})
    return rows


def html_pages() -> list[dict]:
    """The AEB benchmark's HTML pages as article rows (html, url)."""
    folder = GOLD / "extract" / "scrapinghub_aeb"
    rows = []
    for line in (folder / "ground_truth.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        html = gzip.open(folder / item["html_file"], "rt", encoding="utf-8", errors="replace").read()
        rows.append({"url": item["url"], "html": html})
    return rows


def synthetic_articles(n: int, base: list[dict]) -> list[dict]:
    """``n`` distinct articles built by cycling the base texts (a numbered line keeps each unique)."""
    out = []
    for i in range(n):
        row = dict(base[i % len(base)])
        row["url"] = f"{row['url']}?copy={i}"
        row["text"] = f"{row['text']}\n\nReference {i}."
        out.append(row)
    return out


def available() -> bool:
    return (GOLD / "time" / "timebank.jsonl").exists()
