"""Gap lists exported as .xlsx over HTTP: Chinese headers, the same gaps the coverage query
lists for the same caller, and the jurisdiction of the caller (a township sees its own)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from hub.http.export import HEADERS, XLSX
from tests.graphql_helpers import REPORT_DAY, data
from tests.test_jurisdiction_dates import moved  # noqa: F401  (the fixture, shared)

COVERAGE = """query($unit: String!, $asOf: Date) {
  coverage(dimension: HOUSEHOLDS_WITHOUT_MEMBER, unit: $unit, asOf: $asOf, first: 100) {
    ... on Coverage { gaps { totalCount nodes { code child } } } } }"""


def sheet_rows(body: bytes) -> list[list[Any]]:
    book = load_workbook(io.BytesIO(body), read_only=True)
    try:
        assert book.sheetnames == ["缺口清单", "汇总", "数据缺项"]
        return [list(r) for r in book["缺口清单"].iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize("unit", ["XC", "XC-T01"])
async def test_export_matches_the_coverage_query(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], unit: str) -> None:
    who = bearer("county") if unit == "XC" else bearer("township", "XC-T01")
    response = await client.get("/export/gaps", headers=who, params={
        "dimension": "households_without_member", "unit": unit, "asOf": REPORT_DAY})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert "attachment" in response.headers["content-disposition"]
    rows = sheet_rows(response.content)
    assert tuple(rows[0]) == HEADERS
    found = await data(client, COVERAGE, who, unit=unit, asOf=REPORT_DAY)
    gaps = found["coverage"]["gaps"]
    assert len(rows) - 1 == gaps["totalCount"] > 0
    assert [r[0] for r in rows[1:101]] == [g["code"] for g in gaps["nodes"]]
    assert all(r[8] and r[9] for r in rows[1:]), "every gap has its reason in zh and en"


async def test_export_respects_jurisdiction_and_refuses_bad_input(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    params = {"dimension": "grids_without_worker", "unit": "XC-T02", "asOf": REPORT_DAY}
    outside = await client.get("/export/gaps", params=params,
                               headers=bearer("township", "XC-T01"))
    unknown = await client.get("/export/gaps", params={**params, "unit": "XC-T99"},
                               headers=bearer("township", "XC-T01"))
    assert outside.status_code == unknown.status_code == 404
    assert "jurisdiction" in outside.json()["message"]
    bad = await client.get("/export/gaps", params={**params, "dimension": "nope"})
    assert bad.status_code == 400 and "unknown dimension" in bad.json()["message"]
    day = await client.get("/export/gaps", params={**params, "asOf": "30/06/2023"})
    assert day.status_code == 400
    anonymous = await client.get("/export/gaps", params=params, headers={"Authorization": ""})
    assert anonymous.status_code == 401


def seed(file: str) -> dict[str, dict[str, str]]:
    """The demo county's rows of `file` by code, keyed by their English column keys."""
    import csv

    from hub.core.settings import PROJECT_ROOT

    path = PROJECT_ROOT / "seeds" / "demo-county" / file
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = [{k.split("(")[-1].rstrip(")"): v for k, v in r.items()}
                for r in csv.DictReader(fh)]
    return {r["code"]: r for r in rows}


async def test_a_gap_list_says_where_and_whom_to_call_masked_by_role(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    households, grids = seed("households.csv"), seed("grids.csv")
    places = {**seed("communities.csv"), **seed("villages.csv")}
    townships = seed("townships.csv")
    params = {"dimension": "households_without_member", "unit": "XC-T01", "asOf": REPORT_DAY}
    clear = await client.get("/export/gaps", params=params,
                             headers=bearer("township", "XC-T01"))
    book = load_workbook(io.BytesIO(clear.content))
    sheet = book["缺口清单"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][-3:] == ["责任人", "整改时限", "完成情况"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:M{len(rows)}"
    in_villages = 0
    for row in rows[1:]:
        house = households[row[0]]
        assert (row[2], row[3]) == (house["head"], house["phone"])
        territory = house["territory"]
        grid = grids.get(territory)
        place = places[grid["territory"] if grid else territory]
        assert (row[4] or None, row[5]) == (grid["name"] if grid else None, place["name"])
        assert row[6] == townships["XC-T01"]["name"]
        assert row[-3:] == [None, None, None]
        in_villages += grid is None
    assert in_villages > 0, "the demo's village households lie in no grid"
    summary = [list(r) for r in book["汇总"].iter_rows(values_only=True)]
    book.close()
    total = next(r[1] for r in summary if r[0] == "应覆盖 / total")
    covered = next(r[1] for r in summary if r[0] == "已覆盖 / covered")
    assert next(r[1] for r in summary if r[0] == "覆盖率 / ratio") == (
        f"{100 * covered / total:.1f}%")
    header = next(i for i, r in enumerate(summary) if r[0] == "下级单位编码 / child")
    children = summary[header + 1:]
    assert sum(r[4] for r in children) == len(rows) - 1
    assert {r[0] for r in children} <= set(places)

    grid_code = next(households[r[0]]["territory"] for r in rows[1:]
                     if households[r[0]]["territory"] in grids)
    masked = await client.get("/export/gaps", params={**params, "unit": grid_code},
                              headers=bearer("grid", grid_code))
    mine = [list(r) for r in load_workbook(io.BytesIO(masked.content), read_only=True)[
        "缺口清单"].iter_rows(values_only=True)][1:]
    assert mine and all("*" in r[2] and "*" in r[3] for r in mine)


@pytest.mark.usefixtures("moved")
@pytest.mark.parametrize(("day", "township", "community"), [
    ("2023-06-30", "XC-T01", "XC-T01-C01"), ("2025-06-30", "XC-T02", "XC-T02-C01")])
async def test_a_moved_household_is_listed_where_it_lay_that_day(
        client: httpx.AsyncClient, day: str, township: str, community: str) -> None:
    """ZJ-H1 (tests/test_jurisdiction_dates.py) lay in XC-T01 until 2024, in XC-T02 after:
    its row names the grid, community and township of the day asked, never the other."""
    response = await client.get("/export/gaps", params={
        "dimension": "households_without_member", "unit": "XC", "asOf": day})
    rows = [list(r) for r in load_workbook(io.BytesIO(response.content), read_only=True)[
        "缺口清单"].iter_rows(values_only=True)]
    found = [r for r in rows if r[0] == "ZJ-H1"]
    grid = seed("grids.csv")[f"{community}-G01"]
    assert [r[2:7] for r in found] == [["迁户", None, grid["name"],
                                        seed("communities.csv")[community]["name"],
                                        seed("townships.csv")[township]["name"]]]
