"""The `hub` command line: run the service, manage the local Neo4j, import data.

    hub run                      Neo4j (local unless NEO4J_URI) + schema + demo county + GraphQL
    hub neo4j fetch|start|stop|status
    hub migrate                  apply the schema constraints and indexes
    hub import PATH              import a county's CSV folder or .xlsx workbook (all or nothing)
    hub template [--out DIR]     import templates (.xlsx and .csv) with an example row
    hub export-gaps DIM UNIT     a coverage gap list as .xlsx (hub/cli/data.py)
    hub token --role R [--unit U]  a bearer token for a person (HS256 set-ups)
    hub apikey [create|list|revoke]  API keys for other county systems (hub/cli/keys.py)
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette

from hub.cli.connect import connect, local_server, resolve
from hub.cli.data import add_commands, cmd_template, export_gaps, import_full
from hub.cli.keys import add_apikey, cmd_apikey, cmd_token
from hub.core.errors import HubError, Neo4jUnavailable
from hub.core.principal import Role
from hub.core.settings import Settings
from hub.graph.localdb import fetch, java_version
from hub.graph.migrate import migrate
from hub.http.app import create_app
from hub.http.auth import Authenticator
from hub.http.faults import OUTAGES


async def prepare(settings: Settings) -> list[str]:
    """Apply the schema, load the demo county into an empty database; say what was done.

    Loading the demo county on a first start shows its progress as it goes (hub/core/progress.py).
    """
    from hub.core.progress import Bar
    from hub.importer.seed import load_demo_if_empty

    db = await connect(settings)
    bar = Bar()
    try:
        version = await migrate(db)
        notes = [f"模式版本 / schema version {version}"]
        notes.extend(await load_demo_if_empty(db, print, bar))
        return notes
    finally:
        bar.close()
        await db.driver.close()


def worker_app() -> Starlette:
    """The app of one of several worker processes (HUB_WORKERS > 1). A worker is a fresh
    interpreter: it reads the same environment as `hub run` and finds the Neo4j that `hub run`
    started (or the one NEO4J_URI names) without starting or stopping anything itself."""
    settings = Settings.from_env()
    server = local_server(settings) if settings.local else None
    return create_app(resolve(settings, server).per_worker())


class Stopped(Exception):
    """SIGTERM or SIGINT: stop serving, then stop the Neo4j this process started."""


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def cmd_run(settings: Settings) -> int:
    # uvicorn handles both signals while it serves and, once it has shut down, raises the
    # signal again with the handler found before it: this one. So SIGTERM (systemd, containers,
    # `timeout`) unwinds like Ctrl-C to the `finally` that stops Neo4j, instead of the default
    # action killing the process and orphaning its Neo4j.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _stop)
    server = local_server(settings) if settings.local else None
    started = False
    try:
        started = server.start() if server else False
        resolved = resolve(settings, server)
        for note in asyncio.run(prepare(resolved)):
            print(note)
        base = f"http://{settings.host}:{settings.port}"
        print(f"GraphQL: {base}/graphql")
        print(f"控制台 / console: {base}/  (用下面的令牌登录 / sign in with the token below)")
        token = Authenticator.from_settings(resolved).mint("local-admin", Role.COUNTY, None)
        print(f"令牌（县级，8 小时）/ token (county role, 8 h), paste into the IDE's headers:\n"
              f'  {{"Authorization": "Bearer {token}"}}')
        if server is not None:
            print(f"Neo4j Browser: {server.browser_url}  "
                  f"(连接 / connect URL {server.uri}, 用户 / user neo4j, "
                  f"密码见文件 / password in {server.password_file})")
        print("按 Ctrl-C 停止 / press Ctrl-C to stop")
        if settings.workers > 1:
            print(f"工作进程 / worker processes: {settings.workers}")
            uvicorn.run("hub.cli.main:worker_app", factory=True, workers=settings.workers,
                        host=settings.host, port=settings.port, log_level="info")
        else:
            uvicorn.run(create_app(resolved), host=settings.host, port=settings.port,
                        log_level="info")
    except Stopped:
        pass
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)
        if started and server is not None:
            print("正在停止 Neo4j … / stopping Neo4j …")
            server.stop()
    return 0


def cmd_neo4j(settings: Settings, action: str) -> int:
    if not settings.local and action != "fetch":
        print(f"NEO4J_URI={settings.neo4j_uri}: 使用外部 Neo4j，不管理本地服务 / "
              "an external Neo4j is configured; nothing local to manage")
        return 0
    server = local_server(settings)
    if action == "fetch":
        java_version()
        fetch()
        print("Neo4j 已就绪 / Neo4j jars present in .neo4j/lib")
    elif action == "start":
        server.start()
        print(f"Neo4j: {server.uri}  Browser: {server.browser_url}")
    elif action == "stop":
        print("已停止 / stopped" if server.stop() else "未在运行 / was not running")
    else:
        print(f"运行中 / running (pid {server.pid()})" if server.running()
              else "未运行 / not running")
    return 0


def cmd_migrate(settings: Settings) -> int:
    server = local_server(settings) if settings.local else None
    if server is not None:
        server.start()
    for note in asyncio.run(prepare(resolve(settings, server))):
        print(note)
    return 0


async def import_into(settings: Settings, path: Path, full: bool = False) -> None:
    from hub.core.progress import Bar
    from hub.importer import import_path

    if path.is_file() and path.suffix.lower() == ".xlsx":
        from hub.files.guard import check_workbook

        check_workbook(path, settings.fair.max_unzipped_bytes)
    db = await connect(settings)
    bar = Bar()
    try:
        print(f"模式版本 / schema version {await migrate(db)}")
        if full:
            await import_full(db, path, bar, settings.today())
            return
        await import_path(db, path, progress=print, tick=bar)
    finally:
        bar.close()
        await db.driver.close()


def cmd_import(settings: Settings, path: Path, full: bool = False) -> int:
    server = local_server(settings) if settings.local else None
    if server is not None:
        server.start()
    asyncio.run(import_into(resolve(settings, server), path, full))
    return 0


def cmd_export_gaps(settings: Settings, args: argparse.Namespace) -> int:
    server = local_server(settings) if settings.local else None
    if server is not None:
        server.start()
    asyncio.run(export_gaps(resolve(settings, server), args))
    return 0


class Parser(argparse.ArgumentParser):
    """argparse with its own `-h` in both languages; subcommands' parsers are of this class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False})
        self.add_argument("-h", "--help", action="help",
                          help="显示本帮助并退出 / show this help and exit")


