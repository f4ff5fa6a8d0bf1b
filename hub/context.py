"""The per-request context every resolver receives as `Info[Context, None]`.

It is built once per GraphQL request by `hub.graphql_app`: the shared database, the caller
(a `Principal`), the request's own DataLoaders and its round-trip counter. Nothing in it
outlives the request, so a DataLoader's cache never leaks one caller's rows to another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from starlette.requests import HTTPConnection

from hub.allowance import AllowanceRule
from hub.db import Database, RoundTrips
from hub.gate import principal_of
from hub.loaders import Loaders
from hub.principal import Principal
from hub.settings import Limits


def principal_from_request(request: HTTPConnection) -> Principal:
    """Who is asking: the principal `hub.gate.AuthGate` authenticated for this request.

    The one seam between authentication and the schema; a request without one never gets
    here (the gate answers 401), and if it did, `principal_of` refuses it.
    """
    return principal_of(request)


@dataclass
class Context:
    """What one GraphQL request works with."""

    db: Database
    principal: Principal
    limits: Limits
    allowance: AllowanceRule
    today: date
    debug_round_trips: bool = False
    round_trips: RoundTrips = field(default_factory=RoundTrips)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.db, self.principal.scope)

    @property
    def scope(self) -> str | None:
        return self.principal.scope
