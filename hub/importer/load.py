"""Import a county's data: read, check everything, then write it all in one transaction.

Nothing is written unless every row of every file passes; then every kind is written in
registry order inside one `Database.in_write_tx`, so the import lands whole or not at all.
Every write is a MERGE, so importing the same data again creates nothing.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
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
from hub.principal import Principal, Role

BATCH = 5000
Progress = Callable[[str], None]


@dataclass
class KindSummary:
    kind: str
    zh: str
    rows: int = 0
    nodes_created: int = 0
    relationships_created: int = 0


@dataclass
class Summary:
    kinds: list[KindSummary] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(k.rows for k in self.kinds)

    @property
    def created(self) -> int:
        return sum(k.nodes_created + k.relationships_created for k in self.kinds)

    def lines(self) -> list[str]:
        out = [f"{k.zh} {k.kind}: {k.rows} 行/rows, 新建节点/nodes created {k.nodes_created}, "
               f"新建关系/relationships created {k.relationships_created}" for k in self.kinds]
        out.append(f"合计 / total: {self.rows} 行/rows, 新建/created {self.created}"
                   + ("（无变化 / nothing new）" if self.created == 0 else ""))
        return out


async def check(db: Database, path: Path, key: bytes) -> list[Located]:
    """Every row of the import, typed; ImportRejected listing all problems if any."""
    raw, problems = read(path)
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
    if not raw and not problems:
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


async def write_rows(tx: Tx, by_kind: dict[str, list[dict[str, object]]]) -> Summary:
    """Write every kind in registry order (parents before children), in batches, in `tx`."""
    summary = Summary()
    for kind in KINDS:
        items = by_kind.get(kind.name)
        if not items:
            continue
        part = KindSummary(kind.name, kind.zh, rows=len(items))
        for start in range(0, len(items), BATCH):
            counts = await tx.run_counted(kind.query, rows=items[start:start + BATCH])
            part.nodes_created += counts["nodes"]
            part.relationships_created += counts["relationships"]
        summary.kinds.append(part)
    return summary


async def import_path(db: Database, path: Path, progress: Progress | None = None,
                      key: bytes | None = None, timeout: float = 1800.0,
                      who: Principal | None = None) -> Summary:
    """Check then write the CSV folder or workbook at `path`; the summary per kind.

    `who` is recorded in the audit trail; the command line imports as the county role,
    named after the operating-system user who ran it.
    """
    say = progress or (lambda _line: None)
    author = who or Principal(f"cli:{getpass.getuser()}", Role.COUNTY)
    secret = load_key() if key is None else key
    say(f"检查 / checking {path} …")
    rows = await check(db, path, secret)
    by_kind = by_kind_of(rows)
    say(f"写入 / writing {len(rows)} 行/rows in one transaction …")

    async def work(tx: Tx) -> Summary:
        summary = await write_rows(tx, by_kind)
        codes = [str(r.values["code"]) for r in rows if r.values.get("code")]
        await audit.record(tx, author, "import", codes, None,
                           {"path": path.name, "kinds": {k.kind: k.rows for k in summary.kinds}})
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
