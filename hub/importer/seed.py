"""The demo county in `seeds/demo-county/`, loaded through the same import path a county uses."""

from __future__ import annotations

from collections.abc import Callable

from hub.core.progress import Tick, quiet
from hub.core.settings import PROJECT_ROOT
from hub.graph.db import Database
from hub.importer import Summary, import_path

DEMO = PROJECT_ROOT / "seeds" / "demo-county"


async def load_demo(db: Database, say: Callable[[str], None] | None = None,
                    tick: Tick = quiet) -> Summary:
    """Import the demo county (idempotent: a second load creates nothing)."""
    return await import_path(db, DEMO, progress=say, tick=tick)


async def load_demo_if_empty(db: Database, say: Callable[[str], None] | None = None,
                             tick: Tick = quiet) -> list[str]:
    """Load the demo county into a database that holds no imported record; say what happened.

    On a first start this takes minutes on a slow machine: `say` hears the stages as they
    begin and `tick` the files checked and rows written, so the person waiting sees it move.
    """
    rows = await db.read("import.has_records")
    if rows and rows[0]["present"]:
        return ["数据库已有数据，未载入示例县 / the database holds data; demo county not loaded"]
    if say is not None:
        say("首次启动：正在载入示例县，约需几分钟 / first start: loading the demo county, "
            "which takes a few minutes")
    summary = await load_demo(db, say, tick)
    return [f"已载入示例县 / demo county loaded: {summary.rows} 行/rows, "
            f"新建 {summary.created} 条记录 / {summary.created} records created"]
