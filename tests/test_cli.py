"""`hub run` as a user starts it, and the one-line errors of the command line."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from hub.cli.main import main
from tests.conftest import Server

pytestmark = pytest.mark.lifecycle


def _get(url: str) -> tuple[int, str]:
    """GET as a browser does (asking for HTML)."""
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_wrong_credentials_for_an_external_neo4j(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", server.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "certainly-wrong")
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err.strip()
    assert "用户名或密码错误 / wrong credentials" in err
    assert len(err.splitlines()) <= 2


def test_an_external_neo4j_that_does_not_answer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误 / error: 无法连接 Neo4j / cannot reach Neo4j: bolt://127.0.0.1:9")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_hub_run_serves_graphql_and_browser_and_stops_cleanly(
    tmp_path: Path, ports: Callable[[], int], stop: signal.Signals
) -> None:
    """Ctrl-C, and SIGTERM as systemd, containers and `timeout` send it, both stop the hub
    and the Neo4j it started."""
    hub, bolt, http = ports(), ports(), ports()
    env = {**os.environ, "HUB_STATE_DIR": str(tmp_path / "state"), "HUB_PORT": str(hub),
           "NEO4J_BOLT_PORT": str(bolt), "NEO4J_HTTP_PORT": str(http)}
    env.pop("NEO4J_URI", None)
    log = (tmp_path / "run.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "hub.cli.main", "run"], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if _get(f"http://127.0.0.1:{hub}/readyz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(1)
        out = (tmp_path / "run.log").read_text()
        assert proc.poll() is None, out
        assert f"GraphQL: http://127.0.0.1:{hub}/graphql" in out
        # The first start loads the demo county and shows it moving, not minutes of silence.
        assert "first start: loading the demo county" in out
        assert "写入/writing [" in out and "100%" in out
        browser = re.search(r"Neo4j Browser: (\S+)", out)
        assert browser and browser.group(1) == f"http://127.0.0.1:{http}/browser/"
        password = (tmp_path / "state" / "password").read_text().strip()
        assert password not in out, "the console shows where the password is, not the password"
        assert f"password in {tmp_path / 'state' / 'password'}" in out
        assert _get(browser.group(1))[0] == 200
        status, body = _get(f"http://127.0.0.1:{hub}/graphql")
        assert status == 200 and "graphiql" in body.lower()
        token = re.search(r"Bearer ([\w.-]+)", out)
        assert token, out
        answer = urllib.request.Request(
            f"http://127.0.0.1:{hub}/graphql", data=b'{"query": "{ county { code name } }"}',
            headers={"Authorization": f"Bearer {token.group(1)}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(answer, timeout=30) as response:
            assert b'"code":"XC"' in response.read().replace(b" ", b""), "the demo county is served"
        pid = int((tmp_path / "state" / "run" / "neo4j.pid").read_text())
    finally:
        proc.send_signal(stop)
        proc.wait(timeout=90)
        log.close()
    assert proc.returncode == 0
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not (tmp_path / "state" / "run" / "neo4j.pid").exists()


def test_hub_neo4j_stop_works_while_hub_run_serves(
    tmp_path: Path, ports: Callable[[], int]
) -> None:
    """The stopped server is collected by the hub that started it (no zombie), so `hub neo4j
    stop` returns; the hub says 503 at once, and serves again once Neo4j is started again."""
    port, bolt, http = ports(), ports(), ports()
    env = {**os.environ, "HUB_STATE_DIR": str(tmp_path / "state"), "HUB_PORT": str(port),
           "NEO4J_BOLT_PORT": str(bolt), "NEO4J_HTTP_PORT": str(http)}
    env.pop("NEO4J_URI", None)
    ready = f"http://127.0.0.1:{port}/readyz"
    log = (tmp_path / "run.log").open("w+")
    proc = subprocess.Popen([sys.executable, "-m", "hub.cli.main", "run"], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    hub = [sys.executable, "-m", "hub.cli.main", "neo4j"]
    try:
        assert _wait_status(ready, 200, proc), (tmp_path / "run.log").read_text()
        pid = int((tmp_path / "state" / "run" / "neo4j.pid").read_text())
        stopped = subprocess.run([*hub, "stop"], env=env, capture_output=True, text=True,
                                 timeout=120)
        assert "已停止 / stopped" in stopped.stdout, stopped.stdout + stopped.stderr
        assert not Path(f"/proc/{pid}").exists(), "collected, not left a zombie"
        start = time.monotonic()
        assert _get(ready)[0] == 503 and time.monotonic() - start < 2.0
        subprocess.run([*hub, "start"], env=env, capture_output=True, timeout=300, check=True)
        assert _wait_status(ready, 200, proc), "the hub serves again without a restart"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=90)
        log.close()
        subprocess.run([*hub, "stop"], env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0


def _wait_status(url: str, status: int, proc: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if _get(url)[0] == status:
                return True
        except OSError:
            pass
        time.sleep(1)
    return False
