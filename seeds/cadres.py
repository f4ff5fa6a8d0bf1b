"""Village cadres: the current office holders, and the planted departure-allowance cases.

`K-Q01…K-Q25` qualify on 2023-06-30; `K-NM1…K-NM8` are near misses (docs/model.md).
"""

from __future__ import annotations

from datetime import date

from seeds.county import GRADES, County, d

Span = tuple[str, str, str | None]  # post, since, until


def cadre(c: County, code: str, birth: date, gender: str = "M") -> None:
    c.add("cadres", code=code, name=c.person_name(), idNumber=c.id_number(birth, gender),
          gender=gender, birthDate=d(birth))


def serve(c: County, code: str, unit: str, spans: list[Span], excellent: set[int]) -> None:
    years: set[int] = set()
    for post, since, until in spans:
        c.add("cadre_posts", cadre=code, unit=unit, post=post, since=since, until=until)
        last = int(until[:4]) - 1 if until else 2022
        years.update(range(int(since[:4]), last + 1))
    for year in sorted(years):
        c.add("cadre_ratings", cadre=code, unit=unit, year=year,
              grade="excellent" if year in excellent else "competent")


def run(start: int, n: int = 3) -> set[int]:
    return set(range(start, start + n))


PLANTED: list[tuple[str, date, list[Span], set[int]]] = [
    ("K-Q01", date(1958, 4, 2), [("secretary", "2005-03-01", "2015-03-01")], run(2007)),
    ("K-Q02", date(1956, 9, 9), [("director", "2000-01-01", "2008-01-01"),
                                 ("secretary", "2009-01-01", "2016-01-01")], run(2010)),
    ("K-Q03", date(1957, 1, 20), [("director", "2004-01-01", "2009-01-01"),
                                  ("secretary", "2009-01-01", "2014-01-01")], run(2005)),
    ("K-Q04", date(1955, 5, 5), [("secretary", "2002-01-01", "2014-01-01")],
     {2004, 2006, 2008, 2010, 2012}),
    ("K-Q05", date(1963, 6, 30), [("secretary", "2003-01-01", "2015-01-01")], run(2005)),
    ("K-NM1", date(1955, 3, 3), [("secretary", "2006-01-01", "2015-01-01")], run(2007)),
    ("K-NM2", date(1955, 3, 4), [("secretary", "2000-01-01", "2007-01-01"),
                                 ("secretary", "2009-01-01", "2016-01-01")], run(2001)),
    ("K-NM3", date(1955, 3, 5), [("secretary", "2002-01-01", "2014-01-01")],
     {2005, 2007, 2009, 2011}),
    ("K-NM4", date(1963, 7, 1), [("secretary", "2003-01-01", "2015-01-01")], run(2005)),
    ("K-NM5", date(1955, 3, 6), [("deputy_secretary", "2000-01-01", "2012-01-01")], run(2001)),
    ("K-NM6", date(1955, 3, 7), [("secretary", "2005-01-01", "2013-01-01"),
                                 ("director", "2005-01-01", "2013-01-01")], run(2006)),
    ("K-NM7", date(1955, 3, 8), [("secretary", "2002-01-01", "2014-01-01")],
     {2005, 2006, 2008, 2009}),
    ("K-NM8", date(1973, 3, 3), [("secretary", "2000-01-01", "2012-01-01")], run(2001)),
]


def cadres(c: County) -> None:
    units = c.villages + c.communities
    for n, unit in enumerate(units):
        since = d(c.day(date(2018, 1, 1), date(2021, 12, 31)))
        one = c.rnd.random() < 0.3
        for post in ("secretary",) if one else ("secretary", "director"):
            code = c.next("K", 4)
            cadre(c, code, c.birth(1972, 1993), c.rnd.choice("MF"))
            spans: list[Span] = [(post, since, None)]
            if one:
                spans.append(("director", since, None))
            for p, s, u in spans:
                c.add("cadre_posts", cadre=code, unit=unit, post=p, since=s, until=u)
            for year in range(int(since[:4]), 2023):
                c.add("cadre_ratings", cadre=code, unit=unit, year=year,
                      grade=c.rnd.choice(GRADES))
        if n < 20:
            code = c.next("K", 4)
            cadre(c, code, c.birth(1955, 1962))
            serve(c, code, unit, [("secretary", "2010-01-01", "2017-01-01")], run(2011))
    for i, (code, birth, spans, excellent) in enumerate(PLANTED):
        cadre(c, code, birth)
        serve(c, code, c.villages[20 + i], spans, excellent)
    for i in range(6, 26):
        start = 1998 + i % 6
        code = f"K-Q{i:02d}"
        cadre(c, code, date(1950 + i % 10, 1 + i % 12, 10))
        serve(c, code, c.villages[30 + i],
              [("secretary", f"{start}-01-01", f"{start + 12}-01-01")], run(start + 2))
