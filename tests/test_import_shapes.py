"""What a county may lack or get wrong (issue 12, items 2, 3 and 5): a Party organisation
must lie where its kind belongs, the cells the domain allows to be missing may be left empty
and are then stored as absent (never '' or 0), and a full import closes the relationships of
every record named in its own kind's file.

Rows are generated here with own codes (`ZS…`) on the shared demo county, deleted after.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from hub.core.principal import Principal, Role
from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.http.upload import upload
from hub.importer import ImportRejected, import_path, worker
from hub.importer.ids import id_check_char, uscc_check_char
from hub.importer.places import PARENT_OF_ORG, PLACE_OF_ORG

KEY = b"test-key"
GRID = "XC-T01-C01-G01"
# One unit of every territorial kind in the demo county.
PLACES = {"County": "XC", "Township": "XC-T01", "Village": "XC-T01-V01",
          "Community": "XC-T01-C01", "Grid": "XC-T01-C01-G01"}
# One demo organisation of every kind.
DEMO_ORG = {"county_committee": "P-XC", "township_committee": "P-XC-T01",
            "village_org": "P-XC-T01-V01", "community_org": "P-XC-T01-C01",
            "grid_branch": "P-XC-T01-C01-G01", "grid_group": "P-XC-T01-C05-G02",
            "agency_org": "P-A01", "industry_org": "P-I-CT", "enterprise_org": "P-E01"}
PARENT = {"county_committee": "", "township_committee": "P-XC", "village_org": "P-XC-T01",
          "community_org": "P-XC-T01", "grid_branch": "P-XC-T01-C01",
          "grid_group": "P-XC-T01-C01", "agency_org": "P-XC", "industry_org": "P-XC",
          "enterprise_org": "P-XC"}


def write_csv(folder: Path, kind: str, rows: list[list[str]]) -> None:
    header = ",".join(col.header for col in BY_NAME[kind].columns)
    body = "".join(",".join(row) + "\n" for row in rows)
    (folder / BY_NAME[kind].file).write_text(header + "\n" + body, encoding="utf-8")


def id_number(serial: int) -> str:
    body = f"99030019800101{serial:03d}"
    return body + id_check_char(body)


@pytest.fixture
async def own(demo: Database) -> AsyncIterator[list[str]]:
    codes: list[str] = []
    yield codes
    await demo.write("admin.delete_records", codes=codes)


async def test_a_party_organisation_must_fit_its_place(demo: Database, tmp_path: Path,
                                                      own: list[str]) -> None:
    # Every kind placed in every kind of unit: the rows that fit are computed from the rule
    # table, the rest must come back refused, each with its own row.
    rows: list[list[str]] = []
    fits: dict[int, bool] = {}
    for kind, parent in PARENT.items():
        for label, unit in PLACES.items():
            code = f"ZS-P{len(rows)}"
            fits[len(rows) + 2] = label in PLACE_OF_ORG[kind]
            rows.append([code, f"{kind}@{label}", kind, unit, parent, "", "", "2026-02-01", ""])
    write_csv(tmp_path, "party_orgs", rows)
    with pytest.raises(ImportRejected) as caught:
        await import_path(demo, tmp_path, key=KEY)
    problems = caught.value.problems
    assert sorted(p.row for p in problems if p.row is not None) == sorted(
        line for line, ok in fits.items() if not ok)
    assert len(problems) == len(PARENT) * len(PLACES) - sum(fits.values()) == 35
    first = next(p for p in problems if p.row == 2 + 2)  # county_committee in a Village
    assert (first.file, first.column, first.value) == (
        "party_orgs.csv", "所在地域(territory)", "XC-T01-V01")
    assert first.reason == ("county_committee 类党组织应位于 County，此编码是 Village / "
                            "a county_committee must lie in a County, this code names a Village")
    # The case of the report: a grid branch placed in a village.
    branch = next(p for p in problems if p.row == 2 + 4 * len(PLACES) + 2)
    assert "a grid_branch must lie in a Grid, this code names a Village" in branch.reason
    # Only the fitting rows, in a file of their own, import.
    write_csv(tmp_path, "party_orgs", [row for n, row in enumerate(rows) if fits[n + 2]])
    own.extend(row[0] for n, row in enumerate(rows) if fits[n + 2])
    summary = await import_path(demo, tmp_path, key=KEY)
    assert summary.created == sum(fits.values()) == 10


async def test_a_party_organisation_must_be_under_the_right_kind(
        demo: Database, tmp_path: Path, own: list[str]) -> None:
    # Every kind under every kind of parent (in its right place), and two rows whose parent
    # is in the same file: what fits is computed from the rule table.
    home = {kind: PLACES[PLACE_OF_ORG[kind][0]] for kind in PARENT}
    rows: list[list[str]] = []
    fits: dict[int, bool] = {}
    for kind in PARENT:
        for parent_kind, parent in DEMO_ORG.items():
            fits[len(rows) + 2] = parent_kind in PARENT_OF_ORG[kind]
            rows.append([f"ZS-U{len(rows)}", f"{kind}<{parent_kind}", kind, home[kind], parent,
                         "", "", "2026-02-01", ""])
    fits[len(rows) + 2] = True
    rows.append(["ZS-UT", "镇党委", "township_committee", "XC-T01", "P-XC", "", "", "2026-02-01",
                 ""])
    fits[len(rows) + 2] = False
    rows.append(["ZS-UB", "支部", "grid_branch", GRID, "ZS-UT", "", "", "2026-02-01", ""])
    write_csv(tmp_path, "party_orgs", rows)
    with pytest.raises(ImportRejected) as caught:
        await import_path(demo, tmp_path, key=KEY)
    problems = caught.value.problems
    assert {p.column for p in problems} == {"上级党组织(parent)"}
    assert sorted(p.row for p in problems if p.row is not None) == sorted(
        line for line, ok in fits.items() if not ok)
    assert len(problems) == 81 - 13 + 1
    last = problems[-1]
    assert (last.row, last.value, last.reason) == (
        len(rows) + 1, "ZS-UT", "grid_branch 类党组织的上级应为 community_org/village_org，"
        "此编码是 township_committee / a grid_branch must be under a community_org or "
        "village_org, this code names a township_committee")
    write_csv(tmp_path, "party_orgs", [row for n, row in enumerate(rows) if fits[n + 2]])
    own.extend(row[0] for n, row in enumerate(rows) if fits[n + 2])
    assert (await import_path(demo, tmp_path, key=KEY)).created == 13 + 1


async def test_cells_a_county_may_lack_are_stored_as_absent(demo: Database, tmp_path: Path,
                                                           own: list[str]) -> None:
    uscc = "91990300MA9XK0001"
    uscc += uscc_check_char(uscc)
    codes = ["ZS-W1", "ZS-I1", "ZS-S1", "ZS-K1", "ZS-H1", uscc, "ZS-WL1", "ZS-WO1"]
    own.extend(codes)
    write_csv(tmp_path, "grid_workers", [["ZS-W1", "甲", "", "", "part_time", "否",
                                          "XC-T01-C01-G01", "2026-02-01", ""]])
    write_csv(tmp_path, "instructors", [["ZS-I1", "乙", "", "", "D-001", "2026-02-01", ""]])
    write_csv(tmp_path, "graduates", [["ZS-S1", "丙", "", "", "", "XC-T01-V01", "2026-02-01",
                                       ""]])
    write_csv(tmp_path, "cadres", [["ZS-K1", "丁", "", "", "F", "1980-01-01"]])
    write_csv(tmp_path, "households", [["ZS-H1", "", "", "", "", "XC-T01-V01", "2026-02-01",
                                        ""]])
    write_csv(tmp_path, "enterprises", [[uscc, "戊公司", "retail", "", "XC-T01", "2026-02-01"]])
    write_csv(tmp_path, "weak_orgs", [["ZS-WL1", "P-XC-T01-V01", "2026-02-01", "", ""]])
    write_csv(tmp_path, "work_orders", [["ZS-WO1", "", "", "2026-02-01", "XC-T01-V01"]])
    summary = await import_path(demo, tmp_path, key=KEY)
    assert summary.created == len(codes)
    rows = await demo.read("testing.record_properties", codes=codes)
    # Less the staging marks every imported record keeps as its provenance (docs/model.md).
    keys = {r["code"]: set(r["properties"]) - {"importId", "stagedLabels"} for r in rows}
    assert keys == {
        "ZS-W1": {"code", "name", "type", "partyMember"},
        "ZS-I1": {"code", "name"},
        "ZS-S1": {"code", "name"},
        "ZS-K1": {"code", "name", "gender", "birthDate"},
        "ZS-H1": {"code"},
        uscc: {"code", "name", "industry"},
        "ZS-WL1": {"code", "designatedOn"},
        "ZS-WO1": {"code", "reportedOn"},
    }


def member_row(code: str, serial: int) -> list[str]:
    return [code, "党员", id_number(serial), "", "F", "1980-01-01", "是", "2006-07-01"]


async def open_links(db: Database, codes: list[str]) -> dict[str, set[str]]:
    rows = await db.read("testing.record_properties", codes=codes)
    return {r["code"]: {x["to"] for x in r["links"] if x["type"] == "LINKS"
                        and x["until"] is None} for r in rows}


async def test_full_import_closes_the_links_of_members_named_in_members_csv(
        demo: Database, tmp_path: Path, own: list[str]) -> None:
    members = ["ZS-M1", "ZS-M2", "ZS-M3"]
    households = ["ZS-H11", "ZS-H12", "ZS-H13", "ZS-H14"]
    own.extend(members + households)
    write_csv(tmp_path, "members", [member_row(m, n) for n, m in enumerate(members, start=11)])
    write_csv(tmp_path, "households", [[h, "户主", "", "2", "", "XC-T01-C01-G01", "2026-02-01",
                                        ""] for h in households])
    links = {"ZS-M1": ["ZS-H11"], "ZS-M2": ["ZS-H12", "ZS-H13"], "ZS-M3": ["ZS-H14"]}
    write_csv(tmp_path, "member_links", [[m, h, "2026-02-01", ""] for m, hs in links.items()
                                         for h in hs])
    await import_path(demo, tmp_path, key=KEY)
    assert await open_links(demo, members) == {m: set(hs) for m, hs in links.items()}
    # The next full import names ZS-M1 and ZS-M2 in members.csv; member_links.csv no longer
    # lists ZS-M1's only link nor one of ZS-M2's; ZS-M3 is named in neither file.
    (tmp_path / "households.csv").unlink()
    write_csv(tmp_path, "members", [member_row(m, n) for n, m in enumerate(members[:2],
                                                                            start=11)])
    write_csv(tmp_path, "member_links", [["ZS-M2", "ZS-H12", "2026-02-01", ""]])
    today = date.today()
    who = Principal("test-full", Role.COUNTY)
    summary, _entry = await upload(demo, who, tmp_path, 600.0, today, full_on=today)
    assert {k.kind: k.closed for k in summary.kinds} == {"members": 0, "member_links": 2}
    assert await open_links(demo, members) == {"ZS-M1": set(), "ZS-M2": {"ZS-H12"},
                                               "ZS-M3": {"ZS-H14"}}
    rows = await demo.read("testing.record_properties", codes=["ZS-M1"])
    assert [(x["to"], x["until"].to_native()) for x in rows[0]["links"]
            if x["type"] == "LINKS"] == [("ZS-H11", today)]


def test_every_closing_kind_takes_its_owners_from_its_own_kinds_file() -> None:
    from hub.importer.full import CLOSING, OWNER_KIND, owners

    since = date(2026, 2, 1)
    for kind, (owner_key, other_key) in CLOSING.items():
        # The owner kind's file must be the kind the owner column refers to.
        assert BY_NAME[OWNER_KIND[kind]].label in BY_NAME[kind].column(owner_key).ref
        items: list[dict[str, object]] = [{owner_key: "A", other_key: "X", "since": since}]
        named: list[dict[str, object]] = [{"code": "A"}, {"code": "B"}]
        assert owners(kind, items, named) == [{"code": "A", "keep": [["X", since]]},
                                              {"code": "B", "keep": []}]


async def test_a_child_listed_batches_before_its_parent_keeps_its_parent(
        demo: Database, tmp_path: Path, own: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches of one row: a grid branch listed before the community organisation it is
    # under, itself listed before its township committee, each in a batch of its own.
    monkeypatch.setattr(worker, "BATCH", 1)
    chain = [("ZS-PG", "grid_branch", "XC-T01-C01-G01", "ZS-PC"),
             ("ZS-PC", "community_org", "XC-T01-C01", "ZS-PT"),
             ("ZS-PT", "township_committee", "XC-T01", "P-XC")]
    own.extend(code for code, *_ in chain)
    write_csv(tmp_path, "party_orgs", [[code, code, kind, place, parent, "", "", "2026-02-01", ""]
                                       for code, kind, place, parent in chain])
    await import_path(demo, tmp_path, key=KEY)
    rows = await demo.read("testing.record_properties", codes=[code for code, *_ in chain])
    under = {r["code"]: [x["to"] for x in r["links"] if x["type"] == "UNDER"] for r in rows}
    assert under == {code: [parent] for code, _kind, _place, parent in chain}
