"""The probes a load balancer uses: /healthz (process up) and /readyz (Neo4j + schema)."""

from __future__ import annotations

import httpx

from hub.core.settings import Settings
from hub.graph.cypher import Queries
from hub.graph.migrate import latest
from hub.http.app import create_app


async def test_healthz_and_readyz_on_a_migrated_database(settings: Settings, db: object) -> None:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as http:
            assert (await http.get("/healthz")).json() == {"status": "ok"}
            ready = await http.get("/readyz")
            anonymous = await http.post("/graphql", json={"query": "{ __typename }"})
    assert ready.status_code == 200
    # The test settings switch the warm-up off (tests/conftest.py), so it never reports done.
    assert not settings.warm_up
    assert ready.json() == {"status": "ready", "neo4j": "up", "schema": latest(Queries()),
                            "warm": False}
    assert anonymous.status_code == 401, "anonymous requests get nothing but the probes"
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
