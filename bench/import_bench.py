"""Import benchmark: the hub's importer against a plain `UNWIND … MERGE` load of the same rows.

    .venv/bin/python -m bench.import_bench                       # 300,000 households, heap 1g
    .venv/bin/python -m bench.import_bench --households 60000    # a quicker look
    .venv/bin/python -m bench.import_bench --rounds 3            # the median of three

Generates a county (`seeds/generate.py`), then in one run, each phase on a scratch Neo4j of
its own with an empty store (a temporary folder; ports 17887/17874 or `--bolt-port`/
`--http-port`; the default heap 1g). Every timed part starts after one typing pass over the
county on its server (the plain load's own, untimed; for the importer's phases the same pass
run first, `typing_pass`), so each starts on a JVM warmed the same way:

  importer  `hub.importer.import_path` (what `hub import` and `POST /import` run): read,
            check every row (in its worker process) while staging the checked ones batch by
            batch, publish in one step; the same cheap query runs meanwhile on the same
            event loop, so its p95
            shows whether the import holds the loop or the database; then the peak resident
            memory of the importing process and of its checking worker;
  idle      the same cheap query for a minute on the idle database the import left;
  importer alone
            the same import with nothing beside it: the speed the ratio takes, since the
            plain load it is set against runs alone too;
  plain     the same typed rows written with no checks, batch by batch in their own
            transactions: `cypher/bench/plain_merge_<kind>.cypher` for the two kinds that
            grow with the county (households, member links), the import's Cypher for the
            rest (a tenth of the rows);
  plain with the cheap query
            the plain load again, with the cheap query running beside it, then idle: what a
            write stream at full speed does to a read by itself, with no import around it
            (its rows/s are set against the importer's beside the same query, as a second
            ratio);

and prints rows per second for both, their ratio, the importer's peak RSS and the p95s.
Not a test: numbers depend on the box (and on what else runs on it).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import neo4j

from hub.core.errors import HubError
from hub.core.progress import Bar
from hub.core.settings import PROJECT_ROOT
from hub.files.registry import BY_NAME, KINDS
from hub.graph.cypher import Queries
from hub.graph.db import Database, Target
from hub.graph.localdb import LocalNeo4j
from hub.graph.migrate import migrate
from hub.http.app import QUIET
from hub.importer import import_path
from hub.importer.check import check
from hub.importer.ids import load_key

PLAIN = ("households", "member_links")
PLAIN_RUN = "plain"
BATCH = 10_000
CHEAP_UNIT = "XC-T01-C01-G02"
IDLE_SECONDS = 60.0
QUIET_BUSY = 0.1  # of all cores, for three seconds in a row
QUIET_AT_MOST = 120.0


async def plain(db: Database, folder: Path, during: list[float] | None = None
                ) -> tuple[int, float, float]:
    """(rows, seconds to type the rows, seconds to write them) for the plain load; with
    `during`, the cheap query runs beside the writes and its latencies go there."""
    started = time.perf_counter()
    rows, _existing = await check(db, folder, load_key())
    typed = time.perf_counter() - started
    by_kind: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        by_kind.setdefault(row.kind.name, []).append(row.values)
    stop = asyncio.Event()
    reading = asyncio.create_task(cheap(db, stop, during)) if during is not None else None
    started = time.perf_counter()
    # The import's Cypher writes new records staged: the kinds it writes here (a tenth of the
    # rows) are published in one step before the plain queries, which match kind labels.
    for kind in [k for k in KINDS if k.name not in PLAIN] + [BY_NAME[n] for n in PLAIN]:
        items = by_kind.get(kind.name, [])
        query = f"bench.plain_merge_{kind.name}" if kind.name in PLAIN else kind.query
        own = {"run": PLAIN_RUN} if kind.label is not None and kind.name not in PLAIN else {}
        if kind.name == PLAIN[0]:
            await db.write("stage.publish", timeout=600.0, id=PLAIN_RUN)
        for start in range(0, len(items), BATCH):
            await db.write(query, timeout=600.0, rows=items[start:start + BATCH], **own)
    wrote = time.perf_counter() - started
    if reading is not None:
        stop.set()
        await reading
    return len(rows), typed, wrote


async def cheap(db: Database, stop: asyncio.Event, took: list[float],
                at: list[float] | None = None) -> None:
    """The cheap query, over and over until `stop`: one unit by code, as the hub answers it.
    `took` gets each latency, `at` (if given) each start time."""
    while not stop.is_set():
        started = time.perf_counter()
        await db.read("units.by_code", codes=[CHEAP_UNIT], scope=None, asOf=date.today())
        took.append(time.perf_counter() - started)
        if at is not None:
            at.append(started)
        await asyncio.sleep(0.05)


def _busy_ticks() -> tuple[int, int]:
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


async def quiet_machine() -> None:
    """Wait (two minutes at most) until the cores are nearly idle for three seconds in a
    row: Neo4j compiles, collects and flushes for a while after a large import."""
    deadline = time.monotonic() + QUIET_AT_MOST
    calm = 0
    while calm < 3 and time.monotonic() < deadline:
        busy, total = _busy_ticks()
        await asyncio.sleep(1.0)
        busy_after, total_after = _busy_ticks()
        calm = calm + 1 if busy_after - busy <= QUIET_BUSY * (total_after - total) else 0


def descendants(pid: int) -> list[int]:
    """The processes below `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        below = [child for child, parent in parents.items() if parent == here]
        found.extend(below)
        todo.extend(below)
    return found


def _peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _forked(pid: int) -> bool:
    try:
        return b"multiprocessing.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


async def worker_peak(stop: asyncio.Event, peak: list[int]) -> None:
    """The highest peak resident memory (VmHWM) of the import's checking worker (and of the
    forkserver it is forked from; not of Neo4j, also a child here), sampled every two
    seconds until `stop`."""
    me = os.getpid()
    while not stop.is_set():
        for pid in descendants(me):
            if _forked(pid):
                peak[0] = max(peak[0], _peak_kib(pid))
        await asyncio.sleep(2.0)


def p95(took: list[float]) -> float:
    return statistics.quantiles(took, n=20)[-1] if len(took) > 1 else float("nan")


async def connected(server: LocalNeo4j) -> Database:
    return await connect(server.uri, server.password(), server.target())


async def connect(uri: str, password: str, target: Target | None = None) -> Database:
    """The database at `uri`, migrated; the caller closes its driver."""
    driver = neo4j.AsyncGraphDatabase.driver(uri, auth=("neo4j", password),
                                             notifications_min_severity=QUIET)
    db = Database(driver, "neo4j", Queries(), 600.0, target)
    await migrate(db)
    return db


async def importer_phase(server: LocalNeo4j, folder: Path) -> dict[str, float]:
    """The importer with the cheap query running meanwhile, then the cheap query alone."""
    # The peak so far is the generator's and an earlier round's: start over.
    Path("/proc/self/clear_refs").write_text("5")
    db = await connected(server)
    try:
        during: list[float] = []
        at: list[float] = []
        stop = asyncio.Event()
        waiting = asyncio.create_task(cheap(db, stop, during, at))
        peak = [0]
        sampling = asyncio.create_task(worker_peak(stop, peak))
        started = time.perf_counter()
        bar = Bar()
        # When each batch was written: the first marks the end of scanning the files, the
        # last the publish (its deferred rows), the one before it the end of staging.
        wrote: list[float] = []

        def tick(stage: str, done: int, total: int) -> None:
            if stage == "write":
                wrote.append(time.perf_counter())
            bar(stage, done, total)

        try:
            summary = await import_path(db, folder, timeout=3600.0, tick=tick,
                                        progress=lambda line: print("  " + line, flush=True))
            # Here, not after the sampler's last two-second sleep below.
            took = time.perf_counter() - started
        finally:
            bar.close()
            stop.set()
            await waiting
            await sampling
        rss = _peak_kib(os.getpid()) / 1024
        worker = peak[0] / 1024
        print(f"importer: {summary.rows} rows in {took:.1f} s "
              f"({summary.rows / took:,.0f} rows/s, checks, staging and publishing included); "
              f"peak RSS {rss:,.0f} MiB importing process, {worker:,.0f} MiB checking worker; "
              f"cheap query p95 {p95(during) * 1000:,.1f} ms ({len(during)} runs)", flush=True)
        phases: dict[str, float] = {}
        if len(wrote) >= 2:
            staged = wrote[-2]
            checking = [t for t, s in zip(during, at, strict=True) if s < staged]
            publishing = [t for t, s in zip(during, at, strict=True) if s >= staged]
            phases = {"staging_p95_ms": p95(checking) * 1000,
                      "publish_p95_ms": p95(publishing) * 1000,
                      "publish_share": len(publishing) / len(during)}
            print(f"          scanning the files {wrote[0] - started:.0f} s, then checking and "
                  f"staging together {staged - wrote[0]:.0f} s: p95 "
                  f"{phases['staging_p95_ms']:,.1f} ms ({len(checking)} runs); publishing "
                  f"{started + took - staged:.0f} s: p95 {phases['publish_p95_ms']:,.1f} ms "
                  f"({len(publishing)} runs)", flush=True)
        # Idle: the same query on the same (now full) database with nothing else running,
        # once Neo4j is done with what the import left it (else "idle" includes its work).
        idle, runs = await idle_p95(db)
        print(f"idle:     cheap query p95 {idle:,.1f} ms ({runs} runs)", flush=True)
        return {"importer_rps": summary.rows / took, "importer_rss_mib": rss,
                "worker_rss_mib": worker,
                "idle_p95_ms": idle, "import_p95_ms": p95(during) * 1000,
                "idle_n": float(runs), "import_n": float(len(during)), **phases}
    finally:
        await db.driver.close()


async def importer_alone_phase(server: LocalNeo4j, folder: Path) -> dict[str, float]:
    """The importer with nothing beside it: the ratio's speed, like for like with the
    plain load, which runs alone too."""
    db = await connected(server)
    try:
        bar = Bar()
        started = time.perf_counter()
        try:
            summary = await import_path(db, folder, timeout=3600.0, tick=bar)
            took = time.perf_counter() - started
        finally:
            bar.close()
        print(f"importer alone: {summary.rows} rows in {took:.1f} s "
              f"({summary.rows / took:,.0f} rows/s)", flush=True)
        return {"importer_alone_rps": summary.rows / took}
    finally:
        await db.driver.close()


async def plain_phase(server: LocalNeo4j, folder: Path) -> dict[str, float]:
    db = await connected(server)
    try:
        rows, typed, wrote = await plain(db, folder)
        print(f"plain:    {rows} rows written in {wrote:.1f} s ({rows / wrote:,.0f} rows/s); "
              f"typing them took {typed:.1f} s", flush=True)
        return {"rows": float(rows), "plain_rps": rows / wrote,
                "plain_typed_rps": rows / (wrote + typed)}
    finally:
        await db.driver.close()


async def idle_p95(db: Database) -> tuple[float, int]:
    """The cheap query's p95 (ms) on the idle database, once the cores are quiet; and its
    number of runs."""
    await quiet_machine()
    idle: list[float] = []
    stop = asyncio.Event()
    waiting = asyncio.create_task(cheap(db, stop, idle))
    await asyncio.sleep(IDLE_SECONDS)
    stop.set()
    await waiting
    return p95(idle) * 1000, len(idle)


async def plain_read_phase(server: LocalNeo4j, folder: Path) -> dict[str, float]:
    db = await connected(server)
    try:
        during: list[float] = []
        rows, _typed, wrote = await plain(db, folder, during)
        idle, runs = await idle_p95(db)
        print(f"plain with the cheap query: {rows / wrote:,.0f} rows/s; cheap query p95 "
              f"{p95(during) * 1000:,.1f} ms during ({len(during)} runs), {idle:,.1f} ms idle "
              f"({runs} runs)", flush=True)
        return {"plain_p95_ms": p95(during) * 1000, "plain_idle_p95_ms": idle,
                "plain_read_rps": rows / wrote}
    finally:
        await db.driver.close()


Phase = Callable[[LocalNeo4j, Path], Coroutine[Any, Any, dict[str, float]]]


def on_fresh_server(phase: Phase, home: Path, args: argparse.Namespace,
                    folder: Path, warm: bool = False) -> dict[str, float]:
    """Run `phase` on a Neo4j of its own with an empty store (emptying a 600,000-row graph
    with the 1 GiB heap in batches is itself refused for memory), then stop it. With `warm`,
    the plain load's typing pass runs on it first (`typing_pass`)."""
    server = LocalNeo4j(home=home, bolt_port=args.bolt_port, http_port=args.http_port,
                        heap=args.heap, pagecache="512m")
    server.start()
    try:
        if warm:
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")
                                     ) as pool:
                pool.submit(typing_pass, server.uri, server.password(), folder).result()
        return asyncio.run(phase(server, folder))
    finally:
        server.stop()


def typing_pass(uri: str, password: str, folder: Path) -> None:
    """The plain load's typing pass, untimed, on an importer's fresh server: every row read,
    typed and its codes looked up in the graph (`check`). The plain load's writes are timed
    after that pass, on a JVM it has warmed; without it the importer's timed run would start
    colder (its reads, planning and JIT compiling all inside the time). In a process of its
    own, so that its rows do not count in the importing process's memory."""

    async def run() -> None:
        db = await connect(uri, password)
        try:
            await check(db, folder, load_key())
        finally:
            await db.driver.close()

    asyncio.run(run())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="导入基准 / import benchmark")
    parser.add_argument("--households", type=int, default=300_000)
    parser.add_argument("--heap", default="1g", help="Neo4j heap (the local default is 1g)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="importer and plain runs, alternated; the median ratio is given "
                             "(the box's speed drifts between runs)")
    parser.add_argument("--bolt-port", type=int, default=17887)
    parser.add_argument("--http-port", type=int, default=17874)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "county"
        subprocess.run([sys.executable, str(PROJECT_ROOT / "seeds" / "generate.py"),
                        "--households", str(args.households), "--out", str(folder)],
                       check=True)
        rounds: list[dict[str, float]] = []
        try:
            for number in range(1, args.rounds + 1):
                print(f"round {number} of {args.rounds}", flush=True)
                found = on_fresh_server(importer_phase, Path(tmp) / f"neo4j-importer-{number}",
                                        args, folder, warm=True)
                found.update(on_fresh_server(importer_alone_phase,
                                             Path(tmp) / f"neo4j-importer-alone-{number}",
                                             args, folder, warm=True))
                # In a process of its own: the plain load holds every typed row, and memory
                # this process took for it would count as the next round's importer's.
                with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")
                                         ) as pool:
                    found.update(pool.submit(on_fresh_server, plain_phase,
                                             Path(tmp) / f"neo4j-plain-{number}", args,
                                             folder).result())
                    found.update(pool.submit(on_fresh_server, plain_read_phase,
                                             Path(tmp) / f"neo4j-plain-read-{number}", args,
                                             folder).result())
                rounds.append(found)
        except HubError as exc:
            print(exc.message(), file=sys.stderr)
            return 1
    report(args, rounds)
    return 0


def report(args: argparse.Namespace, rounds: list[dict[str, float]]) -> None:
    """Each round's ratios, then the round with the median speed ratio in full."""
    for number, one in enumerate(rounds, 1):
        alone = one["importer_alone_rps"] / one["plain_rps"]
        print(f"round {number}: importer ÷ plain {alone:.2f} "
              f"(each beside the cheap query {one['importer_rps'] / one['plain_read_rps']:.2f}), "
              f"cheap query p95 {one['import_p95_ms'] / one['idle_p95_ms']:.1f}× idle "
              f"(beside plain writes {one['plain_p95_ms'] / one['plain_idle_p95_ms']:.1f}×)")
    found = sorted(rounds, key=lambda one: one["importer_alone_rps"] / one["plain_rps"]
                   )[len(rounds) // 2]
    ratio = found["importer_alone_rps"] / found["plain_rps"]
    print(f"\n{args.households} households, {found['rows']:.0f} rows, Neo4j heap {args.heap}")
    print(f"  importer            {found['importer_alone_rps']:>10,.0f} rows/s (alone)")
    print(f"  plain UNWIND/MERGE  {found['plain_rps']:>10,.0f} rows/s (writes only, alone)")
    print(f"  plain incl. typing  {found['plain_typed_rps']:>10,.0f} rows/s")
    print(f"  importer ÷ plain    {ratio:>10.2f}  (target ≥ 0.8)")
    print(f"  beside the query    {found['importer_rps']:>10,.0f} rows/s importer, "
          f"{found['plain_read_rps']:,.0f} rows/s plain: "
          f"{found['importer_rps'] / found['plain_read_rps']:.2f}")
    print(f"  importer peak RSS   {found['importer_rss_mib']:>10,.0f} MiB (importing process; "
          f"checking worker {found['worker_rss_mib']:,.0f} MiB)")
    print(f"  cheap query p95     {found['idle_p95_ms']:>10,.1f} ms idle "
          f"({found['idle_n']:.0f} runs), {found['import_p95_ms']:,.1f} ms during the import "
          f"({found['import_n']:.0f} runs): "
          f"{found['import_p95_ms'] / found['idle_p95_ms']:.1f}× (target ≤ 3×)")
    if "staging_p95_ms" in found:
        print(f"    of which          {found['staging_p95_ms']:>10,.1f} ms while checking and "
              f"staging ({found['staging_p95_ms'] / found['idle_p95_ms']:.1f}×), "
              f"{found['publish_p95_ms']:,.1f} ms while publishing "
              f"({found['publish_share']:.0%} of the runs)")
    print(f"  beside plain writes {found['plain_idle_p95_ms']:>10,.1f} ms idle, "
          f"{found['plain_p95_ms']:,.1f} ms during the plain load: "
          f"{found['plain_p95_ms'] / found['plain_idle_p95_ms']:.1f}× (no import: the write "
          "stream's own cost to a read)")


if __name__ == "__main__":
    sys.exit(main())
