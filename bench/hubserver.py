"""Entry point of the hub under benchmark: `python -m bench.hubserver` (a subprocess).

Settings come from the environment the runner sets (NEO4J_URI, NEO4J_PASSWORD, HUB_PORT,
HUB_JWT_SECRET), exactly as `hub run` would read them against an external Neo4j.
"""

from __future__ import annotations

import dataclasses
import os

import uvicorn

from hub.app import create_app
from hub.settings import Settings


def main() -> None:
    settings = Settings.from_env()
    settings = dataclasses.replace(
        settings, ide_enabled=False,
        debug_round_trips=os.environ.get("BENCH_DEBUG_ROUND_TRIPS") == "1")
    uvicorn.run(create_app(settings), host="127.0.0.1", port=settings.port,
                log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
