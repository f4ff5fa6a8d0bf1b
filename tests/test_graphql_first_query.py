"""The README's first query (docs/first-query.graphql), run exactly as a user would paste it."""

from __future__ import annotations

import httpx

from hub.settings import PROJECT_ROOT
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
