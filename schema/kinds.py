"""The `Unit` interface every organisational or territorial unit implements, and its kinds.

Kept apart from the concrete types so that people (members, households) can point at units
without the modules importing each other. The concrete types (schema.units, which imports this
module) register here, so `to_unit` builds them for every module below schema.units.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any, TypeVar, cast

import strawberry
from strawberry.types import Info

from hub.graph.db import Row
from schema.context import Context
from schema.loaders import LookupKey


@strawberry.enum(
    description="单位类型（图中的标签）：县、乡镇、行政村、社区、网格、党组织、非公企业、"
                "部门单位、合作社 / "
                ""
                             "kind of unit (its label in the graph)")
class UnitKind(Enum):
    COUNTY = "County"
    TOWNSHIP = "Township"
    VILLAGE = "Village"
    COMMUNITY = "Community"
    GRID = "Grid"
    PARTY_ORG = "PartyOrg"
    ENTERPRISE = "Enterprise"
    DEPARTMENT = "Department"
    COOPERATIVE = "Cooperative"


@strawberry.enum(
    description="党组织类型：县委、乡镇党委、村党组织、社区党组织、网格党支部、网格党小组、县直机关、"
                             "行业、非公企业党组织 / kind of Party organisation")
class OrgKind(Enum):
    COUNTY_COMMITTEE = "county_committee"
    TOWNSHIP_COMMITTEE = "township_committee"
    VILLAGE_ORG = "village_org"
    COMMUNITY_ORG = "community_org"
    GRID_BRANCH = "grid_branch"
    GRID_GROUP = "grid_group"
    AGENCY_ORG = "agency_org"
    INDUSTRY_ORG = "industry_org"
    ENTERPRISE_ORG = "enterprise_org"


F = TypeVar("F", bound=Callable[..., object])


def describe(enum: type[Enum], descriptions: Mapping[str, str]) -> None:
    """Describe each value of an enum defined outside the schema (the hub's own enums in
    `hub/` know nothing of Strawberry); every value must be described."""
    definition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    missing = {v.name for v in definition.values} - set(descriptions)
    if missing:
        raise ValueError(f"{enum.__name__}: no description for {sorted(missing)}")
    for value in definition.values:
        value.description = descriptions[value.name]


describe(UnitKind, {
    "COUNTY": "县 / the county",
    "TOWNSHIP": "乡（镇）/ a township",
    "VILLAGE": "行政村 / an administrative village",
    "COMMUNITY": "社区 / an urban community",
    "GRID": "网格 / a grid of a village or community",
    "PARTY_ORG": "党组织 / a Party organisation",
    "ENTERPRISE": "非公有制企业 / a non-public enterprise",
    "DEPARTMENT": "县直部门单位 / a county department",
    "COOPERATIVE": "农民专业合作社 / a farmers' cooperative",
})
describe(OrgKind, {
    "COUNTY_COMMITTEE": "县委及其工委 / the county committee and its working committees",
    "TOWNSHIP_COMMITTEE": "乡（镇）党委 / a township committee",
    "VILLAGE_ORG": "村党组织 / a village's Party organisation",
    "COMMUNITY_ORG": "社区党组织 / a community's Party organisation",
    "GRID_BRANCH": "网格党支部 / a grid branch",
    "GRID_GROUP": "网格党小组 / a grid group (within a branch)",
    "AGENCY_ORG": "县直机关党组织 / a county agency's Party organisation",
    "INDUSTRY_ORG": "行业党组织 / an industry Party organisation",
    "ENTERPRISE_ORG": "非公企业党组织 / an enterprise's Party organisation",
})


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

    @classmethod
    def own_fields(cls, row: Row) -> dict[str, Any]:
        """The fields this kind has beyond the interface's, from its row."""
        return {}


UNIT_TYPES: dict[UnitKind, type[Unit]] = {}


def register_unit_types(types: Mapping[UnitKind, type[Unit]]) -> None:
    """The concrete type of each kind of unit (schema.units names them all)."""
    UNIT_TYPES.update(types)


def to_unit(row: Row, as_of: date) -> Any:
    """The typed object for a unit row ({code, name, labels, kind, industry, size})."""
    kind = kind_of(row["labels"])
    concrete = UNIT_TYPES[kind]
    return concrete(code=row["code"], name=row["name"], kind=kind, as_of=as_of,
                    **concrete.own_fields(row))


async def parent_unit(info: Info[Context, None], query: str, code: str,
                      as_of: date) -> Unit | None:
    """The territorial unit `code` lies in, from the chain `query` returns above it.

    The rest of the chain primes the `browse.ancestors` loader, so `parent { parent { … } }`
    costs one round trip however deep the document climbs.
    """
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

