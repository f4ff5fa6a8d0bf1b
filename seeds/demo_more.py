"""The demo county beyond the four-level chain: graduates, awards, facilities, non-public
enterprises, agency volunteering, work orders, the brand and the campaign.
"""

from __future__ import annotations

from datetime import date, timedelta

from seeds.cadres import cadres
from seeds.county import (
    NEW_GRID,
    NO_AWARD,
    NO_REPORT,
    ORDER_KINDS,
    PRODUCTS,
    SCHOOLS,
    County,
    d,
    new_member,
    org,
    uscc,
    yes,
)

AFTER = (date(2023, 8, 1), date(2024, 6, 30))


def build_rest(c: County) -> None:
    cadres(c)
    graduates(c)
    awards_and_weak(c)
    facilities(c)
    volunteering(c)
    enterprises(c)
    brand_and_plans(c)
    work_orders(c)
    campaign(c)


def graduate(c: County, unit: str, since: str, until: str | None = None) -> None:
    gender = c.rnd.choice("MF")
    birth = c.birth(1995, 2000)
    c.add("graduates", code=c.next("S", 4), name=c.person_name(),
          idNumber=c.id_number(birth, gender), school=c.rnd.choice(SCHOOLS), unit=unit,
          since=since, until=until)


def graduates(c: County) -> None:
    for n, v in enumerate(c.villages):
        graduate(c, v, "2023-03-01" if n == 0 else d(c.day(date(2020, 7, 1), date(2022, 12, 1))))
    for n in range(10):
        graduate(c, c.villages[n * 8 + 1], "2019-07-01", "2022-09-30")
    for n in range(33):
        graduate(c, c.communities[n], "2020-07-01", "2022-07-01" if n >= 30 else None)
    for n in range(5):
        graduate(c, c.villages[n * 3], "2024-07-01")


def awards_and_weak(c: County) -> None:
    units = [u for u in c.villages + c.communities if u not in NO_AWARD]
    for n, unit in enumerate(units[:132], start=1):
        c.add("awards", code=f"AW-2022-{n:03d}", unit=unit, title="红旗村", year=2022,
              awardedOn="2022-12-28", rewardYuan=5000)
    for n in range(1, 11):
        c.add("awards", code=f"AW-2023-{n:03d}", unit=c.villages[n * 7], title="红旗村",
              year=2023, awardedOn="2023-12-26", rewardYuan=5000)
    rectified = ["2022-06-30", "2022-08-15", "2022-09-30", "2022-11-20", "2022-12-20",
                 "2023-05-20"]
    for n, day in enumerate(rectified, start=1):
        c.add("weak_orgs", code=f"WL-{n:02d}", org=f"P-{c.villages[n * 10 - 5]}",
              designatedOn="2021-04-15", rectifiedOn=day, reason="班子软弱、组织生活不规范")
    c.add("weak_orgs", code="WL-07", org=f"P-{c.communities[3]}", designatedOn="2024-02-01",
          reason="换届后班子不健全")


def facility(c: County, code: str, name: str, kind: str, territory: str, since: str,
             **extra: object) -> None:
    c.add("facilities", code=code, name=name, kind=kind, territory=territory, since=since,
          **extra)


def facilities(c: County) -> None:
    towns = [f"XC-T{t:02d}" for t in range(1, 9)]
    for n in range(1, 11):
        area = 600 if n == 8 else 800 if n == 9 else 1000 + 100 * n
        since = "2024-05-01" if n == 10 else d(c.day(date(2021, 3, 1), date(2023, 5, 31)))
        facility(c, f"FAC-SC-{n:02d}", f"党员群众综合服务中心{n}", "service_centre",
                 towns[n % 8], since, areaM2=area)
    for n in range(1, 31):
        since = "2023-09-15" if n > 27 else d(c.day(date(2021, 6, 1), date(2023, 6, 20)))
        facility(c, f"FAC-AV-{n:02d}", f"村级组织活动场所{n}", "activity_venue",
                 c.villages[n * 2], since, areaM2=c.rnd.randint(200, 600))
    for n in range(1, 13):
        facility(c, f"FAC-DS-{n:02d}", f"党建品牌示范点{n}", "brand_demo_site",
                 (c.villages + c.communities)[n * 9], d(c.day(date(2021, 6, 1), date(2023, 6, 1))))
    for n in (1, 2):
        facility(c, f"FAC-NP-{n:02d}", f"非公党建示范点{n}", "nonpublic_demo_site", towns[n],
                 "2022-10-01")
    missing = {3: {"hasAirConditioning"}, 5: {"hasPowerBank", "hasWifi"}}
    haves = ["hasToilet", "hasAirConditioning", "hasWaterDispenser", "hasPowerBank", "hasWifi",
             "hasFirstAidKit", "hasSeats"]
    for n in range(1, 7):
        flags = {h: yes(h not in missing.get(n, set())) for h in haves}
        facility(c, f"FAC-WS-{n:02d}", f"新业态劳动者驿站{n}", "worker_station",
                 c.communities[n * 5], "2022-05-01", areaM2=40, **flags)


