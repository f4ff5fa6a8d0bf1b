"""The gate every request passes: no principal, no data.

Open without credentials: the probes, the IDE's and the console's static shells (HTML,
scripts, styles; they hold no data and send the token the user pastes into them). Everything
else answers 401 in Chinese and English unless `hub.http.auth.Authenticator` accepts the request's
credentials; the Principal then travels in the ASGI scope's state to the GraphQL context.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from hub.core.errors import Unauthenticated
from hub.core.principal import Principal
from hub.http.auth import Authenticator

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/"})
OPEN_PREFIXES = ("/static/",)


def is_ide_page(conn: HTTPConnection) -> bool:
    """A browser asking for the IDE page itself (GET, HTML), not for data, while the IDE is on."""
    return (conn.scope.get("method") == "GET" and conn.url.path == "/graphql"
            and "text/html" in conn.headers.get("accept", "")
            and bool(conn.scope["app"].state.shared.settings.ide_enabled))


def principal_of(conn: HTTPConnection) -> Principal:
    """The principal the gate let in; a request that reached here without one is a bug."""
    principal = conn.scope.get("state", {}).get("principal")
    if not isinstance(principal, Principal):
        raise Unauthenticated(reason="request passed no gate / 请求未经认证")
    return principal


class AuthGate:
    """ASGI middleware: authenticate, or answer 401."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        path = conn.url.path
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES) or is_ide_page(conn):
            await self.app(scope, receive, send)
            return
        authenticator: Authenticator = scope["app"].state.shared.auth
        try:
            principal = authenticator.authenticate(conn)
        except Unauthenticated as exc:
            body = {"errors": [{"message": exc.message(),
                                "extensions": {"code": "UNAUTHENTICATED"}}]}
            response = JSONResponse(body, status_code=401,
                                    headers={"WWW-Authenticate": 'Bearer realm="dangjian-hub"'})
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)
