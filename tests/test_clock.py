"""One clock and causal reads. "Today" is the county's date in `HUB_TIME_ZONE` (default
Asia/Shanghai), the same for Python and Cypher (which gets it as `$today` and never asks
Neo4j's own `date()`); and every session shares the driver's bookmark manager, so on a
cluster a read after a write sees it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from hub.core.principal import Principal, Role
from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.db import Database, Tx
from hub.http.app import create_app
from hub.importer import audit

# UTC+14 and UTC-12: 26 hours apart, so their dates always differ.
EAST, WEST = "Pacific/Kiritimati", "Etc/GMT+12"


def test_the_time_zone_is_a_setting_with_the_countys_default() -> None:
    assert Settings.from_env({}).time_zone == "Asia/Shanghai"
    east = Settings.from_env({"HUB_TIME_ZONE": EAST})
    assert east.today() == datetime.now(ZoneInfo(EAST)).date()
    assert east.today() != Settings.from_env({"HUB_TIME_ZONE": WEST}).today()
    with pytest.raises(ValueError, match="HUB_TIME_ZONE"):
        Settings.from_env({"HUB_TIME_ZONE": "Mars/Olympus"})


def test_no_other_clock_decides_today() -> None:
    """Cypher never calls date() for today; Python never asks the host's local date."""
    cypher = [p for p in (PROJECT_ROOT / "cypher").rglob("*.cypher")
              if re.search(r"(?<![\w.])date\(\s*\)", "\n".join(
                  line for line in p.read_text(encoding="utf-8").splitlines()
                  if not line.lstrip().startswith("//")))]
    assert cypher == []
    python = [p for folder in ("hub", "schema") for p in (PROJECT_ROOT / folder).rglob("*.py")
              if re.search(r"date\.today\(\)|datetime\.now\(\)", p.read_text(encoding="utf-8"))]
    assert python == []


@pytest.mark.parametrize("zone", [EAST, WEST])
async def test_the_default_as_of_is_the_countys_today(
    settings: Settings, demo: Database, bearer: Callable[..., dict[str, str]], zone: str,
) -> None:
    app = create_app(replace(settings, time_zone=zone))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as http:
            body = (await http.post("/graphql", headers=bearer("county"), json={
                "query": "{ workOrderStats { end } }"})).json()
    assert body["data"]["workOrderStats"]["end"] == datetime.now(ZoneInfo(zone)).date().isoformat()


async def test_every_session_shares_the_drivers_bookmarks(demo: Database) -> None:
    """A write transaction's bookmark reaches the manager every later query waits on."""
    manager = demo.driver.execute_query_bookmark_manager
    before = await manager.get_bookmarks()

    async def write(tx: Tx) -> str:
        return await audit.record(tx, Principal("test-bookmarks", Role.COUNTY), "test.bookmark",
                                  ["BM-1"], None, None)

    await demo.in_write_tx(write)
    after = await manager.get_bookmarks()
    assert after and after != before
