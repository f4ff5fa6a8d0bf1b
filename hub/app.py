"""The Starlette application. Its lifespan owns the one AsyncDriver and everything shared."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from neo4j import AsyncGraphDatabase, NotificationMinimumSeverity
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from hub.auth import Authenticator
from hub.console import console_routes
from hub.cypher import Queries
from hub.db import Database
from hub.export import export_gaps
from hub.gate import AuthGate
from hub.graphql_app import graphql_routes
from hub.migrate import current_version, latest, migrate
from hub.settings import Settings
from hub.upload import import_endpoint

log = logging.getLogger("hub")
# Neo4j's notices ("label does not exist yet" on an empty database) are for query authors in
# Browser; in the hub's console they would bury what the operator needs to read.
QUIET = NotificationMinimumSeverity.OFF


@dataclass
class Shared:
    """What the lifespan builds once and every request uses."""

    settings: Settings
    db: Database
    schema_version: int
    auth: Authenticator


def shared(request: Request) -> Shared:
    state: Shared = request.app.state.shared
    return state


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    s = shared(request)
    try:
        await s.db.read("schema.ping", timeout=2.0)
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
    return JSONResponse({"status": "ready", "neo4j": "up", "schema": version})


def create_app(settings: Settings) -> Starlette:
    """Build the app; nothing touches Neo4j until the lifespan starts."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        assert settings.neo4j_uri is not None, "resolve the local Neo4j before create_app"
        auth = Authenticator.from_settings(settings)
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password or ""),
            notifications_min_severity=QUIET,
        )
        db = Database(driver, settings.neo4j_database, Queries(),
                      settings.limits.tx_timeout_seconds)
        try:
            version = await migrate(db)
            app.state.shared = Shared(settings=settings, db=db, schema_version=version, auth=auth)
            yield
        finally:
            await driver.close()

    routes: list[BaseRoute] = [Route("/healthz", healthz), Route("/readyz", readyz),
                               Route("/import", import_endpoint, methods=["POST"]),
                               Route("/export/gaps", export_gaps, methods=["GET"]),
                               *graphql_routes(settings), *console_routes(settings)]
    return Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(AuthGate)])
