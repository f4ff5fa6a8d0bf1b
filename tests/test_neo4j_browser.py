"""Neo4j Browser, as the local Neo4j serves it, in a real browser (Debian's chromium).

Staff open Browser on the hub's machine over a closed intranet: the test signs in, runs the
saved grid-gap query (cypher/browser/grid_gaps.cypher) with the hub's style, checks that the
picture shows each gap grid's reason as a Gap node, and fails on any request to a host other
than this machine. `HUB_CONSOLE_SCREENSHOTS=docs/console` also saves the picture the README
shows (to docs/browser/grid-gaps.png).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import zipfile
from urllib.parse import quote, urlsplit

import pytest

from hub.core.settings import PROJECT_ROOT
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LIB_DIR
from tests.cdp import Page, browser, chromium
from tests.conftest import Server, Slot, _local_server

EXECUTABLE = chromium()
pytestmark = pytest.mark.skipif(
    EXECUTABLE is None or bool(os.environ.get("NEO4J_URI")),
    reason="chromium 未安装，或 Neo4j 不是本机的 / chromium is not installed "
           "(`apt-get install chromium`), or NEO4J_URI names a server this test does not run")
SHOT = PROJECT_ROOT / "docs" / "browser" / "grid-gaps.png"
GAP_DAY = dt.date(2023, 6, 30)


def _with_literals(text: str, township: str, as_of: dt.date) -> str:
    """The saved query with its two :param values written in (Browser's editor, one run)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return (body.replace("$township", f"'{township}'")
                .replace("$asOf", f"date('{as_of.isoformat()}')"))


async def _type_into(page: Page, selector: str, value: str) -> None:
    """Set a React-controlled input the way typing does."""
    await page.evaluate(
        f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
        " const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
        f" set.call(el, {json.dumps(value)});"
        " el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()")


async def _paste_and_run(page: Page, command: str) -> None:
    """Paste `command` into Browser's editor (as a person would) and press Run."""
    await page.evaluate(
        "(() => { const area = document.querySelector('textarea.inputarea'); area.focus();"
        " const data = new DataTransfer();"
        f" data.setData('text/plain', {json.dumps(command)});"
        " area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,"
        " cancelable: true})); return true; })()")
    await page.evaluate("document.querySelector('[data-testid=\"editor-Run\"]').click()")


async def test_browser_draws_why_a_grid_is_a_gap_and_calls_no_outside_host(
        server: Server, slot: Slot, demo: Database) -> None:
    assert EXECUTABLE is not None
    local = _local_server(slot.number)
    expected = await demo.read("browser.grid_gaps", township="XC-T02", asOf=GAP_DAY)
    reasons = {r["gapZh"] for r in expected}
    assert reasons, "the demo county has part-time-only grids in XC-T02 on this day"
    query = _with_literals(Queries().get("browser.grid_gaps").text, "XC-T02", GAP_DAY)
    style = (PROJECT_ROOT / "docs" / "browser" / "style.grass").read_text(encoding="utf-8")
    async with browser(EXECUTABLE) as page:
        await page.goto(local.browser_url + "?dbms=" + quote(f"neo4j://neo4j@127.0.0.1:"
                                                            f"{local.bolt_port}", safe=""))
        await page.wait_for("document.querySelector('input[data-testid=\"password\"]')", 120)
        await _type_into(page, 'input[data-testid="username"]', "neo4j")
        await _type_into(page, 'input[data-testid="password"]', server.password)
        await page.evaluate("document.querySelector('button[data-testid=\"connect\"]').click()")
        await page.wait_for("document.body.innerText.includes('Connected to Neo4j') ||"
                            " document.body.innerText.includes('已连接')", 120)
        for command in (":style " + " ".join(style.split()), " ".join(query.split())):
            await _paste_and_run(page, command)
        captions = " ".join(reasons)
        await page.wait_for(
            "[...document.querySelectorAll('svg text')].map(t => t.textContent).join(' ')"
            f".includes({json.dumps(sorted(reasons)[0][:4])})", 240)
        drawn = await page.evaluate(
            "[...document.querySelectorAll('svg text')].map(t => t.textContent).join('|')")
        # Analytics and crash reporters load a little after the first picture.
        await asyncio.sleep(5)
        if os.environ.get("HUB_CONSOLE_SCREENSHOTS"):
            await page.screenshot(SHOT)
        outside = {urlsplit(u).hostname for u in page.requests
                   if urlsplit(u).scheme in ("http", "https", "ws", "wss")} - {"127.0.0.1"}
    assert not outside, f"Browser asked outside hosts: {sorted(outside)}"
    assert re.search("只有兼职", drawn), (captions, drawn[:500])
    assert any(c in drawn for c in ("XC-T02-C01-G01", "网格")), drawn[:500]


def test_the_fetched_browser_jar_is_rewritten_to_call_no_outside_host() -> None:
    jars = list(LIB_DIR.glob("neo4j-browser-*.jar"))
    assert jars, "fetched by the session's Neo4j"
    with zipfile.ZipFile(jars[0]) as jar:
        text = b"".join(jar.read(n) for n in jar.namelist() if n.endswith((".js", ".css")))
    assert b"fonts.googleapis.com/css" not in text
    assert re.search(rb"shouldAllowOutgoingConnections=\w+=>!1", text)
    assert not re.search(rb"\w\.setupSentry\(\),", text)
