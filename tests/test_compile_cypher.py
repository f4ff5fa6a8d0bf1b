"""The Cypher hub/compile generates, without a database: one statement per root field, made
of the fixed fragments, every value a parameter, nothing of the request in its text; and what
it leaves to the resolvers. Its answers are checked against the DataLoaders' in
tests/test_compile_answers.py and tests/test_compile_other.py."""

from __future__ import annotations

from datetime import date

import pytest
from graphql import GraphQLSchema, parse

from hub.core.settings import Settings
from hub.graph.cypher import parameters_of
from hub.http.graphql_app import build_schema
from schema.compile.build import compile_operation
from schema.compile.plan import RootPlan, Unsupported
from schema.compile.run import Request, statements
from schema.pagination import encode_cursor
from tests.test_compile_answers import BROWSE, COUNTY, LOOKUP

DAY = date(2023, 6, 30)


@pytest.fixture(scope="module")
def schema() -> GraphQLSchema:
    return build_schema(Settings.from_env({}))._schema


def roots(schema: GraphQLSchema, doc: str) -> list[RootPlan]:
    plan = compile_operation(schema, parse(doc), None)
    return [r for _, r in plan.roots if isinstance(r, RootPlan)]


def test_a_deep_browse_is_one_statement_of_nested_pages(schema: GraphQLSchema) -> None:
    [root] = roots(schema, BROWSE)
    text = root.cypher
    # villages, their orgs, their members; communities, grids, grid orgs, their members
    assert text.count("CALL (") == 7 == len(root.connections)
    assert text.startswith("MATCH (n0:Unit {code: $code})")
    for label in ("n1:Village", "n4:Community", ":Grid", ":PartyOrg", ":Member"):
        assert label in text
    assert "MEMBER_OF" in text and "n0:Township" in text
    assert text.count("EXISTS {") == 1, "jurisdiction is tested once, at the root"


def test_nothing_of_the_request_reaches_the_text(schema: GraphQLSchema) -> None:
    hostile = BROWSE.replace('name: "社区"', 'name: "x\\"}) DETACH DELETE n0 //"')
    [root] = roots(schema, hostile)
    assert "DETACH" not in root.cypher and "社区" not in root.cypher
    assert "byName" not in root.cypher and "GridsOf" not in root.cypher
    request = Request(schema, compile_operation(schema, parse(hostile), None),
                      {"code": "XC-T01", "asOf": "2023-06-30", "n": 4}, DAY, None, 100)
    params = request.params(root)
    assert params is not None
    assert 'x"}) DETACH DELETE n0 //' in params.values()
    assert set(params) == parameters_of(root.cypher)


def test_page_arguments_become_parameters_as_the_loaders_take_them(
        schema: GraphQLSchema) -> None:
    plan = compile_operation(schema, parse(COUNTY), None)
    request = Request(schema, plan, {}, DAY, "XC-T01", 100)
    found = statements(request, plan)
    assert found is not None
    [(name, _, params)] = found
    assert name == "compiled.unit"
    assert params["code"] == "XC" and params["scope"] == "XC-T01" and params["asOf"] == DAY
    assert encode_cursor(0) == "bzow"  # the cursor COUNTY starts after
    assert (params["c1_offset"], params["c1_limit"]) == (1, 4)
    assert request.offsets == {"unit": {1: 1}}


@pytest.mark.parametrize("limit", [20, 19])
def test_a_page_above_the_limit_is_left_to_the_resolvers(schema: GraphQLSchema,
                                                         limit: int) -> None:
    plan = compile_operation(schema, parse(BROWSE), None)
    request = Request(schema, plan, {"code": "XC-T01", "asOf": "2023-06-30", "n": 3}, DAY,
                      None, limit)
    assert (statements(request, plan) is None) == (limit < 20)  # partyOrgs: 20 by default


def test_lookup_climbs_the_chain_in_the_same_statement(schema: GraphQLSchema) -> None:
    [root] = roots(schema, LOOKUP)
    assert root.cypher.startswith("MATCH (n0:Household {code: $code})")
    assert "chain: chain" in root.cypher and not root.connections


@pytest.mark.parametrize("doc", [
    'mutation { __typename }',
    '{ coverageDimensions { dimension } }',
    '{ unit(code: "XC") { ... on Township { enterprises { totalCount } } } }',
    '{ unit(code: "XC") { ... on Township { villages { nodes { parent { code } } } } } }',
    '{ unit(code: "XC") { ... on Township { code @include(if: false) } } }',
    '{ unit(code: "XC") { ... on Grid { workers { totalCount } } } }',
    '{ household(code: "H") { ... on Household { members { totalCount } } } }',
    '{ unit(code: "XC") { ... on County { villages: townships { pageInfo { x: __typename '
    'hasNextPage } edges } } } }',
])
def test_what_it_does_not_know_is_unsupported(schema: GraphQLSchema, doc: str) -> None:
    with pytest.raises(Unsupported):
        compile_operation(schema, parse(doc), None)
