"""Compiled coverage (schema/compile/coverage.py) answers exactly what the coverage resolver
answers, in the one round trip of the dimension's query: every dimension, every role, every
page of the gaps, on the demo county and on a county the test generates with another shape
(tests/other_county.py); and what it does not know goes to the resolver."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hub.graph.db import Database
from hub.query.coverage import Dimension
from schema.pagination import encode_cursor
from tests.graphql_helpers import REPORT_DAY
from tests.other_county_load import Loaded, loaded_beside
from tests.test_compile_answers import ROLES, both, plain  # noqa: F401 (the fixture)

FULL = """query Cover($d: Dimension!, $code: String!, $asOf: Date, $first: Int!,
                    $after: String) {
  coverage(dimension: $d, unit: $code, asOf: $asOf, first: $first, after: $after) {
    __typename
    ... on Coverage { type: __typename dimension definitionZh definitionEn asOf query
      whole { ...Tally } perChild: byChild { ...Tally }
      gaps { __typename totalCount pageInfo { hasNextPage endCursor __typename }
        nodes { __typename code name child childName reasonZh reasonEn } } }
    ... on UnitNotFound { code message }
    ... on PageTooLarge { asked limit } } }
fragment Tally on CoverageTally { __typename code name kind total covered unknown gaps ratio }
"""
WITH_UNIT = """query($code: String!) { coverage(dimension: GRIDS_WITHOUT_PARTY_ORG,
  unit: $code) { ... on Coverage { whole { total } unit { code } } } }"""
TWO_ROOTS = """query($after: String) {
  a: unit(code: "XC") { ... on County { townships(first: 2, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { code } } } }
  b: unit(code: "XC") { ... on County { townships(first: 3) {
    pageInfo { hasNextPage endCursor } nodes { code } } } } }"""


async def _pages(client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
                 headers: dict[str, str], dimension: Dimension, code: str, first: int
                 ) -> tuple[list[dict[str, Any]], int, list[int]]:
    """Every page of one coverage, checked equal to the resolver's page by page: the
    coverages, the gaps of all pages in order, and each page's round trips."""
    pages, trips, after = [], [], None
    while True:
        body, count = await both(client, plain, FULL, headers, d=dimension.name, code=code,
                                 asOf=REPORT_DAY, first=first, after=after)
        pages.append(body["data"]["coverage"])
        trips.append(count)
        info = body["data"]["coverage"].get("gaps", {}).get("pageInfo")
        if not info or not info["hasNextPage"]:
            return pages, sum(len(p["gaps"]["nodes"]) for p in pages if "gaps" in p), trips
        after = info["endCursor"]


@pytest.mark.parametrize(("role", "unit"), ROLES)
async def test_every_dimension_as_the_resolver_for_every_role(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
        bearer: Callable[..., dict[str, str]], role: str, unit: str | None) -> None:
    for dimension in Dimension:
        for code in ("XC", "XC-T01"):
            pages, gaps, trips = await _pages(client, plain, bearer(role, unit), dimension,
                                              code, first=7)
            first = pages[0]
            if first["__typename"] == "Coverage":
                assert trips == [1] * len(pages)
                assert gaps == first["gaps"]["totalCount"]
                assert first["type"] == "Coverage" and first["dimension"] == dimension.name
            else:  # outside the caller's unit: the compiled query finds nothing, then the
                assert first["__typename"] == "UnitNotFound" and trips == [2]  # resolver


async def test_other_county_every_township_and_dimension(
        demo: Database, tmp_path_factory: pytest.TempPathFactory,
        client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
        bearer: Callable[..., dict[str, str]]) -> None:
    async with loaded_beside(demo, tmp_path_factory.mktemp("cover-other")) as other:
        await _other(other, client, plain, bearer)


async def _other(other: Loaded, client: httpx.AsyncClient,
                 plain: httpx.AsyncClient,  # noqa: F811
                 bearer: Callable[..., dict[str, str]]) -> None:
    county = other.county
    for township in county.townships:
        for who in (bearer("county"), bearer("township", township)):
            for dimension in Dimension:
                pages, gaps, trips = await _pages(client, plain, who, dimension, township,
                                                  first=3)
                assert pages[0]["__typename"] == "Coverage" and trips == [1] * len(pages)
                assert pages[0]["whole"]["code"] == township
                assert gaps == pages[0]["gaps"]["totalCount"]
            # This county's worker stations lie directly in their township: counted in the
            # township's whole, in no child unit (each child a unit with a kind, never the
            # station itself, which once broke `byChild { kind }`).
            stations = [r["code"] for r in other.rows("facilities")
                        if r["kind"] == "worker_station" and r["territory"] == township]
            body, _ = await both(client, plain, FULL, who, d="STATIONS_MISSING_HAVES",
                                 code=township, asOf=REPORT_DAY, first=10)
            found = body["data"]["coverage"]
            assert found["whole"]["total"] == len(stations)
            assert sum(c["total"] for c in found["perChild"]) == 0
            assert all(c["kind"] is not None for c in found["perChild"])


async def test_what_it_does_not_know_goes_to_the_resolver(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
        bearer: Callable[..., dict[str, str]]) -> None:
    body, trips = await both(client, plain, WITH_UNIT, bearer("county"), code="XC-T01")
    assert body["data"]["coverage"]["unit"] == {"code": "XC-T01"}
    assert trips == 1  # the resolver's own one query: nothing compiled ran before it
    body, trips = await both(client, plain, FULL, bearer("county"),
                             d="GRIDS_WITHOUT_PARTY_ORG", code="XC", first=10_000)
    assert body["data"]["coverage"]["__typename"] == "PageTooLarge" and trips == 0


async def test_two_roots_each_count_their_own_pages(
        client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
        bearer: Callable[..., dict[str, str]]) -> None:
    first, _ = await both(client, plain, TWO_ROOTS, bearer("county"), after=None)
    after = first["data"]["a"]["townships"]["pageInfo"]["endCursor"]
    body, trips = await both(client, plain, TWO_ROOTS, bearer("county"), after=after)
    assert trips == 2
    a, b = body["data"]["a"]["townships"], body["data"]["b"]["townships"]
    # a's page starts after its first page's end, b's at the start: each cursor from its own.
    assert a["pageInfo"]["endCursor"] == encode_cursor(3)
    assert b["pageInfo"]["endCursor"] == encode_cursor(2)
    assert [n["code"] for n in b["nodes"]][2] == first["data"]["b"]["townships"]["nodes"][2][
        "code"]
