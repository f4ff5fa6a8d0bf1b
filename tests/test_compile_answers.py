"""Compiled queries (hub/compile) answer exactly what the DataLoader path answers, in one
round trip per root field, for every role (jurisdiction in the query, personal data masked),
on the demo county; tests/test_compile_other.py does the same on a generated county."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from hub.core.settings import Settings
from hub.graph.db import Database
from hub.http.app import create_app
from schema.pagination import encode_cursor
from tests.graphql_helpers import REPORT_DAY, gql

MEMBERS = "members(first: 3) { totalCount pageInfo { hasNextPage endCursor } " \
          "nodes { __typename code name phone gender fullMember joinedOn } }"
BROWSE = """query Browse($code: String!, $asOf: Date!, $n: Int!) {
  unit(code: $code, asOf: $asOf) { __typename ... on Township { code name kind
    villages(first: $n) { totalCount pageInfo { endCursor } nodes { code name
      partyOrgs(first: 2) { totalCount nodes { code name orgKind industry <<m>> } } } }
    byName: communities(first: 3, name: "社区") { __typename totalCount nodes { code
      ...GridsOf } } } }
}
fragment GridsOf on Community { grids(first: 5) { totalCount nodes { name
  partyOrgs(kinds: [GRID_BRANCH, GRID_GROUP]) { nodes { code orgKind <<m>> } } } } }
""".replace("<<m>>", MEMBERS)
LOOKUP = """query Lookup($code: String!, $asOf: Date) {
  household(code: $code, asOf: $asOf) { ... on Household { code head phone address size
    up: parent { __typename code kind parent { code name kind parent { code parent { code } } } } }
  } }"""
COUNTY = """query County($asOf: Date) { unit(code: "XC", asOf: $asOf) { ... on County { code
  townships(first: 4, after: "bzow") { totalCount pageInfo { hasNextPage endCursor }
    nodes { code name } } } } }"""


@pytest.fixture(scope="module")
async def plain(settings: Settings, demo: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The same app with the compiler off: every answer comes from the resolvers."""
    app = create_app(dataclasses.replace(settings, compile_queries=False))
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://hub") as http:
        yield http


async def both(client: httpx.AsyncClient, plain: httpx.AsyncClient, query: str,
               headers: dict[str, str], **variables: Any) -> tuple[dict[str, Any], int]:
    """The compiled body (without its extensions) after checking it equals the plain one;
    and the compiled path's round trips."""
    compiled = await gql(client, query, headers, **variables)
    expected = await gql(plain, query, headers, **variables)
    trips: int = compiled.pop("extensions")["roundTrips"]["count"]
    expected.pop("extensions")
    assert compiled.get("data") == expected.get("data")
    # Errors by kind and message: an incident id is new for every error, and which of several
    # nested pages fails first (its path) depends on the order the loaders' batches finish.
    assert _errors(compiled) == _errors(expected)
    return compiled, trips


def _errors(body: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((e["extensions"]["code"], e["message"]) for e in body.get("errors", []))


ROLES = [("county", None), ("township", "XC-T01"), ("grid", "XC-T01-C01-G01"),
         ("service", None)]


@pytest.mark.parametrize(("role", "unit"), ROLES)
async def test_browse_equals_the_loaders_for_every_role(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,
        bearer: Callable[..., dict[str, str]], role: str, unit: str | None) -> None:
    for code in ("XC-T01", "XC-T02"):
        body, trips = await both(client, plain, BROWSE, bearer(role, unit), code=code,
                                 asOf=REPORT_DAY, n=4)
        found = body["data"]["unit"]["__typename"] == "Township"
        # A grid's staff see nothing above their grid, a township's only their township.
        assert found == (role in ("county", "service") or (role, code) == ("township",
                                                                           "XC-T01"))
        # Not found: the compiled query's empty answer, then the resolvers' typed result.
        assert trips == (1 if found else 2)


async def test_browse_of_the_demo_county_has_its_rows(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,
        bearer: Callable[..., dict[str, str]]) -> None:
    body, _ = await both(client, plain, BROWSE, bearer("county"), code="XC-T01",
                         asOf=REPORT_DAY, n=50)
    town = body["data"]["unit"]
    assert town["__typename"] == "Township" and town["kind"] == "TOWNSHIP"
    villages = town["villages"]
    assert villages["totalCount"] == len(villages["nodes"]) > 0
    codes = [v["code"] for v in villages["nodes"]]
    assert codes == sorted(codes)
    members = [m for v in villages["nodes"] for o in v["partyOrgs"]["nodes"]
               for m in o["members"]["nodes"]]
    assert members and all(m["__typename"] == "Member" and m["name"] for m in members)


async def test_a_township_caller_sees_nothing_of_another_township(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,
        bearer: Callable[..., dict[str, str]]) -> None:
    body, _ = await both(client, plain, BROWSE, bearer("township", "XC-T01"), code="XC-T02",
                         asOf=REPORT_DAY, n=4)
    assert body["data"]["unit"]["__typename"] == "UnitNotFound"


@pytest.mark.parametrize(("role", "unit"), ROLES)
async def test_lookup_and_its_chain_in_one_round_trip(
        client: httpx.AsyncClient, plain: httpx.AsyncClient, demo: Database,
        bearer: Callable[..., dict[str, str]], role: str, unit: str | None) -> None:
    rows = await demo.read("units.household_by_code", codes=["XC-T01-C01-G01-H001"],
                           asOf=None, scope=None)
    code = rows[0]["code"] if rows else "XC-T01-C01-G01-H001"
    body, trips = await both(client, plain, LOOKUP, bearer(role, unit), code=code,
                             asOf=REPORT_DAY)
    if body["data"]["household"].get("code"):
        assert trips == 1
        chain = body["data"]["household"]["up"]
        assert chain["kind"] in ("GRID", "VILLAGE")


async def test_cursors_and_default_dates_follow_the_loaders(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,
        bearer: Callable[..., dict[str, str]]) -> None:
    every = COUNTY.replace('first: 4, after: "bzow"', "first: 50")
    for day in (REPORT_DAY, None):
        body, trips = await both(client, plain, COUNTY, bearer("county"), asOf=day)
        whole, _ = await both(client, plain, every, bearer("county"), asOf=day)
        townships = body["data"]["unit"]["townships"]
        codes = [t["code"] for t in whole["data"]["unit"]["townships"]["nodes"]]
        assert trips == 1 and townships["totalCount"] == len(codes) == 8
        assert [t["code"] for t in townships["nodes"]] == codes[1:5]  # after the first
        assert townships["pageInfo"] == {"hasNextPage": True, "endCursor": encode_cursor(4)}


async def test_what_the_compiler_does_not_know_goes_to_the_resolvers(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,
        bearer: Callable[..., dict[str, str]]) -> None:
    too_big = BROWSE.replace("members(first: 3)", "members(first: 500)")
    body, _ = await both(client, plain, too_big, bearer("county"), code="XC-T01",
                         asOf=REPORT_DAY, n=2)
    assert body["errors"][0]["extensions"]["code"] == "PageTooLarge"
    skipped = BROWSE.replace("code name kind", "code name kind @skip(if: true)")
    _, trips = await both(client, plain, skipped, bearer("county"), code="XC-T01",
                          asOf=REPORT_DAY, n=2)
    assert trips > 1
    bad = COUNTY.replace('"bzow"', '"nonsense"')
    body, _ = await both(client, plain, bad, bearer("county"), asOf=REPORT_DAY)
    assert body["errors"][0]["extensions"]["code"] == "BadCursor"
