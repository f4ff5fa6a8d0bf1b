"""`auditTrail`: the audit entries, newest first, for the county role only."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from hub.core.errors import PageTooLarge as PageTooLargeError
from hub.core.principal import Role
from hub.importer import audit
from schema.context import Context
from schema.edit_types import RoleNotPermitted
from schema.errors import PageTooLarge
from schema.kinds import resolver
from schema.loaders import Page
from schema.pagination import AFTER, DEFAULT_PAGE, FIRST, Connection, connection, window


@strawberry.type(description="一条审计记录 / one audit entry")
class AuditEntry:
    id: str = strawberry.field(description="编号 / entry id")
    at: str = strawberry.field(description="时间 / when (ISO date-time)")
    who: str = strawberry.field(description="操作人 / who")
    role: str = strawberry.field(description="角色 / role")
    unit: str | None = strawberry.field(description="所在单位 / their unit")
    action: str = strawberry.field(description="操作 / action")
    records: list[str] = strawberry.field(description="涉及的记录编码 / record codes")
    before: str = strawberry.field(description="修改前（JSON）/ before, as JSON")
    after: str = strawberry.field(description="修改后（JSON）/ after, as JSON")


AuditTrailResult = Annotated[
    Connection[AuditEntry] | RoleNotPermitted | PageTooLarge,
    strawberry.union("AuditTrailResult", description="审计记录或错误 / the trail or an error")]


@strawberry.type
class AuditQuery:
    @resolver("审计记录（仅县级）/ the audit trail (county role only)")
    async def audit_trail(
        self, info: Info[Context, None],
        code: Annotated[str | None, strawberry.argument(
            description="只看涉及该编码的记录 / only entries touching this code")] = None,
        first: Annotated[int, FIRST] = DEFAULT_PAGE, after: Annotated[str | None, AFTER] = None,
    ) -> AuditTrailResult:
        who = info.context.principal
        if who.role is not Role.COUNTY:
            return RoleNotPermitted(role=who.role.value,
                                    message="仅县级可查看审计记录 / only the county role may "
                                            "read the audit trail")
        try:
            offset, limit = window(info, first, after)
        except PageTooLargeError as exc:
            return PageTooLarge.of(exc)
        total, rows = await audit.entries(info.context.db, code, offset, limit)
        page = Page(total=total, items=rows, offset=offset, limit=limit)
        found: Connection[AuditEntry] = connection(page, lambda r: AuditEntry(
            id=r["id"], at=r["at"], who=r["who"], role=r["role"], unit=r.get("unit"),
            action=r["action"], records=list(r["records"]), before=r["before"],
            after=r["after"]))
        return found
