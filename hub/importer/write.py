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
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from hub.db import Database, Row, Tx
from hub.importer.checks import Located
from hub.importer.registry import KINDS
from hub.importer.spec import Kind
from hub.importer.stage import ImportRunLost, Run
from hub.importer.summary import KindSummary, Summary
from hub.progress import Tick, quiet

BATCH = 5000
# Run in the publish transaction: before anything is shown, and after everything is written.
Before = Callable[[Tx, list[Located]], Awaitable[None]]
After = Callable[[Tx, list[Located], Summary], Awaitable[None]]


@dataclass
class Plan:
    """Each kind's rows, split into the staged ones and the deferred ones."""

    staged: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    deferred: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def staged(row: Located, existing: set[str]) -> bool:
    """Whether a row creates a record, or relates to a record this import creates (then it is
    staged), rather than only touching records the graph already holds (then it waits for
    the publish transaction)."""
    kind = row.kind
    if kind.label is not None:
        return str(row.values["code"]) not in existing
    return any(str(row.values[c.key]) not in existing for c in kind.columns
               if c.ref and row.values.get(c.key) is not None)


def plan(rows: list[Located], existing: set[str]) -> Plan:
    """Split the rows into staged and deferred ones."""
    found = Plan()
    for row in rows:
        name = row.kind.name
        found.rows[name] = found.rows.get(name, 0) + 1
        part = found.staged if staged(row, existing) else found.deferred
        part.setdefault(name, []).append(row.values)
    return found


def _parts(work: Plan) -> dict[str, KindSummary]:
    return {kind.name: KindSummary(kind.name, kind.zh, rows=work.rows[kind.name])
            for kind in KINDS if kind.name in work.rows}


def _count(part: KindSummary, found: list[Row]) -> None:
    for status in found:
        part.add(str(status["status"]), int(status["count"]))


def params(kind: Kind, rows: list[dict[str, object]], run: Run) -> dict[str, object]:
    """A batch's parameters: a kind that makes records stages the new ones under `run`."""
    return {"rows": rows, "run": run.id} if kind.label is not None else {"rows": rows}


async def stage(db: Database, run: Run, work: Plan, summary: dict[str, KindSummary],
                tick: Tick = quiet, timeout: float = 600.0) -> int:
    """Write the staged rows, batch by batch, each in its own transaction; rows written."""
    written = 0
    tick("write", written, work.total)
    for kind in KINDS:
        items = work.staged.get(kind.name, [])
        for start in range(0, len(items), BATCH):
            batch = params(kind, items[start:start + BATCH], run)
            _count(summary[kind.name], await db.write(kind.query, timeout=timeout, **batch))
            written += len(items[start:start + BATCH])
            tick("write", written, work.total)
    return written


async def publish(db: Database, run: Run, rows: list[Located], work: Plan,
                  summary: dict[str, KindSummary],
                  audit: Callable[[Tx, Summary], Awaitable[str]], written: int = 0,
                  tick: Tick = quiet, timeout: float = 1800.0, before: Before | None = None,
                  after: After | None = None) -> tuple[Summary, str]:
    """Show the staged records and write the deferred rows, the caller's checks and the audit
    entry in one transaction; (summary, audit entry id)."""
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
        for kind in KINDS:
            items = work.deferred.get(kind.name, [])
            for start in range(0, len(items), BATCH):
                batch = params(kind, items[start:start + BATCH], run)
                _count(summary[kind.name], await tx.run(kind.query, **batch))
                done += len(items[start:start + BATCH])
                tick("write", done, work.total)
        # After the deferred rows, so that a record one of them had to make is shown too.
        await tx.run("stage.publish", id=run.id)
        result = Summary(kinds=list(summary.values()))
        if after is not None:
            await after(tx, rows, result)
        return result, await audit(tx, result)

    return await db.in_write_tx(work_tx, timeout=timeout)


async def write(db: Database, run: Run, rows: list[Located], existing: set[str],
                audit: Callable[[Tx, Summary], Awaitable[str]], tick: Tick = quiet,
                timeout: float = 1800.0, before: Before | None = None,
                after: After | None = None) -> tuple[Summary, str]:
    """Stage then publish `rows` under `run`; (summary, audit entry id)."""
    work = plan(rows, existing)
    parts = _parts(work)
    written = await stage(db, run, work, parts, tick)
    return await publish(db, run, rows, work, parts, audit, written, tick, timeout, before,
                         after)
