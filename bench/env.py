"""The benchmark's own Neo4j: one home per scale, its own ports, more memory than `make run`.

Each scale keeps its database (`.neo4j/bench-<scale>`), so a rerun skips the load. Ports
default to 47687 (Bolt) and 47474 (HTTP): the hub's own server and the tests' never collide.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import neo4j

from bench import synth
from bench.load import LoadReport, finish, prepare, report
from hub.core.settings import PROJECT_ROOT
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LocalNeo4j

BOLT_PORT = int(os.environ.get("BENCH_BOLT_PORT", "47687"))
HTTP_PORT = int(os.environ.get("BENCH_HTTP_PORT", "47474"))


def server(scale: str) -> LocalNeo4j:
    return LocalNeo4j(home=PROJECT_ROOT / ".neo4j" / f"bench-{scale}", bolt_port=BOLT_PORT,
                      http_port=HTTP_PORT, heap=os.environ.get("BENCH_NEO4J_HEAP", "4g"),
                      pagecache=os.environ.get("BENCH_NEO4J_PAGECACHE", "4g"))


@asynccontextmanager
async def database(uri: str, password: str) -> AsyncIterator[Database]:
    driver = neo4j.AsyncGraphDatabase.driver(uri, auth=("neo4j", password),
                                             notifications_min_severity="OFF")
    try:
        yield Database(driver, "neo4j", Queries(), 60.0)
    finally:
        await driver.close()


@asynccontextmanager
async def running(scale: synth.Scale, say: Callable[[str], None]
                  ) -> AsyncIterator[tuple[LocalNeo4j, LoadReport]]:
    """The scale's server, loaded (now, or by an earlier run), for the length of the block."""
    srv = server(scale.name)
    timings: tuple[float, float] | None = None
    if not _complete(srv, scale):
        srv.stop()
        timings = prepare(srv, scale, say)
    srv.start(say=lambda s: say(s + "\n"))
    try:
        async with database(srv.uri, srv.password()) as db:
            if timings is not None:
                loaded = await finish(db, scale, (*timings, 0.0))
                (srv.home / "bench-loaded").write_text(_stamp(scale))
            else:
                loaded = await report(db, scale, loaded_now=False)
            past = synth.history(scale)
            await db.write("bench.ensure_history", member=past["member"], org=past["org"])
        yield srv, loaded
    finally:
        srv.stop()


def _stamp(scale: synth.Scale) -> str:
    return f"{scale.name} v{synth.GENERATOR_VERSION} {scale.townships}\n"


def _complete(srv: LocalNeo4j, scale: synth.Scale) -> bool:
    """Whether this home's load finished (the stamp is written after the marker node)."""
    stamp = srv.home / "bench-loaded"
    return stamp.exists() and stamp.read_text() == _stamp(scale)
