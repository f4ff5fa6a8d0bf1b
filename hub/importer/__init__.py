"""The importer: a county's CSV folder (or .xlsx workbook) into the graph, all or nothing.

    read.py      files and sheets to raw rows (Chinese headers with English keys)
    cells.py     typing and checking each cell (types, allowed values, ID rules, date order)
    checks.py    duplicate codes, references to other records
    load.py      check everything (in a worker thread), then stage and publish
    write.py     staged batches, each its own transaction, and the one publish transaction
    stage.py     an import run: its live lock, and cleaning up after a run that died
    summary.py   what the write did per kind: created, updated, unchanged, closed
    registry.py  every kind: file, columns, Cypher (`cypher/import/<kind>.cypher`)
"""

from hub.importer.load import import_path
from hub.importer.problems import ImportRejected, ImportTooLarge, Problem
from hub.importer.summary import Summary

__all__ = ["ImportRejected", "ImportTooLarge", "Problem", "Summary", "import_path"]
