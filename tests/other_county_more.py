"""The generated second county's work orders, cadres and the records coverage reads beyond
grids and households (enterprises, graduates, weak organisations, facilities); see
tests/other_county.py.
"""

from __future__ import annotations

import random
from datetime import date

from tests.other_county import MOVED_GRID, START, County, Link, Row, id_number, maybe, uscc


def orders(c: County, rnd: random.Random) -> None:
    # Kept out of the moved grid: orders/stats_by_township places an order by :IN links of
    # any date here, so a moved grid's orders would count in both townships.
    places = [p for p in c.grids + c.villages + c.communities if p != MOVED_GRID]
    for n in range(1, 61):
        code = f"QY-WO-{n:03d}"
        reported = date(2022, rnd.randint(1, 12), rnd.randint(1, 28))
        place = rnd.choice(places)
        c.add("work_orders", code=code, title=maybe(rnd, f"事件{n}", 0.2),
              category=maybe(rnd, rnd.choice(["环境", "治安", "民生"]), 0.2),
              reportedOn=reported, territory=place)
        c.links.append(Link(code, place, reported))
        dept = rnd.choice(["QY-D1", "QY-D2", "QY-D3"])
        steps = ["routed"] + rnd.choices([["returned"], ["accepted"], ["accepted", "closed"]],
                                         [1, 2, 5])[0]
        for seq, status in enumerate(steps, start=1):
            # The last orders close after the report date, so "as of" matters.
            on = date(2023, 5 + (n > 55) * 2, seq + 1)
            c.add("order_steps", order=code, seq=seq, status=status, on=on, department=dept)


def cadres(c: County, rnd: random.Random) -> None:
    n = 0
    for village in c.villages:
        for _ in range(rnd.randint(1, 2)):
            n += 1
            code = f"QY-K{n:03d}"
            born = date(rnd.randint(1955, 1975), rnd.randint(1, 12), rnd.randint(1, 28))
            c.add("cadres", code=code, name=f"干部{n}",
                  idNumber=maybe(rnd, id_number(rnd, born), 0.3), gender=rnd.choice("MF"),
                  birthDate=born)
            start = date(rnd.randint(2000, 2014), rnd.choice([1, 7]), 1)
            end = rnd.choice([None, date(rnd.randint(2016, 2022), 1, 1)])
            c.add("cadre_posts", cadre=code, unit=village,
                  post=rnd.choice(["secretary", "director", "deputy_secretary"]),
                  since=start, until=end)
            if rnd.random() < 0.4:
                c.add("cadre_posts", cadre=code, unit=village, post="director",
                      since=date(start.year + rnd.randint(0, 4), 1, 1), until=end)
            for year in range(2012, 2024):
                c.add("cadre_ratings", cadre=code, unit=village, year=year,
                      grade=rnd.choices(["excellent", "competent"], [3, 2])[0])


def coverage(c: County, rnd: random.Random) -> None:
    for n, village in enumerate(c.villages, start=1):
        if rnd.random() < 0.7:
            left = rnd.random() < 0.2
            c.add("graduates", code=f"QY-S{n:03d}", name=f"大学生{n}",
                  idNumber=maybe(rnd, id_number(rnd, date(1998, 3, 3)), 0.3),
                  school=maybe(rnd, "青原学院", 0.3), unit=village, since=date(2021, 9, 1),
                  until=date(2023, 1, 1) if left else None)
    c.add("party_orgs", code="P-QY-I1", name="货运行业党委", kind="industry_org", territory="QY",
          parent="P-QY", industry="freight", since=START)
    c.add("instructors", code="QY-I1", name="指导员1", idNumber=None, department="QY-D3",
          since=START)
    c.add("instructors", code="QY-I2", name="指导员2",
          idNumber=id_number(rnd, date(1980, 1, 1)), department="QY-D3", since=START)
    for n in range(1, 11):
        ent = uscc(n)
        town = c.townships[n % 3]
        place = town if n % 4 else next(x for x in c.communities if x.startswith(town))
        c.add("enterprises", code=ent, name=f"企业{n}", industry="freight",
              size=maybe(rnd, rnd.randint(5, 80), 0.3), territory=place, since=START)
        c.links.append(Link(ent, place, START))
        way = n % 4
        if way == 0:
            c.add("party_orgs", code=f"P-QY-E{n}", name=f"企业{n}党支部", kind="enterprise_org",
                  territory=town, parent="P-QY-I1", since=START)
            c.add("org_coverage", org=f"P-QY-E{n}", enterprise=ent, mode="own", since=START)
        elif way == 1:
            c.add("org_coverage", org="P-QY-I1", enterprise=ent, mode="attached", since=START)
        elif way == 2:
            c.add("guidance", instructor=f"QY-I{1 + n % 2}", enterprise=ent, since=START)
    for n, village in enumerate(c.villages[:4], start=1):
        c.add("weak_orgs", code=f"QY-WL{n}", org=f"P-{village}", designatedOn=date(2022, 3, 1),
              rectifiedOn=date(2023, 3, 1) if n % 2 else None,
              reason=maybe(rnd, "班子不团结", 0.5))
    haves = ("hasToilet", "hasAirConditioning", "hasWaterDispenser", "hasPowerBank", "hasWifi",
             "hasFirstAidKit", "hasSeats")
    for n, area in enumerate([1500, 800, None], start=1):
        c.add("facilities", code=f"QY-FAC-SC{n}", name=f"服务中心{n}", kind="service_centre",
              territory=c.townships[n - 1], since=date(2021, 1, 1), areaM2=area)
    for n, gap in enumerate([None, False, "empty"], start=1):
        station: Row = {h: True for h in haves}
        if gap is not None:
            station["hasWifi"] = None if gap == "empty" else gap
        c.add("facilities", code=f"QY-FAC-WS{n}", name=f"驿站{n}", kind="worker_station",
              territory=c.townships[n - 1], since=date(2021, 1, 1), **station)


def brand(c: County, rnd: random.Random) -> None:
    """A regional public brand of another name: F11 counts a county's own brand, whatever
    it is called. Some products join and one honour comes after the report day."""
    c.add("brands", code="BR-QYSZ", name="青原山珍", kind="regional_public")
    for n in range(1, 6):
        joined = date(2021, 3, 1) if n <= 3 else date(2024, 5, 1)
        branded = rnd.random() < 0.8 or n == 1
        c.add("products", code=f"QY-PRD-{n}", name=f"山珍{n}", category="特产",
              brand="BR-QYSZ" if branded else None, brandSince=joined if branded else None)
    for n, on in enumerate([date(2022, 5, 1), date(2024, 2, 1)], start=1):
        c.add("honours", code=f"QY-HON-{n}", brand="BR-QYSZ", title=f"荣誉{n}",
              event=f"展会{n}", on=on)
