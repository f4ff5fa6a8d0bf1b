"""Writing a checked import: staged in batches, then published in one step (docs/model.md,
"Imports").

Rows that create a record, and relationship rows touching a record this import creates, are
*staged* by the import's worker process as they pass their checks (hub/importer/worker.py,
hub/importer/staging.py): each batch runs its kind's own Cypher (`cypher/import/<kind>.cypher`)
in a small transaction of its own, and that Cypher writes a new record staged: a bare
`:Record` with the import's id and the kind labels it will get (`stagedLabels`). No reader
query finds a record without its kind label, nor reaches one through a relationship it only
has to such a record, so a staged batch is invisible; the import Cypher finds the records it
refers to by code as `:Record`, staged or not, so no batch has to show or hide anything.

Rows that change what readers already see (records the graph holds, relationships between
such records) are *deferred* to the publish transaction, here, which also gives every staged
record its kind labels (`cypher/stage/publish.cypher`), writes the audit entry and runs the
caller's checks: one transaction whose size is one label change per new record plus the
changes to existing records. The deferred rows wait in a temporary file meanwhile (the
publish transaction may be replayed, and they need not be in memory).
"""

from __future__ import annotations

import contextlib
import pickle
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from hub.core.progress import Tick, quiet
from hub.files.registry import BY_NAME, KINDS
from hub.graph.db import Database, Row, Tx
from hub.graph.publish_gate import CLOSED_AT_MOST
from hub.importer import worker
from hub.importer.checks import Located
from hub.importer.stage import ImportRunLost, Run
from hub.importer.staging import Batch, Job, Staged, params
from hub.importer.summary import KindSummary, Summary

# Run in the publish transaction: before anything is shown, and after everything is written.
# They get the import's rows (only then does the importer keep them: a township's upload).
Before = Callable[[Tx, list[Located]], Awaitable[None]]
After = Callable[[Tx, list[Located], Summary], Awaitable[None]]
# Writes the audit entry in the publish transaction: (tx, summary, every code named) → its id.
Audit = Callable[[Tx, Summary, list[str]], Awaitable[str]]


def _count(part: KindSummary, found: list[Row]) -> None:
    for status in found:
        part.add(str(status["status"]), int(status["count"]))


def _batches(path: Path) -> list[Batch]:
    found: list[Batch] = []
    with path.open("rb") as file:
        while True:
            try:
                found.append(pickle.load(file))
            except EOFError:
                return found


def _summary(staged: Staged) -> dict[str, KindSummary]:
    parts: dict[str, KindSummary] = {}
    for kind in KINDS:
        if kind.name in staged.rows:
            part = parts[kind.name] = KindSummary(kind.name, kind.zh, staged.rows[kind.name])
            for status, count in staged.counts.get(kind.name, {}).items():
                part.add(status, count)
    return parts


async def publish(db: Database, run: Run, staged: Staged, spill: Path, audit: Audit,
                  rows: list[Located], tick: Tick = quiet, timeout: float = 1800.0,
                  before: Before | None = None, after: After | None = None
                  ) -> tuple[Summary, str]:
    """Write the deferred rows, show the staged records, and run the caller's checks and
    the audit entry, in one transaction; (summary, audit entry id)."""
    if not await run.alive():
        raise ImportRunLost(id=run.id)
    total = sum(staged.rows.values())

    async def work_tx(tx: Tx) -> tuple[Summary, str]:
        # A replayed transaction starts again from the staged counts.
        summary = _summary(staged)
        if before is not None:
            await before(tx, rows)
        done = staged.written
        for batch in _batches(spill):
            kind = BY_NAME[batch.kind]
            _count(summary[kind.name], await tx.run(kind.query,
                                                    **params(kind.name, batch.values(), run.id)))
            done += len(batch.lines)
            tick("write", done, total)
        tick("write", total, total)
        # After the deferred rows, so that a record one of them had to make is shown too.
        await tx.run("stage.publish", id=run.id)
        result = Summary(kinds=list(summary.values()))
        if after is not None:
            await after(tx, rows, result)
        entry = await audit(tx, result, staged.touched)
        # Readers see a commit whole or read again (hub/graph/publish_gate.py): the gate closes
        # in a transaction of its own, committed before this one commits.
        await db.write("stage.gate_close", seconds=CLOSED_AT_MOST)
        return result, entry

    try:
        published = await db.in_write_tx(work_tx, timeout=timeout)
    except BaseException:
        # The failure is what the caller must see; a gate left closed opens by its `until`.
        with contextlib.suppress(Exception):
            await db.write("stage.gate_open")
        raise
    await db.write("stage.gate_open")
    return published


async def write(db: Database, run: Run, path: Path, key: bytes, audit: Audit,
                tick: Tick = quiet, timeout: float = 1800.0, before: Before | None = None,
                after: After | None = None) -> tuple[Summary, str]:
    """Check and stage the import at `path` under `run` in the worker, then publish it;
    (summary, audit entry id)."""
    if db.target is None:
        raise ValueError("an import needs Database.target: its worker connects on its own")
    keep = before is not None or after is not None
    with tempfile.TemporaryDirectory(prefix="hub-import-") as folder:
        spill, kept = Path(folder) / "deferred", Path(folder) / "rows"
        # BATCH is read here, in the importing process, so that a test can make batches small.
        job = Job(db.target, str(path), key, run.id, str(spill), str(kept) if keep else None,
                  worker.BATCH, min(worker.BATCH, worker.STAGED), min(timeout, 600.0))
        staged = await worker.stage_in_worker(job, tick)
        rows = [row for batch in _batches(kept) for row in batch.located()] if keep else []
        return await publish(db, run, staged, spill, audit, rows, tick, timeout, before, after)
