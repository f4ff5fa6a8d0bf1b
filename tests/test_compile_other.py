"""Compiled queries on a county the test generates (tests/other_county.py: most grids in
villages, a grid that moved township, other sizes): the answers equal the DataLoaders' and
the rows the generator placed, before and after the move, for the county and for a
township caller (who sees only its own township)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import httpx
import pytest

from hub.graph.db import Database
from tests.other_county import MOVED_GRID, MOVED_ON
from tests.other_county_load import Loaded, loaded_beside
from tests.test_compile_answers import both, plain  # noqa: F401 (the fixture)

PLACES = """query Places($code: String!, $asOf: Date!) {
  unit(code: $code, asOf: $asOf) { ... on Township { code
    villages(first: 20) { totalCount nodes { code grids(first: 20) { totalCount
      nodes { code partyOrgs { totalCount nodes { code orgKind
        members(first: 50) { totalCount nodes { code } } } } } } } }
    communities(first: 20) { totalCount nodes { code grids { totalCount nodes { code } } } } } }
}"""
DAYS = (date(2022, 6, 30), MOVED_ON, date(2023, 6, 30))


@pytest.fixture(scope="module")
async def other(demo: Database, tmp_path_factory: pytest.TempPathFactory
                ) -> AsyncIterator[Loaded]:
    async with loaded_beside(demo, tmp_path_factory.mktemp("compile-other")) as loaded:
        yield loaded


def placed(other: Loaded, parent: str, day: date, among: list[str]) -> list[str]:
    """The codes the generator placed under `parent` on `day`, in code order."""
    return sorted(k.child for k in other.county.links
                  if k.parent == parent and k.open_on(day) and k.child in among)


@pytest.mark.parametrize("day", DAYS)
async def test_places_and_grids_as_generated(
        other: Loaded, client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
        bearer: Callable[..., dict[str, str]], day: date) -> None:
    c = other.county
    for township in c.townships:
        for who in (bearer("county"), bearer("township", township)):
            body, trips = await both(client, plain, PLACES, who, code=township,
                                     asOf=day.isoformat())
            assert trips == 1
            town = body["data"]["unit"]
            villages = placed(other, township, day, c.villages)
            assert [v["code"] for v in town["villages"]["nodes"]] == villages
            assert town["villages"]["totalCount"] == len(villages)
            for village in town["villages"]["nodes"]:
                grids = placed(other, village["code"], day, c.grids)
                assert [g["code"] for g in village["grids"]["nodes"]] == grids
            communities = placed(other, township, day, c.communities)
            assert [m["code"] for m in town["communities"]["nodes"]] == communities


async def test_the_moved_grid_changes_township_on_its_day(
        other: Loaded, client: httpx.AsyncClient, plain: httpx.AsyncClient,  # noqa: F811
        bearer: Callable[..., dict[str, str]]) -> None:
    def grids_of(body: dict[str, Any]) -> set[str]:
        town = body["data"]["unit"]
        return {g["code"] for v in town["villages"]["nodes"] for g in v["grids"]["nodes"]}

    for day, home in ((date(2022, 12, 31), "QY-T1"), (MOVED_ON, "QY-T2")):
        for township in ("QY-T1", "QY-T2"):
            body, _ = await both(client, plain, PLACES, bearer("township", township),
                                 code=township, asOf=day.isoformat())
            assert (MOVED_GRID in grids_of(body)) == (township == home)
    other_town, _ = await both(client, plain, PLACES, bearer("township", "QY-T1"),
                               code="QY-T2", asOf=MOVED_ON.isoformat())
    assert other_town["data"]["unit"] == {}
