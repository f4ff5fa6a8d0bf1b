"""The credential commands of `hub`: bearer tokens for people, API keys for systems.

    hub token --role R [--unit U]                     a bearer token (HS256 set-ups)
    hub apikey create --name N --role R [--unit U]    a new key, shown once (`create` optional);
                                                      only its hash is kept
    hub apikey list                                   names, roles, units, digest prefixes
    hub apikey revoke --name N                        remove the key(s) named N

Tokens and new keys refuse a role and unit that no request could ever pass with: a township
or grid role without a unit, a unit that does not exist, or one of the wrong kind (a village
for a township token), and a unit given to a role that sees the whole county. The running
hub rereads the key file within about a second of a change (hub/http/apikeys.py).
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
from typing import Any

from hub.cli.connect import connect, local_server, resolve
from hub.core.errors import InputError, SecretError
from hub.core.principal import Role
from hub.core.settings import Settings
from hub.http import apikeys
from hub.http.auth import Authenticator
from schema.kinds import UnitKind, kind_of


class UnusableToken(InputError):
    """A role and unit no request could pass with: refused before anything is minted."""

    zh = "该角色与单位无法使用"
    en = "a token for this role and unit could never be used"

    def __init__(self, *, role: str, unit: str | None, reason: str) -> None:
        self.role, self.unit, self.reason = role, unit, reason
        self._keep(role=role, unit=unit, reason=reason)

    def detail(self) -> str:
        return f"--role {self.role} --unit {self.unit}: {self.reason}"


@dataclass(frozen=True)
class Bound:
    kind: UnitKind
    zh: str
    en: str


# The roles bounded by a unit, and the kind of unit that bounds them (hub/core/principal.py).
ROLE_UNIT = {Role.TOWNSHIP: Bound(UnitKind.TOWNSHIP, "乡镇", "township"),
             Role.GRID: Bound(UnitKind.GRID, "网格", "grid")}


async def unit_kind(settings: Settings, unit: str) -> str | None:
    """The kind (label) of the unit with this code today, or None if there is none."""
    db = await connect(settings)
    try:
        rows = await db.read("units.by_code", codes=[unit], scope=None, asOf=settings.today())
    finally:
        await db.driver.close()
    return kind_of(rows[0]["labels"]).value if rows else None


def check_unit(settings: Settings, role: Role, unit: str | None) -> None:
    """Refuse a role and unit that no request could ever pass with (hub/http/auth.py)."""
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


def add_apikey(sub: argparse._SubParsersAction[Any]) -> None:
    key = sub.add_parser("apikey", help="系统 API 密钥：新建、列出、吊销 / API keys for systems: "
                                        "create, list, revoke")
    key.add_argument("action", nargs="?", choices=["create", "list", "revoke"],
                     default="create", help="新建（默认）、列出或吊销 / create (default), list or "
                                            "revoke")
    key.add_argument("--name", help="系统名称（一个词）/ the system's name (one word)")
    key.add_argument("--role", choices=[r.value for r in Role], default="service",
                     help="角色（默认 service）/ role (default service)")
    key.add_argument("--unit", help="乡镇或网格编码（township、grid 角色必填）/ "
                                    "township or grid code (required for those roles)")


def cmd_apikey(settings: Settings, args: argparse.Namespace) -> int:
    path = settings.api_keys_file
    if path is None:
        raise SecretError(name="HUB_API_KEYS_FILE", path="-", reason="not set / 未设置")
    if args.action == "list":
        lines = apikeys.read_lines(path)
        if not lines:
            print(f"没有 API 密钥 / no API keys ({path})")
        for line in lines:
            print(f"{line.name}\t{line.role}\t{line.unit or '-'}\t{line.digest[:12]}…")
        return 0
    if not args.name:
        print("错误 / error: 需要 --name / --name is required")
        return 2
    if args.action == "revoke":
        gone = apikeys.revoke(path, args.name)
        print(f"已吊销 {gone} 个 / revoked {gone} key(s) named {args.name}; "
              "运行中的服务几秒内生效 / the running hub stops accepting within seconds"
              if gone else f"没有名为 {args.name} 的密钥 / no key named {args.name}")
        return 0 if gone else 1
    # Only the role and unit a token could carry: the same rule as for people.
    role = Role(args.role)
    check_unit(settings, role, args.unit)
    try:
        key = apikeys.create(path, args.name, role.value, args.unit)
    except ValueError as exc:
        print(f"错误 / error: {exc}")
        return 2
    print(f"API 密钥只显示这一次 / the key is shown once only; its hash is in {path}\n{key}")
    return 0
