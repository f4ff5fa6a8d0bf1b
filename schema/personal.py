"""Personal details other than names and phone numbers: null for the service role.

A field declared with `detail(…)` holds something about one identifiable person (a member's
gender, a cadre's age-derived dates, a worker's Party membership). County, township and
grid staff see it as stored; another system (the service role) gets null, whatever query
reaches it. Names, phone numbers and addresses have their own masking (hub/query/personal.py).
The list of such fields per role is docs/security.md's, checked field by field by
tests/test_personal_fields.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types import Info

NOTE = "（个人信息；系统角色为空）/ (personal data; null for the service role)"


def _hidden(info: Info[Any, Any]) -> bool:
    return not info.context.principal.sees_personal_data


class PersonalDetail(FieldExtension):
    """Null for a caller that may not see personal data; the value otherwise."""

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info[Any, Any],
                **kwargs: Any) -> Any:
        return None if _hidden(info) else next_(source, info, **kwargs)

    async def resolve_async(self, next_: Callable[..., Awaitable[Any]], source: Any,
                            info: Info[Any, Any], **kwargs: Any) -> Any:
        return None if _hidden(info) else await next_(source, info, **kwargs)


def detail(description: str) -> Any:
    """A nullable field carrying a personal detail (see the module's docstring)."""
    return strawberry.field(description=f"{description} {NOTE}", extensions=[PersonalDetail()])
