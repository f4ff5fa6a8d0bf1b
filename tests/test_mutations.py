"""Everyday edits over HTTP on a real Neo4j: each writes its change and its audit entry in one
transaction, refuses with typed results (unknown code, outside the jurisdiction, dates out of
order, steps out of sequence, values the importer would refuse), and the service role cannot
write. The tests work on records of their own (codes `ZM…`, loaded through the importer and
deleted after), dated after 2026-01-01, so the demo county is left as it was found.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.core import clock
from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import import_path
from hub.importer.ids import id_check_char, uscc_check_char
from tests.graphql_helpers import data

KEY = b"test-key"
USCC = "91990300MA9900001" + uscc_check_char("91990300MA9900001")
ID_BODY = "99030019990101123"
ID_NUMBER = ID_BODY + id_check_char(ID_BODY)
OWN = ["ZM-H1", "ZM-M1", "ZM-I1", "ZM-WL1", "ZM-WO1", "ZM-S1", USCC]

RESULT = """
  __typename
  ... on Edited { action records auditId message }
  ... on RecordNotFound { code message }
  ... on RoleNotPermitted { role message }
  ... on InvalidValues { message problems { column value reason } }
  ... on DateOutOfOrder { earlier later message }
  ... on StepOutOfSequence { last asked allowed message }
  ... on EditConflict { code message }
"""


def _csv(folder: Path, kind: str, *rows: list[str]) -> None:
    header = ",".join(col.header for col in BY_NAME[kind].columns)
    body = "".join(",".join(row) + "\n" for row in rows)
    (folder / BY_NAME[kind].file).write_text(header + "\n" + body, encoding="utf-8")


@pytest.fixture(scope="module")
async def own(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[None]:
    """A household, member, instructor, enterprise and weak-and-lax case of the tests' own."""
    folder = tmp_path_factory.mktemp("own")
    _csv(folder, "households", ["ZM-H1", "测试户", "", "3", "", "XC-T01-C01-G02", "2026-01-05", ""])
    _csv(folder, "members", ["ZM-M1", "测试党员", ID_NUMBER, "", "M", "1980-01-01", "true",
                             "2005-07-01"])
    _csv(folder, "memberships", ["ZM-M1", "P-XC-T01-C01-G02", "2026-01-05", ""])
    _csv(folder, "instructors", ["ZM-I1", "测试指导员", ID_NUMBER, "", "D-001", "2026-01-05", ""])
    _csv(folder, "enterprises", [USCC, "测试企业", "retail", "12", "XC-T01-C02", "2026-01-05"])
    _csv(folder, "weak_orgs", ["ZM-WL1", "P-XC-T01-V06", "2026-02-01", "", "测试"])
    await import_path(demo, folder, key=KEY)
    yield
    await demo.write("admin.delete_records", codes=OWN)


async def edit(client: httpx.AsyncClient, call: str, headers: dict[str, str] | None = None,
               **variables: Any) -> dict[str, Any]:
    params = ", ".join(f"${k}: {'Date' if k in DATES else 'String'}!" for k in variables)
    args = ", ".join(f"{k}: ${k}" for k in variables)
    found = await data(client, f"mutation({params}) {{ r: {call}({args}) {{ {RESULT} }} }}",
                       headers, **variables)
    result: dict[str, Any] = found["r"]
    return result


DATES = {"since", "until", "on", "reportedOn"}


async def trail(client: httpx.AsyncClient, code: str) -> list[dict[str, Any]]:
    found = await data(client, """query($code: String) { auditTrail(code: $code, first: 5) {
        __typename ... on AuditEntryConnection { totalCount nodes { action who role records
        before after } } } }""", code=code)
    nodes: list[dict[str, Any]] = found["auditTrail"]["nodes"]
    return nodes


async def links(db: Database) -> list[dict[str, Any]]:
    return await db.read("edit.link_state", member="ZM-M1", household="ZM-H1", scope=None,
                         today=clock.today())


@pytest.mark.usefixtures("own")
async def test_link_then_unlink_closes_never_deletes(client: httpx.AsyncClient,
                                                    demo: Database) -> None:
    done = await edit(client, "linkMemberHousehold", member="ZM-M1", household="ZM-H1",
                      since="2026-03-01")
    assert done["__typename"] == "Edited" and done["records"] == ["ZM-M1", "ZM-H1"]
    again = await edit(client, "linkMemberHousehold", member="ZM-M1", household="ZM-H1",
                       since="2026-03-02")
    assert again["__typename"] == "EditConflict" and "already linked" in again["message"]
    early = await edit(client, "unlinkMemberHousehold", member="ZM-M1", household="ZM-H1",
                       until="2026-03-01")
    assert early["__typename"] == "DateOutOfOrder" and early["earlier"] == "2026-03-01"
    closed = await edit(client, "unlinkMemberHousehold", member="ZM-M1", household="ZM-H1",
                        until="2026-06-01")
    assert closed["__typename"] == "Edited"
    assert (await links(demo))[0]["open"] == []
    # History is kept: as of a day inside the link's span, the member still looked after it.
    for when, total in (("2026-04-01", 1), ("2026-06-01", 0)):
        rows = await demo.read("browse.member_households", parents=["ZM-M1"],
                               asOf=date.fromisoformat(when), offset=0, limit=5, scope=None)
        assert rows[0]["total"] == total, when
    entries = await trail(client, "ZM-H1")
    assert [e["action"] for e in entries[:2]] == ["unlink_member_household",
                                                  "link_member_household"]
    assert '"until": "2026-06-01"' in entries[0]["after"] and entries[0]["role"] == "county"
    twice = await edit(client, "unlinkMemberHousehold", member="ZM-M1", household="ZM-H1",
                       until="2026-07-01")
    assert twice["__typename"] == "EditConflict" and "not linked" in twice["message"]


