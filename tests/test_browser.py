"""The dashboard in a real headless browser (Debian's chromium driven by Playwright).

Starts uvicorn on a free 127.0.0.1 port over a hand-built store, visits every
page, and checks: no console errors, charts drawn, a filter and the drill-down
dyad period → event list → evidence link → highlighted sentence, and that
markup inside an article is shown as text, never run. Screenshots go to
artifacts/screenshots/. Install the browser with scripts/install_browser.sh.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "web"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM}: run scripts/install_browser.sh")
    pytest.importorskip("playwright.sync_api", reason="playwright missing: run scripts/install_browser.sh")
    import uvicorn
    from webstore import build_store

    from tidings.api import create_app

    path = tmp_path_factory.mktemp("browser") / "store.duckdb"
    ids = build_store(path)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", ids
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


class Watched:
    """A page that records console errors, uncaught exceptions and dialogs."""

    def __init__(self, context):
        self.page = context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url: str, shot: str):
        response = self.page.goto(url, wait_until="load")
        assert response and response.status == 200, url
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
        return self.page


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    assert page.errors == [], page.errors
    assert page.dialogs == [], page.dialogs
    page.page.close()


def test_every_page_loads_cleanly(server, watched):
    base, ids = server
    pages = {"overview": "/", "dyad": "/dyads/ISR/AZE", "actor-country": "/actors/ISR",
             "actor-person": "/actors/Isaac Herzog", "actors": "/actors", "network": "/network",
             "events": "/events", "articles": "/articles", "article": f"/articles/{ids['baku']}",
             "article-markup": f"/articles/{ids['markup']}"}
    for name, path in pages.items():
        page = watched.visit(base + path, name)
        assert page.locator("h1").count() == 1, name


def test_charts_render(server, watched):
    base, _ = server
    page = watched.visit(base + "/dyads/ISR/AZE", "chart-dyad")
    bars = page.locator("svg.timeline rect.coop")
    assert bars.count() >= 2
    heights = [float(bars.nth(i).get_attribute("height")) for i in range(bars.count())]
    assert max(heights) > 0 and page.locator("svg.timeline").bounding_box()["height"] > 100
    page = watched.visit(base + "/network", "chart-network")
    assert page.locator("svg.network path.edge").count() >= 5
    assert page.locator("svg.network g.node").count() >= 6
    page = watched.visit(base + "/", "chart-overview")
    assert page.locator("svg.timeline rect.conflict").count() > 0


def test_filter_on_event_list(server, watched):
    base, _ = server
    page = watched.visit(base + "/events", "events-before-filter")
    assert page.locator("table.events tbody tr").count() == 12
    page.select_option("select[name=type]", "ASSAULT")
    with page.expect_navigation():
        page.click("form.filters button")
    assert "type=ASSAULT" in page.url and "since=" not in page.url  # empty fields left out
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1 and "shelled" in rows.first.inner_text()
    page.screenshot(path=str(SHOTS / "events-filtered.png"), full_page=True)


def test_drill_down_from_dyad_period_to_evidence(server, watched):
    base, ids = server
    page = watched.visit(base + "/dyads/ISR/AZE", "drill-1-dyad")
    with page.expect_navigation():
        page.click('svg.timeline g.period[data-period="2023-05-01"] rect.hit')
    assert "period=2023-05-01" in page.url
    rows = page.locator("h2#events + table.events tbody tr")
    assert rows.count() == 1 and "arrived in Baku" in rows.first.inner_text()
    page.screenshot(path=str(SHOTS / "drill-2-period-events.png"), full_page=True)
    with page.expect_navigation():
        rows.first.locator("a.evidence-link").click()
    assert f"/articles/{ids['baku']}#event-" in page.url
    anchor_id = page.url.split("#")[1]
    sentence = page.locator(f".evidence:has(#{anchor_id})")
    assert "President Isaac Herzog of Israel arrived in Baku" in sentence.inner_text()
    page.wait_for_function(f"document.getElementById('{anchor_id}').parentElement.classList.contains('target')")
    marked = sentence.evaluate("el => getComputedStyle(el).backgroundColor")
    others = page.locator(".evidence:not(.target)").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert marked != others  # the targeted sentence stands out
    page.screenshot(path=str(SHOTS / "drill-3-evidence.png"), full_page=True)


def test_markup_in_article_is_text(server, watched):
    base, ids = server
    page = watched.visit(base + f"/articles/{ids['markup']}", "xss-article")
    text = page.locator("article.text").inner_text()
    assert "<script>alert(1)</script>" in text and "<b>sabotage</b>" in text
    assert page.locator("article.text script, article.text b, article.text i").count() == 0
    assert "<img src=x onerror=alert(2)>" in page.locator("h1").inner_text()
    page.locator("details.removed summary").click()
    assert "<iframe" in page.locator("details.removed").inner_text()
    assert page.locator("iframe").count() == 0
    assert watched.dialogs == []
