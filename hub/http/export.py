"""A coverage gap list as an .xlsx workbook with Chinese headers, for the staff who follow
it up: `GET /export/gaps?dimension=…&unit=…&asOf=…` and `hub export-gaps`. A third sheet lists
the cells the unit's records lack (hub/query/completeness.py), so what cannot be judged can be
filled in.

Each gap carries where it lies (grid, village or community, township), whom to call (the
head of a household, a grid's workers; names and phones masked by role exactly as GraphQL
masks them), the reason, and empty follow-up columns; the header is frozen and filterable,
and a summary sheet gives the ratio and the per-child breakdown. Every cell is written
through `text()`, so whatever must happen to a cell's text happens in one place.

It runs the coverage engine's own Cypher with the caller's `$scope`, so the workbook holds
exactly the gaps the `coverage` query would list for the same caller, unit and day.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hub.core import clock
from hub.core.principal import Principal
from hub.core.settings import Settings
from hub.files.xlsx_safe import append_row
from hub.graph.db import Database, Row
from hub.http.gate import principal_of
from hub.query import coverage as engine
from hub.query.completeness import Missing, missing_cells
from hub.query.coverage import Dimension
from hub.query.personal import shown_name, shown_phone

HEADERS = ("编码", "名称", "户主/联系人", "联系电话", "网格", "村（社区）", "乡镇", "所在单位",
           "原因", "Reason (English)", "责任人", "整改时限", "完成情况")
# The last three are left empty for the people who follow the list up.
FOLLOW_UP = 3
WIDTHS = (20, 24, 16, 16, 18, 18, 12, 20, 36, 36, 12, 12, 16)
MISSING_HEADERS = ("乡镇编码", "乡镇", "记录类型", "kind", "数据项", "cell", "记录数 / records",
                   "缺少 / missing")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class NotFound(Exception):
    """The unit is unknown or outside the caller's jurisdiction."""


@dataclass(frozen=True)
class GapList:
    """A dimension measured over a unit as `who` sees it, with what is needed to act on it."""

    dimension: Dimension
    unit: str
    unit_name: str
    as_of: date
    outcome: engine.Outcome
    details: dict[str, Row]
    missing: list[Missing]


async def gaps(db: Database, who: Principal, dimension: Dimension, unit: str,
               as_of: date) -> GapList:
    """The engine's outcome for `unit` as `who` sees it, where each gap lies, and the cells
    the unit's records lack."""
    measured = await engine.measure(db, dimension, unit, as_of, who.scope)
    if measured is None:
        raise NotFound(unit)
    outcome = measured.outcome
    details = await db.read("export.gap_details", codes=[g["code"] for g in outcome.gaps],
                            asOf=as_of, scope=who.scope)
    missing = await missing_cells(db, unit, as_of, who.scope)
    return GapList(dimension, unit, str(measured.unit["name"]), as_of, outcome,
                   {str(d["code"]): d for d in details}, missing)


def text(value: object) -> object:
    """Every cell the workbook writes passes here: numbers stay numbers, nothing becomes an
    empty cell, the rest is written as text (kept inert by hub/files/xlsx_safe.py)."""
    if value is None:
        return ""
    return value if isinstance(value, (int, float)) else str(value)


def put(sheet: Any, values: Sequence[object]) -> None:
    append_row(sheet, [text(v) for v in values])


def contacts(who: Principal, detail: Row | None) -> tuple[str, str]:
    """Whom to call, names and phones masked as the caller's role sees them in GraphQL."""
    people = [] if detail is None else list(detail["contacts"])
    names = [shown_name(who, p.get("name")) for p in people]
    phones = [shown_phone(who, p.get("phone")) for p in people]
    return "、".join(n for n in names if n), "、".join(p for p in phones if p)


def ratio(covered: int, total: int) -> str:
    return "—" if total == 0 else f"{100 * covered / total:.1f}%"


def summary(book: Any, found: GapList, exported: datetime) -> None:
    """Sheet 汇总: what was measured, when, the ratio, and the same per child unit."""
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    entry, whole = engine.REGISTRY[found.dimension], found.outcome.whole
    about = book.create_sheet("汇总")
    for row in (("覆盖维度 / dimension", found.dimension.value), ("口径", entry.zh),
                ("definition", entry.en), ("单位 / unit", f"{found.unit} {found.unit_name}"),
                ("截至日期 / as of", found.as_of.isoformat()),
                ("应覆盖 / total", whole.total), ("已覆盖 / covered", whole.covered),
                ("无法判断 / unknown", whole.unknown),
                ("缺口 / gaps", len(found.outcome.gaps)),
                ("覆盖率 / ratio", ratio(whole.covered, whole.total)),
                ("导出时间 / exported", exported.isoformat(timespec="seconds")), ()):
        put(about, row)
    put(about, ["下级单位编码 / child", "下级单位 / name", "应覆盖 / total",
                "已覆盖 / covered", "缺口 / gaps", "覆盖率 / ratio"])
    for cell in about[about.max_row]:
        cell.font = Font(bold=True)
    for child in found.outcome.children:
        put(about, [child.code, child.name, child.total, child.covered,
                    child.total - child.covered, ratio(child.covered, child.total)])
    for letter, width in zip("ABCDEF", (24, 60, 14, 14, 12, 12), strict=True):
        about.column_dimensions[letter].width = width


def workbook(who: Principal, found: GapList, exported: datetime) -> bytes:
    """Sheet 缺口清单: one gap a row, filterable, the header frozen; sheet 汇总; sheet 数据缺项:
    per township, kind and cell, how many records lack it."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    sheet.title = "缺口清单"
    put(sheet, list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for gap in found.outcome.gaps:
        detail = found.details.get(str(gap["code"]))
        person, phone = contacts(who, detail)
        where = detail or {}
        put(sheet, [gap.get("code"), gap.get("name"), person, phone, where.get("grid"),
                    where.get("place"), where.get("township"),
                    gap.get("childName") or found.unit_name, gap.get("reasonZh"),
                    gap.get("reasonEn"), *([None] * FOLLOW_UP)])
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{sheet.max_row}"
    summary(book, found, exported)
    cells = book.create_sheet("数据缺项")
    put(cells, MISSING_HEADERS)
    for m in found.missing:
        put(cells, [m.township, m.township_name, m.kind_zh, m.kind, m.cell_zh, m.cell,
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
        found = await gaps(db, who, dimension, unit, as_of)
    except NotFound:
        return _bad(f"未找到单位 {unit}，或不在您的管辖范围内 / no unit {unit} within your "
                    "jurisdiction", 404)
    body = workbook(who, found, clock.now(settings.time_zone))
    filename = f"gaps-{dimension.value}-{unit}-{as_of.isoformat()}.xlsx"
    return Response(body, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
