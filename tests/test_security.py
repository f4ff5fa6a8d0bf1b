"""Adversarial tests: a township's token reaching for another township, masked fields, bombs.

Township XC-T01's clerk must see nothing of XC-T02 through any entry point: root lookups,
lists, nested fields, aliases, fragments, coverage, work orders and reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import httpx
import pytest

from hub.core import clock
from hub.core.settings import Settings
from hub.graph.db import Database
from hub.http.app import create_app
from tests.graphql_helpers import data, gql

Headers = Callable[..., dict[str, str]]
OWN, OTHER = "XC-T01", "XC-T02"
OTHER_UNITS = ["XC-T02", "XC-T02-C01", "XC-T02-C01-G01", "P-XC-T02-C01-G01", "XC"]

UNIT = """query($code: String!) { unit(code: $code, asOf: "2023-06-30") {
  __typename ... on UnitNotFound { message } ... on Unit { code } } }"""


def leaks(body: object) -> list[str]:
    """Anything in a response that only a server's insides would say."""
    text = str(body)
    return [p for p in (r"Traceback", r"\bMATCH\b", r"\bRETURN\b", r"neo4j\.", r"File \"/")
            if re.search(p, text)]


@pytest.mark.parametrize("code", OTHER_UNITS)
async def test_a_township_cannot_look_up_units_outside_it(
    client: httpx.AsyncClient, bearer: Headers, code: str
) -> None:
    found = (await data(client, UNIT, bearer("township", OWN), code=code))["unit"]
    assert found["__typename"] == "UnitNotFound"
    seen_by_county = (await data(client, UNIT, code=code))["unit"]
    assert seen_by_county["__typename"] != "UnitNotFound", "the unit exists for the county"


HOUSEHOLD = """query($code: String!) { household(code: $code, asOf: "2023-06-30") {
  __typename ... on Household { code head parent { code } } } }"""


@pytest.mark.parametrize(
    ("role", "unit", "code", "seen"),
    [("township", OWN, "H000001", True), ("township", OWN, "H000015", False),
     ("grid", "XC-T01-C01-G02", "H000001", True), ("grid", "XC-T01-C01-G01", "H000001", False),
     ("service", None, "H000015", True)],
)
async def test_a_household_is_looked_up_only_inside_the_jurisdiction(
    client: httpx.AsyncClient, bearer: Headers, role: str, unit: str | None, code: str,
    seen: bool,
) -> None:
    found = (await data(client, HOUSEHOLD, bearer(role, unit), code=code))["household"]
    assert (found["__typename"] == "Household") is seen
    if seen and role == "service":
        assert found["head"] is None, "the service role sees no personal field"
    elif seen:
        assert found["parent"]["code"].startswith(unit or "XC")


async def test_aliases_and_fragments_reach_no_further(
    client: httpx.AsyncClient, bearer: Headers
) -> None:
    query = """
      fragment U on Unit { code name }
      fragment Deep on Township { communities(first: 50) { nodes { ...U grids(first: 50) {
        nodes { ...U households(first: 50) { nodes { code } } } } } } }
      query {
        a: unit(code: "XC-T02") { ...on Unit { ...U } ...Deep }
        b: unit(code: "XC-T02-C01-G01") { ... on Grid { households { nodes { code } } } }
        c: units(name: "", first: 100) { ... on UnitConnection { totalCount } }
        own: unit(code: "XC-T01") { ...Deep }
      }"""
    body = await gql(client, query, bearer("township", OWN))
    assert "errors" not in body, body
    got = body["data"]
    assert got["a"] == {} and got["b"] == {}, "UnitNotFound carries none of the unit's fields"
    own_codes = re.findall(r"'code': '([^']+)'", str(got["own"]))
    assert own_codes and all(c.startswith(OWN) or c.startswith("H") for c in own_codes)


