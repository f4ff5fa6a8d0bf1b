"""`POST /import`: the importer behind the auth gate, for the web side.

The body is an .xlsx workbook (the same one `hub import` reads). The county role imports
anything; a township clerk only rows inside its own township: before the rows are written, records
already in the graph must lie in `$scope` through links open today
(`cypher/upload/held_elsewhere.cypher`); after, in the same transaction, every record must
lie in it (`cypher/upload/outside_scope.cypher`). Any row outside rolls the whole import back
and is reported. The
answer is the summary per kind (rows created, updated, unchanged, closed; the same counts go
into the audit entry, written in the import's own transaction), or every problem, as JSON in
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

from hub import audit
from hub.db import Database, Tx
from hub.gate import principal_of
from hub.importer.checks import Located
from hub.importer.full import close_missing
from hub.importer.guard import check_workbook
from hub.importer.ids import load_key
from hub.importer.load import by_kind_of, check, write_rows
from hub.importer.problems import ImportRejected, ImportTooLarge, Problem
from hub.importer.summary import Summary
from hub.principal import Principal, Role
from hub.progress import Tick, quiet

# Records every township shares with the county: a row may name them, not be them.
COUNTY_WIDE = {"County", "Department", "Instructor", "Brand", "Product", "Campaign"}


class OutsideJurisdiction(Exception):
    """Raised inside the transaction so that it rolls back; carries the refused rows."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} rows outside the jurisdiction")
        self.problems = problems


def placed_codes(rows: list[Located]) -> dict[str, Located]:
    """Codes whose place decides whether a row is inside a township: the rows' own codes and
    the records they refer to, except the county-wide ones."""
    found: dict[str, Located] = {}
    for row in rows:
        for col in row.kind.columns:
            value = row.values.get(col.key)
            if value is None or not (col.key == "code" or col.ref):
                continue
            if col.ref and set(col.ref) <= COUNTY_WIDE:
                continue
            found.setdefault(str(value), row)
    return found


async def upload(db: Database, who: Principal, path: Path, timeout: float,
                 full_on: date | None = None, tick: Tick = quiet) -> tuple[Summary, str]:
    """Check, write, check the jurisdiction, audit: one transaction. With `full_on`, also
    close what the file no longer lists (hub/importer/full.py) on that day.
    (summary, with what was closed per kind; audit id)."""
    rows = await check(db, path, load_key(), tick)
    by_kind = by_kind_of(rows)
    codes = placed_codes(rows)

    async def outside(query: str, tx: Tx, scope: str) -> set[str]:
        return {str(r["code"]) for r in await tx.run(query, codes=sorted(codes), scope=scope)}

    async def work(tx: Tx) -> tuple[Summary, str]:
        # Before writing: what the township holds today; after: where the rows put things.
        # Both are reported together; raising rolls the writes back.
        held = set() if who.scope is None else await outside("upload.held_elsewhere", tx,
                                                                who.scope)
        summary = await write_rows(tx, by_kind, tick)
        if who.scope is not None:
            found = held | await outside("upload.outside_scope", tx, who.scope)
            if found:
                raise OutsideJurisdiction([_outside(codes[c], c) for c in sorted(found)])
        if full_on is not None:
            summary.close(await close_missing(tx, by_kind, full_on))
        entry = await audit.record(tx, who, "import", sorted(codes)[:1000], None,
                                   {"kinds": summary.as_json(), "summary": summary.lines()})
        return summary, entry

    return await db.in_write_tx(work, timeout=timeout)


def _outside(row: Located, code: str) -> Problem:
    return Problem(row.file, row.line, None, code,
                   "不在您的管辖范围内（或编码不存在）/ outside your jurisdiction (or unknown)")


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
        # To disk as it arrives (hub/fairshare.py has bounded its size): the body is never
        # whole in memory, so a refused upload leaves none behind.
        with path.open("wb") as out:
            async for chunk in request.stream():
                out.write(chunk)
        try:
            await asyncio.to_thread(check_workbook, path, shared.settings.fair.max_unzipped_bytes)
            summary, entry = await upload(db, who, path, timeout=1800.0,
                                          full_on=date.today() if full else None)
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
