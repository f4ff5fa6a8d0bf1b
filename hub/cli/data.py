"""The data commands of `hub`: import templates and gap-list exports.

    hub template [--out DIR]          templates.xlsx and csv/<kind>.csv, one example row each
    hub import PATH --full            import, closing relationships the files no longer list
    hub export-gaps DIMENSION UNIT [--as-of DAY] [--out FILE]   a gap list as .xlsx (county),
                                      with a sheet of the cells the unit's records lack
"""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from pathlib import Path
from typing import Any

from hub.cli.connect import connect
from hub.core import clock
from hub.core.principal import Principal, Role
from hub.core.progress import Tick
from hub.core.settings import Settings
from hub.files.templates import write_csv, write_xlsx
from hub.graph.db import Database
from hub.query.coverage import Dimension


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    tpl = sub.add_parser("template", help="生成导入模板 / write the import templates")
    tpl.add_argument("--out", type=Path, default=Path("import-templates"),
                     help="输出目录 / folder to write them to (default: import-templates)")
    gaps = sub.add_parser("export-gaps", help="导出覆盖缺口清单 / export a gap list as .xlsx")
    gaps.add_argument("dimension", choices=[d.value for d in Dimension],
                      help="覆盖维度 / coverage dimension")
    gaps.add_argument("unit", help="单位编码 / unit code")
    gaps.add_argument("--as-of", type=date.fromisoformat, default=None,
                      help="截至日期 YYYY-MM-DD（默认今天）/ as of this date (default today)")
    gaps.add_argument("--out", type=Path, default=None,
                      help="输出文件 .xlsx（默认按维度与单位命名）/ the .xlsx file to write")


async def import_full(db: Database, path: Path, tick: Tick, today: date) -> None:
    """`hub import PATH --full`: import, and close what the files no longer list, today."""
    from hub.http.upload import upload

    who = Principal(f"cli:{getpass.getuser()}", Role.COUNTY)
    print(f"检查并写入 / checking and writing {path} (全量 / full) …")
    summary, entry = await upload(db, who, path, 1800.0, today, today, tick)
    for line in summary.lines():
        print(line)
    print(f"审计记录 / audit entry {entry}")


def cmd_template(out: Path) -> int:
    book = write_xlsx(out / "templates.xlsx")
    files = write_csv(out / "csv")
    print(f"已生成 / written: {book} 和/and {len(files)} 个 CSV 文件 / CSV files in {out / 'csv'}")
    return 0


async def export_gaps(settings: Settings, args: argparse.Namespace) -> Path:
    """The county's view of the gaps (the CLI runs on the hub's own machine)."""
    from hub.http.export import gaps, workbook

    db = await connect(settings)
    try:
        day = args.as_of or settings.today()
        dimension = Dimension(args.dimension)
        who = Principal("cli-export", Role.COUNTY, None)
        found = await gaps(db, who, dimension, args.unit, day)
        out: Path = args.out or Path(f"gaps-{dimension.value}-{args.unit}-{day}.xlsx")
        out.write_bytes(workbook(who, found, clock.now(settings.time_zone)))
        print(f"{len(found.outcome.gaps)} 个缺口 / gaps → {out}")
        return out
    finally:
        await db.driver.close()
