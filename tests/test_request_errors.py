"""Malformed requests get a typed, located, bilingual answer that names what was wrong.

A corpus of requests a person or a system gets wrong (the HTTP body, GraphQL syntax, the fit
to the schema, literals, variables, cursors, over-long strings, entity representations) is
sent to the app; none may answer `INTERNAL`, each error carries a stable `extensions.code`
and an incident id, its message is in Chinese and English and contains what the request got
wrong, and every error of a GraphQL document says where in the document it is.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

LONG = "长" * 5000


@dataclass(frozen=True)
class Case:
    name: str
    query: str | None = None
    variables: Any = None
    names: tuple[str, ...] = ()  # what the message must name
    raw: bytes | None = None  # a body sent as is
    headers: dict[str, str] = field(default_factory=dict)
    located: bool = True  # a GraphQL document error: must carry `locations`


UNITS = "{ units(%s) { __typename } }"
UNIT = 'query($c: String!) { unit(code: $c) { __typename } }'
ENTITIES = ("query($r: [_Any!]!) { _entities(representations: $r) "
            "{ __typename ... on Grid { code } } }")
AUDIT = "query($c: [ClaimInput!]!) { auditReport(claims: $c) { asOf } }"
DATE = "query($d: Date) { county(asOf: $d) { name } }"
COVERAGE = ('{ coverage(dimension: %s, unit: "XC") { __typename } }')


CORPUS: list[Case] = [
    # --- the HTTP body
    Case("body not JSON", raw=b"{query", names=("JSON",), located=False),
    Case("query a number", raw=b'{"query": 123}', names=("query",), located=False),
    Case("variables a list", raw=b'{"query": "{ __typename }", "variables": [1]}',
         names=("variables",), located=False),
    Case("no query", raw=b'{"variables": {}}', names=("query",), located=False),
    Case("text body", raw=b"{ __typename }", headers={"content-type": "text/plain"},
         names=("content type",), located=False),
    Case("unknown operation name",
         raw=b'{"query": "query A { __typename }", "operationName": "B"}',
         names=("B",), located=False),
    # --- syntax
    Case("unclosed selection", "{ county { name ", names=("Syntax Error", "<EOF>")),
    Case("argument without value", "{ county(asOf: ) { name } }", names=("Syntax Error",)),
    Case("stray brace", "{ county { name } } }", names=("Syntax Error", "}")),
    Case("unclosed arguments", '{ unit(code: "XC" { __typename } }', names=("Syntax Error",)),
    Case("variable without name", "query($: Int) { county { name } }", names=("Syntax Error",)),
    Case("unterminated string", '{ unit(code: "XC) { __typename } }',
         names=("Syntax Error", "Unterminated string")),
    Case("bad character", "{ county { name ^ } }", names=("Syntax Error", "^")),
    # --- the fit to the schema
    Case("unknown field", "{ county { nope } }", names=("nope", "County")),
    Case("unknown root field", "{ countyy { name } }", names=("countyy", "Query")),
    Case("unknown argument", '{ unit(cod: "XC") { __typename } }', names=("cod", "unit")),
    Case("required argument missing", "{ unit { __typename } }", names=("unit", "code")),
    Case("selection on a scalar", "{ county { name { x } } }", names=("name",)),
    Case("object without selection", "{ county }", names=("county", "County")),
    Case("fragment on an unknown type", "{ ...F } fragment F on Nope { x }", names=("Nope",)),
    Case("unknown fragment", "{ county { ...Missing } }", names=("Missing",)),
    Case("unused fragment", "{ county { name } } fragment F on County { code }",
         names=("F",)),
    Case("unused variable", "query($x: Int) { county { name } }", names=("$x",)),
    Case("undefined variable", "{ units(first: $x) { __typename } }", names=("$x",)),
    Case("two operations of one name",
         "query A { county { name } } query A { county { code } }", names=("A",)),
    Case("anonymous beside named", "{ county { name } } query B { county { code } }",
         names=("anonymous",)),
    Case("unknown directive", "{ county @nope { name } }", names=("nope",)),
    Case("variable in the wrong place",
         "query($n: Int) { unit(code: $n) { __typename } }", names=("$n",)),
    Case("conflicting aliases", '{ a: county { name } a: unit(code: "XC") { __typename } }',
         names=("a",)),
    Case("input field not in the type",
         '{ auditReport(claims: [{id: "F1", value: 1, nope: 2}]) { asOf } }',
         names=("nope", "ClaimInput")),
    Case("input field missing", '{ auditReport(claims: [{value: 1}]) { asOf } }',
         names=("id", "ClaimInput")),
    # --- literals
    Case("date without zero padding", '{ county(asOf: "2023-6-30") { name } }',
         names=("2023-6-30", "YYYY-MM-DD")),
    Case("date in another order", '{ county(asOf: "30/06/2023") { name } }',
         names=("30/06/2023",)),
    Case("date as a number", "{ county(asOf: 20230630) { name } }", names=("20230630",)),
    Case("no such day", '{ county(asOf: "2023-02-30") { name } }', names=("2023-02-30",)),
    Case("page size as text", UNITS % 'first: "abc"', names=("abc", "Int")),
    Case("page size with a fraction", UNITS % "first: 1.5", names=("1.5", "Int")),
    Case("unknown enum value", UNITS % "kind: NOPE", names=("NOPE", "UnitKind")),
    Case("enum as a string", UNITS % 'kind: "TOWNSHIP"', names=("TOWNSHIP", "UnitKind")),
    Case("unknown dimension", COVERAGE % "NOPE", names=("NOPE", "Dimension")),
    Case("claimed value as text", '{ auditReport(claims: [{id: "F1", value: "110"}]) '
         "{ asOf } }", names=("110", "Float")),
    # --- variables
    Case("date variable without padding", DATE, {"d": "2023-6-30"}, names=("$d", "2023-6-30")),
    Case("date variable a number", DATE, {"d": 123}, names=("$d", "123")),
    Case("int variable as text", "query($n: Int!) { units(first: $n) { __typename } }",
         {"n": "abc"}, names=("$n", "abc")),
    Case("required variable missing", "query($n: Int!) { units(first: $n) { __typename } }",
         {}, names=("$n", "Int!")),
    Case("required variable null", "query($n: Int!) { units(first: $n) { __typename } }",
         {"n": None}, names=("$n", "Int!")),
    Case("enum variable unknown", "query($k: UnitKind) { units(kind: $k) { __typename } }",
         {"k": "HAMLET"}, names=("$k", "HAMLET")),
    Case("claim value as text", AUDIT, {"c": [{"id": "F1", "value": "110"}]},
         names=("$c", "110")),
    Case("claim without id", AUDIT, {"c": [{"value": 1}]}, names=("$c", "id")),
    Case("claim with an extra field", AUDIT, {"c": [{"id": "F1", "value": 1, "per": "%"}]},
         names=("$c", "per")),
    Case("boolean as text", AUDIT, {"c": [{"id": "F1", "value": 1, "atLeast": "yes"}]},
         names=("$c", "yes")),
    Case("string variable an object", UNIT, {"c": {"code": "XC"}}, names=("$c",)),
    # --- cursors, page sizes and strings the resolvers refuse
    Case("cursor not base64", UNITS % 'after: "!!!"', names=("!!!",), located=True),
    Case("cursor of another shape", UNITS % 'after: "eDox"', names=("eDox",)),
    Case("negative cursor", UNITS % 'after: "bzotMQ=="', names=("bzotMQ==",)),
    Case("negative page", UNITS % "first: -1", names=("-1",)),
    Case("over-long name filter", UNITS % f'name: "{LONG}"', names=("5000",)),
    Case("over-long code", UNIT, {"c": LONG}, names=("$c", "5000")),
    Case("over-long cursor", UNITS % f'after: "{"A" * 5000}"', names=("5000",)),
    Case("too many tokens", "{ " + "__typename " * 2100 + "}", names=("2000",),
         located=False),
    Case("too deep", "{ county { townships { nodes { communities { nodes { grids { nodes { "
         "partyOrgs { nodes { members { nodes { households { nodes { code } } } } } } } } } } }"
         " } } }", names=("depth",), located=False),
    # --- entity representations
    Case("representation code null", ENTITIES, {"r": [{"__typename": "Grid", "code": None}]},
         names=("code", "None")),
    Case("representation code a number", ENTITIES,
         {"r": [{"__typename": "Grid", "code": 123}]}, names=("code", "123")),
    Case("representation without __typename", ENTITIES, {"r": [{"code": "XC"}]},
         names=("__typename",)),
    Case("representation of an unknown type", ENTITIES,
         {"r": [{"__typename": "Hamlet", "code": "XC"}]}, names=("Hamlet",)),
    Case("representation of a non-entity type", ENTITIES,
         {"r": [{"__typename": "Household", "code": "XC"}]}, names=("Household",)),
    Case("representation with an extra field", ENTITIES,
         {"r": [{"__typename": "Grid", "code": "XC", "name": "x"}]}, names=("name",)),
    Case("representation without its key", ENTITIES, {"r": [{"__typename": "Grid"}]},
         names=("code",)),
    Case("representation not an object", ENTITIES, {"r": ["XC"]}, names=("object",)),
]

CORPUS_BY_NAME = {c.name: c for c in CORPUS}
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 50
    assert len({c.name for c in CORPUS}) == len(CORPUS)


async def send(client: httpx.AsyncClient, case: Case) -> httpx.Response:
    if case.raw is not None:
        headers = {"content-type": "application/json", **case.headers}
        return await client.post("/graphql", content=case.raw, headers=headers)
    body: dict[str, Any] = {"query": case.query}
    if case.variables is not None:
        body["variables"] = case.variables
    return await client.post("/graphql", json=body)


def problems(case: Case, response: httpx.Response) -> list[str]:
    """What is wrong with one answer (empty: it is clear)."""
    try:
        body = response.json()
    except json.JSONDecodeError:
        return [f"not JSON ({response.status_code}): {response.text[:200]}"]
    found: list[str] = []
    errors = body.get("errors") or []
    messages = [e.get("message", "") for e in errors]
    # A refusal the schema types (PageTooLarge, UnitNotFound) is data, with its message.
    typed = re.findall(r'"message":\s*"((?:[^"\\]|\\.)*)"', json.dumps(body.get("data") or {},
                                                                       ensure_ascii=False))
    if not messages and not typed:
        return [f"no error: {str(body)[:200]}"]
    for error in errors:
        extensions = error.get("extensions") or {}
        code = extensions.get("code")
        if code in (None, "INTERNAL"):
            found.append(f"code {code!r}: {error.get('message')}")
        if not extensions.get("incident"):
            found.append(f"no incident id: {error}")
        if case.located and error.get("path") is None and not error.get("locations"):
            found.append(f"no location: {error.get('message')}")
    for message in messages + typed:
        if not (CJK.search(message) and LATIN.search(message)):
            found.append(f"not bilingual: {message}")
    text = " ".join(messages + typed)
    found.extend(f"does not name {name!r}: {text[:300]}" for name in case.names
                 if name not in text)
    return found


async def test_every_malformed_request_is_answered_clearly(
        client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    unclear: dict[str, list[str]] = {}
    with caplog.at_level(logging.INFO, logger="hub.graphql"):
        for case in CORPUS:
            response = await send(client, case)
            wrong = problems(case, response)
            if wrong:
                unclear[case.name] = wrong
    assert unclear == {}
    # Expected errors are logged once each, with code and incident, and without traceback.
    hub_lines = [r for r in caplog.records if r.name == "hub.graphql"]
    assert hub_lines and all(r.exc_info is None for r in hub_lines)
    assert not any("bound method" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.name.startswith("strawberry")]


async def test_a_document_is_measured_once_and_refused_every_time(
        client: httpx.AsyncClient) -> None:
    """The walk over a document's literals is kept per parsed document: a repeated document
    with an over-long literal is refused, at its location, every time it comes; a clean one
    sent between keeps being answered."""
    long, clean = (CORPUS_BY_NAME["over-long name filter"],
                   Case("clean", UNITS % 'name: "东城"'))
    for _ in range(3):
        refused = await send(client, long)
        assert problems(long, refused) == []
        assert refused.json()["errors"][0]["locations"]
        answered = (await send(client, clean)).json()
        assert "errors" not in answered and answered["data"]["units"]["__typename"]
