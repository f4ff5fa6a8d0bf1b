"""The `Unit` interface every organisational or territorial unit implements, and its kinds.

Kept apart from the concrete types so that people (members, households) can point at units
without the modules importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import TypeVar, cast

import strawberry
from strawberry.types import Info

from hub.context import Context
from hub.db import Row
from hub.loaders import LookupKey


@strawberry.enum(
    description="单位类型（图中的标签）：县、乡镇、行政村、社区、网格、党组织、非公企业、"
                "部门单位、合作社 / "
                ""
                             "kind of unit (its label in the graph)")
class UnitKind(Enum):
    COUNTY = "County"  # 县 / county
    TOWNSHIP = "Township"  # 乡（镇）/ township
    VILLAGE = "Village"  # 行政村 / administrative village
    COMMUNITY = "Community"  # 社区 / community
    GRID = "Grid"  # 网格 / grid
    PARTY_ORG = "PartyOrg"  # 党组织 / Party organisation
    ENTERPRISE = "Enterprise"  # 非公企业 / non-public enterprise
    DEPARTMENT = "Department"  # 部门单位 / department
    COOPERATIVE = "Cooperative"  # 合作社 / cooperative


@strawberry.enum(
    description="党组织类型：县委、乡镇党委、村党组织、社区党组织、网格党支部、网格党小组、县直机关、"
                             "行业、非公企业党组织 / kind of Party organisation")
class OrgKind(Enum):
    COUNTY_COMMITTEE = "county_committee"  # 县委及工委 / county committee
    TOWNSHIP_COMMITTEE = "township_committee"  # 乡（镇）党委 / township committee
    VILLAGE_ORG = "village_org"  # 村党组织 / village organisation
    COMMUNITY_ORG = "community_org"  # 社区党组织 / community organisation
    GRID_BRANCH = "grid_branch"  # 网格党支部 / grid branch
    GRID_GROUP = "grid_group"  # 网格党小组 / grid group
    AGENCY_ORG = "agency_org"  # 县直机关党组织 / county agency organisation
    INDUSTRY_ORG = "industry_org"  # 行业党组织 / industry organisation
    ENTERPRISE_ORG = "enterprise_org"  # 非公企业党组织 / enterprise organisation


F = TypeVar("F", bound=Callable[..., object])


def resolver(description: str) -> Callable[[F], F]:
    """`@strawberry.field(description=…)` typed for mypy, which sees the untyped form as Any."""
    return cast(Callable[[F], F], strawberry.field(description=description))


@strawberry.interface(description="组织或地域单位：编码唯一 / "
                                  "an organisational or territorial unit, unique by code")
class Unit:
    code: str = strawberry.field(description="编码 / code")
    name: str = strawberry.field(description="名称 / name")
    kind: UnitKind = strawberry.field(description="单位类型 / kind of unit")
    as_of: strawberry.Private[date]

    @resolver("所在的上级地域单位 / the territorial unit this one lies in")
    async def parent(self, info: Info[Context, None]) -> Unit | None:
        return await parent_unit(info, "browse.ancestors", self.code, self.as_of)


async def parent_unit(info: Info[Context, None], query: str, code: str,
                      as_of: date) -> Unit | None:
    """The territorial unit `code` lies in, from the chain `query` returns above it.

    The rest of the chain primes the `browse.ancestors` loader, so `parent { parent { … } }`
    costs one round trip however deep the document climbs.
    """
    from schema.units import to_unit

    found = await info.context.loaders.lookup(query).load(LookupKey(code, as_of))
    chain: list[Row] = [] if found is None else list(found["chain"])
    if not chain:
        return None
    ancestors = info.context.loaders.lookup("browse.ancestors")
    for i, row in enumerate(chain):
        above = {"code": row["code"], "chain": chain[i + 1:]}
        ancestors.prime(LookupKey(row["code"], as_of), above)
    parent: Unit = to_unit(chain[0], as_of)
    return parent


LABELS = {k.value: k for k in UnitKind}


def kind_of(labels: list[str]) -> UnitKind:
    for label in labels:
        if label in LABELS:
            return LABELS[label]
    raise ValueError(f"not a unit: {labels}")

