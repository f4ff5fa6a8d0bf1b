"""The per-request context every resolver receives as `Info[Context, None]`.

It is built once per GraphQL request by `hub.http.graphql_app`: the shared database, the caller
(a `Principal`), the request's own DataLoaders and its round-trip counter. Nothing in it
outlives the request, so a DataLoader's cache never leaks one caller's rows to another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hub.core.principal import Principal
from hub.core.settings import Limits
from hub.graph.db import Database, RoundTrips
from hub.query.allowance import AllowanceRule
from schema.loaders import Loaders


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
