"""Federation through a real Apollo Gateway (issue 7).

The set-up is the one a county runs: the hub as a process of its own (uvicorn, real HTTP,
the test Neo4j with the demo county), a second subgraph written for the test (a small
"12345 hotline" system, `tests/federation/hotline.mjs`: tickets per grid, each handled by a
grid Party organisation), and `@apollo/gateway` with `@apollo/server` from the npm registry
composing both (`tests/federation/gateway.mjs`). Queries go through the gateway and need
both subgraphs to answer; round trips are counted by the hub itself.

`npm ci` runs in `tests/federation` when its `node_modules` is missing, so a clean clone's
`make test` installs the gateway from the lock file.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.core.principal import Role
from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.db import Database
from hub.http.auth import Authenticator, new_api_key
from tests.conftest import Server, Slot

FED = PROJECT_ROOT / "tests" / "federation"
SEEDS = PROJECT_ROOT / "seeds" / "demo-county"
READY_SECONDS = 90.0
STOP_SECONDS = 10.0

Headers = Callable[..., dict[str, str]]


def seed_rows(name: str) -> list[dict[str, str]]:
    """Rows of a demo-county CSV, keyed by the English column name inside the brackets."""
    with (SEEDS / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = [h[h.index("(") + 1:h.index(")")] for h in next(reader)]
        return [dict(zip(header, row, strict=True)) for row in reader]


@dataclass
class Process:
    """A child process whose output goes to a log file, stopped within bounded waits."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(cls, name: str, args: list[str], env: dict[str, str], logs: Path) -> Process:
        log = logs / f"{name}.log"
        with log.open("wb") as out:  # the child keeps its own descriptor
            popen = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=out,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        return cls(name, popen, log)

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def wait_until(self, ready: Callable[[], bool]) -> None:
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                pytest.fail(f"{self.name} exited with {self.popen.returncode}:\n{self.tail()}")
            try:
                if ready():
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        pytest.fail(f"{self.name} not ready after {READY_SECONDS:.0f}s:\n{self.tail()}")

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=STOP_SECONDS)


def post(url: str, query: str, headers: dict[str, str] | None = None,
         **variables: Any) -> dict[str, Any]:
    """The body of a GraphQL POST (any status: a refusal is a result to check too)."""
    with httpx.Client(timeout=60.0) as http:
        response = http.post(url, json={"query": query, "variables": variables},
                             headers=headers or {})
    body: dict[str, Any] = response.json()
    return body


def ready_graphql(url: str) -> Callable[[], bool]:
    def check() -> bool:
        with httpx.Client(timeout=2.0) as http:
            return http.post(url, json={"query": "{ __typename }"}).status_code == 200
    return check


def ready_hub(base: str) -> Callable[[], bool]:
    def check() -> bool:
        with httpx.Client(timeout=2.0) as http:
            return http.get(f"{base}/readyz").status_code == 200
    return check


def npm_install() -> None:
    """Install the gateway from the lock file when a clean clone has not yet."""
    if (FED / "node_modules" / "@apollo" / "gateway").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed for the federation tests / 联邦测试需要 Node.js 与 npm")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=FED, check=True, timeout=600,
                   stdin=subprocess.DEVNULL)


@dataclass(frozen=True)
class Stack:
    hub: str
    hotline: str
    gateway: str
    logs: Path
    api_key: str  # a county system's own key, role `service`


