"""The hub as a separate process for the federation tests: the gateway must reach it over
real HTTP, so the in-process test client cannot serve.

Settings come from the environment (`NEO4J_URI`, `HUB_JWT_SECRET` …) exactly as `hub run`
reads them, with the round-trip report switched on so the tests can count Cypher round
trips of an `_entities` batch. Usage: `python tests/federation/hub_server.py PORT`.
"""

from __future__ import annotations

import dataclasses
import sys

import uvicorn

from hub.core.settings import Settings
from hub.http.app import create_app


def main(port: int) -> None:
    settings = dataclasses.replace(Settings.from_env(), host="127.0.0.1", port=port,
                                   debug_round_trips=True)
    uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main(int(sys.argv[1]))
