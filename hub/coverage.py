"""The coverage engine's registry: a dimension is one Cypher file and one entry here.

Every `cypher/coverage/<name>.cypher` takes `$unit` (the unit asked about), `$scope` (the
caller's jurisdiction) and `$asOf`, and returns one row per thing that should be covered:

    code, name        the thing (a grid, a household, an enterprise …)
    child, childName  the child unit of `$unit` it lies in (null when it is `$unit` itself)
    covered           true when it is covered
    reasonZh/En       why it is a gap (null when covered)

The engine counts, breaks the counts down per child unit and pages the gaps; nothing about a
dimension lives in Python beyond its entry.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum

from hub.db import Row


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

    def query(self, dimension: Dimension) -> str:
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

    @property
    def ratio(self) -> float | None:
        return None if self.total == 0 else self.covered / self.total


@dataclass(frozen=True)
class Outcome:
    """A dimension measured over a unit: the whole, per child unit, and the gaps."""

    whole: Tally
    children: list[Tally]
    gaps: list[Row]


def tally(unit_code: str, unit_name: str, rows: list[Row]) -> Outcome:
    per_child: OrderedDict[str, list[int | str]] = OrderedDict()
    for row in sorted(rows, key=lambda r: (r["child"] or "", r["code"])):
        if row["child"] is None:
            continue
        entry = per_child.setdefault(row["child"], [row["childName"], 0, 0])
        entry[1] = int(entry[1]) + 1
        entry[2] = int(entry[2]) + (1 if row["covered"] else 0)
    children = [Tally(code, str(v[0]), int(v[1]), int(v[2])) for code, v in per_child.items()]
    gaps = sorted((r for r in rows if not r["covered"]), key=lambda r: r["code"])
    covered = sum(1 for r in rows if r["covered"])
    return Outcome(Tally(unit_code, unit_name, len(rows), covered), children, gaps)
