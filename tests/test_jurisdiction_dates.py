"""Jurisdiction as of the date asked: a household, a grid, an enterprise or a member that
moved from township XC-T01 to XC-T02 belongs to XC-T01's staff for the years it lay there
and to XC-T02's from the move on, never to both: in coverage, gap exports, lookups, edits,
upload checks and federation entities. Every scope check of the hub's Cypher follows only
`:IN` links (and memberships) open on that date (or, for edits and uploads, today). Own
records use codes `ZJ…` and are deleted after.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import import_path
from tests.graphql_helpers import data
from tests.test_upload import workbook

KEY = b"test-key"
LOOKUP = """query($day: Date!) { household(code: "ZJ-H1", asOf: $day) {
  __typename ... on Household { parent { code } } } }"""


def households(folder: Path, *rows: list[str]) -> Path:
    folder.mkdir()
    header = ",".join(col.header for col in BY_NAME["households"].columns)
    body = "".join(",".join(row) + "\n" for row in rows)
    (folder / "households.csv").write_text(header + "\n" + body, encoding="utf-8")
    return folder


@pytest.fixture
async def moved(demo: Database, tmp_path: Path) -> AsyncIterator[None]:
    """ZJ-H1: in a grid of XC-T01 from 2021, closed there at 2024-01-01, then in XC-T02."""
    row = ["ZJ-H1", "迁户", "", "2", ""]
    for step, (grid, since, until) in enumerate([
            ("XC-T01-C01-G01", "2021-01-01", ""), ("XC-T01-C01-G01", "2021-01-01", "2024-01-01"),
            ("XC-T02-C01-G01", "2024-01-01", "")]):
        await import_path(demo, households(tmp_path / str(step), [*row, grid, since, until]),
                          key=KEY)
    yield
    await demo.write("admin.delete_records", codes=["ZJ-H1"])


@pytest.mark.parametrize(("day", "township", "seen"), [
    ("2023-06-30", "XC-T01", "XC-T01-C01-G01"), ("2023-06-30", "XC-T02", None),
    ("2025-06-30", "XC-T01", None), ("2025-06-30", "XC-T02", "XC-T02-C01-G01")])
async def test_a_moved_household_belongs_to_one_township_at_a_time(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], moved: None,
    day: str, township: str, seen: str | None,
) -> None:
    found = (await data(client, LOOKUP, bearer("township", township), day=day))["household"]
    if seen is None:
        assert found == {"__typename": "HouseholdNotFound"}
    else:
        assert found == {"__typename": "Household", "parent": {"code": seen}}
    county = (await data(client, LOOKUP, day=day))["household"]
    assert county["__typename"] == "Household", "the county sees it on both dates"


async def test_a_township_cannot_change_by_upload_what_has_moved_out(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], demo: Database,
    moved: None,
) -> None:
    resized = workbook("households",
                       ["ZJ-H1", "迁户", "", "5", "", "XC-T02-C01-G01", "2024-01-01", ""])
    refused = await client.post("/import", content=resized, headers=bearer("township", "XC-T01"))
    assert refused.status_code == 403
    assert sorted((p["row"], p["value"]) for p in refused.json()["problems"]) == [
        (2, "XC-T02-C01-G01"), (2, "ZJ-H1")]
    rows = await demo.read("units.household_by_code", codes=["ZJ-H1"], asOf=date(2025, 6, 30),
                           scope=None)
    assert rows[0]["size"] == 2, "nothing was written"
    done = await client.post("/import", content=resized, headers=bearer("township", "XC-T02"))
    assert done.status_code == 200, done.text


# --- a grid, its household, an enterprise and a member that moved, at every entry point ----

GRID, HOUSEHOLD, MEMBER, FIRM = "ZJ-G1", "ZJ-H2", "ZJ-M1", "ZJ-E1"
FIRM_CODE = "91990300MA99J0001"
BEFORE, AFTER = "2023-06-30", "2025-06-30"
# Where each moved record lies on either side of the move (2024-01-01), and the one place
# it lay before that ("today", for edits and imports, is after the move).
HOMES = {BEFORE: "XC-T01", AFTER: "XC-T02"}
COVERAGE = """query($unit: String!, $day: Date!, $dim: Dimension!) {
  coverage(dimension: $dim, unit: $unit, asOf: $day, first: 100) {
    __typename ... on Coverage { gaps { nodes { code } } } } }"""
DIMENSIONS = {"GRIDS_WITHOUT_WORKER": GRID, "HOUSEHOLDS_WITHOUT_MEMBER": HOUSEHOLD}


def csv_folder(folder: Path, files: dict[str, list[list[str]]]) -> Path:
    folder.mkdir()
    for kind, rows in files.items():
        header = ",".join(col.header for col in BY_NAME[kind].columns)
        body = "".join(",".join(row) + "\n" for row in rows)
        (folder / BY_NAME[kind].file).write_text(header + "\n" + body, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
async def moved_units(demo: Database, tmp_path_factory: pytest.TempPathFactory,
                      ) -> AsyncIterator[str]:
    """A grid (with a household) and an enterprise in XC-T01 from 2021, moved to XC-T02 on
    2024-01-01; a member of an XC-T01 branch who transferred to an XC-T02 branch that day."""
    from hub.importer.ids import id_check_char, uscc_check_char

    firm = FIRM_CODE + uscc_check_char(FIRM_CODE)
    body = "99030019800303123"
    root = tmp_path_factory.mktemp("moved")
    await import_path(demo, csv_folder(root / "0", {
        "grids": [[GRID, "迁移网格", "XC-T01-C01", "2021-01-01", ""]],
        "households": [[HOUSEHOLD, "迁户", "", "3", "", GRID, "2021-01-01", ""]],
        "enterprises": [[firm, "迁移企业", "retail", "9", "XC-T01-C01", "2021-01-01"]],
        "members": [[MEMBER, "迁移党员", body + id_check_char(body), "", "F", "1980-03-03",
                     "true", "2006-07-01"]],
        "memberships": [[MEMBER, "P-XC-T01-C01-G01", "2021-01-01", "2024-01-01"],
                        [MEMBER, "P-XC-T02-C01-G01", "2024-01-01", ""]]}), key=KEY)
    for code, old, new in ((GRID, "XC-T01-C01", "XC-T02-C01"),
                           (firm, "XC-T01-C01", "XC-T02-C01")):
        await demo.write("testing.move_unit", code=code, **{"from": old}, to=new,
                         on=date(2024, 1, 1))
    yield firm
    await demo.write("admin.delete_records", codes=[GRID, HOUSEHOLD, MEMBER, firm])


@pytest.mark.parametrize("day", [BEFORE, AFTER])
async def test_moved_units_are_counted_in_one_township_only(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], moved_units: str,
    day: str,
) -> None:
    dimensions = {**DIMENSIONS, "ENTERPRISES_WITHOUT_ORG": moved_units}
    for township in ("XC-T01", "XC-T02"):
        who = bearer("township", township)
        home = HOMES[day] == township
        for dim, code in dimensions.items():
            found = await data(client, COVERAGE, who, unit=township, day=day, dim=dim)
            codes = {g["code"] for g in found["coverage"]["gaps"]["nodes"]}
            assert (code in codes) == home, (dim, township, day)
        export = await client.get("/export/gaps", headers=who, params={
            "dimension": "grids_without_worker", "unit": township, "asOf": day})
        assert export.status_code == 200
        book = load_workbook(io.BytesIO(export.content), read_only=True)
        listed = {r[0] for r in book["缺口清单"].iter_rows(min_row=2, values_only=True)}
        book.close()
        assert (GRID in listed) == home, (township, day)
        lookup = await data(client, """query($day: Date!) {
          grid: unit(code: "ZJ-G1", asOf: $day) { __typename ... on Grid { parent { code } } }
          household(code: "ZJ-H2", asOf: $day) { __typename } }""", who, day=day)
        assert lookup["grid"]["__typename"] == ("Grid" if home else "UnitNotFound")
        assert lookup["household"]["__typename"] == ("Household" if home
                                                     else "HouseholdNotFound")
        if home:
            assert lookup["grid"]["parent"]["code"] == f"{township}-C01"


async def test_edits_imports_and_entities_follow_today(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], moved_units: str,
) -> None:
    """Today lies after the move: XC-T02 may edit, import and resolve the moved records,
    XC-T01 is answered as if they did not exist."""
    link = """mutation($m: String!, $h: String!) { linkMemberHousehold(member: $m, household: $h,
      since: "2026-01-02") { __typename ... on RecordNotFound { message } } }"""
    old, new = bearer("township", "XC-T01"), bearer("township", "XC-T02")
    refused = (await data(client, link, old, m=MEMBER, h=HOUSEHOLD))["linkMemberHousehold"]
    unknown = (await data(client, link, old, m="ZJ-NOPE", h=HOUSEHOLD))["linkMemberHousehold"]
    assert refused["__typename"] == unknown["__typename"] == "RecordNotFound"
    assert refused["message"].replace(MEMBER, "X") == unknown["message"].replace("ZJ-NOPE", "X")
    done = (await data(client, link, new, m=MEMBER, h=HOUSEHOLD))["linkMemberHousehold"]
    assert done["__typename"] == "Edited"
    resized = workbook("households", [HOUSEHOLD, "迁户", "", "4", "", GRID, "2021-01-01", ""])
    assert (await client.post("/import", content=resized, headers=old)).status_code == 403
    assert (await client.post("/import", content=resized, headers=new)).status_code == 200
    entities = """query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Grid { code } ... on Enterprise { code } } }"""
    reps = [{"__typename": "Grid", "code": GRID},
            {"__typename": "Enterprise", "code": moved_units}]
    seen = await client.post("/graphql", headers=new,
                             json={"query": entities, "variables": {"reps": reps}})
    assert seen.json()["data"]["_entities"] == [{"code": GRID}, {"code": moved_units}]
    hidden = (await client.post("/graphql", headers=old,
                                json={"query": entities, "variables": {"reps": reps}})).json()
    assert hidden["data"]["_entities"] == [None, None]
    assert {e["extensions"]["code"] for e in hidden["errors"]} == {"EntityRefused"}


async def test_a_township_upload_learns_nothing_of_other_townships(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], demo: Database,
) -> None:
    """Another township's household, a household placed in another township's grid, and
    codes that exist nowhere: one and the same answer, naming only what the upload named;
    none of the importer's checks (which describe the graph) speaks before it."""
    upload = workbook(
        "households",
        ["H000015", "周红", "", "1", "", "XC-T01-C01-G01", "2020-06-01", ""],   # XC-T02's
        ["ZJ-H7", "新户", "", "2", "", "XC-T02-C01-G02", "2026-01-02", ""],    # its grid
        ["ZJ-H8", "新户", "", "2", "", "XC-T09-C09-G09", "2026-01-02", ""])    # no such grid
    refused = await client.post("/import", content=upload, headers=bearer("township", "XC-T01"))
    assert refused.status_code == 403
    problems = refused.json()["problems"]
    assert sorted((p["row"], p["value"]) for p in problems) == [
        (2, "H000015"), (3, "XC-T02-C01-G02"), (4, "XC-T09-C09-G09")]
    assert len({(p["reason"], p["column"]) for p in problems}) == 1, "one answer for all"
    assert "周红" not in refused.text and "XC-T02-C01-G02 " not in refused.text
    rows = await demo.read("units.household_by_code", codes=["H000015"], asOf=date(2026, 1, 2),
                           scope=None)
    assert rows[0]["size"] == 1, "nothing was written"


