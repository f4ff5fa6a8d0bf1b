"""The three systems under test, each behind one `call(workload, params)`:

(a) the hub, run by uvicorn in a subprocess, asked over HTTP with a county-role bearer token;
(b) @neo4j/graphql (bench/neo4j-graphql/server.mjs) in a Node subprocess, over HTTP;
(c) the hub's own Cypher through the async driver, no GraphQL, in this process.
Everything listens on and talks to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench import env
from bench.http_client import KeptAlive
from bench.workloads import ACTIVE, AS_OF, Workload
from hub.core.principal import Role
from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.db import Database
from hub.graph.localdb import port_free
from hub.http.auth import Authenticator

NG_DIR = PROJECT_ROOT / "bench" / "neo4j-graphql"
Call = Callable[[Workload, dict[str, Any]], Awaitable[None]]
SYSTEMS = ("hub", "neo4j-graphql", "raw")


class WorkloadFailed(RuntimeError):
    pass


@dataclass
class Process:
    proc: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _spawn(cmd: list[str], extra_env: dict[str, str], log: Path, cwd: Path,
           port: int) -> Process:
    # A server left on the port (a benchmark stopped by hand) would answer in this one's
    # place, and every request would be timed against it.
    if not port_free(port):
        raise RuntimeError(f"port {port} is taken: a server is still running there")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as fh:
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **extra_env}, stdout=fh,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return Process(proc, log)


def _wait_http(url: str, proc: Process, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.proc.poll() is not None:
            raise RuntimeError(f"{url}: server exited; see {proc.log}")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    proc.stop()
    raise RuntimeError(f"{url}: not ready after {timeout:.0f}s; see {proc.log}")


def start_hub(uri: str, password: str, port: int, log: Path,
              extra: dict[str, str] | None = None) -> tuple[Process, str]:
    """The hub against `uri`; returns the process and a county-role bearer token."""
    secret = secrets.token_urlsafe(32)
    proc = _spawn([sys.executable, "-m", "bench.hubserver"],
                  {"NEO4J_URI": uri, "NEO4J_PASSWORD": password, "HUB_PORT": str(port),
                   "HUB_JWT_SECRET": secret, "HUB_MAX_DEPTH": "12",
                   # The same transaction timeout as the raw path's, for all three alike.
                   "HUB_TX_TIMEOUT": "60",
                   # The load generator is one caller with one token: its 8 clients get the
                   # room 8 callers would have (the other systems have no such limits). The
                   # bench warms every workload up itself, and a background warm-up's queries
                   # would be counted as round trips.
                   "HUB_CALLER_CONCURRENCY": "8", "HUB_CALLER_RATE": "100000",
                   "HUB_CALLER_BURST": "100000", "HUB_WARM_UP": "0", **(extra or {})},
                  log, PROJECT_ROOT, port)
    _wait_http(f"http://127.0.0.1:{port}/healthz", proc)
    base = Settings.from_env({})
    auth = Authenticator.from_settings(Settings(
        neo4j_uri=uri, neo4j_user="neo4j", neo4j_password=password, neo4j_database="neo4j",
        state_dir=base.state_dir, api_keys_file=None, secret_env={"HUB_JWT_SECRET": secret}))
    return proc, auth.mint("bench", Role.COUNTY, None)


def start_neo4j_graphql(uri: str, password: str, port: int, log: Path) -> Process:
    if not (NG_DIR / "node_modules").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NG_DIR, check=True)
    proc = _spawn(["node", "server.mjs"], {"NEO4J_URI": uri, "NEO4J_PASSWORD": password,
                                           "PORT": str(port)}, log, NG_DIR, port)
    _wait_http(f"http://127.0.0.1:{port}/?query=%7B__typename%7D", proc)
    return proc


def _checked(body: dict[str, Any]) -> dict[str, Any]:
    if body.get("errors"):
        raise WorkloadFailed(str(body["errors"])[:600])
    return body


def graphql_call(client: KeptAlive, system: str) -> Call:
    async def call(w: Workload, params: dict[str, Any]) -> None:
        if system == "hub":
            doc, variables = w.hub, {**params, "asOf": AS_OF.isoformat()}
        else:
            doc, variables = w.neo4j_graphql, {**params, "active": ACTIVE,
                                                "activeCover": ACTIVE}
        _checked(await client.post("/graphql" if system == "hub" else "/",
                                    {"query": doc, "variables": variables}))

    return call


def raw_call(db: Database) -> Call:
    async def call(w: Workload, params: dict[str, Any]) -> None:
        await w.raw(db, params)

    return call


@asynccontextmanager
async def clients(uris: dict[str, str], password: str, out: Path, hub_port: int = 48000,
                  ng_port: int = 48100) -> AsyncIterator[dict[str, Call]]:
    """All three systems, each against the Bolt URI named for it, for the block's length."""
    hub, token = start_hub(uris["hub"], password, hub_port, out / "hub.log")
    ng: Process | None = None
    try:
        ng = start_neo4j_graphql(uris["neo4j-graphql"], password, ng_port,
                                 out / "neo4j-graphql.log")
        # Both servers through the same lean client (bench/http_client.py): what a client
        # spends per request is timed as the server's.
        hub_http = KeptAlive("127.0.0.1", hub_port, {"Authorization": f"Bearer {token}"})
        ng_http = KeptAlive("127.0.0.1", ng_port)
        db_cm: AbstractAsyncContextManager[Database] = env.database(uris["raw"], password)
        try:
            async with db_cm as db:
                yield {"hub": graphql_call(hub_http, "hub"),
                       "neo4j-graphql": graphql_call(ng_http, "neo4j-graphql"),
                       "raw": raw_call(db)}
        finally:
            await hub_http.aclose()
            await ng_http.aclose()
    finally:
        hub.stop()
        if ng is not None:
            ng.stop()
