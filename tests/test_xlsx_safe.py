"""Spreadsheet safety (OWASP formula injection): text the hub writes into an .xlsx that starts
with `=`, `+`, `-`, `@`, a tab or a carriage return is a string cell with Excel's quote
prefix, never a formula, and keeps exactly what was typed — from the import, through the
graph, into the gap export and back through the importer's reader (which, as ever, trims the
whitespace around a cell, so a leading tab or carriage return is checked on the writer
alone). Own grids use codes `ZX…` and are deleted after.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from hub.core import clock
from hub.files.read import read
from hub.files.registry import BY_NAME
from hub.files.templates import write_xlsx
from hub.files.xlsx_safe import RISKY_STARTS, append_row
from hub.graph.db import Database

RISKY = {"ZX-G1": '=HYPERLINK("http://example.invalid","点我")', "ZX-G2": "+SUM(1,2)",
         "ZX-G3": "-1+2", "ZX-G4": "@cmd", "ZX-G5": "=1+1"}
PLAIN = {"ZX-G6": "安全网格"}


def typed_workbook(kind: str, rows: list[list[str]]) -> bytes:
    """A workbook as a clerk types text into it: every cell a string cell."""
    book = Workbook()
    sheet = book.active
    sheet.title = kind
    append_row(sheet, [col.header for col in BY_NAME[kind].columns])
    for row in rows:
        append_row(sheet, row)
    out = io.BytesIO()
    book.save(out)
    book.close()
    return out.getvalue()


def cells_by_code(body: bytes, sheet: str) -> dict[str, Any]:
    book = load_workbook(io.BytesIO(body))
    try:
        return {row[0].value: row[1] for row in book[sheet].iter_rows(min_row=2)}
    finally:
        book.close()


@pytest.fixture
async def risky_grids(client: httpx.AsyncClient, demo: Database) -> AsyncIterator[str]:
    since = clock.today().replace(day=1).isoformat()
    rows = [[code, name, "XC-T01-C01", since, ""] for code, name in (RISKY | PLAIN).items()]
    done = await client.post("/import", content=typed_workbook("grids", rows))
    assert done.status_code == 200, done.text
    yield since
    await demo.write("admin.delete_records", codes=list(RISKY | PLAIN))


async def test_exported_names_are_text_excel_will_not_evaluate(
    client: httpx.AsyncClient, bearer: Callable[..., dict[str, str]], risky_grids: str,
    tmp_path: Path,
) -> None:
    response = await client.get("/export/gaps", headers=bearer("township", "XC-T01"), params={
        "dimension": "grids_without_worker", "unit": "XC-T01"})
    assert response.status_code == 200, response.text
    names = cells_by_code(response.content, "缺口清单")
    for code, typed in RISKY.items():
        cell = names[code]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (typed, "s", True), code
    plain = names["ZX-G6"]
    assert (plain.value, plain.data_type, plain.quotePrefix) == (PLAIN["ZX-G6"], "s", False)
    # What a township typed comes back unchanged through the importer's own reader.
    (tmp_path / "back.xlsx").write_bytes(typed_workbook("grids", [
        [code, names[code].value, "XC-T01-C01", risky_grids, ""] for code in RISKY]))
    raw, problems = read(tmp_path / "back.xlsx")
    assert problems == []
    assert {r.cells["code"]: r.cells["name"] for r in raw["grids"]} == RISKY


def test_every_risky_start_is_written_as_text(tmp_path: Path) -> None:
    book = Workbook()
    values = [start + "1+1" for start in RISKY_STARTS] + ["1+1", "", None, 5]
    append_row(book.active, values)
    book.save(tmp_path / "t.xlsx")
    book.close()
    again = load_workbook(tmp_path / "t.xlsx")
    row = next(again.active.iter_rows())
    # A carriage return comes back as a line feed: .xlsx is XML, whose parsers normalise it.
    assert [c.value for c in row[:len(RISKY_STARTS)]] == [
        str(v).replace("\r", "\n") for v in values[:len(RISKY_STARTS)]]
    assert all(c.data_type == "s" and c.quotePrefix for c in row[:len(RISKY_STARTS)])
    assert not any(c.quotePrefix for c in row[len(RISKY_STARTS):])
    again.close()
    # The templates go through the same function: their headers and examples stay as given.
    templates = load_workbook(write_xlsx(tmp_path / "templates.xlsx"))
    assert all(c.data_type != "f" for sheet in templates for r in sheet.iter_rows() for c in r)
    templates.close()
