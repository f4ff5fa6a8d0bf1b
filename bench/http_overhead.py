"""What a benchmark's HTTP client adds to every request it times: httpx against the lean client.

    .venv/bin/python -m bench.http_overhead [--requests 3000]

Serves one fixed GraphQL-sized JSON reply from a minimal Starlette app under uvicorn (uvloop,
httptools, as the hub runs) on 127.0.0.1, and POSTs to it one request at a time with
`httpx.AsyncClient` and with bench/http_client.py, twice each, alternated; prints each pass's
p50 and p95. Whatever a client spends per request, the benchmark times as the server's.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench.drive import percentile
from bench.http_client import KeptAlive
from hub.graph.localdb import port_free

REPLY = (b'{"data":{"household":{"code":"H000001","head":"\\u5218*","size":2,'
         b'"parent":{"code":"XC-T01-C01-G02","name":"\\u7f51\\u683c"}}}}')
BODY = {"query": "query($c:String!){household(code:$c){code head size parent{code name}}}",
        "variables": {"c": "H000001"}}


async def _graphql(request: Request) -> Response:
    await request.body()
    return Response(REPLY, media_type="application/json")


app = Starlette(routes=[Route("/graphql", _graphql, methods=["POST"])])
Post = Callable[[], Awaitable[object]]


async def _timed(post: Post, requests: int) -> tuple[float, float]:
    for _ in range(requests // 10):
        await post()
    took = []
    for _ in range(requests):
        started = time.perf_counter()
        await post()
        took.append(time.perf_counter() - started)
    return percentile(took, 0.5) * 1000, percentile(took, 0.95) * 1000


async def _compare(port: int, requests: int) -> None:
    lean = KeptAlive("127.0.0.1", port)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as heavy:

        async def with_httpx() -> object:
            return (await heavy.post("/graphql", json=BODY)).json()

        async def with_lean() -> object:
            return await lean.post("/graphql", BODY)

        for name, post in [("httpx", with_httpx), ("lean", with_lean)] * 2:
            p50, p95 = await _timed(post, requests)
            print(f"{name:6} p50 {p50:.3f} ms, p95 {p95:.3f} ms ({requests} requests)",
                  flush=True)
    await lean.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="HTTP 客户端开销 / what an HTTP client adds")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--port", type=int, default=18999)
    args = parser.parse_args(argv)
    if not port_free(args.port):
        print(f"port {args.port} is taken; pass --port", file=sys.stderr)
        return 1
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.http_overhead:app",
                               "--host", "127.0.0.1", "--port", str(args.port),
                               "--loop", "uvloop", "--http", "httptools",
                               "--log-level", "warning"])
    try:
        deadline = time.monotonic() + 30
        while port_free(args.port) and time.monotonic() < deadline:
            time.sleep(0.1)
        asyncio.run(_compare(args.port, args.requests))
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
