"""Which records a township's upload may name, decided before anything else reads the graph.

The importer's checks describe what the graph holds (a code used by another kind, a grid's
current community); run on a township's upload first, they would describe other townships'
records. So before them, the upload's own codes must not belong elsewhere today
(`cypher/upload/held_elsewhere.cypher`) and every record it refers to must exist inside the
township today (`cypher/upload/not_visible.cypher`). Whatever fails is refused in one
sentence, "outside your jurisdiction (or unknown)", the same for a code that does not exist
and for one that is not the township's; no other check runs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hub.files.problems import Problem
from hub.files.read import read
from hub.files.registry import KINDS
from hub.graph.db import Database
from hub.importer.cells import convert
from hub.importer.checks import Located

# Records every township shares with the county: a row may name them, not be them.
COUNTY_WIDE = {"County", "Department", "Instructor", "Brand", "Product", "Campaign"}


def placed_codes(rows: list[Located]) -> dict[str, Located]:
    """Codes whose place decides whether a row is inside a township: the rows' own codes and
    the records they refer to, except the county-wide ones."""
    found: dict[str, Located] = {}
    for row in rows:
        for col in row.kind.columns:
            value = row.values.get(col.key)
            if value is None or not (col.key == "code" or col.ref):
                continue
            if col.ref and set(col.ref) <= COUNTY_WIDE:
                continue
            found.setdefault(str(value), row)
    return found


def outside(row: Located, code: str) -> Problem:
    return Problem(row.file, row.line, None, code,
                   "不在您的管辖范围内（或编码不存在）/ outside your jurisdiction (or unknown)")


def _typed(path: Path, key: bytes) -> list[Located]:
    """The rows that convert, without any graph check (problems are the importer's to say)."""
    raw, _ = read(path)
    rows: list[Located] = []
    for kind in KINDS:
        for item in raw.get(kind.name, []):
            values = convert(kind, item, key, [])
            if values is not None:
                rows.append(Located(kind, item.file, item.line, dict(values)))
    return rows


async def not_yours(db: Database, path: Path, key: bytes, scope: str,
                    today: date) -> list[Problem]:
    """The upload's rows naming what `scope` may not touch today, one problem per code."""
    rows = _typed(path, key)
    codes = placed_codes(rows)
    own = {str(r.values["code"]) for r in rows if r.values.get("code") is not None}
    refs = sorted(set(codes) - own)
    found = {str(r["code"]) for r in await db.read(
        "upload.held_elsewhere", codes=sorted(own & set(codes)), scope=scope, today=today)}
    if refs:
        found |= {str(r["code"]) for r in await db.read(
            "upload.not_visible", refs=refs, scope=scope, today=today)}
    return [outside(codes[c], c) for c in sorted(found)]
