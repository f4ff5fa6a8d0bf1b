"""Settings read from the environment, once, by whoever starts the hub.

Nothing here runs at import time: `Settings.from_env()` is called by the CLI or by the
Starlette lifespan, and the resulting frozen object is passed down.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from hub.core import clock
from hub.core import envparse as ep

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SECRET_NAMES = ("HUB_JWT_SECRET", "HUB_HASH_KEY")


def state_dir_of(env: Mapping[str, str]) -> Path:
    """The hub's state folder: every secret it generates lives there (0700)."""
    return Path(env.get("HUB_STATE_DIR") or PROJECT_ROOT / ".neo4j" / "run")


def default_workers() -> int:
    """One worker per two cores: the hub shares its machine with Neo4j, which needs the rest
    (on two cores, one worker; docs/performance.md says what a second one does)."""
    return max(1, (os.cpu_count() or 2) // 2)


@dataclass(frozen=True)
class Limits:
    """Abuse limits applied to every GraphQL request and Cypher transaction."""

    max_depth: int = 10
    max_aliases: int = 30
    max_fields: int = 2000
    max_tokens: int = 2000
    max_page_size: int = 100
    tx_timeout_seconds: float = 10.0
    # Edits look up a few records and write once, but the first run of each plan compiles it,
    # which on a loaded server needs more than the read queries' limit.
    write_timeout_seconds: float = 60.0
    # A figure of the county report whose query needs its own time limit (a large county's
    # F6 merges every cadre's tenure): `HUB_FIGURE_TIMEOUTS="F6=30,F13=20"`.
    figure_timeouts: Mapping[str, float] = field(default_factory=dict)

    def figure_timeout(self, figure: str) -> float:
        return self.figure_timeouts.get(figure, self.tx_timeout_seconds)


@dataclass(frozen=True)
class Fairness:
    """What one caller may take of the hub, so that no caller or fault stalls the others
    (docs/security.md, "Fair share"). Sizes in bytes."""

    max_body_bytes: int = 256 * 1024
    max_upload_bytes: int = 50 * 1024 * 1024
    # A workbook's sheets once decompressed: an xlsx can expand 100-fold and more.
    max_unzipped_bytes: int = 256 * 1024 * 1024
    max_entities: int = 500
    caller_concurrency: int = 2
    # Requests in flight for all callers together: more at once only make Neo4j share its
    # cores thinner until every transaction runs into its time limit; they wait here instead.
    max_in_flight: int = 8
    caller_queue: int = 64
    caller_rate: float = 50.0
    caller_burst: int = 100
    # A caller's whole body must arrive within this; it is read before the request takes one
    # of the `max_in_flight` places, so a slow sender holds only its own.
    body_seconds: float = 30.0
    # Fail fast when Neo4j is away: the driver's defaults (30 s to connect, 60 s to get a
    # connection, 30 s of retries) hold every request for half a minute.
    neo4j_connect_timeout: float = 1.0
    neo4j_acquire_timeout: float = 2.0
    # The driver waits about a second before its first retry and does not cut that wait to
    # what is left of this budget: 1 s allowed a second retry and 3.5 s in all (measured).
    neo4j_retry_seconds: float = 0.5


@dataclass(frozen=True)
class Settings:
    """Where Neo4j is, where the hub listens, and the limits it enforces.

    `local_neo4j` means: no NEO4J_URI was given, so the hub runs the project's own Neo4j
    from `state_dir` (and, there only, generates the secrets it lacks into that folder).
    """

    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: str | None = field(repr=False)
    neo4j_database: str
    state_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "512m"
    ide_enabled: bool = True
    introspection_enabled: bool = True
    limits: Limits = field(default_factory=Limits)
    allowance_config: Path = PROJECT_ROOT / "config" / "allowance.toml"
    console_config: Path = PROJECT_ROOT / "config" / "console.toml"
    debug_round_trips: bool = False
    jwt_algorithm: str = "HS256"
    jwt_public_key_file: Path | None = None
    api_keys_file: Path | None = None
    secret_env: Mapping[str, str] = field(default_factory=dict, repr=False)
    local_neo4j: bool = False
    fair: Fairness = field(default_factory=Fairness)
    time_zone: str = clock.DEFAULT_ZONE
    # Deep read documents as one Cypher per root field (hub/compile); off: DataLoaders only.
    compile_queries: bool = True
    # After a start, plan and read what the first query and coverage use (hub/http/warmup.py).
    warm_up: bool = True
    # uvicorn worker processes of `hub run` (docs/performance.md, "Workers").
    workers: int = 1

    def per_worker(self) -> Settings:
        """These settings for one of `workers` processes: the fair-share limits are kept per
        process (hub/http/fairshare.py), so each gets its share and together they never exceed
        what is configured for the hub."""
        n, fair = self.workers, self.fair
        if n <= 1:
            return self

        def share(value: int) -> int:
            return max(1, value // n)

        return replace(self, fair=replace(
            fair, caller_concurrency=share(fair.caller_concurrency),
            max_in_flight=share(fair.max_in_flight), caller_queue=share(fair.caller_queue),
            caller_rate=fair.caller_rate / n, caller_burst=share(fair.caller_burst)))

    def today(self) -> date:
        """The county's date now (`HUB_TIME_ZONE`), the one "today" of the hub."""
        return clock.today(self.time_zone)

    @property
    def local(self) -> bool:
        """True when the hub runs its own Neo4j rather than one named by NEO4J_URI."""
        return self.local_neo4j

    @property
    def local_secrets(self) -> bool:
        return self.local_neo4j

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        state = state_dir_of(env)
        limits = Limits(
            max_depth=ep.integer(env, "HUB_MAX_DEPTH", Limits.max_depth),
            max_aliases=ep.integer(env, "HUB_MAX_ALIASES", Limits.max_aliases, low=0),
            max_fields=ep.integer(env, "HUB_MAX_FIELDS", Limits.max_fields),
            max_tokens=ep.integer(env, "HUB_MAX_TOKENS", Limits.max_tokens),
            max_page_size=ep.integer(env, "HUB_MAX_PAGE_SIZE", Limits.max_page_size),
            tx_timeout_seconds=ep.seconds(env, "HUB_TX_TIMEOUT", Limits.tx_timeout_seconds),
            write_timeout_seconds=ep.seconds(env, "HUB_WRITE_TIMEOUT",
                                             Limits.write_timeout_seconds),
            figure_timeouts=ep.per_figure(env, "HUB_FIGURE_TIMEOUTS"),
        )
        fair = Fairness(
            max_body_bytes=ep.integer(env, "HUB_MAX_BODY", Fairness.max_body_bytes, low=1024),
            max_upload_bytes=ep.integer(env, "HUB_MAX_UPLOAD", Fairness.max_upload_bytes,
                                        low=1024),
            max_unzipped_bytes=ep.integer(env, "HUB_MAX_UNZIPPED", Fairness.max_unzipped_bytes,
                                          low=1024),
            max_entities=ep.integer(env, "HUB_MAX_ENTITIES", Fairness.max_entities),
            caller_concurrency=ep.integer(env, "HUB_CALLER_CONCURRENCY",
                                          Fairness.caller_concurrency),
            caller_queue=ep.integer(env, "HUB_CALLER_QUEUE", Fairness.caller_queue, low=0),
            max_in_flight=ep.integer(env, "HUB_MAX_IN_FLIGHT", Fairness.max_in_flight),
            caller_rate=ep.seconds(env, "HUB_CALLER_RATE", Fairness.caller_rate, high=1e6),
            caller_burst=ep.integer(env, "HUB_CALLER_BURST", Fairness.caller_burst),
            body_seconds=ep.seconds(env, "HUB_BODY_TIMEOUT", Fairness.body_seconds, high=3600),
            neo4j_connect_timeout=ep.seconds(env, "HUB_NEO4J_CONNECT_TIMEOUT",
                                             Fairness.neo4j_connect_timeout, high=300),
            neo4j_acquire_timeout=ep.seconds(env, "HUB_NEO4J_ACQUIRE_TIMEOUT",
                                             Fairness.neo4j_acquire_timeout, high=300),
            neo4j_retry_seconds=ep.seconds(env, "HUB_NEO4J_RETRY_TIME",
                                           Fairness.neo4j_retry_seconds, high=300),
        )
        time_zone = env.get("HUB_TIME_ZONE") or clock.DEFAULT_ZONE
        clock.zone(time_zone)
        return cls(
            time_zone=time_zone,
            neo4j_uri=env.get("NEO4J_URI") or None,
            local_neo4j=not env.get("NEO4J_URI"),
            neo4j_user=env.get("NEO4J_USER") or "neo4j",
            neo4j_password=env.get("NEO4J_PASSWORD") or None,
            neo4j_database=env.get("NEO4J_DATABASE") or "neo4j",
            state_dir=state,
            host=env.get("HUB_HOST") or "127.0.0.1",
            port=ep.port(env, "HUB_PORT", 8000),
            bolt_port=ep.port(env, "NEO4J_BOLT_PORT", 7687),
            http_port=ep.port(env, "NEO4J_HTTP_PORT", 7474),
            heap=ep.memory(env, "NEO4J_HEAP", "1g"),
            pagecache=ep.memory(env, "NEO4J_PAGECACHE", "512m"),
            ide_enabled=ep.flag(env, "HUB_IDE", True),
            introspection_enabled=ep.flag(env, "HUB_INTROSPECTION", True),
            limits=limits,
            fair=fair,
            allowance_config=Path(env.get("HUB_ALLOWANCE_CONFIG")
                                  or PROJECT_ROOT / "config" / "allowance.toml"),
            console_config=Path(env.get("HUB_CONSOLE_CONFIG")
                                or PROJECT_ROOT / "config" / "console.toml"),
            debug_round_trips=ep.flag(env, "HUB_DEBUG_ROUND_TRIPS", False),
            compile_queries=ep.flag(env, "HUB_COMPILE", True),
            warm_up=ep.flag(env, "HUB_WARM_UP", True),
            workers=ep.integer(env, "HUB_WORKERS", default_workers(), high=32),
            jwt_algorithm=ep.choice(env, "HUB_JWT_ALGORITHM", "HS256", ("HS256", "RS256")),
            jwt_public_key_file=Path(env["HUB_JWT_PUBLIC_KEY_FILE"])
            if env.get("HUB_JWT_PUBLIC_KEY_FILE") else None,
            api_keys_file=Path(env.get("HUB_API_KEYS_FILE") or state / "api-keys"),
            secret_env={k: v for k, v in env.items()
                        if k in SECRET_NAMES or k.removesuffix("_FILE") in SECRET_NAMES},
        )
