"""One benchmark run: for each scale, load it if needed, then measure the three systems on
the same Neo4j, in the same run, interleaved workload by workload so that whatever else the
machine is doing falls on all three alike.

Phases per scale: round trips (each system behind its own Bolt-counting proxy, sequential
requests), then latency at concurrency 1, then throughput at the fixed concurrency, then the
mixed load at that concurrency.
"""

from __future__ import annotations

import asyncio
import os
import platform
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import drive, env, synth
from bench.boltcount import BoltCounter
from bench.load import LoadReport, progress
from bench.systems import SYSTEMS, clients
from bench.workloads import WORKLOADS

COUNT_REQUESTS = 3


@dataclass(frozen=True)
class Plan:
    scales: list[str]
    concurrency: int = 8
    requests: int = 400
    seconds: float = 8.0
    warmup: int = 5
    workloads: tuple[str, ...] = (*(w.name for w in WORKLOADS), "mixed")


@dataclass
class ScaleResult:
    scale: str
    load: dict[str, Any]
    round_trips: dict[str, dict[str, float]] = field(default_factory=dict)
    latency: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    throughput: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)


def machine() -> dict[str, Any]:
    mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
    cpu = next((ln.split(":", 1)[1].strip() for ln in
                Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")),
               platform.processor())
    rev = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True,
                         text=True, check=False, cwd=Path(__file__).parent).stdout.strip()
    return {"revision": rev, "cpu": cpu, "cores": os.cpu_count(),
            "memory_gib": round(int(mem) / 2**20, 1),
            "os": platform.platform(), "python": platform.python_version(),
            "load_average_at_start": list(os.getloadavg())}


async def count_round_trips(srv_port: int, password: str, out: Path, scale: synth.Scale,
                            wanted: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Cypher RUN messages per request, per system and workload, through counting proxies."""
    counters = {s: BoltCounter(srv_port, 47700 + i) for i, s in enumerate(SYSTEMS)}
    for c in counters.values():
        c.start()
    found: dict[str, dict[str, float]] = {s: {} for s in SYSTEMS}
    try:
        async with clients({s: c.uri for s, c in counters.items()}, password, out,
                           hub_port=48001, ng_port=48101) as calls:
            for w in [w for w in WORKLOADS if w.name in wanted]:
                for system in SYSTEMS:
                    pick = drive.fixed(w, scale)
                    await drive.warm(calls[system], pick, 1)
                    before = counters[system].runs
                    failed = await drive.warm(calls[system], pick, COUNT_REQUESTS,
                                              seconds=float("inf"))
                    if failed:
                        progress(f"  round trips of {system}/{w.name}: {failed[0]}\n")
                        continue
                    found[system][w.name] = (counters[system].runs - before) / COUNT_REQUESTS
    finally:
        for c in counters.values():
            c.stop()
    return found


def _rotate(turn: int) -> list[str]:
    return [*SYSTEMS[turn % 3:], *SYSTEMS[:turn % 3]]


async def measure(plan: Plan, scale: synth.Scale, srv_uri: str, password: str, out: Path,
                  result: ScaleResult) -> None:
    async with clients({s: srv_uri for s in SYSTEMS}, password, out) as calls:
        picks = [(w.name, drive.fixed(w, scale)) for w in WORKLOADS if w.name in plan.workloads]
        if "mixed" in plan.workloads:
            picks.append(("mixed", drive.mixed(scale)))
        for turn, (name, pick) in enumerate(picks):
            order = _rotate(turn)
            for system in order:
                await drive.warm(calls[system], pick, plan.warmup)
            phases = [(1, result.latency)] if name != "mixed" else []
            phases.append((plan.concurrency, result.throughput))
            for concurrency, table in phases:
                samples = await drive.interleaved({s: calls[s] for s in order}, pick,
                                                  concurrency, plan.requests, plan.seconds)
                for system, sample in samples.items():
                    table.setdefault(name, {})[system] = asdict(sample)
                    progress(f"  {scale.name:10} {name:16} {system:14} c={concurrency} "
                             f"p50 {sample.p50_ms:8.1f} ms  p95 {sample.p95_ms:8.1f} ms  "
                             f"{sample.throughput:7.1f} req/s  errors {sample.errors}\n")


async def run_scale(plan: Plan, name: str, out: Path) -> ScaleResult:
    scale = synth.SCALES[name]
    async with env.running(scale, progress) as (srv, loaded):
        result = ScaleResult(name, _load_dict(loaded))
        progress(f"  {name}: {loaded.nodes:,} nodes, {loaded.relationships:,} relationships\n")
        result.round_trips = await count_round_trips(srv.bolt_port, srv.password(), out, scale,
                                                     plan.workloads)
        await measure(plan, scale, srv.uri, srv.password(), out, result)
        return result


def _load_dict(r: LoadReport) -> dict[str, Any]:
    return {**asdict(r), "elements": r.elements, "households": synth.SCALES[r.scale].households}


def run(plan: Plan, out: Path) -> list[ScaleResult]:
    results = []
    for name in plan.scales:
        results.append(asyncio.run(run_scale(plan, name, out)))
    return results
