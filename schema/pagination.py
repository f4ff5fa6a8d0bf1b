"""Cursor-paginated connections with a total count and a bounded page size.

A cursor is the opaque position of a row in its list ("o:<index>", base64). Pages come from
`schema.loaders` (nested lists, batched per request) or from one query (root lists); either way
`first` is checked against `Limits.max_page_size` before anything is read.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from datetime import date
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types import Info

from hub.core.errors import BadCursor, InputError, PageTooLarge
from hub.graph.db import Row
from schema.context import Context
from schema.loaders import Page, PageArgs, PageKey

T = TypeVar("T")
DEFAULT_PAGE = 20

FIRST = strawberry.argument(description="每页条数（不超过上限）/ page size (at most the limit)")
AFTER = strawberry.argument(description="从该游标之后开始 / start after this cursor")


@strawberry.federation.type(
    shareable=True, description="分页信息 / where this page sits in the whole list")
class PageInfo:
    has_next_page: bool = strawberry.field(description="后面还有 / more rows follow")
    end_cursor: str | None = strawberry.field(
        description="本页最后一条的游标，传给 after 取下一页 / "
                    "cursor of the last row; pass it as `after`")


@strawberry.type(description="分页列表 / a page of a list, with the size of the whole list")
class Connection(Generic[T]):
    total_count: int = strawberry.field(description="列表总条数 / rows in the whole list")
    page_info: PageInfo = strawberry.field(description="分页信息 / page information")
    nodes: list[T] = strawberry.field(description="本页各条 / the rows of this page")


def encode_cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"o:{index}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        kind, _, number = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        index = int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise BadCursor(cursor=cursor) from None
    if kind != "o" or index < 0:
        raise BadCursor(cursor=cursor)
    return index


def window(info: Info[Context, None], first: int, after: str | None) -> tuple[int, int]:
    """(offset, limit) for `first` rows after `after`; refuses pages above the limit."""
    limit = info.context.limits.max_page_size
    if first > limit:
        raise PageTooLarge(asked=first, limit=limit)
    if first < 0:
        raise InputError(reason=f"first={first}: 不能为负数 / must not be negative")
    return (0 if after is None else decode_cursor(after) + 1), first


def connection(page: Page, build: Callable[[Row], T]) -> Connection[T]:
    nodes = [build(row) for row in page.items]
    last = page.offset + len(nodes) - 1
    return Connection(
        total_count=page.total,
        page_info=PageInfo(has_next_page=page.offset + len(nodes) < page.total,
                           end_cursor=encode_cursor(last) if nodes else None),
        nodes=nodes,
    )


async def child_page(info: Info[Context, None], query: str, parent: str, as_of: date,
                     first: int, after: str | None, **filters: Any) -> Page:
    """One parent's page of a nested list, through the request's batching loader."""
    offset, limit = window(info, first, after)
    args = PageArgs(as_of=as_of, offset=offset, limit=limit,
                    filters=tuple(sorted((k, _hashable(v)) for k, v in filters.items())))
    return await info.context.loaders.page(query).load(PageKey(parent, args))


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
