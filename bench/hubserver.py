"""Entry point of the hub under benchmark: `python -m bench.hubserver` (a subprocess).

Settings come from the environment the runner sets (NEO4J_URI, NEO4J_PASSWORD, HUB_PORT,
HUB_JWT_SECRET, HUB_WORKERS …), exactly as `hub run` would read them against an external Neo4j.
"""

from __future__ import annotations

import dataclasses
import os

import uvicorn
from starlette.applications import Starlette

from hub.core.settings import Settings
from hub.http.app import create_app


def _settings() -> Settings:
    return dataclasses.replace(
        Settings.from_env(), ide_enabled=False,
        debug_round_trips=os.environ.get("BENCH_DEBUG_ROUND_TRIPS") == "1")


def worker_app() -> Starlette:
    """One of HUB_WORKERS processes (as `hub run` starts them, hub.cli.main.worker_app)."""
    return create_app(_settings().per_worker())


def main() -> None:
    settings = _settings()
    if settings.workers > 1:
        uvicorn.run("bench.hubserver:worker_app", factory=True, workers=settings.workers,
                    host="127.0.0.1", port=settings.port, log_level="warning",
                    access_log=False)
    else:
        uvicorn.run(create_app(settings), host="127.0.0.1", port=settings.port,
                    log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
