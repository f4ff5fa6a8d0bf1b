"""Strict readers of environment variables for hub/core/settings.py.

A value that is not exactly what the variable takes stops the start with a bilingual
`SettingError` naming the variable: `HUB_IDE=ture` must not quietly mean "off", and
`HUB_TX_TIMEOUT=0` must not reach the driver, which reads 0 as "no timeout at all".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from hub.core.errors import SettingError

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})
_SIZE = re.compile(r"^[1-9][0-9]*[kmg]?$")


def _raw(env: Mapping[str, str], key: str) -> str | None:
    raw = env.get(key)
    return None if raw is None or raw.strip() == "" else raw.strip()


def flag(env: Mapping[str, str], key: str, default: bool) -> bool:
    raw = _raw(env, key)
    if raw is None:
        return default
    if raw.lower() in TRUE:
        return True
    if raw.lower() in FALSE:
        return False
    raise SettingError(name=key, value=raw,
                       reason="应为 true/false（1/0, yes/no, on/off）/ must be true or false")


def integer(env: Mapping[str, str], key: str, default: int, low: int = 1,
            high: int | None = None) -> int:
    """An integer in [low, high]; the default when unset."""
    raw = _raw(env, key)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(name=key, value=raw, reason="需要整数 / must be an integer") from None
    if value < low or (high is not None and value > high):
        span = f"{low}…{high}" if high is not None else f"≥ {low}"
        raise SettingError(name=key, value=raw, reason=f"应在 {span} 之间 / must be {span}")
    return value


def seconds(env: Mapping[str, str], key: str, default: float, high: float = 86400.0) -> float:
    """A positive number of seconds, at most `high`."""
    raw = _raw(env, key)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingError(name=key, value=raw,
                           reason="需要秒数 / must be a number of seconds") from None
    if not 0 < value <= high:
        raise SettingError(name=key, value=raw,
                           reason=f"应大于 0 且不超过 {high:g} / must be > 0 and ≤ {high:g}")
    return value


def port(env: Mapping[str, str], key: str, default: int) -> int:
    return integer(env, key, default, 1, 65535)


def memory(env: Mapping[str, str], key: str, default: str) -> str:
    """A JVM memory size such as `512m` or `1g`."""
    raw = _raw(env, key)
    if raw is None:
        return default
    if not _SIZE.match(raw.lower()):
        raise SettingError(name=key, value=raw,
                           reason="应为内存大小，如 512m、1g / must be a size such as 512m or 1g")
    return raw.lower()


def choice(env: Mapping[str, str], key: str, default: str, allowed: tuple[str, ...]) -> str:
    raw = _raw(env, key)
    if raw is None:
        return default
    if raw not in allowed:
        raise SettingError(name=key, value=raw,
                           reason=f"应为 {' / '.join(allowed)} 之一 / must be one of "
                                  f"{', '.join(allowed)}")
    return raw


def per_figure(env: Mapping[str, str], key: str) -> dict[str, float]:
    """`F6=30,F13=20`: seconds per figure of the county report, each a positive number."""
    raw = _raw(env, key)
    found: dict[str, float] = {}
    for item in (raw or "").split(","):
        if not item.strip():
            continue
        figure, sep, value = (part.strip() for part in item.partition("="))
        if not sep or not re.fullmatch(r"F[0-9]{1,2}", figure):
            raise SettingError(name=key, value=raw, reason="应为 F6=30,F13=20 的形式 / must be "
                                                           "like F6=30,F13=20")
        found[figure] = seconds({key: value}, key, 0.0)
    return found
