"""The warm-up after a start (hub/http/warmup.py) runs in the background: the lifespan's start,
/healthz and /readyz never wait for it, and it runs the first query and every coverage
dimension once, without failing, on the demo county."""

from __future__ import annotations

import dataclasses

import httpx

from hub.core.settings import Settings
from hub.graph.db import Database
from hub.http.app import create_app
from hub.query.coverage import REGISTRY


async def test_warm_up_runs_in_the_background_and_readiness_does_not_wait(
        settings: Settings, demo: Database) -> None:
    app = create_app(dataclasses.replace(settings, warm_up=True))
    async with app.router.lifespan_context(app):
        task = app.state.warming
        assert task is not None and not task.done(), "the start did not wait for it"
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://hub") as http:
            health = await http.get("/healthz")
            # Thirteen documents against Neo4j cannot have finished while /healthz, which
            # reads nothing, was answered.
            assert health.status_code == 200 and not task.done()
            ready = await http.get("/readyz")
            assert ready.status_code == 200 and ready.json()["status"] == "ready"
            report = await task
            assert (await http.get("/readyz")).json()["warm"] is True
    assert report.done and report.failed == []
    assert [name for name, _ in report.ran] == [
        "first-query", *(f"coverage {d.name}" for d in REGISTRY)]


async def test_no_warm_up_when_switched_off(settings: Settings, demo: Database) -> None:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        assert app.state.warming is None
        assert app.state.shared.warm.done is False
