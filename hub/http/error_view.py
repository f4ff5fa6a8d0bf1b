"""How an error reaches the client and the log.

Every error a client gets carries `extensions.code` and `extensions.incident`:

- a `HubError` raised on purpose: its class name as the code, its bilingual message, its
  structured fields beside the code;
- an error in the request itself, found before anything ran (no `path`): the kind
  `hub.http.request_errors` gives it, located where graphql-core found it;
- the hub's own validation rules (hub/http/limits.py), which already speak both languages and
  carry a code: kept as they are;
- anything else is a fault: masked to a message with the incident id.

The log gets one line per error, with its code and incident id; only a fault's line carries
the traceback. Strawberry's own logging, which prints every error with its traceback (and,
for a `HubError`, graphql-core's `<bound method …>` for its message), is switched off.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from hub.core.errors import HubError
from hub.http.request_errors import classify, http_error
from schema.entities import FederatedSchema

log = logging.getLogger("hub.graphql")
# What graphql-core and Strawberry carry as the cause of a request error (a value that did not
# coerce); any other exception before execution (an extension failing) is a fault.
COERCION = (GraphQLError, ValueError)


def _plain(value: object) -> object:
    """A field of an error as JSON can carry it (dates, paths become text)."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def _again(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(message, nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path, extensions=extensions)


def _expected(error: GraphQLError, hub_error: HubError, incident: str) -> GraphQLError:
    code = type(hub_error).__name__
    message = hub_error.message()
    log.warning("expected error %s %s at %s: %s", incident, code, error.path, message)
    fields = {k: _plain(v) for k, v in hub_error.fields.items()}
    return _again(error, message, {"code": code, "incident": incident, **fields})


def present(error: GraphQLError) -> GraphQLError:
    """The error as the client gets it, logged once (an error already presented is kept)."""
    extensions = error.extensions or {}
    if "incident" in extensions:
        return error
    incident = uuid.uuid4().hex[:12]
    original = error.original_error
    if isinstance(original, HubError):
        return _expected(error, original, incident)
    if "code" in extensions:
        log.warning("expected error %s %s: %s", incident, extensions["code"], error.message)
        return _again(error, error.message, {**extensions, "incident": incident})
    if error.path is None and (original is None or isinstance(original, COERCION)):
        # Nothing was executed: the request's syntax, its fit to the schema, its variables.
        return _expected(error, classify(error), incident)
    log.error("incident %s at %s", incident, error.path, exc_info=original)
    return _again(error, f"内部错误，事件编号 {incident} / internal error, incident {incident}",
                  {"code": "INTERNAL", "incident": incident})


def refusal(status: int, reason: str) -> dict[str, Any]:
    """The error body for a request Strawberry's HTTP layer refused before parsing it."""
    refused = http_error(reason)
    incident = uuid.uuid4().hex[:12]
    code = type(refused).__name__
    log.warning("expected error %s %s (HTTP %s): %s", incident, code, status, refused.message())
    return {"message": refused.message(),
            "extensions": {"code": code, "incident": incident, "status": status}}


class MaskUnexpected(SchemaExtension):
    """Present every error of the operation (see `present`)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [present(e) for e in errors]


class HubSchema(FederatedSchema):
    """The federation schema, with errors logged once, by `present`."""

    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        return None
