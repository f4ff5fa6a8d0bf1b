"""The compiled lane (hub/http/compiled_lane.py) answers a repeated document exactly as the
usual way does: the first request of a document plans it inside Strawberry, every later one
goes through the lane; both are checked against the resolvers (the compiler off), for every
role, for browsing, lookups and coverage, with several callers at once; and every request
the lane must not answer is seen to go the usual way."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from hub.core.settings import Settings
from hub.graph.db import Database
from hub.http.app import create_app
from hub.http.compiled_lane import CompiledLane
from hub.http.graphql_app import HubGraphQL
from hub.http.request_errors import MAX_STRING
from schema.compile.shape import Shaper
from tests.graphql_helpers import REPORT_DAY, gql
from tests.test_compile_answers import BROWSE, COUNTY, LOOKUP, ROLES
from tests.test_compile_coverage import FULL as COVERAGE

Lane = tuple[httpx.AsyncClient, CompiledLane]


def _endpoint(app: Starlette) -> HubGraphQL:
    found = [r.endpoint for r in app.routes if getattr(r, "path", None) == "/graphql"]
    assert isinstance(found[0], HubGraphQL)
    return found[0]


async def _client(settings: Settings) -> AsyncIterator[tuple[httpx.AsyncClient, Starlette]]:
    app = create_app(settings)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://hub") as http:
        yield http, app


@pytest.fixture(scope="module")
async def lane(settings: Settings, demo: Database) -> AsyncIterator[Lane]:
    """The app as it runs: compiled, round trips not reported (reporting turns the lane off)."""
    async for http, app in _client(dataclasses.replace(settings, debug_round_trips=False)):
        found = _endpoint(app).lane
        assert found is not None
        yield http, found


@pytest.fixture(scope="module")
async def resolvers(settings: Settings, demo: Database) -> AsyncIterator[httpx.AsyncClient]:
    async for http, _ in _client(dataclasses.replace(settings, compile_queries=False,
                                                     debug_round_trips=False)):
        yield http


def _errors(body: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((e["extensions"]["code"], e["message"]) for e in body.get("errors", []))


async def _twice(lane: Lane, resolvers: httpx.AsyncClient, query: str,
                 headers: dict[str, str], **variables: Any) -> tuple[dict[str, Any], int]:
    """The second answer, after checking that both agree with the resolvers'; and whether
    the lane answered the second (1) or not (0)."""
    http, found = lane
    first = await gql(http, query, headers, **variables)
    before = found.answered
    second = await gql(http, query, headers, **variables)
    expected = await gql(resolvers, query, headers, **variables)
    for body in (first, second):
        assert body.get("data") == expected.get("data")
        assert _errors(body) == _errors(expected)
    return second, found.answered - before


@pytest.mark.parametrize(("role", "unit"), ROLES)
async def test_the_lane_answers_as_the_resolvers_for_every_role(
        lane: Lane, resolvers: httpx.AsyncClient, demo: Database,
        bearer: Callable[..., dict[str, str]], role: str, unit: str | None) -> None:
    headers = bearer(role, unit)
    household = "H000001"  # the demo county's first, in grid XC-T01-C01-G02
    assert await demo.read("units.household_by_code", codes=[household], asOf=None,
                           scope=None)
    for code in ("XC-T01", "XC-T02"):
        body, answered = await _twice(lane, resolvers, BROWSE, headers, code=code,
                                      asOf=REPORT_DAY, n=4)
        found = body["data"]["unit"]["__typename"] == "Township"
        # Not found: the compiled query's empty answer goes to the resolvers' typed result.
        assert answered == (1 if found else 0)
    body, answered = await _twice(lane, resolvers, LOOKUP, headers, code=household,
                                  asOf=REPORT_DAY)
    found = body["data"]["household"].get("code") == household
    assert found == (role != "grid")
    assert answered == (1 if found else 0)
    _, answered = await _twice(lane, resolvers, COUNTY, headers, asOf=REPORT_DAY)
    assert answered == (1 if role in ("county", "service") else 0)
    for dimension in ("GRIDS_WITHOUT_PARTY_ORG", "ENTERPRISES_WITHOUT_ORG"):
        body, answered = await _twice(lane, resolvers, COVERAGE, headers, d=dimension,
                                      code="XC-T01", asOf=REPORT_DAY, first=5, after=None)
        covered = body["data"]["coverage"]["__typename"] == "Coverage"
        assert covered == (role != "grid")
        assert answered == (1 if covered else 0)


async def test_a_new_document_is_planned_the_usual_way_first(
        lane: Lane, bearer: Callable[..., dict[str, str]]) -> None:
    http, found = lane
    # A text no test sent before: another document to the lane, though the same query.
    query = BROWSE.replace("query Browse(", "query BrowseOnce(")
    variables = {"code": "XC-T01", "asOf": REPORT_DAY, "n": 4}
    before = found.answered
    first = await gql(http, query, bearer("county"), **variables)
    assert found.answered == before
    second = await gql(http, query, bearer("county"), **variables)
    assert found.answered == before + 1
    assert second == first
    # Named as the document names it: the same plan.
    response = await http.post("/graphql", headers=bearer("county"), json={
        "query": query, "variables": variables, "operationName": "BrowseOnce"})
    assert response.json() == first
    assert found.answered == before + 2
    # Named otherwise: refused the usual way, not answered from the plan.
    response = await http.post("/graphql", headers=bearer("county"), json={
        "query": query, "variables": variables, "operationName": "Other"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BadHttpRequest"
    assert found.answered == before + 2


async def test_callers_at_once_each_get_their_own_answer(
        lane: Lane, resolvers: httpx.AsyncClient,
        bearer: Callable[..., dict[str, str]]) -> None:
    http, found = lane
    asks = [(bearer(role, unit), code) for role, unit in ROLES for code in ("XC-T01", "XC-T02")]
    variables = {"asOf": REPORT_DAY, "n": 4}
    for headers, code in asks:  # planned once, and the answers the lane must give
        await gql(http, BROWSE, headers, code=code, **variables)
    expected = [await gql(resolvers, BROWSE, headers, code=code, **variables)
                for headers, code in asks]
    before = found.answered
    answers = await asyncio.gather(*(gql(http, BROWSE, headers, code=code, **variables)
                                     for headers, code in asks * 3))
    assert [a["data"] for a in answers] == [e["data"] for e in expected * 3]
    assert found.answered - before == 3 * sum(
        e["data"]["unit"]["__typename"] == "Township" for e in expected)


async def test_what_the_lane_must_not_answer_goes_the_usual_way(
        lane: Lane, bearer: Callable[..., dict[str, str]]) -> None:
    http, found = lane
    headers = bearer("county")
    good = {"code": "XC-T01", "asOf": REPORT_DAY, "n": 4}
    await gql(http, BROWSE, headers, **good)
    refused = [
        ({**good, "asOf": "not a date"}, "BadVariable"),
        ({**good, "code": "X" * (MAX_STRING + 1)}, "LongString"),
        ({**good, "n": 10_000}, "PageTooLarge"),
    ]
    before = found.answered
    for variables, code in refused:
        body = await gql(http, BROWSE, headers, **variables)
        assert [e["extensions"]["code"] for e in body["errors"]] == [code], body
    # A body with more than a plain request holds (here `extensions`) goes the usual way too.
    response = await http.post("/graphql", headers=headers, json={
        "query": BROWSE, "variables": good, "extensions": {}})
    assert response.status_code == 200
    assert response.json()["data"]["unit"]["code"] == "XC-T01"
    assert found.answered == before
    # Nobody gets past the gate into the lane: no token, 401.
    response = await http.post("/graphql", json={"query": BROWSE, "variables": good})
    assert response.status_code == 401
    assert found.answered == before


async def test_a_fault_is_masked_alike_either_way(
        lane: Lane, bearer: Callable[..., dict[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    http, found = lane
    query = BROWSE.replace("query Browse(", "query BrowseFault(")
    variables = {"code": "XC-T01", "asOf": REPORT_DAY, "n": 4}

    def broken(*_: object) -> None:
        raise RuntimeError("a bug in shaping")

    monkeypatch.setattr(Shaper, "root", broken)
    before = found.answered
    bodies = []
    for _ in range(2):  # the usual way plans it, the lane answers it again
        response = await http.post("/graphql", headers=bearer("county"),
                                   json={"query": query, "variables": variables})
        assert response.status_code == 200
        bodies.append(response.json())
    assert found.answered == before + 1
    for body in bodies:
        [error] = body["errors"]
        assert error["extensions"]["code"] == "INTERNAL"
        assert "a bug" not in error["message"] and error["extensions"]["incident"]
        assert body["data"] is None
