"""The console in a real browser: Debian's chromium, headless, against the real hub on a
port of its own and the demo county. Signs in as the county and as a township, checks what
each sees against the API's own answers, downloads a gap list, and fails on any request to a
host other than the hub, on any script error and on any CSP violation.

`HUB_CONSOLE_SCREENSHOTS=docs/console` also saves the screenshots the README shows.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn

from hub.core.principal import Role
from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.db import Database
from hub.http.app import create_app
from hub.http.auth import Authenticator
from hub.query.coverage import Dimension
from tests.cdp import Page, browser, chromium
from tests.conftest import Slot
from tests.graphql_helpers import data

EXECUTABLE = chromium()
pytestmark = pytest.mark.skipif(
    EXECUTABLE is None,
    reason="chromium 未安装 / chromium is not installed: `apt-get install chromium` "
           "(`make test` installs it when run as root)")
SEEDS = PROJECT_ROOT / "seeds" / "demo-county"
SHOTS = os.environ.get("HUB_CONSOLE_SCREENSHOTS")


def names(file: str, **where: str) -> dict[str, str]:
    """code -> name of the demo county's rows in `file` matching `where` (by English key)."""
    with (SEEDS / file).open(encoding="utf-8-sig", newline="") as fh:
        rows = [{k.split("(")[-1].rstrip(")"): v for k, v in r.items()} for r in csv.DictReader(fh)]
    return {r["code"]: r["name"] for r in rows if all(r[k] == v for k, v in where.items())}


def enterprise_township(code: str) -> str:
    with (SEEDS / "enterprises.csv").open(encoding="utf-8-sig", newline="") as fh:
        territory = next(r["所在乡镇或社区(territory)"] for r in csv.DictReader(fh)
                         if r["统一社会信用代码(code)"] == code)
    return "-".join(territory.split("-")[:2])


def warm(url: str, token: str) -> None:
    """Run the overview's queries once: the console is measured warm, and the first run of
    eleven plans at once, compiled on a loaded machine, takes longer than any page should."""
    fields = "\n".join(f"{d.name}: coverage(dimension: {d.name}, unit: \"XC\", first: 1) "
                       "{ ... on Coverage { whole { ratio } } }" for d in Dimension)
    response = httpx.post(f"{url}/graphql", json={"query": f"{{ {fields} }}"}, timeout=600,
                          headers={"Authorization": f"Bearer {token}"}, trust_env=False)
    assert "errors" not in response.json(), response.text