async def test_related_lists_hold_only_what_the_caller_may_see(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], demo: Database,
    moved_units: str, tmp_path: Path,
) -> None:
    """An XC-T01 enterprise covered (jointly) by an XC-T04 organisation, a household of XC-T02
    looked after by a member of an XC-T01 branch: each township's lists hold its own only."""
    from hub.importer.ids import id_check_char, uscc_check_char

    firm = "91990300MA99J0002" + uscc_check_char("91990300MA99J0002")
    body = "99030019800404123"
    await import_path(demo, csv_folder(tmp_path / "rel", {
        "enterprises": [[firm, "联建企业", "retail", "9", "XC-T01-C01", "2021-01-01"]],
        "org_coverage": [["P-XC-T04-V01", firm, "joint", "2021-07-01", ""]],
        "members": [["ZJ-M2", "联户党员", body + id_check_char(body), "", "M", "1980-04-04",
                     "true", "2006-07-01"]],
        "memberships": [["ZJ-M2", "P-XC-T01-C01-G01", "2021-01-01", ""]],
        "member_links": [["ZJ-M2", HOUSEHOLD, "2025-01-01", ""]]}), key=KEY)
    try:
        query = """query($day: Date!, $firm: String!, $home: String!) {
          firm: unit(code: $firm, asOf: $day) { ... on Enterprise { partyOrgs { nodes {
            code } } } }
          household(code: $home, asOf: $day) { ... on Household { members { nodes { code } } } }
        }"""
        found = {"day": AFTER, "firm": firm, "home": HOUSEHOLD}
        county = await data(client, query, **found)
        assert [o["code"] for o in county["firm"]["partyOrgs"]["nodes"]] == ["P-XC-T04-V01"]
        assert [m["code"] for m in county["household"]["members"]["nodes"]] == ["ZJ-M2"]
        own = await data(client, query, bearer("township", "XC-T01"), **found)
        assert own["firm"]["partyOrgs"]["nodes"] == []
        lookup = await data(client, """{ unit(code: "P-XC-T04-V01") { __typename } }""",
                            bearer("township", "XC-T01"))
        assert lookup["unit"]["__typename"] == "UnitNotFound", "the same as a direct lookup"
        other = await data(client, query, bearer("township", "XC-T02"), **found)
        assert other["household"]["members"]["nodes"] == []
    finally:
        await demo.write("admin.delete_records", codes=[firm, "ZJ-M2"])


async def test_a_taken_code_says_nothing_of_whose_it_is(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]],
) -> None:
    """XC-T01 placing a "new" graduate under the code of XC-T03's graduate, of a work order,
    or recording a work order under a household's code: one and the same refusal."""
    from hub.importer.ids import id_check_char

    body = "99030019990606123"
    place = """mutation($code: String!, $id: String!) { r: placeGraduate(code: $code, name: "测",
      idNumber: $id, school: "北岭农业大学", unit: "XC-T01-V01", since: "2026-09-01") {
      __typename ... on EditConflict { message } } }"""
    order = """mutation($code: String!) { r: recordWorkOrder(code: $code, title: "测",
      category: "矛盾纠纷", reportedOn: "2026-05-01", territory: "XC-T01-C01-G01") {
      __typename ... on EditConflict { message } } }"""
    who = bearer("township", "XC-T01")
    answers = {
        code: (await data(client, place, who, code=code, id=body + id_check_char(body)))["r"]
        for code in ("S0022", "WO-2023-00001")}
    answers["H000015"] = (await data(client, order, who, code="H000015"))["r"]
    assert {a["__typename"] for a in answers.values()} == {"EditConflict"}
    assert len({a["message"].replace(code, "X") for code, a in answers.items()}) == 1
