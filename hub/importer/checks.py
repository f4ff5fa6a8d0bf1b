"""Checks across rows: duplicate codes and identities, references to other records, in
this import or already in the graph, and a Party organisation's place (hub/importer/places.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from hub.files.problems import Problem
from hub.files.spec import Kind
from hub.importer.places import misplaced, wrongly_under

_GENERIC = {"Record", "Unit"}
_NONE: dict[str, object] = {}
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Located:
    """A converted row and where it came from."""

    kind: Kind
    file: str
    line: int
    values: dict[str, object]


def slim(row: Located) -> Located:
    """What later rows' checks need of a row: where it is, its kind and (a Party
    organisation's) `kind`; a streamed import keeps this much per code, not the row."""
    org = row.values.get("kind")
    return Located(row.kind, row.file, row.line, _NONE if org is None else {"kind": org})


def identity(row: Located) -> tuple[object, ...]:
    """What makes a relationship row the same fact as another (its MERGE key)."""
    return tuple(row.values.get(k) for k in row.kind.identity)


def duplicates(rows: Iterable[Located], problems: list[Problem],
               seen: dict[str, Located] | None = None,
               facts: dict[tuple[object, ...], Located] | None = None) -> dict[str, Located]:
    """The codes `rows` define, mapped to their row. A code or relationship met before, in
    `rows` or in `seen`/`facts` (the earlier rows of a streamed import, which this extends),
    is reported against the first."""
    seen = {} if seen is None else seen
    facts = {} if facts is None else facts
    own: dict[str, Located] = {}
    for row in rows:
        if row.kind.label is None:
            fact = (row.kind.name, *identity(row))
            first = facts.setdefault(fact, slim(row))
            if first.line != row.line or first.file != row.file:
                problems.append(Problem(row.file, row.line, None, None,
                                        f"重复的记录，与第{first.line}行相同 / duplicate of "
                                        f"row {first.line}"))
            continue
        code = str(row.values["code"])
        earlier = seen.get(code)
        if earlier is not None:
            header = row.kind.column("code").header
            problems.append(Problem(row.file, row.line, header, code,
                                    f"编码重复，已见于 {earlier.file} 第{earlier.line}行 / "
                                    f"duplicate code, first in {earlier.file} row {earlier.line}"))
            continue
        seen[code] = slim(row)
        own[code] = row
    return own


def wanted(rows: Iterable[Located], batch: Mapping[str, Located]) -> set[str]:
    """Codes to look up in the graph: references this import does not define, and every
    code this import defines (to catch a code already used by another kind)."""
    found = set(batch)
    for row in rows:
        for col in row.kind.refs:
            value = row.values.get(col.key)
            if value is not None:
                found.add(str(value))
    return found


def references(rows: Iterable[Located], batch: Mapping[str, Located],
               graph: Mapping[str, set[str]], problems: list[Problem],
               kinds: dict[str, str] | None = None,
               own: Mapping[str, Located] | None = None) -> None:
    """Every reference must name a record of an expected label (in `batch`, the import's
    codes, or the graph); every code `rows` define (`own`, all of `batch` if not given) must
    be free; a Party organisation must fit its place and its parent (`kinds`: the graph's
    `kind` of the codes looked up)."""
    for code, first in (batch if own is None else own).items():
        held = graph.get(code)  # most codes an import defines are new to the graph
        other = held - _GENERIC if held else _EMPTY
        if other and first.kind.label not in other:
            problems.append(Problem(first.file, first.line, first.kind.column("code").header, code,
                                    f"编码已被 {'/'.join(sorted(other))} 使用 / code already "
                                    f"used by a {'/'.join(sorted(other))}"))
    for row in rows:
        for col in row.kind.refs:
            value = row.values.get(col.key)
            if value is None:
                continue
            code = str(value)
            earlier = batch.get(code)
            if earlier is not None and row.kind.label != "PartyOrg" \
                    and earlier.kind.label in col.ref:
                continue  # the common case, a code an earlier row defined, needs no more
            labels = ({str(earlier.kind.label)} if earlier is not None
                      else graph.get(code, _EMPTY) - _GENERIC)
            expected = col.expected
            if not labels:
                problems.append(Problem(row.file, row.line, col.header, code,
                                        f"找不到引用的编码 / unknown code (expected {expected})"))
            elif labels.isdisjoint(col.ref):
                problems.append(Problem(row.file, row.line, col.header, code,
                                        f"编码指向 {'/'.join(sorted(labels))}，应为 {expected} / "
                                        f"code names a {'/'.join(sorted(labels))}, "
                                        f"expected {expected}"))
            elif row.kind.label == "PartyOrg" and col.key in ("territory", "parent"):
                reason = _org_fit(row, col.key, code, labels, batch, kinds or {})
                if reason is not None:
                    problems.append(Problem(row.file, row.line, col.header, code, reason))


def _org_fit(row: Located, key: str, code: str, labels: AbstractSet[str],
             batch: Mapping[str, Located], kinds: dict[str, str]) -> str | None:
    kind = str(row.values.get("kind"))
    if key == "territory":
        return misplaced(kind, labels)
    parent = batch[code].values.get("kind") if code in batch else kinds.get(code)
    return wrongly_under(kind, None if parent is None else str(parent))
