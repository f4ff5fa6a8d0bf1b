"""What an import's worker process does (hub/importer/worker.py starts it): check the rows
chunk by chunk (hub/importer/check.py) and stage each chunk as soon as it passes, over a Neo4j
connection of its own (docs/model.md, "Imports").

Two threads: this one reads, types and checks; a writer thread stages the passed batches in
order, one transaction each (the kind's `cypher/import/<kind>.cypher`, which writes a new
record staged, invisible to readers), so the next chunk is checked while Neo4j writes the
last. At most `AHEAD` batches wait between them. Rows that touch only records the graph
already holds are *deferred*: written to the spill file, for the publish transaction
(hub/importer/write.py). Once any problem is found nothing more is staged; the checking goes
on to the end so that every problem is reported.
"""

from __future__ import annotations

import contextlib
import pickle
import queue
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

import neo4j
from neo4j import RoutingControl

from hub.core.errors import HubError
from hub.files.problems import ImportTooLarge
from hub.files.registry import BY_NAME
from hub.graph.cypher import Queries
from hub.graph.db import Row, Target, hub_error
from hub.importer.check import Checker, graph_lookup
from hub.importer.checks import Located
from hub.importer.stage import ImportConflict

AHEAD = 2
_TAKEN = re.compile(r"property `code` = '((?:[^'\\]|\\.)*)'")
Send = Callable[[tuple[object, ...]], None]


@dataclass(frozen=True)
class Job:
    """One import's work: where its rows are, where its staged records go."""

    target: Target
    path: str
    key: bytes = field(repr=False)
    run: str
    spill: str
    keep: str | None
    size: int  # rows checked at a time
    batch: int  # rows staged in one transaction (at most `size`)
    timeout: float


@dataclass(frozen=True)
class Batch:
    """Checked rows of one kind, to stage now or to write in the publish transaction."""

    kind: str
    staged: bool
    lines: list[tuple[str, int, dict[str, object]]]

    def located(self) -> list[Located]:
        kind = BY_NAME[self.kind]
        return [Located(kind, file, line, values) for file, line, values in self.lines]

    def values(self) -> list[dict[str, object]]:
        return [values for _file, _line, values in self.lines]


@dataclass(frozen=True)
class Staged:
    """What the worker did once every row passed: rows per kind, what staging them did
    (`created`/`updated`/`unchanged` counts per kind), and every code the import names."""

    rows: dict[str, int]
    counts: dict[str, dict[str, int]]
    written: int
    touched: list[str]


def staged(row: Located, existing: set[str]) -> bool:
    """Whether a row creates a record, or relates to a record this import creates (it is
    staged), rather than only touching records the graph already holds (it waits for the
    publish transaction)."""
    if row.kind.label is not None:
        return str(row.values["code"]) not in existing
    return any(str(row.values[c.key]) not in existing for c in row.kind.columns
               if c.ref and row.values.get(c.key) is not None)


def params(kind_name: str, rows: list[dict[str, object]], run: str) -> dict[str, object]:
    """A batch's parameters: a kind that makes records stages the new ones under `run`."""
    return {"rows": rows, "run": run} if BY_NAME[kind_name].label is not None else {"rows": rows}


def dates_as_text(kind_name: str, rows: list[dict[str, object]]) -> None:
    """Turn the dates of `rows` into ISO text, in place, for the queries that create
    outright and read dates with `date()`: the driver converts a Python date in Python, one
    by one, and for a county's 600,000 dates that was most of the writing thread's CPU,
    taken from Neo4j's writes on two cores (docs/performance.md, issue #13, seventh round).
    In place: a copy of every row costs about as much again."""
    keys = [c.key for c in BY_NAME[kind_name].columns if c.type == "date"]
    for row in rows:
        for key in keys:
            value = row[key]
            if isinstance(value, date):
                row[key] = value.isoformat()


def as_hub_error(exc: neo4j.exceptions.Neo4jError | neo4j.exceptions.DriverError, name: str,
                 seconds: float) -> HubError | None:
    """What a client should read of a failed write of an import."""
    if isinstance(exc, neo4j.exceptions.ConstraintError):
        taken = _TAKEN.search(exc.message or "")
        return ImportConflict(code=taken.group(1) if taken else "?")
    if "MemoryPoolOutOfMemory" in (getattr(exc, "code", None) or ""):
        return ImportTooLarge(rows="?")
    return hub_error(exc, name, seconds)


