"""The publish gate read in each read query's own round trip (hub/graph/publish_gate.py):
every read query of the hub takes that form, gives the rows it gives alone and in their
order, and a read that a publish commit overlapped is read again."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from hub.graph.db import Database
from hub.graph.publish_gate import GateState, consistent, with_gate

_WRITES = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\b")
_SCHEMA = re.compile(r"^SHOW\b", re.MULTILINE)


def _reads(db: Database) -> list[str]:
    """The named queries that only read the graph (every write clause written in capitals,
    as in every file under cypher/; a schema command, `SHOW …`, reads no record and is
    never run as a read)."""
    return sorted(name for name, query in db.queries.items()
                  if not name.startswith("migrations.") and not _WRITES.search(query.text)
                  and not _SCHEMA.search(query.text))


async def _columns(db: Database, name: str, text: str) -> list[str]:
    async with db.session() as session:
        result = await session.run("EXPLAIN " + text,
                                   dict.fromkeys(db.queries[name].parameters))
        columns = list(result.keys())
        await result.consume()
    return columns


async def test_every_read_query_takes_the_form_with_the_gate(demo: Database) -> None:
    names = _reads(demo)
    assert len(names) > 80 and "units.by_code" in names and "figures.F01" in names
    refused: dict[str, str] = {}
    for name in names:
        text = demo.queries[name].text
        try:
            gated = with_gate(text, await _columns(demo, name, text))
            assert await _columns(demo, name, gated) == [
                "rows", "epoch", "closed"]
        except Exception as exc:  # every refusal is listed, not only the first
            refused[name] = str(exc)[:200]
    assert refused == {}


async def test_reads_give_the_rows_the_query_gives_alone_in_its_order(demo: Database) -> None:
    given: dict[str, Any] = {"asOf": date(2025, 6, 30), "scope": None, "unit": "XC-T01"}
    names = [n for n in _reads(demo) if n.startswith(("figures.", "coverage."))]
    assert len(names) >= 30
    nonempty = 0
    for name in names:
        query = demo.queries[name]
        params = {key: given[key] for key in query.parameters}
        async with demo.session() as session:
            alone = [record.data() async for record in await session.run(query.text, params)]
        rows = await demo.read(name, **params)
        assert rows == alone, name
        assert [list(row) for row in rows] == [list(row) for row in alone], name
        nonempty += bool(alone)
    assert nonempty >= 20  # the comparison is of real rows, not of empty lists


class _Script:
    """A query whose runs find the gate as scripted, and a gate read that finds `now`."""

    def __init__(self, ends: list[GateState], now: GateState) -> None:
        self.ends, self.now, self.runs = ends, now, 0

    async def query(self) -> tuple[int, GateState]:
        self.runs += 1
        return self.runs, self.ends.pop(0)

    async def read_gate(self) -> GateState:
        return self.now


def _timeout() -> Exception:
    return TimeoutError("gate")


@pytest.mark.parametrize(("ends", "runs"), [
    ([GateState(4, False)], 1),
    # A publish committed between the last read and this one: the epoch moved by two.
    ([GateState(6, False), GateState(6, False)], 2),
    # Closed as the query ended: wait for it to open, then read again.
    ([GateState(5, True), GateState(6, False)], 2),
])
async def test_a_read_a_publish_commit_overlapped_is_read_again(ends: list[GateState],
                                                                runs: int) -> None:
    script = _Script(list(ends), now=GateState(6, False))
    result: Any
    result, end = await consistent(script.read_gate, script.query, GateState(4, False), 5.0,
                                   _timeout)
    assert (result, script.runs, end) == (runs, runs, ends[-1])
