"""Import templates generated from the importer's registry, so they can never drift from what
the importer reads: one CSV file (or workbook sheet) per kind, the `中文(key)` headers, and one
filled-in example row — the first row of the demo county's file of that kind, which the
importer accepts.
"""

from __future__ import annotations

import csv
from pathlib import Path

from hub.importer.registry import KINDS
from hub.importer.spec import Kind
from hub.settings import PROJECT_ROOT
from hub.xlsx_safe import append_row

DEMO = PROJECT_ROOT / "seeds" / "demo-county"


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


def write_xlsx(path: Path) -> Path:
    """One workbook, one sheet per kind (named by its English key), headers and example."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    for kind in KINDS:
        sheet = book.create_sheet(kind.name)
        append_row(sheet, [col.header for col in kind.columns])
        append_row(sheet, example(kind))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, col in enumerate(kind.columns, start=1):
            # Wide enough for the Chinese header; every cell is text, so codes keep their zeros.
            sheet.column_dimensions[cell_letter(index)].width = max(14, len(col.header) * 2)
        for cell in sheet[2]:
            cell.number_format = "@"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    book.close()
    return path


def cell_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    letter: str = get_column_letter(index)
    return letter
