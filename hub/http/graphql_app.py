"""Strawberry wired into Starlette: the `/graphql` endpoint, its context and its IDE.

The IDE is GraphiQL served from `hub/http/static/graphiql/` (vendored, with licences), never from
a CDN, because the hub runs on a closed intranet. Strawberry's own IDE page loads its
scripts from unpkg, so `render_graphql_ide` is replaced by the hub's own page.

Errors (hub/http/error_view.py): a `HubError` raised on purpose, and every error in the request
itself (its body, syntax, fit to the schema, variables), reaches the client with its Chinese
and English message, its class as `extensions.code` and an incident id; anything else is
masked to a message with an incident id, and logged with that id and the traceback.

The schema is an Apollo Federation v2 subgraph (`strawberry.federation.Schema`): it serves
`_service { sdl }` and `_entities`, so other county systems compose with it through a gateway
(docs/federation.md; entity resolution in schema/federation.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import strawberry
from cross_web import HTTPException
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
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
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.db import Database, track, untrack
from hub.http.compiled_lane import CompiledLane, replay
from hub.http.error_view import HubSchema, MaskUnexpected, present, refusal
from hub.http.gate import is_ide_page, principal_of
from hub.http.gql_fair import IDE_HEADERS, FairSchema, ParseOffLoop
from hub.http.limits import limits_rule
from hub.http.request_errors import LongStrings
from hub.http.warmup import COUNTY, WARM_UP, WarmUp, warm_up
from hub.query.allowance import AllowanceRule
from schema.audit_trail import AuditQuery
from schema.compile.run import Asker, CompiledExecution, Compiler
from schema.context import Context
from schema.mutations import Mutation
from schema.root import Query
from schema.scalars import SCALAR_OVERRIDES
from schema.units import TYPES as UNIT_TYPES

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


@strawberry.type(name="Query",
                 description="党建中枢查询入口 / entry points of the Party-building hub")
class FullQuery(Query, AuditQuery):
    """The root queries and the audit trail, whose entry point lives beside the edits that
    write it (schema/audit_trail.py)."""


def build_schema(settings: Settings, compiler: Compiler | None = None) -> HubSchema:
    # One rule class for the schema's life: the validation cache is keyed by the rules, and
    # a class made per request would never hit. Parsing and validating a document costs as
    # much as a gap list's Cypher (docs/performance.md), so repeated documents skip both.
    limits = limits_rule(settings.limits)
    extensions: list[Any] = [
        CountRoundTrips,
        MaskUnexpected,
        LongStrings,
        lambda: AddValidationRules([limits]),
        lambda: MaxTokensLimiter(max_token_count=settings.limits.max_tokens),
        ParseOffLoop,
        lambda: ValidationCache(maxsize=256),
    ]
    if compiler is not None:
        planned = compiler
        extensions.append(lambda: CompiledExecution(planned))
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    # Federation v2 is Strawberry's default (`federation_version`, no flag needed).
    # Every unit type is an entity; those reached only through a union or the `Unit`
    # interface (Cooperative) are not found by Strawberry's walk of the fields, so all are named.
    return FairSchema(query=FullQuery, mutation=Mutation, extensions=extensions,
                      types=list(UNIT_TYPES.values()), scalar_overrides=SCALAR_OVERRIDES,
                      max_entities=settings.fair.max_entities)


def ide_page() -> str:
    """The IDE page: vendored assets only, with the first query preloaded."""
    first = FIRST_QUERY.read_text(encoding="utf-8") if FIRST_QUERY.exists() else ""
    template = (STATIC_DIR / "graphiql" / "index.html").read_text(encoding="utf-8")
    # JSON inside <script>: only "<" could end the element early, so it is escaped.
    return template.replace("{{FIRST_QUERY}}", json.dumps(first).replace("<", "\\u003c"))


class HubGraphQL(GraphQL[Context, None]):
    def __init__(self, settings: Settings) -> None:
        compiler = Compiler() if settings.compile_queries else None
        schema = build_schema(settings, compiler)
        super().__init__(schema, graphql_ide="graphiql" if settings.ide_enabled else None)
        self.settings = settings
        # Debugging reports round trips from inside Strawberry: every request goes that way.
        self.lane = (CompiledLane(schema._schema, compiler)
                     if compiler is not None and not settings.debug_round_trips else None)
        self.allowance = AllowanceRule.load(settings.allowance_config)
        self.page = ide_page() if settings.ide_enabled else ""

    async def get_context(self, request: Any, response: Any) -> Context:
        shared = request.app.state.shared
        # The one seam between authentication and the schema: the principal the gate
        # (hub.http.gate.AuthGate) let in; a request without one never gets here (401), and if it
        # did, `principal_of` refuses it.
        return Context(db=shared.db, principal=principal_of(request),
                       limits=self.settings.limits, allowance=self.allowance,
                       today=self.settings.today(),
                       debug_round_trips=self.settings.debug_round_trips)

    async def warm_up(self, db: Database, report: WarmUp) -> WarmUp:
        """Plan and read what the first query and the coverage dimensions use
        (hub/http/warmup.py)."""
        context = Context(db=db, principal=WARM_UP, limits=self.settings.limits,
                          allowance=self.allowance, today=self.settings.today())

        async def execute(document: str, variables: dict[str, Any]) -> ExecutionResult:
            return await self.schema.execute(document, variable_values=variables,
                                             context_value=context)

        first = FIRST_QUERY.read_text(encoding="utf-8") if FIRST_QUERY.exists() else COUNTY
        return await warm_up(execute, first, report)

    def encode_json(self, data: object) -> bytes:
        # A browse answer holds thousands of values: encoded in C, in a tenth of the time of
        # json.dumps (docs/performance.md). UTF-8, as JSON is; Chinese is not \u-escaped.
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        # orjson's error is a json.JSONDecodeError, which Strawberry answers as a bad body.
        return orjson.loads(data)

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self.page, headers=IDE_HEADERS)

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        # Strawberry answers a body it cannot read in English plain text; the hub answers in
        # the shape of every other error.
        try:
            return await super().run(request, context, root_value)
        except HTTPException as exc:
            return JSONResponse({"errors": [refusal(exc.status_code, exc.reason)]},
                                status_code=exc.status_code)

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        # A syntax error escapes the extensions' operation hook (Strawberry's parser cache
        # raises it there); every error is presented here if it was not already.
        if result.errors:
            result.errors = [present(e) for e in result.errors]
        return await super().process_result(request, result)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Strawberry builds the context (and so asks who is calling) before it decides to
        # render the IDE; the page holds no data, so it is answered before that.
        if self.page and scope["type"] == "http" and is_ide_page(HTTPConnection(scope)):
            await HTMLResponse(self.page, headers=IDE_HEADERS)(scope, receive, send)
            return
        if self.lane is not None and scope["type"] == "http" and scope["method"] == "POST":
            request = Request(scope, receive)
            body = await request.body()
            if request.headers.get("content-type", "").startswith("application/json"):
                asker = Asker(request.app.state.shared.db, principal_of(request),
                              self.settings.limits, self.settings.today())
                response = await self.lane.answer(request, body, asker)
                if response is not None:
                    await response(scope, receive, send)
                    return
            receive = replay(body, receive)
        await super().__call__(scope, receive, send)


def graphql_routes(endpoint: HubGraphQL) -> list[BaseRoute]:
    """The routes to add to the app: `/graphql` and the IDE's static files."""
    return [
        Route("/graphql", endpoint, methods=["GET", "POST"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
