"""The credential commands of `hub`: bearer tokens for people, API keys for systems.

    hub token --role R [--unit U]    a bearer token (HS256 set-ups)
    hub apikey --name N --role R     a new API key; only its hash is kept

Both refuse a role and unit that no request could ever pass with: a township or grid role
without a unit, a unit that does not exist, or one of the wrong kind (a village for a
township token), and a unit given to a role that sees the whole county.
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass

from hub.auth import Authenticator, new_api_key
from hub.errors import InputError, SecretError
from hub.principal import Role
from hub.settings import Settings
from schema.kinds import UnitKind, kind_of


class UnusableToken(InputError):
    """A role and unit no request could pass with: refused before anything is minted."""

    zh = "该角色与单位无法使用"
    en = "a token for this role and unit could never be used"

    def detail(self) -> str:
        return f"--role {self.fields['role']} --unit {self.fields['unit']}: {self.fields['reason']}"


@dataclass(frozen=True)
class Bound:
    kind: UnitKind
    zh: str
    en: str


# The roles bounded by a unit, and the kind of unit that bounds them (hub/principal.py).
ROLE_UNIT = {Role.TOWNSHIP: Bound(UnitKind.TOWNSHIP, "乡镇", "township"),
             Role.GRID: Bound(UnitKind.GRID, "网格", "grid")}


async def unit_kind(settings: Settings, unit: str) -> str | None:
    """The kind (label) of the unit with this code today, or None if there is none."""
    from hub.cli import connect  # hub.cli imports this module

    db = await connect(settings)
    try:
        rows = await db.read("units.by_code", codes=[unit], scope=None, asOf=settings.today())
    finally:
        await db.driver.close()
    return kind_of(rows[0]["labels"]).value if rows else None


def check_unit(settings: Settings, role: Role, unit: str | None) -> None:
    """Refuse a role and unit that no request could ever pass with (hub/auth.py)."""
    wanted = ROLE_UNIT.get(role)
    if wanted is None:
        if unit:
            raise UnusableToken(role=role.value, unit=unit,
                                reason="该角色看全县，不带单位 / the role sees the whole "
                                       "county and takes no unit")
        return
    if not unit:
        raise UnusableToken(role=role.value, unit=None,
                            reason=f"须用 --unit 指定{wanted.zh} / --unit must name a "
                                   f"{wanted.en}")
    from hub.cli import local_server, resolve  # hub.cli imports this module

    server = local_server(settings) if settings.local else None
    if server is not None:
        server.start()
    kind = asyncio.run(unit_kind(resolve(settings, server), unit))
    if kind is None:
        raise UnusableToken(role=role.value, unit=unit,
                            reason="图谱中没有该编码的单位 / no unit has this code")
    if kind != wanted.kind.value:
        raise UnusableToken(role=role.value, unit=unit,
                            reason=f"该单位是 {kind}，不是{wanted.zh} / the unit is a {kind}, "
                                   f"not a {wanted.en}")


def cmd_token(settings: Settings, args: argparse.Namespace) -> int:
    role = Role(args.role)
    auth = Authenticator.from_settings(settings)
    check_unit(settings, role, args.unit)
    print(auth.mint(args.subject, role, args.unit, hours=args.hours))
    return 0


def cmd_apikey(settings: Settings, args: argparse.Namespace) -> int:
    if settings.api_keys_file is None:
        raise SecretError(name="HUB_API_KEYS_FILE", path="-", reason="not set / 未设置")
    check_unit(settings, Role(args.role), args.unit)
    key = new_api_key(settings.api_keys_file, args.name, Role(args.role), args.unit)
    print(f"API 密钥只显示这一次 / the key is shown once only; its hash is in "
          f"{settings.api_keys_file}\n{key}")
    return 0
