"""The Starlette application. Its lifespan owns the one AsyncDriver and everything shared."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from hub.core.settings import Settings
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.migrate import current_version, latest, migrate
from hub.http.auth import Authenticator
from hub.http.console import console_routes
from hub.http.export import export_gaps
from hub.http.fairshare import BodyLimit, CallerLimits
from hub.http.faults import QUIET, JsonErrors, open_driver, target_of
from hub.http.gate import AuthGate
from hub.http.graphql_app import HubGraphQL, graphql_routes
from hub.http.upload import import_endpoint
from hub.http.warmup import WarmUp

log = logging.getLogger("hub")
__all__ = ["QUIET", "create_app"]
# /readyz answers within 2 s whatever Neo4j does (a probe that hangs is no probe).
READY_WITHIN = 1.8


@dataclass
class Shared:
    """What the lifespan builds once and every request uses."""

    settings: Settings
    db: Database
    schema_version: int
    auth: Authenticator
    warm: WarmUp


def shared(request: Request) -> Shared:
    state: Shared = request.app.state.shared
    return state


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    s = shared(request)
    try:
        async with asyncio.timeout(READY_WITHIN):
            await s.db.read("schema.ping", timeout=READY_WITHIN)
            version = await current_version(s.db)
    except Exception as exc:  # readiness reports, never raises
        log.warning("readyz: neo4j not answering: %s", exc)
        return JSONResponse({"status": "unavailable", "neo4j": "down"}, status_code=503)
    want = latest(s.db.queries)
    if version < want:
        return JSONResponse(
            {"status": "unavailable", "neo4j": "up", "schema": version, "want": want},
            status_code=503,
        )
    return JSONResponse({"status": "ready", "neo4j": "up", "schema": version,
                         "warm": s.warm.done})


def create_app(settings: Settings) -> Starlette:
    """Build the app; nothing touches Neo4j until the lifespan starts."""
    endpoint = HubGraphQL(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        assert settings.neo4j_uri is not None, "resolve the local Neo4j before create_app"
        auth = Authenticator.from_settings(settings)
        driver = open_driver(settings)
        db = Database(driver, settings.neo4j_database, Queries(),
                      settings.limits.tx_timeout_seconds, target_of(settings),
                      settings.fair.neo4j_retry_seconds)
        try:
            version = await migrate(db)
            warm = WarmUp()
            app.state.shared = Shared(settings=settings, db=db, schema_version=version, auth=auth,
                                      warm=warm)
            # In the background: the hub answers (and /healthz says so) while Neo4j plans.
            app.state.warming = (asyncio.create_task(endpoint.warm_up(db, warm))
                                 if settings.warm_up else None)
            yield
        finally:
            if getattr(app.state, "warming", None) is not None:
                app.state.warming.cancel()
            await driver.close()

    routes: list[BaseRoute] = [Route("/healthz", healthz), Route("/readyz", readyz),
                               Route("/import", import_endpoint, methods=["POST"]),
                               Route("/export/gaps", export_gaps, methods=["GET"]),
                               *graphql_routes(endpoint), *console_routes(settings)]
    fair = settings.fair
    # Outermost first: errors become JSON; bodies are bounded before anything reads them;
    # callers are known only behind the gate, so their shares are kept there.
    middleware = [Middleware(JsonErrors),
                  Middleware(BodyLimit, default=fair.max_body_bytes,
                             per_path={"/import": fair.max_upload_bytes}),
                  Middleware(AuthGate), Middleware(CallerLimits, fair=fair)]
    return Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
