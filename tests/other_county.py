"""A second county, generated in the test suite and shaped unlike the demo county: most grids
lie in villages, some in communities; optional cells are left empty; one grid and one
household move to another township after the first import (so three imports).

Codes start with `QY` so the county loads beside the demo county and is deleted after.
Everything a test expects is computed from these rows (`Link`s for the territory over time),
never from the hub.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hub.files.registry import BY_NAME
from hub.importer.ids import id_check_char, uscc_check_char

Row = dict[str, Any]
START = date(2019, 1, 1)
MOVED_GRID, MOVED_ON = "QY-T1-V1-G2", date(2023, 1, 1)
MOVED_HOUSEHOLD, HOUSEHOLD_MOVED_ON = "QY-H0001", date(2023, 3, 1)


@dataclass(frozen=True)
class Link:
    """One :IN link of the territory (grid → village/community, household → grid/village)."""

    child: str
    parent: str
    since: date
    until: date | None = None

    def open_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or self.until > day)


@dataclass
class County:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    later: list[dict[str, list[Row]]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    townships: list[str] = field(default_factory=list)
    villages: list[str] = field(default_factory=list)
    communities: list[str] = field(default_factory=list)
    grids: list[str] = field(default_factory=list)

    def add(self, file: str, /, **row: Any) -> Row:
        self.rows.setdefault(file, []).append(row)
        return row

    def codes(self) -> list[str]:
        """Every record code, for the clean-up."""
        return sorted({str(r["code"]) for rows in self.rows.values() for r in rows
                       if "code" in r} | {"QY"})

    def parent(self, code: str, day: date) -> str | None:
        return next((k.parent for k in self.links if k.child == code and k.open_on(day)), None)

    def township(self, code: str, day: date) -> str | None:
        node: str | None = code
        while node is not None and node not in self.townships:
            node = self.parent(node, day)
        return node


def id_number(rnd: random.Random, born: date) -> str:
    body = f"990400{born:%Y%m%d}{rnd.randrange(100, 999):03d}"
    return body + id_check_char(body)


def uscc(index: int) -> str:
    body = f"91990400MA{index:07d}"
    return body + uscc_check_char(body)


def maybe(rnd: random.Random, value: object, missing: float) -> object:
    """The value, or an empty cell with probability `missing`."""
    return None if rnd.random() < missing else value


def _territory(c: County, rnd: random.Random) -> None:
    c.add("counties", code="QY", name="青原县")
    c.add("departments", code="QY-D1", name="县政法委", county="QY", kind="agency")
    c.add("departments", code="QY-D2", name="县住建局", county="QY", kind="agency")
    c.add("departments", code="QY-D3", name="县市场监管局", county="QY", kind="agency")
    c.add("party_orgs", code="P-QY", name="青原县委", kind="county_committee", territory="QY",
          since=START)
    for t in (1, 2, 3):
        tcode = f"QY-T{t}"
        c.townships.append(tcode)
        c.add("townships", code=tcode, name=f"青原{t}镇", county="QY", since=START)
        c.add("party_orgs", code=f"P-{tcode}", name=f"青原{t}镇党委", kind="township_committee",
              territory=tcode, parent="P-QY", since=START)
        places = [("V", n) for n in range(1, 4 + t)] + [("C", n) for n in range(1, 1 + t % 2 + 1)]
        for letter, n in places:
            code = f"{tcode}-{letter}{n}"
            village = letter == "V"
            (c.villages if village else c.communities).append(code)
            c.add("villages" if village else "communities", code=code,
                  name=f"{code}{'村' if village else '社区'}", township=tcode, since=START)
            c.links.append(Link(code, tcode, START))
            c.add("party_orgs", code=f"P-{code}", name=f"{code}党组织",
                  kind="village_org" if village else "community_org", territory=code,
                  parent=f"P-{tcode}", since=START)
            # Villages hold most grids: two or three each; communities one or two.
            for g in range(1, (rnd.randint(2, 3) if village else rnd.randint(1, 2)) + 1):
                grid = f"{code}-G{g}"
                c.grids.append(grid)
                c.add("grids", code=grid, name=f"第{g}网格", territory=code, since=START)
                c.links.append(Link(grid, code, START))


def _move_grid(c: County) -> None:
    """MOVED_GRID goes from QY-T1-V1 to QY-T2-V1 on MOVED_ON: closed, then placed anew."""
    row = next(r for r in c.rows["grids"] if r["code"] == MOVED_GRID)
    c.later.append({"grids": [{**row, "until": MOVED_ON}]})
    c.later.append({"grids": [{**row, "territory": "QY-T2-V1", "since": MOVED_ON}]})
    c.links = [k for k in c.links if k.child != MOVED_GRID]
    c.links += [Link(MOVED_GRID, "QY-T1-V1", START, MOVED_ON),
                Link(MOVED_GRID, "QY-T2-V1", MOVED_ON)]


def _grids(c: County, rnd: random.Random) -> None:
    member = worker = 0
    for grid in c.grids:
        place = grid.rsplit("-", 1)[0]
        kind = rnd.choices(["grid_branch", "grid_group", None], [6, 2, 1])[0]
        if kind is not None:
            org = f"P-{grid}"
            c.add("party_orgs", code=org, name=f"{grid}党组织", kind=kind, territory=grid,
                  parent=f"P-{place}", since=START)
            for _ in range(rnd.randint(1, 6)):
                member += 1
                born = date(rnd.randint(1950, 1995), rnd.randint(1, 12), rnd.randint(1, 28))
                code = f"QY-M{member:04d}"
                c.add("members", code=code, name=f"党员{member}", idNumber=id_number(rnd, born),
                      gender=rnd.choice("MF"), birthDate=born, fullMember=rnd.random() < 0.85,
                      joinedOn=date(born.year + 25, 7, 1))
                c.add("memberships", member=code, org=org, since=START)
        for _ in range(rnd.choices([0, 1, 2, 3], [1, 3, 3, 2])[0]):
            worker += 1
            born = date(rnd.randint(1970, 2000), 5, 5)
            c.add("grid_workers", code=f"QY-W{worker:03d}", name=f"网格员{worker}",
                  idNumber=maybe(rnd, id_number(rnd, born), 0.3),
                  type=rnd.choices(["full_time", "dedicated", "part_time"], [2, 1, 3])[0],
                  partyMember=rnd.random() < 0.5, grid=grid, since=START)


def _households(c: County, rnd: random.Random) -> None:
    n = 0
    members = [str(r["code"]) for r in c.rows["members"]]
    for place in c.grids + c.villages:
        for _ in range(rnd.randint(2, 5) if place in c.grids else rnd.randint(0, 3)):
            n += 1
            code = f"QY-H{n:04d}"
            c.add("households", code=code, head=maybe(rnd, f"户主{n}", 0.15),
                  size=maybe(rnd, rnd.randint(1, 6), 0.15), territory=place, since=START)
            c.links.append(Link(code, place, START))
            if rnd.random() < 0.8:
                c.add("member_links", member=rnd.choice(members), household=code, since=START)
    # The first household (in a village grid of QY-T1) moves to a community grid of QY-T3.
    row = next(r for r in c.rows["households"] if r["code"] == MOVED_HOUSEHOLD)
    target = next(g for g in c.grids if g.startswith("QY-T3-C"))
    c.later[0]["households"] = [{**row, "until": HOUSEHOLD_MOVED_ON}]
    c.later[1]["households"] = [{**row, "territory": target, "since": HOUSEHOLD_MOVED_ON}]
    first = next(k for k in c.links if k.child == MOVED_HOUSEHOLD)
    c.links.remove(first)
    c.links += [Link(MOVED_HOUSEHOLD, first.parent, START, HOUSEHOLD_MOVED_ON),
                Link(MOVED_HOUSEHOLD, target, HOUSEHOLD_MOVED_ON)]


def generate(seed: int = 12) -> County:
    from tests.other_county_more import brand, cadres, coverage, orders  # built on this module

    rnd = random.Random(seed)
    c = County()
    _territory(c, rnd)
    _move_grid(c)
    _grids(c, rnd)
    _households(c, rnd)
    orders(c, rnd)
    cadres(c, rnd)
    coverage(c, rnd)
    brand(c, rnd)
    return c


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return value.isoformat() if isinstance(value, date) else str(value)


def write(rows: dict[str, list[Row]], folder: Path) -> Path:
    """The rows as the CSV folder a county would import, headers from the registry."""
    folder.mkdir(parents=True)
    for kind, items in rows.items():
        columns = BY_NAME[kind].columns
        with (folder / BY_NAME[kind].file).open("w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh)
            out.writerow([col.header for col in columns])
            out.writerows([text(r.get(col.key)) for col in columns] for r in items)
    return folder
