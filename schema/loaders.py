"""Per-request DataLoaders: every nested list is fetched for all its parents at once.

A nested connection field (a township's villages, a grid's Party organisations …) asks its
loader for `(parent code, page arguments)`. The loader gathers the keys of one resolver pass,
groups them by page arguments, and runs the field's Cypher once per group with
`UNWIND $parents`. The number of round trips therefore grows with the depth (and width) of
the GraphQL document, never with the number of rows.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from strawberry.dataloader import DataLoader

from hub.graph.db import Database, Row


@dataclass(frozen=True)
class PageArgs:
    """The arguments shared by a batch: every parent gets the same page of its own list."""

    as_of: date
    offset: int
    limit: int
    filters: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class PageKey:
    parent: str
    args: PageArgs


@dataclass(frozen=True)
class Page:
    """One parent's slice of a list, with the size of the whole list."""

    total: int
    items: list[Row]
    offset: int
    limit: int


@dataclass(frozen=True)
class LookupKey:
    code: str
    as_of: date


@dataclass
class Loaders:
    """The DataLoaders of one request, made on first use, one per named query."""

    db: Database
    scope: str | None
    _pages: dict[str, DataLoader[PageKey, Page]] = field(default_factory=dict)
    _lookups: dict[str, DataLoader[LookupKey, Row | None]] = field(default_factory=dict)

    def page(self, query: str) -> DataLoader[PageKey, Page]:
        """Loader for a paged child list; `query` returns rows {parent, total, items}."""
        if query not in self._pages:
            self._pages[query] = DataLoader(load_fn=self._page_batch(query))
        return self._pages[query]

    def lookup(self, query: str) -> DataLoader[LookupKey, Row | None]:
        """Loader for one row per code; `query` returns rows carrying `code`."""
        if query not in self._lookups:
            self._lookups[query] = DataLoader(load_fn=self._lookup_batch(query))
        return self._lookups[query]

    def _page_batch(self, query: str) -> Any:
        async def batch(keys: list[PageKey]) -> Sequence[Page]:
            groups: dict[PageArgs, list[str]] = defaultdict(list)
            for key in keys:
                if key.parent not in groups[key.args]:
                    groups[key.args].append(key.parent)
            found: dict[PageKey, Page] = {}

            async def run(args: PageArgs, parents: list[str]) -> None:
                rows = await self.db.read(
                    query, parents=parents, asOf=args.as_of, offset=args.offset,
                    limit=args.limit, scope=self.scope, **dict(args.filters))
                for row in rows:
                    found[PageKey(row["parent"], args)] = Page(
                        int(row["total"]), list(row["items"]), args.offset, args.limit)

            await asyncio.gather(*(run(a, p) for a, p in groups.items()))
            return [found.get(k, Page(0, [], k.args.offset, k.args.limit)) for k in keys]

        return batch

    def _lookup_batch(self, query: str) -> Any:
        async def batch(keys: list[LookupKey]) -> Sequence[Row | None]:
            groups: dict[date, list[str]] = defaultdict(list)
            for key in keys:
                groups[key.as_of].append(key.code)
            found: dict[LookupKey, Row] = {}

            async def run(as_of: date, codes: list[str]) -> None:
                rows = await self.db.read(query, codes=sorted(set(codes)), asOf=as_of,
                                          scope=self.scope)
                for row in rows:
                    found[LookupKey(row["code"], as_of)] = row

            await asyncio.gather(*(run(d, c) for d, c in groups.items()))
            return [found.get(k) for k in keys]

        return batch
