"""A county shaped unlike the demo county (tests/other_county.py: most grids in villages,
empty optional cells, a grid and a household that moved township), loaded through the real
importer beside the demo county and deleted after. Every expected value is computed here
from the generated rows; figures are county-wide, so they are compared as the difference
the second county makes to the demo county's.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from hub.db import Database
from hub.export import MISSING_HEADERS
from hub.importer import import_path
from tests.graphql_helpers import data
from tests.other_county import MOVED_GRID, MOVED_ON, County, Row, generate, write
from tests.test_browser_queries import _graph
from tests.test_model_figures import figure

KEY = b"test-key"
REPORT, BEFORE_MOVES = date(2023, 6, 30), date(2022, 6, 30)
FIGURES = ("F01", "F06", "F12", "F14", "F16", "F19", "F23")


@dataclass(frozen=True)
class Loaded:
    county: County
    demo_figures: dict[str, dict[str, Any]]

    def rows(self, kind: str) -> list[Row]:
        return self.county.rows.get(kind, [])


@pytest.fixture(scope="module")
async def other(demo: Database, tmp_path_factory: pytest.TempPathFactory
                ) -> AsyncIterator[Loaded]:
    county = generate()
    before = {n: await figure(demo, n) for n in FIGURES}
    root = tmp_path_factory.mktemp("other-county")
    for step, rows in enumerate([county.rows, *county.later]):
        await import_path(demo, write(rows, root / str(step)), key=KEY)
    yield Loaded(county, before)
    await demo.write("admin.delete_records", codes=county.codes())


async def delta(loaded: Loaded, demo: Database, number: str) -> dict[str, Any]:
    now = await figure(demo, number)
    return {part: now[part] - loaded.demo_figures[number].get(part, 0) for part in now}


def open_on(row: Row, day: date) -> bool:
    until = row.get("until")
    return bool(row["since"] <= day and (until is None or until > day))


# --- grids, in villages and communities ---------------------------------------------------

def grid_facts(c: County, day: date) -> dict[str, dict[str, Any]]:
    orgs = {str(r["territory"]): str(r["kind"]) for r in c.rows["party_orgs"]
            if r["kind"] in ("grid_branch", "grid_group")}
    workers: dict[str, list[str]] = {}
    for w in c.rows["grid_workers"]:
        workers.setdefault(str(w["grid"]), []).append(str(w["type"]))
    return {g: {"place": c.parent(g, day), "township": c.township(g, day),
                "org": orgs.get(g), "workers": workers.get(g, [])}
            for g in c.grids if c.parent(g, day) is not None}


async def test_figures_count_village_grids_beside_community_grids(
        other: Loaded, demo: Database) -> None:
    c, grids = other.county, grid_facts(other.county, REPORT)
    in_villages = [g for g, f in grids.items() if f["place"] in c.villages]
    assert len(in_villages) > 2 * (len(grids) - len(in_villages)), "most grids in villages"
    f12 = await delta(other, demo, "F12")
    assert f12 == {"grids": len(grids) - len(in_villages), "villageGrids": len(in_villages),
                   "allGrids": len(grids)}
    kinds = Counter(f["org"] for f in grids.values())
    f14 = await delta(other, demo, "F14")
    assert f14 == {"branches": kinds["grid_branch"], "groups": kinds["grid_group"],
                   "grids": len(grids), "gridsCovered": len(grids) - kinds[None],
                   "gridsBlank": kinds[None]}
    f16 = await delta(other, demo, "F16")
    types = Counter(t for f in grids.values() for t in f["workers"])
    served = sum(1 for f in grids.values() if f["workers"])
    assert f16 == {"workers": sum(types.values()), "fullTime": types["full_time"],
                   "dedicated": types["dedicated"], "partTime": types["part_time"],
                   "gridsCovered": served, "gridsBlank": len(grids) - served}


COVERAGE = """query($d: Dimension!, $unit: String!, $asOf: Date) {
  coverage(dimension: $d, unit: $unit, asOf: $asOf, first: 100) { __typename
    ... on Coverage { whole { total covered unknown gaps }
                      byChild { code kind total covered unknown gaps }
                      gaps { totalCount nodes { code child } } } } }"""

GRID_RULES: dict[str, Callable[[dict[str, Any]], bool | None]] = {
    "GRIDS_WITHOUT_PARTY_ORG": lambda f: f["org"] is not None,
    "GRIDS_WITHOUT_WORKER": lambda f: bool(f["workers"]),
    # Only grids with workers are judged; None leaves the grid out.
    "GRIDS_ONLY_PART_TIME": lambda f: (any(t != "part_time" for t in f["workers"])
                                       if f["workers"] else None),
}


def by_child(things: Sequence[tuple[str, bool | None]]) -> dict[str, tuple[int, int]]:
    """{child: (total, covered)} of (child, covered) pairs; None = not counted at all."""
    out: dict[str, tuple[int, int]] = {}
    for child, covered in things:
        if covered is None:
            continue
        total, done = out.get(child, (0, 0))
        out[child] = (total + 1, done + int(covered))
    return out


async def measured(client: httpx.AsyncClient, dimension: str, unit: str, day: date
                   ) -> dict[str, Any]:
    found: dict[str, Any] = (await data(client, COVERAGE, d=dimension, unit=unit,
                                        asOf=day.isoformat()))["coverage"]
    assert found["__typename"] == "Coverage"
    return found


def counts(found: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {r["code"]: (r["total"], r["covered"]) for r in found["byChild"]}


@pytest.mark.parametrize("day", [REPORT, BEFORE_MOVES])
@pytest.mark.parametrize("dimension", sorted(GRID_RULES))
async def test_grid_coverage_by_township_and_by_village_or_community(
        other: Loaded, client: httpx.AsyncClient, dimension: str, day: date) -> None:
    c, rule = other.county, GRID_RULES[dimension]
    grids = grid_facts(c, day)
    county = await measured(client, dimension, "QY", day)
    assert counts(county) == by_child([(f["township"], rule(f)) for f in grids.values()])
    for township in ("QY-T1", "QY-T2"):
        found = await measured(client, dimension, township, day)
        mine = {g: f for g, f in grids.items() if f["township"] == township}
        assert counts(found) == by_child([(f["place"], rule(f)) for f in mine.values()])
        kinds = {r["code"]: r["kind"] for r in found["byChild"]}
        assert {k for k, v in kinds.items() if v == "VILLAGE"} <= set(c.villages)
        assert {k for k, v in kinds.items() if v == "COMMUNITY"} <= set(c.communities)
    # The moved grid counts in its old village (township) before the move, its new one after.
    assert grids[MOVED_GRID]["place"] == ("QY-T2-V1" if day >= MOVED_ON else "QY-T1-V1")


@pytest.mark.parametrize("day", [REPORT, BEFORE_MOVES])
async def test_households_coverage_follows_village_grids_and_the_move(
        other: Loaded, client: httpx.AsyncClient, day: date) -> None:
    c = other.county
    linked = {str(r["household"]) for r in c.rows["member_links"]}
    households = [str(h["code"]) for h in c.rows["households"] if c.parent(str(h["code"]), day)]
    county = await measured(client, "HOUSEHOLDS_WITHOUT_MEMBER", "QY", day)
    assert counts(county) == by_child([(str(c.township(h, day)), h in linked)
                                       for h in households])
    for township in c.townships:
        found = await measured(client, "HOUSEHOLDS_WITHOUT_MEMBER", township, day)
        pairs = []
        for h in households:
            if c.township(h, day) != township:
                continue
            place = str(c.parent(h, day))
            pairs.append((place if place in c.villages else str(c.parent(place, day)),
                          h in linked))
        # Households lying straight in a village count under that village, as grid ones do.
        assert counts(found) == by_child(pairs)


async def test_other_dimensions_and_what_cannot_be_judged(
        other: Loaded, client: httpx.AsyncClient) -> None:
    c, day = other.county, REPORT
    placed = {str(g["unit"]) for g in other.rows("graduates") if open_on(g, day)}
    found = await measured(client, "VILLAGES_WITHOUT_GRADUATE", "QY", day)
    assert counts(found) == by_child([(str(c.township(v, day)), v in placed)
                                      for v in c.villages])
    orgs = {str(r["enterprise"]) for r in other.rows("org_coverage")}
    guided = {str(r["enterprise"]) for r in other.rows("guidance")}
    firms = [(str(c.township(str(e["code"]), day)), str(e["code"]))
             for e in other.rows("enterprises")]
    found = await measured(client, "ENTERPRISES_WITHOUT_ORG", "QY", day)
    assert counts(found) == by_child([(t, e in orgs) for t, e in firms])
    found = await measured(client, "ENTERPRISES_WITHOUT_WORK_COVERAGE", "QY", day)
    assert counts(found) == by_child([(t, e in orgs or e in guided) for t, e in firms])
    weak = other.rows("weak_orgs")
    found = await measured(client, "WEAK_LAX_NOT_RECTIFIED", "QY", day)
    assert counts(found) == by_child([
        (str(c.township(str(w["org"])[2:], day)),
         w["rectifiedOn"] is not None and w["rectifiedOn"] <= day)
        for w in weak])
    # A station with a have left empty and none refused is neither covered nor a gap.
    stations = [f for f in other.rows("facilities") if f["kind"] == "worker_station"]
    haves = [[f.get(k) for k in f if str(k).startswith("has")] for f in stations]
    found = await measured(client, "STATIONS_MISSING_HAVES", "QY", day)
    unknown = sum(1 for h in haves if False not in h and None in h)
    refused = sum(1 for h in haves if False in h)
    assert found["whole"] == {"total": len(stations), "covered": len(stations) - unknown - refused,
                              "unknown": unknown, "gaps": refused}
    assert unknown == 1 and found["gaps"]["totalCount"] == refused


async def test_figures_say_what_they_could_not_judge(other: Loaded, demo: Database) -> None:
    centres = [f for f in other.rows("facilities") if f["kind"] == "service_centre"]
    f1 = await delta(other, demo, "F01")
    assert f1 == {"centres": sum(1 for f in centres if (f["areaM2"] or 0) >= 1000),
                  "unknown": sum(1 for f in centres if f["areaM2"] is None)}
    assert f1["unknown"] == 1
    assert other.demo_figures["F01"]["unknown"] == 0, "the demo county gives every area"
    haves = [[f[k] for k in f if str(k).startswith("has")]
             for f in other.rows("facilities") if f["kind"] == "worker_station"]
    f23 = await delta(other, demo, "F23")
    assert f23 == {"stations": len(haves), "sevenHaves": sum(1 for h in haves if all(h)),
                   "incomplete": sum(1 for h in haves if False in h),
                   "unknown": sum(1 for h in haves if False not in h and None in h)}


# --- work orders ------------------------------------------------------------------------

STATS = """query($end: Date) { workOrderStats(end: $end) {
  total { routed accepted returned closed }
  byTownship { code routed accepted returned closed } } }"""


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


async def test_grids_files_with_the_former_community_header_still_load(
        other: Loaded, demo: Database, client: httpx.AsyncClient, tmp_path: Path) -> None:
    (tmp_path / "grids.csv").write_text(
        "网格编码(code),网格名称(name),所属社区(community),设立日期(since)\n"
        "QY-T1-C1-G9,旧表头网格,QY-T1-C1,2020-01-01\n", encoding="utf-8")
    try:
        await import_path(demo, tmp_path, key=KEY)
        found = (await data(client, """{ unit(code: "QY-T1-C1-G9") {
          ... on Grid { parent { code } } } }"""))["unit"]
        assert found == {"parent": {"code": "QY-T1-C1"}}
    finally:
        await demo.write("admin.delete_records", codes=["QY-T1-C1-G9"])


async def test_browser_queries_draw_village_grids(other: Loaded, demo: Database) -> None:
    c = other.county
    for township in c.townships:
        rows = await demo.read("browser.grid_gaps", township=township, asOf=REPORT)
        facts = grid_facts(c, REPORT)
        expected = {g for g, f in facts.items() if f["township"] == township and (
            f["org"] is None or all(t == "part_time" for t in f["workers"]))}
        assert {r["grid"] for r in rows} == expected
    assert any(f["place"] in c.villages for g, f in grid_facts(c, REPORT).items()
               if f["org"] is None), "a village grid is among the gaps"
    village = "QY-T3-V2"
    rows = await demo.read("browser.four_level_chain", township="QY-T3", unit=village,
                           asOf=REPORT)
    drawn = {n.get("code") for n in _graph(rows)[0]}
    orgs = {f"P-{g}" for g, f in grid_facts(c, REPORT).items()
            if f["place"] == village and f["org"] is not None}
    assert orgs and orgs <= drawn


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
