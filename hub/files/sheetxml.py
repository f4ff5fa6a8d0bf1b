"""What a workbook's values hide: formula cells Excel never calculated, merged cells, and
sheets a damaged file lost.

openpyxl, asked for values, gives None for both a formula without a cached result and every
cell of a merged range but the first, so an empty-looking cell may be neither empty nor safe
to read as empty. This reads the sheet's own XML once more, streaming, to find them.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO
from xml.etree.ElementTree import fromstring, iterparse

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"^\$?([A-Z]+)\$?(\d+)")


def where(ref: str) -> tuple[str, int]:
    """`("C", 7)` for `C7` or `C7:D9`: the column letters and the row of a cell reference."""
    found = _REF.match(ref)
    return (found.group(1), int(found.group(2))) if found else ("", 0)


def flaws(source: IO[bytes]) -> tuple[list[str], list[str]]:
    """(formula cells without a cached value, merged ranges) of one sheet's XML."""
    formulas: list[str] = []
    merged: list[str] = []
    for _event, element in iterparse(source, events=("end",)):
        if element.tag == f"{_NS}c":
            formula = element.find(f"{_NS}f")
            cached = element.find(f"{_NS}v")
            if formula is not None and (cached is None or not (cached.text or "")):
                formulas.append(str(element.get("r", "")))
            element.clear()
        elif element.tag == f"{_NS}row":
            element.clear()  # rows already read: keep memory flat on a large sheet
        elif element.tag == f"{_NS}mergeCell":
            merged.append(str(element.get("ref", "")))
    return formulas, merged


def listed_sheets(book: zipfile.ZipFile) -> list[str]:
    """The sheet names the workbook's own index lists (openpyxl skips, without a word, a
    sheet whose part a truncated file lost)."""
    try:
        index = book.read("xl/workbook.xml")
    except KeyError:
        return []  # not where Excel puts it: nothing to compare with
    return [str(e.get("name")) for e in fromstring(index).iter(f"{_NS}sheet")]
