"""The README's first query (docs/first-query.graphql), run exactly as a user would paste it."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from hub.core.settings import PROJECT_ROOT
from tests.graphql_helpers import data


async def test_the_first_query_runs_as_written(client: httpx.AsyncClient) -> None:
    query = (PROJECT_ROOT / "docs" / "first-query.graphql").read_text(encoding="utf-8")
    result = await data(client, query)
    county = result["county"]
    assert county["code"] == "XC"
    print(result)


def test_the_readme_shows_the_first_query() -> None:
    query = (PROJECT_ROOT / "docs" / "first-query.graphql").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```graphql\n{query.rstrip()}\n```" in readme


async def test_the_township_query_runs_as_written_with_a_township_token(
        client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    query = (PROJECT_ROOT / "docs" / "township-query.graphql").read_text(encoding="utf-8")
    result = await data(client, query, headers=bearer("township", "XC-T01"))
    township = result["unit"]
    assert township["code"] == "XC-T01"
    assert township["villages"]["totalCount"] > 0 and township["communities"]["totalCount"] > 0
    coverage = result["coverage"]
    assert coverage["whole"]["total"] == sum(c["total"] for c in coverage["byChild"]) > 0
    # The county's own first query gives a township nothing: that is why this one exists.
    first = (PROJECT_ROOT / "docs" / "first-query.graphql").read_text(encoding="utf-8")
    assert (await data(client, first, headers=bearer("township", "XC-T01")))["county"] is None


def test_the_readme_shows_the_township_query() -> None:
    query = (PROJECT_ROOT / "docs" / "township-query.graphql").read_text(encoding="utf-8")
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```graphql\n{query.rstrip()}\n```" in readme
