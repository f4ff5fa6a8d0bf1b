"""The demo county's structure: territory, Party organisations, members, households, workers.

Counts are chosen so the figures of the county report hold on 2023-06-30 (docs/model.md).
"""

from __future__ import annotations

from datetime import date

from seeds.county import (
    AGENCIES,
    BIG_BRANCH,
    GROUP_IN_BRANCH,
    GROUP_ONLY,
    LATE_GRID_ORG,
    NEW_GRID,
    NO_REPORT,
    OTHER_UNITS,
    PART_TIME_ONLY,
    SMALL_BRANCH,
    TOWN_OFFICES,
    TOWNSHIPS,
    County,
    d,
    new_member,
    org,
    phone,
    yes,
)
from seeds.demo_more import build_rest

START = date(2021, 3, 1)


def build(c: County) -> None:
    territory(c)
    departments(c)
    party_orgs(c)
    members(c)
    households(c)
    grid_workers(c)
    agency_reports(c)
    build_rest(c)


def territory(c: County) -> None:
    c.add("counties", code="XC", name="云岭县")
    for t, tname in enumerate(TOWNSHIPS, start=1):
        tcode = f"XC-T{t:02d}"
        c.add("townships", code=tcode, name=tname, county="XC", since="2000-01-01")
        for v in range(1, (11 if t == 1 else 10) + 1):
            code = f"{tcode}-V{v:02d}"
            c.villages.append(code)
            c.add("villages", code=code, name=c.place("村"), township=tcode, since="2000-01-01")
        for k in range(1, (6 if t == 8 else 7) + 1):
            code = f"{tcode}-C{k:02d}"
            c.communities.append(code)
            c.add("communities", code=code, name=c.place("社区"), township=tcode,
                  since="2005-01-01")
            for g in (1, 2):
                gcode = f"{code}-G{g:02d}"
                c.grids.append(gcode)
                c.add("grids", code=gcode, name=f"第{g}网格", territory=code, since="2020-06-01")
    c.add("grids", code=NEW_GRID, name="第3网格", territory="XC-T01-C01", since="2024-03-01")


def departments(c: County) -> None:
    names = AGENCIES + [t + o for t in TOWNSHIPS for o in TOWN_OFFICES] + OTHER_UNITS
    for i in range(1, 138):
        code = f"D-{i:03d}"
        c.departments.append(code)
        kind = ("agency" if i <= 60 else "township_office" if i <= 124 else "institution")
        row: dict[str, object] = {"code": code, "name": names[i - 1], "county": "XC",
                                  "kind": kind}
        if i <= 133:
            row.update(account=f"zfzz{i:03d}", accountSince=d(c.day(date(2021, 1, 10),
                                                                    date(2022, 6, 30))))
        if i == 133:
            row["accountUntil"] = "2023-01-15"
        c.add("departments", **row)


def party_orgs(c: County) -> None:
    org(c, "P-XC", "中共云岭县委员会", "county_committee", "XC", None)
    org(c, "P-XC-JG", "县直机关工作委员会", "county_committee", "XC", "P-XC")
    org(c, "P-XC-LX", "县非公有制经济组织和社会组织工作委员会", "county_committee", "XC", "P-XC")
    for t, tname in enumerate(TOWNSHIPS, start=1):
        org(c, f"P-XC-T{t:02d}", f"中共{tname}委员会", "township_committee", f"XC-T{t:02d}",
            "P-XC")
    for v in c.villages:
        org(c, f"P-{v}", f"{v}村党组织", "village_org", v, f"P-{v[:6]}")
    for k in c.communities:
        org(c, f"P-{k}", f"{k}社区党组织", "community_org", k, f"P-{k[:6]}")
    for g in c.grids:
        since = "2023-01-01" if g == LATE_GRID_ORG else d(START)
        kind = "grid_group" if g in GROUP_ONLY else "grid_branch"
        zh = "党小组" if kind == "grid_group" else "党支部"
        org(c, f"P-{g}", f"{g}网格{zh}", kind, g, f"P-{g[:10]}", since)
    for g in GROUP_IN_BRANCH:
        org(c, f"P-{g}-Z1", f"{g}网格党小组", "grid_group", g, f"P-{g}", d(START))
    for i in range(1, 61):
        org(c, f"P-A{i:02d}", f"{AGENCIES[i - 1]}党组织", "agency_org", "XC", "P-XC-JG",
            "2010-01-01", department=f"D-{i:03d}")
    for code, zh, industry in (("P-I-CT", "文旅", "culture_tourism"),
                               ("P-I-PM", "物业", "property_management"),
                               ("P-I-FR", "货运", "freight")):
        org(c, code, f"县{zh}行业党委", "industry_org", "XC", "P-XC-LX", "2021-06-01",
            industry=industry)


