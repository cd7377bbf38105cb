"""Ingest over real inputs: a mixed folder with broken files, gzip, stdin, globs, WARC, URLs and feeds."""

from __future__ import annotations

import gzip
import io
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tidings.clean import clean
from tidings.ingest import read_sources
from tidings.ingest.decode import decode_bytes
from tidings.errors import IngestError
from tidings.models import RawDocument, Rejected
from tidings.pipeline import clean_all
from tidings.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
MIXED = ROOT / "tests" / "fixtures" / "ingest" / "mixed"
SAMPLES = ROOT / "tidings" / "data" / "samples"


def by_origin(items) -> dict[str, RawDocument | Rejected]:
    return {Path(item.origin).name if "://" not in item.origin else item.origin: item for item in items}


@pytest.fixture(scope="module")
def mixed():
    return by_origin(read_sources([str(MIXED)]))


def test_mixed_folder_reports_each_bad_file_with_its_reason(mixed):
    reasons = {name: item.reason for name, item in mixed.items() if isinstance(item, Rejected)}
    assert "binary file (PNG image)" in reasons["photo.html"]
    assert reasons["empty.txt"].startswith("empty")
    assert reasons["blank.html"].startswith("empty")
    assert reasons["garbled.txt"].startswith("undecodable bytes")
    assert reasons["wire.jsonl:2"].startswith("malformed JSONL line 2")
    assert reasons["truncated.warc.gz#record4"].startswith("malformed WARC record: truncated")
    assert "notes.md" not in mixed  # not an article format: not taken from a directory


def test_mixed_folder_reads_every_good_file(mixed):
    good = {name: item for name, item in mixed.items() if isinstance(item, RawDocument)}
    assert set(good) == {"minsk-talks.txt", "minsk-talks-copy.txt.gz", "cp1252.txt", "warsaw-aid.html",
                         "wire.jsonl:1", "wire.jsonl:4", "truncated.warc.gz#record2", "broken.html"}
    assert good["warsaw-aid.html"].is_html and good["warsaw-aid.html"].input_format == "html"
    assert "Kazakh capital" in good["minsk-talks-copy.txt.gz"].content
    assert "Peru’s foreign minister" in good["cp1252.txt"].content
    assert good["wire.jsonl:1"].published == "2023-06-10" and good["wire.jsonl:1"].url == "https://example.org/a"
    assert good["wire.jsonl:4"].is_html and good["wire.jsonl:4"].title == "Ghana protests"
    assert good["truncated.warc.gz#record2"].url.endswith("germany-expels-russian-diplomats")


def test_broken_html_fails_at_cleaning_and_the_run_goes_on():
    results = by_origin(clean_all(read_sources([str(MIXED)])))
    assert isinstance(results["broken.html"], Rejected) and results["broken.html"].stage == "clean"
    articles = [a for a in results.values() if not isinstance(a, Rejected)]
    assert len(articles) == 7
    assert results["warsaw-aid.html"].published == "2023-12-05"


def test_published_override_is_explicit():
    items = list(read_sources([str(MIXED / "wire.jsonl"), str(MIXED / "minsk-talks.txt")], published="2024-01-01"))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert docs and all(d.published == "2024-01-01" for d in docs)
    article = clean(docs[-1])
    assert (article.published, article.published_source) == ("2024-01-01", "explicit")


def test_glob_and_gzip_variants(tmp_path):
    for name in ("kenya-flood-aid.html", "wire.jsonl"):
        with gzip.open(tmp_path / f"{name}.gz", "wb") as out:
            out.write((SAMPLES / name).read_bytes())
    items = list(read_sources([str(tmp_path / "*.gz")]))
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 5
    html = next(i for i in items if i.origin.endswith("kenya-flood-aid.html.gz"))
    assert html.is_html
    assert isinstance(next(read_sources([str(tmp_path / "nothing-*.txt")])), Rejected)


def test_missing_path_is_rejected():
    (item,) = read_sources(["/no/such/file.txt"])
    assert isinstance(item, Rejected) and "no such file" in item.reason


def test_stdin(monkeypatch):
    text = (SAMPLES / "sahel-attack.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    (item,) = read_sources(["-"])
    assert item.origin == "stdin" and not item.is_html
    article = clean(item)
    assert article.published == "2024-03-04" and article.published_source == "dateline"


def test_sample_warc_yields_its_two_html_responses():
    items = list(read_sources([str(SAMPLES / "crawl.warc.gz")]))
    assert len(items) == 2 and all(isinstance(i, RawDocument) for i in items)
    assert {i.url.rsplit("/", 1)[-1] for i in items} == {"germany-expels-russian-diplomats", "japan-south-korea-summit"}
    assert all(i.input_format == "html" and i.published is None for i in items)


def test_decoding_order():
    assert decode_bytes("Zürich talks".encode("utf-8")) == "Zürich talks"
    page = '<html><head><meta charset="iso-8859-7"></head><body>Αθήνα</body></html>'
    assert "Αθήνα" in decode_bytes(page.encode("iso-8859-7"))
    assert decode_bytes("café talks in Montréal".encode("cp1252")) == "café talks in Montréal"
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(b"%PDF-1.7\n...")


class _Handler(SimpleHTTPRequestHandler):
    """Serves the samples; the feed's links point at this server's own address."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = (SAMPLES / "feed.xml").read_bytes().replace(b"http://127.0.0.1:8000", base.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(SAMPLES)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_page_url(server):
    (item,) = read_sources([f"{server}/belgrade-pristina-talks.html"], settings=Settings(fetch_timeout=5))
    assert isinstance(item, RawDocument) and item.is_html
    article = clean(item)
    assert article.url == f"{server}/belgrade-pristina-talks.html"
    assert article.publisher == "Balkan Ledger" and article.published == "2023-09-14"


def test_plain_text_url(server):
    (item,) = read_sources([f"{server}/baku-water-accord.txt"])
    assert not item.is_html and "Israel and Azerbaijan" in item.content


def test_feed_url_fetches_each_item(server):
    items = list(read_sources([f"{server}/feed.xml"]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    first = items[0]
    assert first.input_format == "feed" and first.url.endswith("/kenya-flood-aid.html")
    assert first.title == "EU pledges €30 million in flood aid to Kenya"
    assert first.published == "2024-05-08"
    assert clean(first).published_source == "explicit"


def test_http_errors_are_rejected(server):
    (item,) = read_sources([f"{server}/missing.html"])
    assert isinstance(item, Rejected) and "HTTP 404" in item.reason
    (item,) = read_sources(["http://127.0.0.1:9/unreachable"], settings=Settings(fetch_timeout=2))
    assert isinstance(item, Rejected) and item.reason.startswith("fetch failed")
