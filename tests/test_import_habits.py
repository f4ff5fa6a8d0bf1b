"""Files as county staff really save them (issue 12, item 4): CSV in GBK/GB18030 or UTF-8
with or without BOM and CRLF line ends, dates in every common form (and Excel date cells and
serial numbers), full-width codes, an ID number Excel stored as a number, formulas without a
value, merged cells, duplicated headers, damaged workbooks and empty files. Each either
imports exactly or is reported with file, row, column and reason — never a traceback.

Files are generated here; own codes start with `ZX` and are deleted after.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest
from openpyxl import Workbook  # type: ignore[import-untyped]

from hub.files.read import read
from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import ImportRejected, Problem, import_path
from hub.importer.ids import id_check_char
from tests.graphql_helpers import data

KEY = b"test-key"
GRID = "XC-T01-C01-G01"
REPORT = date(2023, 6, 30)
# The report date as staff write it, and as Excel hands it over.
DATE_FORMS = ["2023-06-30", "2023/6/30", "2023-6-30", "2023年6月30日", "2023.6.30", "45107",
              "2023/6/30 0:00"]


def csv_text(kind: str, rows: list[list[str]]) -> str:
    lines = [",".join(col.header for col in BY_NAME[kind].columns)]
    lines += [",".join(row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def book(kind: str, rows: list[list[object]], title: str | None = None) -> Workbook:
    out = Workbook()
    sheet = out.active
    sheet.title = title or kind
    sheet.append([col.header for col in BY_NAME[kind].columns])
    for row in rows:
        sheet.append(row)
    return out


def household(code: str, since: object, head: str = "张三") -> list[object]:
    return [code, head, "", "3", "", GRID, since, ""]


async def rejected(db: Database, path: Path) -> list[Problem]:
    with pytest.raises(ImportRejected) as caught:
        await import_path(db, path, key=KEY)
    return caught.value.problems


async def stored(db: Database, codes: list[str]) -> dict[str, dict[str, object]]:
    rows = await db.read("testing.record_properties", codes=codes)
    return {str(r["code"]): dict(r["properties"]) for r in rows}


@pytest.fixture
async def own(demo: Database) -> AsyncIterator[list[str]]:
    codes: list[str] = []
    yield codes
    await demo.write("admin.delete_records", codes=codes)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
async def test_csv_in_any_excel_encoding_with_every_date_form(
        demo: Database, tmp_path: Path, own: list[str], encoding: str) -> None:
    codes = [f"ZX-{encoding}-{n}" for n in range(len(DATE_FORMS))]
    own.extend(codes)
    heads = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九"]
    if encoding != "gbk":
        heads[0] = "𠮷三"  # outside GBK: GB18030 writes it in four bytes
    rows = [[str(v) for v in household(c, d, h)] for c, d, h in zip(codes, DATE_FORMS, heads,
                                                                       strict=True)]
    (tmp_path / "households.csv").write_bytes(csv_text("households", rows).encode(encoding))
    summary = await import_path(demo, tmp_path, key=KEY)
    assert summary.created == len(DATE_FORMS)
    found = await stored(demo, codes)
    assert {c: found[c]["head"] for c in codes} == dict(zip(codes, heads, strict=True))
    links = await demo.read("testing.record_properties", codes=codes)
    assert {r["code"]: [(x["to"], x["since"].to_native()) for x in r["links"]] for r in links} \
        == {c: [(GRID, REPORT)] for c in codes}


async def test_a_full_width_code_is_the_same_record(demo: Database, tmp_path: Path,
                                                   own: list[str]) -> None:
    own.append("ZX-H100")
    (tmp_path / "households.csv").write_text(
        csv_text("households", [[str(v) for v in household("ZX-H100", "2023-06-30")]]),
        encoding="utf-8")
    assert (await import_path(demo, tmp_path, key=KEY)).created == 1
    wide = ["ＺＸ－Ｈ１００", "张三", "", "　４　", "", "ＸＣ－Ｔ０１－Ｃ０１－Ｇ０１",
            "２０２３－０６－３０", ""]
    (tmp_path / "households.csv").write_text(csv_text("households", [wide]), encoding="utf-8")
    again = await import_path(demo, tmp_path, key=KEY)
    assert again.counts() == {"created": 0, "updated": 1, "unchanged": 0, "closed": 0}
    assert (await stored(demo, ["ZX-H100"]))["ZX-H100"]["size"] == 4
    both = [wide, [str(v) for v in household("ZX-H100", "2023-06-30")]]
    (tmp_path / "households.csv").write_text(csv_text("households", both), encoding="utf-8")
    problems = await rejected(demo, tmp_path)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("households.csv", 3, "户编码(code)", "ZX-H100")]
    assert "duplicate code, first in households.csv row 2" in problems[0].reason


def test_a_file_in_no_known_encoding_is_refused(tmp_path: Path) -> None:
    (tmp_path / "households.csv").write_bytes(b"\xff\xfe\xfd\x80\x81\xfe\xff" * 3)
    raw, problems = read(tmp_path)
    assert raw == {"households": []}
    assert [(p.file, p.row, p.column) for p in problems] == [("households.csv", None, None)]
    assert "not UTF-8, GBK/GB18030 or UTF-16" in problems[0].reason
    assert "无法识别的文字编码" in problems[0].reason


async def test_excel_date_cells_and_serial_numbers(demo: Database, tmp_path: Path,
                                                  own: list[str]) -> None:
    forms: list[object] = [datetime(2023, 6, 30), date(2023, 6, 30), 45107, 45107.0,
                           "2023年6月30日", "2023.6.30"]
    codes = [f"ZX-XD{n}" for n in range(len(forms))]
    own.extend(codes)
    path = tmp_path / "county.xlsx"
    book("households", [household(c, f) for c, f in zip(codes, forms, strict=True)]).save(path)
    assert (await import_path(demo, path, key=KEY)).created == len(forms)
    rows = await demo.read("testing.record_properties", codes=codes)
    assert {r["code"]: r["links"][0]["since"].to_native() for r in rows} == {
        c: REPORT for c in codes}


async def test_a_year_or_an_impossible_date_is_refused_not_guessed(demo: Database,
                                                                  tmp_path: Path) -> None:
    rows = [[str(v) for v in household("ZX-BD1", "2023")],
            [str(v) for v in household("ZX-BD2", "2023-02-30")],
            [str(v) for v in household("ZX-BD3", "2023年13月1日")]]
    (tmp_path / "households.csv").write_text(csv_text("households", rows), encoding="utf-8")
    problems = await rejected(demo, tmp_path)
    assert [(p.row, p.column, p.value) for p in problems] == [
        (2, "登记日期(since)", "2023"), (3, "登记日期(since)", "2023-02-30"),
        (4, "登记日期(since)", "2023年13月1日")]
    assert all("must be a date" in p.reason for p in problems)


def member(code: str, id_number: object) -> list[object]:
    return [code, "甲", id_number, "", "M", "1966-04-24", "是", "1987-08-01"]


async def test_an_id_number_stored_as_a_number_is_reported_as_such(demo: Database,
                                                                  tmp_path: Path) -> None:
    body = "99030019660424043"
    valid = body + id_check_char(body)
    path = tmp_path / "county.xlsx"
    book("members", [member("ZX-M1", int(valid)), member("ZX-M2", float(valid)),
                     member("ZX-M3", valid)]).save(path)
    problems = await rejected(demo, path)
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("county.xlsx:members", 2, "身份证号(idNumber)"),
        ("county.xlsx:members", 3, "身份证号(idNumber)")]
    for problem in problems:
        assert "format the column as text" in problem.reason and "文本" in problem.reason
        assert "check digit" not in problem.reason
    # The same number after a trip through CSV: scientific notation, or the zeros Excel left.
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "members.csv").write_text(csv_text("members", [
        [str(v) for v in member("ZX-M4", "9.90300E+17")],
        [str(v) for v in member("ZX-M5", valid[:15] + "000")]]), encoding="utf-8")
    problems = await rejected(demo, folder)
    assert [(p.row, p.column) for p in problems] == [(2, "身份证号(idNumber)"),
                                                     (3, "身份证号(idNumber)")]
    assert all("stored as a number" in p.reason for p in problems)


def test_formula_merged_cells_and_duplicate_headers_are_refused_with_their_address(
        tmp_path: Path) -> None:
    workbook = book("households", [household("ZX-F1", "2023-06-30"),
                                   household("ZX-F2", "2023-06-30"),
                                   household("ZX-F3", "2023-06-30")], title="户(households)")
    sheet = workbook.active
    sheet["D2"] = "=1+2"  # openpyxl writes no cached value, as a file never opened in Excel
    sheet.merge_cells("B3:B4")
    people = workbook.create_sheet("members")
    people.append([col.header for col in BY_NAME["members"].columns] + ["党员编号"])
    path = tmp_path / "county.xlsx"
    workbook.save(path)
    _raw, problems = read(path)
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("county.xlsx:户(households)", 2, "人口数(size)"),
        ("county.xlsx:户(households)", 3, "户主姓名(head)"),
        ("county.xlsx:members", 1, "党员编号")]
    formula, merged, duplicate = (p.reason for p in problems)
    assert formula.startswith("公式单元格 D2 没有计算结果") and "formula cell D2" in formula
    assert merged.startswith("合并单元格 B3:B4") and "merged cells B3:B4: unmerge" in merged
    assert "duplicate header: I1 and A1 both name code" in duplicate and "表头重复" in duplicate


def test_a_duplicate_header_in_csv_is_refused(tmp_path: Path) -> None:
    header = ",".join(col.header for col in BY_NAME["households"].columns)
    (tmp_path / "households.csv").write_text(
        header + ",户编码(code)\nZX-D1," + "张三,,3,," + GRID + ",2023-06-30,,ZX-D2\n",
        encoding="utf-8")
    _raw, problems = read(tmp_path)
    assert [(p.file, p.row, p.column) for p in problems] == [("households.csv", 1, "户编码(code)")]
    assert "I1 and A1 both name code" in problems[0].reason


def damaged(whole: bytes) -> dict[str, bytes]:
    """The same workbook cut short at three places, and with its households sheet's part lost
    (a sheet openpyxl would otherwise skip without a word)."""
    out = {f"cut at {n}": whole[:n] for n in (100, len(whole) // 2, len(whole) - 10)}
    lost = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(whole)) as source, zipfile.ZipFile(lost, "w") as target:
        for item in source.namelist():
            if item != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item))
            else:  # its XML cut in the middle
                target.writestr(item, source.read(item)[:300])
    out["sheet cut short"] = lost.getvalue()
    return out


def test_a_damaged_workbook_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    whole = io.BytesIO()
    book("households", [household(f"ZX-T{n}", "2023-06-30") for n in range(50)]).save(whole)
    for what, content in damaged(whole.getvalue()).items():
        path = tmp_path / "county.xlsx"
        path.write_bytes(content)
        _raw, problems = read(path)
        assert len(problems) == 1, what
        assert problems[0].reason in (
            "不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook",
            "工作簿已损坏或不完整，请在 Excel 中重新保存 / the workbook is damaged or incomplete: "
            "save it again from Excel"), what
    assert "damaged" in problems[0].reason  # the last one: the zip is whole, a sheet is not


async def audit_head(client: httpx.AsyncClient) -> str:
    found = await data(client, """{ auditTrail(first: 1) { ... on AuditEntryConnection {
        nodes { id } } } }""")
    return str(found["auditTrail"]["nodes"][0]["id"])


async def test_empty_files_are_refused_and_leave_no_audit_entry(
        client: httpx.AsyncClient, demo: Database, tmp_path: Path) -> None:
    before = await audit_head(client)
    empty = await client.post("/import", content=b"")
    assert empty.status_code == 422
    assert [p["reason"] for p in empty.json()["problems"]] == ["文件为空 / the file is empty"]
    headers_only = io.BytesIO()
    book("households", []).save(headers_only)
    answer = await client.post("/import", content=headers_only.getvalue())
    assert answer.status_code == 422
    assert [p["reason"] for p in answer.json()["problems"]] == [
        "没有可导入的数据行 / no data rows to import"]
    assert await audit_head(client) == before
    (tmp_path / "households.csv").write_bytes(b"")
    (tmp_path / "counties.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    problems = await rejected(demo, tmp_path)
    assert sorted((p.file, p.reason) for p in problems) == [
        ("counties.csv", "文件为空 / the file is empty"),
        ("households.csv", "文件为空 / the file is empty")]


def test_a_file_name_in_capitals_is_read(tmp_path: Path) -> None:
    (tmp_path / "HOUSEHOLDS.CSV").write_text(
        csv_text("households", [[str(v) for v in household("ZX-C1", "2023-06-30")]]),
        encoding="utf-8")
    raw, problems = read(tmp_path)
    assert problems == []
    assert [(r.file, r.line, r.cells["code"]) for r in raw["households"]] == [
        ("HOUSEHOLDS.CSV", 2, "ZX-C1")]


def test_columns_past_a_sheets_stated_dimension_are_read(tmp_path: Path) -> None:
    # Programs other than Excel often write a `dimension` smaller than the sheet.
    whole = io.BytesIO()
    book("households", [household("ZX-DIM", "2023-06-30")]).save(whole)
    path = tmp_path / "county.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.namelist():
            content = source.read(item)
            if item == "xl/worksheets/sheet1.xml":
                content = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:C2"/>',
                                 content)
            target.writestr(item, content)
    raw, problems = read(path)
    assert problems == []
    assert raw["households"][0].cells == {
        "code": "ZX-DIM", "head": "张三", "phone": "", "size": "3", "address": "",
        "territory": GRID, "since": "2023-06-30", "until": ""}


async def test_a_refused_full_width_code_is_reported_once(demo: Database,
                                                         tmp_path: Path) -> None:
    # The household is refused for its size; the link naming it in half-width is not
    # reported again as naming an unknown household.
    (tmp_path / "households.csv").write_text(csv_text("households", [
        ["ＺＸ－Ｈ２００", "张三", "", "two", "", GRID, "2023-06-30", ""]]), encoding="utf-8")
    (tmp_path / "member_links.csv").write_text(csv_text("member_links", [
        ["M00001", "ZX-H200", "2023-06-30", ""]]), encoding="utf-8")
    problems = await rejected(demo, tmp_path)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("households.csv", 2, "人口数(size)", "two")]


@pytest.mark.parametrize("text", [*DATE_FORMS, "20230630", "2023-06-30T00:00:00",
                                  "２０２３－０６－３０", " 2023 年 6 月 30 日 "])
def test_every_date_form_is_the_report_date(text: str) -> None:
    from hub.importer.cells import cell, normal

    since = BY_NAME["households"].column("since")
    assert cell(since, normal(since, text)) == (REPORT, None)


@pytest.mark.parametrize("text", ["2023", "6/30/2023", "30.6.2023", "2023-06-30T12:00:00",
                                  "45107.5", "2023-6", "二〇二三年六月三十日"])
def test_what_is_not_surely_a_date_is_refused(text: str) -> None:
    from hub.importer.cells import cell

    value, reason = cell(BY_NAME["households"].column("since"), text)
    assert value is None and reason is not None and "must be a date" in reason
