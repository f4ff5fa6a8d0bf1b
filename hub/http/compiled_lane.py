"""The compiled lane: a query document the hub has already parsed, validated and compiled
(schema/compile) is answered again without going through Strawberry's request machinery.

A repeated document is what a client mostly sends, and for it the request body is read, the
plan looked up by the document's text, and its Cypher run; the answer is shaped by the plan
and encoded, as `CompiledExecution` does inside Strawberry (schema/compile/run.py). What the
lane skips is the same work done again for the same text: building the request's context and
DataLoaders, and entering each schema extension's hooks around a parse and a validation that
their caches answer anyway.

Everything the lane is not sure of goes the usual way, so that the answer is the same either
way (tests/test_compiled_lane.py asks both): a body that is not a plain JSON request, a
document not planned yet (its first request plans it, after validating it), a variable
longer than `MAX_STRING` or one that does not coerce, a root not found, debugging on. The
middlewares (authentication, body limits, fair shares) are outside the endpoint, so they hold
for both.
"""

from __future__ import annotations

from typing import Any

import orjson
from graphql import GraphQLSchema
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive

from hub.http.error_view import present
from hub.http.request_errors import MAX_STRING, longest
from schema.compile.run import Asker, Compiler, execute

_FIELDS = frozenset(("query", "variables", "operationName"))


class CompiledLane:
    """Answers repeated compiled documents; `answered` counts how many it did."""

    def __init__(self, schema: GraphQLSchema, compiler: Compiler) -> None:
        self.schema, self.compiler = schema, compiler
        self.answered = 0

    async def answer(self, request: Request, body: bytes, asker: Asker) -> Response | None:
        """The response to a POSTed JSON body, or None where the usual way must answer."""
        found = self._request(body)
        if found is None:
            return None
        query, variables, operation = found
        plan = self.compiler.known(query, operation)
        if plan is None:
            return None
        result = await execute(self.schema, plan, variables, asker)
        if result is None:
            return None
        answer: dict[str, Any] = {"data": result.data}
        if result.errors:
            answer["errors"] = [present(e).formatted for e in result.errors]
        self.answered += 1
        return Response(orjson.dumps(answer), media_type="application/json")

    @staticmethod
    def _request(body: bytes) -> tuple[str, dict[str, Any] | None, str | None] | None:
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(payload, dict) or not _FIELDS.issuperset(payload):
            return None
        query, variables = payload.get("query"), payload.get("variables")
        operation = payload.get("operationName")
        if (not isinstance(query, str) or not isinstance(operation, str | None)
                or not isinstance(variables, dict | None)):
            return None
        if variables and longest(variables) > MAX_STRING:
            return None  # refused the usual way, pointing at the variable's definition
        return query, variables, operation


def replay(body: bytes, receive: Receive) -> Receive:
    """`receive` with the body the lane read given back first, for the usual way."""
    pending = True

    async def again() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again
