"""Import a county's data: read and check everything, then stage and publish it.

Nothing is published unless every row of every file passes (hub/importer/check.py, run in a
worker process: hub/importer/worker.py); the rows are staged batch by batch as they pass and
published in one step (hub/importer/write.py), so readers see the import whole or not at
all. Every
write is a MERGE, so importing the same data again creates nothing; each kind's Cypher
says, per batch, how many rows it created, updated or left unchanged
(hub/importer/summary.py). An interrupted import's leftovers are cleaned by the next import
(hub/importer/stage.py).
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

import neo4j

from hub.core.principal import Principal, Role
from hub.core.progress import Tick, quiet
from hub.files.problems import ImportTooLarge
from hub.graph.db import Database, Tx
from hub.importer import audit
from hub.importer.checks import Located
from hub.importer.ids import load_key
from hub.importer.stage import running
from hub.importer.summary import Summary
from hub.importer.write import After, Before, write

Progress = Callable[[str], None]


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
    written (hub/core/progress.py). `who` is recorded in the audit trail; the command line
    imports as the county role, named after the operating-system user who ran it. `before`
    and `after` run in the publish transaction (hub/http/upload.py checks the jurisdiction there);
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
        say(f"检查并暂存 / checking and staging {path} …")

        async def entry(tx: Tx, summary: Summary, codes: list[str]) -> str:
            # `run` is the `importId` the records this import creates keep (docs/model.md).
            return await audit.record(tx, author, "import", codes, None,
                                      {**(details or {"path": path.name}), "run": run.id,
                                       "kinds": summary.as_json(), "summary": summary.lines()})

        try:
            summary, entry_id = await write(db, run, path, secret, entry, tick, timeout,
                                            before, after)
        except neo4j.exceptions.TransientError as exc:
            if "MemoryPoolOutOfMemory" not in (exc.code or ""):
                raise
            raise ImportTooLarge(rows="?") from exc
    for line in summary.lines():
        say(line)
    return summary, entry_id