async def test_lists_hold_only_units_inside_the_township(
    client: httpx.AsyncClient, bearer: Headers
) -> None:
    query = """query($after: String) { units(first: 100, after: $after) {
      ... on UnitConnection { totalCount pageInfo { hasNextPage endCursor }
      nodes { code kind parent { code } } } } }"""
    codes: list[str] = []
    after = None
    while True:
        page = (await data(client, query, bearer("township", OWN), after=after))["units"]
        # Enterprises, cooperatives and enterprise Party orgs keep codes of their own (not
        # built from their place): their parent unit tells where they lie.
        # The township's own parent, the county, lies outside and reads as null.
        codes += [n["code"] if OWN in n["code"] or n["parent"] is None
                  else n["parent"]["code"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert codes
    assert all(re.match(r"^(P-)?XC-T01(-|$)", c) for c in codes), [
        c for c in codes if not re.match(r"^(P-)?XC-T01(-|$)", c)][:5]


async def test_county_scope_queries_are_closed_to_a_township(
    client: httpx.AsyncClient, bearer: Headers
) -> None:
    query = """{ county(asOf: "2023-06-30") { code }
      coverage(dimension: GRIDS_ONLY_PART_TIME, unit: "XC-T02", asOf: "2023-06-30") {
        __typename } }"""
    got = await data(client, query, bearer("township", OWN))
    assert got["county"] is None
    assert got["coverage"]["__typename"] == "UnitNotFound"


async def test_coverage_of_the_own_township_names_only_own_gaps(
    client: httpx.AsyncClient, bearer: Headers
) -> None:
    query = """{ coverage(dimension: HOUSEHOLDS_WITHOUT_MEMBER, unit: "XC-T01",
      asOf: "2023-06-30", first: 100) { ... on Coverage { whole { total }
      gaps { nodes { code child } } } } }"""
    got = (await data(client, query, bearer("township", OWN)))["coverage"]
    assert got["whole"]["total"] > 0
    assert got["gaps"]["nodes"]
    assert all(g["child"].startswith(OWN) for g in got["gaps"]["nodes"])


async def test_work_orders_of_another_township_are_not_counted(
    client: httpx.AsyncClient, bearer: Headers
) -> None:
    query = """{ workOrderStats(start: "2022-01-01", end: "2023-06-30") {
      ... on WorkOrderStats { byTownship { code routed } total { routed } } } }"""
    mine = (await data(client, query, bearer("township", OWN)))["workOrderStats"]
    everyone = (await data(client, query))["workOrderStats"]
    assert [t["code"] for t in mine["byTownship"]] == [OWN]
    assert mine["total"]["routed"] < everyone["total"]["routed"]
    own_row = next(t for t in everyone["byTownship"] if t["code"] == OWN)
    assert mine["total"]["routed"] == own_row["routed"]


@pytest.mark.parametrize(
    ("role", "unit", "expect"),
    [("county", None, "clear"), ("township", OWN, "clear"),
     ("grid", "XC-T01-C01-G01", "masked"), ("service", None, "null")],
)
async def test_member_names_are_masked_by_role(
    client: httpx.AsyncClient, bearer: Headers, role: str, unit: str | None, expect: str
) -> None:
    query = """{ unit(code: "P-XC-T01-C01-G01", asOf: "2023-06-30") { ... on PartyOrg {
      members(first: 5) { nodes { code name } } } } }"""
    members = (await data(client, query, bearer(role, unit)))["unit"]["members"]["nodes"]
    assert members
    names = [m["name"] for m in members]
    if expect == "clear":
        assert all(n and "*" not in n for n in names)
    elif expect == "masked":
        assert all(n and re.fullmatch(r".\*+", n) for n in names)
    else:
        assert names == [None] * len(names)


@pytest.mark.parametrize(
    ("role", "unit", "expect"),
    [("county", None, "clear"), ("township", OWN, "clear"),
     ("grid", "XC-T01-C01-G02", "masked"), ("service", None, "null")],
)
async def test_phone_numbers_are_masked_by_role(
    client: httpx.AsyncClient, bearer: Headers, role: str, unit: str | None, expect: str
) -> None:
    query = """{ household(code: "H000001", asOf: "2023-06-30") { ... on Household { phone
      members(first: 3) { nodes { phone } } } }
      unit(code: "XC-T01-C01-G02", asOf: "2023-06-30") { ... on Grid {
      workers(first: 3) { nodes { phone } } } } }"""
    got = await data(client, query, bearer(role, unit))
    phones = [got["household"]["phone"],
              *(m["phone"] for m in got["household"]["members"]["nodes"]),
              *(w["phone"] for w in got["unit"]["workers"]["nodes"])]
    assert len(phones) >= 3
    if expect == "clear":
        assert got["household"]["phone"] == "19905000001"
        assert all(p and re.fullmatch(r"1\d{10}", p) for p in phones)
    elif expect == "masked":
        assert got["household"]["phone"] == "199****0001"
        assert all(p and re.fullmatch(r"1\d\d\*{4}\d{4}", p) for p in phones)
    else:
        assert phones == [None] * len(phones)


async def test_no_field_returns_citizen_id_numbers(client: httpx.AsyncClient) -> None:
    body = await gql(client, "{ __schema { types { fields { name } } } }")
    names = {f["name"].lower() for t in body["data"]["__schema"]["types"]
             for f in (t["fields"] or [])}
    assert not names & {"idnumber", "idhash", "idmasked", "citizenid"}


async def test_depth_alias_and_fragment_bombs_are_refused(client: httpx.AsyncClient) -> None:
    deep = "{ unit(code: \"XC\") { ... on County { townships { nodes { communities { nodes {" \
           " grids { nodes { partyOrgs { nodes { members { nodes { households { nodes {" \
           " members { nodes { code } } } } } } } } } } } } } } } } }"
    aliases = "{ " + " ".join(f"a{i}: unit(code: \"XC\") {{ __typename }}"
                              for i in range(40)) + " }"
    fragments = ["fragment F0 on Query { x: unit(code: \"XC\") { __typename } ...F1 ...F1 }"]
    fragments += [f"fragment F{i} on Query {{ x{i}: __typename ...F{i + 1} ...F{i + 1} }}"
                  for i in range(1, 40)]
    fragments.append("fragment F40 on Query { __typename }")
    bomb = "query { ...F0 }\n" + "\n".join(fragments)
    tokens = "{ " + " ".join(["__typename"] * 2500) + " }"
    for document, why in ((deep, "depth"), (aliases, "aliases"), (bomb, "aliases"),
                          (tokens, "token")):
        body = (await client.post("/graphql", json={"query": document})).json()
        assert body.get("data") is None, why
        message = body["errors"][0]["message"]
        assert why in message.lower(), message
        assert not leaks(body)


async def test_an_oversize_page_is_refused_with_a_typed_error(client: httpx.AsyncClient) -> None:
    query = "{ units(first: 100000) { __typename ... on PageTooLarge { message } } }"
    body = await gql(client, query)
    assert body["data"]["units"]["__typename"] == "PageTooLarge"
    assert "100" in body["data"]["units"]["message"]


async def test_anonymous_and_forged_callers_get_nothing(client: httpx.AsyncClient) -> None:
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer not.a.token"},
                    {"X-API-Key": "guess", "Authorization": ""}):
        response = await client.post("/graphql", json={"query": "{ __typename }"},
                                     headers=headers)
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await client.get("/healthz", headers={"Authorization": ""})).status_code == 200


