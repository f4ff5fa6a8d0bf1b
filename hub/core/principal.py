"""Who is asking: a role and the unit whose jurisdiction bounds what they see.

Roles (角色):
    county    县级：the whole county
    township  乡镇：its own township and everything below it
    grid      网格：its own grid
    service   系统：another county system; aggregates and non-personal fields only

Every Cypher entry point takes `$scope` (the unit code, or null for the whole county) and
checks it inside the query, so a result outside the jurisdiction is never read, not filtered.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    COUNTY = "county"
    TOWNSHIP = "township"
    GRID = "grid"
    SERVICE = "service"


@dataclass(frozen=True)
class Principal:
    """An authenticated caller."""

    subject: str
    role: Role
    unit: str | None = None

    @property
    def scope(self) -> str | None:
        """The unit code every query is bounded by; None means the whole county."""
        return None if self.role in (Role.COUNTY, Role.SERVICE) else self.unit

    @property
    def sees_personal_data(self) -> bool:
        return self.role is not Role.SERVICE

    @property
    def sees_names_in_clear(self) -> bool:
        """County and township staff follow up on people by name; others see them masked."""
        return self.role in (Role.COUNTY, Role.TOWNSHIP)
