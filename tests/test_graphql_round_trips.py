"""No N+1: the Cypher round trips of a request follow the depth of the query, not the sizes
of its lists. The count comes from the response's `extensions.roundTrips`, which the test
settings switch on (`debug_round_trips`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hub.query.coverage import Dimension, query_name
from tests.graphql_helpers import gql, round_trips

TERRITORY = """
query Territory($n: Int!) {
  county(asOf: "2023-06-30") {
    townships(first: $n) { nodes {
      communities(first: $n) { nodes {
        grids(first: $n) { totalCount nodes { code } } } } } } }
}
"""

PEOPLE = """
query People($n: Int!) {
  units(kind: GRID, first: $n, asOf: "2023-06-30") { ... on UnitConnection { nodes {
    ... on Grid { partyOrgs(first: $n) { nodes {
      members(first: $n) { nodes {
        households(first: $n) { totalCount nodes { code } } } } } } } } } }
}
"""


def _grids(body: dict[str, Any]) -> int:
    return sum(len(c["grids"]["nodes"])
               for t in body["data"]["county"]["townships"]["nodes"]
               for c in t["communities"]["nodes"])


def _households(body: dict[str, Any]) -> int:
    return sum(len(m["households"]["nodes"])
               for g in body["data"]["units"]["nodes"]
               for o in g["partyOrgs"]["nodes"]
               for m in o["members"]["nodes"])


async def test_territory_round_trips_do_not_grow_with_the_lists(
        client: httpx.AsyncClient) -> None:
    small, large = await gql(client, TERRITORY, n=1), await gql(client, TERRITORY, n=100)
    assert _grids(small) == 1 and _grids(large) == 110
    # one for the county, one per nested list: townships, communities, grids
    assert round_trips(small) == round_trips(large) == 4
    assert large["extensions"]["roundTrips"]["queries"] == [
        "browse.children", "browse.children", "browse.children", "units.search"]


async def test_people_round_trips_do_not_grow_with_the_lists(client: httpx.AsyncClient) -> None:
    small, large = await gql(client, PEOPLE, n=1), await gql(client, PEOPLE, n=100)
    assert _households(small) == 1 and _households(large) > 1000
    assert round_trips(small) == round_trips(large) == 4
    assert large["extensions"]["roundTrips"]["queries"] == [
        "browse.member_households", "browse.org_members", "browse.party_orgs", "units.search"]


async def test_a_whole_report_is_one_round_trip_per_figure(client: httpx.AsyncClient) -> None:
    body = await gql(client, '{ countyReport(asOf: "2023-06-30") { figures { id } } }')
    assert round_trips(body) == 26


async def test_a_parent_chain_is_one_round_trip_however_deep(client: httpx.AsyncClient) -> None:
    query = """{ household(code: "H000001", asOf: "2023-06-30") { ... on Household {
      parent { code parent { code parent { code parent { code parent { code } } } } } } } }"""
    body = await gql(client, query)
    chain = body["data"]["household"]["parent"]
    assert [chain["code"], chain["parent"]["code"], chain["parent"]["parent"]["code"],
            chain["parent"]["parent"]["parent"]["code"]] == [
        "XC-T01-C01-G02", "XC-T01-C01", "XC-T01", "XC"]
    assert chain["parent"]["parent"]["parent"]["parent"] is None
    # The household and its chain are one compiled query (hub/compile) ...
    assert body["extensions"]["roundTrips"]["queries"] == ["compiled.household"]
    # ... and one query each where the resolvers answer (a directive is left to them).
    resolved = await gql(client, query.replace("parent { code } }", "parent { code @skip(if: "
                                                                    "false) } }"))
    assert resolved["data"] == body["data"]
    assert resolved["extensions"]["roundTrips"]["queries"] == [
        "browse.household_ancestors", "units.household_by_code"]
    grids = await gql(client, """{ units(kind: GRID, first: 100, asOf: "2023-06-30") {
      ... on UnitConnection { nodes { code parent { code parent { code } } } } } }""")
    nodes = grids["data"]["units"]["nodes"]
    assert len(nodes) == 100 and all(n["parent"]["parent"]["code"].startswith("XC-T")
                                     for n in nodes)
    assert grids["extensions"]["roundTrips"]["queries"] == ["browse.ancestors", "units.search"]


COVERAGE = """query Cov($dimension: Dimension!, $unit: String!) {
  coverage(dimension: $dimension, unit: $unit, asOf: "2023-06-30", first: 5) {
    __typename
    ... on Coverage { unit { code kind } whole { code kind total covered }
                      byChild { code kind total } gaps { totalCount nodes { code child } } }
  } }"""


@pytest.mark.parametrize("dimension", [d.name for d in Dimension])
async def test_a_coverage_analysis_is_one_round_trip(client: httpx.AsyncClient,
                                                     bearer: Callable[..., dict[str, str]],
                                                     dimension: str) -> None:
    """The unit, its children's kinds and the tally come from the dimension's one query,
    however many child units and gaps the answer holds, and for a unit outside the caller's
    jurisdiction too."""
    name = query_name(Dimension[dimension])
    body = await gql(client, COVERAGE, dimension=dimension, unit="XC")
    result = body["data"]["coverage"]
    assert result["unit"] == {"code": "XC", "kind": "COUNTY"}
    assert result["whole"]["code"] == "XC" and result["whole"]["kind"] == "COUNTY"
    assert all(c["kind"] == "TOWNSHIP" for c in result["byChild"])
    assert body["extensions"]["roundTrips"]["queries"] == [name]
    township = await gql(client, COVERAGE, dimension=dimension, unit="XC-T02")
    kinds = {c["kind"] for c in township["data"]["coverage"]["byChild"]}
    assert kinds <= {"VILLAGE", "COMMUNITY"}
    assert township["extensions"]["roundTrips"]["queries"] == [name]
    elsewhere = await gql(client, COVERAGE, bearer("township", "XC-T01"), dimension=dimension,
                          unit="XC-T02")
    assert elsewhere["data"]["coverage"]["__typename"] == "UnitNotFound"
    assert elsewhere["extensions"]["roundTrips"]["queries"] == [name]