def volunteering(c: County) -> None:
    posts = ["县委常委、组织部部长", "县委常委、宣传部部长", "县委常委、政法委书记",
             "县委常委、常务副县长", "县委常委、纪委书记", "县委常委、统战部部长"]
    for n in range(1, 12):
        c.add("contact_points", code=f"CP-{n:02d}", name=f"党建联系点{n}",
              leader=c.person_name(), leaderPost=posts[n % len(posts)],
              unit=c.villages[n * 7], since="2021-01-01")
    for n in range(1, 25):
        on = c.day(*AFTER) if n > 21 else c.day(date(2021, 6, 1), date(2023, 6, 20))
        c.add("problems", code=f"PRB-C{n:03d}", title=f"产业发展困难{n}", category="industry",
              solvedOn=d(on), via=f"CP-{(n % 11) + 1:02d}")
    places = [k for k in c.communities if k not in NO_REPORT]
    for n in range(1, 200):
        on = c.day(*AFTER) if n > 189 else c.day(date(2021, 6, 1), date(2023, 6, 25))
        code = f"ACT-{n:04d}"
        c.add("activities", code=code, title=f"志愿服务活动{n}", on=d(on),
              participants=c.rnd.randint(5, 40), org=f"P-A{(n % 56) + 1:02d}",
              community=places[n % len(places)])
        if n <= 137 or n > 194:
            c.add("problems", code=f"PRB-V{n:03d}", title=f"群众急难愁盼问题{n}",
                  category=c.rnd.choice(["livelihood", "environment", "safety"]),
                  solvedOn=d(on), via=code)
    for n, k in enumerate(c.communities):
        members = [("community", f"P-{k}-G01"), ("agency", f"P-A{(n % 56) + 1:02d}"),
                   ("property", "P-I-PM"), ("industry", "P-I-CT" if n % 2 else "P-I-FR"),
                   ("new_employment", f"P-E{(n % 8) + 1:02d}")]
        for sector, member in members:
            c.add("joint_members", org=member, committee=f"P-{k}", sector=sector,
                  since="2021-09-01")


