"""Everyday edits about work: work orders and their steps, weak-and-lax rectification."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.graph.db import Tx
from schema.context import Context
from schema.edit_rules import NEXT_STEP, day, validated
from schema.edit_run import arg, done, mutation, run_edit
from schema.edit_types import (
    DateOutOfOrder,
    EditConflict,
    EditResult,
    InvalidValues,
    Outcome,
    RecordNotFound,
    StepOutOfSequence,
)


@strawberry.type
class OrderEdits:
    @mutation("登记事件工单 / record a new work order")
    async def record_work_order(
        self, info: Info[Context, None], code: Annotated[str, arg("工单编号 / order code")],
        title: Annotated[str, arg("事件 / title")],
        category: Annotated[str, arg("类别 / category")],
        reported_on: Annotated[date, arg("上报日期 / reported on")],
        territory: Annotated[str, arg("所在网格、社区或村 / grid, community or village")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today
        values, problems = validated("work_orders", {
            "code": code, "title": title, "category": category,
            "reportedOn": reported_on.isoformat(), "territory": territory})
        if problems or values is None:
            return InvalidValues.of(problems)

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.order_state", code=code, territory=territory,
                                  scope=scope, today=today))[0]
            if not state["territory"]:
                return RecordNotFound.of(territory, "网格、社区或村 / grid, community or village")
            if state["taken"]:
                return EditConflict.code_taken(code)
            created = await tx.run("edit.order", scope=scope, today=today, **values)
            if not (created and created[0]["created"]):
                return EditConflict.code_taken(code)
            return await done(tx, info, "record_work_order", [code, territory], None, values,
                               "已登记工单", "work order recorded")

        return await run_edit(info, work, [territory])

    @mutation("记录工单的一步：routed 流转、accepted 受理、returned 退回、"
                                     "closed 办结 / record one step of a work order")
    async def record_order_step(
        self, info: Info[Context, None], order: Annotated[str, arg("工单编号 / order")],
        status: Annotated[str, arg("状态 routed/accepted/returned/closed / status")],
        on: Annotated[date, arg("日期 / date")],
        department: Annotated[str, arg("处理部门编码 / department")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today
        _, problems = validated("order_steps", {"order": order, "seq": "1", "status": status,
                                                "on": on.isoformat(),
                                                "department": department})
        if problems:
            return InvalidValues.of(problems)

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.step_state", order=order, department=department,
                                  scope=scope, today=today))[0]
            if not state["order"]:
                return RecordNotFound.of(order, "工单 / work order")
            if not state["department"]:
                return RecordNotFound.of(department, "部门 / department")
            last = state["status"]
            allowed = list(NEXT_STEP[last])
            if status not in allowed:
                return StepOutOfSequence(order=order, last=last, asked=status, allowed=allowed,
                                         message=(f"{last or '（无）'} 之后不能 {status}，可为 "
                                                  f"{'/'.join(allowed) or '（无）'} / {status} "
                                                  f"cannot follow {last or 'no step'}"))
            earlier = day(state["on"]) or day(state["reportedOn"])
            if earlier is not None and on < earlier:
                return DateOutOfOrder.of(earlier, on, "上一步或上报日期 / the last step or the "
                                                      "report", strict=False)
            seq = int(state["seq"] or 0) + 1
            await tx.run("edit.step", order=order, seq=seq, status=status, on=on,
                         department=department, scope=scope, today=today)
            return await done(tx, info, "record_order_step", [order, department],
                               {"status": last}, {"seq": seq, "status": status, "on": on},
                               "已记录", "step recorded")

        return await run_edit(info, work, [order])

    @mutation("软弱涣散村党组织整顿：标记提升完成 / mark a weak-and-lax "
                                     "organisation rectified")
    async def rectify_weak_lax(
        self, info: Info[Context, None], code: Annotated[str, arg("整顿编码 / case code")],
        on: Annotated[date, arg("提升完成日期 / rectified on")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.weak_state", code=code, scope=scope, today=today))[0]
            if not state["found"]:
                return RecordNotFound.of(code, "整顿记录 / weak-and-lax case")
            if state["rectifiedOn"] is not None:
                return EditConflict(code=code, message=(
                    f"{code} 已于 {day(state['rectifiedOn'])} 完成提升 / {code} was already "
                    f"rectified on {day(state['rectifiedOn'])}"))
            designated = day(state["designatedOn"])
            if designated is not None and on <= designated:
                return DateOutOfOrder.of(designated, on, "认定日期 / the designation")
            await tx.run("edit.rectify", code=code, on=on, scope=scope, today=today)
            return await done(tx, info, "rectify_weak_lax", [code], {"rectifiedOn": None},
                               {"rectifiedOn": on}, "已标记提升完成", "marked rectified")

        return await run_edit(info, work, [code])
