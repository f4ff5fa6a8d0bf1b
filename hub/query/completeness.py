"""Data completeness: which cells a county left empty, per township and kind of record.

The cells are the ones a county may leave empty (the importer stores them as absent
properties) but that an answer depends on; `cypher/completeness/missing_cells.cypher` counts
them where each record lies, within the caller's jurisdiction. The Chinese names of kinds and
cells come from the importer's registry, so they read as the template's sheets and headers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hub.files.registry import BY_NAME
from hub.graph.db import Database

QUERY = "completeness.missing_cells"


@dataclass(frozen=True)
class Missing:
    """One kind's one cell in one township: how many records, how many lack the cell."""

    township: str | None
    township_name: str | None
    kind: str
    cell: str
    records: int
    missing: int

    @property
    def kind_zh(self) -> str:
        return BY_NAME[self.kind].zh

    @property
    def cell_zh(self) -> str:
        return BY_NAME[self.kind].column(self.cell).zh


async def missing_cells(db: Database, unit: str, as_of: date, scope: str | None
                        ) -> list[Missing]:
    rows = await db.read(QUERY, unit=unit, asOf=as_of, scope=scope)
    return [Missing(r["township"], r["townshipName"], str(r["kind"]), str(r["cell"]),
                    int(r["records"]), int(r["missing"])) for r in rows]
