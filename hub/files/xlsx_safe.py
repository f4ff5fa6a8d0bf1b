"""The one way the hub writes a row into an .xlsx sheet: text that Excel would evaluate stays
text (OWASP's CSV/formula-injection rule).

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return could run as a
formula (`=HYPERLINK(…)` imported as a grid's name, say). Such a cell is written as a string
cell with Excel's quote prefix, the same as typing `'` before it: Excel shows the text and
never evaluates it, not even after someone edits the cell. The text itself is not changed,
so what a township typed comes back out, and reads back in, exactly as typed. Every .xlsx
writer of the hub (gap exports, import templates) appends its rows through `append_row`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def append_row(sheet: Any, values: Iterable[object]) -> None:
    """Append `values` as the sheet's next row, every risky text written as inert text."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(RISKY_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True
