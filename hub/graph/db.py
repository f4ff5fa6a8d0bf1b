"""The hub's one door to Neo4j: named queries, a timeout on every transaction, and a count
of round trips per request (the no-N+1 promise is tested by that count).

Every query and every session shares the driver's one bookmark manager, so on a cluster a
read that follows a write waits until the replica it lands on has that write (causal
consistency); `execute_query` uses the same manager by default, sessions only when told.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncManagedTransaction, RoutingControl

from hub.core.errors import HubError, Neo4jUnavailable, QueryTimeout
from hub.graph.cypher import Queries
from hub.graph.publish_gate import GateState, consistent, with_gate

T = TypeVar("T")
_RETRY_PAUSE = 0.05
Row = dict[str, Any]
Columns = tuple[str, ...]
# Read queries whose shape a Database keeps: every named one, and the compiled ones in use.
KNOWN_SHAPES = 1024
# A row as the driver's record, for its `data()` (nodes as their properties, …); the
# driver's constructor is untyped.
_record: Callable[[Iterable[tuple[str, Any]]], neo4j.Record] = neo4j.Record


class RoundTrips:
    """Counts Cypher round trips; one instance lives per GraphQL request."""

    def __init__(self) -> None:
        self.count = 0
        self.names: list[str] = []

    def add(self, name: str) -> None:
        self.count += 1
        self.names.append(name)


_current: contextvars.ContextVar[RoundTrips | None] = contextvars.ContextVar(
    "round_trips", default=None
)


def track(counter: RoundTrips) -> contextvars.Token[RoundTrips | None]:
    """Make `counter` receive every round trip of the current task (and its children)."""
    return _current.set(counter)


def untrack(token: contextvars.Token[RoundTrips | None]) -> None:
    _current.reset(token)


def hub_error(exc: neo4j.exceptions.Neo4jError | neo4j.exceptions.DriverError, name: str,
              seconds: float) -> HubError | None:
    """Neo4j's "transaction timed out" and "not there" as the hub's own errors, which clients
    may see (an outage then reads as one, never as an internal error); None for the rest."""
    if isinstance(exc, neo4j.exceptions.ServiceUnavailable | neo4j.exceptions.SessionExpired):
        return Neo4jUnavailable(reason=f"{type(exc).__name__} ({name})")
    code = getattr(exc, "code", None) or ""
    # A transaction past its limit while waiting for a lock stops as LockClientStopped.
    if isinstance(exc, neo4j.exceptions.ClientError) and (
            "TransactionTimedOut" in code or "LockClientStopped" in code):
        return QueryTimeout(query=name, seconds=seconds)
    return None


@asynccontextmanager
async def _timeouts(name: str, seconds: float) -> AsyncIterator[None]:
    try:
        yield
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
        mapped = hub_error(exc, name, seconds)
        if mapped is None:
            raise
        raise mapped from exc


def _count(name: str) -> None:
    counter = _current.get()
    if counter is not None:
        counter.add(name)


class Tx:
    """A write transaction that runs named queries; used by the importer and mutations."""

    def __init__(self, tx: AsyncManagedTransaction, queries: Queries, timeout: float) -> None:
        self._tx = tx
        self._queries = queries
        self._timeout = timeout

    async def run(self, name: str, **params: Any) -> list[Row]:
        _count(name)
        query = self._queries[name]
        query.check(params)
        result = await self._tx.run(query.text, params)
        return [record.data() async for record in result]


@dataclass(frozen=True)
class Target:
    """How another process reaches the same Neo4j (an import's worker opens a driver of its
    own: a driver cannot be handed on). The password is never shown."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str

    def driver(self) -> neo4j.Driver:
        return neo4j.GraphDatabase.driver(self.uri, auth=(self.user, self.password),
                                          notifications_min_severity="OFF")


