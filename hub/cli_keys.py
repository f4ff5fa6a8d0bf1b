"""`hub apikey`: keys for other county systems, created, listed and revoked.

    hub apikey create --name N --role R [--unit U]   a new key, shown once (`create` optional)
    hub apikey list                                   names, roles, units, digest prefixes
    hub apikey revoke --name N                        remove the key(s) named N

The running hub rereads the key file within about a second of a change (hub/apikeys.py).
"""

from __future__ import annotations

import argparse

from hub import apikeys
from hub.errors import SecretError
from hub.principal import Role
from hub.settings import Settings


def add_apikey(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    key = sub.add_parser("apikey", help="系统 API 密钥：新建、列出、吊销 / API keys for systems: "
                                        "create, list, revoke")
    key.add_argument("action", nargs="?", choices=["create", "list", "revoke"],
                     default="create")
    key.add_argument("--name", help="系统名称（一个词）/ the system's name (one word)")
    key.add_argument("--role", choices=[r.value for r in Role], default="service")
    key.add_argument("--unit", help="乡镇或网格编码 / township or grid code")


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
    if role in (Role.TOWNSHIP, Role.GRID) and not args.unit:
        print(f"错误 / error: 角色 {role.value} 需要 --unit / role {role.value} needs --unit")
        return 2
    try:
        key = apikeys.create(path, args.name, role.value, args.unit)
    except ValueError as exc:
        print(f"错误 / error: {exc}")
        return 2
    print(f"API 密钥只显示这一次 / the key is shown once only; its hash is in {path}\n{key}")
    return 0
