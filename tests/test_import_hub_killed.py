"""The hub itself (`hub run`) killed with SIGKILL in the middle of a `POST /import`: nothing of
the upload is visible, the checking worker does not outlive the hub, and after a restart the
same upload gives the counts of a clean import (docs/model.md, "Imports").

A scratch Neo4j of the test's own holds a generated county; the upload adds enough households
(tests/test_import_staged.py, `grow`) that the hub is still staging when it is killed.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import neo4j
import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LocalNeo4j
from hub.graph.migrate import migrate
from tests.conftest import Slot
from tests.test_import_staged import ADDED, KEY, LINKED, counts, grid_view, import_old

pytestmark = pytest.mark.lifecycle


def as_workbook(folder: Path) -> bytes:
    """The CSV folder as the one .xlsx workbook `POST /import` takes, a sheet per file."""
    book = Workbook(write_only=True)
    for path in sorted(folder.glob("*.csv")):
        sheet = book.create_sheet(path.stem)
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for line in csv.reader(fh):
                sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def children(pid: int) -> set[int]:
    """Every process below `pid` (the forkserver, the checking worker)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    todo = [pid]
    while todo:
        here = todo.pop()
        for child, parent in parents.items():
            if parent == here and child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class Hub:
    """`hub run` on the scratch Neo4j, its output in a log file."""

    def __init__(self, tmp: Path, server: LocalNeo4j, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.log = tmp / "hub.log"
        self.env = {**os.environ, "HUB_STATE_DIR": str(tmp / "state"), "HUB_PORT": str(port),
                    "NEO4J_URI": server.uri, "NEO4J_USER": "neo4j",
                    "NEO4J_PASSWORD": server.password(), "HUB_HASH_KEY": KEY,
                    "HUB_JWT_SECRET": secrets.token_urlsafe(32)}

    def start(self) -> tuple[subprocess.Popen[bytes], str]:
        """The running hub and a county token, once it answers /readyz."""
        with self.log.open("w") as out:
            proc = subprocess.Popen([sys.executable, "-m", "hub.cli.main", "run"], env=self.env,
                                    stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=10) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            time.sleep(1)
        text = self.log.read_text()
        assert proc.poll() is None, text
        token = re.search(r"Bearer ([\w.-]+)", text)
        assert token, text
        return proc, token.group(1)

    def upload(self, token: str, body: bytes) -> tuple[int, dict[str, object]]:
        request = urllib.request.Request(
            f"{self.url}/import", data=body, method="POST",
            headers={"Authorization": f"Bearer {token}",
                     "Content-Type": "application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.sheet"})
        try:
            with urllib.request.urlopen(request, timeout=1800) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())


async def test_killed_hub_leaves_nothing_of_its_upload(tmp_path: Path, slot: Slot) -> None:
    server = LocalNeo4j(home=tmp_path / "neo4j", bolt_port=slot.port(), http_port=slot.port(),
                        heap="1g", pagecache="64m")
    server.start(say=lambda _line: None)
    driver = neo4j.AsyncGraphDatabase.driver(server.uri, auth=("neo4j", server.password()))
    hub = Hub(tmp_path, server, slot.port())
    proc: subprocess.Popen[bytes] | None = None
    try:
        # 120 s: a fresh server on a busy box
        db = Database(driver, "neo4j", Queries(), 120.0, server.target())
        await migrate(db)
        grown = await import_old(db, tmp_path)
        new, grid, code, size, total = grown.new, grown.grid, grown.code, grown.size, grown.total
        before, old_view = grown.before, grown.old_view
        body = as_workbook(new)

        first, token = await asyncio.to_thread(hub.start)
        proc = first
        upload = asyncio.create_task(asyncio.to_thread(hub.upload, token, body))
        for _ in range(2400):  # until a few batches are staged, at most 10 minutes
            if (await counts(db))["staged"] >= 10_000 or upload.done():
                break
            await asyncio.sleep(0.25)
        assert not upload.done(), "the upload ended before the hub could be killed"
        below = children(first.pid)
        assert below, "the upload is checked in a worker process of the hub"
        first.send_signal(signal.SIGKILL)
        first.wait()
        with pytest.raises((ConnectionError, urllib.error.URLError, OSError)):
            await upload
        # The worker (and the forkserver that forked it) end with the hub.
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in below) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert not any(alive(pid) for pid in below)
        # Nothing of the upload is visible.
        assert (await counts(db))["visible"] == before["visible"]
        assert await grid_view(db, grid, code) == old_view

        proc, token = await asyncio.to_thread(hub.start)
        assert (await counts(db))["visible"] == before["visible"]
        status, answer = await asyncio.to_thread(hub.upload, token, body)
        assert status == 200, answer
        # The counts of a clean import: what was added is created, the one change updated;
        # the killed upload's leftovers were cleaned before anything was checked.
        assert {key: answer[key] for key in ("created", "updated", "unchanged", "closed")} == {
            "created": ADDED + LINKED, "updated": 1,
            "unchanged": total - ADDED - LINKED - 1, "closed": 0}
        assert await counts(db) == {"visible": before["visible"] + ADDED, "staged": 0}
        assert await grid_view(db, grid, code) == (old_view[0] + ADDED, size + 1)
        assert await db.read("stage.runs", id="") == []
    finally:
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=90)
        await driver.close()
        server.stop()
