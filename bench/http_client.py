"""A lean HTTP/1.1 client for the load generator: JSON POSTs over kept-alive connections.

The benchmark times a GraphQL server from the client's side, so whatever the client spends
per request is counted as the server's. httpx spent about 0.56 ms at the median and 0.7 ms
at p95 per request more than this client (`python -m bench.http_overhead`), which against a
3 ms query is the difference between 1.1× and 1.3× raw Cypher (docs/performance.md, "The
load generator's own HTTP"). This client does only what the benchmark needs: POST a JSON
body, read the status and a `Content-Length` or chunked JSON reply, keep each connection for
the next request (one request at a time per connection; as many connections as requests in
flight). A kept
connection the server has since closed (uvicorn closes one idle for 5 s) is left for a new
one, and a request on a reused connection that the server closed as it was sent is sent once
more on a new one, as httpx does.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

_Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class HttpError(RuntimeError):
    """A reply whose status is not 2xx."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(f"HTTP {status}: {body[:300]!r}")
        self.status = status


class KeptAlive:
    """POSTs JSON to one host and port, reusing idle connections."""

    def __init__(self, host: str, port: int, headers: dict[str, str] | None = None,
                 timeout: float = 120.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        self._head = (f"Host: {host}:{port}\r\nContent-Type: application/json\r\n"
                      f"Accept: application/json\r\n{extra}").encode()
        self._idle: list[_Connection] = []
        self.opened = 0

    async def post(self, path: str, body: Any) -> Any:
        """The JSON reply to POSTing `body` as JSON to `path`; HttpError if not 2xx."""
        data = json.dumps(body).encode()
        request = (b"POST " + path.encode() + b" HTTP/1.1\r\n" + self._head
                   + b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)
        async with asyncio.timeout(self.timeout):
            conn, reused = self._kept()
            try:
                status, reply = await self._exchange(conn or await self._open(), request)
            except (asyncio.IncompleteReadError, ConnectionResetError):
                if not reused:
                    raise
                status, reply = await self._exchange(await self._open(), request)
        if not 200 <= status < 300:
            raise HttpError(status, reply)
        return json.loads(reply)

    def _kept(self) -> tuple[_Connection | None, bool]:
        """An idle connection the server has not closed meanwhile, if any."""
        while self._idle:
            conn = self._idle.pop()
            if not conn[0].at_eof():
                return conn, True
            conn[1].close()
        return None, False

    async def _exchange(self, conn: _Connection, request: bytes) -> tuple[int, bytes]:
        try:
            conn[1].write(request)
            status, keep, reply = await _reply(conn[0])
        except BaseException:
            conn[1].close()
            raise
        if keep:
            self._idle.append(conn)
        else:
            conn[1].close()
        return status, reply

    async def _open(self) -> _Connection:
        self.opened += 1
        return await asyncio.open_connection(self.host, self.port)

    async def aclose(self) -> None:
        while self._idle:
            _reader, writer = self._idle.pop()
            writer.close()


async def _reply(reader: asyncio.StreamReader) -> tuple[int, bool, bytes]:
    """(status, whether the connection may be kept, body) of one response."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    version, status = head[0].split(" ", 2)[:2]
    fields = {}
    for line in head[1:]:
        if line:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip().lower()
    if fields.get("transfer-encoding") == "chunked":
        body = bytearray()
        while size := int((await reader.readuntil(b"\r\n"))[:-2].split(b";")[0], 16):
            body += await reader.readexactly(size)
            await reader.readexactly(2)
        await reader.readuntil(b"\r\n")  # no trailers are sent to us: the blank line
    else:
        body = bytearray(await reader.readexactly(int(fields.get("content-length", "0"))))
    keep = fields.get("connection") != "close" and version == "HTTP/1.1"
    return int(status), keep, bytes(body)
