"""No cold first query (issue 18, item 3): the first execution after a start against the warm
p95, with the hub's warm-up on and off.

    python -m bench first --scale county [--repeats 20]

For each mode: Neo4j's query caches are cleared (`db.clearQueryCaches()`; its page cache stays
as it is, which only a restart of Neo4j would empty), the hub is started, and the time to its
first /healthz is taken; with the warm-up on, the bench then waits until /readyz says
"warm". Then each document the warm-up covers (the IDE's first query and a coverage of every
dimension, for the scale's top unit) is run once (its first execution) and `repeats` times
more (its warm p95).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx

from bench import env, synth
from bench.drive import percentile
from bench.load import progress
from bench.systems import start_hub
from hub.http.graphql_app import FIRST_QUERY
from hub.http.warmup import COVERAGE
from hub.query.coverage import REGISTRY

PORT = 48200


def documents(top: str) -> list[tuple[str, str, dict[str, Any]]]:
    first = FIRST_QUERY.read_text(encoding="utf-8").replace('"XC"', f'"{top}"')
    return [("first-query", first, {}),
            *((f"coverage {d.name}", COVERAGE % d.name, {"unit": top}) for d in REGISTRY)]


async def _time(http: httpx.AsyncClient, doc: str, variables: dict[str, Any]) -> float:
    started = time.perf_counter()
    response = await http.post("/graphql", json={"query": doc, "variables": variables})
    response.raise_for_status()
    if response.json().get("errors"):
        raise RuntimeError(str(response.json()["errors"])[:300])
    return 1000 * (time.perf_counter() - started)


async def _ready(port: int, warm: bool) -> None:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
        for _ in range(1200):
            body = (await http.get("/readyz")).json()
            if body.get("status") == "ready" and (body.get("warm") or not warm):
                return
            await asyncio.sleep(0.5)
    raise RuntimeError("the hub did not get ready (and warm) in 10 minutes")


async def one_mode(srv_uri: str, password: str, scale: synth.Scale, warm: bool,
                   repeats: int, out: Path) -> dict[str, Any]:
    async with env.database(srv_uri, password) as db:
        await db.driver.execute_query("CALL db.clearQueryCaches()")
    started = time.perf_counter()
    hub, token = start_hub(srv_uri, password, PORT, out / "hub-first.log",
                           {"HUB_WARM_UP": "1" if warm else "0"})
    found: dict[str, Any] = {"warm_up": warm,
                             "healthz_s": round(time.perf_counter() - started, 2)}
    try:
        await _ready(PORT, warm)
        found["warm_s"] = round(time.perf_counter() - started, 2)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{PORT}", timeout=120,
                                     headers={"Authorization": f"Bearer {token}"}) as http:
            for name, doc, variables in documents(scale.top_code):
                first = await _time(http, doc, variables)
                rest = [await _time(http, doc, variables) for _ in range(repeats)]
                p95 = percentile(rest, 0.95)
                found[name] = {"first_ms": round(first, 1), "warm_p95_ms": round(p95, 1),
                               "ratio": round(first / p95, 2)}
                progress(f"  warm-up {'on ' if warm else 'off'} {name:45} first {first:8.1f} "
                         f"ms  warm p95 {p95:7.1f} ms  ratio {first / p95:5.2f}\n")
    finally:
        hub.stop()
    return found


async def first(scale_name: str, repeats: int, out: Path) -> list[dict[str, Any]]:
    scale = synth.SCALES[scale_name]
    async with env.running(scale, progress) as (srv, _):
        return [await one_mode(srv.uri, srv.password(), scale, warm, repeats, out)
                for warm in (False, True)]
