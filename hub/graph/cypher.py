"""The one loader of `cypher/`: every query the hub runs is a file there.

`cypher/<group>/<name>.cypher` becomes the query named `<group>.<name>`. The file's leading
`//` comment lines are its docstring; the rest is the Cypher, runnable as it is in Neo4j
Browser once its `$parameters` are set (`:param` in Browser). Files are read once, when the
application starts, and never built from strings at run time.

Migrations (`cypher/migrations/NNN_name.cypher`) are the one place where a file holds several
statements, separated by a `;` at the end of a line, because a schema step is a unit.

Each query knows its `$parameters` (read from its text, outside comments and string
literals); `Query.check` refuses a call whose parameters are not exactly those, so a
forgotten or misspelt parameter fails on its first call with the query's name, not later as a
silently ignored value or a missing-parameter error from Neo4j.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hub.core.settings import PROJECT_ROOT

CYPHER_DIR = PROJECT_ROOT / "cypher"

# Strings and comments first, so a `$` inside them is not taken for a parameter.
_TOKENS = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/"""
    r"|\$(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)",
    re.DOTALL,
)


def parameters_of(text: str) -> frozenset[str]:
    """The `$parameters` a Cypher text uses."""
    return frozenset(m.group(1).strip("`") for m in _TOKENS.finditer(text) if m.group(1))


class ParameterMismatch(ValueError):
    """A call passes other parameters than its query file uses: a bug in the caller."""

    def __init__(self, *, query: str, missing: Iterable[str], extra: Iterable[str]) -> None:
        self.query = query
        self.missing = sorted(missing)
        self.extra = sorted(extra)
        super().__init__(
            f"query {query!r}: missing parameters {self.missing}, unknown parameters "
            f"{self.extra} / 查询参数与文件不符")


@dataclass(frozen=True)
class Query:
    """A named Cypher query and the comment that explains it."""

    name: str
    doc: str
    text: str
    path: Path
    parameters: frozenset[str] = field(default=frozenset())

    def check(self, passed: Iterable[str]) -> None:
        """Refuse parameters that are not exactly this query's."""
        given = frozenset(passed)
        if given != self.parameters:
            raise ParameterMismatch(query=self.name, missing=self.parameters - given,
                                    extra=given - self.parameters)

    def statements(self) -> list[str]:
        """Split a multi-statement file (migrations) on `;` at line ends."""
        parts: list[str] = []
        current: list[str] = []
        for line in self.text.splitlines():
            current.append(line)
            if line.rstrip().endswith(";"):
                stmt = "\n".join(current).strip().rstrip(";").strip()
                if stmt:
                    parts.append(stmt)
                current = []
        tail = "\n".join(current).strip()
        if tail:
            parts.append(tail)
        return parts


def parse(name: str, path: Path) -> Query:
    source = path.read_text(encoding="utf-8")
    doc_lines: list[str] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines) and lines[i].lstrip().startswith("//"):
        doc_lines.append(lines[i].lstrip()[2:].strip())
        i += 1
    body = "\n".join(lines[i:]).strip()
    if not doc_lines:
        raise ValueError(f"{path}: 查询文件缺少说明注释 / query file has no leading // comment")
    if not body:
        raise ValueError(f"{path}: 查询文件没有语句 / query file has no statement")
    return Query(name=name, doc="\n".join(doc_lines), text=body, path=path,
                 parameters=parameters_of(body))


class Queries(Mapping[str, Query]):
    """All queries under a folder, by name; a missing name fails loudly at start."""

    def __init__(self, root: Path = CYPHER_DIR) -> None:
        self._root = root
        self._by_name: dict[str, Query] = {}
        for path in sorted(root.rglob("*.cypher")):
            rel = path.relative_to(root).with_suffix("")
            name = ".".join(rel.parts)
            self._by_name[name] = parse(name, path)

    def __getitem__(self, name: str) -> Query:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no Cypher file for query {name!r} under {self._root}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def group(self, prefix: str) -> list[Query]:
        """Queries whose name starts with `prefix.`, in file-name order."""
        return [q for n, q in self._by_name.items() if n.startswith(prefix + ".")]
