"""Checks of the hierarchy itself: no unit under two parents, no cycle of parents.

A row names its place (`territory`, `township`, `community`, `county` → `IN`; `parent` →
`UNDER`). A record already in the graph with an open link to a different parent would end
up under two: the row is refused (close the old link first). Following `parent` through this
import and the graph must never come back to where it started.
"""

from __future__ import annotations

from hub.files.problems import Problem
from hub.files.registry import KINDS
from hub.graph.db import Row
from hub.importer.checks import Located

PLACES = {"county": "IN", "township": "IN", "community": "IN", "territory": "IN",
          "parent": "UNDER"}
# Per kind, worked out once (every row of a county passes here): the kinds whose rows name a
# place, and the reference columns that do, with the relationship each stands for.
_NAMING_A_PLACE = {k.name for k in KINDS if k.label is not None
                   and any(c.key in PLACES for c in k.columns)}
_PLACE_COLUMNS = {k.name: tuple((c, PLACES[c.key]) for c in k.columns
                                if c.key in PLACES and c.ref) for k in KINDS}


def placed(rows: list[Located]) -> list[str]:
    """Codes of rows that name a place, and the parents they name: the records whose current
    parents (and ancestors, for cycles) must be read from the graph."""
    found: set[str] = set()
    for row in rows:
        if row.kind.name not in _NAMING_A_PLACE:
            continue
        found.add(str(row.values["code"]))
        if row.values.get("parent") is not None:
            found.add(str(row.values["parent"]))
    return sorted(found)


def structure(rows: list[Located], graph: list[Row], problems: list[Problem]) -> None:
    """Report second parents and cycles among `rows` given the graph's open `graph` links."""
    current: dict[tuple[str, str], set[str]] = {}
    for link in graph:
        current.setdefault((str(link["code"]), str(link["type"])), set()).add(str(link["parent"]))
    parent_of: dict[str, str] = {k[0]: next(iter(v)) for k, v in current.items()
                                 if k[1] == "UNDER" and len(v) == 1}
    where: dict[str, Located] = {}
    for row in rows:
        if row.kind.label is None:
            continue
        code = str(row.values["code"])
        for col, rel in _PLACE_COLUMNS[row.kind.name]:
            value = row.values.get(col.key)
            if value is None:
                continue
            held = current.get((code, rel))
            others = held - {str(value)} if held else None
            if others:
                problems.append(Problem(row.file, row.line, col.header, str(value),
                                        f"已隶属于 {'/'.join(sorted(others))}，不能再隶属第二个上级"
                                        f"（请先结束原关系）/ already under "
                                        f"{'/'.join(sorted(others))}: a unit cannot have two "
                                        f"parents (close the old link first)"))
            if rel == "UNDER":
                parent_of[code] = str(value)
                where[code] = row
    _cycles(parent_of, where, problems)


def _cycles(parent_of: dict[str, str], where: dict[str, Located],
            problems: list[Problem]) -> None:
    reported: set[str] = set()
    for start, row in where.items():
        seen = [start]
        node = parent_of.get(start)
        while node is not None and node not in seen and len(seen) <= len(parent_of):
            seen.append(node)
            node = parent_of.get(node)
        if node == start and start not in reported:
            reported.update(seen)
            loop = " → ".join([*seen, start])
            col = row.kind.column("parent")
            problems.append(Problem(row.file, row.line, col.header, parent_of[start],
                                    f"上级关系成环 / the parents form a cycle: {loop}"))



def parents_first(rows: list[Located]) -> list[Located]:
    """The rows in kind order, each record after the parent it names in the same import.

    Records are written in batches, and a row's `parent` is linked only if the parent
    exists when its batch runs: a child listed a batch before its parent would silently lose
    its `UNDER` link. Checked rows have no cycle; a chain is followed at most once anyway.
    """
    by_code = {str(r.values["code"]): r for r in rows
               if r.kind.label is not None and r.values.get("code") is not None}
    order = {kind.name: index for index, kind in enumerate(KINDS)}

    def depth(row: Located) -> int:
        seen: set[str] = set()
        parent = row.values.get("parent")
        while parent is not None and str(parent) in by_code and str(parent) not in seen:
            seen.add(str(parent))
            parent = by_code[str(parent)].values.get("parent")
        return len(seen)

    return sorted(rows, key=lambda row: (order[row.kind.name], depth(row)))
