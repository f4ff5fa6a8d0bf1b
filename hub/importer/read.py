"""Reading an import: a folder of CSV files, or one .xlsx workbook, one file/sheet per kind.

Headers are `中文(key)` (the English key decides; the Chinese is for people); a bare key or a
bare Chinese header is accepted too. Cells come back as stripped text; typing is `cells.py`'s.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hub.importer.problems import Problem
from hub.importer.registry import BY_NAME, KINDS
from hub.importer.spec import Kind

_HEADER = re.compile(r"^(.*?)\s*[(（]\s*([A-Za-z][A-Za-z0-9_]*)\s*[)）]\s*$")


@dataclass(frozen=True)
class RawRow:
    file: str
    line: int
    cells: dict[str, str]


def _keys(kind: Kind, file: str, header: list[str], problems: list[Problem]) -> list[str | None]:
    by_zh = {col.zh: col.key for col in kind.columns}
    by_zh |= {zh: col.key for col in kind.columns for _, zh in col.former}
    renamed = {key: col.key for col in kind.columns for key, _ in col.former}
    known = {col.key for col in kind.columns}
    keys: list[str | None] = []
    for text in header:
        text = text.strip().lstrip("\ufeff")
        match = _HEADER.match(text)
        key = match.group(2) if match else by_zh.get(text, text)
        key = renamed.get(key, key)
        if not text:
            keys.append(None)
        elif key in known:
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


def _rows(kind: Kind, file: str, lines: Iterable[tuple[int, list[str]]],
          problems: list[Problem]) -> list[RawRow]:
    it: Iterator[tuple[int, list[str]]] = iter(lines)
    first = next(it, None)
    if first is None:
        return []
    keys = _keys(kind, file, first[1], problems)
    rows: list[RawRow] = []
    for line, values in it:
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys):
            problems.append(Problem(file, line, None, None,
                                    "单元格多于表头 / more cells than header columns"))
        cells = {k: v.strip() for k, v in zip(keys, values, strict=False) if k is not None}
        rows.append(RawRow(file, line, cells))
    return rows


def _csv_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        for values in reader:
            yield reader.line_num, values


def _sheet_lines(rows: Iterable[tuple[object, ...]]) -> Iterator[tuple[int, list[str]]]:
    for line, values in enumerate(rows, start=1):
        yield line, ["" if v is None else _cell_text(v) for v in values]


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps every number as a float
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        text = str(iso())
        return text[:10] if text.endswith("T00:00:00") or len(text) > 10 else text
    return str(value)


def read(path: Path, on_file: Callable[[int, int], None] | None = None
         ) -> tuple[dict[str, list[RawRow]], list[Problem]]:
    """Every row of every kind found at `path`, and the problems met while reading.
    `on_file(done, total)` is told of each file or sheet read (a progress bar)."""
    problems: list[Problem] = []
    found: dict[str, list[RawRow]] = {}
    done = on_file or (lambda _done, _total: None)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook  # type: ignore[import-untyped]

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            # A file named .xlsx that is not a workbook (text, a renamed .xls, a broken copy).
            return {}, [Problem(path.name, None, None, None,
                                "不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook")]
        by_zh = {kind.zh: kind for kind in KINDS}
        done(0, len(book.worksheets))
        for number, sheet in enumerate(book.worksheets, start=1):
            kind = BY_NAME.get(sheet.title) or by_zh.get(sheet.title)
            file = f"{path.name}:{sheet.title}"
            if kind is None:
                problems.append(Problem(file, None, None, None,
                                        "未知的工作表 / unknown sheet name"))
            else:
                found[kind.name] = _rows(kind, file,
                                         _sheet_lines(sheet.iter_rows(values_only=True)), problems)
            done(number, len(book.worksheets))
        book.close()
        return found, problems
    if not path.is_dir():
        return {}, [Problem(str(path), None, None, None,
                            "应为 CSV 文件夹或 .xlsx 工作簿 / not a CSV folder or .xlsx workbook")]
    expected = {kind.file for kind in KINDS}
    for extra in sorted(p.name for p in path.glob("*.csv") if p.name not in expected):
        problems.append(Problem(extra, None, None, None, "未知的文件 / unknown file name"))
    present = [kind for kind in KINDS if (path / kind.file).exists()]
    done(0, len(present))
    for number, kind in enumerate(present, start=1):
        found[kind.name] = _rows(kind, kind.file, _csv_lines(path / kind.file), problems)
        done(number, len(present))
    return found, problems