@dataclass
class Database:
    """Driver + database name + queries + transaction timeout; `target` says how another
    process reaches the same database (imports need it)."""

    driver: AsyncDriver
    database: str
    queries: Queries
    timeout: float = 10.0
    target: Target | None = None
    # How long a read that failed for a passing reason (an outage, a leader switch) is tried
    # again: the driver's `max_transaction_retry_time` for the hub's own driver.
    read_retry: float = 0.5
    # The publish gate as this process last saw it (hub/graph/publish_gate.py).
    _gate: GateState | None = field(default=None, repr=False, compare=False)
    # Per read query's text: its columns, and its text with the gate read after it.
    _shapes: dict[str, tuple[Columns, str]] = field(default_factory=dict, repr=False,
                                                     compare=False)

    async def _write(self, name: str, timeout: float | None, params: dict[str, Any]
                     ) -> list[neo4j.Record]:
        text = self._checked(name, params)
        _count(name)
        seconds = self.timeout if timeout is None else timeout
        return await self._send(name, text, RoutingControl.WRITE, seconds, params)

    async def _read(self, name: str, text: str, timeout: float | None, params: dict[str, Any]
                    ) -> tuple[Columns, list[list[Any]]]:
        """A read in one round trip, the publish gate read after it in the same query
        (hub/graph/publish_gate.py); its columns and each row's values in their order."""
        _count(name)
        seconds = self.timeout if timeout is None else timeout

        columns, gated = await self._shape(text, seconds, params)

        async def run() -> tuple[tuple[Columns, list[list[Any]]], GateState]:
            top = (await self._send(name, gated, RoutingControl.READ, seconds, params))[0]
            return (columns, top["rows"]), GateState.of(top)

        found, self._gate = await consistent(
            self._read_gate, run, self._gate, seconds,
            lambda: QueryTimeout(query=name, seconds=seconds))
        return found

    async def _shape(self, text: str, seconds: float, params: dict[str, Any]
                     ) -> tuple[Columns, str]:
        """The columns of the read query `text` and its form with the gate read after it,
        asked of Neo4j the first time (EXPLAIN plans a query without running it)."""
        known = self._shapes.get(text)
        if known is None:
            async with _timeouts("EXPLAIN", seconds):
                columns, _none = await self._auto_read(
                    neo4j.Query("EXPLAIN " + text, timeout=seconds), params)
            if len(self._shapes) >= KNOWN_SHAPES:  # compiled queries vary: keep the newest
                del self._shapes[next(iter(self._shapes))]
            known = self._shapes[text] = (columns, with_gate(text, columns))
        return known

    async def _send(self, name: str, text: str, routing: RoutingControl, seconds: float,
                    params: dict[str, Any]) -> list[neo4j.Record]:
        """One round trip, uncounted; Neo4j's time-outs and outages as the hub's errors."""
        async with _timeouts(name, seconds):
            if routing is RoutingControl.READ:
                _columns, found = await self._auto_read(neo4j.Query(text, timeout=seconds),
                                                        params)
                return found
            records, _, _ = await self.driver.execute_query(
                neo4j.Query(text, timeout=seconds),
                params, database_=self.database, routing_=routing)
        return records

    async def _auto_read(self, query: neo4j.Query, params: dict[str, Any]
                         ) -> tuple[Columns, list[neo4j.Record]]:
        """A read as one auto-commit query: one exchange with Neo4j, where `execute_query`'s
        managed transaction takes two (its COMMIT is a message of its own; measured 0.9 ms
        against 1.4 ms for the gate read). A read is safe to repeat, so a transient failure
        is tried again for `read_retry` seconds, as the driver does for a transaction.
        Its columns and records."""
        deadline = time.monotonic() + self.read_retry
        while True:
            try:
                async with self.driver.session(
                        database=self.database, default_access_mode=neo4j.READ_ACCESS,
                        bookmark_manager=self.driver.execute_query_bookmark_manager) as session:
                    result = await session.run(query, params)
                    return tuple(result.keys()), [record async for record in result]
            except (neo4j.exceptions.TransientError, neo4j.exceptions.ServiceUnavailable,
                    neo4j.exceptions.SessionExpired):
                if time.monotonic() >= deadline:
                    raise
                await asyncio.sleep(_RETRY_PAUSE)

    def _checked(self, name: str, params: dict[str, Any]) -> str:
        query = self.queries[name]
        query.check(params)
        return query.text

    async def _read_gate(self) -> GateState:
        """The publish gate alone, before this process's first read and while the gate is
        closed (apart from the round-trip count: it is no named query of the caller's)."""
        query = self.queries["stage.gate"]
        records = await self._send(query.name, query.text, RoutingControl.READ, self.timeout, {})
        return GateState.of(records[0])

    async def read_compiled(self, name: str, text: str, params: dict[str, Any],
                            timeout: float | None = None) -> list[Any]:
        """Run a query compiled by hub/compile (built from its fixed fragments, never from
        input) in one round trip; the first column of each row as the driver returns it,
        without `Record.data()`'s walk over nested values (it holds no nodes or paths)."""
        _columns, rows = await self._read(name, text, timeout, params)
        return [values[0] for values in rows]

    async def read(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        """Run a named read query in one round trip; rows as plain dicts."""
        columns, rows = await self._read(name, self._checked(name, params), timeout, params)
        return [_record(zip(columns, values, strict=True)).data() for values in rows]

    async def read_plain(self, name: str, timeout: float | None = None, **params: Any
                         ) -> list[Row]:
        """`read` for a query whose columns hold no nodes, relationships or paths: its maps,
        lists and scalars come from the driver as plain Python already, so the rows are
        taken as they are, without `Record.data()`'s walk over every nested value (24 ms for
        the 5,880 household gaps of the bench county)."""
        columns, rows = await self._read(name, self._checked(name, params), timeout, params)
        return [dict(zip(columns, values, strict=True)) for values in rows]

    async def write(self, name: str, timeout: float | None = None, **params: Any) -> list[Row]:
        """Run a named write query in its own transaction (retried on transient errors)."""
        return [r.data() for r in await self._write(name, timeout, params)]

    def session(self) -> neo4j.AsyncSession:
        """A session on the hub's database, causally after every earlier query of the hub."""
        return self.driver.session(
            database=self.database,
            bookmark_manager=self.driver.execute_query_bookmark_manager)

    async def in_write_tx(
        self, work: Callable[[Tx], Awaitable[T]], timeout: float | None = None
    ) -> T:
        """Run `work` in one write transaction: all of it lands, or none of it.

        The driver replays `work` from the start on a transient failure (a leader switch,
        a restarted server), so `work` must not have side effects outside the transaction.
        """
        tx_timeout = self.timeout if timeout is None else timeout

        async def unit(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(tx, self.queries, tx_timeout))

        async with _timeouts("write transaction", tx_timeout), self.session() as session:
            return await session.execute_write(neo4j.unit_of_work(timeout=tx_timeout)(unit))
