"""Writing a checked import: staged in batches, then published in one step (docs/model.md,
"Imports").

Rows that create a record, and relationship rows touching a record this import creates, are
*staged*: each batch runs its kind's own Cypher (`cypher/import/<kind>.cypher`) in a small
transaction of its own, and before that transaction commits, the records it created lose
the labels readers match (`cypher/stage/hide.cypher`). No reader query finds a record
without its label, nor reaches one through a relationship it only has to such a record, so
a staged batch is invisible. Records a batch refers to that are themselves staged get their
labels back for the batch's duration (`cypher/stage/reveal.cypher`).

Rows that change what readers already see (records the graph holds, relationships between
such records) are *deferred* to the publish transaction, which also gives every staged
record its labels back (`cypher/stage/publish.cypher`), writes the audit entry and runs the
caller's checks: one transaction whose size is one label per new record plus the changes to
existing records.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from hub.db import Database, Row, Tx
from hub.importer.checks import Located
from hub.importer.registry import KINDS
from hub.importer.stage import ImportRunLost, Run
from hub.importer.summary import KindSummary, Summary
from hub.progress import Tick, quiet

BATCH = 5000
# Run in the publish transaction: before anything is shown, and after everything is written.
Before = Callable[[Tx, list[Located]], Awaitable[None]]
After = Callable[[Tx, list[Located], Summary], Awaitable[None]]


@dataclass
class Plan:
    """Each kind's rows, split into the staged ones (with the codes they create and the staged
    codes they refer to) and the deferred ones."""

    staged: dict[str, list[tuple[dict[str, object], list[str], list[str]]]] = field(
        default_factory=dict)
    deferred: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def plan(rows: list[Located], existing: set[str]) -> Plan:
    """Split the rows: a row creating a record, or relating to a record this import creates,
    is staged; a row only about records the graph already holds is deferred."""
    found = Plan()
    for row in rows:
        kind = row.kind
        found.rows[kind.name] = found.rows.get(kind.name, 0) + 1
        refs = [str(row.values[c.key]) for c in kind.columns
                if c.ref and row.values.get(c.key) is not None]
        new_refs = [code for code in refs if code not in existing]
        own = str(row.values["code"]) if kind.label is not None else None
        if own is not None and own not in existing:
            found.staged.setdefault(kind.name, []).append((row.values, [own], new_refs))
        elif own is None and new_refs:
            found.staged.setdefault(kind.name, []).append((row.values, [], new_refs))
        else:
            found.deferred.setdefault(kind.name, []).append(row.values)
    return found


def _parts(work: Plan) -> dict[str, KindSummary]:
    return {kind.name: KindSummary(kind.name, kind.zh, rows=work.rows[kind.name])
            for kind in KINDS if kind.name in work.rows}


def _count(part: KindSummary, found: list[Row]) -> None:
    for status in found:
        part.add(str(status["status"]), int(status["count"]))


async def stage(db: Database, run: Run, work: Plan, summary: dict[str, KindSummary],
                tick: Tick = quiet, timeout: float = 600.0) -> int:
    """Write the staged rows, batch by batch, each in its own transaction; rows written."""
    written = 0
    tick("write", written, work.total)
    for kind in KINDS:
        items = work.staged.get(kind.name, [])
        for start in range(0, len(items), BATCH):
            batch = items[start:start + BATCH]
            values = [item[0] for item in batch]
            creates = [code for item in batch for code in item[1]]
            refers = sorted({code for item in batch for code in item[2]} - set(creates))

            async def one(tx: Tx, values: list[dict[str, object]] = values,
                          creates: list[str] = creates, refers: list[str] = refers,
                          query: str = kind.query) -> list[Row]:
                if refers:
                    await tx.run("stage.reveal", codes=refers, id=run.id)
                found = await tx.run(query, rows=values)
                await tx.run("stage.hide", codes=[*creates, *refers], id=run.id)
                return found

            _count(summary[kind.name], await db.in_write_tx(one, timeout=timeout))
            written += len(batch)
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
        await tx.run("stage.publish", id=run.id)
        done = written
        for kind in KINDS:
            items = work.deferred.get(kind.name, [])
            for start in range(0, len(items), BATCH):
                _count(summary[kind.name], await tx.run(kind.query,
                                                        rows=items[start:start + BATCH]))
                done += len(items[start:start + BATCH])
                tick("write", done, work.total)
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
