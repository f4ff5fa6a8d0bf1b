"""The workloads, each written three ways: a hub GraphQL document, an @neo4j/graphql document
over typeDefs.graphql, and the hub's own Cypher run through the driver (the floor: the same
Cypher, no GraphQL). Where the hub compiles the document into one query (hub/compile: browse,
lookup), the raw path runs that compiled query; for coverage, the dimension's one query,
which returns the unit with its tallies, as the hub runs it.

All three ask for the same rows: the same page sizes, ordered by code, relationships active
as of the same date.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graphql import parse

from bench import synth
from hub.core.settings import Limits, Settings
from hub.graph.db import Database, Row
from schema.compile.build import compile_operation
from schema.compile.plan import Plan
from schema.compile.run import Request, statements

AS_OF = date(2025, 6, 30)
PAGE, ORGS, MEMBERS = 20, 10, 20
ACTIVE: dict[str, Any] = {"since": {"lte": AS_OF.isoformat()},
                          "OR": [{"until": {"eq": None}}, {"until": {"gt": AS_OF.isoformat()}}]}
Raw = Callable[[Database, dict[str, Any]], Awaitable[int]]


@dataclass(frozen=True)
class Workload:
    name: str
    title: str
    township_scoped: bool
    hub: str
    neo4j_graphql: str
    raw: Raw
    params: Callable[[random.Random, synth.Scale], dict[str, Any]]


def _fill(doc: str, **values: object) -> str:
    """Put page sizes and fragments into a document (GraphQL's braces rule out str.format)."""
    for key, value in values.items():
        doc = doc.replace(f"<<{key}>>", str(value))
    return doc


def _page(**extra: Any) -> dict[str, Any]:
    return {"asOf": AS_OF, "offset": 0, "scope": None, **extra}


def _codes(rows: list[Row]) -> list[str]:
    return [item["code"] for row in rows for item in row["items"]]


MEMBER_FIELDS_HUB = "members(first: <<n>>) { totalCount nodes { code gender fullMember joinedOn } }"
BY_CODE = "sort: [{node: {code: ASC}}]"


def _conn(field: str, first: int, inner: str, node_where: str = "") -> str:
    where = "{edge: $active" + (f", node: {node_where}" if node_where else "") + "}"
    return (f"{field}Connection(where: {where}, first: {first}, {BY_CODE}) "
            f"{{ totalCount edges {{ node {{ {inner} }} }} }}")


_NG_MEMBERS = _conn("members", MEMBERS, "code gender fullMember joinedOn")
_NG_ORGS = _conn("partyOrgs", ORGS, "code name kind " + _NG_MEMBERS)
BROWSE_HUB = _fill("""query Browse($code: String!, $asOf: Date!) {
  unit(code: $code, asOf: $asOf) { ... on Township { code name
    villages(first: <<p>>) { totalCount nodes { code name
      partyOrgs(first: <<o>>) { totalCount nodes { code name orgKind <<m>> } } } }
    communities(first: <<p>>) { totalCount nodes { code name
      grids(first: <<p>>) { totalCount nodes { code name
        partyOrgs(first: <<o>>) { totalCount nodes { code name orgKind <<m>> } } } } } } } }
}""", p=PAGE, o=ORGS, m=MEMBER_FIELDS_HUB.replace("<<n>>", str(MEMBERS)))
BROWSE_NG = _fill("""query Browse($code: String!, $active: SpanWhere!) {
  townships(where: {code: {eq: $code}}) { code name
    <<v>>
    <<c>> } }""", v=_conn("villages", PAGE, "code name " + _NG_ORGS),
    c=_conn("communities", PAGE, "code name " + _conn("grids", PAGE, "code name " + _NG_ORGS)))


def compiled_raw(doc: str) -> Raw:
    """The hub's compiled query of `doc` through the driver, as a county-role caller; the
    plan is made once, as the hub makes it once per document."""
    made: list[tuple[Any, Plan]] = []

    async def run(db: Database, p: dict[str, Any]) -> int:
        if not made:
            from hub.http.graphql_app import build_schema

            schema = build_schema(Settings.from_env({}))._schema
            made.append((schema, compile_operation(schema, parse(doc), None)))
        schema, plan = made[0]
        request = Request(schema, plan, {**p, "asOf": AS_OF.isoformat()}, AS_OF, None,
                          Limits.max_page_size)
        found = statements(request, plan)
        assert found is not None, "the hub compiles this document"
        for name, text, params in found:
            await db.read_compiled(name, text, params)
        return len(found)

    return run


async def browse_loaders_raw(db: Database, p: dict[str, Any]) -> int:
    """The hub's waves: unit, its villages and communities, their orgs and grids, members."""
    await db.read("units.by_code", codes=[p["code"]], asOf=AS_OF, scope=None)
    villages, communities = await asyncio.gather(
        db.read("browse.children", parents=[p["code"]], label="Village", nameLike=None,
                **_page(limit=PAGE)),
        db.read("browse.children", parents=[p["code"]], label="Community", nameLike=None,
                **_page(limit=PAGE)))
    v_orgs, grids = await asyncio.gather(
        db.read("browse.party_orgs", parents=_codes(villages), kinds=None, **_page(limit=ORGS)),
        db.read("browse.children", parents=_codes(communities), label="Grid", nameLike=None,
                **_page(limit=PAGE)))
    _, g_orgs = await asyncio.gather(
        db.read("browse.org_members", parents=_codes(v_orgs), **_page(limit=MEMBERS)),
        db.read("browse.party_orgs", parents=_codes(grids), kinds=None, **_page(limit=ORGS)))
    await db.read("browse.org_members", parents=_codes(g_orgs), **_page(limit=MEMBERS))
    return 8


LOOKUP_HUB = """query Lookup($code: String!, $asOf: Date!) {
  household(code: $code, asOf: $asOf) { ... on Household { code size
    parent { code name kind parent { code name kind parent { code name kind } } } } } }"""
LOOKUP_NG = _fill("""query Lookup($code: String!, $active: SpanWhere!) {
  households(where: {code: {eq: $code}}) { code size
    <<chain>> } }""", chain=_conn("grid", 1, "code name " + _conn(
    "community", 1, "code name " + _conn("township", 1, "code name"))))


async def lookup_loaders_raw(db: Database, p: dict[str, Any]) -> int:
    """A household by code, then its chain up to the county (what `parent` loads at once)."""
    await db.read("units.household_by_code", codes=[p["code"]], asOf=AS_OF, scope=None)
    await db.read("browse.household_ancestors", codes=[p["code"]], asOf=AS_OF, scope=None)
    return 2


def _coverage_hub(dimension: str, gaps: bool) -> str:
    gap_part = "gaps { totalCount nodes { code name childName reasonEn } }" if gaps else ""
    by_child = "" if gaps else "byChild { code name total covered ratio }"
    return _fill("""query Coverage($code: String!, $asOf: Date!) {
  coverage(dimension: <<d>>, unit: $code, asOf: $asOf, first: <<p>>) {
    ... on Coverage { whole { total covered ratio } <<c>> <<g>> } } }""",
                 d=dimension, p=PAGE, c=by_child, g=gap_part)


def _coverage_raw(query: str) -> Raw:
    """The dimension's query: the unit, its children's kinds and the tally at once."""
    async def run(db: Database, p: dict[str, Any]) -> int:
        await db.read_plain(query, unit=p["code"], asOf=AS_OF, scope=None)
        return 1

    return run


GRID_GAPS_NG = _fill("""query GridGaps($code: String!, $active: SpanWhere!) {
  grids(where: {community: {some: {township: {some: {code: {eq: $code}}}}},
                partyOrgsConnection: {none: {edge: $active,
                    node: {kind: {in: ["grid_branch", "grid_group"]}}}}},
        limit: <<p>>, sort: [{code: ASC}]) { code name community { code name } } }""", p=PAGE)
# An empty filter (`partyOrgs: {none: {}}`) is dropped by @neo4j/graphql, so "no active
# coverage" is said through the edges, as the hub's query says it.
ENTERPRISE_GAPS_NG = _fill("""query EnterpriseGaps($code: String!, $active: SpanWhere!,
                                                   $activeCover: CoverWhere!) {
  enterprises(where: {township: {some: {code: {eq: $code}}},
                      partyOrgsConnection: {none: {edge: $activeCover}},
                      instructorsConnection: {none: {edge: $active}}},
              limit: <<p>>, sort: [{code: ASC}]) { code name industry } }""", p=PAGE)
RATIO_NG = _fill("""query Ratio($code: String!, $active: SpanWhere!) {
  counties(where: {code: {eq: $code}}) { code
    townshipsConnection(where: {edge: $active}, <<s>>) { edges { node { code name
      communities { grids { code
        partyOrgsConnection(where: {edge: $active,
            node: {kind: {in: ["grid_branch", "grid_group"]}}}) { totalCount } } } } } } } }""",
                 s=BY_CODE)


def _township(rnd: random.Random, scale: synth.Scale) -> dict[str, Any]:
    return {"code": f"{scale.top_code}-T{rnd.randint(1, scale.townships):03d}"}


def _household(rnd: random.Random, scale: synth.Scale) -> dict[str, Any]:
    """A household of a grid (a township's village households come first, then its grids')."""
    number = rnd.randint(1, scale.townships)
    villages = synth.VILLAGES * synth.VILLAGE_HOUSEHOLDS
    grids = synth.COMMUNITIES * synth.GRIDS_PER_COMMUNITY * synth.GRID_HOUSEHOLDS
    return {"code": f"H{scale.top_code}{number:03d}{villages + rnd.randint(1, grids):05d}"}


def _top(rnd: random.Random, scale: synth.Scale) -> dict[str, Any]:
    return {"code": scale.top_code}


WORKLOADS = [
    Workload("browse", "browse one township 4 levels deep", True, BROWSE_HUB, BROWSE_NG,
             compiled_raw(BROWSE_HUB), _township),
    Workload("lookup", "point lookup: a household and its chain up to the township", True,
             LOOKUP_HUB, LOOKUP_NG, compiled_raw(LOOKUP_HUB), _household),
    Workload("grid_gaps", "gap list: grids without a grid Party org (one township)", True,
             _coverage_hub("GRIDS_WITHOUT_PARTY_ORG", True), GRID_GAPS_NG,
             _coverage_raw("coverage.grids_without_party_org"), _township),
    Workload("enterprise_gaps", "gap list: enterprises without coverage (one township)", True,
             _coverage_hub("ENTERPRISES_WITHOUT_WORK_COVERAGE", True), ENTERPRISE_GAPS_NG,
             _coverage_raw("coverage.enterprises_without_work_coverage"), _township),
    Workload("ratio", "grid Party-org coverage ratio per township, whole graph", False,
             _coverage_hub("GRIDS_WITHOUT_PARTY_ORG", False), RATIO_NG,
             _coverage_raw("coverage.grids_without_party_org"), _top),
]
# Experiments for `python -m bench profile` only: a bench-only query in a workload's place.
EXPERIMENTS = [
    Workload("browse_loaders", "browse, the DataLoaders' eight queries (the raw path before "
             "hub/compile)", True, BROWSE_HUB, BROWSE_NG, browse_loaders_raw, _township),
    Workload("lookup_loaders", "lookup, the DataLoaders' two queries", True, LOOKUP_HUB,
             LOOKUP_NG, lookup_loaders_raw, _household),
]
BY_NAME = {w.name: w for w in [*WORKLOADS, *EXPERIMENTS]}
MIX = ["browse", "lookup", "lookup", "lookup", "grid_gaps", "enterprise_gaps"]
