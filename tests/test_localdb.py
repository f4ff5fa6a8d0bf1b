"""The project's own Neo4j: its lifecycle, and the errors a newcomer's machine can provoke.

These start servers of their own (in a temporary folder, on ports of their own), apart from
the session's test server and from what `make run` keeps.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import pytest

from hub.core.errors import JavaMissing, MavenFailed, Neo4jStartFailed, PortTaken
from hub.graph.cypher import Queries
from hub.graph.localdb import LIB_DIR, LocalNeo4j, fetch, java_version, port_free

pytestmark = pytest.mark.lifecycle

QUERIES = Queries()


@pytest.fixture
def scratch(tmp_path: Path, ports: Callable[[], int]) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(home=tmp_path / "neo4j", bolt_port=ports(), http_port=ports(),
                        heap="512m", pagecache="64m", start_timeout=120)
    yield server
    server.stop()


def _count_marks(server: LocalNeo4j) -> int:
    with neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", server.password())) as driver:
        records, _, _ = driver.execute_query(QUERIES["testing.count_marks"].text)
        return int(records[0]["n"])


def test_start_ready_stop_restart_keeps_data(scratch: LocalNeo4j) -> None:
    assert scratch.start(say=lambda _: None) is True
    assert scratch.running()
    assert stat.S_IMODE(scratch.password_file.stat().st_mode) == 0o600
    assert scratch.start(say=lambda _: None) is False, "a second start reuses the running server"

    with neo4j.GraphDatabase.driver(scratch.uri, auth=("neo4j", scratch.password())) as driver:
        driver.execute_query(QUERIES["testing.leave_mark"].text)
    assert not port_free(scratch.bolt_port) and not port_free(scratch.http_port)

    assert scratch.stop() is True
    assert not scratch.running()
    assert port_free(scratch.bolt_port) and port_free(scratch.http_port)

    scratch.start(say=lambda _: None)
    assert _count_marks(scratch) == 1, "data survives a restart"


def test_browser_is_served_over_http(scratch: LocalNeo4j) -> None:
    import urllib.request

    scratch.start(say=lambda _: None)
    with urllib.request.urlopen(scratch.browser_url, timeout=10) as response:
        page = response.read().decode()
    assert "<title>Neo4j Browser</title>" in page


def test_listens_on_loopback_only(scratch: LocalNeo4j) -> None:
    scratch.start(say=lambda _: None)
    conf = (scratch.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=true" in conf
    with pytest.raises(neo4j.exceptions.AuthError), neo4j.GraphDatabase.driver(
        scratch.uri, auth=("neo4j", "not-the-password")
    ) as driver:
        driver.verify_connectivity()


def test_port_taken_is_refused_before_java_starts(scratch: LocalNeo4j) -> None:
    with socket.socket() as holder:
        # The earlier tests' servers may leave this port in TIME_WAIT; a listener may reuse it.
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", scratch.bolt_port))
        holder.listen()
        with pytest.raises(PortTaken) as caught:
            scratch.start(say=lambda _: None)
    assert f"127.0.0.1:{scratch.bolt_port}" in str(caught.value)
    assert "NEO4J_BOLT_PORT" in str(caught.value)
    assert not scratch.running()


def test_a_server_that_fails_to_start_shows_its_log(
    tmp_path: Path, ports: Callable[[], int]
) -> None:
    broken = LocalNeo4j(home=tmp_path / "neo4j", bolt_port=ports(), http_port=ports(),
                        heap="512m", pagecache="not-a-size", start_timeout=120)
    with pytest.raises(Neo4jStartFailed) as caught:
        broken.start(say=lambda _: None)
    message = str(caught.value)
    assert "Neo4j 启动失败 / Neo4j failed to start" in message
    assert "not-a-size" in message, "the log tail names the bad setting"
    assert not broken.running()


def _script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


def test_java_missing_or_too_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(JavaMissing, match="no `java` on PATH"):
        java_version("no-such-java-here")
    _script(tmp_path, "java", 'echo \'openjdk version "11.0.22" 2024-01-16\' >&2')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(JavaMissing, match="Java 11"):
        java_version("java")


def test_maven_central_unreachable(tmp_path: Path) -> None:
    settings = tmp_path / "settings.xml"
    settings.write_text(
        "<settings><mirrors><mirror><id>down</id><mirrorOf>*</mirrorOf>"
        "<url>http://127.0.0.1:9/maven2</url></mirror></mirrors></settings>"
    )
    mvn = _script(tmp_path, "mvn", f'exec mvn -s {settings} '
                                   f'-Dmaven.repo.local={tmp_path / "repo"} "$@"')
    with pytest.raises(MavenFailed) as caught:
        fetch(tmp_path / "lib", mvn=str(mvn), say=lambda _: None)
    assert "Maven Central" in str(caught.value)
    assert not (tmp_path / "lib").exists(), "nothing half-fetched is left as if complete"
    assert (LIB_DIR / ".pom-sha256").exists(), "the project's own jars are untouched"
