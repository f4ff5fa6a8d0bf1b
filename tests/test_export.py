"""Gap lists exported as .xlsx over HTTP: Chinese headers, the same gaps the coverage query
lists for the same caller, and the jurisdiction of the caller (a township sees its own)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from hub.export import HEADERS, XLSX
from tests.graphql_helpers import REPORT_DAY, data

COVERAGE = """query($unit: String!, $asOf: Date) {
  coverage(dimension: HOUSEHOLDS_WITHOUT_MEMBER, unit: $unit, asOf: $asOf, first: 100) {
    ... on Coverage { gaps { totalCount nodes { code child } } } } }"""


def sheet_rows(body: bytes) -> list[list[Any]]:
    book = load_workbook(io.BytesIO(body), read_only=True)
    try:
        assert book.sheetnames == ["缺口清单", "说明", "数据缺项"]
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
    assert all(r[4] and r[5] for r in rows[1:]), "every gap has its reason in zh and en"


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
