"""Expected failures of the root queries, as types a client can select on.

Deeper in a query (a nested list asked for too large a page, a bad cursor) the same
`hub.core.errors` classes reach the client as GraphQL errors with `extensions.code`.
"""

from __future__ import annotations

import strawberry

from hub.core import errors


@strawberry.type(
    description="未找到该单位，或不在您的管辖范围内 / no such unit within your jurisdiction")
class UnitNotFound:
    code: str = strawberry.field(description="所查编码 / the code asked for")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, code: str) -> UnitNotFound:
        return cls(code=code, message=errors.UnitNotFound(code=code).message())


@strawberry.type(
    description="未找到该户，或不在您的管辖范围内 / no such household within your jurisdiction")
class HouseholdNotFound:
    code: str = strawberry.field(description="所查户编码 / the household code asked for")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, code: str) -> HouseholdNotFound:
        return cls(code=code, message=errors.HouseholdNotFound(code=code).message())


@strawberry.type(description="每页条数超过上限 / page size above the limit")
class PageTooLarge:
    asked: int = strawberry.field(description="所请求的条数 / the page size asked for")
    limit: int = strawberry.field(description="允许的最大条数 / the largest page allowed")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, exc: errors.PageTooLarge) -> PageTooLarge:
        return cls(asked=exc.asked, limit=exc.limit, message=exc.message())


@strawberry.type(description="输入有误 / the request's input is refused")
class InvalidInput:
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")
