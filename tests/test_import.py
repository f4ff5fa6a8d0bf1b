"""The importer against a real Neo4j: refusals with file/row/column/reason and nothing written,
idempotent loads, the database's own uniqueness constraints, and the identifier rules.

Tests that write use their own codes (prefix `ZT`) and delete them after, so the shared demo
county is left as it was found.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import neo4j
import pytest

from hub.core.errors import SecretError
from hub.core.settings import Settings
from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import ImportRejected, Problem, import_path
from hub.importer.ids import (
    hash_id,
    id_problem,
    load_key,
    mask_id,
    uscc_problem,
)
from hub.importer.seed import load_demo

KEY = b"test-key"


def write_csv(folder: Path, kind: str, rows: list[list[str]]) -> None:
    header = ",".join(col.header for col in BY_NAME[kind].columns)
    body = "".join(",".join(row) + "\n" for row in rows)
    (folder / BY_NAME[kind].file).write_text(header + "\n" + body, encoding="utf-8")


async def codes_present(db: Database, codes: list[str]) -> set[str]:
    return {row["code"] for row in await db.read("import.known", codes=codes)}


async def rejected(db: Database, folder: Path) -> list[Problem]:
    with pytest.raises(ImportRejected) as caught:
        await import_path(db, folder, key=KEY)
    assert "未写入任何数据" in str(caught.value) and "nothing was written" in str(caught.value)
    return caught.value.problems


@pytest.fixture
async def cleanup(demo: Database) -> AsyncIterator[list[str]]:
    codes: list[str] = []
    yield codes
    await demo.write("admin.delete_records", codes=codes)


# --- identifier rules -------------------------------------------------------------------

@pytest.mark.parametrize("value", ["91350100M000100Y43", "91110000600037341L",
                                   "91990300MA0000001T"])
def test_uscc_good(value: str) -> None:
    assert uscc_problem(value) is None


@pytest.mark.parametrize(("value", "why"), [
    ("91350100M000100Y44", "校验码"), ("91350100M000100Y4", "18"),
    ("91350100M000100I43", "非法字符"), ("91110000600037341l", "非法字符")])
def test_uscc_bad(value: str, why: str) -> None:
    problem = uscc_problem(value)
    assert problem is not None and why in problem


@pytest.mark.parametrize("value", ["11010519491231002X", "11010519491231002x",
                                   "440524188001010014"])
def test_id_good(value: str) -> None:
    assert id_problem(value) is None


@pytest.mark.parametrize(("value", "why"), [
    ("110105194912310021", "校验码"), ("11010519491331002X", "出生日期"),
    ("1101051949123100", "17位"), ("11010519491231002Y", "17位")])
def test_id_bad(value: str, why: str) -> None:
    problem = id_problem(value)
    assert problem is not None and why in problem


def test_id_hash_is_keyed_and_mask_hides_the_middle() -> None:
    assert hash_id(KEY, "11010519491231002x") == hash_id(KEY, "11010519491231002X")
    assert hash_id(KEY, "11010519491231002X") != hash_id(b"other", "11010519491231002X")
    assert mask_id("11010519491231002X") == "110***********002X"


def test_hash_key_from_env_or_a_private_file(tmp_path: Path) -> None:
    assert load_key({"HUB_HASH_KEY": "abc"}) == b"abc"
    key_file = tmp_path / "hash.key"
    key_file.write_text("from-a-file\n", encoding="utf-8")
    os.chmod(key_file, 0o600)
    assert load_key({"HUB_HASH_KEY_FILE": str(key_file)}) == b"from-a-file"
    os.chmod(key_file, 0o644)
    with pytest.raises(SecretError):
        load_key({"HUB_HASH_KEY_FILE": str(key_file)})


# --- the demo county --------------------------------------------------------------------

async def test_second_load_changes_nothing(demo: Database) -> None:
    before = await demo.read("admin.record_snapshot")
    summary = await load_demo(demo)
    after = await demo.read("admin.record_snapshot")
    assert summary.rows > 20_000
    assert summary.counts() == {"created": 0, "updated": 0, "unchanged": summary.rows,
                                "closed": 0}
    assert before == after


async def test_no_id_number_is_stored_in_clear(demo: Database) -> None:
    snapshot = (await demo.read("admin.record_snapshot"))[0]["records"]
    people = [props for _, labels, props in snapshot if "Member" in labels or "Cadre" in labels]
    assert people and all("idNumber" not in p for p in people)
    assert all(len(p["idHash"]) == 64 and p["idMasked"].startswith("990***********")
               for p in people)


# --- refusals ---------------------------------------------------------------------------

async def test_duplicate_code_in_a_file_is_refused(demo: Database, tmp_path: Path) -> None:
    write_csv(tmp_path, "counties", [["ZT", "测试县"], ["ZT", "测试县二"]])
    problems = await rejected(demo, tmp_path)
    assert [(p.file, p.row, p.value) for p in problems] == [("counties.csv", 3, "ZT")]
    assert "duplicate code" in problems[0].reason
    assert await codes_present(demo, ["ZT"]) == set()


async def test_code_used_by_another_kind_is_refused(demo: Database, tmp_path: Path) -> None:
    write_csv(tmp_path, "counties", [["XC-T01-V01", "与村同码"]])
    problems = await rejected(demo, tmp_path)
    assert len(problems) == 1 and "Village" in problems[0].reason


async def test_database_constraint_refuses_a_duplicate_code(demo: Database) -> None:
    with pytest.raises(neo4j.exceptions.ConstraintError):
        await demo.write("import.counties", rows=[{"code": "XC-T01", "name": "同码"}],
                          run="test")
    assert await codes_present(demo, ["XC-T01"]) == {"XC-T01"}
    labels = (await demo.read("import.known", codes=["XC-T01"]))[0]["labels"]
    assert "County" not in labels


async def test_household_codes_are_unique_through_record_alone(demo: Database) -> None:
    """Migration 8: :Household(code) is a plain index, and :Record(code) alone refuses a new
    household whose code another household (H000001) or another kind (a township) holds."""
    async with demo.session() as session:
        found = await (await session.run(demo.queries["testing.household_code_schema"].text)
                       ).data()
    assert found == [{"name": "household_code_index", "type": "RANGE", "owningConstraint": None}]
    row = {"head": "重", "phone": None, "size": 1, "address": None,
           "territory": "XC-T01-C01-G02", "since": "2024-01-01", "until": None}
    try:
        for code in ("H000001", "XC-T01"):
            with pytest.raises(neo4j.exceptions.ConstraintError):
                await demo.write("stage.new_households", rows=[{**row, "code": code}],
                                 run="dup")
    finally:
        await demo.write("stage.drop", id="dup")
    assert len(await demo.read("units.household_by_code", codes=["H000001"], scope=None,
                               asOf=date.today())) == 1


async def test_every_problem_is_reported_and_nothing_written(demo: Database,
                                                             tmp_path: Path) -> None:
    write_csv(tmp_path, "counties", [["ZT", "测试县"]])
    write_csv(tmp_path, "townships", [["ZT-T01", "一镇", "ZT", "2020-01-01"],
                                      ["ZT-T02", "二镇", "NOPE", "2020-01-01"],
                                      ["ZT-T03", "", "ZT", "2020-13-01"]])
    # refers to a refused row: that row's problems are reported, not this reference again
    write_csv(tmp_path, "villages", [["ZT-T03-V01", "村", "ZT-T03", "2020-01-01"]])
    write_csv(tmp_path, "grids", [["ZT-G1", "网格", "XC-T01-C01", "2021-01-01", "2020-01-01"]])
    write_csv(tmp_path, "members", [
        ["ZM1", "甲", "110105194912310021", "", "M", "1949-12-31", "是", "1975-01-01"],
        ["ZM2", "乙", "11010519491231002X", "", "X", "1949-12-31", "也许", "1975-01-01"]])
    write_csv(tmp_path, "enterprises", [
        ["91350100M000100Y44", "甲公司", "retail", "十", "ZT-T01", "2020-01-01"]])
    problems = await rejected(demo, tmp_path)
    found = {(p.file, p.row, p.column.split("(")[-1].rstrip(")") if p.column else None)
             for p in problems}
    assert found == {
        ("townships.csv", 3, "county"),          # unknown parent code
        ("townships.csv", 4, "name"),            # empty required cell
        ("townships.csv", 4, "since"),           # not a date
        ("grids.csv", 2, "until"),               # dates out of order
        ("members.csv", 2, "idNumber"),          # wrong check digit
        ("members.csv", 3, "gender"),            # outside the allowed list
        ("members.csv", 3, "fullMember"),        # not a yes/no
        ("enterprises.csv", 2, "code"),          # invalid USCC
        ("enterprises.csv", 2, "size"),          # not a number
    }
    by_column = {p.column: p for p in problems if p.file == "townships.csv" and p.row == 3}
    assert "unknown code" in by_column["所属县(county)"].reason
    assert await codes_present(demo, ["ZT", "ZT-T01", "ZT-T03-V01", "ZT-G1", "ZM2"]) == set()


async def test_unknown_files_and_columns_are_refused(demo: Database, tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("a\n1\n", encoding="utf-8")
    (tmp_path / "counties.csv").write_text("县编码(code),县名称(name),颜色(colour)\nZT,县,红\n",
                                           encoding="utf-8")
    problems = await rejected(demo, tmp_path)
    assert {(p.file, p.reason.split(" / ")[0]) for p in problems} == {
        ("people.csv", "未知的文件"), ("counties.csv", "未知的列")}


# --- a small county of its own ----------------------------------------------------------

async def test_import_then_reimport_a_small_county(demo: Database, tmp_path: Path,
                                                   cleanup: list[str]) -> None:
    cleanup.extend(["ZT", "ZT-T01", "ZT-T01-C01", "P-ZT-T01", "P-ZT-T01-C01"])
    (tmp_path / "counties.csv").write_text("\ufeffcode,name\nZT,测试县\n", encoding="utf-8")
    write_csv(tmp_path, "townships", [["ZT-T01", "一镇", "ZT", "2020-01-01"]])
    write_csv(tmp_path, "communities", [["ZT-T01-C01", "一社区", "ZT-T01", "2020/01/01"]])
    write_csv(tmp_path, "party_orgs", [
        # the child comes before its parent: row order within a file does not matter
        ["P-ZT-T01-C01", "社区党委", "community_org", "ZT-T01-C01", "P-ZT-T01", "", "",
         "2020-01-01", ""],
        ["P-ZT-T01", "镇党委", "township_committee", "ZT-T01", "", "", "", "2020-01-01", ""]])
    first = await import_path(demo, tmp_path, key=KEY)
    assert first.rows == 5 and first.created == 5
    again = await import_path(demo, tmp_path, key=KEY)
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 5, "closed": 0}
    assert await codes_present(demo, cleanup) == set(cleanup)


async def test_import_a_workbook(demo: Database, tmp_path: Path, cleanup: list[str]) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    cleanup.extend(["ZW", "ZW-T01"])
    book = Workbook()
    sheet = book.active
    sheet.title = "counties"
    sheet.append(["县编码(code)", "县名称(name)"])
    sheet.append(["ZW", "工作簿县"])
    towns = book.create_sheet("乡镇")
    towns.append([col.header for col in BY_NAME["townships"].columns])
    towns.append(["ZW-T01", "一镇", "ZW", date(2020, 1, 1)])
    path = tmp_path / "county.xlsx"
    book.save(path)
    summary = await import_path(demo, path, key=KEY)
    assert summary.rows == 2
    assert await codes_present(demo, ["ZW", "ZW-T01"]) == {"ZW", "ZW-T01"}


# --- entry points -----------------------------------------------------------------------

async def test_demo_is_not_loaded_over_existing_data(demo: Database) -> None:
    from hub.importer.seed import load_demo_if_empty

    notes = await load_demo_if_empty(demo)
    assert len(notes) == 1 and "未载入" in notes[0] and "not loaded" in notes[0]


async def test_cli_import_prints_progress_and_refuses_bad_data(
        settings: Settings, demo: Database, tmp_path: Path, cleanup: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    from hub.cli.main import import_into

    cleanup.append("ZC")
    write_csv(tmp_path, "counties", [["ZC", "命令行县"]])
    await import_into(settings, tmp_path)
    out = capsys.readouterr().out
    assert "checking and staging" in out and "合计 / total: 1 行/rows — 新建/created 1," in out
    write_csv(tmp_path, "townships", [["ZC-T01", "镇", "NOPE", "2020-01-01"]])
    with pytest.raises(ImportRejected):
        await import_into(settings, tmp_path)
    assert await codes_present(demo, ["ZC-T01"]) == set()


async def test_two_live_imports_creating_one_code_the_second_is_a_typed_conflict(
        demo: Database, tmp_path: Path, cleanup: list[str]) -> None:
    """Import A has staged county ZQ and waits, unpublished, in its publish transaction;
    import B, checked against the published graph, finds ZQ new and creates it too: B is
    refused as an ImportConflict naming ZQ (not a raw ConstraintError), its staged records
    are dropped, and A publishes whole."""
    from hub.graph.db import Tx
    from hub.importer.checks import Located
    from hub.importer.stage import ImportConflict

    cleanup.extend(["ZQ", "ZQ-T01"])
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        write_csv(folder, "counties", [["ZQ", "并发县"]])
    write_csv(second, "townships", [["ZQ-T01", "一镇", "ZQ", "2020-01-01"]])
    staged, refused = asyncio.Event(), asyncio.Event()

    async def hold(_tx: Tx, _rows: list[Located]) -> None:
        staged.set()
        await refused.wait()

    a = asyncio.create_task(import_path(demo, first, key=KEY, before=hold))
    await asyncio.wait_for(staged.wait(), 120.0)
    try:
        with pytest.raises(ImportConflict) as caught:
            await import_path(demo, second, key=KEY)
    finally:
        refused.set()
    assert caught.value.code == "ZQ" and "另一项同时进行的导入" in caught.value.message()
    assert (await a).created == 1
    assert await codes_present(demo, ["ZQ", "ZQ-T01"]) == {"ZQ"}
    assert (await demo.read("testing.count_visible"))[0]["staged"] == 0
