"""The benchmark's synthetic county, grown township by township (deterministic, seeded).

Every township has the same shape whatever the scale, so a township-scoped query meets the
same amount of data at the county, prefecture and province scale; only the number of
townships grows. The model has no level above `County`, so the larger scales widen the one
top unit: a prefecture is a `County` node holding 80 townships, a province one holding 240.

Per township: 10 villages, 7 communities of 2 grids, 12 500 households (450 per grid, 620
per village), one member per six households linking up to six of them (every 17th household
left unlinked), 6 grid workers per grid, 40 non-public enterprises (one in eight with an own
Party organisation, one in four guided by an instructor, the rest uncovered). Every 10th grid
has a Party group instead of a branch and every 37th has none (the gap lists' answers).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

GENERATOR_VERSION = 1
Row = dict[str, Any]

VILLAGES, COMMUNITIES, GRIDS_PER_COMMUNITY = 10, 7, 2
GRID_HOUSEHOLDS, VILLAGE_HOUSEHOLDS = 450, 620
HOUSEHOLDS_PER_MEMBER, UNLINKED_EVERY = 6, 17
WORKERS_PER_GRID, ENTERPRISES, INSTRUCTORS, DEPARTMENTS = 6, 40, 5, 60
START = date(2015, 1, 1)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰春梅海林志文红"
INDUSTRIES = ["culture_tourism", "property_management", "freight", "manufacturing",
              "retail", "catering", "logistics", "other"]
WORKER_TYPES = ["full_time", "dedicated", "part_time"]


@dataclass(frozen=True)
class Scale:
    name: str
    townships: int
    top_code: str
    top_name: str

    @property
    def households(self) -> int:
        return self.townships * households_per_township()


SCALES = {
    "tiny": Scale("tiny", 1, "BT", "基准县（微）"),
    "county": Scale("county", 8, "BC", "基准县"),
    "prefecture": Scale("prefecture", 80, "BP", "基准市（地级）"),
    "province": Scale("province", 240, "BS", "基准省"),
}


def households_per_township() -> int:
    return (COMMUNITIES * GRIDS_PER_COMMUNITY * GRID_HOUSEHOLDS + VILLAGES * VILLAGE_HOUSEHOLDS)


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(body17: str) -> str:
    """A unified social credit code with its GB 32100-2015 check character."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body17, _USCC_WEIGHTS, strict=True))
    return body17 + _USCC_CHARS[(31 - total % 31) % 31]


def _name(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)


def _day(rnd: random.Random, span_days: int = 2500) -> date:
    return START + timedelta(days=rnd.randrange(span_days))


def _unit(label: str, code: str, name: str, parent: str) -> Row:
    return {"label": label, "code": code, "name": name, "parent": parent, "since": START}


def _org(code: str, name: str, kind: str, in_: str, under: str | None) -> Row:
    return {"code": code, "name": name, "kind": kind, "in": in_, "under": under,
            "since": START, "foundedOn": START}


def top(scale: Scale) -> tuple[list[Row], list[Row], list[Row]]:
    """The top unit's rows: the county committee, 3 industry orgs, the departments."""
    t = scale.top_code
    orgs = [_org(f"P-{t}", f"{scale.top_name}委员会", "county_committee", t, None)]
    for i, industry in enumerate(INDUSTRIES[:3], 1):
        orgs.append(_org(f"P-{t}-I{i}", f"{industry}行业党委", "industry_org", t, f"P-{t}"))
    departments = [{"code": f"D-{t}-{i:03d}", "name": f"部门{i:03d}", "kind": "agency",
                    "parent": t, "since": START} for i in range(1, DEPARTMENTS + 1)]
    return [], orgs, departments


@dataclass
class Township:
    """Every row of one township, grouped by the loader statement that writes them."""

    units: list[Row]
    orgs: list[Row]
    households: list[Row]
    members: list[Row]
    workers: list[Row]
    enterprises: list[Row]
    covers: list[Row]
    instructors: list[Row]


