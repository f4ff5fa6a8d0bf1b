"""The generated second county (tests/other_county.py) beside the demo county: work-order
statistics, the cadre rule, browsing and federation of village grids, data completeness and
its export sheet, each against values computed from the generated rows.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import date

import httpx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from hub.graph.db import Database
from hub.http.export import MISSING_HEADERS
from tests.graphql_helpers import data
from tests.other_county import MOVED_GRID, County, Row
from tests.other_county_load import (
    REPORT,
    Loaded,
    delta,
    loaded_beside,
    open_on,
)

# --- work orders ------------------------------------------------------------------------

STATS = """query($end: Date) { workOrderStats(end: $end) {
  total { routed accepted returned closed }
  byTownship { code routed accepted returned closed } } }"""


@pytest.fixture(scope="module")
async def other(demo: Database, tmp_path_factory: pytest.TempPathFactory
                ) -> AsyncIterator[Loaded]:
    async with loaded_beside(demo, tmp_path_factory.mktemp("other-county")) as loaded:
        yield loaded


def order_counts(c: County, township: str | None, end: date) -> dict[str, int]:
    """Orders (in `township`, by today's links; None = all) with a step of each status by `end`."""
    steps: dict[str, set[str]] = {}
    for s in c.rows["order_steps"]:
        if s["on"] <= end:
            steps.setdefault(str(s["order"]), set()).add(str(s["status"]))
    wanted = [o for o in steps if township is None or c.township(o, date.today()) == township]
    return {status: sum(1 for o in wanted if status in steps[o])
            for status in ("routed", "accepted", "returned", "closed")}


async def test_work_order_statistics_per_township(
        other: Loaded, client: httpx.AsyncClient, demo: Database,
        bearer: Callable[..., dict[str, str]]) -> None:
    c = other.county
    for township in c.townships:
        stats = (await data(client, STATS, bearer("township", township),
                            end=REPORT.isoformat()))["workOrderStats"]
        expected = order_counts(c, township, REPORT)
        assert stats["total"] == expected and expected["routed"] > 0
        assert stats["byTownship"] == [{"code": township, **expected}]
    f19 = await delta(other, demo, "F19")
    whole = order_counts(c, None, REPORT)
    assert {k: f19[k] for k in whole} == whole
    assert whole["closed"] < order_counts(c, None, date(2023, 12, 31))["closed"]


# --- the departure-allowance rule (F6) ----------------------------------------------------

def months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def served(c: County, cadre: Row, day: date) -> bool:
    """Tenure and ratings of the rule (docs/model.md), without the age."""
    posts = sorted((p["since"], min(p["until"] or day, day)) for p in c.rows["cadre_posts"]
                   if p["cadre"] == cadre["code"] and p["post"] in ("secretary", "director")
                   and p["since"] <= day)
    spans: list[list[date]] = []
    for start, end in posts:
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        elif start < end:
            spans.append([start, end])
    lengths = [months(a, b) for a, b in spans]
    years = sorted({int(str(r["year"])) for r in c.rows["cadre_ratings"]
                    if r["cadre"] == cadre["code"] and r["grade"] == "excellent"
                    and int(str(r["year"])) <= day.year})
    run = best = 0
    for i, year in enumerate(years):
        run = run + 1 if i and year == years[i - 1] + 1 else 1
        best = max(best, run)
    return ((max(lengths, default=0) >= 120 or sum(lengths) >= 180)
            and (best >= 3 or len(years) >= 5))


def qualifies(c: County, cadre: Row, day: date) -> bool:
    born: date = cadre["birthDate"]
    return served(c, cadre, day) and born.replace(year=born.year + 60) <= day


ALLOWANCE = """query($asOf: Date) {
  departureAllowance(unit: "QY", asOf: $asOf, qualifiedOnly: false, first: 100) {
    ... on Allowance { qualified unknown cases { totalCount nodes { code qualifies } } } } }"""


@pytest.mark.parametrize("day", [REPORT, date(2030, 6, 30)])
async def test_the_cadre_rule_on_cadres_of_another_county(
        other: Loaded, client: httpx.AsyncClient, demo: Database, day: date) -> None:
    c = other.county
    expected = {str(k["code"]) for k in c.rows["cadres"] if qualifies(c, k, day)}
    found = (await data(client, ALLOWANCE, asOf=day.isoformat()))["departureAllowance"]
    assert {n["code"] for n in found["cases"]["nodes"] if n["qualifies"]} == expected
    assert found["qualified"] == len(expected) and found["unknown"] == 0
    assert found["cases"]["totalCount"] == len(c.rows["cadres"])
    if day == REPORT:
        assert await delta(other, demo, "F06") == {"cadres": len(expected), "unknown": 0}
        assert 0 < len(expected) < len(c.rows["cadres"])


# --- browsing and federation ------------------------------------------------------------

BROWSE = """query($code: String!) { unit(code: $code, asOf: "2023-06-30") { __typename
  ... on Village { grids(first: 100) { nodes { code parent { code kind } } } } } }"""
ENTITIES = """query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Grid { code parent { code kind } } } }"""


async def test_villages_have_grids_to_browse_and_resolve(
        other: Loaded, client: httpx.AsyncClient) -> None:
    c = other.county
    for village in ("QY-T1-V1", "QY-T2-V1", "QY-T3-V2"):
        found = (await data(client, BROWSE, code=village))["unit"]
        expected = sorted(g for g in c.grids if c.parent(g, REPORT) == village)
        assert [n["code"] for n in found["grids"]["nodes"]] == expected
        assert all(n["parent"] == {"code": village, "kind": "VILLAGE"}
                   for n in found["grids"]["nodes"])
    reps = [{"__typename": "Grid", "code": MOVED_GRID}]
    entity = (await data(client, ENTITIES, reps=reps))["_entities"]
    assert entity == [{"code": MOVED_GRID, "parent": {"code": "QY-T2-V1", "kind": "VILLAGE"}}]


# --- data completeness --------------------------------------------------------------------

COMPLETENESS = """query($unit: String!) { dataCompleteness(unit: $unit, asOf: "2023-06-30") {
  __typename ... on DataCompleteness { cells { township kind kindZh cell cellZh records missing } }
} }"""
CELLS = {"households": ("head", "size"), "grid_workers": ("idNumber",),
         "instructors": ("idNumber",), "graduates": ("idNumber", "school"),
         "cadres": ("birthDate", "idNumber"), "enterprises": ("size",),
         "weak_orgs": ("reason",), "work_orders": ("category", "title")}


def where(c: County, kind: str, row: Row, day: date) -> list[str | None]:
    """The townships a record of `kind` counts in (see cypher/completeness)."""
    if kind == "households":
        return [c.township(str(row["code"]), day)] if c.parent(str(row["code"]), day) else []
    if kind == "grid_workers":
        return [c.township(str(row["grid"]), day)]
    if kind == "instructors":
        return sorted({c.township(str(g["enterprise"]), day) for g in c.rows["guidance"]
                       if g["instructor"] == row["code"]}, key=str)
    if kind == "graduates":
        return [c.township(str(row["unit"]), day)] if open_on(row, day) else []
    if kind == "cadres":
        return sorted({c.township(str(p["unit"]), day) for p in c.rows["cadre_posts"]
                       if p["cadre"] == row["code"]}, key=str)
    if kind == "enterprises":
        return [c.township(str(row["code"]), day)]
    if kind == "weak_orgs":
        return [c.township(str(row["org"])[2:], day)]
    return [c.township(str(row["code"]), day)]


async def test_data_completeness_counts_the_empty_cells(
        other: Loaded, client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    c, expected = other.county, Counter[tuple[str | None, str, str, str]]()
    for kind, cells in CELLS.items():
        for row in other.rows(kind):
            for township in where(c, kind, row, REPORT):
                for cell in cells:
                    expected[(township, kind, cell, "records")] += 1
                    expected[(township, kind, cell, "missing")] += row.get(cell) is None
    found = (await data(client, COMPLETENESS, unit="QY"))["dataCompleteness"]["cells"]
    got = Counter({(r["township"], r["kind"], r["cell"], what): r[what]
                   for r in found for what in ("records", "missing")})
    assert dict(got) == dict(expected)
    assert sum(r["missing"] for r in found if r["kind"] == "households") > 0
    assert {(r["kind"], r["kindZh"], r["cell"], r["cellZh"]) for r in found} >= {
        ("households", "户", "head", "户主姓名"), ("work_orders", "事件工单", "title", "事件")}
    # A township sees its own rows only, and not the county above it.
    mine = await data(client, COMPLETENESS, bearer("township", "QY-T2"), unit="QY-T2")
    assert {r["township"] for r in mine["dataCompleteness"]["cells"]} == {"QY-T2"}
    refused = await data(client, COMPLETENESS, bearer("township", "QY-T2"), unit="QY")
    assert refused["dataCompleteness"]["__typename"] == "UnitNotFound"


async def test_the_gap_export_carries_the_missing_cells(
        other: Loaded, client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    who = bearer("township", "QY-T1")
    response = await client.get("/export/gaps", headers=who, params={
        "dimension": "households_without_member", "unit": "QY-T1", "asOf": "2023-06-30"})
    assert response.status_code == 200, response.text
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    try:
        sheet = [list(r) for r in book["数据缺项"].iter_rows(values_only=True)]
    finally:
        book.close()
    assert tuple(sheet[0]) == MISSING_HEADERS
    found = (await data(client, COMPLETENESS, who, unit="QY-T1"))["dataCompleteness"]["cells"]
    assert [(r[0], r[3], r[5], r[6], r[7]) for r in sheet[1:]] == [
        (c["township"], c["kind"], c["cell"], c["records"], c["missing"]) for c in found]
    assert any(r[7] for r in sheet[1:]), "some cells are missing in QY-T1"


async def test_a_cadre_without_a_birth_date_is_unknown_not_refused(
        other: Loaded, client: httpx.AsyncClient, demo: Database) -> None:
    c = other.county
    served_ones = [k for k in c.rows["cadres"] if served(c, k, REPORT)]
    assert len(served_ones) >= 2
    blank = served_ones[:2]
    try:
        for k in blank:
            await demo.write("testing.set_birth_date", code=k["code"], born=None)
        found = (await data(client, ALLOWANCE, asOf=REPORT.isoformat()))["departureAllowance"]
        expected = {str(k["code"]) for k in c.rows["cadres"]
                    if k not in blank and qualifies(c, k, REPORT)}
        assert found["unknown"] == len(blank) and found["qualified"] == len(expected)
        assert {n["code"] for n in found["cases"]["nodes"] if n["qualifies"]} == expected
        assert await delta(other, demo, "F06") == {"cadres": len(expected),
                                                   "unknown": len(blank)}
    finally:
        for k in blank:
            await demo.write("testing.set_birth_date", code=k["code"], born=k["birthDate"])
