"""The console's page over HTTP: open without credentials (it holds no data), a strict CSP,
the thresholds from configuration, and no asset that names another host."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from hub.core.errors import ConfigError
from hub.core.settings import PROJECT_ROOT
from hub.http.console import CSP, Thresholds
from hub.query.coverage import Dimension

ASSETS = PROJECT_ROOT / "hub" / "http" / "static" / "console"


async def test_the_page_is_open_holds_no_data_and_sends_a_strict_csp(
        client: httpx.AsyncClient) -> None:
    page = await client.get("/", headers={"Authorization": ""})
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CSP
    assert "default-src 'none'" in CSP and "connect-src 'self'" in CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    embedded = re.search(r'<script type="application/json" id="thresholds">(.*?)</script>',
                         page.text)
    assert embedded is not None
    bands = json.loads(embedded.group(1))
    configured = Thresholds.load(PROJECT_ROOT / "config" / "console.toml")
    assert set(bands) == {d.name for d in Dimension}
    for d in Dimension:
        assert bands[d.name] == vars(configured.band(d))
    # Every script and style it names is the hub's own, and served without credentials.
    for path in re.findall(r'(?:src|href)="(/static/console/[^"]+)"', page.text):
        asset = await client.get(path, headers={"Authorization": ""})
        assert asset.status_code == 200, path
    data = await client.post("/graphql", json={"query": "{ county { name } }"},
                             headers={"Authorization": ""})
    assert data.status_code == 401


def test_no_asset_names_another_host() -> None:
    # The SVG namespace is a name, never fetched.
    outside = re.compile(r"(?:https?:)?//(?!www\.w3\.org/2000/svg)[a-z0-9.-]+\.[a-z]{2,}",
                         re.IGNORECASE)
    for path in sorted(ASSETS.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert outside.findall(text) == [], path.name


def test_thresholds_that_make_no_sense_are_refused(tmp_path: Path) -> None:
    cases = {
        "amber above green": "[default]\ngreen = 0.8\namber = 0.9\n",
        "unknown dimension": "[default]\ngreen = 0.9\namber = 0.8\n"
                             "[dimensions.nope]\ngreen = 1\namber = 0\n",
        "no default": "[dimensions.grids_without_worker]\ngreen = 1\namber = 0.5\n",
    }
    for name, text in cases.items():
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError):
            Thresholds.load(path)
    good = tmp_path / "good.toml"
    good.write_text("[default]\ngreen = 0.9\namber = 0.5\n"
                    "[dimensions.grids_without_worker]\ngreen = 1\namber = 0.95\n",
                    encoding="utf-8")
    loaded = Thresholds.load(good)
    assert vars(loaded.band(Dimension.GRIDS_WITHOUT_WORKER)) == {"green": 1.0, "amber": 0.95}
    assert vars(loaded.band(Dimension.GRIDS_ONLY_PART_TIME)) == {"green": 0.9, "amber": 0.5}
