"""The departure-allowance rule (F6, 离任补贴): who qualifies, and why.

The thresholds are configuration (config/allowance.toml, or the file HUB_ALLOWANCE_CONFIG
names), because counties set them differently. The graph supplies each cadre's posts,
ratings and birth date (cypher/allowance/cadres.cypher); the rule is applied here, where the
tenure spans can be merged and explained step by step.

Tenure: posts that count are clipped to the as-of date and merged into spans (overlapping or
touching posts are one span, so holding two posts at once counts once). Months are whole
calendar months, as Neo4j's `duration.inMonths` counts them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hub.core.errors import ConfigError


@dataclass(frozen=True)
class AllowanceRule:
    """Thresholds of the rule; the defaults are those of the report."""

    posts: tuple[str, ...] = ("secretary", "director")
    consecutive_years: int = 10
    total_years: int = 15
    grade: str = "excellent"
    excellent_consecutive: int = 3
    excellent_total: int = 5
    departure_age: int = 60

    @classmethod
    def load(cls, path: Path) -> AllowanceRule:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            tenure, ratings, age = raw["tenure"], raw["ratings"], raw["age"]
            rule = cls(
                posts=tuple(str(p) for p in tenure["posts"]),
                consecutive_years=int(tenure["consecutive_years"]),
                total_years=int(tenure["total_years"]),
                grade=str(ratings["grade"]),
                excellent_consecutive=int(ratings["consecutive_years"]),
                excellent_total=int(ratings["total_years"]),
                departure_age=int(age["departure_age"]),
            )
        except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ConfigError(path=path, reason=f"{type(exc).__name__}: {exc}") from exc
        return rule


def as_date(value: Any) -> date:
    """A Neo4j DATE as a Python date (the driver returns its own Date type)."""
    native = value.to_native() if hasattr(value, "to_native") else value
    if not isinstance(native, date):
        raise TypeError(f"not a date: {value!r}")
    return native


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (2013-07-01 → 2023-07-01 is 120)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def birthday(born: date, age: int) -> date:
    """The day a person born on `born` reaches `age` (29 Feb → 28 Feb in common years)."""
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return born.replace(year=born.year + age, day=28)


def merge_spans(posts: list[tuple[date, date]]) -> list[tuple[date, date]]:
    spans: list[tuple[date, date]] = []
    for start, end in sorted(posts):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def longest_run(years: list[int]) -> int:
    best = run = 0
    previous: int | None = None
    for year in sorted(set(years)):
        run = run + 1 if previous is not None and year == previous + 1 else 1
        best = max(best, run)
        previous = year
    return best


@dataclass(frozen=True)
class Verdict:
    """One cadre measured against the rule, with every number the decision used."""

    spans: list[tuple[date, date]]
    longest_months: int
    total_months: int
    excellent_years: list[int]
    longest_excellent_run: int
    turns_departure_age_on: date | None
    tenure_ok: bool
    ratings_ok: bool
    age_ok: bool

    @property
    def qualifies(self) -> bool:
        return self.tenure_ok and self.ratings_ok and self.age_ok

    @property
    def undetermined(self) -> bool:
        """Tenure and ratings met but no birth date: whether the cadre qualifies is unknown."""
        return self.tenure_ok and self.ratings_ok and self.turns_departure_age_on is None


def judge(rule: AllowanceRule, as_of: date, row: dict[str, Any]) -> Verdict:
    """Apply the rule to a row of cypher/allowance/cadres.cypher."""
    posts = [(as_date(p["since"]), min(as_date(p["until"] or as_of), as_of))
             for p in row["posts"] if p["post"] in rule.posts]
    spans = merge_spans([p for p in posts if p[0] < p[1]])
    lengths = [months_between(s, e) for s, e in spans]
    longest, total = max(lengths, default=0), sum(lengths)
    years = sorted({int(r["year"]) for r in row["ratings"]
                    if r["grade"] == rule.grade and int(r["year"]) <= as_of.year})
    run = longest_run(years)
    born = as_date(row["birthDate"]) if row["birthDate"] is not None else None
    reached = birthday(born, rule.departure_age) if born is not None else None
    return Verdict(
        spans=spans, longest_months=longest, total_months=total,
        excellent_years=years, longest_excellent_run=run, turns_departure_age_on=reached,
        tenure_ok=longest >= rule.consecutive_years * 12 or total >= rule.total_years * 12,
        ratings_ok=run >= rule.excellent_consecutive or len(years) >= rule.excellent_total,
        age_ok=reached is not None and reached <= as_of,
    )
