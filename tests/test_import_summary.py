"""What an import reports per kind, counted from the graph: created, updated, unchanged and,
for a full import, closed; the same counts in the audit entry and in `hub import`'s output.

A small county of its own (codes `ZS…`) is imported, imported again unchanged, changed row by
row, then imported in full with a link left out; its records are deleted after.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hub.core.settings import Settings
from hub.graph.db import Database
from hub.importer import Summary, audit, import_path
from hub.importer.ids import id_check_char
from tests.test_import import KEY, write_csv

OWN = ["ZS", "ZS-T01", "ZS-T01-C01", "ZS-T01-C01-G01", "ZS-H1", "ZS-H2", "ZS-H3", "ZS-M1"]
ID = "99030019800101123"
GRID = "ZS-T01-C01-G01"


def county(folder: Path) -> None:
    """The county as first imported: two households, one member linked to both."""
    write_csv(folder, "counties", [["ZS", "汇总县"]])
    write_csv(folder, "townships", [["ZS-T01", "一镇", "ZS", "2020-01-01"]])
    write_csv(folder, "communities", [["ZS-T01-C01", "一社区", "ZS-T01", "2020-01-01"]])
    write_csv(folder, "grids", [[GRID, "一网格", "ZS-T01-C01", "2020-01-01", ""]])
    write_csv(folder, "households", [["ZS-H1", "甲", "", "2", "", GRID, "2021-01-01", ""],
                                     ["ZS-H2", "乙", "", "2", "", GRID, "2021-01-01", ""]])
    write_csv(folder, "members", [["ZS-M1", "丙", ID + id_check_char(ID), "", "F", "1980-01-01",
                                   "是", "2006-07-01"]])
    write_csv(folder, "member_links", [["ZS-M1", "ZS-H1", "2024-01-01", ""],
                                       ["ZS-M1", "ZS-H2", "2024-01-01", ""]])


def counts(summary: Summary) -> dict[str, dict[str, int]]:
    return {k.kind: k.counts() for k in summary.kinds}


def status(created: int = 0, updated: int = 0, unchanged: int = 0,
           closed: int = 0) -> dict[str, int]:
    return {"created": created, "updated": updated, "unchanged": unchanged, "closed": closed}


@pytest.fixture
async def own(demo: Database) -> AsyncIterator[None]:
    yield
    await demo.write("admin.delete_records", codes=OWN)


async def test_created_then_unchanged_then_each_change_counted(
        demo: Database, tmp_path: Path, own: None) -> None:
    county(tmp_path)
    first = await import_path(demo, tmp_path, key=KEY)
    assert counts(first) == {
        "counties": status(created=1), "townships": status(created=1),
        "communities": status(created=1), "grids": status(created=1),
        "members": status(created=1), "households": status(created=2),
        "member_links": status(created=2)}
    again = await import_path(demo, tmp_path, key=KEY)
    assert again.counts() == status(unchanged=9) and again.rows == 9
    assert again.lines()[-1] == ("合计 / total: 9 行/rows — 新建/created 0, 更新/updated 0, "
                                 "未变/unchanged 9, 结束/closed 0（无变化 / nothing changed）")

    # One household's size, one link's end, one grid's IN: each exactly one row updated;
    # a new household and its link: created.
    write_csv(tmp_path, "grids", [[GRID, "一网格", "ZS-T01-C01", "2020-01-01", "2030-12-31"]])
    write_csv(tmp_path, "households", [["ZS-H1", "甲", "", "2", "", GRID, "2021-01-01", ""],
                                       ["ZS-H2", "乙", "", "3", "", GRID, "2021-01-01", ""],
                                       ["ZS-H3", "丁", "", "1", "", GRID, "2022-01-01", ""]])
    write_csv(tmp_path, "member_links", [["ZS-M1", "ZS-H1", "2024-01-01", "2025-01-01"],
                                         ["ZS-M1", "ZS-H2", "2024-01-01", ""],
                                         ["ZS-M1", "ZS-H3", "2024-01-01", ""]])
    changed = await import_path(demo, tmp_path, key=KEY)
    assert counts(changed) == {
        "counties": status(unchanged=1), "townships": status(unchanged=1),
        "communities": status(unchanged=1), "grids": status(updated=1),
        "members": status(unchanged=1), "households": status(created=1, updated=1, unchanged=1),
        "member_links": status(created=1, updated=1, unchanged=1)}
    assert ("户 households: 3 行/rows — 新建/created 1, 更新/updated 1, 未变/unchanged 1, "
            "结束/closed 0") in changed.lines()

    # The same rows once more: nothing is counted twice.
    assert (await import_path(demo, tmp_path, key=KEY)).counts() == status(unchanged=11)
    _, entries = await audit.entries(demo, "ZS-H3", 0, 2)
    kinds = {k["kind"]: k for k in json.loads(entries[1]["after"])["kinds"]}
    assert kinds["households"] == {"kind": "households", "zh": "户", "rows": 3, **status(
        created=1, updated=1, unchanged=1)}


async def test_a_relationship_of_a_record_counts_as_an_update(
        demo: Database, tmp_path: Path, own: None) -> None:
    write_csv(tmp_path, "counties", [["ZS", "汇总县"]])
    write_csv(tmp_path, "townships", [["ZS-T01", "一镇", "ZS", "2020-01-01"]])
    await import_path(demo, tmp_path, key=KEY)
    # The township's IN gets another start date: the township itself is unchanged.
    write_csv(tmp_path, "townships", [["ZS-T01", "一镇", "ZS", "2019-06-01"]])
    moved = await import_path(demo, tmp_path, key=KEY)
    assert counts(moved) == {"counties": status(unchanged=1), "townships": status(updated=1)}


async def test_full_import_on_the_command_line_counts_what_it_closed(
        settings: Settings, demo: Database, tmp_path: Path, own: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    from hub.cli.main import import_into

    county(tmp_path)
    await import_into(settings, tmp_path)
    capsys.readouterr()
    # The member's second link is no longer listed: closed today, the first left as it was.
    write_csv(tmp_path, "member_links", [["ZS-M1", "ZS-H1", "2024-01-01", ""]])
    await import_into(settings, tmp_path, full=True)
    out = capsys.readouterr().out
    assert ("党员联系户 member_links: 1 行/rows — 新建/created 0, 更新/updated 0, "
            "未变/unchanged 1, 结束/closed 1") in out
    assert ("合计 / total: 8 行/rows — 新建/created 0, 更新/updated 0, 未变/unchanged 8, "
            "结束/closed 1") in out.splitlines()
    _, entries = await audit.entries(demo, "ZS-M1", 0, 1)
    after = json.loads(entries[0]["after"])
    assert after["summary"][-1].endswith("结束/closed 1")
    assert {k["kind"]: k["closed"] for k in after["kinds"]}["member_links"] == 1
    await import_into(settings, tmp_path, full=True)
    assert "未变/unchanged 8, 结束/closed 0（无变化 / nothing changed）" in capsys.readouterr().out
