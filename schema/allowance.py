"""The departure-allowance rule (F6) in GraphQL: who qualifies as of a date, and why.

The thresholds come from configuration (`hub.query.allowance.AllowanceRule`), and every case shows
the numbers the decision used, so a county can check a verdict against its own records.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.core.errors import PageTooLarge as PageTooLargeError
from hub.graph.db import Row
from hub.query.allowance import AllowanceRule, Verdict, judge, months_between
from hub.query.personal import shown_name
from schema.context import Context
from schema.errors import PageTooLarge, UnitNotFound
from schema.loaders import LookupKey, Page
from schema.pagination import AFTER, DEFAULT_PAGE, FIRST, Connection, connection, window
from schema.personal import detail


@strawberry.type(
    description="离任补贴资格条件（来自配置）/ the rule's thresholds, from configuration")
class AllowanceRuleInfo:
    posts: list[str] = strawberry.field(description="计入年限的岗位 / posts that count")
    consecutive_years: int = strawberry.field(description="连续任职年限 / consecutive years")
    total_years: int = strawberry.field(description="累计任职年限 / years in all")
    grade: str = strawberry.field(description="考核等次 / rating grade that counts")
    excellent_consecutive: int = strawberry.field(
        description="连续优秀年数 / consecutive excellent years")
    excellent_total: int = strawberry.field(description="累计优秀年数 / excellent years in all")
    departure_age: int = strawberry.field(description="离任年龄 / departure age")


@strawberry.type(description="合并后的任职区间 / a merged span in the posts that count")
class TenureSpan:
    start: date = strawberry.field(description="起 / from")
    end: date = strawberry.field(
        description="止（不含，或截至日期）/ to (exclusive, or the as-of date)")
    months: int = strawberry.field(description="整月数 / whole months")


@strawberry.type(description="一名村干部的资格判定 / one cadre measured against the rule")
class AllowanceCase:
    code: str = strawberry.field(description="干部编号 / cadre code")
    name: str | None = strawberry.field(description="姓名（按权限脱敏）/ name (masked by role)")
    unit: str | None = strawberry.field(
        description="最近任职村（社区）编码 / latest village or community")
    qualifies: bool | None = detail("是否符合条件 / qualifies")
    undetermined: bool | None = detail(
        "任职与考核已符合，但缺出生日期、无法判断年龄 / tenure and ratings met, birth date "
        "missing: cannot be judged")
    tenure_met: bool | None = detail("任职年限条件 / tenure condition met")
    ratings_met: bool | None = detail("考核优秀条件 / ratings condition met")
    age_met: bool | None = detail("年龄条件 / age condition met")
    spans: list[TenureSpan] | None = detail("计入的任职区间 / spans that count")
    longest_months: int | None = detail("最长连续任职月数 / longest span, months")
    total_months: int | None = detail("累计任职月数 / months in all")
    excellent_years: list[int] | None = detail("被评为优秀的年度 / years rated excellent")
    longest_excellent_run: int | None = detail("最长连续优秀年数 / longest excellent run")
    reaches_departure_age_on: date | None = detail(
        "达到离任年龄之日（由出生日期得出）/ day the departure age is reached (from the birth "
        "date)")
    reasons_zh: list[str] | None = detail("判定理由（中文，含年龄）/ reasons, Chinese, with age")
    reasons_en: list[str] | None = detail("判定理由（英文，含年龄）/ reasons, English, with age")


@strawberry.type(description="离任补贴判定结果 / who qualifies for the departure allowance")
class Allowance:
    as_of: date = strawberry.field(description="截至日期 / as of this date")
    rule: AllowanceRuleInfo = strawberry.field(description="所用条件 / the thresholds applied")
    qualified: int = strawberry.field(description="符合条件人数 / cadres who qualify")
    unknown: int = strawberry.field(
        description="因缺出生日期无法判断的人数（不计入符合也不计入不符合）/ cadres who cannot "
                    "be judged for want of a birth date (counted neither way)")
    cases: Connection[AllowanceCase] = strawberry.field(
        description="判定明细（分页）/ the cases, paginated")


AllowanceResult = Annotated[Allowance | UnitNotFound | PageTooLarge,
                            strawberry.union("AllowanceResult",
                                             description="判定结果或错误 / result or an error")]


def _met(ok: bool) -> tuple[str, str]:
    return ("符合", "met") if ok else ("不符合", "not met")


def reasons(rule: AllowanceRule, as_of: date, v: Verdict) -> tuple[list[str], list[str]]:
    t, r, a = _met(v.tenure_ok), _met(v.ratings_ok), _met(v.age_ok)
    reached = v.turns_departure_age_on
    return ([
        f"任职：最长连续 {v.longest_months} 个月（需 {rule.consecutive_years * 12}），累计 "
        f"{v.total_months} 个月（需 {rule.total_years * 12}）——{t[0]}",
        f"考核：连续优秀 {v.longest_excellent_run} 年（需 {rule.excellent_consecutive}），累计 "
        f"{len(v.excellent_years)} 年（需 {rule.excellent_total}）——{r[0]}",
        f"年龄：{reached or '出生日期不详'} 满 {rule.departure_age} 周岁，截至 {as_of}——{a[0]}",
    ], [
        f"tenure: longest span {v.longest_months} months (needs {rule.consecutive_years * 12}), "
        f"{v.total_months} in all (needs {rule.total_years * 12}) — {t[1]}",
        f"ratings: {v.longest_excellent_run} excellent years in a row (needs "
        f"{rule.excellent_consecutive}), {len(v.excellent_years)} in all (needs "
        f"{rule.excellent_total}) — {r[1]}",
        f"age: reaches {rule.departure_age} on {reached or 'unknown birth date'}, as of {as_of} "
        f"— {a[1]}",
    ])


def _case(info: Info[Context, None], rule: AllowanceRule, as_of: date, row: Row,
          v: Verdict) -> AllowanceCase:
    zh, en = reasons(rule, as_of, v)
    latest = max(row["posts"], key=lambda p: p["since"], default=None)
    return AllowanceCase(
        code=row["code"], name=shown_name(info.context.principal, row["name"]),
        unit=None if latest is None else latest["unit"], qualifies=v.qualifies,
        undetermined=v.undetermined,
        tenure_met=v.tenure_ok, ratings_met=v.ratings_ok, age_met=v.age_ok,
        spans=[TenureSpan(start=s, end=e, months=months_between(s, e)) for s, e in v.spans],
        longest_months=v.longest_months, total_months=v.total_months,
        excellent_years=v.excellent_years, longest_excellent_run=v.longest_excellent_run,
        reaches_departure_age_on=v.turns_departure_age_on, reasons_zh=zh, reasons_en=en)


async def departure_allowance(
    info: Info[Context, None],
    as_of: Annotated[date | None, strawberry.argument(
        description="截至日期（默认今天）/ as of (default today)")] = None,
    unit: Annotated[str | None, strawberry.argument(
        description="限定乡镇、村或社区编码 / within this unit")] = None,
    cadres: Annotated[list[str] | None, strawberry.argument(
        description="只看这些干部编号 / only these cadres")] = None,
    qualified_only: Annotated[bool, strawberry.argument(
        description="只列符合条件者（及无法判断者）/ list only those who qualify (and those "
                    "who cannot be judged)")] = True,
    first: Annotated[int, FIRST] = DEFAULT_PAGE,
    after: Annotated[str | None, AFTER] = None,
) -> AllowanceResult:
    """村干部离任补贴资格 / who qualifies for the departure allowance, and why."""
    day, rule = as_of or info.context.today, info.context.allowance
    try:
        offset, limit = window(info, first, after)
    except PageTooLargeError as exc:
        return PageTooLarge.of(exc)
    if unit is not None and await info.context.loaders.lookup("units.by_code").load(
            LookupKey(unit, day)) is None:
        return UnitNotFound.of(unit)
    rows = await info.context.db.read("allowance.cadres", unit=unit, asOf=day,
                                      scope=info.context.scope)
    personal = info.context.principal.sees_personal_data
    # Another system gets the count of a whole unit only: a case, or a count narrowed to
    # named cadres, would say whether one person qualifies.
    wanted = None if cadres is None or not personal else set(cadres)
    verdicts = [(r, judge(rule, day, r)) for r in rows if wanted is None or r["code"] in wanted]
    listed = [_case(info, rule, day, r, v) for r, v in verdicts
              if personal and (v.qualifies or v.undetermined or not qualified_only)]
    page = Page(total=len(listed), items=[{"case": c} for c in listed[offset:offset + limit]],
                offset=offset, limit=limit)
    return Allowance(
        as_of=day, qualified=sum(1 for _, v in verdicts if v.qualifies),
        unknown=sum(1 for _, v in verdicts if v.undetermined),
        rule=AllowanceRuleInfo(posts=list(rule.posts), consecutive_years=rule.consecutive_years,
                               total_years=rule.total_years, grade=rule.grade,
                               excellent_consecutive=rule.excellent_consecutive,
                               excellent_total=rule.excellent_total,
                               departure_age=rule.departure_age),
        cases=connection(page, lambda r: r["case"]))
