"""Import refusals not covered by tests/test_import.py: a unit under two parents, cycles in
the Party-organisation hierarchy, and a file that is not what it claims. Each refusal names
file, row, column, value and reason in Chinese and English, and nothing is written.

Like tests/test_import.py these use codes of their own (prefix `ZK`) on the shared demo
county and write nothing that is not deleted after.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import ImportRejected, Problem, import_path
from hub.importer.cells import cell

KEY = b"test-key"


def write_csv(folder: Path, kind: str, rows: list[list[str]]) -> None:
    header = ",".join(col.header for col in BY_NAME[kind].columns)
    body = "".join(",".join(row) + "\n" for row in rows)
    (folder / BY_NAME[kind].file).write_text(header + "\n" + body, encoding="utf-8")


async def rejected(db: Database, path: Path) -> list[Problem]:
    with pytest.raises(ImportRejected) as caught:
        await import_path(db, path, key=KEY)
    assert "nothing was written" in str(caught.value)
    return caught.value.problems


async def known(db: Database, codes: list[str]) -> set[str]:
    return {row["code"] for row in await db.read("import.known", codes=codes)}


def org(code: str, parent: str) -> list[str]:
    return [code, f"{code}支部", "grid_group", "XC-T01-C01-G01", parent, "", "", "2026-02-01", ""]


async def test_a_cycle_of_parents_is_refused(demo: Database, tmp_path: Path) -> None:
    write_csv(tmp_path, "party_orgs", [org("ZK-P1", "ZK-P2"), org("ZK-P2", "ZK-P3"),
                                       org("ZK-P3", "ZK-P1"), org("ZK-P4", "ZK-P4")])
    problems = await rejected(demo, tmp_path)
    cycles = [p for p in problems if "cycle" in p.reason]
    assert {(p.file, p.column) for p in cycles} == {("party_orgs.csv", "上级党组织(parent)")}
    assert any("ZK-P1 → ZK-P2 → ZK-P3 → ZK-P1" in p.reason for p in cycles)
    assert any("ZK-P4 → ZK-P4" in p.reason for p in cycles) and len(cycles) == 2
    assert all("上级关系成环" in p.reason for p in cycles)
    assert await known(demo, ["ZK-P1", "ZK-P2", "ZK-P3", "ZK-P4"]) == set()


async def test_a_cycle_through_the_graph_is_refused(demo: Database, tmp_path: Path) -> None:
    # The grid branch P-XC-T01-C01-G01 is UNDER P-XC-T01-C01 in the graph; placing that
    # community organisation under a new group inside the branch closes a loop.
    write_csv(tmp_path, "party_orgs", [
        org("ZK-P5", "P-XC-T01-C01-G01"),
        ["P-XC-T01-C01", "XC-T01-C01社区党组织", "community_org", "XC-T01-C01", "ZK-P5", "", "",
         "2000-01-01", ""]])
    problems = await rejected(demo, tmp_path)
    reasons = " ".join(p.reason for p in problems)
    assert "cycle" in reasons and "two parents" in reasons  # it already has P-XC-T01
    assert await known(demo, ["ZK-P5"]) == set()


async def test_a_unit_under_two_parents_is_refused(demo: Database, tmp_path: Path) -> None:
    # The grid lies in community XC-T01-C01; a row placing it in XC-T01-C02 would give it
    # two open IN links.
    write_csv(tmp_path, "grids", [["XC-T01-C01-G01", "一网格", "XC-T01-C02", "2021-03-01", ""]])
    problems = await rejected(demo, tmp_path)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("grids.csv", 2, "所属村或社区(territory)", "XC-T01-C02")]
    assert "already under XC-T01-C01" in problems[0].reason
    assert "已隶属于" in problems[0].reason
    rows = await demo.read("import.parents", codes=["XC-T01-C01-G01"])
    assert [r["parent"] for r in rows] == ["XC-T01-C01"]


async def test_a_workbook_that_is_really_text_is_refused(demo: Database, tmp_path: Path) -> None:
    fake = tmp_path / "county.xlsx"
    fake.write_text("户编码,户主姓名\nZK-H1,甲\n", encoding="utf-8")
    problems = await rejected(demo, fake)
    assert [(p.file, p.reason) for p in problems] == [
        ("county.xlsx", "不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook")]


async def test_neither_folder_nor_workbook_is_refused(demo: Database, tmp_path: Path) -> None:
    other = tmp_path / "county.csv"
    other.write_text("x\n", encoding="utf-8")
    problems = await rejected(demo, other)
    assert "not a CSV folder or .xlsx workbook" in problems[0].reason


def test_phone_numbers_are_read_as_staff_write_them() -> None:
    phone = BY_NAME["members"].column("phone")
    assert cell(phone, "138 1234 5678") == ("13812345678", None)
    assert cell(phone, "+86 138-1234-5678") == ("13812345678", None)
    assert cell(phone, "0571-8765 4321") == ("057187654321", None)
    for bad in ("12345678901", "1381234567", "571-87654321", "电话"):
        value, reason = cell(phone, bad)
        assert value is None and reason is not None and "11 位手机号" in reason


async def test_a_malformed_phone_number_is_refused(demo: Database, tmp_path: Path) -> None:
    write_csv(tmp_path, "members", [
        ["ZK-M1", "甲乙", "990300196604240439", "1381234567", "M", "1966-04-24", "是",
         "1987-08-01"]])
    problems = await rejected(demo, tmp_path)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("members.csv", 2, "联系电话(phone)", "1381234567")]
    assert "must be an 11-digit mobile number" in problems[0].reason
    assert await known(demo, ["ZK-M1"]) == set()
