"""The hub's one clock: "today" is the county's date, in the county's time zone.

A county in China keeps China's day whatever the host's clock or Neo4j's `date()` (UTC) say;
between 00:00 and 08:00 Beijing time they disagree by a day. Every default `asOf`, every
edit's and upload's jurisdiction check and every export ask this module, and Cypher receives
the answer as `$today`.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"


def zone(name: str) -> ZoneInfo:
    """The time zone called `name`; a clear error for a name the system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"HUB_TIME_ZONE={name!r}: 未知时区 / unknown time zone") from exc


def now(name: str = DEFAULT_ZONE) -> datetime:
    """The current moment, in the county's zone."""
    return datetime.now(zone(name))


def today(name: str = DEFAULT_ZONE) -> date:
    """The county's date now."""
    return now(name).date()
