"""`_entities` resolves every type the SDL declares with `@key`, and a bad representation
fails alone, at its own index, with its reason, while the valid ones in its batch resolve."""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx
import pytest

from schema.kinds import UnitKind
from tests.graphql_helpers import data, gql

LINE = re.compile(r"expected error ([0-9a-f]{12}) [A-Za-z]+ ")
ENTITIES = """query($r: [_Any!]!) { _entities(representations: $r) {
  __typename ... on Unit { code } ... on WorkOrder { code } } }"""


async def key_types(client: httpx.AsyncClient) -> tuple[set[str], set[str]]:
    """The types the SDL keys by `code`, and the members of its `_Entity` union."""
    sdl = (await data(client, "{ _service { sdl } }"))["_service"]["sdl"]
    keyed = set(re.findall(r'^type (\w+)[^{]*@key\(fields: "code"\)', sdl, re.M))
    union = re.search(r"^union _Entity = (.*)$", sdl, re.M)
    assert union is not None
    return keyed, {t.strip() for t in union.group(1).split("|")}


async def a_code(client: httpx.AsyncClient, typename: str) -> str:
    """A code of that type in the demo county, found through the API itself."""
    if typename == "WorkOrder":
        found = await data(client, """{ unit(code: "XC-T01") { ... on Township {
          workOrders(first: 1) { nodes { code } } } } }""")
        code: str = found["unit"]["workOrders"]["nodes"][0]["code"]
        return code
    kind = UnitKind(typename).name
    found = await data(client, f"{{ units(kind: {kind}, first: 1) {{ ... on UnitConnection "
                               "{ nodes { code } } } }")
    code = found["units"]["nodes"][0]["code"]
    return code


async def test_every_keyed_type_is_an_entity_and_resolves(client: httpx.AsyncClient) -> None:
    keyed, union = await key_types(client)
    assert "Cooperative" in keyed
    assert keyed == union
    representations = [{"__typename": t, "code": await a_code(client, t)} for t in sorted(keyed)]
    body = await gql(client, ENTITIES, r=representations)
    assert "errors" not in body, body["errors"]
    assert [(e["__typename"], e["code"]) for e in body["data"]["_entities"]] == [
        (r["__typename"], r["code"]) for r in representations]


async def test_a_bad_representation_fails_alone_with_its_reason(
        client: httpx.AsyncClient) -> None:
    grid = await a_code(client, "Grid")
    cooperative = await a_code(client, "Cooperative")
    batch: list[Any] = [
        {"__typename": "Grid", "code": grid},
        {"__typename": "Grid", "code": None},
        {"__typename": "Cooperative", "code": cooperative},
        {"code": grid},
        {"__typename": "Township", "code": "XC-T01"},
        {"__typename": "Grid", "code": grid, "name": "x"},
        {"__typename": "Grid", "code": 123},
        {"__typename": "Household", "code": grid},
        {"__typename": "Hamlet", "code": grid},
        "XC",
    ]
    body = await gql(client, ENTITIES, r=batch)
    resolved = body["data"]["_entities"]
    assert [None if e is None else (e["__typename"], e["code"]) for e in resolved] == [
        ("Grid", grid), None, ("Cooperative", cooperative), None, ("Township", "XC-T01"),
        None, None, None, None, None]
    errors = {tuple(e["path"]): e for e in body["errors"]}
    reasons = {1: "code must be a non-empty string, got None", 3: "__typename is missing",
               5: "Grid is keyed by code; got code, name",
               6: "code must be a non-empty string, got 123",
               7: "Household is not an entity type", 8: "Hamlet is no type of the hub",
               9: "must be an object"}
    assert set(errors) == {("_entities", i) for i in reasons}
    for index, reason in reasons.items():
        error = errors[("_entities", index)]
        assert error["extensions"]["code"] == "BadRepresentation"
        assert error["extensions"]["index"] == index
        assert reason in error["message"] and "实体引用无效" in error["message"]


async def test_each_refused_representation_is_one_log_line_without_traceback(
        client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    batch = [{"__typename": "Grid", "code": f"XC-NOWHERE-{n:04d}"} for n in range(300)]
    batch += [{"__typename": "Grid", "code": n} for n in range(100)]
    with caplog.at_level(logging.INFO):
        body = await gql(client, ENTITIES, r=batch)
    assert body["data"]["_entities"] == [None] * 400
    assert len(body["errors"]) == 400
    incidents = {e["extensions"]["incident"] for e in body["errors"]}
    lines = [r for r in caplog.records if r.name == "hub.graphql"]
    assert len(lines) == 400 and all(r.exc_info is None for r in lines)
    assert {LINE.match(r.getMessage()).group(1) for r in lines  # type: ignore[union-attr]
            } == incidents
    assert all("\n" not in r.getMessage() and "bound method" not in r.getMessage()
               for r in lines)
    assert not [r for r in caplog.records if r.name.startswith("strawberry")]
