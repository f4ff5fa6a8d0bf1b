"""countyReport and auditReport over HTTP: every numeric figure F1–F26 of the report, each
with its definition and its query text, and claims held against the graph."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import httpx

from hub.core.settings import Settings
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.http.app import create_app
from schema.audit_report import ClaimInput, ClaimStatus
from schema.audit_report import check as audit_check
from schema.report import Computed, FigureFailure
from tests.graphql_helpers import REPORT_DAY, data
from tests.test_model_figures import EXPECTED

REPORT = """
query Report($asOf: Date) {
  countyReport(asOf: $asOf) { asOf figures { id value parts { name value } definition query } }
}
"""

AUDIT = """
query Audit($claims: [ClaimInput!]!, $asOf: Date) {
  auditReport(claims: $claims, asOf: $asOf) {
    checks { id part claimed actual status reasonZh reasonEn unit claimedUnit }
    borneOut { id part }
    notBorneOut { id part claimed actual status }
  }
}
"""


async def test_the_county_report_states_every_figure(client: httpx.AsyncClient) -> None:
    report = (await data(client, REPORT, asOf=REPORT_DAY))["countyReport"]
    figures = {f["id"]: f for f in report["figures"]}
    assert list(figures) == [f"F{n}" for n in range(1, 27)]
    queries = Queries()
    for number, parts in EXPECTED.items():
        figure = figures["F" + str(int(number[1:]))]
        values = {p["name"]: p["value"] for p in figure["parts"]}
        assert {k: values[k] for k in parts} == parts, number
        assert figure["query"] == queries[f"figures.{number}"].text
        assert figure["definition"] == queries[f"figures.{number}"].doc
    assert figures["F7"]["value"] == 124
    assert {p["name"]: p["value"] for p in figures["F7"]["parts"]}["coveragePct"] == 153.1
    assert {p["name"]: p["value"] for p in figures["F17"]["parts"]}["members"] >= 1200
    assert figures["F25"]["value"] >= 10
    assert figures["F19"]["value"] == 2196


async def test_the_audit_sets_altered_claims_apart(client: httpx.AsyncClient) -> None:
    claims: list[dict[str, Any]] = [
        {"id": "F12", "value": 110},
        {"id": "F19", "part": "closurePct", "value": 97.9},
        {"id": "F19", "part": "closed", "value": 2196},
        {"id": "F16", "value": 700},
        {"id": "F17", "part": "members", "value": 1200, "atLeast": True},
        {"id": "F14", "part": "groups", "value": 18},
        {"id": "F5", "part": "rewardYuan", "value": 600000},
        {"id": "F99", "value": 1},
    ]
    audit = (await data(client, AUDIT, claims=claims, asOf=REPORT_DAY))["auditReport"]
    assert [(c["id"], c["part"]) for c in audit["borneOut"]] == [
        ("F12", "grids"), ("F19", "closurePct"), ("F17", "members"), ("F14", "groups")]
    wrong = {(c["id"], c["part"]): (c["claimed"], c["actual"], c["status"])
             for c in audit["notBorneOut"]}
    assert wrong == {("F19", "closed"): (2196, 2150, "NOT_BORNE_OUT"),
                     ("F16", "workers"): (700, 671, "NOT_BORNE_OUT"),
                     ("F5", "rewardYuan"): (600000, 660000, "NOT_BORNE_OUT"),
                     ("F99", None): (1, None, "UNKNOWN_FIGURE")}
    assert len(audit["checks"]) == len(claims)


async def test_every_verdict_says_why(client: httpx.AsyncClient) -> None:
    claims: list[dict[str, Any]] = [
        {"id": "F7", "part": "coveragePct", "value": 153},
        {"id": "F7", "part": "coveragePct", "value": 152},
        {"id": "F7", "part": "coveragePct", "value": 153.1},
        {"id": "F7", "part": "coveragePct", "value": 1.531, "unit": "RATIO"},
        {"id": "F7", "part": "coveragePct", "value": 1.531},
        {"id": "F7", "part": "coveragePct", "value": 153, "unit": "YUAN"},
        {"id": "F7", "part": "nope", "value": 1},
        {"id": "F99", "value": 1},
        {"id": "F17", "part": "members", "value": 1200, "atLeast": True},
    ]
    audit = (await data(client, AUDIT, claims=claims, asOf=REPORT_DAY))["auditReport"]
    checks = audit["checks"]
    assert [c["status"] for c in checks] == [
        "BORNE_OUT", "NOT_BORNE_OUT", "BORNE_OUT", "BORNE_OUT", "NOT_BORNE_OUT",
        "NOT_BORNE_OUT", "UNKNOWN_PART", "UNKNOWN_FIGURE", "BORNE_OUT"]
    for check in checks:
        assert check["reasonZh"] and check["reasonEn"], check
    assert "153.1" in checks[0]["reasonEn"] and "0 decimals" in checks[0]["reasonEn"]
    assert "not 152" in checks[1]["reasonEn"] and "不符" in checks[1]["reasonZh"]
    assert checks[0]["unit"] == "PERCENT" and checks[0]["claimedUnit"] is None
    assert "153.1 %" in checks[3]["reasonEn"]
    assert "unit: RATIO" in checks[4]["reasonEn"]
    assert "cannot be compared" in checks[5]["reasonEn"]
    # An unknown part keeps its name, and the reason lists the figure's parts.
    assert checks[6]["part"] == "nope"
    assert "coveragePct" in checks[6]["reasonEn"] and "villages" in checks[6]["reasonEn"]
    assert "F1–F26" in checks[7]["reasonEn"]
    assert "at least" in checks[8]["reasonEn"]


async def test_a_figure_that_times_out_fails_alone(
        settings: Settings, demo: Database, bearer: Callable[..., dict[str, str]]) -> None:
    """F13 gets a time limit of a millisecond, which no figure meets; the other 25 figures
    are computed all the same."""
    hasty = replace(settings, limits=replace(settings.limits, figure_timeouts={"F13": 0.001}))
    app = create_app(hasty)
    query = """query($asOf: Date) { countyReport(asOf: $asOf) {
      figures { id value } failed { id code message incident definition } } }"""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub",
                                     headers=bearer("county")) as http:
            report = (await data(http, query, asOf=REPORT_DAY))["countyReport"]
    assert [f["id"] for f in report["figures"]] == [f"F{n}" for n in range(1, 27) if n != 13]
    assert figures_match(report["figures"])
    [failure] = report["failed"]
    assert failure["id"] == "F13" and failure["code"] == "QueryTimeout"
    assert "查询超时" in failure["message"] and "timed out" in failure["message"]
    assert failure["incident"] and failure["definition"]
    # A claim on the figure that failed is not judged: it says why.
    computed = Computed(figures=[], failed=[FigureFailure(**failure)])
    check = audit_check(ClaimInput(id="F13", value=1), computed, ["F1", "F26"])
    assert check.status is ClaimStatus.NOT_COMPUTED and check.actual is None
    assert "F13 could not be computed" in check.reason_en and "查询超时" in check.reason_zh


def figures_match(figures: list[dict[str, Any]]) -> bool:
    """The figures computed beside a failed one are the report's own values."""
    values = {f["id"]: f["value"] for f in figures}
    return values["F7"] == 124 and values["F19"] == 2196
