"""The shape of an import kind: columns with their Chinese headers, types and rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

ColumnType = Literal["str", "int", "date", "bool", "uscc", "idnum", "phone"]

@dataclass(frozen=True)
class Column:
    """One column: its English key, Chinese header, type and rules.

    `ref` names the labels a value may point at: a code of this import or of the graph.
    `former` lists earlier (key, Chinese header) pairs still read as this column, so files
    made from an older template keep loading.
    """

    key: str
    zh: str
    type: ColumnType = "str"
    required: bool = True
    allowed: tuple[str, ...] = ()
    ref: tuple[str, ...] = ()
    former: tuple[tuple[str, str], ...] = ()

    @property
    def header(self) -> str:
        return f"{self.zh}({self.key})"

    # Read for every cell of every row of a county's import: worked out once per column.
    @cached_property
    def folds(self) -> bool:
        """Whether full-width characters are folded (codes, references, listed values and
        typed cells; names and other free text stay as typed)."""
        return self.key == "code" or bool(self.ref) or bool(self.allowed) or self.type != "str"

    @cached_property
    def as_read(self) -> bool:
        """Whether a cell is taken as it is read: text with no list of allowed values."""
        return self.type == "str" and not self.allowed

    @cached_property
    def expected(self) -> str:
        """The labels a reference may point at, as a problem names them."""
        return "/".join(self.ref)


@dataclass(frozen=True)
class Kind:
    """A kind of record: one CSV file (or workbook sheet) and one Cypher file."""

    name: str
    zh: str
    label: str | None
    columns: tuple[Column, ...]
    ordered: tuple[tuple[str, str], ...] = field(default=())

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def query(self) -> str:
        return f"import.{self.name}"

    @property
    def key(self) -> str | None:
        """The column holding the record's own code, when the kind makes nodes."""
        return "code" if self.label is not None else None

    @cached_property
    def refs(self) -> tuple[Column, ...]:
        """The columns that refer to another record."""
        return tuple(col for col in self.columns if col.ref)

    @cached_property
    def named(self) -> tuple[str, ...]:
        """The keys of the columns holding a code: the record's own and its references."""
        return tuple(col.key for col in self.columns if col.key == "code" or col.ref)

    @cached_property
    def identity(self) -> tuple[str, ...]:
        """What makes a relationship row the same fact as another: its MERGE key."""
        return tuple(col.key for col in self.columns
                     if col.ref or col.key in ("since", "seq", "year", "post", "sector"))

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


def code(zh: str = "编码") -> Column:
    return Column("code", zh)


def name(zh: str = "名称") -> Column:
    return Column("name", zh)


def since(zh: str = "起始日期", required: bool = True) -> Column:
    return Column("since", zh, "date", required)


def until(zh: str = "终止日期") -> Column:
    return Column("until", zh, "date", False)

