"""Import a county's data: read, check everything, then write it all in one transaction.

Nothing is written unless every row of every file passes; then every kind is written in
registry order inside one `Database.in_write_tx`, so the import lands whole or not at all.
Every write is a MERGE, so importing the same data again creates nothing; each kind's Cypher
says, per batch, how many rows it created, updated or left unchanged (hub/importer/summary.py).
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Callable
from pathlib import Path

import neo4j

from hub import audit
from hub.db import Database, Tx
from hub.importer.cells import convert
from hub.importer.checks import Located, duplicates, references, wanted
from hub.importer.ids import load_key
from hub.importer.problems import ImportRejected, ImportTooLarge, Problem
from hub.importer.read import read
from hub.importer.registry import KINDS
from hub.importer.structure import placed, structure
from hub.importer.summary import KindSummary, Summary
from hub.principal import Principal, Role
from hub.progress import Tick, quiet

BATCH = 5000
Progress = Callable[[str], None]


def _typed(path: Path, key: bytes, tick: Tick
           ) -> tuple[bool, list[Located], dict[str, str], list[Problem]]:
    """Read and type every row: (anything read, rows, codes refused by kind, problems)."""
    raw, problems = read(path, lambda done, total: tick("check", done, total))
    rows: list[Located] = []
    refused: dict[str, str] = {}
    for kind in KINDS:
        for item in raw.get(kind.name, []):
            values = convert(kind, item, key, problems)
            if values is not None:
                rows.append(Located(kind, item.file, item.line, dict(values)))
            elif kind.label is not None and item.cells.get("code"):
                # Already reported: do not report every row that refers to it as well.
                code = item.cells["code"]
                refused[code] = refused[code.upper()] = kind.label
    return bool(raw), rows, refused, problems


async def check(db: Database, path: Path, key: bytes, tick: Tick = quiet) -> list[Located]:
    """Every row of the import, typed; ImportRejected listing all problems if any.

    Reading and typing a county's rows is seconds of CPU: it runs in a worker thread, so the
    hub keeps answering other callers meanwhile."""
    anything, rows, refused, problems = await asyncio.to_thread(_typed, path, key, tick)
    batch = duplicates(rows, problems)
    codes = sorted(wanted(rows, batch))
    found = await db.read("import.known", timeout=300.0, codes=codes) if codes else []
    graph = {str(r["code"]): set(r["labels"]) for r in found}
    for code, label in refused.items():
        graph.setdefault(code, {label})
    references(rows, batch, graph, problems)
    placed_codes = placed(rows)
    links = (await db.read("import.parents", timeout=300.0, codes=placed_codes)
             if placed_codes else [])
    structure(rows, links, problems)
    if not anything and not problems:
        problems.append(Problem(str(path), None, None, None,
                                "没有可导入的文件 / no file of a known kind found"))
    if problems:
        raise ImportRejected(problems=problems)
    return rows


def by_kind_of(rows: list[Located]) -> dict[str, list[dict[str, object]]]:
    """Checked rows grouped by kind, each as the values its Cypher file receives."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        grouped.setdefault(row.kind.name, []).append(row.values)
    return grouped


async def write_rows(tx: Tx, by_kind: dict[str, list[dict[str, object]]],
                     tick: Tick = quiet) -> Summary:
    """Write every kind in registry order (parents before children), in batches, in `tx`;
    each batch's Cypher answers one row per status with how many rows ended in it."""
    summary = Summary()
    total = sum(len(items) for items in by_kind.values())
    written = 0
    tick("write", written, total)
    for kind in KINDS:
        items = by_kind.get(kind.name)
        if not items:
            continue
        part = KindSummary(kind.name, kind.zh, rows=len(items))
        for start in range(0, len(items), BATCH):
            batch = items[start:start + BATCH]
            for found in await tx.run(kind.query, rows=batch):
                part.add(str(found["status"]), int(found["count"]))
            written += len(batch)
            tick("write", written, total)
        summary.kinds.append(part)
    return summary


async def import_path(db: Database, path: Path, progress: Progress | None = None,
                      key: bytes | None = None, timeout: float = 1800.0,
                      who: Principal | None = None, tick: Tick = quiet) -> Summary:
    """Check then write the CSV folder or workbook at `path`; the summary per kind.

    `progress` hears the stages and the summary as lines, `tick` files read and rows
    written (hub/progress.py). `who` is recorded in the audit trail; the command line
    imports as the county role, named after the operating-system user who ran it.
    """
    say = progress or (lambda _line: None)
    author = who or Principal(f"cli:{getpass.getuser()}", Role.COUNTY)
    secret = load_key() if key is None else key
    say(f"检查 / checking {path} …")
    rows = await check(db, path, secret, tick)
    by_kind = by_kind_of(rows)
    say(f"写入 / writing {len(rows)} 行/rows in one transaction …")

    async def work(tx: Tx) -> Summary:
        summary = await write_rows(tx, by_kind, tick)
        codes = [str(r.values["code"]) for r in rows if r.values.get("code")]
        await audit.record(tx, author, "import", codes, None,
                           {"path": path.name, "kinds": summary.as_json(),
                            "summary": summary.lines()})
        return summary

    try:
        summary = await db.in_write_tx(work, timeout=timeout)
    except neo4j.exceptions.TransientError as exc:
        if "MemoryPoolOutOfMemory" not in (exc.code or ""):
            raise
        raise ImportTooLarge(rows=len(rows)) from exc
    for line in summary.lines():
        say(line)
    return summary
