"""The browsing types: county → townships → villages and communities → grids (of either) →
grid Party organisations → members → households; industry organisations → enterprises →
instructors; agency organisations → reporting members → communities; work orders of a unit.

Every nested list is a connection fetched through the request's DataLoaders, and every
object carries the `asOf` date it was asked for, which its own lists inherit.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from hub.graph.db import Row
from schema.context import Context
from schema.federation import UnitEntity
from schema.kinds import OrgKind, Unit, UnitKind, register_unit_types, resolver, to_unit
from schema.orders import WorkOrder, WorkOrderStatus, work_order
from schema.pagination import AFTER, DEFAULT_PAGE, FIRST, Connection, child_page, connection
from schema.people import (
    GridWorker,
    Household,
    Instructor,
    Member,
    household,
    instructor,
    member,
    worker,
)

NAME = strawberry.argument(description="名称包含 / name contains")
FROM = strawberry.argument(description="上报日期起（含）/ reported on or after")
TO = strawberry.argument(description="上报日期止（含）/ reported on or before")
STATUS = strawberry.argument(description="当前状态 / current status")

Page = Annotated[int, FIRST]
After = Annotated[str | None, AFTER]


async def _units(info: Info[Context, None], parent: Unit, query: str, first: int,
                 after: str | None, **filters: Any) -> Connection[Any]:
    page = await child_page(info, query, parent.code, parent.as_of, first, after, **filters)
    return connection(page, lambda r: to_unit(r, parent.as_of))


async def _children(info: Info[Context, None], parent: Unit, kind: UnitKind, name: str | None,
                    first: int, after: str | None) -> Connection[Any]:
    return await _units(info, parent, "browse.children", first, after,
                        label=kind.value, nameLike=name)


async def _orgs(info: Info[Context, None], parent: Unit, kinds: list[OrgKind] | None,
                first: int, after: str | None) -> Connection[PartyOrg]:
    wanted = None if kinds is None else [k.value for k in kinds]
    return await _units(info, parent, "browse.party_orgs", first, after, kinds=wanted)


async def _orders(info: Info[Context, None], parent: Unit, start: date | None, end: date | None,
                  status: WorkOrderStatus | None, first: int, after: str | None
                  ) -> Connection[WorkOrder]:
    page = await child_page(info, "orders.by_unit", parent.code, parent.as_of, first, after,
                            **{"from": start, "to": end,
                               "status": None if status is None else status.value})
    return connection(page, work_order)


ORG_KINDS = strawberry.argument(description="党组织类型（空为全部）/ kinds wanted (null: all)")


@strawberry.interface(description="地域单位：县、乡镇、村、社区、网格 / "
                                  "a territorial unit: county, township, village, community, grid")
class Territory(Unit):
    @resolver("所在地的党组织，可按类型筛选 / Party organisations tied to this unit, by kind")
    async def party_orgs(self, info: Info[Context, None],
                         kinds: Annotated[list[OrgKind] | None, ORG_KINDS] = None,
                         first: Page = DEFAULT_PAGE, after: After = None) -> Connection[PartyOrg]:
        return await _orgs(info, self, kinds, first, after)


@strawberry.federation.type(keys=["code"], description="县 / the county")
class County(Territory, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    @resolver("乡（镇）/ townships")
    async def townships(self, info: Info[Context, None], name: Annotated[str | None, NAME] = None,
                        first: Page = DEFAULT_PAGE, after: After = None) -> Connection[Township]:
        return await _children(info, self, UnitKind.TOWNSHIP, name, first, after)

    @resolver("县直部门单位 / departments")
    async def departments(self, info: Info[Context, None],
                          name: Annotated[str | None, NAME] = None, first: Page = DEFAULT_PAGE,
                          after: After = None) -> Connection[Department]:
        return await _children(info, self, UnitKind.DEPARTMENT, name, first, after)


@strawberry.federation.type(keys=["code"], description="乡（镇）/ a township")
class Township(Territory, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    @resolver("行政村 / administrative villages")
    async def villages(self, info: Info[Context, None], name: Annotated[str | None, NAME] = None,
                       first: Page = DEFAULT_PAGE, after: After = None) -> Connection[Village]:
        return await _children(info, self, UnitKind.VILLAGE, name, first, after)

    @resolver("社区 / communities")
    async def communities(self, info: Info[Context, None], name: Annotated[str | None, NAME] = None,
                          first: Page = DEFAULT_PAGE, after: After = None) -> Connection[Community]:
        return await _children(info, self, UnitKind.COMMUNITY, name, first, after)

    @resolver("辖区内的非公企业 / non-public enterprises in the township")
    async def enterprises(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                          after: After = None) -> Connection[Enterprise]:
        return await _units(info, self, "browse.unit_enterprises", first, after)

    @resolver("辖区内的事件工单 / event work orders in the township")
    async def work_orders(self, info: Info[Context, None],
                          start: Annotated[date | None, FROM] = None,
                          end: Annotated[date | None, TO] = None,
                          status: Annotated[WorkOrderStatus | None, STATUS] = None,
                          first: Page = DEFAULT_PAGE, after: After = None) -> Connection[WorkOrder]:
        return await _orders(info, self, start, end, status, first, after)


@strawberry.federation.type(keys=["code"], description="行政村 / an administrative village")
class Village(Territory, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    @resolver("村内的网格 / grids of the village")
    async def grids(self, info: Info[Context, None], name: Annotated[str | None, NAME] = None,
                    first: Page = DEFAULT_PAGE, after: After = None) -> Connection[Grid]:
        return await _children(info, self, UnitKind.GRID, name, first, after)

    @resolver("直接属于本村、不在网格内的户（网格内的户见 grids）/ "
              "households of the village outside its grids (see grids for the rest)")
    async def households(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                         after: After = None) -> Connection[Household]:
        page = await child_page(info, "browse.unit_households", self.code, self.as_of, first, after)
        return connection(page, lambda r: household(r, self.as_of))


@strawberry.federation.type(keys=["code"], description="社区 / a community")
class Community(Territory, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    @resolver("网格 / grids")
    async def grids(self, info: Info[Context, None], name: Annotated[str | None, NAME] = None,
                    first: Page = DEFAULT_PAGE, after: After = None) -> Connection[Grid]:
        return await _children(info, self, UnitKind.GRID, name, first, after)


@strawberry.federation.type(keys=["code"], description="网格 / a grid")
class Grid(Territory, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    @resolver("网格员 / grid workers")
    async def workers(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                      after: After = None) -> Connection[GridWorker]:
        page = await child_page(info, "browse.grid_workers", self.code, self.as_of, first, after)
        return connection(page, worker)

    @resolver("网格内的户 / households of the grid")
    async def households(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                         after: After = None) -> Connection[Household]:
        page = await child_page(info, "browse.unit_households", self.code, self.as_of, first, after)
        return connection(page, lambda r: household(r, self.as_of))


@strawberry.federation.type(keys=["code"], description="党组织 / a Party organisation")
class PartyOrg(Unit, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    org_kind: OrgKind | None = strawberry.field(description="党组织类型 / kind of organisation")
    industry: str | None = strawberry.field(
        description="行业（行业党组织）/ industry (industry orgs)")

    @classmethod
    def own_fields(cls, row: Row) -> dict[str, Any]:
        org = row.get("kind")
        return {"org_kind": OrgKind(org) if org else None, "industry": row.get("industry")}

    @resolver("党员（组织关系在本组织）/ members")
    async def members(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                      after: After = None) -> Connection[Member]:
        page = await child_page(info, "browse.org_members", self.code, self.as_of, first, after)
        return connection(page, lambda r: member(r, self.as_of))

    @resolver("到社区报到的在职党员（机关党组织）/ members reporting to a community")
    async def reporting_members(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                                after: After = None) -> Connection[Member]:
        page = await child_page(info, "browse.org_reporting_members", self.code, self.as_of,
                                first, after)
        return connection(page, lambda r: member(r, self.as_of))

    @resolver("覆盖的非公企业（含下属企业党组织）/ enterprises covered")
    async def enterprises(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                          after: After = None) -> Connection[Enterprise]:
        return await _units(info, self, "browse.org_enterprises", first, after)


@strawberry.federation.type(keys=["code"], description="非公有制经济组织 / a non-public enterprise")
class Enterprise(Unit, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    industry: str | None = strawberry.field(description="行业 / industry")
    size: int | None = strawberry.field(description="职工人数 / employees")

    @classmethod
    def own_fields(cls, row: Row) -> dict[str, Any]:
        return {"industry": row.get("industry"), "size": row.get("size")}

    @resolver("党建指导员（工作覆盖）/ instructors guiding it")
    async def instructors(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                          after: After = None) -> Connection[Instructor]:
        page = await child_page(info, "browse.enterprise_instructors", self.code, self.as_of,
                                first, after)
        return connection(page, instructor)

    @resolver("覆盖本企业的党组织（组织覆盖）/ Party organisations covering it")
    async def party_orgs(self, info: Info[Context, None], first: Page = DEFAULT_PAGE,
                         after: After = None) -> Connection[PartyOrg]:
        return await _units(info, self, "browse.enterprise_orgs", first, after)


@strawberry.federation.type(keys=["code"], description="部门单位 / a department")
class Department(Unit, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")

    @resolver("流转至本部门的事件工单 / work orders routed to it")
    async def work_orders(self, info: Info[Context, None],
                          start: Annotated[date | None, FROM] = None,
                          end: Annotated[date | None, TO] = None,
                          status: Annotated[WorkOrderStatus | None, STATUS] = None,
                          first: Page = DEFAULT_PAGE, after: After = None) -> Connection[WorkOrder]:
        return await _orders(info, self, start, end, status, first, after)


@strawberry.federation.type(keys=["code"], description="农民专业合作社 / a farmers' cooperative")
class Cooperative(Unit, UnitEntity):
    name: str = strawberry.federation.field(
        shareable=True, description="名称（可与其他子图共享）/ name, shareable")


TYPES: dict[UnitKind, type[Unit]] = {
    UnitKind.COUNTY: County, UnitKind.TOWNSHIP: Township, UnitKind.VILLAGE: Village,
    UnitKind.COMMUNITY: Community, UnitKind.GRID: Grid, UnitKind.PARTY_ORG: PartyOrg,
    UnitKind.ENTERPRISE: Enterprise, UnitKind.DEPARTMENT: Department,
    UnitKind.COOPERATIVE: Cooperative,
}
register_unit_types(TYPES)
