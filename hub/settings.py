"""Settings read from the environment, once, by whoever starts the hub.

Nothing here runs at import time: `Settings.from_env()` is called by the CLI or by the
Starlette lifespan, and the resulting frozen object is passed down.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hub import clock

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECRET_NAMES = ("HUB_JWT_SECRET", "HUB_HASH_KEY")


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{key}={raw!r}: 需要整数 / must be an integer") from exc


def _flag(env: Mapping[str, str], key: str, default: bool) -> bool:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


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


def _timeouts(raw: str | None) -> dict[str, float]:
    """`F6=30,F13=20` as {figure: seconds}."""
    found: dict[str, float] = {}
    for item in (raw or "").split(","):
        if item.strip():
            figure, _, seconds = item.partition("=")
            found[figure.strip()] = float(seconds)
    return found


@dataclass(frozen=True)
class Settings:
    """Where Neo4j is, where the hub listens, and the limits it enforces.

    `local_neo4j` means: no NEO4J_URI was given, so the hub runs the project's own Neo4j
    from `state_dir` (and, there only, generates the secrets it lacks into that folder).
    """

    neo4j_uri: str | None
    neo4j_user: str
    neo4j_password: str | None
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
    time_zone: str = clock.DEFAULT_ZONE

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
        state = Path(env.get("HUB_STATE_DIR") or PROJECT_ROOT / ".neo4j" / "run")
        limits = Limits(
            max_depth=_int(env, "HUB_MAX_DEPTH", Limits.max_depth),
            max_aliases=_int(env, "HUB_MAX_ALIASES", Limits.max_aliases),
            max_fields=_int(env, "HUB_MAX_FIELDS", Limits.max_fields),
            max_tokens=_int(env, "HUB_MAX_TOKENS", Limits.max_tokens),
            max_page_size=_int(env, "HUB_MAX_PAGE_SIZE", Limits.max_page_size),
            tx_timeout_seconds=float(env.get("HUB_TX_TIMEOUT") or Limits.tx_timeout_seconds),
            write_timeout_seconds=float(env.get("HUB_WRITE_TIMEOUT")
                                        or Limits.write_timeout_seconds),
            figure_timeouts=_timeouts(env.get("HUB_FIGURE_TIMEOUTS")),
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
            port=_int(env, "HUB_PORT", 8000),
            bolt_port=_int(env, "NEO4J_BOLT_PORT", 7687),
            http_port=_int(env, "NEO4J_HTTP_PORT", 7474),
            heap=env.get("NEO4J_HEAP") or "1g",
            pagecache=env.get("NEO4J_PAGECACHE") or "512m",
            ide_enabled=_flag(env, "HUB_IDE", True),
            introspection_enabled=_flag(env, "HUB_INTROSPECTION", True),
            limits=limits,
            allowance_config=Path(env.get("HUB_ALLOWANCE_CONFIG")
                                  or PROJECT_ROOT / "config" / "allowance.toml"),
            console_config=Path(env.get("HUB_CONSOLE_CONFIG")
                                or PROJECT_ROOT / "config" / "console.toml"),
            debug_round_trips=_flag(env, "HUB_DEBUG_ROUND_TRIPS", False),
            jwt_algorithm=env.get("HUB_JWT_ALGORITHM") or "HS256",
            jwt_public_key_file=Path(env["HUB_JWT_PUBLIC_KEY_FILE"])
            if env.get("HUB_JWT_PUBLIC_KEY_FILE") else None,
            api_keys_file=Path(env.get("HUB_API_KEYS_FILE") or state / "api-keys"),
            secret_env={k: v for k, v in env.items()
                        if k in SECRET_NAMES or k.removesuffix("_FILE") in SECRET_NAMES},
        )
