"""The demo county in `seeds/`, loaded through the same import path a county uses."""

from __future__ import annotations

from hub.db import Database


async def load_demo_if_empty(db: Database) -> list[str]:
    return ["示例县尚未提供 / the demo county is not there yet (issue 3)"]