def parser() -> argparse.ArgumentParser:
    """Every command and option of `hub`, each with its help in Chinese and English."""
    parser = Parser(prog="hub", description="党建中枢 / dangjian-hub")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="启动服务 / run Neo4j and the GraphQL hub")
    n4j = sub.add_parser("neo4j", help="管理本地 Neo4j / manage the local Neo4j")
    n4j.add_argument("action", choices=["fetch", "start", "stop", "status"],
                     help="获取、启动、停止或查看状态 / fetch the jars, start, stop, or status")
    sub.add_parser("migrate", help="应用模式并载入示例县 / apply the schema, load the demo county")
    imp = sub.add_parser("import", help="导入县域数据 / import a CSV folder or .xlsx workbook")
    imp.add_argument("path", type=Path,
                     help="CSV 目录或 .xlsx 工作簿 / a folder of CSV files or an .xlsx workbook")
    imp.add_argument("--full", action="store_true",
                     help="全量：结束文件中不再列出的关系 / close relationships the file no longer "
                          "lists")
    add_commands(sub)
    roles = [r.value for r in Role]
    tok = sub.add_parser("token", help="签发令牌 / mint a bearer token (HS256)")
    tok.add_argument("--role", choices=roles, required=True,
                     help="角色 / role (county, township, grid, service)")
    tok.add_argument("--unit", help="乡镇或网格编码（township、grid 角色必填）/ "
                                    "township or grid code (required for those roles)")
    tok.add_argument("--subject", default="cli-user", help="用户名 / who the token is for")
    tok.add_argument("--hours", type=float, default=8.0,
                     help="有效小时数（默认 8）/ hours it stays valid (default 8)")
    add_apikey(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        if args.command == "run":
            return cmd_run(settings)
        if args.command == "neo4j":
            return cmd_neo4j(settings, args.action)
        if args.command == "token":
            return cmd_token(settings, args)
        if args.command == "apikey":
            return cmd_apikey(settings, args)
        if args.command == "import":
            return cmd_import(settings, args.path, args.full)
        if args.command == "template":
            return cmd_template(args.out)
        if args.command == "export-gaps":
            return cmd_export_gaps(settings, args)
        return cmd_migrate(settings)
    except HubError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    except OUTAGES as exc:
        # Neo4j went away under a running command (an import): one clear line, no traceback.
        gone = Neo4jUnavailable(reason=f"{type(exc).__name__}; 请确认 Neo4j 在运行后重试 / "
                                       "check that Neo4j runs, then try again")
        print(f"错误 / error: {gone}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
