"""No reader keeps a result that saw part of an import's publish.

Neo4j reads what is committed as it goes, not a snapshot: a query running while a large
publish commits can see some of its records and not the others (measured: 4,950 of 24,000
new households). So the publish is fenced by a seqlock on one `:ImportGate` node:

    publisher                              reader (every read query)
    ─────────                              ─────────────────────────
    stage … write deferred rows …          remember the gate as last seen (epoch, closed)
    close the gate (epoch + 1, until T)    wait while it is closed
    commit the publish                     run the query
    open the gate  (epoch + 1)             read the gate: closed, or another epoch → again

A reader whose query overlapped a commit finds the gate closed, or its epoch moved, and runs
its query again; any other reader pays one small read. The gate closes only around the
commit, not the minutes of staging, and a publisher that dies with it closed is outlived by
`until` (CLOSED_AT_MOST).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

CLOSED_AT_MOST = 60.0
POLL = 0.05
T = TypeVar("T")


@dataclass(frozen=True)
class GateState:
    epoch: int
    closed: bool


async def consistent(read_gate: Callable[[], Awaitable[GateState]],
                     query: Callable[[], Awaitable[T]], last: GateState | None,
                     seconds: float, give_up: Callable[[], Exception]
                     ) -> tuple[T, GateState]:
    """`query`'s result from a run no publish commit overlapped; and the gate as it ended."""
    deadline = time.monotonic() + seconds
    start = last if last is not None else await read_gate()
    while True:
        while start.closed:
            if time.monotonic() > deadline:
                raise give_up()
            await asyncio.sleep(POLL)
            start = await read_gate()
        result = await query()
        end = await read_gate()
        if not end.closed and end.epoch == start.epoch:
            return result, end
        start = end
