"""What the importer refuses: every problem with its file, row, column, value and reason."""

from __future__ import annotations

from dataclasses import dataclass

from hub.core.errors import HubError, InputError


@dataclass(frozen=True)
class Problem:
    """One refused cell, row or file. `row` is the line in the file (the header is line 1)."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" 第{self.row}行/row {self.row}"
        if self.column:
            where += f" 列/column {self.column}"
        shown = f" 值/value {self.value!r}" if self.value not in (None, "") else ""
        return f"{where}{shown}: {self.reason}"


class ImportRejected(InputError):
    """The data had problems; nothing was written. `problems` lists them all."""

    zh = "导入数据有误，未写入任何数据"
    en = "the import was refused and nothing was written"

    def __init__(self, *, problems: list[Problem]) -> None:
        self.problems = problems
        self._keep(problems=problems)

    def detail(self) -> str:
        problems = self.problems
        shown = "\n".join(f"  {p}" for p in problems[:200])
        more = f"\n  … 另有 {len(problems) - 200} 个 / {len(problems) - 200} more" if len(
            problems) > 200 else ""
        return f"{len(problems)} 个问题 / problems:\n{shown}{more}"


class ImportTooLarge(HubError):
    """The import did not fit in one transaction's memory; nothing was written."""

    zh = "导入数据过大，单个事务内存不足，未写入任何数据"
    en = "the import does not fit in one transaction's memory; nothing was written"

    def __init__(self, *, rows: int | str) -> None:
        """`rows` is "?" where the count is not known."""
        self.rows = rows
        self._keep(rows=rows)

    def detail(self) -> str:
        return (f"{self.rows} 行/rows; 请增大 NEO4J_HEAP 或分批导入 / raise "
                f"NEO4J_HEAP (dbms.memory.transaction.total.max) or import in parts")
