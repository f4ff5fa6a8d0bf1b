"""The IDE in a real browser: its Docs pane, which cannot load the schema before a token is
pasted, loads it once the token is in the Headers tab, without a reload by hand.

Headless Chromium driven over the DevTools protocol by `tests/browser/ide_docs.mjs`, against
the hub as a process of its own. Skipped where Chromium is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hub.auth import Authenticator
from hub.db import Database
from hub.principal import Role
from hub.settings import PROJECT_ROOT, Settings
from tests.conftest import Server
from tests.test_federation import FED, Process, ready_hub

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed / 未安装 Chromium")
def test_the_docs_pane_loads_once_the_token_is_pasted(
        server: Server, settings: Settings, auth: Authenticator, demo: Database,
        ports: Callable[[], int], tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node is not None, "node is needed / 需要 Node.js"
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
        run = subprocess.run(
            [node, "--experimental-websocket", str(PROJECT_ROOT / "tests" / "browser" /
                                                   "ide_docs.mjs"),
             f"http://127.0.0.1:{port}/graphql", token, str(ports()),
             str(tmp_path / "profile")],
            capture_output=True, text=True, timeout=120, env={**base, "CHROMIUM": CHROMIUM or ""},
            check=False)
    finally:
        hub.stop()
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert "Error fetching schema" in seen["before"]
    assert "Root Types" in seen["after"] and "query: Query" in seen["after"], seen["after"]
