"""An import's reading, typing and checking, in a process of its own (docs/model.md, "Imports").

That work is pure Python and, for a county, a minute of it: in the hub's process it would
hold the interpreter lock and the event loop would wait for its turn. So a worker process
(forked from a small server process, `forkserver`, never from the hub with its threads) reads
the files, types and checks the rows chunk by chunk (hub/importer/check.py), asks the
importing process over a pipe for what the graph holds, and sends each checked chunk on as
batches at once: the rows to stage, and the rows deferred to the publish transaction
(hub/importer/write.py). It checks the next chunk while the importing process writes the
last, and a chunk waits in the pipe until the importing process takes it, so neither holds
more than a chunk of rows. The worker runs at a lower priority than the hub (`nice`), so
that requests come first, and ends with the import: when the importing process dies, its
end of the pipe closes and the worker stops at its next message.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import traceback
from collections.abc import AsyncGenerator, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from hub.core.progress import Tick, quiet
from hub.files.problems import ImportRejected
from hub.files.registry import BY_NAME
from hub.graph.db import Database, Row
from hub.importer.check import Checker, graph_lookup
from hub.importer.checks import Located

BATCH = 5000
# How much lower than the hub's the worker's CPU priority is: a request's work comes first.
NICE = 10
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["hub.importer.worker"])
# One line of a batch: (file, line, values), as the Cypher receives the values.
Line = tuple[str, int, dict[str, object]]


@dataclass(frozen=True)
class Batch:
    """Checked rows of one kind, to stage now or to write in the publish transaction."""

    kind: str
    staged: bool
    lines: list[Line]

    def located(self) -> list[Located]:
        kind = BY_NAME[self.kind]
        return [Located(kind, file, line, values) for file, line, values in self.lines]


@dataclass(frozen=True)
class Planned:
    """About how many rows the import holds (its files' lines), for the progress bar."""

    rows: int


@dataclass(frozen=True)
class Checked:
    """What the worker found once every row passed: rows per kind and every code named."""

    rows: dict[str, int]
    touched: list[str]


def staged(row: Located, existing: set[str]) -> bool:
    """Whether a row creates a record, or relates to a record this import creates (it is
    staged), rather than only touching records the graph already holds (it waits for the
    publish transaction)."""
    if row.kind.label is not None:
        return str(row.values["code"]) not in existing
    return any(str(row.values[c.key]) not in existing for c in row.kind.columns
               if c.ref and row.values.get(c.key) is not None)


def _batches(rows: list[Located], existing: set[str], size: int) -> Iterator[Batch]:
    """A checked chunk (of one kind) as batches of `size` rows: those to stage first, then
    those deferred; each in the checked order."""
    for want in (True, False):
        part = [(r.file, r.line, r.values) for r in rows if staged(r, existing) is want]
        for start in range(0, len(part), size):
            yield Batch(rows[0].kind.name, want, part[start:start + size])


def _serve(conn: Connection, path: str, key: bytes, size: int) -> None:
    """The worker: check and send the batches, then the summary; every message a tuple,
    its tag first."""
    os.nice(NICE)

    def tick(stage: str, done: int, total: int) -> None:
        conn.send(("tick", stage, done, total))

    def lookup(codes: list[str], placed: list[str]) -> tuple[list[Row], list[Row]]:
        conn.send(("lookup", codes, placed))
        answer: tuple[list[Row], list[Row]] = conn.recv()
        return answer

    checker = Checker(key, lookup)
    try:
        try:
            planned = False
            for rows, existing in checker.chunks(Path(path), tick, size):
                if not planned:
                    conn.send(("planned", Planned(checker.planned)))
                    planned = True
                for batch in _batches(rows, existing, size):
                    conn.send(("batch", batch))
        except ImportRejected as exc:
            conn.send(("rejected", exc.problems))
            return
        conn.send(("checked", Checked(checker.counts, sorted(checker.touched))))
        conn.send(("end",))
    except (BrokenPipeError, EOFError, ConnectionResetError):
        return  # the importing process is gone, and the import with it
    except Exception:
        conn.send(("failed", traceback.format_exc()))
    finally:
        conn.close()


class WorkerFailed(RuntimeError):
    """The checking process failed unexpectedly (its traceback is the message)."""


async def _recv(conn: Connection) -> Any:
    # Waiting and unpickling in a thread: the event loop goes on serving meanwhile.
    return await asyncio.to_thread(conn.recv)


async def feed(db: Database, path: Path, key: bytes, tick: Tick = quiet
               ) -> AsyncGenerator[Planned | Batch | Checked, None]:
    """Check the import at `path` in a worker process: a `Planned`, every `Batch` as its
    chunk passes, then a `Checked`; ImportRejected if any row fails (some batches may have
    come before). The worker is stopped whatever happens."""
    lookup = graph_lookup(db)
    ours, theirs = _CONTEXT.Pipe()
    # BATCH is read here, in the importing process, so that a test can make batches small.
    worker = _CONTEXT.Process(target=_serve, args=(theirs, str(path), key, BATCH), daemon=True,
                              name="hub-import-check")
    worker.start()
    theirs.close()
    try:
        while True:
            message = await _recv(ours)
            tag = message[0]
            if tag == "tick":
                tick(message[1], message[2], message[3])
            elif tag == "lookup":
                ours.send(await lookup(message[1], message[2]))
            elif tag == "rejected":
                raise ImportRejected(problems=message[1])
            elif tag == "failed":
                raise WorkerFailed(message[1])
            elif tag == "end":
                return
            else:
                yield message[1]
    finally:
        ours.close()
        await asyncio.to_thread(_stop, worker)


def _stop(worker: multiprocessing.process.BaseProcess) -> None:
    worker.join(timeout=5.0)
    if worker.is_alive():
        worker.kill()
        worker.join()
    worker.close()

