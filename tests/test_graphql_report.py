"""countyReport and auditReport over HTTP: every numeric figure F1–F26 of the report, each
with its definition and its query text, and claims held against the graph."""

from __future__ import annotations

from typing import Any

import httpx

from hub.cypher import Queries
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
    checks { id part claimed actual status }
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
