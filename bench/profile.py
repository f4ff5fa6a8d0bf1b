"""Profiles behind the performance notes: where a workload's time goes, not a guess.

    python -m bench profile --scale county --workload grid_gaps [--requests 50]

Two views of one workload on one scale's database:
- the hub in this process (the real app over an in-process ASGI transport) under cProfile,
  so the Python side of a request is split into GraphQL execution, driver and hub code;
- Neo4j's own PROFILE of every Cypher query the raw path runs, with the operators, their rows
  and database hits, so the cost inside the database is seen growing (or not) with scale.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import secrets
import time
from typing import Any

import httpx
import neo4j

from bench import env, synth
from bench.load import progress
from bench.workloads import AS_OF, BY_NAME, Workload
from hub.core.principal import Role
from hub.core.settings import Fairness, Settings
from hub.graph.db import Database
from hub.http.app import create_app
from hub.http.auth import Authenticator


async def hub_profile(uri: str, password: str, w: Workload, scale: synth.Scale,
                      requests: int) -> str:
    """Where a hub request's time goes, in process: Cypher, the rest, and the raw path beside it;
    then the same requests under cProfile."""
    lines = []
    for _ in range(2):  # the second pass runs on warm plan caches on both sides
        with _CypherClock() as clock:
            ms, _ = await _hub_requests(uri, password, w, scale, requests, profile=False,
                                        clock=clock)
        raw_ms = await _raw_requests(uri, password, w, scale, requests)
        cypher_ms = 1000 * clock.busy / requests
        lines.append(f"hub in process: {ms:.1f} ms per request = {cypher_ms:.1f} with Cypher "
                     f"in flight + {ms - cypher_ms:.1f} GraphQL, HTTP and the rest; "
                     f"raw path in process: {raw_ms:.1f} ms (mean of {requests})")
    _, text = await _hub_requests(uri, password, w, scale, requests, profile=True)
    return "\n".join(lines) + "\n" + text


class _CypherClock:
    """Seconds during which at least one Database._send (every named or compiled query)
    is in flight (the hub's queries of one
    level run side by side, so their times overlap and must not be added up)."""

    def __init__(self) -> None:
        self.busy = 0.0
        self._running = 0
        self._since = 0.0
        self._original = Database._send

    def reset(self) -> None:
        self.busy = 0.0

    def __enter__(self) -> _CypherClock:
        original, clock = self._original, self

        async def timed(db: Database, *args: Any, **kwargs: Any) -> list[neo4j.Record]:
            if clock._running == 0:
                clock._since = time.perf_counter()
            clock._running += 1
            try:
                return await original(db, *args, **kwargs)
            finally:
                clock._running -= 1
                if clock._running == 0:
                    clock.busy += time.perf_counter() - clock._since

        Database._send = timed  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *_: object) -> None:
        Database._send = self._original  # type: ignore[method-assign]


async def _raw_requests(uri: str, password: str, w: Workload, scale: synth.Scale,
                        requests: int) -> float:
    rnd = random.Random(8)
    async with env.database(uri, password) as db:
        for _ in range(3):
            await w.raw(db, w.params(rnd, scale))
        started = time.perf_counter()
        for _ in range(requests):
            await w.raw(db, w.params(rnd, scale))
        return 1000 * (time.perf_counter() - started) / requests


async def _hub_requests(uri: str, password: str, w: Workload, scale: synth.Scale,
                        requests: int, profile: bool,
                        clock: _CypherClock | None = None) -> tuple[float, str]:
    secret = secrets.token_urlsafe(32)
    base = Settings.from_env({})
    settings = Settings(neo4j_uri=uri, neo4j_user="neo4j", neo4j_password=password,
                        neo4j_database="neo4j", state_dir=base.state_dir, api_keys_file=None,
                        secret_env={"HUB_JWT_SECRET": secret}, warm_up=False,
                        # One caller asking as fast as it can, as in `make bench`: no rate
                        # limit (the default 50/s refused a profile of 300 requests).
                        fair=Fairness(caller_rate=100_000.0, caller_burst=100_000),
                        # HUB_COMPILE=0: the hub before hub/compile, for a profile beside it.
                        compile_queries=Settings.from_env().compile_queries)
    token = Authenticator.from_settings(settings).mint("bench", Role.COUNTY, None)
    app = create_app(settings)
    rnd = random.Random(8)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub",
                                     headers={"Authorization": f"Bearer {token}"}) as http:
            body = {"query": w.hub, "variables": {**w.params(rnd, scale),
                                                  "asOf": AS_OF.isoformat()}}
            for _ in range(3):
                (await http.post("/graphql", json=body)).raise_for_status()
            profiler = cProfile.Profile()
            if clock is not None:
                clock.reset()
            started = time.perf_counter()
            if profile:
                profiler.enable()
            for _ in range(requests):
                body["variables"] = {**w.params(rnd, scale), "asOf": AS_OF.isoformat()}
                (await http.post("/graphql", json=body)).raise_for_status()
            profiler.disable()
            elapsed = time.perf_counter() - started
    if not profile:
        return 1000 * elapsed / requests, ""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    # The layers of one request: GraphQL, the hub's own code, the driver, JSON.
    layers = r"graphql|strawberry|hub/|neo4j/_async/driver|json"
    stats.sort_stats("cumulative").print_stats(layers, 25)
    stats.sort_stats("tottime").print_stats(15)
    return 1000 * elapsed / requests, out.getvalue()


class _Profiling(Database):
    """Runs each named read with PROFILE and keeps the plan, instead of counting rows."""

    plans: list[tuple[str, Any]]

    async def read(self, name: str, timeout: float | None = None, **params: Any
                   ) -> list[dict[str, Any]]:
        async with self.driver.session(database=self.database) as session:
            result = await session.run("PROFILE " + self.queries[name].text, params)
            rows = [r.data() async for r in result]
            summary = await result.consume()
        self.plans.append((name, summary.profile))
        return rows

    async def read_plain(self, name: str, timeout: float | None = None, **params: Any
                         ) -> list[dict[str, Any]]:
        return await self.read(name, timeout, **params)

    async def read_compiled(self, name: str, text: str, params: dict[str, Any],
                            timeout: float | None = None) -> list[Any]:
        async with self.driver.session(database=self.database) as session:
            result = await session.run("PROFILE " + text, params)
            rows = [r[0] async for r in result]
            summary = await result.consume()
        self.plans.append((name, summary.profile))
        return rows


def _plan_lines(plan: Any, depth: int = 0) -> list[str]:
    args = plan.get("args", {})
    line = (f"{'  ' * depth}{plan['operatorType']:<40} rows {plan.get('rows', 0):>8}  "
            f"db hits {plan.get('dbHits', 0):>9}  {str(args.get('Details', ''))[:90]}")
    lines = [line]
    for child in plan.get("children", []):
        lines.extend(_plan_lines(child, depth + 1))
    return lines


async def cypher_profile(uri: str, password: str, w: Workload, scale: synth.Scale) -> str:
    driver = neo4j.AsyncGraphDatabase.driver(uri, auth=("neo4j", password),
                                             notifications_min_severity="OFF")
    try:
        async with env.database(uri, password) as plain:
            db = _Profiling(driver, "neo4j", plain.queries, 60.0)
            db.plans = []
            await w.raw(db, w.params(random.Random(8), scale))
    finally:
        await driver.close()
    text = []
    for name, plan in db.plans:
        total = _total_hits(plan)
        text.append(f"== {name}: {total:,} db hits")
        text.extend(_plan_lines(plan))
    return "\n".join(text)


def _total_hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(_total_hits(c) for c in plan.get("children", []))


async def profile(scale_name: str, workloads: list[str], requests: int, hub: bool) -> str:
    scale = synth.SCALES[scale_name]
    text = []
    async with env.running(scale, progress) as (srv, _):
        for workload in workloads:
            w = BY_NAME[workload]
            if hub:
                py = await hub_profile(srv.uri, srv.password(), w, scale, requests)
                text.append(f"# {workload} on {scale_name}: hub under cProfile, "
                            f"{requests} requests\n{py}\n")
            cy = await cypher_profile(srv.uri, srv.password(), w, scale)
            text.append(f"# {workload} on {scale_name}: Neo4j PROFILE of the raw path's "
                        f"queries\n{cy}\n")
    return "\n".join(text)
