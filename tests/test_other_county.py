"""A county shaped unlike the demo county (tests/other_county.py: most grids in villages,
empty optional cells, a grid and a household that moved township), loaded through the real
importer beside the demo county and deleted after (tests/other_county_load.py). Every
expected value is computed here from the generated rows; figures are county-wide, so they
are compared as the difference the second county makes to the demo county's. Grids,
coverage, figures and Browser queries here; the other answers in test_other_county_answers.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from hub.graph.db import Database
from hub.importer import import_path
from tests.graphql_helpers import data
from tests.other_county import MOVED_GRID, MOVED_ON
from tests.other_county_load import (
    BEFORE_MOVES,
    GRID_RULES,
    KEY,
    REPORT,
    Loaded,
    by_child,
    counts,
    delta,
    grid_facts,
    loaded_beside,
    measured,
    open_on,
)
from tests.test_browser_queries import _graph


@pytest.fixture(scope="module")
async def other(demo: Database, tmp_path_factory: pytest.TempPathFactory
                ) -> AsyncIterator[Loaded]:
    async with loaded_beside(demo, tmp_path_factory.mktemp("other-county")) as loaded:
        yield loaded


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


async def test_the_regional_brand_is_counted_whatever_its_name(
        other: Loaded, demo: Database) -> None:
    products = [r for r in other.rows("products")
                if r["brand"] == "BR-QYSZ" and r["brandSince"] <= REPORT]
    honours = [r for r in other.rows("honours") if r["on"] <= REPORT]
    assert await delta(other, demo, "F11") == {"products": len(products),
                                                "honours": len(honours)}


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
