"""Every write leaves its audit record, in the same transaction as the write."""

from __future__ import annotations

import json

import pytest

from hub import audit
from hub.db import Database, Tx
from hub.principal import Principal, Role

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
