"""The part of the schema the compiler knows: which GraphQL field is which graph property,
which connection follows which relationship, and which fields hold personal data.

Labels, relationship types and property names all come from here, never from a request.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

UNIT_TYPES = ("County", "Township", "Village", "Community", "Grid", "PartyOrg", "Enterprise",
              "Department", "Cooperative")
TERRITORIES = ("County", "Township", "Village", "Community", "Grid")


class Mask(Enum):
    """How a stored value reaches the caller (hub/query/personal.py, schema/personal.py)."""

    PLAIN = "plain"
    NAME = "name"
    PHONE = "phone"
    TEXT = "text"
    DETAIL = "detail"


class Convert(Enum):
    """What a stored value becomes in the response."""

    AS_IS = "as_is"
    UNIT_KIND = "unit_kind"
    ORG_KIND = "org_kind"


@dataclass(frozen=True)
class Scalar:
    prop: str
    mask: Mask = Mask.PLAIN
    convert: Convert = Convert.AS_IS


@dataclass(frozen=True)
class Link:
    """A connection: the nodes of `label` tied to the parent by an active `rel`."""

    fragment: str  # the name of its fragment in fragments.py
    label: str
    node_type: str
    filters: tuple[tuple[str, str], ...] = ()  # (GraphQL argument, fragment parameter)


CODE, NAME = Scalar("code"), Scalar("name")
UNIT_SCALARS: dict[str, Scalar] = {
    "code": CODE, "name": NAME, "kind": Scalar("labels", convert=Convert.UNIT_KIND)}
SCALARS: dict[str, dict[str, Scalar]] = {
    **{t: UNIT_SCALARS for t in UNIT_TYPES},
    "PartyOrg": {**UNIT_SCALARS, "orgKind": Scalar("kind", convert=Convert.ORG_KIND),
                 "industry": Scalar("industry")},
    "Enterprise": {**UNIT_SCALARS, "industry": Scalar("industry"), "size": Scalar("size")},
    "Member": {"code": CODE, "name": Scalar("name", Mask.NAME),
               "phone": Scalar("phone", Mask.PHONE), "gender": Scalar("gender", Mask.DETAIL),
               "fullMember": Scalar("fullMember", Mask.DETAIL),
               # ISO text already: the projection asks for it (fragments.PROJECTIONS).
               "joinedOn": Scalar("joinedOn", Mask.DETAIL)},
    "Household": {"code": CODE, "head": Scalar("head", Mask.NAME),
                  "phone": Scalar("phone", Mask.PHONE), "address": Scalar("address", Mask.TEXT),
                  "size": Scalar("size", Mask.DETAIL)},
}
BY_NAME = (("name", "nameLike"),)
_ORGS = Link("party_orgs", "PartyOrg", "PartyOrg", (("kinds", "kinds"),))
LINKS: dict[tuple[str, str], Link] = {
    ("County", "townships"): Link("children", "Township", "Township", BY_NAME),
    ("County", "departments"): Link("children", "Department", "Department", BY_NAME),
    ("Township", "villages"): Link("children", "Village", "Village", BY_NAME),
    ("Township", "communities"): Link("children", "Community", "Community", BY_NAME),
    ("Village", "grids"): Link("children", "Grid", "Grid", BY_NAME),
    ("Community", "grids"): Link("children", "Grid", "Grid", BY_NAME),
    **{(t, "partyOrgs"): _ORGS for t in TERRITORIES},
    ("PartyOrg", "members"): Link("members", "Member", "Member"),
}
# `parent` climbs the chain of active :IN links, cut where it leaves the caller's scope.
PARENT_OF = (*UNIT_TYPES, "Household")
ROOTS = {"unit": ("Unit", UNIT_TYPES), "household": ("Household", ("Household",))}
