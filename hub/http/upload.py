"""`POST /import`: the importer behind the auth gate, for the web side.

The body is an .xlsx workbook (the same one `hub import` reads). The county role imports
anything; a township clerk only rows inside its own township: before any check reads the
graph, the rows' records must not belong elsewhere today and what they refer to must exist
inside the township today (hub/http/upload_scope.py), so no refusal describes another township's
records; the same holds again in the publish transaction before anything is shown
(`cypher/upload/held_elsewhere.cypher`); after, in that same transaction (the import is
staged in batches and published in one step, hub/importer/write.py), every record must lie
in the township (`cypher/upload/outside_scope.cypher`). Any row outside rolls the publish
back, the staged rows are deleted, and the rows are reported. The answer is the summary per
kind (rows created, updated, unchanged, closed; the same counts go into the audit entry,
written in the publish transaction), or every problem, as JSON in
Chinese and English. `POST /import?full=1` (county only) also closes the relationships the
file no longer lists (hub/importer/full.py).
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import neo4j
from starlette.requests import Request
from starlette.responses import JSONResponse

from hub.core.principal import Principal, Role
from hub.core.progress import Tick, quiet
from hub.files.guard import check_workbook
from hub.files.problems import ImportRejected, ImportTooLarge, Problem
from hub.graph.db import Database, Tx
from hub.http.gate import principal_of
from hub.http.upload_scope import not_yours, outside, placed_codes
from hub.importer.checks import Located
from hub.importer.full import close_missing
from hub.importer.ids import load_key
from hub.importer.load import by_kind_of, import_staged
from hub.importer.summary import Summary


class OutsideJurisdiction(Exception):
    """Raised inside the transaction so that it rolls back; carries the refused rows."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} rows outside the jurisdiction")
        self.problems = problems


async def upload(db: Database, who: Principal, path: Path, timeout: float, today: date,
                 full_on: date | None = None, tick: Tick = quiet) -> tuple[Summary, str]:
    """Check, stage, then publish with the jurisdiction checks and the audit entry in the
    publish transaction. With `full_on`, also close what the file no longer lists
    (hub/importer/full.py) on that day. (summary, with what was closed per kind; audit id)."""
    if who.scope is not None:
        refused = await not_yours(db, path, load_key(), who.scope, today)
        if refused:
            raise OutsideJurisdiction(refused)
    held: set[str] = set()
    # The codes whose place decides the jurisdiction, gathered once for both checks.
    placed: dict[str, Located] = {}

    async def elsewhere(query: str, tx: Tx, scope: str, **on: date) -> set[str]:
        return {str(r["code"]) for r in await tx.run(query, codes=sorted(placed), scope=scope,
                                                     **on)}

    async def before(tx: Tx, rows: list[Located]) -> None:
        # Before anything is shown: what the township holds today.
        held.clear()
        placed.clear()
        if who.scope is not None:
            placed.update(placed_codes(rows))
            held.update(await elsewhere("upload.held_elsewhere", tx, who.scope, today=today))

    async def after(tx: Tx, rows: list[Located], summary: Summary) -> None:
        # After: where the rows put things. Both are reported together; raising rolls the
        # publish back, and the staged rows are deleted with the run.
        if who.scope is not None:
            found = held | await elsewhere("upload.outside_scope", tx, who.scope)
            if found:
                raise OutsideJurisdiction([outside(placed[c], c) for c in sorted(found)])
        if full_on is not None:
            summary.close(await close_missing(tx, by_kind_of(rows), full_on))

    return await import_staged(db, path, key=load_key(), timeout=timeout, who=who, tick=tick,
                               before=before, after=after, details={"full": full_on is not None})


def problems_json(problems: list[Problem]) -> list[dict[str, Any]]:
    return [{"file": p.file, "row": p.row, "column": p.column, "value": p.value,
             "reason": p.reason} for p in problems]


def refused(problems: list[Problem], status: int = 422) -> JSONResponse:
    return JSONResponse({"message": ImportRejected.zh + " / " + ImportRejected.en,
                         "problems": problems_json(problems)}, status_code=status)


async def import_endpoint(request: Request) -> JSONResponse:
    who = principal_of(request)
    if who.role not in (Role.COUNTY, Role.TOWNSHIP):
        return JSONResponse({"message": "仅县级或乡镇可导入数据 / only the county or a township "
                                        "may import"}, status_code=403)
    full = request.query_params.get("full") in ("1", "true")
    if full and who.role is not Role.COUNTY:
        # A full import closes what it does not list, reaching past any one township.
        return JSONResponse({"message": "仅县级可全量导入 / only the county may import in full"},
                            status_code=403)
    shared = request.app.state.shared
    db: Database = shared.db
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.xlsx"
        # To disk as it arrives (hub/http/fairshare.py has bounded its size): the body is never
        # whole in memory, so a refused upload leaves none behind.
        with path.open("wb") as out:
            async for chunk in request.stream():
                out.write(chunk)
        try:
            await asyncio.to_thread(check_workbook, path, shared.settings.fair.max_unzipped_bytes)
            today = shared.settings.today()
            summary, entry = await upload(db, who, path, 1800.0, today,
                                          full_on=today if full else None)
        except ImportRejected as exc:
            return refused(exc.problems)
        except OutsideJurisdiction as exc:
            return refused(exc.problems, 403)
        except neo4j.exceptions.TransientError as exc:
            if "MemoryPoolOutOfMemory" not in (exc.code or ""):
                raise
            too_large = ImportTooLarge(rows="?")
            return JSONResponse({"message": too_large.message()}, status_code=413)
    return JSONResponse({
        "message": "导入完成 / imported", "auditId": entry, "rows": summary.rows,
        **summary.counts(), "summary": summary.lines(), "kinds": summary.as_json()})
