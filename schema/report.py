"""The county report as the graph states it (`countyReport`), and a report's claims held
against the graph (`auditReport`).

Each figure Fn is the query `cypher/figures/Fnn.cypher`: its comment is the definition, its
text is what a user pastes into Neo4j Browser, its rows `{part, value}` are the figure.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.context import Context
from hub.cypher import Query
from hub.errors import NotPermitted

ASOF = strawberry.argument(description="截至日期（默认今天）/ as of (default today)")


@strawberry.type(description="数字的一个组成部分 / one part of a figure")
class FigurePart:
    name: str = strawberry.field(description="部分名称 / part name")
    value: float = strawberry.field(description="数值（百分比保留一位小数，是/否为 1/0）/ value")


@strawberry.type(description="报告中的一个数字 / one figure of the report")
class Figure:
    id: str = strawberry.field(description="编号 F1 … F26 / figure id")
    value: float | None = strawberry.field(
        description="主要数值（第一部分）/ main value (first part)")
    parts: list[FigurePart] = strawberry.field(description="各组成部分 / every part")
    definition: str = strawberry.field(description="口径定义 / definition")
    query: str = strawberry.field(
        description="计算所用 Cypher，可粘贴到 Neo4j Browser（参数 $asOf）/ "
                    "the Cypher, to paste into Neo4j Browser")


@strawberry.type(
    description="县级党建工作报告（由图谱计算）/ the county report, computed from the graph")
class CountyReport:
    as_of: date = strawberry.field(description="截至日期 / as of this date")
    figures: list[Figure] = strawberry.field(description="F1–F26 各数字 / the report's figures")


@strawberry.input(description="报告所称的数字 / a figure as a report claims it")
class ClaimInput:
    id: str = strawberry.field(description="编号，如 F19 / figure id")
    value: float = strawberry.field(description="所称数值 / claimed value")
    part: str | None = strawberry.field(
        default=None, description="部分名称（默认第一部分）/ part (default: the first)")
    at_least: bool = strawberry.field(
        default=False, description="“以上/余”：实际值不少于所称值即可 / a floor (“1200+”)")


@strawberry.enum(description="核对结论 / verdict on a claim")
class ClaimStatus(Enum):
    BORNE_OUT = "borne_out"  # 与图谱一致 / the graph bears it out
    NOT_BORNE_OUT = "not_borne_out"  # 与图谱不符 / the graph does not
    UNKNOWN_FIGURE = "unknown_figure"  # 无此数字或部分 / no such figure or part


@strawberry.type(description="一项核对 / one claim checked")
class ClaimCheck:
    id: str = strawberry.field(description="编号 / figure id")
    part: str | None = strawberry.field(description="部分名称 / part")
    claimed: float = strawberry.field(description="所称数值 / claimed value")
    actual: float | None = strawberry.field(description="图谱数值 / value in the graph")
    at_least: bool = strawberry.field(description="是否为下限 / claimed as a floor")
    status: ClaimStatus = strawberry.field(description="结论 / verdict")
    definition: str | None = strawberry.field(description="口径定义 / definition")


@strawberry.type(description="报告核对结果 / a report's claims held against the graph")
class AuditReport:
    as_of: date = strawberry.field(description="截至日期 / as of this date")
    checks: list[ClaimCheck] = strawberry.field(
        description="全部核对，按输入顺序 / every claim, in order")
    borne_out: list[ClaimCheck] = strawberry.field(
        description="一致的 / claims the graph bears out")
    not_borne_out: list[ClaimCheck] = strawberry.field(
        description="不符或无法核对的 / claims it does not")


def figure_id(query: Query) -> str:
    return "F" + str(int(query.name.rsplit(".F", 1)[1]))


async def compute(info: Info[Context, None], day: date, ids: set[str] | None) -> list[Figure]:
    """Run the figure queries (all, or those in `ids`), in figure order."""
    wanted = [q for q in info.context.db.queries.group("figures")
              if ids is None or figure_id(q) in ids]
    # One after another: run together, the heavier figures (F6 merges every cadre's tenure)
    # wait on the others past the transaction timeout on a busy server.
    results = [await info.context.db.read(q.name, asOf=day) for q in wanted]
    figures = []
    for query, rows in zip(wanted, results, strict=True):
        parts = [FigurePart(name=str(r["part"]), value=float(r["value"])) for r in rows]
        figures.append(Figure(id=figure_id(query), value=parts[0].value if parts else None,
                              parts=parts, definition=query.doc, query=query.text))
    return sorted(figures, key=lambda f: int(f.id[1:]))


def county_wide(info: Info[Context, None], what: str) -> None:
    """The report's figures are the whole county's: a township or grid may not read them.

    The service role may: figures are aggregates, with no person in them.
    """
    principal = info.context.principal
    if principal.scope is not None:
        raise NotPermitted(what=what, role=principal.role.value)


async def county_report(info: Info[Context, None],
                        as_of: Annotated[date | None, ASOF] = None) -> CountyReport:
    """报告全部数字 / every figure of the report, with definition and query."""
    day = as_of or info.context.today
    county_wide(info, "countyReport")
    return CountyReport(as_of=day, figures=await compute(info, day, None))


def check(claim: ClaimInput, figures: dict[str, Figure]) -> ClaimCheck:
    figure = figures.get(claim.id)
    part = None
    if figure is not None:
        part = next((p for p in figure.parts if claim.part in (None, p.name)), None)
    actual = None if part is None else part.value
    if actual is None:
        status = ClaimStatus.UNKNOWN_FIGURE
    elif actual == claim.value or (claim.at_least and actual >= claim.value):
        status = ClaimStatus.BORNE_OUT
    else:
        status = ClaimStatus.NOT_BORNE_OUT
    return ClaimCheck(id=claim.id, part=None if part is None else part.name,
                      claimed=claim.value, actual=actual, at_least=claim.at_least,
                      status=status, definition=None if figure is None else figure.definition)


async def audit_report(
    info: Info[Context, None],
    claims: Annotated[list[ClaimInput], strawberry.argument(description="所称数字 / the claims")],
    as_of: Annotated[date | None, ASOF] = None,
) -> AuditReport:
    """核对报告数字 / which claims the graph bears out, values side by side."""
    day = as_of or info.context.today
    county_wide(info, "auditReport")
    figures = {f.id: f for f in await compute(info, day, {c.id for c in claims})}
    checks = [check(c, figures) for c in claims]
    return AuditReport(as_of=day, checks=checks,
                       borne_out=[c for c in checks if c.status is ClaimStatus.BORNE_OUT],
                       not_borne_out=[c for c in checks if c.status is not ClaimStatus.BORNE_OUT])
