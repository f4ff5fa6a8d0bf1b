"""`auditReport`: a report's claimed figures held against the graph, each verdict with its
reason in Chinese and English (the comparison itself is hub/query/claims.py)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.query import claims
from hub.query.claims import Unit, unit_of
from schema.context import Context
from schema.report import ASOF, Computed, compute, county_wide, figure_id


@strawberry.input(description="报告所称的数字 / a figure as a report claims it")
class ClaimInput:
    id: str = strawberry.field(description="编号，如 F19 / figure id")
    value: float = strawberry.field(
        description="所称数值；按所写的小数位数比较（153 对 153.1 相符）/ "
                    "claimed value, compared at the decimals written (153 bears out 153.1)")
    part: str | None = strawberry.field(
        default=None, description="部分名称（默认第一部分）/ part (default: the first)")
    at_least: bool = strawberry.field(
        default=False, description="“以上/余”：实际值不少于所称值即可 / a floor (“1200+”)")
    unit: Unit | None = strawberry.field(
        default=None, description="所称数值的单位（默认与该部分相同；比率与百分比可互换）/ "
                                  "the claim's unit (default: the part's; ratio and percent "
                                  "convert)")


@strawberry.enum(description="核对结论 / verdict on a claim")
class ClaimStatus(Enum):
    BORNE_OUT = strawberry.enum_value(
        "borne_out", description="与图谱一致 / the graph bears it out")
    NOT_BORNE_OUT = strawberry.enum_value(
        "not_borne_out", description="与图谱不符 / the graph does not bear it out")
    UNKNOWN_FIGURE = strawberry.enum_value(
        "unknown_figure", description="报告没有该编号的数字 / the report has no such figure")
    UNKNOWN_PART = strawberry.enum_value(
        "unknown_part", description="该数字没有此部分（原因中列出其部分）/ "
                                    "the figure has no such part (the reason lists its parts)")
    NOT_COMPUTED = strawberry.enum_value(
        "not_computed", description="该数字此次未能计算（如超时）/ "
                                    "the figure could not be computed this time (a timeout)")


@strawberry.type(description="一项核对 / one claim checked")
class ClaimCheck:
    id: str = strawberry.field(description="编号 / figure id")
    part: str | None = strawberry.field(description="部分名称（所称或默认）/ part, as claimed "
                                                    "or the default")
    claimed: float = strawberry.field(description="所称数值 / claimed value")
    claimed_unit: Unit | None = strawberry.field(description="所称单位 / the claim's unit")
    actual: float | None = strawberry.field(description="图谱数值 / value in the graph")
    unit: Unit | None = strawberry.field(description="图谱数值的单位 / unit of the graph's value")
    at_least: bool = strawberry.field(description="是否为下限 / claimed as a floor")
    status: ClaimStatus = strawberry.field(description="结论 / verdict")
    reason_zh: str = strawberry.field(description="结论的原因（中文）/ why, Chinese")
    reason_en: str = strawberry.field(description="结论的原因（英文）/ why, English")
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


def check(claim: ClaimInput, computed: Computed, known: list[str]) -> ClaimCheck:
    figures = {f.id: f for f in computed.figures}
    failures = {f.id: f for f in computed.failed}
    figure = figures.get(claim.id)
    part_name, actual, unit = claim.part, None, None
    definition = figure.definition if figure else None
    if claim.id in failures:
        failure = failures[claim.id]
        verdict = claims.not_computed(claim.id, failure.message)
        definition = failure.definition
    elif figure is None:
        verdict = claims.unknown_figure(claim.id, known)
    else:
        part = next((p for p in figure.parts if claim.part in (None, p.name)), None)
        if part is None:
            verdict = claims.unknown_part(claim.id, str(claim.part),
                                          [p.name for p in figure.parts])
        else:
            part_name, actual, unit = part.name, part.value, part.unit
            verdict = claims.judge(claim.value, claim.unit, claim.at_least, part.value,
                                   unit_of(part.name))
    return ClaimCheck(id=claim.id, part=part_name, claimed=claim.value,
                      claimed_unit=claim.unit, actual=actual, unit=unit,
                      at_least=claim.at_least, status=ClaimStatus[verdict.status.name],
                      reason_zh=verdict.zh, reason_en=verdict.en, definition=definition)


async def audit_report(
    info: Info[Context, None],
    claims_: Annotated[list[ClaimInput], strawberry.argument(
        name="claims", description="所称数字 / the claims")],
    as_of: Annotated[date | None, ASOF] = None,
) -> AuditReport:
    """核对报告数字 / which claims the graph bears out, values side by side, and why."""
    day = as_of or info.context.today
    county_wide(info, "auditReport")
    computed = await compute(info, day, {c.id for c in claims_})
    known = sorted((figure_id(q) for q in info.context.db.queries.group("figures")),
                   key=lambda f: int(f[1:]))
    checks = [check(c, computed, known) for c in claims_]
    return AuditReport(as_of=day, checks=checks,
                       borne_out=[c for c in checks if c.status is ClaimStatus.BORNE_OUT],
                       not_borne_out=[c for c in checks if c.status is not ClaimStatus.BORNE_OUT])
