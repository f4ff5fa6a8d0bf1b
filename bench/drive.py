"""The load generator: a fixed number of concurrent clients, bounded by count and by time.

Each client takes the next request, times it end to end (perf_counter, in this process),
and moves on; the run ends at `requests` or `seconds`, whichever comes first. Parameters
come from a seeded generator, so every system is asked the same sequence of townships;
`interleaved` asks them in slices taken in turn, so they are timed on the same server.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench import synth
from bench.systems import Call
from bench.workloads import BY_NAME, MIX, Workload


@dataclass(frozen=True)
class Sample:
    """What one (system, workload, concurrency) run measured."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    throughput: float
    first_error: str | None = None


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


Pick = Callable[[random.Random], tuple[Workload, dict[str, Any]]]
# Slices per phase in `interleaved`: enough turns that drift between them evens out, each
# still long enough (100 of the 400 requests) for its concurrency to be reached.
ROUNDS = 4


def fixed(workload: Workload, scale: synth.Scale) -> Pick:
    return lambda rnd: (workload, workload.params(rnd, scale))


def mixed(scale: synth.Scale) -> Pick:
    def pick(rnd: random.Random) -> tuple[Workload, dict[str, Any]]:
        w = BY_NAME[rnd.choice(MIX)]
        return w, w.params(rnd, scale)

    return pick


@dataclass
class _Timed:
    """One system's timed requests, gathered over the slices of a phase."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def sample(self) -> Sample:
        done, elapsed = len(self.latencies), self.seconds
        return Sample(requests=done, errors=len(self.errors), seconds=elapsed,
                      p50_ms=1000 * statistics.median(self.latencies) if done else float("nan"),
                      p95_ms=1000 * percentile(self.latencies, 0.95),
                      throughput=done / elapsed if elapsed else 0.0,
                      first_error=self.errors[0] if self.errors else None)


async def _timed(call: Call, plan: list[tuple[Workload, dict[str, Any]]], concurrency: int,
                 seconds: float, into: _Timed) -> None:
    next_index = 0
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal next_index
        while next_index < len(plan) and time.perf_counter() < deadline:
            workload, params = plan[next_index]
            next_index += 1
            t0 = time.perf_counter()
            try:
                await call(workload, params)
            except Exception as exc:  # a failed request is counted and reported, not fatal
                into.errors.append(f"{type(exc).__name__}: {exc}"[:400])
                continue
            into.latencies.append(time.perf_counter() - t0)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    into.seconds += time.perf_counter() - started


async def interleaved(calls: dict[str, Call], pick: Pick, concurrency: int, requests: int,
                      seconds: float, rounds: int = ROUNDS, seed: int = 8) -> dict[str, Sample]:
    """Each system asked the same requests, in `rounds` slices taken in turn (the order
    rotating from slice to slice), so that all of them meet the same server: Neo4j's JIT
    keeps speeding up for minutes, and whichever system was timed last in a block of its own
    was timed on a faster server (docs/performance.md, "Interleaved")."""
    rnd = random.Random(seed)
    plan = [pick(rnd) for _ in range(requests)]
    size = -(-len(plan) // rounds)
    names = list(calls)
    found = {name: _Timed() for name in names}
    for turn in range(rounds):
        part = plan[turn * size:(turn + 1) * size]
        for name in [*names[turn % len(names):], *names[:turn % len(names)]]:
            await _timed(calls[name], part, concurrency, seconds / rounds, found[name])
    return {name: timed.sample() for name, timed in found.items()}


async def warm(call: Call, pick: Pick, times: int, seconds: float = 20.0) -> list[str]:
    """Let caches, plans and JITs settle before timing; return the errors met on the way
    (a cold plan on a busy machine can outlast a transaction timeout once). At least one
    request, then at most `times` or `seconds`."""
    rnd = random.Random(99)
    errors = []
    deadline = time.perf_counter() + seconds
    for i in range(times):
        if i and time.perf_counter() > deadline:
            break
        workload, params = pick(rnd)
        try:
            await call(workload, params)
        except Exception as exc:  # reported by the caller; the timed runs count their own
            errors.append(f"{type(exc).__name__}: {exc}"[:400])
    return errors