@pytest.mark.usefixtures("own")
async def test_outside_the_township_is_the_same_as_unknown(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    other = bearer("township", "XC-T02")
    outside = await edit(client, "linkMemberHousehold", other, member="ZM-M1",
                         household="ZM-H1", since="2026-03-01")
    unknown = await edit(client, "linkMemberHousehold", other, member="ZM-NOPE",
                         household="ZM-H1", since="2026-03-01")
    assert outside["__typename"] == unknown["__typename"] == "RecordNotFound"
    assert outside["message"].replace("ZM-M1", "X") == unknown["message"].replace("ZM-NOPE", "X")
    service = await edit(client, "rectifyWeakLax", bearer("service"), code="ZM-WL1",
                         on="2026-05-01")
    assert service["__typename"] == "RoleNotPermitted"
    own_township = bearer("township", "XC-T01")
    done = await edit(client, "assignInstructor", own_township, instructor="ZM-I1",
                      enterprise=USCC.lower(), since="2026-04-01")
    assert done["__typename"] == "Edited" and done["records"] == ["ZM-I1", USCC]
    entry = (await trail(client, USCC))[0]
    assert entry["role"] == "township" and entry["action"] == "assign_instructor"


@pytest.mark.usefixtures("own")
async def test_work_order_steps_follow_their_sequence(client: httpx.AsyncClient) -> None:
    made = await edit(client, "recordWorkOrder", code="ZM-WO1", title="测试事件",
                      category="矛盾纠纷", reportedOn="2026-05-01", territory="XC-T01-C01-G02")
    assert made["__typename"] == "Edited"
    taken = await edit(client, "recordWorkOrder", code="ZM-WO1", title="测试事件",
                       category="矛盾纠纷", reportedOn="2026-05-01", territory="XC-T01-C01-G02")
    assert taken["__typename"] == "EditConflict"
    step = "recordOrderStep"
    closing = await edit(client, step, order="ZM-WO1", status="closed", on="2026-05-02",
                         department="D-001")
    assert closing["__typename"] == "StepOutOfSequence" and closing["allowed"] == ["routed"]
    bad = await edit(client, step, order="ZM-WO1", status="finished", on="2026-05-02",
                     department="D-001")
    assert bad["__typename"] == "InvalidValues" and bad["problems"][0]["value"] == "finished"
    before = await edit(client, step, order="ZM-WO1", status="routed", on="2026-04-30",
                        department="D-001")
    assert before["__typename"] == "DateOutOfOrder"
    for status in ("routed", "accepted"):
        done = await edit(client, step, order="ZM-WO1", status=status, on="2026-05-02",
                          department="D-001")
        assert done["__typename"] == "Edited", done
    nope = await edit(client, step, order="ZM-WO1", status="returned", on="2026-05-03",
                      department="D-001")
    assert nope["__typename"] == "StepOutOfSequence" and nope["last"] == "accepted"
    closed = await edit(client, step, order="ZM-WO1", status="closed", on="2026-05-03",
                        department="D-001")
    assert closed["__typename"] == "Edited"
    entry = (await trail(client, "ZM-WO1"))[0]
    assert '"seq": 3' in entry["after"] and '"status": "closed"' in entry["after"]


@pytest.mark.usefixtures("own")
async def test_rectify_and_place_graduate(client: httpx.AsyncClient, demo: Database) -> None:
    early = await edit(client, "rectifyWeakLax", code="ZM-WL1", on="2026-01-01")
    assert early["__typename"] == "DateOutOfOrder"
    done = await edit(client, "rectifyWeakLax", code="ZM-WL1", on="2026-05-01")
    assert done["__typename"] == "Edited"
    again = await edit(client, "rectifyWeakLax", code="ZM-WL1", on="2026-06-01")
    assert again["__typename"] == "EditConflict"
    bad_id = await edit(client, "placeGraduate", code="ZM-S1", name="测试", idNumber="123",
                        school="北岭农业大学", unit="XC-T01-V01", since="2026-03-01")
    assert bad_id["__typename"] == "InvalidValues"
    assert bad_id["problems"][0]["column"] == "身份证号(idNumber)"
    placed = await edit(client, "placeGraduate", code="ZM-S1", name="测试", idNumber=ID_NUMBER,
                        school="北岭农业大学", unit="XC-T01-V01", since="2026-03-01")
    assert placed["__typename"] == "Edited"
    moved = await edit(client, "placeGraduate", code="ZM-S1", name="测试", idNumber=ID_NUMBER,
                       school="北岭农业大学", unit="XC-T01-V02", since="2026-09-01")
    assert moved["__typename"] == "Edited"
    state = await demo.read("edit.place_state", code="ZM-S1", unit="XC-T01-V02", scope=None,
                            today=clock.today())
    assert state[0]["at"] == "XC-T01-V02"
    entry = (await trail(client, "ZM-S1"))[0]
    assert '"unit": "XC-T01-V01"' in entry["before"] and ID_NUMBER not in entry["after"]
    taken = await edit(client, "placeGraduate", code="ZM-WL1", name="测试", idNumber=ID_NUMBER,
                       school="北岭农业大学", unit="XC-T01-V02", since="2026-09-01")
    assert taken["__typename"] == "EditConflict"


async def test_audit_trail_is_for_the_county_only(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    found = await data(client, "{ auditTrail(first: 1) { __typename "
                               "... on RoleNotPermitted { role message } } }",
                       bearer("township", "XC-T01"))
    assert found["auditTrail"]["__typename"] == "RoleNotPermitted"
    assert "county role" in found["auditTrail"]["message"]
