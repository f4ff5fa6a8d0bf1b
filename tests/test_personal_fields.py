"""Roles get exactly the personal data docs/security.md lists: the test reads the document's
table, walks the schema by introspection (every field of a type that carries personal data
is listed, as personal or not), and checks every listed field for every role on the demo
county's own records against what the county role sees.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.core.settings import PROJECT_ROOT
from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import import_path
from hub.importer.ids import id_check_char
from hub.query.personal import mask_name, mask_phone
from tests.graphql_helpers import REPORT_DAY, data

DOC = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
ROLES = {"county": None, "township": "XC-T01", "grid": "XC-T01-C01-G02", "service": None}
GRID, ENTERPRISE = "XC-T01-C01-G02", "91990300MA0000055C"


@pytest.fixture(scope="module", autouse=True)
async def instructor_with_a_phone(demo: Database, tmp_path_factory: pytest.TempPathFactory,
                                  ) -> AsyncIterator[None]:
    """The demo's instructors carry no phone number: one of the test's own does."""
    folder: Path = tmp_path_factory.mktemp("personal")
    body = "99030019850505123"
    rows = {"instructors": ["ZP-I1", "测试指导员", body + id_check_char(body), "19905999999",
                            "D-001", "2021-01-01", ""],
            "guidance": ["ZP-I1", ENTERPRISE, "2021-05-01", ""]}
    for kind, row in rows.items():
        header = ",".join(col.header for col in BY_NAME[kind].columns)
        (folder / BY_NAME[kind].file).write_text(f"{header}\n{','.join(row)}\n",
                                                 encoding="utf-8")
    await import_path(demo, folder, key=b"test-key")
    yield
    await demo.write("admin.delete_records", codes=["ZP-I1"])


def _between(tag: str) -> str:
    return DOC.split(f"<!-- {tag} -->")[1].split(f"<!-- /{tag} -->")[0]


def documented() -> dict[tuple[str, str], dict[str, str]]:
    """(type, field) -> role -> clear / masked / null / —, from the document's table."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for line in _between("personal-fields").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        found = re.fullmatch(r"`(\w+)\.(\w+)`", cells[0])
        if found:
            rows[(found[1], found[2])] = dict(zip(ROLES, cells[1:], strict=True))
    return rows


PERSONAL = documented()
NOT_PERSONAL = set(re.findall(r"`(\w+)\.(\w+)`", _between("not-personal")))
TYPES = sorted({t for t, _ in PERSONAL})


def fields(kind: str) -> str:
    """The type's personal fields as a selection (lists of objects select their start)."""
    return " ".join(f if f != "spans" else "spans { start end months }"
                    for t, f in PERSONAL if t == kind)


QUERY = f"""query($day: Date!) {{
  grid: unit(code: "{GRID}", asOf: $day) {{ ... on Grid {{
    households(first: 5) {{ nodes {{ code {fields("Household")} }} }}
    workers(first: 5) {{ nodes {{ code {fields("GridWorker")} }} }}
    partyOrgs {{ nodes {{ ... on PartyOrg {{
      members(first: 5) {{ nodes {{ code {fields("Member")} }} }} }} }} }} }} }}
  enterprise: unit(code: "{ENTERPRISE}", asOf: $day) {{ ... on Enterprise {{
    instructors(first: 5) {{ nodes {{ code {fields("Instructor")} }} }} }} }}
  allowance: departureAllowance(asOf: $day, unit: "XC-T01", qualifiedOnly: false, first: 5) {{
    ... on Allowance {{ cases {{ nodes {{ code {fields("AllowanceCase")} }} }} }} }}
}}"""


def records(found: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The nodes of each personal type in one answer (empty where the role reaches none)."""
    grid, enterprise = found["grid"] or {}, found["enterprise"] or {}
    allowance = found["allowance"] or {}
    return {
        "Household": (grid.get("households") or {}).get("nodes", []),
        "GridWorker": (grid.get("workers") or {}).get("nodes", []),
        "Member": [m for o in (grid.get("partyOrgs") or {}).get("nodes", [])
                   for m in (o.get("members") or {}).get("nodes", [])],
        "Instructor": (enterprise.get("instructors") or {}).get("nodes", []),
        "AllowanceCase": (allowance.get("cases") or {}).get("nodes", []),
    }


async def test_every_field_of_a_personal_type_is_documented(client: httpx.AsyncClient) -> None:
    body = await data(client, """{ __schema { types { name kind fields { name
        type { kind } } } } }""")
    schema = {t["name"]: t for t in body["__schema"]["types"] if t["kind"] == "OBJECT"}
    for kind in TYPES:
        names = {f["name"]: f["type"]["kind"] for f in schema[kind]["fields"]}
        listed = {f for t, f in PERSONAL if t == kind} | {f for t, f in NOT_PERSONAL if t == kind}
        assert set(names) == listed, (kind, set(names) ^ listed)
        for (t, f), roles in PERSONAL.items():
            if t == kind and "null" in roles.values():
                assert names[f] != "NON_NULL", f"{kind}.{f} must be nullable to be hidden"


@pytest.mark.parametrize("role", list(ROLES))
async def test_every_personal_field_is_shown_to_each_role_as_documented(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], role: str,
) -> None:
    county = records(await data(client, QUERY, day=REPORT_DAY))
    seen = records(await data(client, QUERY, bearer(role, ROLES[role]), day=REPORT_DAY))
    for (kind, field), rules in PERSONAL.items():
        rule = rules[role]
        if rule == "—":
            assert seen[kind] == [], (kind, role, "reaches no such record")
            continue
        truth = {r["code"]: r[field] for r in county[kind]}
        assert seen[kind] and any(v is not None for v in truth.values()), (kind, field)
        for node in seen[kind]:
            value, clear = node[field], truth[node["code"]]
            if rule == "null" or clear is None:
                assert value is None, (kind, field, role)
            elif rule == "clear":
                assert value == clear, (kind, field, role)
            else:
                mask = mask_phone if field == "phone" else mask_name
                assert value == mask(clear) != clear, (kind, field, role)
