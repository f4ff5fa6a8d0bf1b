"""The load generator's lean HTTP client (bench/http_client.py) against a server that answers
the ways real servers do: a `Content-Length` reply, a chunked one (Node), a refused request,
a connection the server closes, says so or not (an idle timeout), or drops as a request
arrives; kept-alive connections are reused."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from bench.http_client import HttpError, KeptAlive


class Server:
    """Answers each request by its path; remembers what it was sent."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, str], object]] = []
        self.connections = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        served = 0
        try:
            while not reader.at_eof():
                try:
                    head = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")
                except asyncio.IncompleteReadError:
                    return
                path = head[0].split(" ")[1]
                fields = {k.lower(): v.strip() for k, _, v in
                          (line.partition(":") for line in head[1:] if line)}
                body = json.loads(await reader.readexactly(int(fields["content-length"])))
                self.seen.append((path, fields, body))
                if (path == "/vanish" and served) or path == "/vanish-always":
                    return  # dropped as the request arrived: no reply
                writer.write(self.reply(path, body))
                await writer.drain()
                served += 1
                if path in ("/close", "/idle-timeout"):
                    return
        finally:
            writer.close()

    @staticmethod
    def reply(path: str, body: object) -> bytes:
        data = json.dumps({"echo": body}).encode()
        if path == "/chunked":
            half = len(data) // 2
            return (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + f"{half:x}\r\n".encode() + data[:half] + b"\r\n"
                    + f"{len(data) - half:x}\r\n".encode() + data[half:] + b"\r\n0\r\n\r\n")
        status = b"500 Internal Server Error" if path == "/fail" else b"200 OK"
        close = b"Connection: close\r\n" if path == "/close" else b""
        return (b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n" + close
                + b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n" + data)


@pytest.fixture
async def server() -> AsyncIterator[tuple[Server, int]]:
    found = Server()
    listening = await asyncio.start_server(found.serve, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    async with listening:
        yield found, port


async def test_replies_of_every_form_and_connections_kept(server: tuple[Server, int]) -> None:
    found, port = server
    client = KeptAlive("127.0.0.1", port, {"Authorization": "Bearer t"})
    try:
        assert await client.post("/graphql", {"query": "{a}"}) == {"echo": {"query": "{a}"}}
        assert await client.post("/chunked", {"n": "户" * 50}) == {"echo": {"n": "户" * 50}}
        with pytest.raises(HttpError) as refused:
            await client.post("/fail", {})
        assert refused.value.status == 500
        assert (client.opened, found.connections) == (1, 1)  # one connection, kept
        assert await client.post("/close", [1]) == {"echo": [1]}
        assert await client.post("/graphql", [2]) == {"echo": [2]}
        assert (client.opened, found.connections) == (2, 2)  # the server closed the first
        assert [path for path, _, _ in found.seen] == ["/graphql", "/chunked", "/fail",
                                                       "/close", "/graphql"]
        assert all(fields["authorization"] == "Bearer t" for _, fields, _ in found.seen)
        # At once: as many connections as requests in flight (the idle one and three new),
        # then kept for the next.
        replies = await asyncio.gather(*(client.post("/graphql", [i]) for i in range(4)))
        assert replies == [{"echo": [i]} for i in range(4)]
        assert client.opened == 5
        await client.post("/graphql", [5])
        assert (client.opened, found.connections) == (5, 5)
        # Closed by the server after its reply without a word (an idle timeout): left for
        # a new connection.
        assert await client.post("/idle-timeout", [6]) == {"echo": [6]}
        await asyncio.sleep(0.05)
        assert await client.post("/graphql", [7]) == {"echo": [7]}
        assert (client.opened, found.connections) == (5, 5)  # one of the four idle was used
        # Dropped as the request arrived on a kept connection: sent again on a new one.
        assert await client.post("/vanish", [8]) == {"echo": [8]}
        assert (client.opened, found.connections) == (6, 6)
        # Dropped again on the new connection: the server's failure, raised (sent twice).
        before = len(found.seen)
        with pytest.raises(asyncio.IncompleteReadError):
            await client.post("/vanish-always", [9])
        assert len(found.seen) == before + 2
    finally:
        await client.aclose()
