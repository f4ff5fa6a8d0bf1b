"""The demo county in `seeds/demo-county/`, loaded through the same import path a county uses."""

from __future__ import annotations

from hub.db import Database
from hub.importer import Summary, import_path
from hub.settings import PROJECT_ROOT

DEMO = PROJECT_ROOT / "seeds" / "demo-county"


async def load_demo(db: Database) -> Summary:
    """Import the demo county (idempotent: a second load creates nothing)."""
    return await import_path(db, DEMO)


async def load_demo_if_empty(db: Database) -> list[str]:
    """Load the demo county into a database that holds no imported record; say what happened."""
    rows = await db.read("import.has_records")
    if rows and rows[0]["present"]:
        return ["数据库已有数据，未载入示例县 / the database holds data; demo county not loaded"]
    summary = await load_demo(db)
    return [f"已载入示例县 / demo county loaded: {summary.rows} 行/rows, "
            f"新建 {summary.created} 条记录 / {summary.created} records created"]
