"""The project's own Neo4j 5.26 Community: fetched from Maven Central, run from a folder.

The jars (server, Bolt, HTTP, Neo4j Browser) land once in `.neo4j/lib`; each instance has a
home of its own (`.neo4j/run` for `make run`, `.neo4j/test` for the tests) with its config,
data, logs and a generated password readable by its owner alone. It listens on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import neo4j

from hub.core.errors import JavaMissing, MavenFailed, Neo4jStartFailed, PortTaken
from hub.core.private import make_private
from hub.core.settings import PROJECT_ROOT
from hub.graph import offline_browser
from hub.graph.db import Target

POM = Path(__file__).parent / "neo4j_dist" / "pom.xml"
PLUGINS_POM = POM.with_name("plugins.xml")
LIB_DIR = PROJECT_ROOT / ".neo4j" / "lib"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
# Neo4j writes its store, auth files and logs with this umask: owner only.
PRIVATE = 0o077


def java_version(java: str = "java") -> int:
    """The major version of `java`, or JavaMissing."""
    exe = shutil.which(java)
    if exe is None:
        raise JavaMissing()
    out = subprocess.run([exe, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        raise JavaMissing(found=(out.stderr or out.stdout).strip()[:80])
    major = int(match.group(1))
    if major == 1 and match.group(2):
        major = int(match.group(2))
    if major < 17:
        raise JavaMissing(found=f"Java {major}")
    return major


def fetch(lib_dir: Path = LIB_DIR, mvn: str = "mvn", say: Callable[[str], None] = print) -> Path:
    """Copy Neo4j's jars from Maven Central into `lib_dir`, unless they are already there.

    The server's jars go in `lib_dir` (its class path), APOC Core and what it needs in
    `lib_dir/plugins` (loaded as a plugin only), and Browser is made to call no outside host.
    """
    stamp = lib_dir / ".pom-sha256"
    digest = hashlib.sha256(POM.read_bytes() + PLUGINS_POM.read_bytes()
                            + offline_browser.VERSION.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return lib_dir
    exe = shutil.which(mvn)
    if exe is None:
        raise MavenFailed(reason="no `mvn` on PATH (apt-get install maven)")
    say("正在从 Maven Central 获取 Neo4j 5.26 … / fetching Neo4j 5.26 from Maven Central …")
    partial = lib_dir.with_name(lib_dir.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    _copy_dependencies(exe, POM, partial)
    # Runtime scope: APOC's own libraries, not the Neo4j API it is compiled against.
    _copy_dependencies(exe, PLUGINS_POM, partial / "plugins", "-DincludeScope=runtime")
    offline_browser.strip_outside_calls(partial)
    shutil.rmtree(lib_dir, ignore_errors=True)
    partial.rename(lib_dir)
    stamp.write_text(digest)
    return lib_dir


def _copy_dependencies(exe: str, pom: Path, out: Path, *options: str) -> None:
    proc = subprocess.run(
        [exe, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
         f"-DoutputDirectory={out}", *options],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if "ERROR" in ln]
        reason = lines[0] if lines else (proc.stdout + proc.stderr).strip()[-300:]
        raise MavenFailed(reason=re.sub(r"\x1b\[[0-9;]*m", "", reason)[:400])


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    """True while `pid` runs. A zombie (exited, not yet collected by its parent, e.g. the
    Neo4j of a running `hub run` stopped by `hub neo4j stop`) has stopped: it counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat_line.rpartition(")")[2].split()[:1] != ["Z"]


