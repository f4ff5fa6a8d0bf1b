"""`hub run` with two worker processes (HUB_WORKERS=2) against an external Neo4j: both
workers start, the hub answers GraphQL from either, and SIGTERM stops them all; each worker
keeps its share of the fair-share limits (Settings.per_worker)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from hub.core.principal import Role
from hub.core.settings import Fairness, Settings
from hub.graph.db import Database
from hub.http.auth import Authenticator
from tests.conftest import Server

pytestmark = pytest.mark.lifecycle


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _post(url: str, token: str) -> dict[str, object]:
    body = json.dumps({"query": '{ unit(code: "XC-T01") { ... on Township { code '
                                'villages(first: 2) { totalCount } } } }'}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        answer: dict[str, object] = json.loads(response.read())
        return answer


async def test_hub_run_with_two_workers_serves(server: Server, demo: Database, tmp_path: Path,
                                               ports: Callable[[], int]) -> None:
    [row] = await demo.read("browse.children", parents=["XC-T01"], label="Village",
                            nameLike=None, asOf=Settings.from_env({}).today(), offset=0,
                            limit=2, scope=None)
    await asyncio.to_thread(_two_workers, server, tmp_path, ports(), int(row["total"]))


def _two_workers(server: Server, tmp_path: Path, port: int, villages: int) -> None:
    secret = secrets.token_urlsafe(32)
    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_PASSWORD": server.password,
           "HUB_JWT_SECRET": secret, "HUB_PORT": str(port), "HUB_WORKERS": "2",
           "HUB_STATE_DIR": str(tmp_path / "state"), "HUB_WARM_UP": "0"}
    with (tmp_path / "run.log").open("w+") as log:
        _serve(env, log, port, villages)


def _serve(env: dict[str, str], log: IO[str], port: int, villages: int) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "hub.cli.main", "run"], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    settings = Settings.from_env(env)
    token = Authenticator.from_settings(settings).mint("two-workers", Role.COUNTY, None)
    try:
        deadline, url = time.monotonic() + 240, f"http://127.0.0.1:{port}"
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        assert proc.poll() is None, log.seek(0) or log.read()
        assert len(_children(proc.pid)) >= 2
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda _: _post(url + "/graphql", token), range(8)))
        for answer in answers:
            assert answer == {"data": {"unit": {"code": "XC-T01",
                                                "villages": {"totalCount": villages}}}}, answer
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    assert proc.returncode == 0


def test_each_worker_keeps_its_share_of_the_limits() -> None:
    fair = Fairness(caller_concurrency=2, max_in_flight=8, caller_rate=50.0, caller_burst=100,
                    caller_queue=64)
    base = Settings.from_env({})
    two = Settings(**{**base.__dict__, "fair": fair, "workers": 2}).per_worker().fair
    assert (two.caller_concurrency, two.max_in_flight, two.caller_rate, two.caller_burst,
            two.caller_queue) == (1, 4, 25.0, 50, 32)
    assert Settings(**{**base.__dict__, "workers": 1}).per_worker() is not None
