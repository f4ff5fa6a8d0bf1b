"""Event work orders on the governance platform, and their figures over a period (F19):
routed, accepted, returned, closed, with the acceptance and closure rates, each rate with
its definition, for the whole jurisdiction, per department and per township.
"""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from hub.core.errors import BadPeriod
from hub.graph.db import Row
from hub.query.allowance import as_date
from schema.context import Context
from schema.federation import WORK_ORDER_QUERY, EntityRefused, entity_row
from schema.kinds import describe, resolver

ACCEPTANCE = ("受理率 = 受理工单数 ÷ 流转工单数 / "
              "acceptance rate = accepted orders ÷ routed orders")
CLOSURE = ("办结率 = 办结工单数 ÷ 流转工单数（分母为全部流转工单，与报告 97.9% 一致；"
           "若以受理数为分母则为 100%）/ closure rate = closed orders ÷ routed orders (all routed "
           "orders, as the report's 97.9 % implies; over accepted orders it would be 100 %)")
COUNTING = ("按工单去重：期间内有某状态流转记录（STEP）的工单数 / "
            "distinct orders with a step of that "
            "status dated within the period")


@strawberry.enum(description="工单状态 / work-order status")
class WorkOrderStatus(Enum):
    ROUTED = "routed"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    CLOSED = "closed"


describe(WorkOrderStatus, {
    "ROUTED": "已流转至部门，未受理 / routed to a department, not yet accepted",
    "ACCEPTED": "部门已受理，未办结 / accepted by the department, not closed",
    "RETURNED": "部门已退回 / returned by the department",
    "CLOSED": "已办结 / closed",
})


@strawberry.federation.type(keys=["code"], description="事件工单 / an event work order")
class WorkOrder:
    code: str = strawberry.field(description="工单编号 / order number")
    title: str | None = strawberry.federation.field(shareable=True, description="事由 / title")
    category: str | None = strawberry.field(description="类别 / category")
    reported_on: date | None = strawberry.field(description="上报日期 / reported on")
    status: str | None = strawberry.federation.field(shareable=True,
        description="当前状态（最后一步）/ status of the last step")

    @classmethod
    async def resolve_reference(cls, info: Info[Context, None], code: str) -> WorkOrder:
        """A gateway's `{__typename: "WorkOrder", code}`, keyed by its order number."""
        row = await entity_row(info, WORK_ORDER_QUERY, code)
        if row is None:
            raise EntityRefused(typename=cls.__name__, key=code)
        return work_order(row)


def work_order(row: Row) -> WorkOrder:
    reported = row.get("reportedOn")
    return WorkOrder(code=row["code"], title=row.get("title"), category=row.get("category"),
                     reported_on=None if reported is None else as_date(reported),
                     status=row.get("status"))


@strawberry.type(description="比率及其定义 / a rate, with how it is computed")
class Rate:
    percent: float | None = strawberry.field(
        description="百分比，保留一位小数 / percent, one decimal")
    numerator: int = strawberry.field(description="分子 / numerator")
    denominator: int = strawberry.field(description="分母 / denominator")
    definition: str = strawberry.field(description="定义 / definition")


def rate(numerator: int, denominator: int, definition: str) -> Rate:
    percent = None if denominator == 0 else float(
        (Decimal(100 * numerator) / Decimal(denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    return Rate(percent=percent, numerator=numerator, denominator=denominator,
                definition=definition)


@strawberry.type(description="一组工单数字 / work-order figures of one unit")
class OrderFigures:
    code: str | None = strawberry.field(description="单位编码（合计为空）/ unit code (null: total)")
    name: str | None = strawberry.field(description="单位名称 / unit name")
    routed: int = strawberry.field(description="流转 / routed")
    accepted: int = strawberry.field(description="受理 / accepted")
    returned: int = strawberry.field(description="退回 / returned")
    closed: int = strawberry.field(description="办结 / closed")
    acceptance_rate: Rate = strawberry.field(description="受理率 / acceptance rate")
    closure_rate: Rate = strawberry.field(description="办结率 / closure rate")


def figures(row: Row) -> OrderFigures:
    routed, accepted, closed = int(row["routed"]), int(row["accepted"]), int(row["closed"])
    return OrderFigures(code=row.get("code"), name=row.get("name"), routed=routed,
                        accepted=accepted, returned=int(row["returned"]), closed=closed,
                        acceptance_rate=rate(accepted, routed, ACCEPTANCE),
                        closure_rate=rate(closed, routed, CLOSURE))


@strawberry.type(description="一个月的工单数字 / work-order figures of one calendar month")
class MonthFigures:
    month: str = strawberry.field(description="月份 YYYY-MM / the month")
    total: OrderFigures = strawberry.field(description="辖区合计 / whole jurisdiction")
    by_township: list[OrderFigures] = strawberry.field(
        description="按乡镇（当月有工单的）/ per township with orders that month")


def months_of(totals: list[Row], townships: list[Row]) -> list[MonthFigures]:
    months: dict[str, MonthFigures] = {}
    for row in totals:
        key = str(row["month"])[:7]
        months[key] = MonthFigures(month=key, total=figures(row), by_township=[])
    for row in townships:
        months[str(row["month"])[:7]].by_township.append(figures(row))
    return list(months.values())


@strawberry.type(description="期间工单统计 / work-order figures over a period")
class WorkOrderStats:
    start: date | None = strawberry.field(
        description="期间起（空为自始）/ period start (null: from the start)")
    end: date = strawberry.field(description="期间止（含）/ period end, inclusive")
    counting: str = strawberry.field(description="计数口径 / how orders are counted")
    total: OrderFigures = strawberry.field(description="辖区合计 / whole jurisdiction")
    by_department: list[OrderFigures] = strawberry.field(description="按部门 / per department")
    by_township: list[OrderFigures] = strawberry.field(description="按乡镇 / per township")

    @resolver("按月（期间内有工单流转的月份），各月含按乡镇 / "
              "per calendar month with orders in the period, each per township")
    async def by_month(self, info: Info[Context, None]) -> list[MonthFigures]:
        db = info.context.db
        params: dict[str, Any] = {"from": self.start, "to": self.end,
                                  "scope": info.context.scope}
        totals, townships = await asyncio.gather(
            db.read("orders.stats_by_month", **params),
            db.read("orders.stats_by_month_township", **params))
        return months_of(totals, townships)


async def work_order_stats(
    info: Info[Context, None],
    start: Annotated[date | None, strawberry.argument(
        description="期间起（含）/ period start")] = None,
    end: Annotated[date | None, strawberry.argument(
        description="期间止（含，默认今天）/ period end (default today)")] = None,
) -> WorkOrderStats:
    """流转、受理、退回、办结及比率 / routed, accepted, returned, closed, and the rates."""
    until = end or info.context.today
    if start is not None and start > until:
        raise BadPeriod(start=start, end=until)
    db, scope = info.context.db, info.context.scope
    params: dict[str, Any] = {"from": start, "to": until, "scope": scope}
    total, departments, townships = await asyncio.gather(
        db.read("orders.stats_total", **params),
        db.read("orders.stats_by_department", **params),
        db.read("orders.stats_by_township", **params))
    return WorkOrderStats(start=start, end=until, counting=COUNTING, total=figures(total[0]),
                          by_department=[figures(r) for r in departments],
                          by_township=[figures(r) for r in townships])
