"""The importer: a county's CSV folder (or .xlsx workbook) into the graph, all or nothing.

    read.py      a CSV folder (any encoding Excel writes) or a workbook to raw rows
    rows.py      one file's header (Chinese with English keys) and lines to raw rows
    workbook.py  .xlsx sheets; sheetxml.py finds uncalculated formulas and merged cells
    cells.py     typing and checking each cell (types, allowed values, ID rules, date forms,
                 full-width characters, date order)
    checks.py    duplicate codes, references to other records; places.py where a Party
                 organisation may lie and what it may be under
    full.py      a full import closes what the files no longer list
    check.py     read, type and check every row (the graph read through a lookup)
    worker.py    check.py in a worker process, sending the checked rows back batch by batch
    load.py      an import: its run, the worker's batches written, staged then published
    write.py     staged batches, each its own transaction, and the one publish transaction
    stage.py     an import run: its live lock, and cleaning up after a run that died
    summary.py   what the write did per kind: created, updated, unchanged, closed
    registry.py  every kind: file, columns, Cypher (`cypher/import/<kind>.cypher`)
"""

from hub.files.problems import ImportRejected, ImportTooLarge, Problem
from hub.importer.load import import_path
from hub.importer.summary import Summary

__all__ = ["ImportRejected", "ImportTooLarge", "Problem", "Summary", "import_path"]
