"""Every staged row is new, so the kinds that grow with the county create theirs outright
(`cypher/stage/new_households.cypher`, `new_member_links.cypher`) instead of MERGE: the
records and relationships they write are the ones the kinds' own import Cypher writes for
the same rows, empty cells and closed links included, though they read their dates as ISO
text (the worker's writer turns them so, `dates_as_text`). A staged record is new to the
graph until it is published (`import.known` does not find it)."""

from __future__ import annotations

from datetime import date

from hub.graph.db import Database, Row
from hub.importer.staging import dates_as_text

GRID = "XC-T01-C01-G02"
MEMBER = "M00001"
RUN = "outright-test"


def households(tag: str) -> list[dict[str, object]]:
    return [
        {"code": f"ZN-{tag}-1", "head": "甲", "phone": "19900000001", "size": 3,
         "address": "一号", "territory": GRID, "since": date(2024, 1, 1), "until": None},
        {"code": f"ZN-{tag}-2", "head": "乙", "phone": None, "size": 1, "address": None,
         "territory": GRID, "since": date(2023, 5, 2), "until": date(2024, 6, 30)},
    ]


def links(tag: str) -> list[dict[str, object]]:
    return [{"member": MEMBER, "household": f"ZN-{tag}-1", "since": date(2024, 2, 1),
             "until": None},
            {"member": MEMBER, "household": f"ZN-{tag}-2", "since": date(2023, 6, 1),
             "until": date(2024, 6, 30)}]


def as_written(kind: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """`rows` as the worker's writer hands them to the query that creates outright."""
    dates_as_text(kind, rows)
    assert all(isinstance(row["since"], str) for row in rows)
    return rows


def untagged(rows: list[Row], tag: str) -> list[Row]:
    """Rows as they would read with the tag taken out of every code."""
    def plain(value: object) -> object:
        if isinstance(value, str):
            return value.replace(f"-{tag}-", "-")
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value

    return [plain(row) for row in rows]  # type: ignore[misc]


async def test_creating_outright_writes_what_the_merge_queries_write(demo: Database) -> None:
    codes = [str(row["code"]) for tag in "AB" for row in households(tag)]
    try:
        new = as_written("households", households("A"))
        made = await demo.write("stage.new_households", rows=new, run=RUN)
        merged = await demo.write("import.households", rows=households("B"), run=RUN)
        assert made == merged == [{"status": "created", "count": 2}]
        made = await demo.write("stage.new_member_links", rows=as_written("member_links",
                                                                           links("A")))
        merged = await demo.write("import.member_links", rows=links("B"))
        assert made == merged == [{"status": "created", "count": 2}]
        # Staged, not yet published: the checks of a later chunk see no such record (it is
        # new to the graph, and the rows naming it are staged too).
        assert await demo.read("import.known", codes=codes) == []
        await demo.write("stage.publish", id=RUN)
        assert len(await demo.read("import.known", codes=codes)) == 4

        a = await demo.read("testing.record_properties", codes=codes[:2])
        b = await demo.read("testing.record_properties", codes=codes[2:])
        assert len(a) == 2 and a[0]["properties"]["stagedLabels"] == ["Household"]
        assert "phone" not in a[1]["properties"] and "address" not in a[1]["properties"]
        assert untagged(a, "A") == untagged(b, "B")
        member = (await demo.read("testing.record_properties", codes=[MEMBER]))[0]["links"]
        of = {tag: sorted((link for link in member if f"-{tag}-" in str(link["to"])),
                          key=lambda link: str(link["to"])) for tag in "AB"}
        assert len(of["A"]) == 2
        assert untagged(of["A"], "A") == untagged(of["B"], "B")
    finally:
        await demo.write("admin.delete_records", codes=codes)
        await demo.write("stage.end", id=RUN)
