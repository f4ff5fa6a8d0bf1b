"""Test fixtures: a real Neo4j for the whole session, never the one `make run` keeps.

With NEO4J_URI set, tests use that server (and clear its database: point it at a scratch
database). Otherwise they run the project's own Neo4j from `.neo4j/test` on ports of their
own (NEO4J_TEST_BOLT_PORT, NEO4J_TEST_HTTP_PORT; 17687 and 17474 by default). Test sessions
running side by side, in this checkout or any other, each claim a slot of their own (a lock
under the system temp folder; `.neo4j/test-N`, ports +10·N), and every
other server a test starts (scratch Neo4j servers, `hub run`) takes its ports from the slot's
own block (`ports`: 20000 + 100·N onwards), so two test runs on one machine never collide.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import neo4j
import pytest

from hub.core.principal import Role
from hub.core.settings import PROJECT_ROOT, Settings
from hub.graph.cypher import Queries
from hub.graph.db import Database, Target
from hub.graph.localdb import LocalNeo4j, port_free
from hub.graph.migrate import migrate
from hub.http.app import create_app
from hub.http.auth import Authenticator


@dataclass(frozen=True)
class Server:
    uri: str
    user: str
    password: str
    database: str


def _local_server(slot: int) -> LocalNeo4j:
    bolt = int(os.environ.get("NEO4J_TEST_BOLT_PORT", "17687")) + 10 * slot
    http = int(os.environ.get("NEO4J_TEST_HTTP_PORT", "17474")) + 10 * slot
    home = PROJECT_ROOT / ".neo4j" / ("test" if slot == 0 else f"test-{slot}")
    return LocalNeo4j(home=home, bolt_port=bolt, http_port=http, heap="1g", pagecache="256m")


@dataclass
class Slot:
    """A test session's claim on a slot: its own Neo4j home and its own block of ports."""

    number: int
    lock: IO[str]
    _next: int = field(default=0)

    def port(self) -> int:
        """A free port of this slot's block, never the same one twice in a session."""
        while self._next < PORTS_PER_SLOT:
            candidate = PORT_BLOCK_BASE + PORTS_PER_SLOT * self.number + self._next
            self._next += 1
            if port_free(candidate):
                return candidate
        raise RuntimeError("this test slot's ports are used up / 本测试槽的端口已用完")


PORT_BLOCK_BASE = 20000
PORTS_PER_SLOT = 100


# Ports are the machine's, not the checkout's: the slot locks live where every checkout of the
# project (a clone, a git worktree) sees them, so two test runs never pick the same slot.
SLOT_LOCKS = Path(tempfile.gettempdir()) / "dangjian-hub-test-slots"


def _claim_slot() -> Slot:
    """A slot no other test session on this machine holds, on ports nobody else uses.

    Several test sessions (or clones of the project) may run side by side; each takes the
    first slot whose lock it gets and whose ports are free or held by this checkout's own
    server of that slot.
    """
    (PROJECT_ROOT / ".neo4j").mkdir(exist_ok=True)
    SLOT_LOCKS.mkdir(mode=0o777, exist_ok=True)
    for slot in range(8):
        lock = (SLOT_LOCKS / f"slot-{slot}.lock").open("a")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        local = _local_server(slot)
        if local.running() or (port_free(local.bolt_port) and port_free(local.http_port)):
            return Slot(slot, lock)
        lock.close()
    raise RuntimeError("no free test slot / 没有空闲的测试端口")


@pytest.fixture(scope="session")
def slot() -> Iterator[Slot]:
    claimed = _claim_slot()
    with claimed.lock:
        yield claimed


@pytest.fixture
def ports(slot: Slot) -> Callable[[], int]:
    """`ports()` gives a free port of this test session's own block."""
    return slot.port


@pytest.fixture(scope="session")
def server(slot: Slot) -> Iterator[Server]:
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield Server(uri, os.environ.get("NEO4J_USER", "neo4j"),
                     os.environ.get("NEO4J_PASSWORD", ""),
                     os.environ.get("NEO4J_DATABASE", "neo4j"))
        return
    local = _local_server(slot.number)
    started = local.start()
    try:
        yield Server(local.uri, "neo4j", local.password(), "neo4j")
    finally:
        if started:
            local.stop()


@pytest.fixture(scope="session")
def settings(server: Server) -> Settings:
    base = Settings.from_env({})
    return Settings(neo4j_uri=server.uri, neo4j_user=server.user,
                    neo4j_password=server.password, neo4j_database=server.database,
                    state_dir=base.state_dir, limits=base.limits, api_keys_file=None,
                    debug_round_trips=True, warm_up=False,
                    secret_env={"HUB_JWT_SECRET": secrets.token_urlsafe(32)})


@pytest.fixture(scope="session")
def auth(settings: Settings) -> Authenticator:
    return Authenticator.from_settings(settings)


@pytest.fixture(scope="session")
def bearer(auth: Authenticator) -> Callable[..., dict[str, str]]:
    """Headers for a person of `role` in `unit`: `bearer("township", "XC-T01")`."""

    def headers(role: str, unit: str | None = None) -> dict[str, str]:
        token = auth.mint(f"test-{role}", Role(role), unit)
        return {"Authorization": f"Bearer {token}"}

    return headers


@pytest.fixture(scope="session")
async def db(server: Server) -> AsyncIterator[Database]:
    driver = neo4j.AsyncGraphDatabase.driver(server.uri, auth=(server.user, server.password))
    database = Database(driver, server.database, Queries(),
                        target=Target(server.uri, server.user, server.password, server.database))
    async with driver.session(database=server.database) as session:
        await (await session.run(database.queries["admin.wipe"].text)).consume()
    await migrate(database)
    yield database
    await driver.close()


@pytest.fixture(scope="session")
async def demo(db: Database) -> Database:
    """The database holding the demo county, loaded through the import path."""
    from hub.importer.seed import load_demo

    await load_demo(db)
    return db


@pytest.fixture(scope="session")
async def client(
    settings: Settings, demo: Database, bearer: Callable[..., dict[str, str]]
) -> AsyncIterator[httpx.AsyncClient]:
    """The real app, in-process over HTTP, with its lifespan running, on the demo county.

    It sends a county-role token by default; pass `headers=` per request to be someone else
    (or `headers={"Authorization": ""}` to be anonymous).
    """
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub",
                                     headers=bearer("county")) as http:
            yield http