@pytest.fixture(scope="module")
def stack(server: Server, settings: Settings, auth: Authenticator, demo: Database,
          slot: Slot, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Hub, hotline and gateway as real processes on 127.0.0.1 ports of the test slot."""
    npm_install()
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the federation tests / 联邦测试需要 Node.js")
    logs = tmp_path_factory.mktemp("federation")
    hub_port, hotline_port, gateway_port = slot.port(), slot.port(), slot.port()
    hub = f"http://127.0.0.1:{hub_port}"
    hotline = f"http://127.0.0.1:{hotline_port}/"
    gateway = f"http://127.0.0.1:{gateway_port}/"
    # A county system calling on its own behalf, as `hub apikey --role service` would set up.
    api_key = new_api_key(logs / "api-keys", "hotline-system", Role.SERVICE, None)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("HUB_", "NEO4J_"))}
    hub_env = {
        **base, "PYTHONPATH": str(PROJECT_ROOT),
        "NEO4J_URI": server.uri, "NEO4J_USER": server.user, "NEO4J_PASSWORD": server.password,
        "NEO4J_DATABASE": server.database,
        # The same secret the test's Authenticator signs with, so its tokens hold at the hub.
        "HUB_JWT_SECRET": settings.secret_env["HUB_JWT_SECRET"],
        "HUB_STATE_DIR": str(logs / "state"), "HUB_API_KEYS_FILE": str(logs / "api-keys"),
    }
    gateway_env = {
        **base, "GATEWAY_PORT": str(gateway_port), "HUB_URL": f"{hub}/graphql",
        "HOTLINE_URL": hotline,
        "GATEWAY_HUB_TOKEN": auth.mint("federation-gateway", Role.SERVICE, None),
    }
    started: list[Process] = []
    try:
        started.append(Process.start(
            "hub", [sys.executable, str(FED / "hub_server.py"), str(hub_port)], hub_env, logs))
        started.append(Process.start(
            "hotline", [node, str(FED / "hotline.mjs")],
            {**base, "HOTLINE_PORT": str(hotline_port), "HOTLINE_SEEDS": str(SEEDS)}, logs))
        started[0].wait_until(ready_hub(hub))
        started[1].wait_until(ready_graphql(hotline))
        # The gateway composes at start, so both subgraphs must answer before it starts.
        started.append(Process.start("gateway", [node, str(FED / "gateway.mjs")],
                                     gateway_env, logs))
        started[2].wait_until(ready_graphql(gateway))
        yield Stack(hub=f"{hub}/graphql", hotline=hotline, gateway=gateway, logs=logs,
                    api_key=api_key)
    finally:
        for process in reversed(started):
            process.stop()


def errors_of(body: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = body.get("errors") or []
    return found


def data_of(body: dict[str, Any]) -> dict[str, Any]:
    assert not errors_of(body), json.dumps(body["errors"], ensure_ascii=False)
    result: dict[str, Any] = body["data"]
    return result


# --- the hub as a subgraph ---------------------------------------------------------------

ENTITY_TYPES = ["County", "Township", "Village", "Community", "Grid", "PartyOrg", "Enterprise",
                "Department", "Cooperative"]


def test_hub_serves_a_federation_v2_sdl(stack: Stack, bearer: Headers) -> None:
    sdl = data_of(post(stack.hub, "{ _service { sdl } }", bearer("service")))["_service"]["sdl"]
    assert '@link(url: "https://specs.apollo.dev/federation/v2.' in sdl
    for name in ENTITY_TYPES:
        assert re.search(rf'^type {name} implements [\w& ]+ @key\(fields: "code"\) {{$', sdl,
                         re.M), name
    assert 'type WorkOrder @key(fields: "code") {' in sdl
    assert "name: String! @shareable" in sdl
    assert "type PageInfo @shareable {" in sdl
    assert "): AllowanceResult! @inaccessible" in sdl


def test_composition_needs_the_hubs_shareable_marks(stack: Stack, bearer: Headers) -> None:
    """Apollo's own composer accepts the two subgraphs, and refuses them without @shareable."""
    hub_sdl = data_of(post(stack.hub, "{ _service { sdl } }", bearer("service")))
    hotline_sdl = data_of(post(stack.hotline, "{ _service { sdl } }"))

    def compose(hub: str) -> dict[str, Any]:
        services = [{"name": "hub", "url": stack.hub, "sdl": hub},
                    {"name": "hotline", "url": stack.hotline,
                     "sdl": hotline_sdl["_service"]["sdl"]}]
        done = subprocess.run([shutil.which("node") or "node", str(FED / "compose.mjs")],
                              input=json.dumps(services).encode(), capture_output=True,
                              cwd=FED, timeout=60, check=True)
        result: dict[str, Any] = json.loads(done.stdout)
        return result

    sdl = hub_sdl["_service"]["sdl"]
    assert compose(sdl) == {"ok": True}
    refused = compose(sdl.replace("name: String! @shareable", "name: String!"))
    assert not refused["ok"]
    assert any(e["code"] == "INVALID_FIELD_SHARING" and "Grid.name" in e["message"]
               for e in refused["errors"]), refused


def test_inaccessible_fields_stay_out_of_the_supergraph(stack: Stack, bearer: Headers) -> None:
    """Each subgraph still serves its @inaccessible fields itself; the gateway does not."""
    allowance = """
    { departureAllowance(asOf: "2023-06-30") { ... on Allowance { qualified } } }
    """
    county = bearer("county")
    assert data_of(post(stack.hub, allowance, county)) == {
        "departureAllowance": {"qualified": 25}}  # F6
    refused = post(stack.gateway, allowance, county)
    assert any('"departureAllowance"' in e["message"] for e in errors_of(refused)), refused
    phone = '{ ticket(id: "HL-2023-9001") { callerPhone } }'
    assert data_of(post(stack.hotline, phone)) == {"ticket": {"callerPhone": "13800009001"}}
    refused = post(stack.gateway, phone, county)
    assert any('"callerPhone"' in e["message"] for e in errors_of(refused)), refused


# --- through the gateway: values that need both subgraphs ---------------------------------

GRID_WITH_TICKETS = """
query ($code: String!) {
  unit(code: $code) {
    ... on Grid {
      code name
      parent { code name }
      partyOrgs { totalCount nodes { code name orgKind } }
      tickets { id title status handledBy { code name orgKind } }
    }
  }
}
"""


def test_grid_with_its_hotline_tickets_and_its_party_org(stack: Stack, bearer: Headers) -> None:
    """Hub → hotline (the grid's tickets) → hub (the organisation handling each ticket)."""
    body = post(stack.gateway, GRID_WITH_TICKETS, bearer("county"), code="XC-T01-C01-G01")
    grid = data_of(body)["unit"]
    org = {"code": "P-XC-T01-C01-G01", "name": "XC-T01-C01-G01网格党支部",
           "orgKind": "GRID_BRANCH"}
    assert grid == {
        "code": "XC-T01-C01-G01", "name": "第1网格",
        "parent": {"code": "XC-T01-C01", "name": "和西社区"},
        "partyOrgs": {"totalCount": 1, "nodes": [org]},
        "tickets": [
            {"id": "HL-2023-0001", "title": "楼道照明损坏", "status": "OPEN", "handledBy": org},
            {"id": "HL-2023-9001", "title": "小区充电桩安装诉求", "status": "CLOSED",
             "handledBy": org},
        ],
    }


def test_ticket_to_the_hubs_grid_and_group(stack: Stack, bearer: Headers) -> None:
    """Hotline → hub: a grid whose tickets go to a Party group, not a branch."""
    query = """
    { ticket(id: "HL-2023-0003") {
        id title status
        grid { code kind parent { code name } }
        handledBy { code name orgKind parent { code } }
    } }
    """
    ticket = data_of(post(stack.gateway, query, bearer("county")))["ticket"]
    assert ticket == {
        "id": "HL-2023-0003", "title": "夜间施工噪音扰民", "status": "CLOSED",
        "grid": {"code": "XC-T01-C02-G01", "kind": "GRID",
                 "parent": {"code": "XC-T01-C02", "name": "白杨社区"}},
        "handledBy": {"code": "P-XC-T01-C02-G01", "name": "XC-T01-C02-G01网格党支部",
                      "orgKind": "GRID_BRANCH", "parent": {"code": "XC-T01-C02-G01"}},
    }


def test_every_ticket_resolves_its_grid_and_org_in_one_round_trip(
        stack: Stack, bearer: Headers) -> None:
    """All 113 tickets: each batch of hub entities the gateway sends is one Cypher trip."""
    query = """
    { tickets {
        id
        grid { code name kind }
        handledBy { code name orgKind }
    } }
    """
    body = post(stack.gateway, query, bearer("county"))
    tickets = data_of(body)["tickets"]
    grids = {g["code"]: g["name"] for g in seed_rows("grids.csv")}
    orgs = {o["code"]: o for o in seed_rows("party_orgs.csv")}
    assert len(tickets) == len(grids) + 2 == 113
    for ticket in tickets:
        grid = ticket["grid"]
        assert grid["kind"] == "GRID" and grid["name"] == grids[grid["code"]]
        org = ticket["handledBy"]
        if grid["code"] == "XC-T01-C01-G03":  # created 2024 with no grid Party org yet
            assert org is None
            continue
        assert orgs[org["code"]]["territory"] == grid["code"]
        assert org["name"] == orgs[org["code"]]["name"]
        assert org["orgKind"] in ("GRID_BRANCH", "GRID_GROUP")
    # What the hub measured for each request the gateway sent it.
    fetches = body["extensions"]["hubFetches"]
    # Two `_entities` requests (the 111 distinct grids, then the organisations), one Cypher
    # round trip each.
    assert fetches == [{"count": 1, "queries": ["units.by_code"]}] * 2, fetches


# --- batches resolved by the hub in one round trip ----------------------------------------

ENTITIES = """
query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Grid { code name }
    ... on PartyOrg { code name }
    ... on Enterprise { code name }
    ... on WorkOrder { code title }
  }
}
"""


def test_a_batch_of_grids_is_one_round_trip(stack: Stack, bearer: Headers) -> None:
    grids = seed_rows("grids.csv")
    reps = [{"__typename": "Grid", "code": g["code"]} for g in grids]
    assert len(reps) >= 100
    body = post(stack.hub, ENTITIES, bearer("county"), representations=reps)
    assert [e["name"] for e in data_of(body)["_entities"]] == [g["name"] for g in grids]
    assert body["extensions"]["roundTrips"] == {"count": 1, "queries": ["units.by_code"]}


def test_a_mixed_batch_of_units_is_still_one_round_trip(stack: Stack, bearer: Headers) -> None:
    """Unit codes are unique across the graph, so grids, organisations and enterprises share
    one query; work orders have one of their own."""
    grids = seed_rows("grids.csv")
    orgs = [o for o in seed_rows("party_orgs.csv") if o["kind"].startswith("grid_")]
    firms = seed_rows("enterprises.csv")
    orders = seed_rows("work_orders.csv")[:150]
    reps = ([{"__typename": "Grid", "code": r["code"]} for r in grids]
            + [{"__typename": "PartyOrg", "code": r["code"]} for r in orgs]
            + [{"__typename": "Enterprise", "code": r["code"]} for r in firms]
            + [{"__typename": "WorkOrder", "code": r["code"]} for r in orders])
    body = post(stack.hub, ENTITIES, bearer("county"), representations=reps)
    found = data_of(body)["_entities"]
    assert len(found) == len(reps) == 111 + 112 + 100 + 150
    expected = ([("Grid", r["code"], r["name"]) for r in grids]
                + [("PartyOrg", r["code"], r["name"]) for r in orgs]
                + [("Enterprise", r["code"], r["name"]) for r in firms]
                + [("WorkOrder", r["code"], r["title"]) for r in orders])
    assert [(e["__typename"], e["code"], e.get("name", e.get("title"))) for e in found] \
        == expected
    assert body["extensions"]["roundTrips"] == {
        "count": 2, "queries": ["federation.work_orders", "units.by_code"]}


# --- access rules --------------------------------------------------------------------------

def test_a_representation_outside_the_callers_jurisdiction_is_refused(
        stack: Stack, bearer: Headers) -> None:
    grid_worker = bearer("grid", "XC-T01-C01-G01")
    reps = [{"__typename": "Grid", "code": "XC-T01-C01-G01"},
            {"__typename": "Grid", "code": "XC-T01-C01-G02"},        # the next grid
            {"__typename": "PartyOrg", "code": "P-XC-T01-C01-G01"},
            {"__typename": "Grid", "code": "XC-T01-C01"},            # a community, not a grid
            {"__typename": "WorkOrder", "code": "WO-2022-00003"},    # reported in G01
            {"__typename": "WorkOrder", "code": "WO-2023-00001"},    # another township
            {"__typename": "Grid", "code": "XC-NO-SUCH-GRID"}]
    body = post(stack.hub, ENTITIES, grid_worker, representations=reps)
    found = body["data"]["_entities"]
    assert [None if e is None else e["code"] for e in found] == [
        "XC-T01-C01-G01", None, "P-XC-T01-C01-G01", None, "WO-2022-00003", None, None]
    refused = {tuple(e["path"]): e for e in errors_of(body)}
    assert sorted(refused) == [("_entities", 1), ("_entities", 3), ("_entities", 5),
                               ("_entities", 6)]
    for error in refused.values():
        assert error["message"].startswith("无权访问"), error
        assert error["extensions"]["code"] == "EntityRefused"
    assert body["extensions"]["roundTrips"]["count"] == 2


def test_the_gateway_applies_each_callers_jurisdiction(stack: Stack, bearer: Headers) -> None:
    """The gateway forwards the caller's token: a township sees its own grid's ticket
    resolved by the hub, and is refused the grid of another township."""
    township = bearer("township", "XC-T01")
    query = """
    query ($id: ID!) { ticket(id: $id) { id title grid { code kind } } }
    """
    own = data_of(post(stack.gateway, query, township, id="HL-2023-9001"))
    assert own["ticket"] == {"id": "HL-2023-9001", "title": "小区充电桩安装诉求",
                             "grid": {"code": "XC-T01-C01-G01", "kind": "GRID"}}
    other = post(stack.gateway, query, township, id="HL-2023-9002")
    messages = [e["message"] for e in errors_of(other)]
    assert any(m.startswith("无权访问") and "Grid XC-T02-C01-G01" in m for m in messages), other
    # The hotline's reference to a hub grid is nullable (docs/federation.md): the refused
    # grid is null and the hotline's own ticket still shows.
    assert other["data"] == {"ticket": {"id": "HL-2023-9002", "title": "老旧小区加装电梯",
                                        "grid": None}}
    # The county sees that same grid.
    county = data_of(post(stack.gateway, query, bearer("county"), id="HL-2023-9002"))
    assert county["ticket"]["grid"] == {"code": "XC-T02-C01-G01", "kind": "GRID"}


def test_a_systems_api_key_is_forwarded_too(stack: Stack) -> None:
    """A county system with its own `service` key sees the whole county's units."""
    query = '{ ticket(id: "HL-2023-9002") { grid { code name kind parent { name } } } }'
    body = post(stack.gateway, query, {"X-API-Key": stack.api_key})
    assert data_of(body)["ticket"]["grid"] == {
        "code": "XC-T02-C01-G01", "name": "第1网格", "kind": "GRID",
        "parent": {"name": "湾光社区"}}


def test_a_caller_without_credentials_gets_nothing_from_the_hub(stack: Stack) -> None:
    body = post(stack.gateway, '{ ticket(id: "HL-2023-9001") { id grid { kind } } }')
    assert errors_of(body), body
    assert body.get("data") == {"ticket": {"id": "HL-2023-9001", "grid": None}}
