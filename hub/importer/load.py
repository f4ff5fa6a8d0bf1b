"""Import a county's data: read and check everything, then stage and publish it.

Nothing is written unless every row of every file passes; then the rows are staged batch by
batch and published in one step (hub/importer/write.py), so readers see the import whole or
not at all. Every write is a MERGE, so importing the same data again creates nothing; each
kind's Cypher says, per batch, how many rows it created, updated or left unchanged
(hub/importer/summary.py). An interrupted import's leftovers are cleaned by the next import
(hub/importer/stage.py).
"""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import neo4j

from hub import audit
from hub.db import Database, Row, Tx
from hub.importer.cells import convert, normal
from hub.importer.checks import Located, duplicates, references, wanted
from hub.importer.ids import load_key
from hub.importer.problems import ImportRejected, ImportTooLarge, Problem
from hub.importer.read import read
from hub.importer.registry import KINDS
from hub.importer.stage import running
from hub.importer.structure import parents_first, placed, structure
from hub.importer.summary import Summary
from hub.importer.write import After, Before, write
from hub.principal import Principal, Role
from hub.progress import Tick, quiet

Progress = Callable[[str], None]


@dataclass
class Checked:
    """Every row of an import, typed and checked, and which of its codes the graph holds."""

    rows: list[Located]
    existing: set[str]


@dataclass
class _Typed:
    rows: list[Located]
    problems: list[Problem]
    refused: dict[str, str]
    batch: dict[str, Located]
    codes: list[str]
    placed: list[str]


def _type(path: Path, key: bytes, tick: Tick) -> _Typed:
    """Read and type every row, and check what needs no graph; CPU work, run in a thread."""
    raw, problems = read(path, lambda done, total: tick("check", done, total))
    rows: list[Located] = []
    refused: dict[str, str] = {}
    for kind in KINDS:
        for item in raw.pop(kind.name, []):
            values = convert(kind, item, key, problems)
            if values is not None:
                rows.append(Located(kind, item.file, item.line, dict(values)))
            elif kind.label is not None and item.cells.get("code"):
                # Already reported: do not report every row that refers to it as well.
                code = normal(kind.column("code"), item.cells["code"])
                refused[code] = refused[code.upper()] = kind.label
    batch = duplicates(rows, problems)
    return _Typed(rows, problems, refused, batch, sorted(wanted(rows, batch)), placed(rows))


def _across(typed: _Typed, graph: dict[str, set[str]], kinds: dict[str, str],
            links: list[Row]) -> None:
    """The checks against the graph; CPU work, run in a thread."""
    for code, label in typed.refused.items():
        graph.setdefault(code, {label})
    references(typed.rows, typed.batch, graph, typed.problems, kinds)
    structure(typed.rows, links, typed.problems)


async def check(db: Database, path: Path, key: bytes, tick: Tick = quiet) -> Checked:
    """Every row of the import, typed; ImportRejected listing all problems if any.

    Reading, typing and the checks run in a worker thread, so the hub's event loop keeps
    answering other requests while a large file is checked.
    """
    typed = await asyncio.to_thread(_type, path, key, tick)
    found = (await db.read("import.known", timeout=300.0, codes=typed.codes)
             if typed.codes else [])
    graph = {str(r["code"]): set(r["labels"]) for r in found}
    kinds = {str(r["code"]): str(r["kind"]) for r in found if r["kind"] is not None}
    existing = set(graph)
    links = (await db.read("import.parents", timeout=300.0, codes=typed.placed)
             if typed.placed else [])
    await asyncio.to_thread(_across, typed, graph, kinds, links)
    if typed.problems:
        raise ImportRejected(problems=typed.problems)
    return Checked(parents_first(typed.rows), existing)


def by_kind_of(rows: list[Located]) -> dict[str, list[dict[str, object]]]:
    """Checked rows grouped by kind, each as the values its Cypher file receives."""
    grouped: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        grouped.setdefault(row.kind.name, []).append(row.values)
    return grouped


async def import_path(db: Database, path: Path, progress: Progress | None = None,
                      key: bytes | None = None, timeout: float = 1800.0,
                      who: Principal | None = None, tick: Tick = quiet,
                      before: Before | None = None, after: After | None = None,
                      details: dict[str, object] | None = None) -> Summary:
    """Check, stage, then publish the CSV folder or workbook at `path`; the summary per kind.

    `progress` hears the stages and the summary as lines, `tick` files read and rows
    written (hub/progress.py). `who` is recorded in the audit trail; the command line
    imports as the county role, named after the operating-system user who ran it. `before`
    and `after` run in the publish transaction (hub/upload.py checks the jurisdiction there);
    `details` go into the audit entry.
    """
    summary, _entry = await import_staged(db, path, progress, key, timeout, who, tick,
                                          before, after, details)
    return summary


async def import_staged(db: Database, path: Path, progress: Progress | None = None,
                        key: bytes | None = None, timeout: float = 1800.0,
                        who: Principal | None = None, tick: Tick = quiet,
                        before: Before | None = None, after: After | None = None,
                        details: dict[str, object] | None = None) -> tuple[Summary, str]:
    """`import_path`, answering the audit entry's id too."""
    say = progress or (lambda _line: None)
    author = who or Principal(f"cli:{getpass.getuser()}", Role.COUNTY)
    secret = load_key() if key is None else key
    async with running(db, author.subject, timeout) as run:
        say(f"检查 / checking {path} …")
        checked = await check(db, path, secret, tick)
        rows = checked.rows
        say(f"写入 / writing {len(rows)} 行/rows: 分批暂存，一次发布 / staged in batches, "
            f"published at once …")

        async def entry(tx: Tx, summary: Summary) -> str:
            return await audit.record(tx, author, "import", audit.touched(rows), None,
                                      {**(details or {"path": path.name}),
                                       "kinds": summary.as_json(), "summary": summary.lines()})

        try:
            summary, entry_id = await write(db, run, rows, checked.existing, entry, tick,
                                            timeout, before, after)
        except neo4j.exceptions.TransientError as exc:
            if "MemoryPoolOutOfMemory" not in (exc.code or ""):
                raise
            raise ImportTooLarge(rows=len(rows)) from exc
    for line in summary.lines():
        say(line)
    return summary, entry_id
