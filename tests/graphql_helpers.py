"""Helpers for the GraphQL tests: post a document, get `data` (failing on any error)."""

from __future__ import annotations

from typing import Any

import httpx

REPORT_DAY = "2023-06-30"


async def gql(client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None,
              **variables: Any) -> dict[str, Any]:
    """The full response body of a GraphQL POST."""
    response = await client.post("/graphql", json={"query": query, "variables": variables},
                                 headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def data(client: httpx.AsyncClient, query: str, headers: dict[str, str] | None = None,
               **variables: Any) -> dict[str, Any]:
    """`data` of a GraphQL POST that must succeed without errors."""
    body = await gql(client, query, headers, **variables)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


def round_trips(body: dict[str, Any]) -> int:
    count: int = body["extensions"]["roundTrips"]["count"]
    return count