def enterprises(c: County) -> None:
    suffix = {"culture_tourism": "文化旅游有限公司", "property_management": "物业服务有限公司",
              "freight": "货运物流有限公司"}
    others = ["manufacturing", "retail", "catering", "logistics", "other"]
    where: dict[int, str] = {}
    for i in range(1, 101):
        industry = (["culture_tourism", "property_management", "freight"][(i - 1) // 10]
                    if i <= 30 else c.rnd.choice(others))
        where[i] = c.communities[i % 55] if i % 3 else f"XC-T{(i % 8) + 1:02d}"
        c.add("enterprises", code=uscc(i), name=c.place(suffix.get(industry, "商贸有限公司")),
              industry=industry, size=c.rnd.randint(8, 300), territory=where[i],
              since=d(c.day(date(2010, 1, 1), date(2020, 12, 31))))
    own = {"P-E01": ([1], "P-I-CT"), "P-E02": ([11], "P-I-PM"), "P-E03": ([21], "P-I-FR"),
           "P-E04": ([31], "P-XC-LX"), "P-E05": ([41], "P-XC-LX"), "P-E06": ([51], "P-XC-LX"),
           "P-E07": ([2, 3, 4], "P-I-CT"), "P-E08": ([22, 23, 24], "P-I-FR"),
           "P-E09": ([61], "P-XC-LX")}
    covered: set[int] = set()
    for code, (ents, parent) in own.items():
        until = "2022-12-31" if code == "P-E09" else None
        org(c, code, f"企业党支部{code[-2:]}", "enterprise_org", where[ents[0]], parent,
            "2021-07-01", until=until)
        for _ in range(3 if until else 5):
            new_member(c, code, "2021-07-01", until=until)
        for e in ents:
            c.add("org_coverage", org=code, enterprise=uscc(e),
                  mode="joint" if len(ents) > 1 else "own", since="2021-07-01", until=until)
            if until is None:
                covered.add(e)
    for code, ents in (("P-I-CT", [5, 6]), ("P-I-PM", [12, 13, 14]), ("P-I-FR", [25, 26])):
        for e in ents:
            c.add("org_coverage", org=code, enterprise=uscc(e), mode="attached",
                  since="2021-07-01")
            covered.add(e)
    guided = [*range(41, 81), *range(81, 101), 7, 8, 9, 10, *range(15, 21), 27, 28, 29, 30]
    for n in range(1, 59):
        gender = c.rnd.choice("MF")
        birth = c.birth(1970, 1990)
        dept = "D-001" if n <= 20 else "D-002" if n <= 40 else "D-003" if n <= 50 else f"D-{n:03d}"
        until = "2022-12-31" if n == 58 else None
        code = f"I{n:02d}"
        c.add("instructors", code=code, name=c.person_name(), idNumber=c.id_number(birth, gender),
              department=dept, since="2021-05-01", until=until)
        ents = ([guided[n - 1]] if n <= 40 else [31] if n == 58
                else guided[40 + (n - 41) * 2: 42 + (n - 41) * 2])
        for e in ents:
            c.add("guidance", instructor=code, enterprise=uscc(e), since="2021-05-01",
                  until=until)
            if until is None:
                covered.add(e)
    c.gaps["enterprisesUncovered"] = [uscc(i) for i in range(1, 101) if i not in covered]


def brand_and_plans(c: County) -> None:
    c.add("brands", code="BR-XAJP", name="兴安嘉品", kind="regional_public")
    c.add("honours", code="HON-01", brand="BR-XAJP", title="最具人气农产品区域公用品牌",
          event="第十届全球互联网经济大会", on="2021-12-10")
    c.add("honours", code="HON-02", brand="BR-XAJP", title="最受消费者信赖农产品区域公用品牌",
          event="第七届中国品牌博鳌峰会", on="2022-07-20")
    for n, (name, category) in enumerate(PRODUCTS, start=1):
        branded = n <= 3
        c.add("products", code=f"PRD-{n:02d}", name=name, category=category,
              brand="BR-XAJP" if branded else None, brandSince="2021-05-01" if branded else None)
    for n, v in enumerate(c.villages):
        c.add("dev_plans", code=f"PLAN-{v}", title=f"{v}村“十四五”发展规划", period="14th-FYP",
              adoptedOn=d(c.day(date(2021, 3, 1), date(2021, 12, 31))), village=v,
              product=f"PRD-{(n % len(PRODUCTS)) + 1:02d}")
    for n in range(20):
        v = c.villages[n]
        c.add("cooperatives", code=f"COOP-{n + 1:02d}", name=c.place("农民专业合作社"),
              farmerHouseholds=c.rnd.randint(30, 120), village=v, org=f"P-{v}",
              since=d(c.day(date(2020, 1, 1), date(2022, 12, 31))))


def order(c: County, reported: date, returned: bool, closed: bool) -> None:
    code = f"WO-{reported.year}-{c.next('WO', 5)[2:]}"
    grids = [g for g in c.grids if g != NEW_GRID]
    place = c.rnd.choice(grids) if c.rnd.random() < 0.8 else c.rnd.choice(c.villages)
    dept = c.rnd.choice(c.departments[:132])
    c.add("work_orders", code=code, title=f"{c.rnd.choice(ORDER_KINDS)}事件",
          category=c.rnd.choice(ORDER_KINDS), reportedOn=d(reported), territory=place)
    steps = [("routed", reported)]
    if returned:
        steps.append(("returned", reported + timedelta(days=2)))
    else:
        steps.append(("accepted", reported + timedelta(days=1)))
        if closed:
            steps.append(("closed", reported + timedelta(days=c.rnd.randint(3, 15))))
    for seq, (status, on) in enumerate(steps, start=1):
        c.add("order_steps", order=code, seq=seq, status=status, on=d(on), department=dept)


def work_orders(c: County) -> None:
    returned = set(c.rnd.sample(range(2196), 46))
    for n in range(2196):
        order(c, c.day(date(2022, 1, 1), date(2023, 6, 10)), n in returned, True)
    for n in range(40):
        order(c, c.day(date(2024, 1, 5), date(2024, 6, 30)), n >= 30, n < 20)


def campaign(c: County) -> None:
    c.add("campaigns", code="CAMP-ZGGX", name="扎根做贡献·担当勇争先", launchedOn="2022-03-01")
    outlets = ["县融媒体中心", "盟日报", "党建网", "省电视台", "组工信息"]
    for n in range(1, 16):
        on = c.day(*AFTER) if n > 13 else c.day(date(2022, 3, 15), date(2023, 6, 20))
        c.add("publications", code=f"PUB-{n:02d}", title=f"非公党建好做法{n}",
              outlet=outlets[n % 5], publishedOn=d(on), campaign="CAMP-ZGGX")
    pool = [m for k in range(1, 9) for m in c.org_members[f"P-E{k:02d}"]]
    for n in range(1, 21):
        kind = "party_affairs_worker" if n <= 12 else "outstanding_member"
        title = "优秀党务工作者" if n <= 12 else "优秀共产党员"
        c.add("commendations", code=f"CMD-{n:02d}", kind=kind, title=title,
              awardedOn="2023-06-28", member=pool[n - 1])
