"""The coverage engine's registry: a dimension is one Cypher file and one entry here.

Every `cypher/coverage/<name>.cypher` takes `$unit` (the unit asked about), `$scope` (the
caller's jurisdiction) and `$asOf`, and answers in one round trip: no row when `$unit` is
unknown or outside `$scope`, else one row with the unit (`code`, `name`, `labels`, `kind`,
`industry`, `size`, as `units.by_code` returns it) and `tallies`, one per child unit of
`$unit` that holds things to cover, ordered by child:

    child, childName  the child unit (null for things lying in `$unit` itself)
    childLabels       its labels (its kind: a village's grids from a community's)
    total, covered    how many things should be covered there, and how many are
    unknown           (optional) how many could not be judged because a value they depend
                      on is missing: neither covered nor a gap
    gaps              the uncovered ones: [{code, name, reasonZh, reasonEn}]

Counting happens in Neo4j, so a county's thousands of households come back as a few rows.
The engine adds the children up, sorts and pages the gaps; nothing about a dimension lives
in Python beyond its entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from hub.graph.db import Database, Row


class Dimension(Enum):
    GRIDS_WITHOUT_PARTY_ORG = "grids_without_party_org"
    GRIDS_WITHOUT_WORKER = "grids_without_worker"
    GRIDS_ONLY_PART_TIME = "grids_only_part_time"
    HOUSEHOLDS_WITHOUT_MEMBER = "households_without_member"
    VILLAGES_WITHOUT_GRADUATE = "villages_without_graduate"
    ENTERPRISES_WITHOUT_ORG = "enterprises_without_org"
    ENTERPRISES_WITHOUT_WORK_COVERAGE = "enterprises_without_work_coverage"
    WEAK_LAX_NOT_RECTIFIED = "weak_lax_not_rectified"
    STATIONS_MISSING_HAVES = "stations_missing_haves"
    COMMUNITIES_WITHOUT_REPORT = "communities_without_report"
    BRANCHES_BREAKING_SIZE_RULES = "branches_breaking_size_rules"


@dataclass(frozen=True)
class Entry:
    """What a dimension counts, in both languages, and which file computes it."""

    zh: str
    en: str


def query_name(dimension: Dimension) -> str:
    """The dimension's Cypher file: `cypher/coverage/<value>.cypher`."""
    return f"coverage.{dimension.value}"


REGISTRY: dict[Dimension, Entry] = {
    Dimension.GRIDS_WITHOUT_PARTY_ORG: Entry(
        "网格党组织覆盖：有网格党支部或党小组的网格", "grids with a grid Party branch or group"),
    Dimension.GRIDS_WITHOUT_WORKER: Entry(
        "网格员覆盖：有网格员的网格", "grids with at least one grid worker"),
    Dimension.GRIDS_ONLY_PART_TIME: Entry(
        "专职力量：有网格员的网格中，有专职或专属网格员的网格",
        "grids with workers that have a full-time or dedicated one"),
    Dimension.HOUSEHOLDS_WITHOUT_MEMBER: Entry(
        "党员联系户：有党员联系的户", "households with a linked Party member"),
    Dimension.VILLAGES_WITHOUT_GRADUATE: Entry(
        "大学生到村任职：有在任大学生的行政村", "administrative villages with a placed graduate"),
    Dimension.ENTERPRISES_WITHOUT_ORG: Entry(
        "组织覆盖：有党组织（单独、联合或挂靠）的非公企业",
        "non-public enterprises with a Party organisation (own, joint or attached)"),
    Dimension.ENTERPRISES_WITHOUT_WORK_COVERAGE: Entry(
        "工作覆盖：有党组织或党建指导员的非公企业",
        "non-public enterprises with a Party organisation or an instructor"),
    Dimension.WEAK_LAX_NOT_RECTIFIED: Entry(
        "软弱涣散整顿：已完成提升的认定案例", "weak-and-lax cases already rectified"),
    Dimension.STATIONS_MISSING_HAVES: Entry(
        "驿站“七有”：七项齐全的新业态劳动者驿站", "worker stations offering all seven haves"),
    Dimension.COMMUNITIES_WITHOUT_REPORT: Entry(
        "在职党员报到：有县直机关党员报到的社区",
        "communities where an agency Party member has reported"),
    Dimension.BRANCHES_BREAKING_SIZE_RULES: Entry(
        "支部设置：正式党员不少于 3 名且党员不超过 50 名的网格党支部",
        "grid branches with at least 3 full members and at most 50 members"),
}


@dataclass(frozen=True)
class Tally:
    code: str | None
    name: str | None
    total: int
    covered: int
    unknown: int = 0
    labels: tuple[str, ...] = ()

    @property
    def ratio(self) -> float | None:
        # Over the things that could be judged: an unknown is neither covered nor a gap.
        judged = self.total - self.unknown
        return None if judged == 0 else self.covered / judged


@dataclass(frozen=True)
class Outcome:
    """A dimension measured over a unit: the whole, per child unit, and the gaps."""

    whole: Tally
    children: list[Tally]
    gaps: list[Row]


@dataclass(frozen=True)
class Measured:
    """The unit asked about, as `units.by_code` returns it, and its outcome."""

    unit: Row
    outcome: Outcome


async def measure(db: Database, dimension: Dimension, unit: str, as_of: date,
                  scope: str | None) -> Measured | None:
    """`dimension` over `unit` as a caller of `scope` sees it, in one round trip; None when
    the unit is unknown or outside `scope`."""
    # The rows hold maps, lists and scalars only (no nodes), so they are taken as they come.
    rows = await db.read_plain(query_name(dimension), unit=unit, asOf=as_of, scope=scope)
    if not rows:
        return None
    return Measured(rows[0], tally(rows[0]))


def tally(found: Row) -> Outcome:
    """The unit's row of a dimension's query, added up: the whole, each child, the gaps."""
    rows: list[Row] = found["tallies"]
    children = [Tally(r["child"], r["childName"], int(r["total"]), int(r["covered"]),
                      _unknown(r), tuple(r["childLabels"]))
                for r in rows if r["child"] is not None]
    # Each gap is told which child unit it lies in, so a list can be followed up per unit.
    gaps = sorted(({**g, "child": r["child"], "childName": r["childName"]}
                   for r in rows for g in r["gaps"]), key=lambda g: str(g["code"]))
    whole = Tally(found["code"], found["name"], sum(int(r["total"]) for r in rows),
                  sum(int(r["covered"]) for r in rows), sum(_unknown(r) for r in rows),
                  tuple(found["labels"]))
    return Outcome(whole, children, gaps)


def _unknown(row: Row) -> int:
    # Only dimensions that read an optional value return the column; the rest judge all.
    return int(row.get("unknown") or 0)
