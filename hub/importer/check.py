"""Checking an import: read and type every row, then check it against itself and the graph.

Nothing is written unless every row of every file passes. The CPU work runs where the caller
puts it: in a worker process for an import (hub/importer/worker.py), in a thread for the
benchmark's plain load; the graph is read through `lookup`, which the caller answers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from hub.core.progress import Tick, quiet
from hub.files.problems import ImportRejected, Problem
from hub.files.read import read_each
from hub.files.registry import BY_NAME
from hub.graph.db import Database, Row
from hub.importer.cells import convert, normal
from hub.importer.checks import Located, duplicates, references, wanted
from hub.importer.structure import parents_first, placed, structure

# (codes to look up, codes whose places to read) → (import.known rows, import.parents rows)
Lookup = Callable[[list[str], list[str]], tuple[list[Row], list[Row]]]
AsyncLookup = Callable[[list[str], list[str]], Awaitable[tuple[list[Row], list[Row]]]]


@dataclass
class _Typed:
    rows: list[Located]
    problems: list[Problem]
    refused: dict[str, str]
    batch: dict[str, Located]
    codes: list[str]
    placed: list[str]


def _type(path: Path, key: bytes, tick: Tick) -> _Typed:
    """Read and type every row, and check what needs no graph."""
    problems: list[Problem] = []
    rows: list[Located] = []
    refused: dict[str, str] = {}
    # One kind's raw rows at a time: typed, they are dropped before the next file is read.
    for name, raw in read_each(path, problems, lambda done, total: tick("check", done, total)):
        kind = BY_NAME[name]
        for item in raw:
            values = convert(kind, item, key, problems)
            if values is not None:
                rows.append(Located(kind, item.file, item.line, dict(values)))
            elif kind.label is not None and item.cells.get("code"):
                # Already reported: do not report every row that refers to it as well.
                code = normal(kind.column("code"), item.cells["code"])
                refused[code] = refused[code.upper()] = kind.label
    batch = duplicates(rows, problems)
    return _Typed(rows, problems, refused, batch, sorted(wanted(rows, batch)), placed(rows))


def _across(typed: _Typed, found: list[Row], links: list[Row]) -> tuple[list[Located], set[str]]:
    """The checks against the graph; (rows in writing order, codes the graph holds)."""
    graph = {str(r["code"]): set(r["labels"]) for r in found}
    kinds = {str(r["code"]): str(r["kind"]) for r in found if r["kind"] is not None}
    existing = set(graph)
    for code, label in typed.refused.items():
        graph.setdefault(code, {label})
    references(typed.rows, typed.batch, graph, typed.problems, kinds)
    structure(typed.rows, links, typed.problems)
    if typed.problems:
        raise ImportRejected(problems=typed.problems)
    return parents_first(typed.rows), existing


def check_rows(path: Path, key: bytes, tick: Tick, lookup: Lookup
               ) -> tuple[list[Located], set[str]]:
    """Every row of the import, typed and in writing order, and the codes the graph holds;
    ImportRejected listing all problems if any."""
    typed = _type(path, key, tick)
    found, links = lookup(typed.codes, typed.placed)
    return _across(typed, found, links)


async def check(db: Database, path: Path, key: bytes, tick: Tick = quiet
                ) -> tuple[list[Located], set[str]]:
    """`check_rows` in threads of this process, reading the graph in between."""
    typed = await asyncio.to_thread(_type, path, key, tick)
    found, links = await graph_lookup(db)(typed.codes, typed.placed)
    return await asyncio.to_thread(_across, typed, found, links)


def graph_lookup(db: Database) -> AsyncLookup:
    """What the checks read from the graph: the codes it holds, with labels and kind, and
    the open places (and ancestors) of the codes that name one."""

    async def read_graph(codes: list[str], placed: list[str]) -> tuple[list[Row], list[Row]]:
        found = await db.read("import.known", timeout=300.0, codes=codes) if codes else []
        links = (await db.read("import.parents", timeout=300.0, codes=placed)
                 if placed else [])
        return found, links

    return read_graph
