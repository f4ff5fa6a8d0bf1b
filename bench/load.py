"""Load a scale into its own benchmark Neo4j by the fastest safe path: the bulk importer.

Measured first on this machine: streaming the rows through batched `UNWIND $rows … CREATE`
transactions reached about 700 graph elements/s (2 cores shared with other work), which puts
the province scale at hours. `neo4j-admin database import full` writes the store files
directly from CSV instead, in one pass, into an empty database; it rejects a duplicate or
dangling ID, and the hub's migrations then build every unique constraint over the imported
data, so a violation would stop the load. The generator streams township by township into
the CSV files (progress in rows/s), then the importer runs, then the server starts.

A marker node records scale, generator version and load time, so a rerun skips the load.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import csvout, synth
from hub.graph.db import Database
from hub.graph.localdb import ADMIN_TOOL, LocalNeo4j
from hub.graph.migrate import migrate


@dataclass(frozen=True)
class LoadReport:
    scale: str
    townships: int
    nodes: int
    relationships: int
    seconds: float
    generate_seconds: float
    import_seconds: float
    index_seconds: float
    loaded_now: bool

    @property
    def elements(self) -> int:
        return self.nodes + self.relationships


async def marker(db: Database) -> dict[str, object]:
    rows = await db.read("bench.marker")
    return rows[0] if rows and rows[0].get("complete") else {}


def generate(folder: Path, scale: synth.Scale, say: Callable[[str], None]) -> int:
    """Write the scale's CSV files; return the number of graph elements written."""
    started = time.monotonic()
    with csvout.CsvSet(folder) as out:
        csvout.write_top(out, scale)
        for number, town in enumerate(synth.townships(scale), 1):
            csvout.write_township(out, town)
            done = out.nodes + out.relationships
            rate = done / (time.monotonic() - started)
            say(f"\r  {scale.name}: generated township {number}/{scale.townships}, "
                f"{done:,} elements ({rate:,.0f} elements/s)")
    say("\n")
    return out.nodes + out.relationships


def bulk_import(srv: LocalNeo4j, folder: Path, say: Callable[[str], None]) -> None:
    """Run the offline importer into the (stopped) server's `neo4j` database."""
    # The server's config and password must exist before its first start, as `start` makes.
    srv._write_conf()
    srv._set_initial_password()
    cmd = ["java", "-Xmx2g", "-cp", f"{srv.lib_dir}/*", ADMIN_TOOL, "database", "import",
           "full", "neo4j", "--overwrite-destination=true", "--high-parallel-io=on",
           *csvout.CsvSet(folder).args()]
    env = srv._env()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"neo4j-admin import failed:\n{proc.stdout[-3000:]}\n"
                           f"{proc.stderr[-3000:]}")
    for line in proc.stdout.splitlines():
        if line.startswith(("IMPORT DONE", "Imported:")) or "nodes" in line.lower()[:12]:
            say(f"  {line.strip()}\n")


async def finish(db: Database, scale: synth.Scale, timings: tuple[float, float, float],
                 ) -> LoadReport:
    """Constraints and indexes (the hub's migrations), the marker, the counts."""
    started = time.monotonic()
    await migrate(db)
    index_seconds = time.monotonic() - started
    gen, imp, _ = timings
    total = gen + imp + index_seconds
    await db.write("bench.set_marker", scale=scale.name, version=synth.GENERATOR_VERSION,
                   townships=scale.townships, complete=True, loadSeconds=total,
                   generateSeconds=gen, importSeconds=imp, indexSeconds=index_seconds)
    return await report(db, scale, loaded_now=True)


async def report(db: Database, scale: synth.Scale, loaded_now: bool) -> LoadReport:
    mark = (await db.read("bench.marker"))[0]
    counts = (await db.read("bench.counts", timeout=600.0))[0]
    return LoadReport(scale.name, scale.townships, int(counts["nodes"]),
                      int(counts["relationships"]), float(mark["loadSeconds"]),
                      float(mark["generateSeconds"]), float(mark["importSeconds"]),
                      float(mark["indexSeconds"]), loaded_now)


def prepare(srv: LocalNeo4j, scale: synth.Scale, say: Callable[[str], None]
            ) -> tuple[float, float]:
    """Generate and bulk-import `scale` into the stopped server; seconds for each step."""
    folder = srv.home / "csv"
    started = time.monotonic()
    generate(folder, scale, say)
    generated = time.monotonic()
    say(f"  {scale.name}: neo4j-admin database import …\n")
    bulk_import(srv, folder, say)
    imported = time.monotonic()
    shutil.rmtree(folder, ignore_errors=True)
    return generated - started, imported - generated


def progress(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()