@dataclass
class LocalNeo4j:
    """One local Neo4j server living in `home`."""

    home: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "512m"
    lib_dir: Path = LIB_DIR
    start_timeout: float = 180.0
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    def password(self) -> str:
        """The generated password, created on first use and readable by the owner only."""
        if not self.password_file.exists():
            self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                # Hex, not url-safe base64: a password starting with "-" would be read as an
                # option by `neo4j-admin dbms set-initial-password`.
                fh.write(secrets.token_hex(24))
        return self.password_file.read_text().strip()

    def target(self) -> Target:
        """How another process (an import's worker) reaches this server's database."""
        return Target(self.uri, "neo4j", self.password(), "neo4j")

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _pid_alive(pid) else None

    def running(self) -> bool:
        return self.pid() is not None

    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}

    def _write_conf(self) -> None:
        for sub in ("conf", "data", "logs", "run", "import"):
            (self.home / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        conf = f"""# Written by `hub` at every start; edit hub/graph/localdb.py, not this file.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:{self.bolt_port}
server.bolt.advertised_address=127.0.0.1:{self.bolt_port}
server.http.listen_address=127.0.0.1:{self.http_port}
server.http.advertised_address=127.0.0.1:{self.http_port}
server.https.enabled=false
dbms.security.auth_enabled=true
server.directories.data={self.home / 'data'}
server.directories.logs={self.home / 'logs'}
server.directories.run={self.home / 'run'}
server.directories.plugins={self.lib_dir / 'plugins'}
# APOC Core is there for the virtual nodes of the saved gap query, and nothing else of it runs.
dbms.security.procedures.allowlist=apoc.create.vNode,apoc.create.vRelationship
server.directories.import={self.home / 'import'}
server.memory.pagecache.size={self.pagecache}
dbms.usage_report.enabled=false
# Browser is served from this machine and must call no other (the hub runs on a closed
# intranet): no product analytics from clients, remote guides from this machine only.
client.allow_telemetry=false
browser.remote_content_hostname_whitelist=localhost
db.transaction.timeout=5m
"""
        (self.home / "conf" / "neo4j.conf").write_text(conf)

    def _set_initial_password(self) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists():
            return
        proc = subprocess.run(
            ["java", "-cp", f"{self.lib_dir}/*", ADMIN_TOOL, "dbms", "set-initial-password",
             self.password()],
            env=self._env(), capture_output=True, text=True, check=False, umask=PRIVATE,
        )
        if proc.returncode != 0:
            raise Neo4jStartFailed(reason="set-initial-password failed",
                                   log_tail=proc.stderr[-2000:])

    def log_tail(self, lines: int = 25) -> str:
        chunks = []
        for name in ("console.log", "neo4j.log", "debug.log"):
            path = self.home / "logs" / name
            if path.exists():
                text = path.read_text(errors="replace").splitlines()[-lines:]
                chunks.append(f"[{name}]\n" + "\n".join(text))
        return "\n".join(chunks)

    def start(self, say: Callable[[str], None] = print) -> bool:
        """Start the server unless it already runs; True when this call started it."""
        if self.running():
            return False
        java_version()
        fetch(self.lib_dir, say=say)
        for port, what, env in ((self.bolt_port, "Neo4j Bolt", "NEO4J_BOLT_PORT"),
                                (self.http_port, "Neo4j HTTP", "NEO4J_HTTP_PORT")):
            if not port_free(port):
                raise PortTaken(port=port, what=what, env=env)
        self._write_conf()
        self._set_initial_password()
        make_private(self.home)
        log = os.fdopen(os.open(self.home / "logs" / "console.log",
                                os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        proc = subprocess.Popen(
            ["java", f"-Xmx{self.heap}", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
             "-Dfile.encoding=UTF-8", "-cp", f"{self.lib_dir}/*", ENTRY_POINT,
             f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}"],
            env=self._env(), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, umask=PRIVATE,
        )
        log.close()
        self._proc = proc
        # Whoever stops the server (this process, or `hub neo4j stop` from another shell while
        # `hub run` serves), its exit is collected here at once, so it never lingers a zombie.
        threading.Thread(target=proc.wait, name="neo4j-reaper", daemon=True).start()
        self.pid_file.write_text(str(proc.pid))
        self.pid_file.chmod(0o600)
        say(f"正在启动 Neo4j … / starting Neo4j on {self.uri} …")
        self._wait_ready(proc)
        return True

    def _wait_ready(self, proc: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + self.start_timeout
        auth = ("neo4j", self.password())
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self._proc = None
                self.pid_file.unlink(missing_ok=True)
                raise Neo4jStartFailed(reason=f"java exited with {proc.returncode}",
                                       log_tail=self.log_tail())
            try:
                with neo4j.GraphDatabase.driver(self.uri, auth=auth) as driver:
                    driver.verify_connectivity()
                # Bolt can answer before the web server (Neo4j Browser) has bound its port.
                socket.create_connection(("127.0.0.1", self.http_port), timeout=2).close()
                return
            except (neo4j.exceptions.ServiceUnavailable, OSError):
                time.sleep(0.5)
        self.stop()
        raise Neo4jStartFailed(reason=f"not ready after {self.start_timeout:.0f}s",
                               log_tail=self.log_tail())

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server cleanly (SIGTERM, then SIGKILL after `timeout`); True if it ran."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _pid_alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.2)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        self._forget(pid)
        return True

    def _forget(self, pid: int) -> None:
        if self._proc is not None and self._proc.pid == pid:
            self._proc.wait()
            self._proc = None
        else:
            while _pid_alive(pid):
                _reap(pid)
                time.sleep(0.05)
        self.pid_file.unlink(missing_ok=True)

    def kill(self) -> None:
        """Kill the server without a clean shutdown (tests of recovery use this)."""
        pid = self.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
            self._forget(pid)
        self.pid_file.unlink(missing_ok=True)


def _reap(pid: int) -> None:
    """Collect our own child's exit status so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
