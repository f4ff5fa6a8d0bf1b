"""The audit trail: every write leaves who, when, which records, before and after.

The entry is written by the same transaction as the change (`Tx.run`), so the two land or
fail together. It lists every record the write touched, however many (an import's own codes
and every code its rows refer to), so `auditTrail(code:)` finds it from any of them.
`before` and `after` are JSON text: the trail must hold any record's shape without a schema
change, and Neo4j properties cannot nest maps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from hub.core.principal import Principal
from hub.graph.db import Database, Tx
from hub.importer.checks import Located


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def touched(rows: Sequence[Located]) -> set[str]:
    """Every code an import's rows name: their own and those they refer to."""
    found: set[str] = set()
    for row in rows:
        for key in row.kind.named:
            value = row.values.get(key)
            if value is not None:
                found.add(str(value))
    return found


async def record(tx: Tx, who: Principal, action: str, records: Sequence[str],
                 before: Any, after: Any) -> str:
    """Write one audit entry in `tx`; return its id."""
    rows = await tx.run("audit.record", who=who.subject, role=who.role.value, unit=who.unit,
                        action=action, records=list(records), before=_json(before),
                        after=_json(after))
    return str(rows[0]["id"])


async def entries(
    db: Database, code: str | None, skip: int, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    """A page of the trail, newest first: (total, entries)."""
    rows = await db.read("audit.list", code=code, skip=skip, limit=limit)
    return int(rows[0]["total"]), list(rows[0]["entries"])
