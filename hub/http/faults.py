"""Faults fail fast and answer in JSON.

* `open_driver` builds the one AsyncDriver with short connection, acquisition and retry
  times (hub/core/settings.py `Fairness`): with Neo4j away a request fails within seconds as
  `Neo4jUnavailable` instead of waiting out the driver's 30-60 s defaults, and the driver
  reconnects by itself once Neo4j is back (its pool drops dead connections), so the hub
  heals without a restart.
* `JsonErrors` is the outermost ASGI middleware below Starlette's own: whatever an endpoint
  raises (a refusal from hub/http/fairshare.py, an outage, a bug) is answered as JSON in Chinese
  and English with a `code` and the status that fits, never as Starlette's plain-text 500.
  Unexpected errors are masked and logged with an incident id, as on /graphql.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, NotificationMinimumSeverity
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.core.errors import (
    BodyTooLarge,
    BodyTooSlow,
    HubError,
    InputError,
    Neo4jUnavailable,
    NotPermitted,
    QueryTimeout,
    TooManyRequests,
    Unauthenticated,
    WorkbookTooLarge,
)
from hub.core.settings import Settings
from hub.files.problems import ImportTooLarge
from hub.graph.db import Target
from hub.importer.stage import ImportConflict

log = logging.getLogger("hub.http.faults")
# Neo4j's notices ("label does not exist yet" on an empty database) are for query authors in
# Browser; in the hub's console they would bury what the operator needs to read.
QUIET = NotificationMinimumSeverity.OFF
STATUS: tuple[tuple[type[HubError], int], ...] = (
    (Neo4jUnavailable, 503), (TooManyRequests, 429), (QueryTimeout, 504),
    (Unauthenticated, 401), (NotPermitted, 403), (BodyTooLarge, 413), (BodyTooSlow, 408),
    (WorkbookTooLarge, 413),
    (ImportTooLarge, 413), (ImportConflict, 409), (InputError, 400))
OUTAGES = (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired)


def open_driver(settings: Settings) -> AsyncDriver:
    """The driver on `settings.neo4j_uri`, failing fast while Neo4j is away."""
    assert settings.neo4j_uri is not None, "resolve the local Neo4j first"
    fair = settings.fair
    return AsyncGraphDatabase.driver(
        settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password or ""),
        notifications_min_severity=QUIET,
        connection_timeout=fair.neo4j_connect_timeout,
        connection_acquisition_timeout=max(fair.neo4j_acquire_timeout,
                                           fair.neo4j_connect_timeout),
        max_transaction_retry_time=fair.neo4j_retry_seconds)


def target_of(settings: Settings) -> Target:
    """How another process (an import's worker) reaches the Neo4j `settings` name."""
    assert settings.neo4j_uri is not None, "resolve the local Neo4j first"
    return Target(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password or "",
                  settings.neo4j_database)


def status_of(error: HubError) -> int:
    return next((code for kind, code in STATUS if isinstance(error, kind)), 500)


def error_response(error: HubError) -> JSONResponse:
    message = error.message()
    extensions: dict[str, Any] = {"code": type(error).__name__}
    headers = {}
    if isinstance(error, TooManyRequests):
        retry = str(error.retry_after)
        extensions["retryAfter"] = int(retry)
        headers["Retry-After"] = retry
    return JSONResponse({"message": message,
                         "errors": [{"message": message, "extensions": extensions}]},
                        status_code=status_of(error), headers=headers)


def incident_response(exc: BaseException) -> JSONResponse:
    incident = uuid.uuid4().hex[:12]
    log.error("incident %s", incident, exc_info=exc)
    message = f"内部错误，事件编号 {incident} / internal error, incident {incident}"
    return JSONResponse({"message": message, "errors": [
        {"message": message, "extensions": {"code": "INTERNAL", "incident": incident}}]},
        status_code=500)


class JsonErrors:
    """Answer any error raised before the response started as JSON."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as exc:
            if started:
                raise
            if isinstance(exc, OUTAGES):
                exc = Neo4jUnavailable(reason=type(exc).__name__)
            response = (error_response(exc) if isinstance(exc, HubError)
                        else incident_response(exc))
            await response(scope, receive, send)
