"""The root `Query`: entry points only; each type's module holds its own resolvers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from hub.core.errors import PageTooLarge as PageTooLargeError
from hub.query.coverage import REGISTRY, Dimension
from schema.allowance import departure_allowance
from schema.audit_report import audit_report
from schema.completeness import data_completeness
from schema.context import Context
from schema.coverage import coverage
from schema.errors import HouseholdNotFound, PageTooLarge, UnitNotFound
from schema.kinds import OrgKind, Unit, UnitKind, resolver, to_unit
from schema.loaders import LookupKey, Page
from schema.orders import work_order_stats
from schema.pagination import AFTER, DEFAULT_PAGE, FIRST, Connection, connection, window
from schema.people import Household, household
from schema.report import county_report
from schema.units import (
    Community,
    Cooperative,
    County,
    Department,
    Enterprise,
    Grid,
    PartyOrg,
    Township,
    Village,
)

ASOF = strawberry.argument(description="截至日期（默认今天）/ as of (default today)")

UnitResult = Annotated[
    County | Township | Village | Community | Grid | PartyOrg | Enterprise | Department
    | Cooperative | UnitNotFound,
    strawberry.union("UnitResult", description="单位或未找到 / a unit, or not found")]
HouseholdResult = Annotated[
    Household | HouseholdNotFound,
    strawberry.union("HouseholdResult", description="户或未找到 / a household, or not found")]
UnitsResult = Annotated[Connection[Unit] | PageTooLarge,
                        strawberry.union(
                            "UnitsResult", description="单位列表或错误 / units or an error")]


@strawberry.type(description="覆盖维度说明 / a coverage dimension and what it counts")
class DimensionInfo:
    dimension: Dimension = strawberry.field(
        description="维度 / dimension")
    definition_zh: str = strawberry.field(description="口径（中文）/ definition, Chinese")
    definition_en: str = strawberry.field(description="口径（英文）/ definition, English")


async def _search(info: Info[Context, None], day: date, name: str | None, label: str | None,
                  org_kind: str | None, offset: int, limit: int) -> Page:
    rows = await info.context.db.read("units.search", nameLike=name, label=label, orgKind=org_kind,
                                      offset=offset, limit=limit, asOf=day,
                                      scope=info.context.scope)
    return Page(total=int(rows[0]["total"]), items=list(rows[0]["items"]), offset=offset,
                limit=limit)


@strawberry.type(description="党建中枢查询入口 / entry points of the Party-building hub")
class Query:
    @resolver("本县（不在管辖范围内时为空）/ the county (null outside your jurisdiction)")
    async def county(self, info: Info[Context, None],
                     as_of: Annotated[date | None, ASOF] = None) -> County | None:
        day = as_of or info.context.today
        page = await _search(info, day, None, UnitKind.COUNTY.value, None, 0, 1)
        return to_unit(page.items[0], day) if page.items else None

    @resolver("按编码查找单位 / a unit by its code")
    async def unit(self, info: Info[Context, None],
                   code: Annotated[str, strawberry.argument(description="单位编码 / code")],
                   as_of: Annotated[date | None, ASOF] = None) -> UnitResult:
        day = as_of or info.context.today
        row = await info.context.loaders.lookup("units.by_code").load(LookupKey(code, day))
        return UnitNotFound.of(code) if row is None else to_unit(row, day)

    @resolver("按户编码查找户 / a household by its code")
    async def household(
        self, info: Info[Context, None],
        code: Annotated[str, strawberry.argument(description="户编码 / household code")],
        as_of: Annotated[date | None, ASOF] = None,
    ) -> HouseholdResult:
        day = as_of or info.context.today
        row = await info.context.loaders.lookup("units.household_by_code").load(
            LookupKey(code, day))
        return HouseholdNotFound.of(code) if row is None else household(row, day)

    @resolver("按名称、类型筛选单位 / units filtered by name and kind")
    async def units(
        self, info: Info[Context, None],
        name: Annotated[str | None, strawberry.argument(
            description="名称包含 / name contains")] = None,
        kind: Annotated[UnitKind | None, strawberry.argument(description="单位类型 / kind")] = None,
        org_kind: Annotated[OrgKind | None, strawberry.argument(
            description="党组织类型 / org kind")] = None,
        as_of: Annotated[date | None, ASOF] = None,
        first: Annotated[int, FIRST] = DEFAULT_PAGE, after: Annotated[str | None, AFTER] = None,
    ) -> UnitsResult:
        day = as_of or info.context.today
        try:
            offset, limit = window(info, first, after)
        except PageTooLargeError as exc:
            return PageTooLarge.of(exc)
        page = await _search(info, day, name, None if kind is None else kind.value,
                             None if org_kind is None else org_kind.value, offset, limit)
        found: Connection[Any] = connection(page, lambda r: to_unit(r, day))
        return found

    @resolver("可用的覆盖维度 / the coverage dimensions")
    def coverage_dimensions(self) -> list[DimensionInfo]:
        return [DimensionInfo(dimension=d, definition_zh=e.zh, definition_en=e.en)
                for d, e in REGISTRY.items()]

    coverage = strawberry.field(
        resolver=coverage,
        description="覆盖分析：总数、已覆盖、覆盖率、按下级分解及缺口 / "
                    "coverage: totals, ratio, per child unit, and the gaps")
    data_completeness = strawberry.field(
        resolver=data_completeness,
        description="数据完整性：各乡镇、各类记录缺少哪些数据 / "
                    "which cells are missing, per township and kind of record")
    work_order_stats = strawberry.field(
        resolver=work_order_stats,
        description="事件工单统计：流转、受理、退回、办结及比率 / "
                    "work-order figures and rates over a period")
    # Cadres' personal eligibility is for the county's organisation department, which
    # uses the hub itself: kept out of the composed (supergraph) API.
    departure_allowance = strawberry.federation.field(
        inaccessible=True,
        resolver=departure_allowance,
        description="村干部离任补贴资格（F6）/ the departure-allowance rule (F6)")
    county_report = strawberry.field(
        resolver=county_report,
        description="报告全部数字 F1–F26 / "
                    "every figure F1–F26, with definition and query")
    audit_report = strawberry.field(
        resolver=audit_report,
        description="核对报告所称数字 / "
                    "hold claimed figures against the graph")
