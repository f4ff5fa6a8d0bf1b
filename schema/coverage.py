"""The coverage engine in GraphQL: for a dimension and a unit, the total, the covered, the
ratio, the same per child unit, and the gaps (paginated), each with its reason.
The dimensions and their Cypher files are registered in `hub/query/coverage.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.core.errors import PageTooLarge as PageTooLargeError
from hub.query import coverage as engine
from hub.query.coverage import Dimension
from schema.context import Context
from schema.errors import PageTooLarge, UnitNotFound
from schema.kinds import Unit, UnitKind, describe, kind_of, to_unit
from schema.loaders import Page as RowPage
from schema.pagination import AFTER, DEFAULT_PAGE, FIRST, Connection, connection, window

# The engine's own enum, registered with the schema in place (strawberry returns the class).
strawberry.enum(Dimension, description="覆盖维度：名称说缺口，口径说何为覆盖 / coverage "
                                       "dimension: its name says what a gap is")

# What a gap is in each dimension (the registry says what counts as covered): a name like
# GRIDS_ONLY_PART_TIME names the gap, and "covered" there means the opposite.
GAPS: dict[Dimension, tuple[str, str]] = {
    Dimension.GRIDS_WITHOUT_PARTY_ORG: ("没有网格党支部或党小组的网格",
                                        "a grid without a grid Party branch or group"),
    Dimension.GRIDS_WITHOUT_WORKER: ("没有网格员的网格", "a grid without any grid worker"),
    Dimension.GRIDS_ONLY_PART_TIME: ("有网格员但全是兼职的网格",
                                     "a grid whose workers are all part-time"),
    Dimension.HOUSEHOLDS_WITHOUT_MEMBER: ("没有党员联系的户",
                                          "a household no Party member is linked to"),
    Dimension.VILLAGES_WITHOUT_GRADUATE: ("没有在任大学生的行政村",
                                          "a village with no graduate placed in it"),
    Dimension.ENTERPRISES_WITHOUT_ORG: ("没有党组织（单独、联合或挂靠）的非公企业",
                                        "an enterprise no Party organisation covers"),
    Dimension.ENTERPRISES_WITHOUT_WORK_COVERAGE: (
        "既无党组织也无党建指导员的非公企业",
        "an enterprise with neither a Party organisation nor an instructor"),
    Dimension.WEAK_LAX_NOT_RECTIFIED: ("尚未整顿提升的软弱涣散党组织",
                                       "a weak-and-lax case not yet rectified"),
    Dimension.STATIONS_MISSING_HAVES: ("“七有”不全的新业态劳动者驿站",
                                       "a worker station lacking one of the seven haves"),
    Dimension.COMMUNITIES_WITHOUT_REPORT: ("没有县直机关党员报到的社区",
                                           "a community no agency Party member reported to"),
    Dimension.BRANCHES_BREAKING_SIZE_RULES: (
        "正式党员少于 3 名或党员超过 50 名的网格党支部",
        "a grid branch with fewer than 3 full members or more than 50 members"),
}
describe(Dimension, {d.name: f"缺口：{GAPS[d][0]}；覆盖：{e.zh} / gap: {GAPS[d][1]}; "
                             f"covered: {e.en}" for d, e in engine.REGISTRY.items()})


@strawberry.type(description="一个单位的覆盖数 / coverage counts of one unit")
class CoverageTally:
    code: str | None = strawberry.field(description="单位编码 / unit code")
    name: str | None = strawberry.field(description="单位名称 / unit name")
    kind: UnitKind | None = strawberry.field(
        description="单位类型（如行政村、社区）/ kind of unit (a village, a community …)")
    total: int = strawberry.field(description="应覆盖总数 / things that should be covered")
    covered: int = strawberry.field(description="已覆盖数 / covered")
    unknown: int = strawberry.field(
        description="因缺少所依据的数据而无法判断的数（既不算已覆盖也不算缺口）/ "
                    "could not be judged: a value it depends on is missing (neither covered "
                    "nor a gap)")
    gaps: int = strawberry.field(description="缺口数 / not covered")
    ratio: float | None = strawberry.field(
        description="覆盖率（0–1）：已覆盖 ÷（总数 − 无法判断数），无可判断对象时为空 / "
                    "covered ÷ (total − unknown), null when nothing could be judged")


@strawberry.type(description="覆盖缺口 / a gap: something not covered, and why")
class Gap:
    code: str = strawberry.field(description="对象编码 / code of the thing")
    name: str | None = strawberry.field(description="对象名称 / its name")
    child: str | None = strawberry.field(description="所在下级单位编码 / the child unit it lies in")
    child_name: str | None = strawberry.field(description="所在下级单位 / that unit's name")
    reason_zh: str = strawberry.field(description="缺口原因（中文）/ reason, Chinese")
    reason_en: str = strawberry.field(description="缺口原因（英文）/ reason, English")


@strawberry.type(description="覆盖分析结果 / a coverage measurement")
class Coverage:
    dimension: Dimension = strawberry.field(
        description="覆盖维度 / dimension")
    definition_zh: str = strawberry.field(
        description="覆盖口径（中文）/ what counts as covered, Chinese")
    definition_en: str = strawberry.field(
        description="覆盖口径（英文）/ what counts as covered, English")
    as_of: date = strawberry.field(description="截至日期 / as of this date")
    unit: Unit = strawberry.field(description="分析的单位 / the unit measured")
    query: str = strawberry.field(
        description="所用 Cypher（可粘贴到 Neo4j Browser）/ the Cypher used")
    whole: CoverageTally = strawberry.field(description="整体 / the unit as a whole")
    by_child: list[CoverageTally] = strawberry.field(description="按下级单位 / per child unit")
    gaps: Connection[Gap] = strawberry.field(description="缺口（分页）/ the gaps, paginated")


CoverageResult = Annotated[Coverage | UnitNotFound | PageTooLarge,
                           strawberry.union("CoverageResult",
                                            description="覆盖分析或错误 / coverage or an error")]


def _tally(t: engine.Tally) -> CoverageTally:
    return CoverageTally(code=t.code, name=t.name,
                         kind=kind_of(list(t.labels)) if t.labels else None,
                         total=t.total, covered=t.covered,
                         unknown=t.unknown, gaps=t.total - t.covered - t.unknown,
                         ratio=t.ratio)


async def coverage(
    info: Info[Context, None],
    dimension: Annotated[Dimension, strawberry.argument(
        description="覆盖维度 / dimension")],
    unit: Annotated[str, strawberry.argument(
        description="县、乡镇、村或社区编码 / county, township, village or community code")],
    as_of: Annotated[date | None, strawberry.argument(
        description="截至日期（默认今天）/ as of (default today)")] = None,
    first: Annotated[int, FIRST] = DEFAULT_PAGE,
    after: Annotated[str | None, AFTER] = None,
) -> CoverageResult:
    """覆盖分析 / coverage of a unit along one dimension."""
    day = as_of or info.context.today
    try:
        offset, limit = window(info, first, after)
    except PageTooLargeError as exc:
        return PageTooLarge.of(exc)
    # The unit, its children's kinds and the tally in one round trip; the unit is matched
    # within the caller's jurisdiction, so everything below it is within it too.
    measured = await engine.measure(info.context.db, dimension, unit, day, info.context.scope)
    if measured is None:
        return UnitNotFound.of(unit)
    found, outcome = measured.unit, measured.outcome
    name = engine.query_name(dimension)
    entry = engine.REGISTRY[dimension]
    gap_page = RowPage(total=len(outcome.gaps), items=outcome.gaps[offset:offset + limit],
                       offset=offset, limit=limit)
    return Coverage(
        dimension=dimension, definition_zh=entry.zh, definition_en=entry.en, as_of=day,
        unit=to_unit(found, day), query=info.context.db.queries[name].text,
        whole=_tally(outcome.whole),
        by_child=[_tally(t) for t in outcome.children],
        gaps=connection(gap_page, lambda r: Gap(
            code=r["code"], name=r["name"], child=r.get("child"), child_name=r.get("childName"),
            reason_zh=r["reasonZh"], reason_en=r["reasonEn"])))
