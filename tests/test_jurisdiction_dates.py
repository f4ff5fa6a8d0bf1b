"""Jurisdiction as of the date asked: a household that moved from township XC-T01 to XC-T02
belongs to XC-T01's staff for the years it lay there and to XC-T02's from the move on, never
to both. Every scope check of the hub's Cypher follows only `:IN` links open on that date
(or, for edits and uploads, today). Own records use codes `ZJ…` and are deleted after.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path

import httpx
import pytest

from hub.db import Database
from hub.importer import import_path
from hub.importer.registry import BY_NAME
from tests.graphql_helpers import data
from tests.test_upload import workbook

KEY = b"test-key"
LOOKUP = """query($day: Date!) { household(code: "ZJ-H1", asOf: $day) {
  __typename ... on Household { parent { code } } } }"""


def households(folder: Path, *rows: list[str]) -> Path:
    folder.mkdir()
    header = ",".join(col.header for col in BY_NAME["households"].columns)
    body = "".join(",".join(row) + "\n" for row in rows)
    (folder / "households.csv").write_text(header + "\n" + body, encoding="utf-8")
    return folder


@pytest.fixture
async def moved(demo: Database, tmp_path: Path) -> AsyncIterator[None]:
    """ZJ-H1: in a grid of XC-T01 from 2021, closed there at 2024-01-01, then in XC-T02."""
    row = ["ZJ-H1", "迁户", "", "2", ""]
    for step, (grid, since, until) in enumerate([
            ("XC-T01-C01-G01", "2021-01-01", ""), ("XC-T01-C01-G01", "2021-01-01", "2024-01-01"),
            ("XC-T02-C01-G01", "2024-01-01", "")]):
        await import_path(demo, households(tmp_path / str(step), [*row, grid, since, until]),
                          key=KEY)
    yield
    await demo.write("admin.delete_records", codes=["ZJ-H1"])


@pytest.mark.parametrize(("day", "township", "seen"), [
    ("2023-06-30", "XC-T01", "XC-T01-C01-G01"), ("2023-06-30", "XC-T02", None),
    ("2025-06-30", "XC-T01", None), ("2025-06-30", "XC-T02", "XC-T02-C01-G01")])
async def test_a_moved_household_belongs_to_one_township_at_a_time(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], moved: None,
    day: str, township: str, seen: str | None,
) -> None:
    found = (await data(client, LOOKUP, bearer("township", township), day=day))["household"]
    if seen is None:
        assert found == {"__typename": "HouseholdNotFound"}
    else:
        assert found == {"__typename": "Household", "parent": {"code": seen}}
    county = (await data(client, LOOKUP, day=day))["household"]
    assert county["__typename"] == "Household", "the county sees it on both dates"


async def test_a_township_cannot_change_by_upload_what_has_moved_out(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], demo: Database,
    moved: None,
) -> None:
    resized = workbook("households",
                       ["ZJ-H1", "迁户", "", "5", "", "XC-T02-C01-G01", "2024-01-01", ""])
    refused = await client.post("/import", content=resized, headers=bearer("township", "XC-T01"))
    assert refused.status_code == 403
    assert sorted((p["row"], p["value"]) for p in refused.json()["problems"]) == [
        (2, "XC-T02-C01-G01"), (2, "ZJ-H1")]
    rows = await demo.read("units.household_by_code", codes=["ZJ-H1"], asOf=date(2025, 6, 30),
                           scope=None)
    assert rows[0]["size"] == 2, "nothing was written"
    done = await client.post("/import", content=resized, headers=bearer("township", "XC-T02"))
    assert done.status_code == 200, done.text
