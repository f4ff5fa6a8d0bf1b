"""The coverage engine over HTTP on the demo county: every dimension, with the gaps planted
in the demo county (docs/model.md "Planted gaps", seeds/demo-county/gaps.json)."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.core.settings import PROJECT_ROOT
from hub.files.registry import BY_NAME
from hub.graph.db import Database
from hub.importer import import_path
from hub.importer.ids import uscc_check_char
from hub.query.coverage import Dimension, query_name
from tests.graphql_helpers import REPORT_DAY, data

GAPS = json.loads((PROJECT_ROOT / "seeds" / "demo-county" / "gaps.json").read_text("utf-8"))

COVERAGE = """
query Cov($dimension: Dimension!, $unit: String!, $asOf: Date, $first: Int! = 100, $after: String) {
  coverage(dimension: $dimension, unit: $unit, asOf: $asOf, first: $first, after: $after) {
    __typename
    ... on Coverage {
      unit { code kind }
      whole { total covered gaps ratio }
      byChild { code name total covered gaps ratio }
      gaps { totalCount pageInfo { hasNextPage endCursor }
             nodes { code name child childName reasonZh reasonEn } }
      query
    }
    ... on UnitNotFound { code message }
    ... on PageTooLarge { asked limit message }
  }
}
"""


async def cover(client: httpx.AsyncClient, dimension: str, unit: str = "XC",
                as_of: str = REPORT_DAY, **more: Any) -> dict[str, Any]:
    result: dict[str, Any] = (await data(client, COVERAGE, dimension=dimension, unit=unit,
                                         asOf=as_of, **more))["coverage"]
    return result


def gap_codes(result: dict[str, Any]) -> list[str]:
    return [g["code"] for g in result["gaps"]["nodes"]]


async def test_no_grid_is_blank_at_the_report_date_but_history_and_new_grids_show(
        client: httpx.AsyncClient) -> None:
    now = await cover(client, "GRIDS_WITHOUT_PARTY_ORG")
    assert now["whole"] == {"total": 110, "covered": 110, "gaps": 0, "ratio": 1.0}
    assert [c["total"] for c in now["byChild"]] == [14, 14, 14, 14, 14, 14, 14, 12]
    before = await cover(client, "GRIDS_WITHOUT_PARTY_ORG", as_of="2022-06-30")
    assert "XC-T01-C01-G02" in gap_codes(before)
    later = await cover(client, "GRIDS_WITHOUT_PARTY_ORG", as_of="2024-06-30")
    assert gap_codes(later) == ["XC-T01-C01-G03"]
    assert later["gaps"]["nodes"][0]["reasonEn"] == "no grid Party branch or group in this grid"


async def test_grid_workers_cover_every_grid_but_three_have_only_part_timers(
        client: httpx.AsyncClient) -> None:
    assert (await cover(client, "GRIDS_WITHOUT_WORKER"))["whole"]["gaps"] == 0
    later = await cover(client, "GRIDS_WITHOUT_WORKER", as_of="2024-06-30")
    assert gap_codes(later) == ["XC-T01-C01-G03"]
    part_time = await cover(client, "GRIDS_ONLY_PART_TIME")
    assert gap_codes(part_time) == GAPS["gridsOnlyPartTime"]
    assert all(g["reasonEn"].startswith("only part-time") for g in part_time["gaps"]["nodes"])


async def test_households_without_a_linked_member_are_the_planted_ones_paged(
        client: httpx.AsyncClient) -> None:
    first = await cover(client, "HOUSEHOLDS_WITHOUT_MEMBER", first=50)
    assert first["whole"]["gaps"] == int(GAPS["householdsUnlinkedCount"][0])
    assert first["gaps"]["totalCount"] == first["whole"]["gaps"]
    assert gap_codes(first) == GAPS["householdsUnlinked"]
    assert first["gaps"]["pageInfo"]["hasNextPage"]
    second = await cover(client, "HOUSEHOLDS_WITHOUT_MEMBER", first=50,
                         after=first["gaps"]["pageInfo"]["endCursor"])
    assert gap_codes(second)[0] > gap_codes(first)[-1]
    assert sum(c["gaps"] for c in first["byChild"]) == first["whole"]["gaps"]


async def test_every_village_has_a_graduate_except_before_one_arrived(
        client: httpx.AsyncClient) -> None:
    now = await cover(client, "VILLAGES_WITHOUT_GRADUATE")
    assert now["whole"] == {"total": 81, "covered": 81, "gaps": 0, "ratio": 1.0}
    before = await cover(client, "VILLAGES_WITHOUT_GRADUATE", as_of="2022-12-31")
    assert "XC-T01-V01" in gap_codes(before)


async def test_enterprises_without_work_coverage_are_the_planted_ones(
        client: httpx.AsyncClient) -> None:
    work = await cover(client, "ENTERPRISES_WITHOUT_WORK_COVERAGE")
    assert gap_codes(work) == sorted(GAPS["enterprisesUncovered"])
    organised = await cover(client, "ENTERPRISES_WITHOUT_ORG")
    assert organised["whole"]["total"] == work["whole"]["total"]
    assert organised["whole"]["covered"] < work["whole"]["covered"]
    assert organised["gaps"]["totalCount"] == organised["whole"]["gaps"] > len(gap_codes(work))


async def test_weak_and_lax_cases_all_rectified_by_the_report_date(
        client: httpx.AsyncClient) -> None:
    now = await cover(client, "WEAK_LAX_NOT_RECTIFIED")
    assert now["whole"] == {"total": 6, "covered": 6, "gaps": 0, "ratio": 1.0}
    earlier = await cover(client, "WEAK_LAX_NOT_RECTIFIED", as_of="2022-10-01")
    assert gap_codes(earlier) == ["WL-04", "WL-05", "WL-06"]
    assert earlier["gaps"]["nodes"][0]["reasonEn"] == (
        "weak and lax, not yet rectified (designated 2021-04-15)")
    later = await cover(client, "WEAK_LAX_NOT_RECTIFIED", as_of="2024-06-30")
    assert gap_codes(later) == ["WL-07"] and later["whole"]["total"] == 7


async def test_stations_missing_haves_name_what_they_lack(client: httpx.AsyncClient) -> None:
    result = await cover(client, "STATIONS_MISSING_HAVES")
    reasons = {g["code"]: g["reasonEn"] for g in result["gaps"]["nodes"]}
    assert reasons == {"FAC-WS-03": "missing: air conditioning",
                       "FAC-WS-05": "missing: shared power bank, free Wi-Fi"}


async def test_communities_where_no_agency_member_reported(client: httpx.AsyncClient) -> None:
    result = await cover(client, "COMMUNITIES_WITHOUT_REPORT")
    assert gap_codes(result) == GAPS["communitiesNoReport"]
    assert result["whole"]["total"] == 55


async def test_branches_breaking_the_size_rules(client: httpx.AsyncClient) -> None:
    result = await cover(client, "BRANCHES_BREAKING_SIZE_RULES")
    reasons = {g["code"]: g["reasonEn"] for g in result["gaps"]["nodes"]}
    assert set(reasons) == {"P-XC-T04-C01-G01", "P-XC-T05-C01-G01"}
    assert reasons["P-XC-T04-C01-G01"].startswith("fewer than 3 full members")
    assert reasons["P-XC-T05-C01-G01"].startswith("more than 50 members")
    assert result["whole"]["total"] == 94


async def test_a_township_breaks_down_per_community(client: httpx.AsyncClient) -> None:
    result = await cover(client, "GRIDS_ONLY_PART_TIME", unit="XC-T02")
    assert result["unit"] == {"code": "XC-T02", "kind": "TOWNSHIP"}
    per_child = {c["code"]: c for c in result["byChild"]}
    assert per_child["XC-T02-C01"]["gaps"] == 2 and per_child["XC-T02-C01"]["ratio"] == 0.0
    assert result["whole"]["gaps"] == 2
    assert "$unit" in result["query"] and "$scope" in result["query"]


@pytest.mark.parametrize(("variables", "typename"), [
    ({"unit": "XC-NOWHERE"}, "UnitNotFound"),
    ({"first": 101}, "PageTooLarge"),
])
async def test_expected_failures_are_typed_results(client: httpx.AsyncClient,
                                                   variables: dict[str, Any], typename: str
                                                   ) -> None:
    result = await cover(client, "GRIDS_WITHOUT_WORKER", **variables)
    assert result["__typename"] == typename
    assert " / " in result["message"]


@pytest.mark.parametrize("dimension", ["ENTERPRISES_WITHOUT_ORG",
                                       "ENTERPRISES_WITHOUT_WORK_COVERAGE"])
async def test_an_enterprise_in_the_township_itself_has_no_child(
        client: httpx.AsyncClient, dimension: str) -> None:
    """A gap's child is the community it lies in, or null when it lies in the township asked:
    never the enterprise itself. Expected from the seed rows (`territory`)."""
    with (PROJECT_ROOT / "seeds" / "demo-county" / "enterprises.csv").open(
            encoding="utf-8") as fh:
        territory = {row[0]: row[4] for row in list(csv.reader(fh))[1:]}
    direct = 0
    for township in sorted({t[:6] for t in territory.values()}):
        result = await cover(client, dimension, unit=township)
        children = {c["code"] for c in result["byChild"]}
        for gap in result["gaps"]["nodes"]:
            lies_in = territory[gap["code"]]
            expected = None if lies_in == township else lies_in
            assert gap["child"] == expected, gap
            assert gap["child"] is None or gap["child"] in children
            direct += expected is None
    assert direct > 0, "the demo county has uncovered enterprises directly in a township"


@pytest.fixture
async def shaped(demo: Database, tmp_path: Path) -> AsyncIterator[dict[str, str]]:
    """A township the test makes up: a few communities, enterprises placed at random in the
    township itself or in one of its communities, none covered. {USCC: where it lies}."""
    rng = random.Random(16)
    township = "XC-TZ16"
    communities = [f"{township}-C{n:02d}" for n in range(1, rng.randint(2, 4) + 1)]
    places = [township, *communities]
    lies_in = {}
    for n in range(rng.randint(8, 14)):
        body = f"91990316MA{n:07d}"
        lies_in[body + uscc_check_char(body)] = places[0] if n == 0 else rng.choice(places)
    tables = {"townships": [[township, "造形镇", "XC", "2020-01-01"]],
              "communities": [[c, f"造形社区{c[-2:]}", township, "2020-01-01"]
                              for c in communities],
              "enterprises": [[code, f"造形企业{n}", "culture_tourism", "12", place,
                               "2020-01-01"] for n, (code, place) in enumerate(lies_in.items())]}
    for kind, rows in tables.items():
        header = ",".join(col.header for col in BY_NAME[kind].columns)
        (tmp_path / f"{kind}.csv").write_text(
            header + "\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    await import_path(demo, tmp_path, key=b"test-key")
    yield lies_in
    await demo.write("admin.delete_records", codes=[township, *communities, *lies_in])


@pytest.mark.parametrize("dimension", ["ENTERPRISES_WITHOUT_ORG",
                                       "ENTERPRISES_WITHOUT_WORK_COVERAGE"])
async def test_enterprise_gaps_name_their_child_unit_in_a_county_of_another_shape(
        client: httpx.AsyncClient, shaped: dict[str, str], dimension: str) -> None:
    township = "XC-TZ16"
    result = await cover(client, dimension, unit=township, as_of="2024-06-30")
    assert result["whole"]["total"] == result["whole"]["gaps"] == len(shaped)
    children = {g["code"]: g["child"] for g in result["gaps"]["nodes"]}
    assert children == {code: None if place == township else place
                        for code, place in shaped.items()}
    direct = sum(1 for place in shaped.values() if place == township)
    assert sum(c["total"] for c in result["byChild"]) == len(shaped) - direct
    county = await cover(client, dimension, as_of="2024-06-30", first=100)
    mine = {g["code"]: g["child"] for g in county["gaps"]["nodes"] if g["code"] in shaped}
    assert county["gaps"]["totalCount"] <= 100 and mine == dict.fromkeys(shaped, township)


@pytest.mark.parametrize("dimension", list(Dimension))
async def test_coverage_rows_are_taken_as_the_driver_gives_them(demo: Database,
                                                                dimension: Dimension) -> None:
    """`read_plain` skips `Record.data()`: a coverage query's rows hold no nodes, so they
    are the same rows either way, for the county and a township."""
    for unit in ("XC", "XC-T02"):
        params = {"unit": unit, "asOf": date(2023, 6, 30), "scope": None}
        plain = await demo.read_plain(query_name(dimension), **params)
        assert plain == await demo.read(query_name(dimension), **params)
        assert len(plain) == 1 and plain[0]["code"] == unit
