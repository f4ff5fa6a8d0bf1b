"""The hub as an Apollo Federation v2 subgraph: how a gateway's entity representations
become the hub's objects.

Other county systems (the governance platform, the 12345 hotline, civil affairs) compose
their APIs with the hub's through a gateway instead of copying its data. They refer to the
hub's entities by the codes the county already uses: organisation codes, grid codes, village
and community codes, unified social credit codes (USCC), work-order numbers.

A gateway sends `_entities(representations: [{__typename, code}, …])`. Strawberry calls
`resolve_reference` once per representation, all in one resolver pass, so each call only
asks the request's DataLoader for its code: the loader then runs one Cypher for the whole
batch. Units (every type keyed by a code on `:Unit`) share one query, because unit codes are
unique across the graph: a batch of grids, Party organisations and enterprises together is
still one round trip. The jurisdiction check is inside that Cypher (`$scope`), as everywhere
in the hub; a code the caller may not see returns no row and is refused with `EntityRefused`.
Unit types mix in `UnitEntity`; `WorkOrder` resolves its own references (schema/orders.py)
with `entity_row` and `EntityRefused`, since this module sits below the types it serves.
"""

from __future__ import annotations

from typing import Any, Self

from strawberry.types import Info

from hub.core.errors import NotPermitted
from schema.context import Context
from schema.kinds import to_unit
from schema.loaders import LookupKey

UNIT_QUERY = "units.by_code"
WORK_ORDER_QUERY = "federation.work_orders"


class EntityRefused(NotPermitted):
    """A representation naming something the caller may not see (or that does not exist).

    Kept here rather than in `hub.core.errors` because only entity resolution raises it; a kind of
    `NotPermitted`, so whatever handles refusals handles it too. The two cases share one
    message on purpose: telling them apart would confirm to a caller that a code outside
    their jurisdiction exists.
    """

    # Its fields become the error's `extensions`, beside `code` (the class name): hence `key`
    # for the representation's code, never `code`.
    zh = "无权访问：不存在或不在管辖范围内"
    en = "not permitted: no such entity within your jurisdiction"

    def __init__(self, *, typename: str, key: str) -> None:
        self.typename, self.key = typename, key
        self._keep(typename=typename, key=key)

    def detail(self) -> str:
        return f"{self.typename} {self.key}"


async def entity_row(info: Info[Context, None], query: str, code: str) -> dict[str, Any] | None:
    """One representation's row, batched with the whole `_entities` pass by the loader."""
    context = info.context
    return await context.loaders.lookup(query).load(LookupKey(code, context.today))


class UnitEntity:
    """Mixin for the unit types a gateway may resolve by `code` (`@key(fields: "code")`)."""

    @classmethod
    async def resolve_reference(cls, info: Info[Context, None], code: str) -> Self:
        row = await entity_row(info, UNIT_QUERY, code)
        unit = None if row is None else to_unit(row, info.context.today)
        # A code of another kind (a township's code sent as a Grid) is no Grid: refuse it too.
        if not isinstance(unit, cls):
            raise EntityRefused(typename=cls.__name__, key=code)
        return unit

