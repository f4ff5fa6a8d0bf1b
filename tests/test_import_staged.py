"""A staged import is all or nothing as readers see it (docs/model.md, "Imports").

On a scratch Neo4j of the test's own (ports of the test slot) holding a generated county,
a second import adds households to one grid, links members to some of them and changes one existing
household. A reader query (`browse.unit_households`, what the hub answers for a grid) runs
over and over during that import and must see either the whole old grid or the whole new one.
The `hub import` process is killed with SIGKILL in the middle of staging: nothing of it is
visible, and the next import cleans its leftovers and gives the counts of a clean import.
"""

from __future__ import annotations

import asyncio
import csv
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import neo4j
import pytest

from bench.import_bench import descendants
from hub.core.settings import PROJECT_ROOT
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LocalNeo4j
from hub.graph.migrate import migrate
from hub.importer import import_path
from hub.importer.stage import clean_dead, running
from tests.conftest import Slot

pytestmark = pytest.mark.lifecycle
KEY = "staged-import-test-key"
HOUSEHOLDS = 3000
ADDED = 24_000  # 24 staged batches of households (worker.STAGED), so a kill lands inside staging
LINKED = 150


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def write(path: Path, table: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(table)


def grow(old: Path, new: Path) -> tuple[str, str, int, int]:
    """`new` = `old` + ADDED households in one grid, LINKED member links to them, and one
    household of that grid with one more person. (grid, changed household, old size, rows)."""
    subprocess.run(["cp", "-r", str(old), str(new)], check=True)
    households = rows(new / "households.csv")
    changed = households[1]
    grid, code, size = changed[5], changed[0], int(changed[3])
    changed[3] = str(size + 1)
    added = [[f"{grid}-N{i:05d}", "新户", "", "3", "", grid, "2024-01-01", ""]
             for i in range(ADDED)]
    write(new / "households.csv", households + added)
    links = rows(new / "member_links.csv")
    member = links[1][0]
    write(new / "member_links.csv",
          links + [[member, added[i][0], "2024-02-01", ""] for i in range(LINKED)])
    total = sum(len(rows(f)) - 1 for f in new.glob("*.csv"))
    return grid, code, size, total


async def grid_view(db: Database, grid: str, code: str) -> tuple[int, int | None]:
    """What a reader sees of the grid in one query: its households, and the changed one's size."""
    found = await db.read("browse.unit_households", parents=[grid], asOf=date.today(),
                          offset=0, limit=100_000, scope=None)
    sizes = {h["code"]: h["size"] for h in found[0]["items"]}
    return int(found[0]["total"]), sizes.get(code)


@dataclass(frozen=True)
class Grown:
    """A generated county imported (`old`), and the files that grow it (`new`)."""

    old: Path
    new: Path
    grid: str
    code: str
    size: int
    total: int
    before: dict[str, int]
    old_view: tuple[int, int | None]


async def import_old(db: Database, home: Path) -> Grown:
    """Generate a county in `home`, write its grown copy (`grow`), import the first."""
    old, new = home / "old", home / "new"
    subprocess.run([sys.executable, str(PROJECT_ROOT / "seeds" / "generate.py"),
                    "--households", str(HOUSEHOLDS), "--out", str(old)],
                   check=True, capture_output=True)
    grid, code, size, total = grow(old, new)
    await import_path(db, old, key=KEY.encode())
    return Grown(old, new, grid, code, size, total, await counts(db),
                 await grid_view(db, grid, code))


async def counts(db: Database) -> dict[str, int]:
    row = (await db.read("testing.count_visible", timeout=120.0))[0]
    return {"visible": int(row["visible"]), "staged": int(row["staged"])}


@pytest.fixture(scope="module")
async def scratch(tmp_path_factory: pytest.TempPathFactory, slot: Slot) -> AsyncIterator[
        tuple[LocalNeo4j, Database, Path]]:
    home = tmp_path_factory.mktemp("staged")
    server = LocalNeo4j(home=home / "neo4j", bolt_port=slot.port(), http_port=slot.port(),
                        heap="1g",
                        pagecache="64m")
    server.start(say=lambda _line: None)
    driver = neo4j.AsyncGraphDatabase.driver(server.uri, auth=("neo4j", server.password()))
    try:
        db = Database(driver, "neo4j", Queries(), 120.0, server.target())
        await migrate(db)
        yield server, db, home
    finally:
        await driver.close()
        server.stop()


async def watch(db: Database, grid: str, code: str, seen: set[tuple[int, int | None]],
                stop: asyncio.Event) -> None:
    while not stop.is_set():
        seen.add(await grid_view(db, grid, code))
        await asyncio.sleep(0.05)


async def test_killed_import_leaves_nothing_and_readers_see_old_or_new(
        scratch: tuple[LocalNeo4j, Database, Path]) -> None:
    server, db, home = scratch
    grown = await import_old(db, home)
    new, grid, code, size, total = grown.new, grown.grid, grown.code, grown.size, grown.total
    before, old_view = grown.before, grown.old_view
    assert old_view[1] == size

    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USER": "neo4j",
           "NEO4J_PASSWORD": server.password(), "HUB_HASH_KEY": KEY}
    proc = subprocess.Popen([sys.executable, "-m", "hub.cli.main", "import", str(new)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: set[tuple[int, int | None]] = set()
    stop = asyncio.Event()
    reader = asyncio.create_task(watch(db, grid, code, seen, stop))
    try:
        for _ in range(2400):  # until a few batches are staged, at most 10 minutes
            if (await counts(db))["staged"] >= 10_000 or proc.poll() is not None:
                break
            await asyncio.sleep(0.25)
        assert proc.poll() is None, "the import ended before it could be killed"
        helpers = descendants(proc.pid)  # its forkserver and the worker staging the rows
        assert helpers
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # The worker dies with it: nothing more is staged after the kill.
        for _ in range(100):
            if not any(Path(f"/proc/{pid}").exists() for pid in helpers):
                break
            await asyncio.sleep(0.1)
        assert not [pid for pid in helpers if Path(f"/proc/{pid}").exists()]
        left = (await counts(db))["staged"]
        await asyncio.sleep(1.0)
        assert (await counts(db))["staged"] == left
    finally:
        stop.set()
        await reader
    # Nothing of the killed import is visible, to readers or to the record count.
    assert seen == {old_view}
    assert (await counts(db))["visible"] == before["visible"]
    assert await grid_view(db, grid, code) == old_view

    stop.clear()
    reader = asyncio.create_task(watch(db, grid, code, seen, stop))
    try:
        summary = await import_path(db, new, key=KEY.encode())
    finally:
        stop.set()
        await reader
    new_view = (old_view[0] + ADDED, size + 1)
    assert await grid_view(db, grid, code) == new_view
    # Readers saw the old grid or the new one, never a part of the import: no count between
    # (the staged batches, or a read straddling the publish commit, which the publish gate
    # sends round again: hub/graph/publish_gate.py), and the list and the size of one read agree.
    assert seen <= {old_view, new_view}
    # The counts of a clean import: what was added is created, the one change updated.
    assert summary.counts() == {"created": ADDED + LINKED, "updated": 1,
                                "unchanged": total - ADDED - LINKED - 1, "closed": 0}
    after = await counts(db)
    assert after == {"visible": before["visible"] + ADDED, "staged": 0}
    # No leftover run: the dead one was cleaned, the finished one forgot itself.
    assert await db.read("stage.runs", id="") == []


async def test_a_live_run_is_left_alone_and_a_finished_one_forgets_itself(
        scratch: tuple[LocalNeo4j, Database, Path]) -> None:
    _server, db, _home = scratch
    async with running(db, "test", 120.0) as run:
        # Another import starting now probes this run: its lock is held, so it stays.
        assert await clean_dead(db, "another-import") == []
        assert [r["id"] for r in await db.read("stage.runs", id="")] == [run.id]
        assert await run.alive()
    assert await db.read("stage.runs", id="") == []


async def test_a_read_waits_while_the_publish_gate_is_closed(demo: Database) -> None:
    await demo.write("stage.gate_close", seconds=30)
    try:
        reading = asyncio.create_task(
            demo.read("units.by_code", codes=["XC"], scope=None, asOf=date.today()))
        await asyncio.sleep(0.5)
        assert not reading.done(), "a read does not run while a publish commits"
    finally:
        await demo.write("stage.gate_open")
    assert [r["code"] for r in await asyncio.wait_for(reading, 10)] == ["XC"]


async def test_a_gate_its_publisher_left_closed_opens_by_itself(demo: Database) -> None:
    await demo.write("stage.gate_close", seconds=1)
    try:
        started = time.monotonic()
        rows = await demo.read("units.by_code", codes=["XC"], scope=None, asOf=date.today())
        assert rows and time.monotonic() - started >= 0.5
    finally:
        await demo.write("stage.gate_open")