def township(scale: Scale, number: int) -> Township:
    """Township `number` (1-based) of `scale`; the same rows on every run."""
    rnd = random.Random(scale.top_code + str(number) + str(GENERATOR_VERSION))
    tc = f"{scale.top_code}-T{number:03d}"
    hh_prefix = f"H{scale.top_code}{number:03d}"
    t = Township([_unit("Township", tc, f"第{number}镇", scale.top_code)],
                 [_org(f"P-{tc}", f"第{number}镇党委", "township_committee", tc,
                       f"P-{scale.top_code}")], [], [], [], [], [], [])
    places: list[tuple[str, str]] = []  # (territory code, Party org its members belong to)
    for v in range(1, VILLAGES + 1):
        vc = f"{tc}-V{v:02d}"
        t.units.append(_unit("Village", vc, f"第{number}镇{v}村", tc))
        t.orgs.append(_org(f"P-{vc}", f"{v}村党支部", "village_org", vc, f"P-{tc}"))
        places.append((vc, f"P-{vc}"))
    grid_seq = 0
    for c in range(1, COMMUNITIES + 1):
        cc = f"{tc}-C{c:02d}"
        t.units.append(_unit("Community", cc, f"第{number}镇{c}社区", tc))
        t.orgs.append(_org(f"P-{cc}", f"{c}社区党委", "community_org", cc, f"P-{tc}"))
        for g in range(1, GRIDS_PER_COMMUNITY + 1):
            grid_seq += 1
            gc = f"{cc}-G{g:02d}"
            t.units.append(_unit("Grid", gc, f"{c}社区第{g}网格", cc))
            blank = (number * 14 + grid_seq) % 37 == 0
            kind = "grid_group" if grid_seq % 10 == 0 else "grid_branch"
            if not blank:
                t.orgs.append(_org(f"P-{gc}", f"{c}社区第{g}网格党组织", kind, gc, f"P-{cc}"))
            places.append((gc, f"P-{cc}" if blank else f"P-{gc}"))
            for w in range(WORKERS_PER_GRID):
                t.workers.append({"code": f"W{scale.top_code}{number:03d}{grid_seq:02d}{w}",
                                  "name": _name(rnd), "type": WORKER_TYPES[w % 3],
                                  "partyMember": w == 0, "grid": gc, "since": START})
    seq = 0
    for p, (place, org) in enumerate(places):
        count = VILLAGE_HOUSEHOLDS if "-V" in place[len(tc):] else GRID_HOUSEHOLDS
        codes: list[str] = []
        for _ in range(count):
            seq += 1
            code = f"{hh_prefix}{seq:05d}"
            codes.append(code)
            t.households.append({"code": code, "head": _name(rnd), "size": rnd.randint(1, 6),
                                 "address": f"{place}-{seq}号", "in": place,
                                 "since": _day(rnd)})
        linked = {c for i, c in enumerate(codes, 1) if (seq - count + i) % UNLINKED_EVERY}
        for m, start in enumerate(range(0, len(codes), HOUSEHOLDS_PER_MEMBER)):
            chunk = [c for c in codes[start:start + HOUSEHOLDS_PER_MEMBER] if c in linked]
            t.members.append({"code": f"M{scale.top_code}{number:03d}{p:02d}{m:03d}",
                              "name": _name(rnd), "gender": rnd.choice("MF"),
                              "birthDate": date(1950, 1, 1) + timedelta(days=rnd.randrange(20000)),
                              "fullMember": rnd.random() > 0.05, "joinedOn": _day(rnd),
                              "org": org, "since": _day(rnd), "links": chunk})
    _enterprises(scale, number, tc, rnd, t)
    return t


def _enterprises(scale: Scale, number: int, tc: str, rnd: random.Random, t: Township) -> None:
    for e in range(1, ENTERPRISES + 1):
        # USCC has no I, O, S, V, Z: the top code's letters are mapped onto digits.
        top = scale.top_code.translate(str.maketrans("IOSVZ", "10572"))
        code = uscc(f"9199{number:04d}MA{top}{e:03d}0"[:17].ljust(17, "0"))
        industry = INDUSTRIES[e % len(INDUSTRIES)]
        t.enterprises.append({"code": code, "name": f"第{number}镇企业{e:02d}",
                              "industry": industry, "size": rnd.randint(5, 400),
                              "in": tc, "since": _day(rnd)})
        if e % 8 == 0:
            org = f"P-{tc}-E{e:02d}"
            industry_org = f"P-{scale.top_code}-I{1 + e % 3}"
            t.orgs.append(_org(org, f"企业{e:02d}党支部", "enterprise_org", tc, industry_org))
            t.covers.append({"org": org, "enterprise": code, "mode": "own", "since": START})
    guided = [row["code"] for i, row in enumerate(t.enterprises) if i % 4 == 1]
    per = max(1, len(guided) // INSTRUCTORS)
    for i in range(INSTRUCTORS):
        t.instructors.append({
            "code": f"I{scale.top_code}{number:03d}{i}", "name": _name(rnd),
            "department": f"D-{scale.top_code}-{1 + (number * INSTRUCTORS + i) % DEPARTMENTS:03d}",
            "enterprises": guided[i * per:(i + 1) * per], "since": START})


def history(scale: Scale) -> dict[str, str]:
    """An ended membership: the first member of township 1 was once in its committee."""
    return {"member": f"M{scale.top_code}0010000" + "0", "org": f"P-{scale.top_code}-T001"}


def townships(scale: Scale, first: int = 1) -> Iterator[Township]:
    for number in range(first, scale.townships + 1):
        yield township(scale, number)
