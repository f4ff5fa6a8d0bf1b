"""What every edit shares: the role check, one write transaction, the audit entry.

An edit checks the graph, then writes. Its transaction first takes the write locks of the
records it checks (`cypher/edit/lock.cypher`), so a concurrent edit of the same records waits
and then checks what this one wrote: each edit lands exactly once. A refusal rolls its
transaction back, so nothing a refused edit touched (a lock, a claimed code) outlives it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar, cast

import strawberry
from strawberry.types import Info

from hub.core.principal import Role
from hub.graph.db import Row, Tx
from hub.importer import audit
from schema.context import Context
from schema.edit_types import Edited, Outcome, RecordNotFound, RoleNotPermitted

Work = Callable[[Tx], Awaitable[Outcome]]
F = TypeVar("F", bound=Callable[..., object])


def mutation(description: str) -> Callable[[F], F]:
    """`@strawberry.mutation(description=…)` typed for mypy, which sees it as untyped."""
    return cast(Callable[[F], F], strawberry.mutation(description=description))


def arg(description: str) -> Any:
    return strawberry.argument(description=description)


class _Refused(Exception):
    """Carries a refusal out of the transaction, which rolls it back."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(type(outcome).__name__)
        self.outcome = outcome


async def run_edit(info: Info[Context, None], work: Work, locks: Sequence[str]) -> Outcome:
    """Refuse the service role, else lock the records coded `locks` and run `work` in one
    write transaction, committed only when the edit is done."""
    who = info.context.principal
    if who.role is Role.SERVICE:
        return RoleNotPermitted(role=who.role.value,
                                message="系统账号不能修改数据 / a system account cannot write")

    async def locked(tx: Tx) -> Outcome:
        await tx.run("edit.lock", codes=sorted(set(locks)))
        outcome = await work(tx)
        if not isinstance(outcome, Edited):
            raise _Refused(outcome)
        return outcome

    try:
        return await info.context.db.in_write_tx(
            locked, timeout=info.context.limits.write_timeout_seconds)
    except _Refused as refused:
        return refused.outcome


async def done(tx: Tx, info: Info[Context, None], action: str, records: list[str],
               before: Any, after: Any, zh: str, en: str) -> Edited:
    """Write the audit entry in `tx`, the edit's own transaction, and say what was done."""
    entry = await audit.record(tx, info.context.principal, action, records, before, after)
    return Edited(action=action, records=records, audit_id=entry, message=f"{zh} / {en}")


def unknown_link_end(state: Row, member: str, household: str) -> RecordNotFound | None:
    """The end of a member-household link that is unknown or outside the jurisdiction."""
    if not state["member"]:
        return RecordNotFound.of(member, "党员 / member")
    if not state["household"]:
        return RecordNotFound.of(household, "户 / household")
    return None
