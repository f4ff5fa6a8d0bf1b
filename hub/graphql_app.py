"""Strawberry wired into Starlette: the `/graphql` endpoint, its context and its IDE.

The IDE is GraphiQL served from `hub/static/graphiql/` (vendored, with licences), never from
a CDN, because the hub runs on a closed intranet. Strawberry's own IDE page loads its
scripts from unpkg, so `render_graphql_ide` is replaced by the hub's own page.

Errors: a `HubError` raised on purpose reaches the client with its Chinese and English
message and its class as `extensions.code`; anything else is masked to a message with an
incident id, and logged with that id and the traceback.

The schema is an Apollo Federation v2 subgraph (`strawberry.federation.Schema`): it serves
`_service { sdl }` and `_entities`, so other county systems compose with it through a gateway
(docs/federation.md; entity resolution in schema/federation.py).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.federation import Schema

from hub.allowance import AllowanceRule
from hub.context import Context, principal_from_request
from hub.db import track, untrack
from hub.errors import HubError
from hub.gate import is_ide_page
from hub.gql_fair import IDE_HEADERS, FairSchema, ParseOffLoop
from hub.limits import limits_rule
from hub.settings import PROJECT_ROOT, Settings
from schema.audit_trail import AuditQuery
from schema.mutations import Mutation
from schema.root import Query

log = logging.getLogger("hub.graphql")
STATIC_DIR = Path(__file__).resolve().parent / "static"
FIRST_QUERY = PROJECT_ROOT / "docs" / "first-query.graphql"


class CountRoundTrips(SchemaExtension):
    """Count the Cypher round trips of one operation; report them when debugging is on."""

    def on_operation(self) -> Iterator[None]:
        context: Context = self.execution_context.context
        token = track(context.round_trips)
        try:
            yield
        finally:
            untrack(token)

    def get_results(self) -> dict[str, Any]:
        context: Context = self.execution_context.context
        if not context.debug_round_trips:
            return {}
        trips = context.round_trips
        return {"roundTrips": {"count": trips.count, "queries": sorted(trips.names)}}


def _plain(value: object) -> object:
    """A field of an error as JSON can carry it (dates, paths become text)."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


class MaskUnexpected(SchemaExtension):
    """Pass purposeful errors through, mask the rest with an incident id."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [self._process(e) for e in errors]

    @staticmethod
    def _process(error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None:
            return error
        if isinstance(original, HubError):
            return GraphQLError(original.message(), nodes=error.nodes, path=error.path,
                                extensions={"code": type(original).__name__,
                                            **{k: _plain(v) for k, v in original.fields.items()}})
        incident = uuid.uuid4().hex[:12]
        log.error("incident %s at %s", incident, error.path, exc_info=original)
        return GraphQLError(
            f"内部错误，事件编号 {incident} / internal error, incident {incident}",
            nodes=error.nodes, path=error.path,
            extensions={"code": "INTERNAL", "incident": incident})


@strawberry.type(name="Query",
                 description="党建中枢查询入口 / entry points of the Party-building hub")
class FullQuery(Query, AuditQuery):
    """The root queries and the audit trail, whose entry point lives beside the edits that
    write it (schema/audit_trail.py)."""


def build_schema(settings: Settings) -> Schema:
    # One rule class for the schema's life: the validation cache is keyed by the rules, and
    # a class made per request would never hit. Parsing and validating a document costs as
    # much as a gap list's Cypher (docs/performance.md), so repeated documents skip both.
    limits = limits_rule(settings.limits)
    extensions: list[Any] = [
        CountRoundTrips,
        MaskUnexpected,
        lambda: AddValidationRules([limits]),
        lambda: MaxTokensLimiter(max_token_count=settings.limits.max_tokens),
        ParseOffLoop,
        lambda: ValidationCache(maxsize=256),
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    # Federation v2 is Strawberry's default (`federation_version`, no flag needed).
    return FairSchema(query=FullQuery, mutation=Mutation, extensions=extensions,
                      max_entities=settings.fair.max_entities)


def ide_page() -> str:
    """The IDE page: vendored assets only, with the first query preloaded."""
    first = FIRST_QUERY.read_text(encoding="utf-8") if FIRST_QUERY.exists() else ""
    template = (STATIC_DIR / "graphiql" / "index.html").read_text(encoding="utf-8")
    # JSON inside <script>: only "<" could end the element early, so it is escaped.
    return template.replace("{{FIRST_QUERY}}", json.dumps(first).replace("<", "\\u003c"))


class HubGraphQL(GraphQL[Context, None]):
    def __init__(self, settings: Settings) -> None:
        super().__init__(build_schema(settings),
                         graphql_ide="graphiql" if settings.ide_enabled else None)
        self.settings = settings
        self.allowance = AllowanceRule.load(settings.allowance_config)
        self.page = ide_page() if settings.ide_enabled else ""

    async def get_context(self, request: Any, response: Any) -> Context:
        shared = request.app.state.shared
        return Context(db=shared.db, principal=principal_from_request(request),
                       limits=self.settings.limits, allowance=self.allowance,
                       today=date.today(),
                       debug_round_trips=self.settings.debug_round_trips)

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self.page, headers=IDE_HEADERS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Strawberry builds the context (and so asks who is calling) before it decides to
        # render the IDE; the page holds no data, so it is answered before that.
        if self.page and scope["type"] == "http" and is_ide_page(HTTPConnection(scope)):
            await HTMLResponse(self.page, headers=IDE_HEADERS)(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def graphql_routes(settings: Settings) -> list[BaseRoute]:
    """The routes to add to the app: `/graphql` and the IDE's static files."""
    endpoint = HubGraphQL(settings)
    return [
        Route("/graphql", endpoint, methods=["GET", "POST"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
