"""The API's OpenAPI docs work offline: no asset comes from another host."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.store import Store


def test_docs_page_loads_its_assets_from_the_package(db_path):
    Store(db_path).close()
    client = TestClient(create_app(db_path))
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    assert all(client.get(a).status_code == 200 for a in assets if a.endswith((".js", ".css")))
    assert client.get("/openapi.json").json()["info"]["title"] == "tidings"
