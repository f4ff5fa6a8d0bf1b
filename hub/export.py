"""A coverage gap list as an .xlsx workbook with Chinese headers, for the staff who follow
it up: `GET /export/gaps?dimension=…&unit=…&asOf=…` and `hub export-gaps`. A third sheet lists
the cells the unit's records lack (hub/completeness.py), so what cannot be judged can be
filled in.

It runs the coverage engine's own Cypher with the caller's `$scope`, so the workbook holds
exactly the gaps the `coverage` query would list for the same caller, unit and day.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hub import clock
from hub import coverage as engine
from hub.completeness import Missing, missing_cells
from hub.coverage import Dimension
from hub.db import Database
from hub.gate import principal_of
from hub.principal import Principal
from hub.settings import Settings
from hub.xlsx_safe import append_row

HEADERS = ("编码", "名称", "所在单位编码", "所在单位", "原因", "Reason (English)")
MISSING_HEADERS = ("乡镇编码", "乡镇", "记录类型", "kind", "数据项", "cell", "记录数 / records",
                   "缺少 / missing")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class NotFound(Exception):
    """The unit is unknown or outside the caller's jurisdiction."""


async def gaps(db: Database, who: Principal, dimension: Dimension, unit: str,
               as_of: date) -> tuple[engine.Outcome, str, list[Missing]]:
    """The engine's outcome for `unit` as `who` sees it, the unit's name, its missing cells."""
    found = await db.read("units.by_code", codes=[unit], scope=who.scope, asOf=as_of)
    if not found:
        raise NotFound(unit)
    query = engine.query_name(dimension)
    rows = await db.read(query, unit=unit, asOf=as_of, scope=who.scope)
    missing = await missing_cells(db, unit, as_of, who.scope)
    return (engine.tally(found[0]["code"], found[0]["name"], rows), str(found[0]["name"]),
            missing)


def workbook(dimension: Dimension, unit: str, unit_name: str, as_of: date,
             outcome: engine.Outcome, exported: datetime,
             missing: Sequence[Missing] = ()) -> bytes:
    """Sheet 缺口清单: one gap a row; sheet 说明: what was measured, when, the totals;
    sheet 数据缺项: per township, kind and cell, how many records lack it."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    entry = engine.REGISTRY[dimension]
    book = Workbook()
    sheet = book.active
    sheet.title = "缺口清单"
    append_row(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for gap in outcome.gaps:
        append_row(sheet, [gap.get("code"), gap.get("name"), gap.get("child") or unit,
                           gap.get("childName") or unit_name, gap.get("reasonZh"),
                           gap.get("reasonEn")])
    for letter, width in zip("ABCDEF", (22, 26, 20, 24, 40, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    about = book.create_sheet("说明")
    for row in (("覆盖维度 / dimension", dimension.value), ("口径", entry.zh),
                ("definition", entry.en), ("单位 / unit", f"{unit} {unit_name}"),
                ("截至日期 / as of", as_of.isoformat()),
                ("应覆盖 / total", outcome.whole.total),
                ("已覆盖 / covered", outcome.whole.covered),
                ("无法判断 / unknown", outcome.whole.unknown),
                ("缺口 / gaps", len(outcome.gaps)),
                ("导出时间 / exported", exported.isoformat(timespec="seconds"))):
        append_row(about, row)
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 60
    cells = book.create_sheet("数据缺项")
    append_row(cells, MISSING_HEADERS)
    for m in missing:
        append_row(cells, [m.township, m.township_name, m.kind_zh, m.kind, m.cell_zh, m.cell,
                           m.records, m.missing])
    cells.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    book.close()
    return out.getvalue()


def _bad(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"message": message}, status_code=status)


async def export_gaps(request: Request) -> Response:
    who = principal_of(request)
    params = request.query_params
    try:
        dimension = Dimension(params.get("dimension", ""))
    except ValueError:
        names = ", ".join(d.value for d in Dimension)
        return _bad(f"未知的覆盖维度 / unknown dimension; one of: {names}")
    unit = params.get("unit") or ""
    settings: Settings = request.app.state.shared.settings
    try:
        as_of = (date.fromisoformat(params["asOf"]) if params.get("asOf")
                 else settings.today())
    except ValueError:
        return _bad("asOf 应为日期 YYYY-MM-DD / asOf must be a date YYYY-MM-DD")
    db: Database = request.app.state.shared.db
    try:
        outcome, name, missing = await gaps(db, who, dimension, unit, as_of)
    except NotFound:
        return _bad(f"未找到单位 {unit}，或不在您的管辖范围内 / no unit {unit} within your "
                    "jurisdiction", 404)
    body = workbook(dimension, unit, name, as_of, outcome, clock.now(settings.time_zone),
                    missing)
    filename = f"gaps-{dimension.value}-{unit}-{as_of.isoformat()}.xlsx"
    return Response(body, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
