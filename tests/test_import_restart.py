"""Neo4j killed in the middle of an import: the import either completes after the driver's
retries or leaves nothing written, the same driver reconnects by itself, and a re-run then
completes. A scratch Neo4j of the test's own (ports 17987/17774) is killed with SIGKILL.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest

from hub import audit
from hub.cypher import Queries
from hub.db import Database
from hub.errors import Neo4jUnavailable
from hub.importer import import_path
from hub.localdb import LocalNeo4j
from hub.migrate import migrate
from hub.settings import PROJECT_ROOT

pytestmark = pytest.mark.lifecycle
KEY = b"restart-test-key"
HOUSEHOLDS = 20_000


async def nodes(db: Database) -> int:
    return int((await db.read("testing.count_records", timeout=120.0))[0]["nodes"])


async def test_import_survives_a_killed_neo4j(tmp_path: Path) -> None:
    folder = tmp_path / "county"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "seeds" / "generate.py"),
                    "--households", str(HOUSEHOLDS), "--out", str(folder)],
                   check=True, capture_output=True)
    server = LocalNeo4j(home=tmp_path / "neo4j", bolt_port=17987, http_port=17774,
                        heap="512m", pagecache="64m")
    server.start(say=lambda _line: None)
    driver = neo4j.AsyncGraphDatabase.driver(server.uri, auth=("neo4j", server.password()))
    try:
        db = Database(driver, "neo4j", Queries(), 120.0)  # a fresh server on a busy box
        await migrate(db)
        empty = await nodes(db)
        writing = asyncio.Event()

        def progress(line: str) -> None:
            if line.startswith("写入"):
                writing.set()

        task = asyncio.create_task(import_path(db, folder, progress=progress, key=KEY))
        await asyncio.wait_for(writing.wait(), timeout=600)
        await asyncio.sleep(1.5)  # well inside the one write transaction
        assert not task.done(), "the import finished before Neo4j could be killed"
        await asyncio.to_thread(server.kill)
        await asyncio.to_thread(server.start, lambda _line: None)
        try:
            await task
            completed = True
        except (Neo4jUnavailable, neo4j.exceptions.TransientError):
            completed = False
        after_kill = await nodes(db)  # the same driver, reconnected by itself
        summary = await import_path(db, folder, key=KEY)
        final = await nodes(db)
        assert final > empty + HOUSEHOLDS
        # All of it (completed after retries; the re-run then creates nothing) or none of it.
        assert after_kill == (final if completed else empty), (completed, after_kill, final)
        assert (summary.created == 0) == completed
        # Each import that landed left its one audit entry, and only those did.
        assert (await audit.entries(db, None, 0, 10))[0] == (2 if completed else 1)
    finally:
        await driver.close()
        server.stop()
