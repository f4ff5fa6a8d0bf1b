"""How long one small read takes each way the driver offers: `execute_query` (a managed
transaction: BEGIN … COMMIT) against the auto-commit query the hub's reads now use
(`Database._auto_read`), on the publish gate's read (`stage.gate`): a small read of its own
(the hub's read queries now read the gate in their own round trip, hub/graph/publish_gate.py).

    .venv/bin/python -m bench.read_path [--reads 2000]

Runs on a scratch Neo4j of its own (a temporary folder; ports 17987/17974). Not a test:
the figures depend on the box and on what else runs on it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import neo4j

from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LocalNeo4j

WARM = 200


async def measure(uri: str, password: str, reads: int) -> dict[str, float]:
    """Milliseconds per read, each way, twice over in turn (the second pass is reported)."""
    driver = neo4j.AsyncGraphDatabase.driver(uri, auth=("neo4j", password),
                                             notifications_min_severity="OFF")
    db = Database(driver, "neo4j", Queries(), 10.0)
    query = neo4j.Query(db.queries["stage.gate"].text, timeout=10.0)

    async def managed() -> object:
        return await driver.execute_query(query, {}, database_="neo4j",
                                          routing_=neo4j.RoutingControl.READ)

    async def auto() -> object:
        return await db._auto_read(query, {})

    ways: dict[str, Callable[[], Awaitable[object]]] = {"execute_query": managed,
                                                        "auto-commit": auto}
    found: dict[str, float] = {}
    try:
        for _ in range(2):
            for name, read in ways.items():
                for _ in range(WARM):
                    await read()
                started = time.perf_counter()
                for _ in range(reads):
                    await read()
                found[name] = (time.perf_counter() - started) / reads * 1000
    finally:
        await driver.close()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="读取方式基准 / one small read, each way")
    parser.add_argument("--reads", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        server = LocalNeo4j(home=Path(tmp) / "neo4j", bolt_port=17987, http_port=17974,
                            heap="1g", pagecache="64m")
        server.start()
        try:
            found = asyncio.run(measure(server.uri, server.password(), args.reads))
        finally:
            server.stop()
    for name, ms in found.items():
        print(f"  {name:14} {ms:6.3f} ms per read ({args.reads} reads)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
