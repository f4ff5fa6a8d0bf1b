"""No reader keeps a result that saw part of an import's publish.

Neo4j reads what is committed as it goes, not a snapshot: a query running while a large
publish commits can see some of its records and not the others (measured: 4,950 of 24,000
new households). So the publish is fenced by a seqlock on one `:ImportGate` node:

    publisher                              reader (every read query)
    ─────────                              ─────────────────────────
    stage … write deferred rows …          remember the gate as last seen (epoch, closed)
    close the gate (epoch + 1, until T)    wait while it is closed
    commit the publish                     run the query, then read the gate: closed,
    open the gate  (epoch + 1)               or another epoch → again

A reader whose query overlapped a commit finds the gate closed, or its epoch moved, and runs
its query again. The gate closes only around the commit, not the minutes of staging, and a
publisher that dies with it closed is outlived by `until` (CLOSED_AT_MOST).

The gate is read in the query's own round trip (`with_gate`): the query runs as a subquery
whose rows are collected, and `collect` takes every row before the gate is read, so the
gate read still comes after all of the query's reads. A separate gate read cost a second
round trip per query (1.5 ms of 3.6 on an idle box; under an import, each extra round trip
is one more wait for a core, and the cheap query's p95 fell from 61 to 27 ms without it).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

CLOSED_AT_MOST = 60.0
POLL = 0.05
T = TypeVar("T")


# A read query with the gate read after it (the gate's columns as in cypher/stage/gate.cypher).
# `query` is a query of the hub's own (cypher/*.cypher, or compiled from fixed fragments),
# `row` its columns; nothing here comes from input.
_WITH_GATE = """CALL () {{
{query}
}}
WITH collect([{row}]) AS rows
OPTIONAL MATCH (g:ImportGate {{id: 'gate'}})
RETURN rows, coalesce(g.epoch, 0) AS epoch, coalesce(g.until > datetime(), false) AS closed"""


@dataclass(frozen=True)
class GateState:
    epoch: int
    closed: bool

    @classmethod
    def of(cls, row: Any) -> GateState:
        """The gate's state from a row with its `epoch` and `closed` columns."""
        return cls(epoch=int(row["epoch"]), closed=bool(row["closed"]))


def with_gate(query: str, columns: Sequence[str]) -> str:
    """`query` (whose columns are `columns`) returning one row: `rows`, each row's values in
    the order of `columns`, then the gate as it was once every row was read."""
    row = ", ".join("`" + column.replace("`", "``") + "`" for column in columns)
    return _WITH_GATE.format(query=query, row=row)


async def consistent(read_gate: Callable[[], Awaitable[GateState]],
                     query: Callable[[], Awaitable[tuple[T, GateState]]],
                     last: GateState | None, seconds: float, give_up: Callable[[], Exception]
                     ) -> tuple[T, GateState]:
    """`query`'s result from a run no publish commit overlapped; and the gate as it ended.
    `query` gives its result and the gate as read after it."""
    deadline = time.monotonic() + seconds
    start = last if last is not None else await read_gate()
    while True:
        while start.closed:
            if time.monotonic() > deadline:
                raise give_up()
            await asyncio.sleep(POLL)
            start = await read_gate()
        result, end = await query()
        if not end.closed and end.epoch == start.epoch:
            return result, end
        start = end