class _Writer(threading.Thread):
    """Stages the batches it is handed, in order, one transaction each; the first failure
    stops it and waits in `failed` for the checking thread."""

    def __init__(self, job: Job, driver: neo4j.Driver, queries: Queries, send: Send,
                 total: Callable[[], int]) -> None:
        super().__init__(name="hub-import-stage", daemon=True)
        self.job, self.driver, self.queries = job, driver, queries
        self.send, self.total = send, total
        self.todo: queue.Queue[Batch | None] = queue.Queue(maxsize=AHEAD)
        self.counts: dict[str, dict[str, int]] = {}
        self.written = 0
        self.failed: BaseException | None = None

    def run(self) -> None:
        while (batch := self.todo.get()) is not None:
            if self.failed is not None:
                continue  # drain: the import is lost, the checker learns it at its next batch
            try:
                self._write(batch)
            except BaseException as exc:  # handed to the checking thread, which reports it
                self.failed = exc

    def _write(self, batch: Batch) -> None:
        # Every staged row is new (the checks found its code, or one it names, missing from
        # the graph): a kind that grows with the county has a query that creates outright.
        new = f"stage.new_{batch.kind}"
        if new in self.queries:
            query = self.queries[new]
            # The batch is the writer's alone once handed on (and already kept for an
            # upload's hooks, typed), so its rows may change.
            rows = batch.values()
            dates_as_text(batch.kind, rows)
            values = params(batch.kind, rows, self.job.run)
        else:
            query = self.queries[BY_NAME[batch.kind].query]
            values = params(batch.kind, batch.values(), self.job.run)
        found, _, _ = self.driver.execute_query(
            neo4j.Query(query.text, timeout=self.job.timeout), values,
            database_=self.job.target.database, routing_=RoutingControl.WRITE)
        part = self.counts.setdefault(batch.kind, {})
        for status in found:
            part[status["status"]] = part.get(status["status"], 0) + int(status["count"])
        self.written += len(batch.lines)
        self.send(("tick", "write", self.written, self.total()))


def work(job: Job, send: Send) -> Staged:
    """Check and stage the import `job` names; ImportRejected, or the HubError a write met."""
    queries = Queries()
    with job.target.driver() as driver, open(job.spill, "wb") as spill, \
            contextlib.ExitStack() as stack:
        keep = stack.enter_context(open(job.keep, "wb")) if job.keep is not None else None

        def read(name: str, codes: list[str]) -> list[Row]:
            records, _, _ = driver.execute_query(
                neo4j.Query(queries[name].text, timeout=300.0), {"codes": codes},
                database_=job.target.database, routing_=RoutingControl.READ)
            return [r.data() for r in records]

        checker = Checker(job.key, graph_lookup(read))
        writer = _Writer(job, driver, queries, send, lambda: checker.planned)
        writer.start()
        started = False
        try:
            for rows, existing in checker.chunks(Path(job.path), _ticks(send), job.size):
                if not started:
                    send(("tick", "write", 0, checker.planned))
                    started = True
                parts: dict[bool, list[tuple[str, int, dict[str, object]]]] = {True: [],
                                                                               False: []}
                for r in rows:
                    parts[staged(r, existing)].append((r.file, r.line, r.values))
                for want, part in parts.items():
                    for start in range(0, len(part), job.batch):
                        batch = Batch(rows[0].kind.name, want, part[start:start + job.batch])
                        _hand_on(batch, writer, spill, keep)
        finally:
            writer.todo.put(None)
            writer.join()
        if writer.failed is not None:
            raise _mapped(writer.failed, job.timeout)
        return Staged(checker.counts, writer.counts, writer.written, sorted(checker.touched))


def _hand_on(batch: Batch, writer: _Writer, spill: IO[bytes], keep: IO[bytes] | None) -> None:
    if writer.failed is not None:
        raise _mapped(writer.failed, writer.job.timeout)
    if keep is not None:
        pickle.dump(batch, keep)
    if batch.staged:
        writer.todo.put(batch)
    else:
        pickle.dump(batch, spill)


def _mapped(exc: BaseException, seconds: float) -> BaseException:
    if isinstance(exc, neo4j.exceptions.Neo4jError | neo4j.exceptions.DriverError):
        return as_hub_error(exc, "import", seconds) or exc
    return exc


def _ticks(send: Send) -> Callable[[str, int, int], None]:
    def tick(stage: str, done: int, total: int) -> None:
        send(("tick", stage, done, total))

    return tick
