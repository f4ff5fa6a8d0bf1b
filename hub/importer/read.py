"""Reading an import: a folder of CSV files, or one .xlsx workbook, one file/sheet per kind.

Headers are `中文(key)` (the English key decides; the Chinese is for people); a bare key or a
bare Chinese header is accepted too, and so is a sheet named `中文(key)`, `key` or `中文`.
CSV files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 (what Excel
writes on Chinese Windows), with any line ends. Cells come back as stripped text, with a note
of which workbook cells held numbers; typing is `cells.py`'s. What cannot be read safely (a
duplicated header, a formula never calculated, a merged cell, a damaged workbook, an empty
file) is a problem with its place, never a guess.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from hub.importer.problems import Problem
from hub.importer.registry import BY_NAME, KINDS
from hub.importer.sheetxml import flaws, listed_sheets, where
from hub.importer.spec import Kind

_HEADER = re.compile(r"^(.*?)\s*[(（]\s*([A-Za-z][A-Za-z0-9_]*)\s*[)）]\s*$")
# The template's instructions sheet (hub/templates.py): read by people, skipped here.
INSTRUCTIONS = "instructions"
# What a damaged or truncated workbook raises from inside openpyxl, zipfile and the XML parser.
_BROKEN = (OSError, ValueError, KeyError, IndexError, EOFError, RuntimeError, zipfile.BadZipFile,
           zlib.error,
           ParseError)
_DAMAGED = ("工作簿已损坏或不完整，请在 Excel 中重新保存 / the workbook is damaged or incomplete: "
            "save it again from Excel")
_EMPTY = "文件为空 / the file is empty"

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


def _keys(kind: Kind, file: str, header: list[str], problems: list[Problem]) -> list[str | None]:
    by_zh = {col.zh: col.key for col in kind.columns}
    known = {col.key for col in kind.columns}
    keys: list[str | None] = []
    first: dict[str, int] = {}
    for index, text in enumerate(header):
        text = text.strip().lstrip("\ufeff")
        match = _HEADER.match(text)
        key = match.group(2) if match else by_zh.get(text, text)
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


def _rows(kind: Kind, file: str, lines: Iterable[Line], problems: list[Problem]) -> list[RawRow]:
    it: Iterator[Line] = iter(lines)
    first = next(it, None)
    if first is None or not any(v.strip() for v in first[1]):
        problems.append(Problem(file, None, None, None,
                                f"{_EMPTY}（没有表头行）/ no header row"))
        return []
    keys = _keys(kind, file, first[1], problems)
    blank = {i for i, text in enumerate(first[1]) if not text.strip()}
    rows: list[RawRow] = []
    for line, values, numbers in it:
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys) and any(v.strip() for v in values[len(keys):]):
            problems.append(Problem(file, line, None, None,
                                    "单元格多于表头 / more cells than header columns"))
        for index in sorted(i for i in blank if i < len(values) and values[i].strip()):
            blank.discard(index)  # once per column is enough to show what to fix
            problems.append(Problem(file, line, f"{letters(index)}1", values[index].strip(),
                                    "该列有数据但没有表头 / this column has values but no header")
                            )
        cells = {k: v.strip() for k, v in zip(keys, values, strict=False) if k is not None}
        numeric = frozenset(k for i, k in enumerate(keys) if k is not None and i in numbers)
        rows.append(RawRow(file, line, cells, numeric))
    return rows


def decode(data: bytes) -> str | None:
    """The text of a CSV file in any encoding Excel writes, or None."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _csv(kind: Kind, path: Path, problems: list[Problem]) -> list[RawRow]:
    text = decode(path.read_bytes())
    if text is None:
        problems.append(Problem(path.name, None, None, None, (
            "无法识别的文字编码，请另存为 “CSV UTF-8” / not UTF-8, GBK/GB18030 or UTF-16: "
            "save as “CSV UTF-8”")))
        return []
    if not text.strip():
        problems.append(Problem(path.name, None, None, None, _EMPTY))
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    lines: list[Line] = []
    try:
        for values in reader:
            lines.append((reader.line_num, values, frozenset()))
    except csv.Error as exc:
        problems.append(Problem(path.name, reader.line_num + 1, None, None,
                                f"不是有效的 CSV / not a readable CSV line ({exc})"))
        return []
    return _rows(kind, path.name, lines, problems)


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps every number as a float
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        text = str(iso())
        return text[:10] if text.endswith("T00:00:00") or len(text) > 10 else text
    return str(value)


