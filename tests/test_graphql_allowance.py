"""The departure-allowance rule (F6) over HTTP on the planted cases, and its thresholds read
from configuration."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from hub.core.errors import ConfigError
from hub.core.settings import PROJECT_ROOT, Settings
from hub.query.allowance import AllowanceRule, judge, merge_spans, months_between
from tests.graphql_helpers import REPORT_DAY, data

ALLOWANCE = """
query Allowance($asOf: Date, $cadres: [String!], $qualifiedOnly: Boolean! = true) {
  departureAllowance(asOf: $asOf, cadres: $cadres, qualifiedOnly: $qualifiedOnly, first: 100) {
    ... on Allowance {
      qualified
      rule { consecutiveYears totalYears excellentConsecutive excellentTotal departureAge posts }
      cases { totalCount nodes {
        code qualifies tenureMet ratingsMet ageMet longestMonths totalMonths
        excellentYears longestExcellentRun reachesDepartureAgeOn reasonsZh reasonsEn
        spans { start end months } } }
    }
  }
}
"""


async def cases(client: httpx.AsyncClient, codes: list[str] | None, as_of: str = REPORT_DAY,
                qualified_only: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = (await data(client, ALLOWANCE, asOf=as_of, cadres=codes,
                                         qualifiedOnly=qualified_only))["departureAllowance"]
    return result


async def test_twenty_five_qualify_at_the_report_date(client: httpx.AsyncClient) -> None:
    result = await cases(client, None, qualified_only=True)
    assert result["qualified"] == 25
    assert sorted(c["code"] for c in result["cases"]["nodes"]) == [
        f"K-Q{n:02d}" for n in range(1, 26)]
    assert result["rule"] == {"consecutiveYears": 10, "totalYears": 15, "excellentConsecutive": 3,
                              "excellentTotal": 5, "departureAge": 60,
                              "posts": ["secretary", "director"]}


async def test_edge_cases_that_qualify(client: httpx.AsyncClient) -> None:
    found = {c["code"]: c for c in (await cases(
        client, ["K-Q01", "K-Q02", "K-Q03", "K-Q04", "K-Q05"]))["cases"]["nodes"]}
    assert all(c["qualifies"] for c in found.values())
    assert found["K-Q01"]["longestMonths"] == 120
    assert found["K-Q02"]["longestMonths"] < 120 <= 180 <= found["K-Q02"]["totalMonths"]
    assert len(found["K-Q03"]["spans"]) == 1 and found["K-Q03"]["longestMonths"] >= 120
    assert len(found["K-Q04"]["excellentYears"]) == 5
    assert found["K-Q04"]["longestExcellentRun"] < 3
    assert found["K-Q05"]["reachesDepartureAgeOn"] == REPORT_DAY
    assert any("— met" in r for r in found["K-Q01"]["reasonsEn"])


async def test_near_misses_fail_on_the_condition_they_miss(client: httpx.AsyncClient) -> None:
    codes = [f"K-NM{n}" for n in range(1, 9)]
    found = {c["code"]: c for c in (await cases(client, codes))["cases"]["nodes"]}
    assert not any(c["qualifies"] for c in found.values())
    failing = {code: [k for k in ("tenureMet", "ratingsMet", "ageMet") if not c[k]]
               for code, c in found.items()}
    assert failing == {"K-NM1": ["tenureMet"], "K-NM2": ["tenureMet"], "K-NM3": ["ratingsMet"],
                       "K-NM4": ["ageMet"], "K-NM5": ["tenureMet"], "K-NM6": ["tenureMet"],
                       "K-NM7": ["ratingsMet"], "K-NM8": ["ageMet"]}
    assert found["K-NM1"]["longestMonths"] == 108
    assert found["K-NM6"]["totalMonths"] == 96
    assert any("不符合" in r for r in found["K-NM3"]["reasonsZh"])


async def test_a_day_later_the_cadre_who_turns_sixty_qualifies(client: httpx.AsyncClient) -> None:
    found = (await cases(client, ["K-NM4"], as_of="2023-07-01"))["cases"]["nodes"]
    assert found[0]["qualifies"]


def test_thresholds_come_from_the_config_file(tmp_path: Path) -> None:
    default = AllowanceRule.load(PROJECT_ROOT / "config" / "allowance.toml")
    assert default == AllowanceRule()
    text = (PROJECT_ROOT / "config" / "allowance.toml").read_text("utf-8")
    custom = tmp_path / "allowance.toml"
    custom.write_text(text.replace("departure_age = 60", "departure_age = 55"), "utf-8")
    assert AllowanceRule.load(custom) == replace(default, departure_age=55)
    broken = tmp_path / "broken.toml"
    broken.write_text("[tenure]\nposts = 3\n", "utf-8")
    with pytest.raises(ConfigError):
        AllowanceRule.load(broken)


def test_spans_merge_and_months_count_whole_months() -> None:
    assert months_between(date(2013, 6, 30), date(2023, 6, 30)) == 120
    assert months_between(date(2013, 7, 1), date(2023, 6, 30)) == 119
    assert merge_spans([(date(2010, 1, 1), date(2015, 1, 1)), (date(2015, 1, 1), date(2020, 1, 1)),
                        (date(2012, 1, 1), date(2014, 1, 1))]) == [
        (date(2010, 1, 1), date(2020, 1, 1))]
    row = {"posts": [{"post": "secretary", "since": date(2010, 1, 1), "until": None},
                     {"post": "director", "since": date(2010, 1, 1), "until": None}],
           "ratings": [{"year": y, "grade": "excellent"} for y in (2018, 2019, 2020)],
           "birthDate": date(1960, 2, 29)}
    assert not judge(AllowanceRule(), date(2020, 2, 28), row).age_ok
    verdict = judge(AllowanceRule(), date(2020, 2, 29), row)
    assert verdict.total_months == 121 and verdict.qualifies


def test_the_config_path_and_the_round_trip_report_are_settings() -> None:
    settings = Settings.from_env({"HUB_ALLOWANCE_CONFIG": "/etc/county/allowance.toml",
                                  "HUB_DEBUG_ROUND_TRIPS": "1"})
    assert settings.allowance_config == Path("/etc/county/allowance.toml")
    assert settings.debug_round_trips
    default = Settings.from_env({})
    assert default.allowance_config == PROJECT_ROOT / "config" / "allowance.toml"
    assert not default.debug_round_trips
