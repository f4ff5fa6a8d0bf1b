"""Loading the generated second county (tests/other_county.py) beside the demo county for a
test module, and what its tests share: the difference it makes to county-wide figures, and
coverage measured over HTTP against values counted from its rows.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from hub.graph.db import Database
from hub.importer import import_path
from tests.graphql_helpers import data
from tests.other_county import County, Row, generate, write
from tests.test_model_figures import figure

KEY = b"test-key"
REPORT, BEFORE_MOVES = date(2023, 6, 30), date(2022, 6, 30)
FIGURES = ("F01", "F06", "F11", "F12", "F14", "F16", "F19", "F23")


@dataclass(frozen=True)
class Loaded:
    county: County
    demo_figures: dict[str, dict[str, Any]]

    def rows(self, kind: str) -> list[Row]:
        return self.county.rows.get(kind, [])


@asynccontextmanager
async def loaded_beside(demo: Database, root: Path) -> AsyncIterator[Loaded]:
    """The county imported in three steps (the moves come later), deleted on leaving; the
    demo county's figures are read first, for `delta`. Each test module holds it once."""
    county = generate()
    before = {n: await figure(demo, n) for n in FIGURES}
    try:
        for step, rows in enumerate([county.rows, *county.later]):
            await import_path(demo, write(rows, root / str(step)), key=KEY)
        yield Loaded(county, before)
    finally:
        await demo.write("admin.delete_records", codes=county.codes())


async def delta(loaded: Loaded, demo: Database, number: str) -> dict[str, Any]:
    now = await figure(demo, number)
    return {part: now[part] - loaded.demo_figures[number].get(part, 0) for part in now}


def open_on(row: Row, day: date) -> bool:
    until = row.get("until")
    return bool(row["since"] <= day and (until is None or until > day))


# --- grids, in villages and communities ---------------------------------------------------

def grid_facts(c: County, day: date) -> dict[str, dict[str, Any]]:
    orgs = {str(r["territory"]): str(r["kind"]) for r in c.rows["party_orgs"]
            if r["kind"] in ("grid_branch", "grid_group")}
    workers: dict[str, list[str]] = {}
    for w in c.rows["grid_workers"]:
        workers.setdefault(str(w["grid"]), []).append(str(w["type"]))
    return {g: {"place": c.parent(g, day), "township": c.township(g, day),
                "org": orgs.get(g), "workers": workers.get(g, [])}
            for g in c.grids if c.parent(g, day) is not None}


COVERAGE = """query($d: Dimension!, $unit: String!, $asOf: Date) {
  coverage(dimension: $d, unit: $unit, asOf: $asOf, first: 100) { __typename
    ... on Coverage { whole { total covered unknown gaps }
                      byChild { code kind total covered unknown gaps }
                      gaps { totalCount nodes { code child } } } } }"""

GRID_RULES: dict[str, Callable[[dict[str, Any]], bool | None]] = {
    "GRIDS_WITHOUT_PARTY_ORG": lambda f: f["org"] is not None,
    "GRIDS_WITHOUT_WORKER": lambda f: bool(f["workers"]),
    # Only grids with workers are judged; None leaves the grid out.
    "GRIDS_ONLY_PART_TIME": lambda f: (any(t != "part_time" for t in f["workers"])
                                       if f["workers"] else None),
}


def by_child(things: Sequence[tuple[str, bool | None]]) -> dict[str, tuple[int, int]]:
    """{child: (total, covered)} of (child, covered) pairs; None = not counted at all."""
    out: dict[str, tuple[int, int]] = {}
    for child, covered in things:
        if covered is None:
            continue
        total, done = out.get(child, (0, 0))
        out[child] = (total + 1, done + int(covered))
    return out


async def measured(client: httpx.AsyncClient, dimension: str, unit: str, day: date
                   ) -> dict[str, Any]:
    found: dict[str, Any] = (await data(client, COVERAGE, d=dimension, unit=unit,
                                        asOf=day.isoformat()))["coverage"]
    assert found["__typename"] == "Coverage"
    return found


def counts(found: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {r["code"]: (r["total"], r["covered"]) for r in found["byChild"]}


