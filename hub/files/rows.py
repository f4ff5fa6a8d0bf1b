"""One file's or sheet's lines to raw rows: the header `中文(key)` (the English key decides; a
bare key or bare Chinese header is accepted too) matched to the kind's columns, then each
line's cells by key, as stripped text. A duplicated header, a required column missing, an
unknown column and values under no header are problems with their cell address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from hub.files.problems import Problem
from hub.files.spec import Kind

HEADER = re.compile(r"^(.*?)\s*[(（]\s*([A-Za-z][A-Za-z0-9_]*)\s*[)）]\s*$")
EMPTY = "文件为空 / the file is empty"
_NO_NUMBERS: frozenset[str] = frozenset()
# (line number, cell texts, indexes of the cells a workbook held as numbers)
Line = tuple[int, list[str], frozenset[int]]


@dataclass(frozen=True)
class RawRow:
    file: str
    line: int
    cells: dict[str, str]
    numeric: frozenset[str] = field(default=frozenset())  # keys whose workbook cell was a number


def letters(index: int) -> str:
    """Excel's column letters of the 0-based column `index`: 0 → A, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def header_keys(kind: Kind, file: str, header: list[str],
                problems: list[Problem]) -> list[str | None]:
    """The column key under each header cell (None where there is none)."""
    by_zh = {col.zh: col.key for col in kind.columns}
    by_zh |= {zh: col.key for col in kind.columns for _, zh in col.former}
    renamed = {key: col.key for col in kind.columns for key, _ in col.former}
    known = {col.key for col in kind.columns}
    keys: list[str | None] = []
    first: dict[str, int] = {}
    for index, text in enumerate(header):
        text = text.strip().lstrip("\ufeff")
        match = HEADER.match(text)
        key = match.group(2) if match else by_zh.get(text, text)
        key = renamed.get(key, key)
        if not text:
            keys.append(None)
        elif key in first:
            keys.append(None)
            problems.append(Problem(file, 1, text, None, (
                f"表头重复：{letters(index)}1 与 {letters(first[key])}1 是同一列 {key}，"
                f"请删除或改正其中一列 / duplicate header: {letters(index)}1 and "
                f"{letters(first[key])}1 both name {key}; delete or rename one")))
        elif key in known:
            first[key] = index
            keys.append(key)
        else:
            keys.append(None)
            problems.append(Problem(file, 1, text, None,
                                    "未知的列 / unknown column for this kind"))
    for col in kind.columns:
        if col.required and col.key not in keys:
            problems.append(Problem(file, 1, col.header, None,
                                    "缺少必需的列 / required column missing"))
    return keys


def raw_rows(kind: Kind, file: str, lines: Iterable[Line],
             problems: list[Problem]) -> list[RawRow]:
    """The rows under the first line's header; blank lines skipped."""
    return list(each_raw_row(kind, file, lines, problems))


def each_raw_row(kind: Kind, file: str, lines: Iterable[Line],
                 problems: list[Problem]) -> Iterator[RawRow]:
    """`raw_rows` one at a time, as `lines` are read (a large CSV file is never held)."""
    it: Iterator[Line] = iter(lines)
    first = next(it, None)
    if first is None or not any(v.strip() for v in first[1]):
        problems.append(Problem(file, None, None, None,
                                f"{EMPTY}（没有表头行）/ no header row"))
        return
    keys = header_keys(kind, file, first[1], problems)
    blank = {i for i, text in enumerate(first[1]) if not text.strip()}
    for line, values, numbers in it:
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys) and any(v.strip() for v in values[len(keys):]):
            problems.append(Problem(file, line, None, None,
                                    "单元格多于表头 / more cells than header columns"))
        if blank:
            for index in sorted(i for i in blank if i < len(values) and values[i].strip()):
                blank.discard(index)  # once per column is enough to show what to fix
                problems.append(Problem(file, line, f"{letters(index)}1", values[index].strip(),
                                        "该列有数据但没有表头 / this column has values but no "
                                        "header"))
        cells = {k: v.strip() for k, v in zip(keys, values, strict=False) if k is not None}
        numeric = frozenset(k for i, k in enumerate(keys) if k is not None and i in numbers) \
            if numbers else _NO_NUMBERS
        yield RawRow(file, line, cells, numeric)
