"""The county report as the graph states it (`countyReport`); a report's claims are held
against it in schema/audit_report.py.

Each figure Fn is the query `cypher/figures/Fnn.cypher`: its comment is the definition, its
text is what a user pastes into Neo4j Browser, its rows `{part, value}` are the figure.
A figure whose query fails (a timeout on a busy server) is listed under `failed` with its
error; the others are computed and given all the same.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.core.errors import HubError, NotPermitted, QueryTimeout
from hub.graph.cypher import Query
from hub.query.claims import Unit, unit_of
from schema.context import Context
from schema.kinds import describe

log = logging.getLogger("hub.graphql")

ASOF = strawberry.argument(description="截至日期（默认今天）/ as of (default today)")


strawberry.enum(Unit, name="FigureUnit", description="数值的单位 / the unit of a value")
describe(Unit, {"COUNT": "个数 / a count", "PERCENT": "百分比，53.1 即 53.1% / a percent: "
                "53.1 means 53.1 %", "RATIO": "比率，0.531 即 53.1% / a ratio: 0.531 means "
                "53.1 %", "YUAN": "金额（元）/ an amount in yuan",
                "FLAG": "是或否，1 为是、0 为否 / yes or no: 1 yes, 0 no"})


@strawberry.type(description="数字的一个组成部分 / one part of a figure")
class FigurePart:
    name: str = strawberry.field(description="部分名称 / part name")
    value: float = strawberry.field(description="数值（百分比保留一位小数，是/否为 1/0）/ value")
    unit: Unit = strawberry.field(description="单位 / unit")


@strawberry.type(description="未能计算的数字及原因 / a figure that could not be computed, and why")
class FigureFailure:
    id: str = strawberry.field(description="编号 F1 … F26 / figure id")
    code: str = strawberry.field(
        description="错误类型，如 QueryTimeout；INTERNAL 为内部故障 / the error's kind")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")
    incident: str = strawberry.field(description="事件编号（见日志）/ incident id, as logged")
    definition: str = strawberry.field(description="口径定义 / definition")


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
    figures: list[Figure] = strawberry.field(
        description="算出的各数字 / the figures computed, in order")
    failed: list[FigureFailure] = strawberry.field(
        description="未能算出的数字（其余照常给出）/ figures that could not be computed; "
                    "the others are given all the same")


def figure_id(query: Query) -> str:
    return "F" + str(int(query.name.rsplit(".F", 1)[1]))


@dataclass
class Computed:
    figures: list[Figure]
    failed: list[FigureFailure]


async def _one(info: Info[Context, None], query: Query, day: date) -> Figure | FigureFailure:
    """One figure, or why it could not be computed: one figure's failure is its own."""
    context = info.context
    figure = figure_id(query)
    seconds = context.limits.figure_timeout(figure)
    try:
        # Neo4j stops a transaction past its limit only when its monitor next looks (and not
        # while a plan waits on a schema lock): the report itself waits no longer than that.
        async with asyncio.timeout(seconds):
            rows = await context.db.read(query.name, timeout=seconds, asOf=day)
    except TimeoutError:
        return _failed(query, QueryTimeout(query=query.name, seconds=seconds))
    except Exception as exc:  # each figure answers for itself
        return _failed(query, exc)
    parts = [FigurePart(name=str(r["part"]), value=float(r["value"]),
                        unit=unit_of(str(r["part"]))) for r in rows]
    return Figure(id=figure, value=parts[0].value if parts else None, parts=parts,
                  definition=query.doc, query=query.text)


def _failed(query: Query, exc: Exception) -> FigureFailure:
    """A figure's failure as the report lists it, logged once with its incident id."""
    figure = figure_id(query)
    incident = uuid.uuid4().hex[:12]
    if isinstance(exc, HubError):
        log.warning("figure %s: expected error %s %s: %s", figure, incident,
                 type(exc).__name__, exc.message())
        code, message = type(exc).__name__, exc.message()
    else:
        log.error("figure %s: incident %s", figure, incident, exc_info=exc)
        code = "INTERNAL"
        message = f"内部错误，事件编号 {incident} / internal error, incident {incident}"
    return FigureFailure(id=figure, code=code, message=message, incident=incident,
                         definition=query.doc)


def _number(item: Figure | FigureFailure) -> int:
    return int(item.id[1:])


async def compute(info: Info[Context, None], day: date, ids: set[str] | None) -> Computed:
    """Run the figure queries (all, or those in `ids`), in figure order."""
    wanted = [q for q in info.context.db.queries.group("figures")
              if ids is None or figure_id(q) in ids]
    # One after another: run together, the heavier figures (F6 merges every cadre's tenure)
    # wait on the others past the transaction timeout on a busy server.
    results = [await _one(info, q, day) for q in wanted]
    return Computed(
        figures=sorted((r for r in results if isinstance(r, Figure)), key=_number),
        failed=sorted((r for r in results if isinstance(r, FigureFailure)), key=_number))


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
    computed = await compute(info, day, None)
    return CountyReport(as_of=day, figures=computed.figures, failed=computed.failed)


