"""A loopback TCP proxy in front of Neo4j that counts Bolt RUN messages: the one measure of
Cypher round trips that is the same for all three systems, whatever their driver.

Bolt frames every message as chunks (2-byte big-endian size, then data) ended by a zero-size
chunk; a message's first data byte is a struct marker and its second the signature
(RUN = 0x10). The client opens with a 20-byte handshake (plus, when it offers handshake
manifest v1, its chosen version and capabilities). Bytes are forwarded untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from dataclasses import dataclass, field

RUN = 0x10
HANDSHAKE = 20
MANIFEST_V1 = b"\x00\x00\x01\xff"


@dataclass
class _Parser:
    """Finds message starts in the client → server stream, across any read boundaries."""

    runs: int = 0
    _skip: int = HANDSHAKE
    _buf: bytearray = field(default_factory=bytearray)
    _chunk_left: int = 0
    _at_message_start: bool = True
    _manifest: bool = False

    def feed(self, data: bytes) -> None:
        self._buf.extend(data)
        while True:
            if self._skip:
                if self._skip == HANDSHAKE and len(self._buf) < HANDSHAKE:
                    return
                if self._skip == HANDSHAKE:
                    self._manifest = MANIFEST_V1 in bytes(self._buf[4:HANDSHAKE])
                taken = min(self._skip, len(self._buf))
                del self._buf[:taken]
                self._skip -= taken
                if self._skip:
                    return
            if self._manifest:
                # Handshake manifest v1: the client then names its version (4 bytes) and
                # its capabilities (a varint), before the first message.
                end = next((i for i in range(4, len(self._buf)) if not self._buf[i] & 0x80),
                           None)
                if end is None:
                    return
                del self._buf[:end + 1]
                self._manifest = False
            if self._chunk_left:
                if self._at_message_start and len(self._buf) >= 2:
                    self.runs += self._buf[1] == RUN
                    self._at_message_start = False
                elif self._at_message_start:
                    return
                taken = min(self._chunk_left, len(self._buf))
                del self._buf[:taken]
                self._chunk_left -= taken
                if self._chunk_left:
                    return
            if len(self._buf) < 2:
                return
            size = int.from_bytes(self._buf[:2], "big")
            del self._buf[:2]
            if size == 0:
                self._at_message_start = True
            else:
                self._chunk_left = size


@dataclass
class BoltCounter:
    """Listens on 127.0.0.1:`port`, forwards to Neo4j's Bolt port, counts RUN messages.

    It runs its own event loop in a thread, so a caller that blocks (starting a server,
    waiting for it) never stalls the connections passing through.
    """

    upstream_port: int
    port: int
    parsers: list[_Parser] = field(default_factory=list)
    _server: asyncio.Server | None = None
    _loop: asyncio.AbstractEventLoop | None = None
    _thread: threading.Thread | None = None

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def runs(self) -> int:
        return sum(p.runs for p in self.parsers)

    def start(self) -> None:
        ready = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._server = loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", self.port))
            ready.set()
            loop.run_forever()

        self._thread = threading.Thread(target=serve, daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError(f"Bolt counter on port {self.port} did not start")

    def stop(self) -> None:
        loop, server = self._loop, self._server
        if loop is None or server is None:
            return
        loop.call_soon_threadsafe(server.close)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
        with contextlib.suppress(RuntimeError):
            loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        parser = _Parser()
        self.parsers.append(parser)
        await asyncio.gather(self._pump(reader, up_writer, parser),
                             self._pump(up_reader, writer, None), return_exceptions=True)

    @staticmethod
    async def _pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter,
                    parser: _Parser | None) -> None:
        try:
            while data := await src.read(65536):
                if parser is not None:
                    parser.feed(data)
                dst.write(data)
                await dst.drain()
        finally:
            dst.close()
