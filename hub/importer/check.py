"""Checking an import as it is read: one chunk of rows at a time, against the rows before it
and the graph.

Files are read in the order of KINDS, in which every reference points to a kind listed
earlier (or, for `parent`, to the same kind), so a chunk can be checked in full once the
chunks before it are: its codes against the codes already seen (duplicates), its references
against those codes and the graph, its places against the graph (hub/importer/structure.py).
What later rows need of a row is kept (hub/importer/checks.py: `slim`), the row itself is
not: memory grows with the codes of the import, not with its rows. A kind with a `parent`
(Party organisations) is one chunk, ordered parents first, since its rows may name one
listed later.

A checked chunk is handed on at once to be staged; once any problem is found no more are,
but the checking goes on to the end, so that every problem is reported, and then the import
is refused (ImportRejected) and what was staged is dropped (hub/importer/stage.py). The CPU
work runs where the caller puts it: in a worker process for an import
(hub/importer/worker.py), in a thread for the benchmark's plain load; the graph is read
through `lookup`, which the caller answers.
"""

from __future__ import annotations

import asyncio
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from hub.core.progress import Tick, quiet
from hub.files.problems import ImportRejected, Problem
from hub.files.read import RawRow, each_kind, scan
from hub.files.registry import BY_NAME
from hub.files.spec import Kind
from hub.graph.db import Database, Row
from hub.importer.audit import touched
from hub.importer.cells import convert, normal
from hub.importer.checks import Located, duplicates, references, wanted
from hub.importer.structure import parents_first, placed, structure

# (codes to look up, codes whose places to read) → (import.known rows, import.parents rows)
Lookup = Callable[[list[str], list[str]], tuple[list[Row], list[Row]]]
# A checked chunk: its rows in writing order, and which of the codes they name the graph holds.
Chunk = tuple[list[Located], set[str]]


def _parts(rows: Iterator[RawRow], size: int | None) -> Iterator[list[RawRow]]:
    while part := list(islice(rows, size)):
        yield part


class Checker:
    """The checks of one import, fed chunk by chunk (`chunks`); what it found so far."""

    def __init__(self, key: bytes, lookup: Lookup) -> None:
        self.key = key
        self.lookup = lookup
        self.problems: list[Problem] = []
        self.seen: dict[str, Located] = {}
        self.facts: dict[tuple[object, ...], Located] = {}
        self.refused: dict[str, set[str]] = {}
        self.counts: dict[str, int] = {}
        self.touched: set[str] = set()
        self.held: set[str] = set()  # codes of this import the published graph holds
        self.planned = 0

    def chunks(self, path: Path, tick: Tick = quiet, size: int = 5000) -> Iterator[Chunk]:
        """Each chunk of up to `size` rows once it passed, while none failed; then
        ImportRejected if any row failed. `planned` is set once the files are scanned."""
        sources = scan(path, self.problems, lambda done, total: tick("check", done, total))
        self.planned = sum(source.size for source in sources)
        for name, raw in each_kind(path, sources, self.problems):
            kind = BY_NAME[name]
            whole = any(col.key == "parent" for col in kind.columns)
            for part in _parts(raw, None if whole else size):
                rows = self._typed(kind, part)
                existing = self._check(rows)
                if not self.problems:
                    yield (parents_first(rows) if whole else rows), existing
        if self.problems:
            raise ImportRejected(problems=self.problems)

    def _typed(self, kind: Kind, part: Iterable[RawRow]) -> list[Located]:
        rows: list[Located] = []
        for item in part:
            values = convert(kind, item, self.key, self.problems)
            if values is not None:
                rows.append(Located(kind, item.file, item.line, dict(values)))
            elif kind.label is not None and item.cells.get("code"):
                # Already reported: do not report every row that refers to it as well.
                code = normal(kind.column("code"), item.cells["code"])
                self.refused[code] = self.refused[code.upper()] = {kind.label}
        return rows

    def _check(self, rows: list[Located]) -> set[str]:
        """Check `rows` against the rows before them and the graph; the codes it holds."""
        own = duplicates(rows, self.problems, self.seen, self.facts)
        named = wanted(rows, own)
        # A code an earlier chunk defined was looked up with its own row: its kind is the
        # import's, and whether the graph holds it is known (`held`). Member links name
        # only such codes, so most of a county's rows need no lookup at all.
        found, links = self.lookup(sorted(c for c in named if c in own or c not in self.seen),
                                   placed(rows))
        graph = {str(r["code"]): set(r["labels"]) for r in found}
        kinds = {str(r["code"]): str(r["kind"]) for r in found if r["kind"] is not None}
        self.held.update(code for code in own if code in graph)
        references(rows, self.seen, ChainMap(graph, self.refused), self.problems, kinds, own)
        structure(rows, links, self.problems)
        for row in rows:
            self.counts[row.kind.name] = self.counts.get(row.kind.name, 0) + 1
        self.touched.update(touched(rows))
        return set(graph) | {code for code in named if code in self.held}


def held_of(found: list[Row], placed: list[str]) -> list[str]:
    """The codes of `placed` the graph holds (`found`): only those can have a place there
    already (every code placed is among those looked up)."""
    held = {str(row["code"]) for row in found}
    return [code for code in placed if code in held]


async def check(db: Database, path: Path, key: bytes, tick: Tick = quiet
                ) -> tuple[list[Located], set[str]]:
    """Every row of the import at `path`, checked in a thread of this process, and the codes
    the graph holds; ImportRejected listing all problems if any (the benchmark's plain load)."""
    loop = asyncio.get_running_loop()

    def read(name: str, codes: list[str]) -> list[Row]:
        return asyncio.run_coroutine_threadsafe(
            db.read(name, timeout=300.0, codes=codes), loop).result()

    def every() -> tuple[list[Located], set[str]]:
        rows: list[Located] = []
        existing: set[str] = set()
        for part, held in Checker(key, graph_lookup(read)).chunks(path, tick):
            rows.extend(part)
            existing |= held
        return rows, existing

    return await asyncio.to_thread(every)


def graph_lookup(read: Callable[[str, list[str]], list[Row]]) -> Lookup:
    """What the checks read from the graph, through `read(query, codes)`: the codes it holds,
    with labels and kind, and the open places (and ancestors) of the codes placed that it
    holds (a code new to the graph has no place there; every code placed is looked up)."""

    def lookup(codes: list[str], placed: list[str]) -> tuple[list[Row], list[Row]]:
        found = read("import.known", codes) if codes else []
        there = held_of(found, placed)
        return found, read("import.parents", there) if there else []

    return lookup