async def test_no_response_leaks_a_stack_trace_or_cypher(client: httpx.AsyncClient) -> None:
    documents = ['{ unit(code: "XC", asOf: "not-a-date") { __typename } }',
                 "{ units(first: -5) { __typename } }",
                 '{ coverage(dimension: NOPE, unit: "XC") { __typename } }',
                 "{ unit { __typename } }", "{"]
    for document in documents:
        body = (await client.post("/graphql", json={"query": document})).json()
        assert "errors" in body, document
        assert not leaks(body), (document, body)


async def test_a_slow_query_is_cut_off_with_a_clear_error(
    settings: Settings, demo: Database, bearer: Headers
) -> None:
    """A write stuck behind another transaction's lock is cut off, and says so plainly."""
    hasty = replace(settings, limits=replace(settings.limits, write_timeout_seconds=0.5))
    app = create_app(hasty)
    mutation = """mutation { rectifyWeakLax(code: "WL-07", on: "2026-06-01") { __typename } }"""
    async with demo.driver.session(database=demo.database) as session:
        holder = await session.begin_transaction()
        await holder.run(demo.queries["testing.hold_weak_lax"].text, code="WL-07")
        try:
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://hub") as http:
                    body = (await http.post("/graphql", json={"query": mutation},
                                            headers=bearer("county"))).json()
        finally:
            await holder.rollback()
    error = body["errors"][0]
    assert error["extensions"]["code"] == "QueryTimeout"
    assert "查询超时" in error["message"] and "timed out" in error["message"]
    assert not leaks(body)
    state = await demo.read("edit.weak_state", code="WL-07", scope=None,
                            today=clock.today())
    assert state[0]["rectifiedOn"] is None, "the cut-off write left nothing behind"


@pytest.mark.parametrize(("role", "unit"), [("township", OWN), ("grid", "XC-T01-C01-G01")])
async def test_county_wide_figures_are_closed_below_the_county(
    client: httpx.AsyncClient, bearer: Headers, role: str, unit: str
) -> None:
    for query in ('{ countyReport(asOf: "2023-06-30") { figures { id value } } }',
                  '{ auditReport(claims: [{id: "F12", value: 110}]) { __typename } }'):
        body = await gql(client, query, bearer(role, unit))
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "NotPermitted"
    service = await data(client, '{ countyReport(asOf: "2023-06-30") { figures { id } } }',
                         bearer("service"))
    assert len(service["countyReport"]["figures"]) == 26


async def test_introspection_and_the_ide_can_be_turned_off(
    settings: Settings, demo: Database, bearer: Headers
) -> None:
    closed = replace(settings, introspection_enabled=False, ide_enabled=False)
    app = create_app(closed)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub",
                                     headers=bearer("county")) as http:
            body = (await http.post("/graphql", json={"query": "{ __schema { types { name } } }"}
                                    )).json()
            page = await http.get("/graphql", headers={"Accept": "text/html"})
            works = (await http.post("/graphql", json={"query": "{ county { code } }"})).json()
    assert body["data"] is None and "introspection" in body["errors"][0]["message"].lower()
    assert page.status_code != 200 or "graphiql" not in page.text.lower()
    assert works["data"]["county"]["code"] == "XC"
