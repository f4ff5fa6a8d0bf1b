"""Every numeric figure F1–F26 of the county report, computed by `cypher/figures/*` on the
demo county (loaded through the importer into a real Neo4j), against the report's value.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from hub.graph.cypher import Queries
from hub.graph.db import Database
from tests.graphql_helpers import data

REPORT_DATE = date(2023, 6, 30)

# The report's values, under the definitions of docs/model.md ("Figures").
EXPECTED: dict[str, dict[str, Any]] = {
    "F01": {"centres": 7},
    "F02": {"venues": 27},
    "F03": {"sites": 12},
    "F04": {"designated": 6, "rectified": 6},
    "F05": {"titles": 132, "rewardYuan": 660_000},
    "F06": {"cadres": 25},
    "F07": {"graduates": 124, "villagesCovered": 81, "villages": 81, "allVillagesCovered": 1},
    "F08": {"villages": 81, "villagesWithPlan": 81, "villagesWithProduct": 81},
    "F10": {"problems": 21},
    "F11": {"products": 3, "honours": 2},
    "F12": {"grids": 110},
    "F13": {"gridOrgsOffChain": 0, "gridOrgs": 112},
    "F14": {"branches": 94, "groups": 18, "grids": 110, "gridsCovered": 110, "gridsBlank": 0},
    "F15": {"sectors": 5},
    "F16": {"workers": 671, "gridsCovered": 110, "gridsBlank": 0},
    "F17": {"agencyOrgs": 56, "activities": 189, "problems": 137},
    "F18": {"departments": 132},
    "F19": {"routed": 2196, "accepted": 2150, "returned": 46, "acceptancePct": 97.9,
            "closed": 2150, "closurePct": 97.9},
    "F20": {"industries": 3, "industryOrgs": 3},
    "F21": {"instructors": 57},
    "F22": {"enterpriseOrgs": 8},
    "F24": {"campaigns": 1},
    "F26": {"demoSites": 2, "partyAffairsWorkers": 12, "outstandingMembers": 8},
}


async def figure(db: Database, number: str, as_of: date = REPORT_DATE) -> dict[str, Any]:
    rows = await db.read(f"figures.{number}", asOf=as_of)
    assert all(set(row) == {"part", "value"} for row in rows), rows
    return {row["part"]: row["value"] for row in rows}


def test_every_figure_has_a_file_with_a_definition() -> None:
    queries = Queries()
    for n in range(1, 27):
        query = queries[f"figures.F{n:02d}"]
        assert f"F{n} " in query.doc and "$asOf" in query.doc
        assert "$asOf" in query.text


@pytest.mark.parametrize("number", sorted(EXPECTED))
async def test_figure_matches_the_report(demo: Database, number: str) -> None:
    got = await figure(demo, number)
    for part, value in EXPECTED[number].items():
        assert got[part] == value, f"{number}.{part}: {got[part]} != report {value}"


async def test_f7_coverage_is_153_percent_of_administrative_villages(demo: Database) -> None:
    got = await figure(demo, "F07")
    assert round(got["coveragePct"]) == 153
    assert got["coveragePct"] == round(100 * 124 / 81, 1)


async def test_f17_more_than_1200_members_report(demo: Database) -> None:
    got = await figure(demo, "F17")
    assert 1200 < got["members"] < 1300


async def test_f25_ten_and_more_publications(demo: Database) -> None:
    got = await figure(demo, "F25")
    assert 10 < got["publications"] < 20


async def test_qualitative_and_structural_figures_are_meaningful(demo: Database) -> None:
    f9 = await figure(demo, "F09")
    assert f9["cooperatives"] > 0 and f9["leadingOrgs"] > 0 and f9["farmerHouseholds"] > 0
    f13 = await figure(demo, "F13")
    assert f13["townshipCommittees"] == 8 and f13["villageCommunityOrgs"] == 81 + 55
    assert f13["linkingMembers"] > 0 and f13["linkedHouseholds"] > 0
    f15 = await figure(demo, "F15")
    assert f15["jointCommittees"] == f15["communities"] == 55
    f16 = await figure(demo, "F16")
    assert f16["fullTime"] + f16["dedicated"] + f16["partTime"] == 671
    assert min(f16["fullTime"], f16["dedicated"], f16["partTime"]) > 0
    f21 = await figure(demo, "F21")
    assert f21["oneToOne"] + f21["oneToMany"] == 57 and f21["oneToMany"] > 0
    f23 = await figure(demo, "F23")
    assert f23["stations"] == 6 and f23["sevenHaves"] == 4 and f23["incomplete"] == 2
    f24 = await figure(demo, "F24")
    assert f24["publications"] > 0


async def test_figures_answer_as_of_an_earlier_or_later_date(demo: Database) -> None:
    mid_2022 = date(2022, 6, 30)
    assert (await figure(demo, "F14", mid_2022))["gridsBlank"] == 1
    assert (await figure(demo, "F22", mid_2022))["enterpriseOrgs"] == 9
    assert (await figure(demo, "F04", date(2022, 12, 31)))["rectified"] == 5
    assert (await figure(demo, "F07", date(2022, 12, 31)))["allVillagesCovered"] == 0
    assert (await figure(demo, "F18", date(2022, 12, 31)))["departments"] == 133
    assert (await figure(demo, "F05", date(2022, 12, 1)))["titles"] == 0
    assert (await figure(demo, "F06", date(2023, 7, 1)))["cadres"] == 26
    later = await figure(demo, "F19", date(2024, 12, 31))
    assert later["routed"] == 2196 + 40 and later["closed"] == 2150 + 20


async def test_figures_with_nothing_to_count_say_zero(demo: Database) -> None:
    """Before anything happened every figure still has all its parts, each 0 (auditReport
    can then bear out a claim of 0)."""
    for n in range(1, 27):
        number = f"F{n:02d}"
        empty, full = await figure(demo, number, date(1900, 1, 1)), await figure(demo, number)
        assert list(empty) == list(full), number
        # F8 counts the administrative villages there are, whatever the plans' dates.
        assert all(v == 0 for p, v in empty.items() if (number, p) != ("F08", "villages")), (
            number, empty)


AUDIT = """query($claims: [ClaimInput!]!, $asOf: Date) {
  auditReport(claims: $claims, asOf: $asOf) { checks { id status } } }"""


async def test_the_audit_bears_out_a_true_claim_of_nothing(client: httpx.AsyncClient) -> None:
    claims = [{"id": f"F{n}", "value": 0} for n in (1, 2, 3, 6, 10, 12, 18, 22, 25)]
    audit = (await data(client, AUDIT, claims=claims, asOf="1900-01-01"))["auditReport"]
    assert [(c["id"], c["status"]) for c in audit["checks"]] == [
        (c["id"], "BORNE_OUT") for c in claims]
