"""Everyday edits about people: member-household links, instructors, graduates."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.graph.db import Tx
from schema.context import Context
from schema.edit_rules import day, validated
from schema.edit_run import arg, done, mutation, run_edit, unknown_link_end
from schema.edit_types import (
    DateOutOfOrder,
    EditConflict,
    EditResult,
    InvalidValues,
    Outcome,
    RecordNotFound,
)


@strawberry.type
class PeopleEdits:
    @mutation("党员联系户：建立联系 / link a Party member to a household")
    async def link_member_household(
        self, info: Info[Context, None], member: Annotated[str, arg("党员编号 / member")],
        household: Annotated[str, arg("户编码 / household")],
        since: Annotated[date, arg("起始日期 / from")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today
        cells = {"member": member, "household": household, "since": since.isoformat()}
        _, problems = validated("member_links", cells)
        if problems:
            return InvalidValues.of(problems)

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.link_state", member=member, household=household,
                                  scope=scope, today=today))[0]
            missing = unknown_link_end(state, member, household)
            if missing is not None:
                return missing
            if state["open"]:
                return EditConflict(code=household, message=(
                    f"{member} 已联系 {household} / {member} is already linked to {household}"))
            await tx.run("edit.link", member=member, household=household, since=since,
                         scope=scope, today=today)
            return await done(tx, info, "link_member_household", [member, household], None,
                               {"since": since}, "已建立联系", "linked")

        return await run_edit(info, work, [member, household])

    @mutation("党员联系户：解除联系（写终止日期，保留历史）/ "
                                     "unlink: close the link with an end date, history kept")
    async def unlink_member_household(
        self, info: Info[Context, None], member: Annotated[str, arg("党员编号 / member")],
        household: Annotated[str, arg("户编码 / household")],
        until: Annotated[date, arg("终止日期（不含）/ until (exclusive)")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.link_state", member=member, household=household,
                                  scope=scope, today=today))[0]
            missing = unknown_link_end(state, member, household)
            if missing is not None:
                return missing
            if not state["open"]:
                return EditConflict(code=household, message=(
                    f"{member} 未联系 {household} / {member} is not linked to {household}"))
            start = max(d for d in (day(s) for s in state["open"]) if d is not None)
            if until <= start:
                return DateOutOfOrder.of(start, until, "联系起始日期 / the link's start")
            await tx.run("edit.unlink", member=member, household=household, until=until,
                         scope=scope, today=today)
            return await done(tx, info, "unlink_member_household", [member, household],
                               {"since": start, "until": None}, {"since": start, "until": until},
                               "已解除联系", "unlinked")

        return await run_edit(info, work, [member, household])

    @mutation("选派党建指导员指导企业 / assign an instructor to an "
                                     "enterprise")
    async def assign_instructor(
        self, info: Info[Context, None],
        instructor: Annotated[str, arg("指导员编号 / instructor")],
        enterprise: Annotated[str, arg("统一社会信用代码 / enterprise USCC")],
        since: Annotated[date, arg("起始日期 / from")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today
        values, problems = validated("guidance", {"instructor": instructor,
                                                  "enterprise": enterprise,
                                                  "since": since.isoformat()})
        if problems or values is None:
            return InvalidValues.of(problems)
        uscc = str(values["enterprise"])

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.guide_state", instructor=instructor, enterprise=uscc,
                                  scope=scope, today=today))[0]
            if not state["instructor"]:
                return RecordNotFound.of(instructor, "指导员 / instructor")
            if not state["enterprise"]:
                return RecordNotFound.of(uscc, "企业 / enterprise")
            if state["open"]:
                return EditConflict(code=uscc, message=(
                    f"{instructor} 已在指导 {uscc} / {instructor} already guides {uscc}"))
            await tx.run("edit.guide", instructor=instructor, enterprise=uscc, since=since,
                         scope=scope, today=today)
            return await done(tx, info, "assign_instructor", [instructor, uscc], None,
                               {"since": since}, "已选派", "assigned")

        return await run_edit(info, work, [instructor, uscc])

    @mutation("大学生到村（社区）任职（旧任职写终止日期）/ place a "
                                     "graduate in a village (an open placement is closed)")
    async def place_graduate(
        self, info: Info[Context, None], code: Annotated[str, arg("大学生编号 / code")],
        name: Annotated[str, arg("姓名 / name")],
        id_number: Annotated[str, arg("身份证号 / citizen ID number")],
        school: Annotated[str, arg("毕业院校 / school")],
        unit: Annotated[str, arg("任职村或社区编码 / village or community")],
        since: Annotated[date, arg("到岗日期 / from")],
    ) -> EditResult:
        scope, today = info.context.scope, info.context.today
        values, problems = validated("graduates", {
            "code": code, "name": name, "idNumber": id_number, "school": school, "unit": unit,
            "since": since.isoformat()})
        if problems or values is None:
            return InvalidValues.of(problems)
        # `name` is Tx.run's own first argument, so the graduate's name travels as graduateName.
        params = {k: values[k] for k in ("code", "idHash", "idMasked", "school", "unit",
                                         "since")}
        params["graduateName"] = values["name"]

        async def work(tx: Tx) -> Outcome:
            state = (await tx.run("edit.place_state", code=code, unit=unit, scope=scope,
                                  today=today))[0]
            if not state["unit"]:
                return RecordNotFound.of(unit, "村或社区 / village or community")
            labels = set(state["labels"] or ())
            if labels and "Graduate" not in labels:
                return EditConflict.code_taken(code)
            if state["at"] is not None and not state["atInScope"]:
                # A graduate of another township: refused in the words used for any code in
                # use, so the refusal does not say that the code is a graduate's, or where.
                return EditConflict.code_taken(code)
            if state["at"] == unit:
                return EditConflict(code=code, message=f"{code} 已在 {unit} 任职 / {code} is "
                                                       f"already placed in {unit}")
            start = day(state["since"])
            if start is not None and since <= start:
                return DateOutOfOrder.of(start, since, "现任职起始日期 / the open placement")
            placed = await tx.run("edit.place", scope=scope, today=today, **params)
            if not placed or (not labels and not placed[0]["created"]):
                # Another edit created this graduate after this one looked: let it stand.
                return EditConflict.code_taken(code)
            before = None if state["at"] is None else {"unit": state["at"], "since": start}
            after = {"unit": unit, "since": since, "name": name, "idMasked": values["idMasked"]}
            return await done(tx, info, "place_graduate", [code, unit], before, after,
                               "已安排任职", "graduate placed")

        return await run_edit(info, work, [code, unit])