def members(c: County) -> None:
    for v in c.villages:
        for _ in range(c.rnd.randint(8, 14)):
            new_member(c, f"P-{v}", "2015-01-01")
    for k in c.communities:
        for _ in range(4):
            new_member(c, f"P-{k}", "2015-01-01")
    for g in c.grids:
        org_code = f"P-{g}"
        since = "2023-01-01" if g == LATE_GRID_ORG else d(START)
        if g == SMALL_BRANCH:
            plan = [True, True, False, False]
        elif g == BIG_BRANCH:
            plan = [True] * 53 + [False] * 2
        elif g in GROUP_ONLY:
            plan = [True] * c.rnd.randint(3, 5)
        else:
            plan = [True] * c.rnd.randint(5, 11) + [False] * c.rnd.randint(0, 1)
        for full in plan:
            m = new_member(c, org_code, since, full)
            if c.counter["M"] % 40 == 0:
                # A transfer: the member's earlier organisation relationship, closed.
                c.add("memberships", member=m, org=f"P-{g[:10]}", since="2015-01-01",
                      until=since)
    for g in GROUP_IN_BRANCH:
        for _ in range(3):
            new_member(c, f"P-{g}-Z1", d(START))
    for i in range(1, 61):
        for _ in range(3 if i <= 56 else 10):
            new_member(c, f"P-A{i:02d}", "2012-01-01")


def households(c: County) -> None:
    active_grids = list(c.grids)
    unlinked: list[str] = []
    for i in range(1, c.households + 1):
        code = f"H{i:06d}"
        where = (active_grids[i % len(active_grids)] if i % 5 < 3
                 else c.villages[i % len(c.villages)])
        org_code = f"P-{where}"
        c.add("households", code=code, head=c.person_name(), phone=phone("19905", code),
              size=c.rnd.randint(1, 6),
              address=f"{where} {c.rnd.randint(1, 200)}号", territory=where, since="2020-06-01")
        if i % 17 == 0:
            unlinked.append(code)
            continue
        pool = c.org_members[org_code]
        start = "2023-01-01" if where == LATE_GRID_ORG else d(START)
        if i % 50 == 0 and len(pool) > 1 and where != LATE_GRID_ORG:
            c.add("member_links", member=pool[(i + 1) % len(pool)], household=code,
                  since=start, until="2023-01-01")
            start = "2023-01-01"
        c.add("member_links", member=pool[i % len(pool)], household=code, since=start)
    c.gaps["householdsUnlinked"] = unlinked[:50]
    c.gaps["householdsUnlinkedCount"] = [str(len(unlinked))]


def grid_workers(c: County) -> None:
    for n, g in enumerate(c.grids):
        count = 7 if n < 11 else 6
        types = (["part_time"] * count if g in PART_TIME_ONLY
                 else ["full_time", "dedicated", "dedicated"] + ["part_time"] * (count - 3))
        for t in types:
            worker(c, g, t, "2021-01-01", None)
    for n in range(10):
        worker(c, c.grids[n * 7], "part_time", "2020-07-01", "2022-12-31")
    c.gaps["gridsOnlyPartTime"] = sorted(PART_TIME_ONLY)


def worker(c: County, grid: str, type_: str, since: str, until: str | None) -> None:
    gender = c.rnd.choice("MF")
    birth = c.birth(1970, 2000)
    code = c.next("W", 4)
    c.add("grid_workers", code=code, name=c.person_name(), phone=phone("19904", code),
          idNumber=c.id_number(birth, gender), type=type_,
          partyMember=yes(c.rnd.random() < 0.6), grid=grid, since=since, until=until)


def agency_reports(c: County) -> None:
    targets = [k for k in c.communities if k not in NO_REPORT]
    n = 0
    for i in range(1, 57):
        for j in range(22 if i <= 30 else 21):
            m = new_member(c, f"P-A{i:02d}", "2012-01-01")
            c.add("member_reports", member=m, community=targets[n % len(targets)],
                  since=d(c.day(date(2021, 3, 1), date(2023, 5, 31))))
            n += 1
            if j == 0 and i <= 20:
                ended = new_member(c, f"P-A{i:02d}", "2012-01-01")
                c.add("member_reports", member=ended, community=targets[i],
                      since="2021-05-01", until="2022-10-01")
    c.gaps["communitiesNoReport"] = sorted(NO_REPORT)
