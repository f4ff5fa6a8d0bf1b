"""Reading an .xlsx workbook: one sheet per kind, named `中文(key)`, `key` or `中文`; the
template's instructions sheet is skipped, and so is an unknown sheet with nothing in it.
Dates, numbers and booleans come back as text, with a note of which cells held numbers (an ID
number held as a number has lost digits). Formula cells without a value, merged cells, a lost
sheet and a damaged file are problems (hub/files/sheetxml.py), never a traceback.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from hub.files.problems import Problem
from hub.files.registry import BY_NAME, KINDS
from hub.files.rows import HEADER, Line, RawRow, letters, raw_rows
from hub.files.sheetxml import flaws, listed_sheets, where
from hub.files.spec import Kind

# The template's instructions sheet (hub/files/templates.py): read by people, skipped here.
INSTRUCTIONS = "instructions"
# What a damaged or truncated workbook raises from inside openpyxl, zipfile and the XML parser.
_BROKEN = (OSError, ValueError, KeyError, IndexError, EOFError, RuntimeError, zipfile.BadZipFile,
           zlib.error, ParseError)
_DAMAGED = ("工作簿已损坏或不完整，请在 Excel 中重新保存 / the workbook is damaged or incomplete: "
            "save it again from Excel")


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps every number as a float
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        text = str(iso())
        return text[:10] if text.endswith("T00:00:00") or len(text) > 10 else text
    return str(value)


def _sheet_lines(values_by_row: Iterable[tuple[object, ...]]) -> Iterator[Line]:
    for line, values in enumerate(values_by_row, start=1):
        numbers = frozenset(i for i, v in enumerate(values)
                            if isinstance(v, int | float) and not isinstance(v, bool))
        yield line, ["" if v is None else _cell_text(v) for v in values], numbers


def sheet_kind(title: str) -> Kind | str | None:
    """The kind a sheet title names (`党组织(party_orgs)`, `party_orgs` or `党组织`),
    INSTRUCTIONS for the template's instructions sheet, or None."""
    match = HEADER.match(title.strip())
    key = match.group(2) if match else title.strip()
    if key == INSTRUCTIONS:
        return INSTRUCTIONS
    by_zh = {kind.zh: kind for kind in KINDS}
    return BY_NAME.get(key) or by_zh.get(key)


def _sheet(kind: Kind, sheet: Any, file: str, problems: list[Problem]) -> list[RawRow]:
    # Read every cell the sheet holds, not only the range its own `dimension` claims: files
    # written by other programs often claim less, and the columns past it would be lost.
    sheet.reset_dimensions()
    found = raw_rows(kind, file, _sheet_lines(sheet.iter_rows(values_only=True)), problems)
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
    return found


def workbook(path: Path, done: Callable[[int, int], None],
             problems: list[Problem]) -> dict[str, list[RawRow]]:
    """Every kind's rows in the workbook at `path`; `done(n, total)` after each sheet."""
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
