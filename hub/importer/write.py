"""Writing a checked import: staged in batches, then published in one step (docs/model.md,
"Imports").

Rows that create a record, and relationship rows touching a record this import creates, are
*staged*: each batch runs its kind's own Cypher (`cypher/import/<kind>.cypher`) in a small
transaction of its own, and that Cypher writes a new record staged: a bare `:Record` with the
import's id and the kind labels it will get (`stagedLabels`). No reader query finds a record
without its kind label, nor reaches one through a relationship it only has to such a record,
so a staged batch is invisible; the import Cypher finds the records it refers to by code as
`:Record`, staged or not, so no batch has to show or hide anything.

Rows that change what readers already see (records the graph holds, relationships between
such records) are *deferred* to the publish transaction, which also gives every staged
record its kind labels (`cypher/stage/publish.cypher`), writes the audit entry and runs the
caller's checks: one transaction whose size is one label change per new record plus the
changes to existing records.

The rows arrive checked, one batch at a time, from the worker process (hub/importer/worker.py),
which checks the next chunk meanwhile: staged batches are written as they come, deferred ones
wait in a temporary file (the publish transaction may be replayed, and they need not be in
memory meanwhile). Only when the worker has checked every row (`Checked`) is anything
published; if it refuses the import instead, the staged records are dropped with the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import pickle
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import IO

from hub.core.progress import Tick, quiet
from hub.files.registry import BY_NAME, KINDS
from hub.files.spec import Kind
from hub.graph.db import Database, Row, Tx
from hub.graph.publish_gate import CLOSED_AT_MOST
from hub.importer.checks import Located
from hub.importer.stage import ImportRunLost, Run
from hub.importer.summary import KindSummary, Summary
from hub.importer.worker import Batch, Checked, Planned, WorkerFailed

# Run in the publish transaction: before anything is shown, and after everything is written.
# They get the import's rows (only then does the importer keep them: a township's upload).
Before = Callable[[Tx, list[Located]], Awaitable[None]]
After = Callable[[Tx, list[Located], Summary], Awaitable[None]]
# Writes the audit entry in the publish transaction: (tx, summary, every code named) → its id.
Audit = Callable[[Tx, Summary, list[str]], Awaitable[str]]
Stream = AsyncIterator[Planned | Batch | Checked]


def _count(part: KindSummary, found: list[Row]) -> None:
    for status in found:
        part.add(str(status["status"]), int(status["count"]))


def params(kind: Kind, rows: list[dict[str, object]], run: Run) -> dict[str, object]:
    """A batch's parameters: a kind that makes records stages the new ones under `run`."""
    return {"rows": rows, "run": run.id} if kind.label is not None else {"rows": rows}


def _values(batch: Batch) -> list[dict[str, object]]:
    return [values for _file, _line, values in batch.lines]


def _replay(spill: IO[bytes]) -> list[Batch]:
    spill.seek(0)
    found: list[Batch] = []
    while True:
        try:
            found.append(pickle.load(spill))
        except EOFError:
            return found


async def stage(db: Database, run: Run, batches: Stream, summary: dict[str, KindSummary],
                spill: IO[bytes], kept: list[Located] | None, tick: Tick = quiet,
                timeout: float = 600.0) -> tuple[int, int, Checked]:
    """Write the staged batches as they arrive, each in its own transaction, and put the
    deferred ones aside in `spill` (and the rows in `kept`, if given); (rows staged, rows
    planned, what the worker checked)."""
    written, planned = 0, 0
    async for item in batches:
        if isinstance(item, Planned):
            planned = item.rows
            tick("write", written, planned)
            continue
        if isinstance(item, Checked):
            return written, max(planned, sum(item.rows.values())), item
        kind = BY_NAME[item.kind]
        part = summary.setdefault(kind.name, KindSummary(kind.name, kind.zh))
        part.rows += len(item.lines)
        if kept is not None:
            kept.extend(item.located())
        if not item.staged:
            await asyncio.to_thread(pickle.dump, item, spill)
            continue
        _count(part, await db.write(kind.query, timeout=timeout,
                                    **params(kind, _values(item), run)))
        written += len(item.lines)
        tick("write", written, planned)
    raise WorkerFailed("the check worker ended without its summary")


async def publish(db: Database, run: Run, rows: list[Located], spill: IO[bytes], total: int,
                  summary: dict[str, KindSummary], audit: Audit, touched: list[str],
                  written: int = 0,
                  tick: Tick = quiet, timeout: float = 1800.0, before: Before | None = None,
                  after: After | None = None) -> tuple[Summary, str]:
    """Write the deferred rows, show the staged records, and run the caller's checks and
    the audit entry, in one transaction; (summary, audit entry id)."""
    if not await run.alive():
        raise ImportRunLost(id=run.id)
    base = {name: part.counts() for name, part in summary.items()}

    async def work_tx(tx: Tx) -> tuple[Summary, str]:
        # A replayed transaction starts again from the staged counts.
        for name, part in summary.items():
            for key in ("created", "updated", "unchanged"):
                setattr(part, key, base[name][key])
        if before is not None:
            await before(tx, rows)
        done = written
        for batch in await asyncio.to_thread(_replay, spill):
            kind = BY_NAME[batch.kind]
            _count(summary[kind.name], await tx.run(kind.query,
                                                    **params(kind, _values(batch), run)))
            done += len(batch.lines)
            tick("write", done, total)
        tick("write", total, total)
        # After the deferred rows, so that a record one of them had to make is shown too.
        await tx.run("stage.publish", id=run.id)
        result = Summary(kinds=list(summary.values()))
        if after is not None:
            await after(tx, rows, result)
        entry = await audit(tx, result, touched)
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


async def write(db: Database, run: Run, batches: Stream, audit: Audit, tick: Tick = quiet,
                timeout: float = 1800.0, before: Before | None = None,
                after: After | None = None) -> tuple[Summary, str]:
    """Stage then publish the checked `batches` under `run`; (summary, audit entry id)."""
    parts: dict[str, KindSummary] = {}
    kept: list[Located] | None = [] if before is not None or after is not None else None
    with tempfile.TemporaryFile(prefix="hub-import-") as spill:
        written, total, checked = await stage(db, run, batches, parts, spill, kept, tick)
        ordered = {kind.name: parts[kind.name] for kind in KINDS if kind.name in parts}
        return await publish(db, run, kept or [], spill, total, ordered, audit,
                             checked.touched, written, tick, timeout, before, after)
