"""Every write leaves its audit record, in the same transaction as the write."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from hub.core.principal import Principal, Role
from hub.graph.db import Database, Tx
from hub.importer import audit
from tests.graphql_helpers import data
from tests.test_upload import sheets

CLERK = Principal("clerk-zhang", Role.TOWNSHIP, "XC-T01")


async def test_a_write_and_its_audit_record_land_together(db: Database) -> None:
    async def work(tx: Tx) -> str:
        return await audit.record(tx, CLERK, "test.write", ["AUD-1"], {"n": 1}, {"n": 2})

    entry_id = await db.in_write_tx(work)
    total, found = await audit.entries(db, "AUD-1", 0, 10)
    assert total == 1
    assert found[0]["id"] == entry_id
    assert (found[0]["who"], found[0]["role"], found[0]["unit"]) == ("clerk-zhang",
                                                                      "township", "XC-T01")
    assert json.loads(found[0]["before"]) == {"n": 1}
    assert json.loads(found[0]["after"]) == {"n": 2}


async def test_a_failed_write_leaves_no_audit_record(db: Database) -> None:
    async def work(tx: Tx) -> None:
        await audit.record(tx, CLERK, "test.write", ["AUD-2"], None, {"n": 3})
        raise RuntimeError("the write itself failed after its audit record")

    with pytest.raises(RuntimeError):
        await db.in_write_tx(work)
    assert (await audit.entries(db, "AUD-2", 0, 10)) == (0, [])


async def test_the_demo_import_left_its_audit_record(demo: Database) -> None:
    _, found = await audit.entries(demo, "XC-T01", 0, 10)
    imports = [e for e in found if e["action"] == "import"]
    assert imports, "the import that loaded the demo county is in the trail"
    after = json.loads(imports[-1]["after"])
    townships = next(k for k in after["kinds"] if k["kind"] == "townships")
    assert after["path"] == "demo-county"
    assert townships["rows"] == 8 and townships["created"] + townships["unchanged"] == 8
    assert imports[-1]["role"] == "county" and imports[-1]["who"].startswith("cli:")
    # A record the import created keeps its run's id: its provenance, found in the entry.
    made = (await demo.read("testing.record_properties", codes=["XC-T01"]))[0]["properties"]
    assert made["importId"] == after["run"] and made["stagedLabels"] == ["Township", "Unit"]


async def test_every_record_of_a_large_upload_finds_its_audit_entry(
    client: httpx.AsyncClient, demo: Database, bearer: Callable[..., dict[str, str]],
) -> None:
    """A web import of 1,500 households and a member's links to some of them: the one audit
    entry lists every household, the member and the grids the rows refer to, so
    `auditTrail(code:)` finds it from any of them, the last household as much as the first."""
    homes = [f"ZA-H{i:04d}" for i in range(1, 1501)]
    grids = ["XC-T01-C01-G01", "XC-T01-C01-G02"]
    rows = {"households": [[code, "审计户", "", "2", "", grids[i % 2], "2026-02-01", ""]
                           for i, code in enumerate(homes)],
            "memberships": [["M00001", "P-XC-T01-V01", "2015-01-01", ""]],
            "member_links": [["M00001", code, "2026-02-01", ""] for code in homes[-3:]]}
    done = await client.post("/import", content=sheets(rows),
                             headers=bearer("township", "XC-T01"))
    try:
        assert done.status_code == 200, done.text
        entry = done.json()["auditId"]
        for code in (homes[0], homes[999], homes[1000], homes[-1], "M00001", grids[1]):
            found = await data(client, """query($code: String!) { auditTrail(code: $code,
              first: 3) { ... on AuditEntryConnection { nodes { id role } } } }""", code=code)
            assert entry in [n["id"] for n in found["auditTrail"]["nodes"]], code
        total, listed = await audit.entries(demo, homes[-1], 0, 1)
        assert (total, len(listed[0]["records"])) == (1, len(homes) + 1 + 2 + 1)
    finally:
        await demo.write("admin.delete_records", codes=homes)
