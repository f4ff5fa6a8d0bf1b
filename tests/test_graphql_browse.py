"""Browsing over HTTP on the demo county: lookups, filters, nested connections, page limits,
jurisdiction and personal data by role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from tests.graphql_helpers import REPORT_DAY, data, gql

Bearer = Callable[..., dict[str, str]]

UNIT = """
query Unit($code: String!) {
  unit(code: $code, asOf: "2023-06-30") {
    __typename
    ... on Unit { code name kind parent { code kind } }
    ... on UnitNotFound { message }
  }
}
"""

MEMBERS = """
{ unit(code: "P-XC-T01-C01-G01", asOf: "2023-06-30") {
    ... on PartyOrg { orgKind members(first: 3) { totalCount nodes { code name
      households(first: 2) { totalCount nodes { code head address } } } } } } }
"""


async def test_a_unit_by_code_with_its_parent(client: httpx.AsyncClient) -> None:
    grid = (await data(client, UNIT, code="XC-T01-C01-G01"))["unit"]
    assert grid["__typename"] == "Grid" and grid["kind"] == "GRID"
    assert grid["parent"] == {"code": "XC-T01-C01", "kind": "COMMUNITY"}
    missing = (await data(client, UNIT, code="XC-NOWHERE"))["unit"]
    assert missing["__typename"] == "UnitNotFound" and "XC-NOWHERE" in missing["message"]


HOUSEHOLD = """
query Household($code: String!) {
  household(code: $code, asOf: "2023-06-30") {
    __typename
    ... on Household { code size parent { __typename code parent { code parent { code kind } } } }
    ... on HouseholdNotFound { message }
  }
}
"""


async def test_a_household_by_code_with_its_chain_up_to_the_township(
    client: httpx.AsyncClient,
) -> None:
    in_grid = (await data(client, HOUSEHOLD, code="H000001"))["household"]
    assert in_grid == {"__typename": "Household", "code": "H000001", "size": 2, "parent": {
        "__typename": "Grid", "code": "XC-T01-C01-G02", "parent": {
            "code": "XC-T01-C01", "parent": {"code": "XC-T01", "kind": "TOWNSHIP"}}}}
    in_village = (await data(client, HOUSEHOLD, code="H000003"))["household"]
    assert in_village["parent"]["__typename"] == "Village"
    assert in_village["parent"]["code"] == "XC-T01-V04"
    assert in_village["parent"]["parent"]["code"] == "XC-T01"
    missing = (await data(client, HOUSEHOLD, code="H999999"))["household"]
    assert missing["__typename"] == "HouseholdNotFound" and "H999999" in missing["message"]


async def test_units_filtered_by_name_and_kind_and_paged(client: httpx.AsyncClient) -> None:
    query = """query U($after: String) { units(kind: COMMUNITY, name: "社区", first: 20,
      after: $after, asOf: "2023-06-30") { ... on UnitConnection { totalCount
      pageInfo { hasNextPage endCursor } nodes { code kind } } } }"""
    first = (await data(client, query))["units"]
    assert first["totalCount"] == 55 and len(first["nodes"]) == 20
    assert {n["kind"] for n in first["nodes"]} == {"COMMUNITY"}
    second = (await data(client, query, after=first["pageInfo"]["endCursor"]))["units"]
    assert second["nodes"][0]["code"] > first["nodes"][-1]["code"]
    branches = (await data(client, """{ units(orgKind: GRID_BRANCH, first: 1, asOf: "2023-06-30")
      { ... on UnitConnection { totalCount } } }"""))["units"]
    assert branches["totalCount"] == 94


async def test_page_size_is_bounded_everywhere(client: httpx.AsyncClient) -> None:
    root = (await data(client, """{ units(first: 101) { __typename
      ... on PageTooLarge { asked limit message } } }"""))["units"]
    assert root == {"__typename": "PageTooLarge", "asked": 101, "limit": 100,
                    "message": root["message"]}
    nested = await gql(client, """{ county { townships(first: 500) { totalCount } } }""")
    assert nested["errors"][0]["extensions"]["code"] == "PageTooLarge"
    assert "page size above the limit" in nested["errors"][0]["message"]


async def test_industry_orgs_enterprises_and_instructors(client: httpx.AsyncClient) -> None:
    query = """{ county(asOf: "2023-06-30") { partyOrgs(kinds: [INDUSTRY_ORG]) { totalCount
      nodes { code industry enterprises(first: 100) { totalCount nodes { code
        instructors { totalCount nodes { code department } } } } } } } }"""
    orgs = (await data(client, query))["county"]["partyOrgs"]
    assert orgs["totalCount"] == 3
    assert {o["industry"] for o in orgs["nodes"]} == {
        "culture_tourism", "property_management", "freight"}
    enterprises = [e for o in orgs["nodes"] for e in o["enterprises"]["nodes"]]
    assert enterprises
    assert all(i["department"] for e in enterprises for i in e["instructors"]["nodes"])


async def test_agency_orgs_reporting_members_and_their_communities(
        client: httpx.AsyncClient) -> None:
    query = """{ county(asOf: "2023-06-30") { partyOrgs(kinds: [AGENCY_ORG], first: 100) {
      totalCount nodes { reportingMembers(first: 1) { totalCount
        nodes { reportsTo { nodes { kind } } } } } } } }"""
    orgs = (await data(client, query))["county"]["partyOrgs"]
    reporting = [o for o in orgs["nodes"] if o["reportingMembers"]["totalCount"] > 0]
    assert len(reporting) == 56
    assert sum(o["reportingMembers"]["totalCount"] for o in reporting) == 1206
    kinds = {c["kind"] for o in reporting for m in o["reportingMembers"]["nodes"]
             for c in m["reportsTo"]["nodes"]}
    assert kinds == {"COMMUNITY"}


async def test_work_orders_of_a_township_and_a_department(client: httpx.AsyncClient) -> None:
    query = """{ units(kind: DEPARTMENT, first: 1, asOf: "2023-06-30") { ... on UnitConnection {
      nodes { ... on Department { workOrders(first: 2, end: "2023-06-30") { totalCount
        nodes { code status reportedOn } } } } } }
      unit(code: "XC-T01", asOf: "2023-06-30") { ... on Township {
        workOrders(first: 5, status: CLOSED) { totalCount nodes { status } } } } }"""
    result = await data(client, query)
    township = result["unit"]["workOrders"]
    assert township["totalCount"] > 0 and {n["status"] for n in township["nodes"]} == {"closed"}
    department = result["units"]["nodes"][0]["workOrders"]
    assert all(n["reportedOn"] <= REPORT_DAY for n in department["nodes"])


def _people(result: dict[str, Any]) -> tuple[list[Any], list[Any], list[Any]]:
    members = result["unit"]["members"]["nodes"]
    households = [h for m in members for h in m["households"]["nodes"]]
    return ([m["name"] for m in members], [h["head"] for h in households],
            [h["address"] for h in households])


async def test_names_in_clear_for_county_masked_for_grid_absent_for_service(
        client: httpx.AsyncClient, bearer: Bearer) -> None:
    county = await data(client, MEMBERS)
    assert county["unit"]["members"]["totalCount"] >= 3
    names, heads, addresses = _people(county)
    assert names and all(n and "*" not in n for n in names)
    assert heads and all(a for a in addresses)
    grid = await data(client, MEMBERS, headers=bearer("grid", "XC-T01-C01-G01"))
    g_names, g_heads, g_addresses = _people(grid)
    assert [n[0] + "*" * (len(n) - 1) for n in names] == g_names
    assert all(h is None or h.endswith("*") for h in g_heads)
    assert all(a is None for a in g_addresses)
    service = await data(client, MEMBERS, headers=bearer("service"))
    s_names, s_heads, _ = _people(service)
    assert set(s_names) == {None} and set(s_heads) <= {None}


async def test_a_township_sees_only_its_own_jurisdiction(client: httpx.AsyncClient,
                                                         bearer: Bearer) -> None:
    own = bearer("township", "XC-T01")
    mine = (await data(client, UNIT, headers=own, code="XC-T01-C01"))["unit"]
    assert mine["code"] == "XC-T01-C01"
    other = (await data(client, UNIT, headers=own, code="XC-T02-C01"))["unit"]
    assert other["__typename"] == "UnitNotFound"
    assert (await data(client, "{ county { code } }", headers=own))["county"] is None
