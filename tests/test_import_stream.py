"""An import is checked as it is read and staged chunk by chunk (docs/model.md, "Checked as
it is read"): that needs every reference to point to a kind read before it, and an import
refused after some chunks were staged must leave nothing, and still report every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.files.registry import KINDS
from hub.graph.db import Database
from hub.importer import ImportRejected, import_path, worker
from tests.test_import import codes_present, write_csv

KEY = b"test-key"


def test_every_reference_points_to_a_kind_read_before_it() -> None:
    order = {kind.label: index for index, kind in enumerate(KINDS) if kind.label is not None}
    for index, kind in enumerate(KINDS):
        for col in kind.columns:
            for label in col.ref:
                # `parent` names the same kind: that kind is checked whole, parents first.
                assert order[label] < index or (col.key == "parent" and label == kind.label), (
                    f"{kind.name}.{col.key} names {label}, read after it")
    assert [k.name for k in KINDS if any(c.key == "parent" for c in k.columns)] == ["party_orgs"]


async def test_a_refusal_after_staged_chunks_leaves_nothing_and_reports_all(
        demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "BATCH", 2)
    towns = [[f"ZR-T0{i}", f"{i}镇", "ZR", "2020-01-01"] for i in range(1, 6)]
    villages = [[f"ZR-T01-V0{i}", f"{i}村", "ZR-T01", "2020-01-01"] for i in range(1, 5)]
    villages.append(["ZR-T01-V05", "错村", "ZR-T09", "2020-01-01"])  # a township nobody has
    write_csv(tmp_path, "counties", [["ZR", "流式县"]])
    write_csv(tmp_path, "townships", towns)
    write_csv(tmp_path, "villages", villages)
    write_csv(tmp_path, "communities", [["ZR-T02-C01", "社区", "ZR-T02", "2020-13-01"]])
    codes = ["ZR", *(t[0] for t in towns), *(v[0] for v in villages), "ZR-T02-C01"]
    try:
        with pytest.raises(ImportRejected) as caught:
            await import_path(demo, tmp_path, key=KEY)
        where = sorted((p.file, p.row) for p in caught.value.problems)
        assert where == [("communities.csv", 2), ("villages.csv", 6)]
        assert await codes_present(demo, codes) == set()
        # The chunks staged before the bad one were dropped with the run.
        assert (await demo.read("testing.count_visible"))[0]["staged"] == 0
    finally:
        await demo.write("admin.delete_records", codes=codes)


async def test_the_same_import_with_no_problem_lands_whole(
        demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "BATCH", 2)
    towns = [[f"ZU-T0{i}", f"{i}镇", "ZU", "2020-01-01"] for i in range(1, 6)]
    write_csv(tmp_path, "counties", [["ZU", "流式县"]])
    write_csv(tmp_path, "townships", towns)
    codes = ["ZU", *(t[0] for t in towns)]
    try:
        summary = await import_path(demo, tmp_path, key=KEY)
        assert summary.counts()["created"] == 6
        assert [(k.kind, k.rows) for k in summary.kinds] == [("counties", 1), ("townships", 5)]
        assert await codes_present(demo, codes) == set(codes)
    finally:
        await demo.write("admin.delete_records", codes=codes)


async def test_a_reference_to_an_earlier_row_of_the_wrong_kind_is_refused(
        demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Chunks of two rows: one wrong reference in the chunk that defines the code it names,
    # one in a later chunk (checked against the codes kept from the earlier ones).
    monkeypatch.setattr(worker, "BATCH", 2)
    villages = [["ZW-T01-V01", "一村", "ZW-T01", "2020-01-01"],
                ["ZW-T01-V02", "二村", "ZW-T01-V01", "2020-01-01"],
                ["ZW-T01-V03", "三村", "ZW-T01-V01", "2020-01-01"],
                ["ZW-T01-V04", "四村", "ZW-T01", "2020-01-01"]]
    write_csv(tmp_path, "counties", [["ZW", "引用县"]])
    write_csv(tmp_path, "townships", [["ZW-T01", "一镇", "ZW", "2020-01-01"]])
    write_csv(tmp_path, "villages", villages)
    wrong = {row[0] for row in villages if row[2] != "ZW-T01"}
    try:
        with pytest.raises(ImportRejected) as caught:
            await import_path(demo, tmp_path, key=KEY)
        found = {(p.file, p.row, p.value, p.reason) for p in caught.value.problems}
        assert found == {("villages.csv", line, "ZW-T01-V01",
                          "编码指向 Village，应为 Township / code names a Village, "
                          "expected Township")
                         for line, row in enumerate(villages, 2) if row[0] in wrong}
        assert await codes_present(demo, ["ZW", "ZW-T01", *(v[0] for v in villages)]) == set()
    finally:
        await demo.write("admin.delete_records", codes=["ZW", "ZW-T01", *(v[0] for v in villages)])