@pytest.fixture(scope="module")
def hub_url(settings: Settings, demo: Database, auth: Authenticator,
            slot: Slot) -> Iterator[str]:
    """The hub served by uvicorn on a free port, in a thread with its own event loop.

    Its transaction timeout is raised for the warm-up only to succeed on a loaded machine;
    once warm, the pages' queries take about a second (docs: README, Console)."""
    port = slot.port()
    patient = replace(settings, limits=replace(settings.limits, tx_timeout_seconds=300.0))
    server = uvicorn.Server(uvicorn.Config(create_app(patient), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "hub did not start"
        time.sleep(0.1)
    url = f"http://127.0.0.1:{port}"
    warm(url, auth.mint("console-warm-up", Role.COUNTY, None))
    yield url
    server.should_exit = True
    thread.join(30)


@pytest.fixture
async def page(hub_url: str) -> AsyncIterator[Page]:
    assert EXECUTABLE is not None
    async with browser(EXECUTABLE) as tab:
        yield tab
        hub = urlsplit(hub_url).netloc
        outside = [u for u in tab.requests
                   if urlsplit(u).scheme not in ("data", "blob", "about")
                   and urlsplit(u).netloc != hub]
        assert outside == [], f"requests to hosts other than the hub: {outside}"
        assert tab.problems == [], f"script errors or CSP violations: {tab.problems}"


async def sign_in(page: Page, url: str, token: str) -> None:
    await page.goto(url + "/")
    await page.wait_for("!document.getElementById('signin').hidden")
    await page.evaluate(f"document.getElementById('credential').value = {json.dumps(token)};"
                        "document.getElementById('signin-form').requestSubmit(); true")
    await page.wait_for("document.querySelectorAll('.cards .dim').length === 11")


async def shot(page: Page, name: str) -> None:
    if SHOTS:
        await asyncio.sleep(0.3)
        await page.screenshot(PROJECT_ROOT / SHOTS / f"{name}.png")


BAR_LABELS = "[...document.querySelectorAll('.bar .label')].map(e => e.textContent)"
COUNTS = """query($unit: String!) { coverage(dimension: GRIDS_ONLY_PART_TIME, unit: $unit) {
  ... on Coverage { whole { total covered } byChild { code total covered }
                    gaps { totalCount } } } }"""


async def test_the_recorder_catches_a_request_to_another_host(hub_url: str) -> None:
    """The check every console test ends with can fail: a page that reaches out is caught."""
    assert EXECUTABLE is not None
    async with browser(EXECUTABLE) as tab:
        await tab.goto("data:text/html,<img src='http://outside.invalid/x.png'>")
        await tab.wait_for("document.images.length === 1")
        await asyncio.sleep(0.5)
        assert "http://outside.invalid/x.png" in tab.requests


async def test_the_county_sees_every_township_and_drills_down_to_a_gap_list(
        page: Page, hub_url: str, auth: Authenticator, client: httpx.AsyncClient,
        tmp_path: Path) -> None:
    townships = names("townships.csv")
    await sign_in(page, hub_url, auth.mint("console-county", Role.COUNTY, None))
    assert await page.evaluate("document.getElementById('who').textContent") == (
        f"{names('counties.csv')['XC']}（XC）")
    labels = set(await page.evaluate(BAR_LABELS))
    assert labels == set(townships.values())
    # The card shows the API's own counts for the whole county.
    api = (await data(client, COUNTS, unit="XC"))["coverage"]
    card = "document.querySelector('[data-dimension=GRIDS_ONLY_PART_TIME]')"
    headline = await page.evaluate(f"{card}.querySelector('.headline').textContent")
    assert f"{api['whole']['covered']}/{api['whole']['total']}" in headline
    await shot(page, "overview-county")

    # Drill: the township with the most part-time-only grids, down to its gap list.
    worst = max(api["byChild"], key=lambda c: c["total"] - c["covered"])
    await page.evaluate(f"location.hash = '#/unit/{worst['code']}/GRIDS_ONLY_PART_TIME'; true")
    gaps = (await data(client, COUNTS, unit=worst["code"]))["coverage"]["gaps"]["totalCount"]
    assert gaps > 0
    await page.wait_for(f"document.querySelectorAll('#gaps tbody tr').length === {gaps}")
    crumbs = await page.evaluate("document.querySelector('.crumbs').textContent")
    assert townships[worst["code"]] in crumbs
    await shot(page, "drill-down-gaps")

    await page.send("Browser.setDownloadBehavior", behavior="allow",
                    downloadPath=str(tmp_path))
    await page.evaluate("document.querySelector('#gaps .download').click(); true")
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("*.xlsx")):
        assert time.monotonic() < deadline, "the gap list was not downloaded"
        await asyncio.sleep(0.2)
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    saved = next(tmp_path.glob("*.xlsx"))
    await asyncio.sleep(0.5)
    book = load_workbook(saved, read_only=True)
    assert book.worksheets[0].max_row == gaps + 1
    book.close()


async def test_the_county_reads_the_report_audits_orders_and_the_chain(
        page: Page, hub_url: str, auth: Authenticator, client: httpx.AsyncClient) -> None:
    await sign_in(page, hub_url, auth.mint("console-county", Role.COUNTY, None))
    await page.evaluate("location.hash = '#/report'; true")
    await page.wait_for("document.querySelectorAll('tr[data-figure]').length === 26")
    await shot(page, "report")

    f19 = (await data(client, "{ countyReport { figures { id parts { name value } } } }"))
    parts = next(f for f in f19["countyReport"]["figures"] if f["id"] == "F19")["parts"]
    claims = f"F19 {parts[0]['value']}\\nF19 {parts[0]['value'] + 1}\\nF99 1"
    await page.evaluate("location.hash = '#/audit'; true")
    await page.wait_for("document.getElementById('claims')")
    await page.evaluate(f"document.getElementById('claims').value = '{claims}';"
                        "document.querySelector('form.audit').requestSubmit(); true")
    await page.wait_for("document.querySelectorAll('#verdicts tr[data-status]').length === 3")
    statuses = await page.evaluate(
        "[...document.querySelectorAll('#verdicts tr[data-status]')].map(r => r.dataset.status)")
    assert statuses == ["BORNE_OUT", "NOT_BORNE_OUT", "UNKNOWN_FIGURE"]
    await shot(page, "audit")

    await page.evaluate("location.hash = '#/orders'; true")
    await page.wait_for("document.querySelector('svg.chart rect.s-routed')")
    options = await page.evaluate("document.getElementById('order-township').options.length")
    assert options == 1 + len(names("townships.csv"))
    rates = await page.evaluate("document.querySelectorAll('.rate-bars .bar').length")
    assert rates == 2 * len(names("townships.csv"))
    await shot(page, "orders")

    committee = names("party_orgs.csv", territory="XC-T01", kind="township_committee")
    await page.evaluate("location.hash = '#/tree/XC-T01'; true")
    await page.wait_for("document.getElementById('tree')")
    tree = await page.evaluate("document.getElementById('tree').textContent")
    assert all(n in tree for n in committee.values()) and committee
    for code, name in names("communities.csv", township="XC-T01").items():
        assert name in tree, code
    # Opening a grid branch loads its Party members.
    await page.evaluate("const d = document.querySelector('#tree details[data-org]');"
                        "d.open = true; true")
    await page.wait_for("document.querySelector('#tree details[data-org] li.member')")
    await shot(page, "chain")


async def test_a_township_sees_only_its_own_units(
        page: Page, hub_url: str, auth: Authenticator) -> None:
    await sign_in(page, hub_url, auth.mint("console-township", Role.TOWNSHIP, "XC-T02"))
    own = {**names("communities.csv", township="XC-T02"),
           **names("villages.csv", township="XC-T02")}
    # Enterprises lying in the township itself are counted there, under their own name.
    enterprises = {n for c, n in names("enterprises.csv").items()
                   if enterprise_township(c) == "XC-T02"}
    labels = set(await page.evaluate(BAR_LABELS))
    assert set(own.values()) <= labels <= set(own.values()) | enterprises
    text = await page.evaluate("document.body.innerText")
    others = [n for c, n in names("townships.csv").items() if c != "XC-T02" and n in text]
    assert others == []
    hidden = await page.evaluate(
        "[...document.querySelectorAll('#nav a[data-county]')].every(a => a.hidden)")
    assert hidden
    await shot(page, "overview-township")
    await page.evaluate("location.hash = '#/tree'; true")
    await page.wait_for("document.getElementById('tree')")
    assert await page.evaluate("document.getElementById('tree-township').options.length") == 1
    await page.evaluate("location.hash = '#/orders'; true")
    await page.wait_for("document.getElementById('order-township')")
    townships = await page.evaluate(
        "[...document.getElementById('order-township').options].map(o => o.value)")
    assert townships == ["", "XC-T02"]
    # Another township's page is refused by the API, and the console says so.
    await page.evaluate("location.hash = '#/unit/XC-T01'; true")
    await page.wait_for("document.querySelector('#view .error')")


async def test_the_first_paint_is_fast_once_warm(
        page: Page, hub_url: str, bearer: Callable[..., dict[str, str]],
        auth: Authenticator) -> None:
    await sign_in(page, hub_url, auth.mint("console-county", Role.COUNTY, None))
    # Warm: the same page again, in the same tab (the credential stays in sessionStorage).
    await page.send("Page.reload")
    await page.wait_for("document.querySelectorAll('.cards .dim').length === 11")
    timing: dict[str, Any] = await page.evaluate(
        "({fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,"
        "  now: performance.now()})")
    print(f"console first contentful paint {timing['fcp']:.0f} ms; "
          f"eleven dimensions drawn by {timing['now']:.0f} ms")
    assert timing["fcp"] < 1000
