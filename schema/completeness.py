"""The data-completeness query: per township and kind of record, which cells are missing, so
a county can see what to fill in (`hub/query/completeness.py`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.query import completeness as engine
from schema.context import Context
from schema.errors import UnitNotFound
from schema.kinds import Unit, to_unit
from schema.loaders import LookupKey


@strawberry.type(description="一个乡镇、一类记录、一项数据的缺失情况 / "
                             "one cell of one kind of record in one township")
class MissingCells:
    township: str | None = strawberry.field(
        description="乡镇编码（县级记录为空）/ township code (null: above any township)")
    township_name: str | None = strawberry.field(description="乡镇名称 / township name")
    kind: str = strawberry.field(description="记录类型（导入文件名）/ kind (import file stem)")
    kind_zh: str = strawberry.field(description="记录类型（中文）/ kind, Chinese")
    cell: str = strawberry.field(description="数据项（列名）/ cell (column key)")
    cell_zh: str = strawberry.field(description="数据项（中文）/ cell, Chinese")
    records: int = strawberry.field(description="记录数 / records of this kind")
    missing: int = strawberry.field(description="缺少该项的记录数 / records lacking the cell")


@strawberry.type(description="数据完整性 / which cells are missing, per township and kind")
class DataCompleteness:
    as_of: date = strawberry.field(description="截至日期 / as of this date")
    unit: Unit = strawberry.field(description="查询的单位 / the unit asked about")
    cells: list[MissingCells] = strawberry.field(
        description="按乡镇、记录类型、数据项 / per township, kind and cell")


DataCompletenessResult = Annotated[
    DataCompleteness | UnitNotFound,
    strawberry.union("DataCompletenessResult",
                     description="数据完整性或错误 / completeness or an error")]


async def data_completeness(
    info: Info[Context, None],
    unit: Annotated[str, strawberry.argument(
        description="县、乡镇、村或社区编码 / county, township, village or community code")],
    as_of: Annotated[date | None, strawberry.argument(
        description="截至日期（默认今天）/ as of (default today)")] = None,
) -> DataCompletenessResult:
    """数据完整性 / per township and kind, how many records lack each optional cell."""
    day = as_of or info.context.today
    found = await info.context.loaders.lookup("units.by_code").load(LookupKey(unit, day))
    if found is None:
        return UnitNotFound.of(unit)
    rows = await engine.missing_cells(info.context.db, unit, day, info.context.scope)
    return DataCompleteness(as_of=day, unit=to_unit(found, day), cells=[
        MissingCells(township=m.township, township_name=m.township_name, kind=m.kind,
                     kind_zh=m.kind_zh, cell=m.cell, cell_zh=m.cell_zh, records=m.records,
                     missing=m.missing) for m in rows])
