"""Neo4j killed in the middle of an import: the import stops (its run lock died with
Neo4j) and leaves nothing visible, the same driver reconnects by itself, and a re-run cleans
the leftovers and gives the counts of a clean import. A scratch Neo4j of the test's own
(ports of the test slot) is killed with SIGKILL while the import is staging.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest

from hub.core.errors import Neo4jUnavailable
from hub.core.settings import PROJECT_ROOT
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LocalNeo4j
from hub.graph.migrate import migrate
from hub.importer import audit, import_path
from hub.importer.stage import ImportRunLost

pytestmark = pytest.mark.lifecycle
KEY = b"restart-test-key"
HOUSEHOLDS = 20_000


async def nodes(db: Database) -> int:
    return int((await db.read("testing.count_visible", timeout=120.0))[0]["visible"])


async def staged(db: Database) -> int:
    return int((await db.read("testing.count_visible", timeout=120.0))[0]["staged"])


async def test_import_survives_a_killed_neo4j(tmp_path: Path, ports: Callable[[], int]) -> None:
    folder = tmp_path / "county"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "seeds" / "generate.py"),
                    "--households", str(HOUSEHOLDS), "--out", str(folder)],
                   check=True, capture_output=True)
    server = LocalNeo4j(home=tmp_path / "neo4j", bolt_port=ports(), http_port=ports(),
                        heap="512m", pagecache="64m")
    server.start(say=lambda _line: None)
    driver = neo4j.AsyncGraphDatabase.driver(server.uri, auth=("neo4j", server.password()))
    try:
        # 120 s: a fresh server on a busy box
        db = Database(driver, "neo4j", Queries(), 120.0, server.target())
        await migrate(db)
        empty = await nodes(db)
        task = asyncio.create_task(import_path(db, folder, key=KEY))
        for _ in range(2400):  # until a batch is staged, at most 10 minutes
            if await staged(db) > 0 or task.done():
                break
            await asyncio.sleep(0.25)
        assert not task.done(), "the import finished before Neo4j could be killed"
        await asyncio.to_thread(server.kill)
        await asyncio.to_thread(server.start, lambda _line: None)
        # The run's lock died with Neo4j: the import must not publish what it staged.
        with pytest.raises((ImportRunLost, Neo4jUnavailable, neo4j.exceptions.ServiceUnavailable,
                            neo4j.exceptions.SessionExpired, neo4j.exceptions.TransientError)):
            await task
        after_kill = await nodes(db)  # the same driver, reconnected by itself
        summary = await import_path(db, folder, key=KEY)
        final = await nodes(db)
        assert after_kill == empty
        assert final > empty + HOUSEHOLDS
        # The re-run cleaned the leftovers and created everything, as a clean import does.
        assert await staged(db) == 0
        assert summary.created == summary.rows
        assert (await audit.entries(db, None, 0, 10))[0] == 1
    finally:
        await driver.close()
        server.stop()
