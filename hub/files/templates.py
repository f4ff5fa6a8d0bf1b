"""Import templates generated from the importer's registry, so they can never drift from what
the importer reads: one CSV file (or workbook sheet) per kind, the `中文(key)` headers, and one
filled-in example row — the first row of the demo county's file of that kind, which the
importer accepts. The workbook also guides whoever fills it in: an instructions sheet
(hub/files/template_guide.py), drop-down lists of the allowed values, optional columns' headers in
grey, the header row frozen, and ID-number and code columns kept as text.
"""

from __future__ import annotations

import csv
from pathlib import Path

from hub.core.settings import PROJECT_ROOT
from hub.files.registry import KINDS
from hub.files.spec import Column, Kind
from hub.files.template_guide import TITLE, sheet_title
from hub.files.template_guide import rows as guide_rows
from hub.files.xlsx_safe import append_row

DEMO = PROJECT_ROOT / "seeds" / "demo-county"
ROWS = 10000  # rows the drop-down lists cover below the header


def example(kind: Kind) -> list[str]:
    """The demo county's first row of `kind`, in the registry's column order."""
    path = DEMO / kind.file
    if not path.exists():
        return ["" for _ in kind.columns]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        first = next(csv.DictReader(fh), None) or {}
    return [first.get(col.header) or "" for col in kind.columns]


def write_csv(folder: Path) -> list[Path]:
    """One `<kind>.csv` per kind in `folder` (UTF-8 with BOM, so Excel shows the Chinese)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind in KINDS:
        path = folder / kind.file
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow([col.header for col in kind.columns])
            out.writerow(example(kind))
        written.append(path)
    return written


def _text_column(col: Column) -> bool:
    """Columns Excel must keep as typed: ID numbers (18 digits exceed what it keeps of a
    number), USCCs, phone numbers, and codes with their leading zeros."""
    return col.type in ("idnum", "uscc", "phone") or col.key == "code" or bool(col.ref)


def _choices(col: Column) -> tuple[str, ...]:
    return ("是", "否") if col.type == "bool" else col.allowed


def write_xlsx(path: Path) -> Path:
    """One workbook: the instructions sheet, then one sheet per kind (`中文(key)`) with its
    headers frozen, an example row, a drop-down list on every column of listed values, and
    text format on every ID-number, USCC, phone and code column."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    book = Workbook()
    guide = book.active
    guide.title = TITLE
    for values in guide_rows():
        append_row(guide, values)
    guide["A1"].font = Font(bold=True, size=14)
    for index, width in enumerate((26, 60, 60, 50, 40), start=1):
        guide.column_dimensions[cell_letter(index)].width = width
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for kind in KINDS:
        sheet = book.create_sheet(sheet_title(kind))
        append_row(sheet, [col.header for col in kind.columns])
        append_row(sheet, example(kind))
        sheet.freeze_panes = "A2"
        for index, col in enumerate(kind.columns, start=1):
            letter = cell_letter(index)
            head = sheet.cell(row=1, column=index)
            head.font = Font(bold=True, color=None if col.required else "808080")
            sheet.column_dimensions[letter].width = max(14, len(col.header) * 2)
            if _text_column(col):
                sheet.column_dimensions[letter].number_format = "@"
            choices = _choices(col)
            if choices:
                rule = DataValidation(type="list", formula1=f'"{",".join(choices)}"',
                                      allow_blank=not col.required, showErrorMessage=True,
                                      errorTitle="不在列表中 / not in the list",
                                      error=f"请从列表中选择 / choose one of: {', '.join(choices)}")
                rule.add(f"{letter}2:{letter}{ROWS}")
                sheet.add_data_validation(rule)
        for cell in sheet[2]:
            cell.number_format = "@"  # the example is text, as the importer reads it
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    book.close()
    return path


def cell_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    letter: str = get_column_letter(index)
    return letter
