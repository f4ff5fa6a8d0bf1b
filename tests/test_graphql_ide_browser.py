"""The IDE in a real browser: its Docs pane, which cannot load the schema before a token is
pasted, loads it once the token is in the Headers tab, without a reload by hand.

Headless Chromium driven over the DevTools protocol by tests/cdp.py (the console's browser
tests use the same client), against the hub as a process of its own. Skipped where Chromium
is not installed.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hub.core.principal import Role
from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.db import Database
from hub.http.auth import Authenticator
from tests.cdp import Page, browser, chromium
from tests.conftest import Server
from tests.test_federation import FED, Process, ready_hub

CHROMIUM = chromium()

# The Docs pane's text, opening the pane first if it is closed.
DOCS = """(async () => {
  const button = document.querySelector('[aria-label*="Documentation Explorer"]');
  if (button && !document.querySelector('.graphiql-doc-explorer')) button.click();
  await new Promise((r) => setTimeout(r, 300));
  const pane = document.querySelector('.graphiql-doc-explorer');
  return pane ? pane.innerText : '';
})()"""


def paste(token: str) -> str:
    """Type the token into the Headers editor, as a person pasting it would."""
    headers = json.dumps(json.dumps({"Authorization": f"Bearer {token}"}))
    return f"""(() => {{
  const editor = [...document.querySelectorAll('.CodeMirror')].map((c) => c.CodeMirror)
    .find((c) => c.getValue().includes('Authorization'));
  if (!editor) return false;
  editor.setValue({headers});
  return true;
}})()"""


async def docs_until(page: Page, *signs: str, timeout: float = 20) -> str:
    """The Docs pane's text once it shows one of `signs`, or as it is when time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        text = str(await page.evaluate(DOCS))
        if any(sign in text for sign in signs) or time.monotonic() > deadline:
            return text
        await asyncio.sleep(0.2)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed / 未安装 Chromium")
async def test_the_docs_pane_loads_once_the_token_is_pasted(
        server: Server, settings: Settings, auth: Authenticator, demo: Database,
        ports: Callable[[], int], tmp_path: Path) -> None:
    assert CHROMIUM is not None
    port = ports()
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HUB_", "NEO4J_"))}
    env = {**base, "PYTHONPATH": str(PROJECT_ROOT), "NEO4J_URI": server.uri,
           "NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password,
           "NEO4J_DATABASE": server.database, "HUB_STATE_DIR": str(tmp_path / "state"),
           "HUB_JWT_SECRET": settings.secret_env["HUB_JWT_SECRET"]}
    hub = Process.start("hub", [sys.executable, str(FED / "hub_server.py"), str(port)], env,
                        tmp_path)
    try:
        hub.wait_until(ready_hub(f"http://127.0.0.1:{port}"))
        token = auth.mint("ide-user", Role.COUNTY, None)
        async with browser(CHROMIUM) as page:
            await page.goto(f"http://127.0.0.1:{port}/graphql")
            await page.wait_for("document.querySelector('.graphiql-container')")
            before = await docs_until(page, "Error fetching schema", "Root Types")
            await page.wait_for(paste(token))
            after = await docs_until(page, "Root Types")
    finally:
        hub.stop()
    assert "Error fetching schema" in before, before
    assert "Root Types" in after and "query: Query" in after, after
