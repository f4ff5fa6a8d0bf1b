"""An import run in the graph: its live lock, its staging area, and what the next import does
with the leftovers of a run that died (docs/model.md, "Imports").

A run is an `(:ImportRun {id})` node. The importing process locks it, in a transaction it
holds open and never commits, for as long as it runs: when the process, its connection or
Neo4j dies, the lock goes with it. Before checking anything, an import probes every other run
with a short lock timeout; a run whose lock it gets is dead, and its leftovers are cleaned:
an unpublished run's staged records are deleted, in batches of their own. A published run's
records are the graph's: their staging marks stay as their provenance (docs/model.md).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import neo4j

from hub.core.errors import HubError, QueryTimeout
from hub.graph.db import Database

PROBE_SECONDS = 2.0


class ImportRunLost(HubError):
    """The import lost its run lock (its connection to Neo4j broke); nothing was published."""

    zh = "导入过程中与数据库的连接中断，未发布任何数据，请重新导入"
    en = "the connection to the database broke during the import; nothing was published, " \
         "run the import again"

    def __init__(self, *, id: str) -> None:
        self.id = id
        self._keep(id=id)

    def detail(self) -> str:
        return self.id


class ImportConflict(HubError):
    """Another import running at the same time created a record with a code this one
    creates too; nothing of this one was published."""

    zh = "另一项同时进行的导入已新建了相同编码的记录，本次导入未发布任何数据，请在其完成后重新导入"
    en = "another import running at the same time created a record with the same code; " \
         "nothing of this import was published: run it again once the other has finished"

    def __init__(self, *, code: str) -> None:
        self.code = code
        self._keep(code=code)

    def detail(self) -> str:
        return f"编码 / code {self.code}"


@dataclass
class Run:
    """A live import run: its id and the transaction holding its lock."""

    id: str
    _tx: neo4j.AsyncTransaction

    async def alive(self) -> bool:
        """Whether the lock is still held (the holding transaction still answers)."""
        try:
            await (await self._tx.run("RETURN 1")).consume()
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError):
            return False
        return True


async def _auto(db: Database, name: str, **params: object) -> None:
    # CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    async with db.driver.session(database=db.database) as session:
        await (await session.run(db.queries[name].text, params)).consume()


async def clean_dead(db: Database, me: str) -> list[str]:
    """Clean up after every other run whose process is gone; the ids cleaned."""
    cleaned: list[str] = []
    for run in await db.read("stage.runs", id=me):
        other = str(run["id"])
        try:
            await db.write("stage.probe", timeout=PROBE_SECONDS, id=other)
        except (QueryTimeout, neo4j.exceptions.TransientError):
            continue  # its process holds the lock: a live import, leave it be
        await clean(db, other)
        cleaned.append(other)
    return cleaned


async def clean(db: Database, run: str) -> None:
    """Delete an unpublished run's staged records; then forget the run."""
    if not (await db.read("stage.published", id=run))[0]["published"]:
        await _auto(db, "stage.drop", id=run)
    await db.write("stage.end", id=run)


@asynccontextmanager
async def running(db: Database, who: str, seconds: float) -> AsyncIterator[Run]:
    """A new run, locked for `seconds` at most, cleaned up after whatever happens."""
    me = uuid.uuid4().hex
    await clean_dead(db, me)
    await db.write("stage.begin", id=me, who=who)
    session = db.driver.session(database=db.database)
    try:
        tx = await session.begin_transaction(timeout=seconds)
        held = await (await tx.run(db.queries["stage.hold"].text, id=me)).data()
        if not held:
            raise ImportRunLost(id=me)
        try:
            yield Run(me, tx)
        finally:
            await tx.close()
    finally:
        await session.close()
        # If Neo4j is gone too, the next import cleans up (clean_dead): the lock died with it.
        with contextlib.suppress(neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError,
                                 OSError):
            await clean(db, me)
