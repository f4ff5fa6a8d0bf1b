"""The rules edits share with the importer: its column checks, and the work-order sequence."""

from __future__ import annotations

from datetime import date
from typing import Any

from hub.files.problems import Problem
from hub.files.read import RawRow
from hub.files.registry import BY_NAME
from hub.importer.cells import convert
from hub.importer.ids import load_key

# The order of a work order's steps, as the county's platform records them: routed first; an
# accepted order is closed; a returned one is routed again (to another department).
NEXT_STEP: dict[str | None, tuple[str, ...]] = {
    None: ("routed",),
    "routed": ("accepted", "returned"),
    "accepted": ("closed",),
    "returned": ("routed",),
    "closed": (),
}


def validated(kind: str, cells: dict[str, str]) -> tuple[dict[str, Any] | None, list[Problem]]:
    """`cells` checked and typed exactly as one row of the import's `kind` would be."""
    problems: list[Problem] = []
    values = convert(BY_NAME[kind], RawRow("GraphQL", 1, cells), load_key(), problems)
    return (None if values is None else dict(values)), problems


def day(value: Any) -> date | None:
    """A Neo4j DATE (or None) as a Python date."""
    if value is None:
        return None
    native = getattr(value, "to_native", None)
    result = native() if callable(native) else value
    return result if isinstance(result, date) else None