def _sheet_lines(rows: Iterable[tuple[object, ...]]) -> Iterator[Line]:
    for line, values in enumerate(rows, start=1):
        numbers = frozenset(i for i, v in enumerate(values)
                            if isinstance(v, int | float) and not isinstance(v, bool))
        yield line, ["" if v is None else _cell_text(v) for v in values], numbers


def sheet_kind(title: str) -> Kind | str | None:
    """The kind a sheet title names (`党组织(party_orgs)`, `party_orgs` or `党组织`),
    INSTRUCTIONS for the template's instructions sheet, or None."""
    match = _HEADER.match(title.strip())
    key = match.group(2) if match else title.strip()
    if key == INSTRUCTIONS:
        return INSTRUCTIONS
    by_zh = {kind.zh: kind for kind in KINDS}
    return BY_NAME.get(key) or by_zh.get(key)


def _sheet(kind: Kind, sheet: Any, file: str, problems: list[Problem]) -> list[RawRow]:
    rows = _rows(kind, file, _sheet_lines(sheet.iter_rows(values_only=True)), problems)
    header = [_cell_text(v) if v is not None else ""
              for v in next(sheet.iter_rows(max_row=1, values_only=True), ())]
    with sheet._get_source() as source:
        formulas, merged = flaws(source)

    def column(ref: str) -> tuple[int, str | None]:
        col, row = where(ref)
        index = next((i for i in range(len(header)) if letters(i) == col), None)
        return row, (header[index] or None) if index is not None else None

    for ref in formulas:
        problems.append(Problem(file, *column(ref), None, (
            f"公式单元格 {ref} 没有计算结果：请在 Excel 中打开并保存，或粘贴为数值 / formula cell "
            f"{ref} has no calculated value: open and save it in Excel, or paste values")))
    for ref in merged:
        problems.append(Problem(file, *column(ref), None, (
            f"合并单元格 {ref}：请取消合并并在每个单元格填写 / merged cells {ref}: unmerge them "
            f"and fill in every cell")))
    return rows


def _workbook(path: Path, done: Callable[[int, int], None],
              problems: list[Problem]) -> dict[str, list[RawRow]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    found: dict[str, list[RawRow]] = {}
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except _BROKEN:
        # A file named .xlsx that is not a workbook (text, a renamed .xls, a broken copy).
        problems.append(Problem(path.name, None, None, None,
                                "不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook"))
        return found
    try:
        with zipfile.ZipFile(path) as archive:
            lost = [name for name in listed_sheets(archive) if name not in book.sheetnames]
        for name in lost:
            problems.append(Problem(f"{path.name}:{name}", None, None, None, _DAMAGED))
        done(0, len(book.worksheets))
        for number, sheet in enumerate(book.worksheets, start=1):
            kind = sheet_kind(sheet.title)
            file = f"{path.name}:{sheet.title}"
            if isinstance(kind, Kind):
                found[kind.name] = _sheet(kind, sheet, file, problems)
            elif kind is None and any(
                    v is not None for row in sheet.iter_rows(values_only=True) for v in row):
                problems.append(Problem(file, None, None, None,
                                        "未知的工作表 / unknown sheet name"))
            done(number, len(book.worksheets))
    except _BROKEN:
        problems.append(Problem(path.name, None, None, None, _DAMAGED))
    finally:
        book.close()
    return found


def read(path: Path, on_file: Callable[[int, int], None] | None = None
         ) -> tuple[dict[str, list[RawRow]], list[Problem]]:
    """Every row of every kind found at `path`, and the problems met while reading.
    `on_file(done, total)` is told of each file or sheet read (a progress bar)."""
    problems: list[Problem] = []
    done = on_file or (lambda _done, _total: None)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        if path.stat().st_size == 0:
            return {}, [Problem(path.name, None, None, None, _EMPTY)]
        found = _workbook(path, done, problems)
    elif path.is_dir():
        found = {}
        expected = {kind.file for kind in KINDS}
        for extra in sorted(p.name for p in path.glob("*.csv") if p.name not in expected):
            problems.append(Problem(extra, None, None, None, "未知的文件 / unknown file name"))
        present = [kind for kind in KINDS if (path / kind.file).exists()]
        done(0, len(present))
        for number, kind in enumerate(present, start=1):
            found[kind.name] = _csv(kind, path / kind.file, problems)
            done(number, len(present))
    else:
        return {}, [Problem(str(path), None, None, None,
                            "应为 CSV 文件夹或 .xlsx 工作簿 / not a CSV folder or .xlsx workbook")]
    if not problems and not any(found.values()):
        problems.append(Problem(path.name, None, None, None,
                                "没有可导入的数据行 / no data rows to import"))
    return found, problems
