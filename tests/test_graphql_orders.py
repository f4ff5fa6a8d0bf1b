"""Work-order figures over HTTP (F19): counts, both rates with their definitions, per
department and per township."""

from __future__ import annotations

import httpx

from tests.graphql_helpers import REPORT_DAY, data, gql

STATS = """
query Stats($start: Date, $end: Date) {
  workOrderStats(start: $start, end: $end) {
    start end counting
    total { routed accepted returned closed
            acceptanceRate { percent numerator denominator definition }
            closureRate { percent numerator denominator definition } }
    byDepartment { code routed accepted returned closed closureRate { percent } }
    byTownship { code name routed accepted returned closed acceptanceRate { percent } }
  }
}
"""


async def test_f19_work_orders_as_the_report_states_them(client: httpx.AsyncClient) -> None:
    stats = (await data(client, STATS, end=REPORT_DAY))["workOrderStats"]
    total = stats["total"]
    assert (total["routed"], total["accepted"], total["returned"], total["closed"]) == (
        2196, 2150, 46, 2150)
    assert total["acceptanceRate"]["percent"] == 97.9
    assert total["closureRate"] == {
        "percent": 97.9, "numerator": 2150, "denominator": 2196,
        "definition": total["closureRate"]["definition"]}
    assert "closed orders ÷ routed orders" in total["closureRate"]["definition"]
    assert "受理工单数 ÷ 流转工单数" in total["acceptanceRate"]["definition"]


async def test_the_breakdowns_add_up_to_the_total(client: httpx.AsyncClient) -> None:
    stats = (await data(client, STATS, end=REPORT_DAY))["workOrderStats"]
    townships = stats["byTownship"]
    assert len(townships) == 8
    assert sum(t["routed"] for t in townships) == 2196
    assert sum(t["closed"] for t in townships) == 2150
    departments = stats["byDepartment"]
    assert sum(d["routed"] for d in departments) >= 2196
    assert sum(d["closed"] for d in departments) >= 2150


async def test_a_period_counts_only_its_own_steps(client: httpx.AsyncClient) -> None:
    whole = (await data(client, STATS, end="2030-12-31"))["workOrderStats"]["total"]
    before = (await data(client, STATS, end=REPORT_DAY))["workOrderStats"]["total"]
    after = (await data(client, STATS, start="2023-07-01",
                        end="2030-12-31"))["workOrderStats"]["total"]
    assert whole["routed"] > before["routed"]
    assert after["routed"] == whole["routed"] - before["routed"]


async def test_a_period_that_ends_before_it_starts_is_refused(client: httpx.AsyncClient) -> None:
    body = await gql(client, STATS, start="2023-06-30", end="2023-01-01")
    error = body["errors"][0]
    incident = error["extensions"].pop("incident")
    assert error["extensions"] == {"code": "BadPeriod", "start": "2023-06-30",
                                   "end": "2023-01-01"}
    assert len(incident) == 12
    assert "invalid period" in error["message"]
