"""Work-order figures over HTTP (F19): counts, both rates with their definitions, per
department and per township."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from hub.graph.db import Database
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


MONTHS = """
query Months($start: Date, $end: Date) {
  workOrderStats(start: $start, end: $end) {
    total { routed closed }
    byMonth { month
              total { routed accepted returned closed closureRate { percent } }
              byTownship { code name routed closed acceptanceRate { percent } } }
  }
}
"""


def _steps_by_month(start: str, end: str) -> dict[tuple[str, str], set[str]]:
    """Orders with a step of each status in each month, read from the demo county's files."""
    import csv
    from collections import defaultdict

    from hub.core.settings import PROJECT_ROOT

    path = PROJECT_ROOT / "seeds" / "demo-county" / "order_steps.csv"
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            on = row["日期(on)"]
            if start <= on <= end:
                found[(on[:7], row["状态(status)"])].add(row["工单编号(order)"])
    return found


async def test_per_month_figures_match_the_steps_and_add_up(client: httpx.AsyncClient) -> None:
    stats = (await data(client, MONTHS, start="2023-01-01", end=REPORT_DAY))["workOrderStats"]
    steps = _steps_by_month("2023-01-01", REPORT_DAY)
    months = stats["byMonth"]
    assert [m["month"] for m in months] == sorted({m for m, _ in steps})
    for month in months:
        key, total = month["month"], month["total"]
        for status in ("routed", "accepted", "returned", "closed"):
            assert total[status] == len(steps.get((key, status), set())), (key, status)
        assert sum(t["routed"] for t in month["byTownship"]) == total["routed"]
        assert sum(t["closed"] for t in month["byTownship"]) == total["closed"]
        assert all(t["name"] for t in month["byTownship"])
    # An order is routed once, so the months share out the period's routed orders.
    assert sum(m["total"]["routed"] for m in months) == stats["total"]["routed"]


async def test_a_township_sees_only_its_own_months(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    stats = (await data(client, MONTHS, bearer("township", "XC-T02"),
                        end=REPORT_DAY))["workOrderStats"]
    county = (await data(client, MONTHS, end=REPORT_DAY))["workOrderStats"]
    mine = {m["month"]: m["total"]["routed"] for m in stats["byMonth"]}
    assert {t["code"] for m in stats["byMonth"] for t in m["byTownship"]} == {"XC-T02"}
    expected = {m["month"]: t["routed"] for m in county["byMonth"] for t in m["byTownship"]
                if t["code"] == "XC-T02"}
    assert mine == expected


@pytest.fixture
async def own_orders(demo: Database, tmp_path: Path) -> AsyncIterator[list[list[str]]]:
    """Orders of the test's own (codes ZJ-WO…) in years no demo order reaches: one routed in
    January and closed in March (nothing in February), one routed and returned in January,
    in two townships; the steps are returned for the test to count from."""
    from hub.files.registry import BY_NAME
    from hub.importer import import_path

    orders = [["ZJ-WO1", "测试工单", "其他", "2031-01-05", "XC-T03-C01-G01"],
              ["ZJ-WO2", "测试工单", "其他", "2031-01-09", "XC-T05-V01"]]
    steps = [["ZJ-WO1", "1", "routed", "2031-01-05", "D-001"],
             ["ZJ-WO1", "2", "accepted", "2031-01-06", "D-001"],
             ["ZJ-WO1", "3", "closed", "2031-03-02", "D-001"],
             ["ZJ-WO2", "1", "routed", "2031-01-09", "D-002"],
             ["ZJ-WO2", "2", "returned", "2031-01-10", "D-002"]]
    for kind, rows in (("work_orders", orders), ("order_steps", steps)):
        header = ",".join(col.header for col in BY_NAME[kind].columns)
        (tmp_path / f"{kind}.csv").write_text(
            header + "\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    await import_path(demo, tmp_path, key=b"test-key")
    yield steps
    await demo.write("admin.delete_records", codes=["ZJ-WO1", "ZJ-WO2"])


async def test_per_month_figures_of_orders_the_test_made(
        client: httpx.AsyncClient, own_orders: list[list[str]]) -> None:
    stats = (await data(client, MONTHS, start="2031-01-01", end="2031-12-31"))["workOrderStats"]
    expected: dict[str, dict[str, int]] = {}
    for _, _, status, on, _ in own_orders:
        month = expected.setdefault(on[:7], dict.fromkeys(
            ("routed", "accepted", "returned", "closed"), 0))
        month[status] += 1
    found = {m["month"]: {k: m["total"][k] for k in ("routed", "accepted", "returned", "closed")}
             for m in stats["byMonth"]}
    assert found == expected and "2031-02" not in found
    january = next(m for m in stats["byMonth"] if m["month"] == "2031-01")
    assert {(t["code"], t["routed"], t["closed"]) for t in january["byTownship"]} == {
        ("XC-T03", 1, 0), ("XC-T05", 1, 0)}
    assert january["total"]["closureRate"]["percent"] == 0.0
    march = next(m for m in stats["byMonth"] if m["month"] == "2031-03")
    assert march["total"]["closureRate"]["percent"] is None  # nothing routed in March
