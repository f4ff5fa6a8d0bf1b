"""`POST /import` over HTTP and the generated templates: a template imports cleanly (its
example rows are valid), a township imports only inside its own township (checked in Cypher,
rolled back otherwise), refusals come back as JSON with file/row/column/reason in zh and en,
and every import leaves its audit entry. Own records use codes `ZU…` and are deleted after.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path

import httpx
import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from hub.cli.main import main
from hub.core import clock
from hub.files.read import read
from hub.files.registry import BY_NAME, KINDS
from hub.files.templates import write_csv, write_xlsx
from hub.graph.db import Database
from hub.importer.ids import id_check_char
from tests.graphql_helpers import data


def workbook(kind: str, *rows: list[str]) -> bytes:
    return sheets({kind: list(rows)})


def sheets(kinds: dict[str, list[list[str]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for kind, rows in kinds.items():
        sheet = book.create_sheet(kind)
        sheet.append([col.header for col in BY_NAME[kind].columns])
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    book.close()
    return out.getvalue()


@pytest.fixture
async def own(demo: Database) -> AsyncIterator[list[str]]:
    codes: list[str] = []
    yield codes
    await demo.write("admin.delete_records", codes=codes)


def test_templates_cover_every_kind_with_an_example(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "templates.xlsx")
    write_csv(tmp_path / "csv")
    for source in (book, tmp_path / "csv"):
        raw, problems = read(source)
        assert problems == [] and set(raw) == {k.name for k in KINDS}
        assert all(len(rows) == 1 for rows in raw.values())
    header = (tmp_path / "csv" / "members.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("党员编号(code),姓名(name),身份证号(idNumber)")


def test_template_guides_whoever_fills_it_in(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(write_xlsx(tmp_path / "t.xlsx"))
    assert book.sheetnames == ["填表说明(instructions)",
                               *(f"{k.zh}({k.name})" for k in KINDS)]
    guide = [[c for c in row if c is not None] for row in book.worksheets[0].values]
    assert any("2023年6月30日" in str(row) and "2023/6/30" in str(row) for row in guide)
    assert any("format" in str(row) and "GB 11643-1999" in str(row) for row in guide)
    by_sheet = {row[0]: row for row in guide if row and str(row[0]).endswith(")")}
    assert by_sheet["户(households)"][2] == "户编码(code)、所在网格或村(territory)、登记日期(since)"
    assert "人口数(size)" in by_sheet["户(households)"][3]
    for kind in KINDS:
        sheet = book[f"{kind.zh}({kind.name})"]
        assert sheet.freeze_panes == "A2"
        lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
        expected = {}
        for index, col in enumerate(kind.columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            choices = ("是", "否") if col.type == "bool" else col.allowed
            if choices:
                expected[f"{letter}2:{letter}10000"] = '"' + ",".join(choices) + '"'
            if col.type == "idnum":
                assert sheet.column_dimensions[letter].number_format == "@", (kind.name, col)
        assert lists == expected, kind.name
    orgs = book["党组织(party_orgs)"].data_validations.dataValidation
    assert [v.formula1 for v in orgs if str(v.sqref) == "C2:C10000"] == [
        '"county_committee,township_committee,village_org,community_org,grid_branch,'
        'grid_group,agency_org,industry_org,enterprise_org"']


def test_hub_template_command_writes_both_forms(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "--out", str(tmp_path)]) == 0
    assert f"{len(KINDS)} 个 CSV 文件 / CSV files" in capsys.readouterr().out
    assert (tmp_path / "templates.xlsx").stat().st_size > 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(k.file for k in KINDS)


async def test_template_uploads_cleanly_and_is_audited(client: httpx.AsyncClient,
                                                      tmp_path: Path) -> None:
    # Its example rows are the demo county's first rows: valid, and already there.
    body = write_xlsx(tmp_path / "t.xlsx").read_bytes()
    response = await client.post("/import", content=body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["rows"] == len(KINDS)
    assert (answer["created"], answer["updated"], answer["closed"]) == (0, 0, 0)
    assert answer["unchanged"] == len(KINDS)
    assert {k["kind"] for k in answer["kinds"]} == {k.name for k in KINDS}
    assert answer["summary"][-1].endswith(
        f"未变/unchanged {len(KINDS)}, 结束/closed 0（无变化 / nothing changed）")
    found = await data(client, """{ auditTrail(first: 1) { ... on AuditEntryConnection {
        nodes { id action role } } } }""")
    assert found["auditTrail"]["nodes"][0] == {"id": answer["auditId"], "action": "import",
                                               "role": "county"}


async def test_township_uploads_only_inside_its_township(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], demo: Database,
        own: list[str]) -> None:
    own.extend(["ZU-H1", "ZU-H2"])
    mine = bearer("township", "XC-T01")
    outside = workbook("households",
                       ["ZU-H1", "甲", "", "2", "", "XC-T01-C01-G01", "2026-02-01", ""],
                       ["ZU-H2", "乙", "", "2", "", "XC-T02-C01-G01", "2026-02-01", ""])
    refused = await client.post("/import", content=outside, headers=mine)
    assert refused.status_code == 403
    problems = refused.json()["problems"]
    # The grid the row names lies outside XC-T01: refused before anything is written or any
    # other check runs (hub/http/upload_scope.py).
    assert sorted((p["file"], p["row"], p["value"]) for p in problems) == [
        ("upload.xlsx:households", 3, "XC-T02-C01-G01")]
    assert "outside your jurisdiction" in problems[0]["reason"]
    assert await demo.read("import.known", codes=["ZU-H1", "ZU-H2"]) == []
    inside = workbook("households",
                      ["ZU-H1", "甲", "", "2", "", "XC-T01-C01-G01", "2026-02-01", ""])
    done = await client.post("/import", content=inside, headers=mine)
    assert done.status_code == 200 and done.json()["kinds"] == [
        {"kind": "households", "zh": "户", "rows": 1, "created": 1, "updated": 0,
         "unchanged": 0, "closed": 0}]
    service = await client.post("/import", content=inside, headers=bearer("service"))
    assert service.status_code == 403


async def test_upload_refusals_list_every_problem(client: httpx.AsyncClient) -> None:
    text = await client.post("/import", content=b"this is not a workbook")
    assert text.status_code == 422
    assert text.json()["problems"][0]["reason"].endswith("not a valid .xlsx workbook")
    # The head may be unknown (optional), the registration date may not.
    bad = workbook("households", ["ZU-H3", "", "", "two", "", "XC-T01-C01-G01", "", ""],
                   ["ZU-H4", "丁", "", "2", "", "XC-NOPE", "2026-02-01", ""])
    answer = await client.post("/import", content=bad)
    assert answer.status_code == 422
    body = answer.json()
    assert "nothing was written" in body["message"]
    assert {(p["row"], p["column"]) for p in body["problems"]} == {
        (2, "登记日期(since)"), (2, "人口数(size)"), (3, "所在网格或村(territory)")}


async def linked(db: Database, day: str) -> int:
    rows = await db.read("browse.member_households", parents=["ZU-M1"],
                         asOf=date.fromisoformat(day), offset=0, limit=5, scope=None)
    return int(rows[0]["total"])


async def test_full_reimport_closes_what_it_no_longer_lists(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], demo: Database,
        own: list[str]) -> None:
    own.extend(["ZU-M1", "ZU-H5", "ZU-H6"])
    body = "99030019800101123"
    links = [["ZU-M1", "ZU-H5", "2026-02-01", ""], ["ZU-M1", "ZU-H6", "2026-02-01", ""]]
    first = await client.post("/import", content=sheets({
        "members": [["ZU-M1", "甲", body + id_check_char(body), "", "F", "1980-01-01", "是",
                     "2006-07-01"]],
        "memberships": [["ZU-M1", "P-XC-T01-C01-G01", "2026-02-01", ""]],
        "households": [["ZU-H5", "乙", "", "2", "", "XC-T01-C01-G01", "2026-02-01", ""],
                       ["ZU-H6", "丙", "", "2", "", "XC-T01-C01-G01", "2026-02-01", ""]],
        "member_links": links}))
    assert first.status_code == 200, first.text
    today = clock.today().isoformat()
    assert await linked(demo, today) == 2
    township = await client.post("/import?full=1", content=workbook("member_links", links[0]),
                                 headers=bearer("township", "XC-T01"))
    assert township.status_code == 403
    full = await client.post("/import?full=1", content=workbook("member_links", links[0]))
    assert full.status_code == 200 and full.json()["kinds"] == [
        {"kind": "member_links", "zh": "党员联系户", "rows": 1, "created": 0, "updated": 0,
         "unchanged": 1, "closed": 1}]
    # Closed today, not deleted: still there as of yesterday's history.
    assert await linked(demo, today) == 1 and await linked(demo, "2026-03-01") == 2
    again = await client.post("/import?full=1", content=workbook("member_links", links[0]))
    assert (again.json()["closed"], again.json()["created"], again.json()["unchanged"]) == (
        0, 0, 1)
