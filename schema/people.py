"""People in the graph: Party members, the households they look after, grid workers and
Party-building instructors. Names and addresses pass through `hub.query.personal`, every other
personal detail through `schema.personal`; ID numbers are never returned; the service role
sees no personal field at all (null).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from hub.graph.db import Row
from hub.query.allowance import as_date
from hub.query.personal import shown_name, shown_phone, shown_text
from schema.context import Context
from schema.kinds import Unit, parent_unit, resolver, to_unit
from schema.pagination import AFTER, DEFAULT_PAGE, FIRST, Connection, child_page, connection
from schema.personal import detail

PERSONAL = "（按权限脱敏；系统角色为空）/ (masked by role; null for the service role)"


def _date(value: Any) -> date | None:
    return None if value is None else as_date(value)


@strawberry.type(description="党员 / a Party member")
class Member:
    code: str = strawberry.field(description="党员编号 / member number")
    raw_name: strawberry.Private[str | None]
    raw_phone: strawberry.Private[str | None]
    gender: str | None = detail("性别 M/F / gender")
    full_member: bool | None = detail("正式党员（否为预备党员）/ full member (false: probationary)")
    joined_on: date | None = detail("入党日期 / date joined")
    as_of: strawberry.Private[date]

    @resolver("姓名" + PERSONAL + " / name")
    def name(self, info: Info[Context, None]) -> str | None:
        return shown_name(info.context.principal, self.raw_name)

    @resolver("联系电话" + PERSONAL + " / phone number")
    def phone(self, info: Info[Context, None]) -> str | None:
        return shown_phone(info.context.principal, self.raw_phone)

    @resolver("联系的户 / households this member looks after")
    async def households(
        self, info: Info[Context, None], first: Annotated[int, FIRST] = DEFAULT_PAGE,
        after: Annotated[str | None, AFTER] = None,
    ) -> Connection[Household]:
        page = await child_page(info, "browse.member_households", self.code, self.as_of,
                                first, after)
        return connection(page, lambda r: household(r, self.as_of))

    @resolver("报到的社区（在职党员到社区报到）/ communities reported to")
    async def reports_to(
        self, info: Info[Context, None], first: Annotated[int, FIRST] = DEFAULT_PAGE,
        after: Annotated[str | None, AFTER] = None,
    ) -> Connection[Unit]:
        page = await child_page(info, "browse.member_communities", self.code, self.as_of,
                                first, after)
        return connection(page, lambda r: to_unit(r, self.as_of))


@strawberry.type(description="户（党员联系户的对象）/ a household")
class Household:
    code: str = strawberry.field(description="户编码 / household code")
    raw_head: strawberry.Private[str | None]
    raw_phone: strawberry.Private[str | None]
    raw_address: strawberry.Private[str | None]
    size: int | None = detail("人口数 / people in the household")
    as_of: strawberry.Private[date]

    @resolver("户主姓名" + PERSONAL + " / head of household")
    def head(self, info: Info[Context, None]) -> str | None:
        return shown_name(info.context.principal, self.raw_head)

    @resolver("户主联系电话" + PERSONAL + " / phone number of the head of household")
    def phone(self, info: Info[Context, None]) -> str | None:
        return shown_phone(info.context.principal, self.raw_phone)

    @resolver("住址（仅县、乡镇可见）/ address (county and township staff only)")
    def address(self, info: Info[Context, None]) -> str | None:
        return shown_text(info.context.principal, self.raw_address)

    @resolver("所在的网格（或村）/ the grid (or village) the household lies in")
    async def parent(self, info: Info[Context, None]) -> Unit | None:
        return await parent_unit(info, "browse.household_ancestors", self.code, self.as_of)

    @resolver("联系该户的党员 / Party members linked to this household")
    async def members(
        self, info: Info[Context, None], first: Annotated[int, FIRST] = DEFAULT_PAGE,
        after: Annotated[str | None, AFTER] = None,
    ) -> Connection[Member]:
        page = await child_page(info, "browse.household_members", self.code, self.as_of,
                                first, after)
        return connection(page, lambda r: member(r, self.as_of))


@strawberry.type(description="网格员 / a grid worker")
class GridWorker:
    code: str = strawberry.field(description="网格员编号 / worker code")
    raw_name: strawberry.Private[str | None]
    raw_phone: strawberry.Private[str | None]
    type: str | None = detail("full_time 专职, dedicated 专属, part_time 兼职 / employment type")
    party_member: bool | None = detail("是否党员 / a Party member")

    @resolver("姓名" + PERSONAL + " / name")
    def name(self, info: Info[Context, None]) -> str | None:
        return shown_name(info.context.principal, self.raw_name)

    @resolver("联系电话" + PERSONAL + " / phone number")
    def phone(self, info: Info[Context, None]) -> str | None:
        return shown_phone(info.context.principal, self.raw_phone)


@strawberry.type(description="党建指导员 / a Party-building instructor")
class Instructor:
    code: str = strawberry.field(description="指导员编号 / instructor code")
    raw_name: strawberry.Private[str | None]
    raw_phone: strawberry.Private[str | None]
    department: str | None = strawberry.field(
        description="选派单位编码 / sending department's code")
    department_name: str | None = strawberry.field(description="选派单位 / sending department")

    @resolver("姓名" + PERSONAL + " / name")
    def name(self, info: Info[Context, None]) -> str | None:
        return shown_name(info.context.principal, self.raw_name)

    @resolver("联系电话" + PERSONAL + " / phone number")
    def phone(self, info: Info[Context, None]) -> str | None:
        return shown_phone(info.context.principal, self.raw_phone)


def member(row: Row, as_of: date) -> Member:
    return Member(code=row["code"], raw_name=row.get("name"), raw_phone=row.get("phone"),
                  gender=row.get("gender"),
                  full_member=row.get("fullMember"), joined_on=_date(row.get("joinedOn")),
                  as_of=as_of)


def household(row: Row, as_of: date) -> Household:
    return Household(code=row["code"], raw_head=row.get("head"), raw_phone=row.get("phone"),
                     raw_address=row.get("address"), size=row.get("size"), as_of=as_of)


def worker(row: Row) -> GridWorker:
    return GridWorker(code=row["code"], raw_name=row.get("name"), raw_phone=row.get("phone"),
                      type=row.get("type"),
                      party_member=row.get("partyMember"))


def instructor(row: Row) -> Instructor:
    return Instructor(code=row["code"], raw_name=row.get("name"), raw_phone=row.get("phone"),
                      department=row.get("department"),
                      department_name=row.get("departmentName"))
