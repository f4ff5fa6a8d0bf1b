"""Every edit lands exactly once however many arrive at the same moment: each mutation is
sent eight times at once (one asyncio.gather over the in-process app, so the eight
transactions really overlap in Neo4j), and the test counts what landed in the graph and in
the audit trail. One `Edited`, seven typed refusals, never an internal error. Own records
use codes `ZC…` and are deleted after.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.graph.db import Database
from hub.importer import import_path
from hub.importer.ids import id_check_char, uscc_check_char
from tests.test_mutations import KEY, _csv, edit

AT_ONCE = 8
USCC = "91990300MA99C0001" + uscc_check_char("91990300MA99C0001")
ID_BODY = "99030019990202123"
ID_NUMBER = ID_BODY + id_check_char(ID_BODY)
OWN = ["ZC-H1", "ZC-M1", "ZC-I1", "ZC-WL1", "ZC-WO1", "ZC-S1", USCC]


@pytest.fixture(scope="module")
async def own(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[None]:
    folder = tmp_path_factory.mktemp("concurrent")
    _csv(folder, "households", ["ZC-H1", "并发户", "", "3", "", "XC-T01-C01-G02", "2026-01-05",
                                ""])
    _csv(folder, "members", ["ZC-M1", "并发党员", ID_NUMBER, "", "M", "1980-01-01", "true",
                             "2005-07-01"])
    _csv(folder, "memberships", ["ZC-M1", "P-XC-T01-C01-G02", "2026-01-05", ""])
    _csv(folder, "instructors", ["ZC-I1", "并发指导员", ID_NUMBER, "", "D-001", "2026-01-05",
                                 ""])
    _csv(folder, "enterprises", [USCC, "并发企业", "retail", "12", "XC-T01-C02", "2026-01-05"])
    _csv(folder, "weak_orgs", ["ZC-WL1", "P-XC-T01-V06", "2026-02-01", "", "测试"])
    await import_path(demo, folder, key=KEY)
    yield
    await demo.write("admin.delete_records", codes=OWN)


async def at_once(client: httpx.AsyncClient, call: str, **variables: Any) -> Counter[str]:
    """Send the same mutation AT_ONCE times together; how many answers of each type."""
    answers = await asyncio.gather(*(edit(client, call, **variables)
                                     for _ in range(AT_ONCE)))
    return Counter(a["__typename"] for a in answers)


async def traces(db: Database, code: str) -> dict[str, Any]:
    """What the edits left on `code` (the audit actions without the fixture's own import)."""
    found: dict[str, Any] = (await db.read("testing.edit_traces", code=code))[0]
    found["actions"] = [a for a in found["actions"] if a != "import"]
    return found


@pytest.mark.usefixtures("own")
async def test_each_mutation_sent_eight_times_at_once_lands_once(
    client: httpx.AsyncClient, demo: Database
) -> None:
    linked = await at_once(client, "linkMemberHousehold", member="ZC-M1", household="ZC-H1",
                           since="2026-03-01")
    assert linked == {"Edited": 1, "EditConflict": AT_ONCE - 1}
    household = await traces(demo, "ZC-H1")
    assert household["actions"] == ["link_member_household"]
    assert (await traces(demo, "ZC-M1"))["open"] == 1

    unlinked = await at_once(client, "unlinkMemberHousehold", member="ZC-M1",
                             household="ZC-H1", until="2026-04-01")
    assert unlinked == {"Edited": 1, "EditConflict": AT_ONCE - 1}
    assert (await traces(demo, "ZC-M1"))["open"] == 0
    assert Counter((await traces(demo, "ZC-H1"))["actions"]) == {
        "link_member_household": 1, "unlink_member_household": 1}

    ordered = await at_once(client, "recordWorkOrder", code="ZC-WO1", title="并发事件",
                            category="矛盾纠纷", reportedOn="2026-05-01",
                            territory="XC-T01-C01-G02")
    assert ordered == {"Edited": 1, "EditConflict": AT_ONCE - 1}
    order = await traces(demo, "ZC-WO1")
    assert (order["placed"], order["actions"]) == (1, ["record_work_order"])

    routed = await at_once(client, "recordOrderStep", order="ZC-WO1", status="routed",
                           on="2026-05-02", department="D-001")
    assert routed == {"Edited": 1, "StepOutOfSequence": AT_ONCE - 1}
    order = await traces(demo, "ZC-WO1")
    assert order["steps"] == [1]
    assert Counter(order["actions"]) == {"record_work_order": 1, "record_order_step": 1}

    guided = await at_once(client, "assignInstructor", instructor="ZC-I1", enterprise=USCC,
                           since="2026-04-01")
    assert guided == {"Edited": 1, "EditConflict": AT_ONCE - 1}
    instructor = await traces(demo, "ZC-I1")
    assert (instructor["open"], instructor["actions"]) == (1, ["assign_instructor"])

    rectified = await at_once(client, "rectifyWeakLax", code="ZC-WL1", on="2026-05-01")
    assert rectified == {"Edited": 1, "EditConflict": AT_ONCE - 1}
    case = await traces(demo, "ZC-WL1")
    assert case["actions"] == ["rectify_weak_lax"] and str(case["rectifiedOn"]) == "2026-05-01"

    placed = await at_once(client, "placeGraduate", code="ZC-S1", name="并发", idNumber=ID_NUMBER,
                           school="北岭农业大学", unit="XC-T01-V01", since="2026-03-01")
    assert placed["Edited"] == 1 and sum(placed.values()) == AT_ONCE
    assert set(placed) <= {"Edited", "EditConflict"}
    graduate = await traces(demo, "ZC-S1")
    assert (graduate["open"], graduate["actions"]) == (1, ["place_graduate"])


@pytest.mark.usefixtures("own")
async def test_one_new_code_in_many_places_at_once_is_created_once(
    client: httpx.AsyncClient, demo: Database, tmp_path: Path
) -> None:
    """The same new code for eight different territories and villages at once: one wins."""
    grids = [f"XC-T01-C0{c}-G0{g}" for c in range(1, 5) for g in (1, 2)]
    answers = await asyncio.gather(*(
        edit(client, "recordWorkOrder", code="ZC-WO2", title="并发事件", category="矛盾纠纷",
             reportedOn="2026-05-01", territory=grid) for grid in grids))
    assert Counter(a["__typename"] for a in answers) == {"Edited": 1, "EditConflict": 7}
    try:
        order = await traces(demo, "ZC-WO2")
        assert (order["placed"], order["actions"]) == (1, ["record_work_order"])
        villages = [f"XC-T01-V0{i}" for i in range(1, 9)]
        placed = await asyncio.gather(*(
            edit(client, "placeGraduate", code="ZC-S2", name="并发", idNumber=ID_NUMBER,
                 school="北岭农业大学", unit=village, since="2026-03-01")
            for village in villages))
        assert Counter(a["__typename"] for a in placed)["Edited"] == 1
        graduate = await traces(demo, "ZC-S2")
        assert (graduate["open"], graduate["actions"]) == (1, ["place_graduate"])
    finally:
        await demo.write("admin.delete_records", codes=["ZC-WO2", "ZC-S2"])
