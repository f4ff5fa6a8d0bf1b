"""Fair share on /graphql: big documents parsed off the event loop, `_entities` bounded,
and the IDE page's security headers.

* Parsing is pure Python: a 256 KB document that is one long comment (comments are no tokens,
  so the token limit does not stop it) holds the loop for a quarter of a second. Documents
  above `INLINE_CHARS` are parsed in a worker thread, without source locations and outside
  the parser cache, so that neither the loop nor the cache holds them; the small documents
  real clients send are parsed inline and cached, as before.
* A gateway's `_entities` call names its representations in variables, which no validation
  rule sees; `FairSchema` refuses a call with more than `max_entities` of them up front, as a
  typed `TooManyEntities`, before any is resolved.
"""

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from graphql.language.parser import parse
from strawberry.extensions import SchemaExtension
from strawberry.federation.schema import FederationAny
from strawberry.types.info import Info

from hub.core.errors import TooManyEntities
from hub.http.error_view import HubSchema

INLINE_CHARS = 16 * 1024
# One worker: a parse holds the GIL in 5 ms slices, so eight parsing threads would leave the
# event loop a ninth of the interpreter; one leaves it half, and big documents wait in turn.
_HEAVY = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-parse")
CACHED_DOCUMENTS = 256
# The IDE page: its own scripts and styles only (the first query is a JSON data block, not a
# script), data fetched from the hub alone, never framed, no referrer sent anywhere.
IDE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _cached_parse(query: str, max_tokens: int | None) -> Any:
    return parse(query, max_tokens=max_tokens)


def _parse_detached(query: str, max_tokens: int | None) -> Any:
    return parse(query, max_tokens=max_tokens, no_location=True)


class ParseOffLoop(SchemaExtension):
    """Parse small documents inline (cached), big ones in a worker thread (uncached)."""

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        query = context.query
        if query:
            tokens = context.parse_options.get("max_tokens")
            if len(query) > INLINE_CHARS:
                loop = asyncio.get_running_loop()
                context.graphql_document = await loop.run_in_executor(_HEAVY, _parse_detached,
                                                                      query, tokens)
            else:
                context.graphql_document = _cached_parse(query, tokens)
        yield


class FairSchema(HubSchema):
    """The hub's schema with a bound on `_entities` representations per request."""

    def __init__(self, *args: Any, max_entities: int, **kwargs: Any) -> None:
        # Set before the base class builds the `_entities` field from the method below.
        self.max_entities = max_entities
        super().__init__(*args, **kwargs)

    def entities_resolver(
        self, info: Info, representations: list[FederationAny]
    ) -> list[FederationAny]:
        if len(representations) > self.max_entities:
            raise TooManyEntities(asked=len(representations), limit=self.max_entities)
        return super().entities_resolver(info, representations)
