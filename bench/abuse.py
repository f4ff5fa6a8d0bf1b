"""Fair share and soak, against a real `hub run` (its own Neo4j, the demo county).

    python -m bench.abuse fairshare [--seconds 60]   one caller sends the worst requests the
        limits allow; another caller's cheap query p95, idle and under that abuse
    python -m bench.abuse soak [--minutes 10] [--clients 32]   the first query, coverage and
        household lookups from 32 callers at once, with uploads running; errors, p50/p95
        per kind, the hub's memory (RSS) after warm-up and at the end

Not a test (never in `make test`): the figures go to docs/security.md and docs/performance.md.
The hub is started here (`--port`, Neo4j on `--bolt`/`--http`, state in a temporary folder)
and stopped with SIGTERM at the end; tokens are minted from the state folder's JWT secret.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx
import jwt

from bench.drive import percentile
from hub.core.settings import PROJECT_ROOT, Fairness
from hub.files.templates import write_xlsx

FIRST = (PROJECT_ROOT / "docs" / "first-query.graphql").read_text("utf-8")
CHEAP = "{ county { code name } }"
COVERAGE = """query($u: String!) { coverage(dimension: GRIDS_WITHOUT_WORKER, unit: $u,
  asOf: "2023-06-30") { ... on Coverage { whole { total covered ratio }
  gaps { totalCount nodes { code name } } } } }"""
LOOKUP = """query($c: String!) { household(code: $c, asOf: "2023-06-30") { ... on Household {
  code size parent { code name parent { code name parent { code name } } } } } }"""
ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }"


def _codes(name: str) -> list[str]:
    with (PROJECT_ROOT / "seeds" / "demo-county" / name).open(encoding="utf-8-sig") as fh:
        return [row[0] for row in list(csv.reader(fh))[1:]]


class Hub:
    """`hub run` in a subprocess, on ports of its own, with a state folder of its own."""

    def __init__(self, port: int, bolt: int, http: int, state: Path | None = None) -> None:
        # A state folder of an earlier run keeps its Neo4j and the demo county: no reload.
        self.state = state or Path(tempfile.mkdtemp(prefix="hub-bench-"))
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "HUB_STATE_DIR": str(self.state), "HUB_PORT": str(port),
               "NEO4J_BOLT_PORT": str(bolt), "NEO4J_HTTP_PORT": str(http), "HUB_IDE": "0"}
        env.pop("NEO4J_URI", None)
        self.log = (self.state / "hub.log").open("w")
        self.proc = subprocess.Popen([sys.executable, "-m", "hub.cli.main", "run"], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, seconds: float = 900) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if httpx.get(self.url + "/readyz", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(2)
        raise RuntimeError((self.state / "hub.log").read_text()[-3000:])

    def token(self, subject: str, role: str = "county", unit: str | None = None) -> str:
        secret = (self.state / "jwt-secret").read_text().strip()
        return jwt.encode({"sub": subject, "role": role, "unit": unit,
                           "exp": int(time.time()) + 86400}, secret, algorithm="HS256")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=120)
        self.log.close()
        return code


async def _timed(http: httpx.AsyncClient, token: str, body: dict[str, Any]
                 ) -> tuple[float, httpx.Response]:
    t0 = time.perf_counter()
    answer = await http.post("/graphql", json=body, headers={"Authorization": f"Bearer {token}"})
    return time.perf_counter() - t0, answer


async def _victim(http: httpx.AsyncClient, token: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        took, answer = await _timed(http, token, {"query": CHEAP})
        assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
        times.append(took)
        await asyncio.sleep(0.2)
    return times


def _bomb(size: int) -> bytes:
    """A workbook whose one sheet expands to `size` bytes of blank rows (a few hundred KB)."""
    out = io.BytesIO()
    chunk = b"<row/>" * 100_000
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as book, \
            book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
        for _ in range(size // len(chunk) + 1):
            sheet.write(chunk)
    return out.getvalue()


async def fairshare(hub: Hub, seconds: float) -> dict[str, Any]:
    fair = Fairness()
    victim = hub.token("victim", "township", "XC-T01")
    abuser = hub.token("abuser")
    grids = _codes("grids.csv")
    reps = [{"__typename": "Grid", "code": grids[i % len(grids)]} for i in range(fair.max_entities)]
    comment = "#" + "x" * (fair.max_body_bytes - 2048) + "\n" + CHEAP
    bomb = _bomb(fair.max_unzipped_bytes + 1)
    worst: list[tuple[str, dict[str, Any] | bytes]] = [
        ("document at the body limit", {"query": comment}),
        ("_entities at the limit", {"query": ENTITIES, "variables": {"r": reps}}),
        ("first query", {"query": FIRST}),
        ("workbook bomb", bomb),
    ]
    statuses: dict[str, dict[int, int]] = {name: {} for name, _ in worst}
    async with httpx.AsyncClient(base_url=hub.url, timeout=120) as http:
        await _victim(http, victim, 10)  # warm-up
        idle = await _victim(http, victim, 60)
        stop = time.monotonic() + seconds

        async def abuse(n: int) -> None:
            headers = {"Authorization": f"Bearer {abuser}"}
            while time.monotonic() < stop:
                name, body = worst[n % len(worst)]
                n += 1
                if isinstance(body, bytes):
                    answer = await http.post("/import", content=body, headers=headers)
                else:
                    answer = await http.post("/graphql", json=body, headers=headers)
                seen = statuses[name]
                seen[answer.status_code] = seen.get(answer.status_code, 0) + 1
                if answer.status_code == 429:
                    await asyncio.sleep(float(answer.headers.get("Retry-After", "1")) / 10)

        rss_before = hub.rss_mb()
        abusers = [asyncio.create_task(abuse(n)) for n in range(2 * fair.caller_concurrency)]
        await asyncio.sleep(3)
        loaded = await _victim(http, victim, 60)
        await asyncio.gather(*abusers)
    idle_p95, loaded_p95 = percentile(idle, 0.95) * 1000, percentile(loaded, 0.95) * 1000
    return {"idle_p95_ms": round(idle_p95, 1), "abused_p95_ms": round(loaded_p95, 1),
            "ratio": round(loaded_p95 / idle_p95, 2), "abuser_statuses": statuses,
            "abuser_tasks": 2 * fair.caller_concurrency,
            "rss_mb_before_abuse": round(rss_before, 1), "rss_mb_after": round(hub.rss_mb(), 1)}


async def soak(hub: Hub, minutes: float, clients: int) -> dict[str, Any]:
    townships = sorted({c[:6] for c in _codes("grids.csv")})
    households = _codes("households.csv")
    upload = write_xlsx(hub.state / "template.xlsx").read_bytes()
    times: dict[str, list[float]] = {"first": [], "coverage": [], "lookup": [], "upload": []}
    errors: list[str] = []
    rss: list[float] = []
    stop = time.monotonic() + minutes * 60

    async def client(n: int, http: httpx.AsyncClient) -> None:
        token, rnd = hub.token(f"soak-{n}"), random.Random(n)
        while time.monotonic() < stop:
            kind = rnd.choice(("first", "coverage", "lookup", "lookup"))
            body: dict[str, Any] = {"query": FIRST} if kind == "first" else (
                {"query": COVERAGE, "variables": {"u": rnd.choice(townships)}}
                if kind == "coverage" else
                {"query": LOOKUP, "variables": {"c": rnd.choice(households)}})
            took, answer = await _timed(http, token, body)
            if answer.status_code != 200 or "errors" in answer.json():
                errors.append(f"{kind} {answer.status_code} {answer.text[:300]}")
            else:
                times[kind].append(took)

    async def uploader(http: httpx.AsyncClient) -> None:
        headers = {"Authorization": f"Bearer {hub.token('soak-uploader')}"}
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            answer = await http.post("/import", content=upload, headers=headers)
            if answer.status_code != 200:
                errors.append(f"upload {answer.status_code} {answer.text[:300]}")
            else:
                times["upload"].append(time.perf_counter() - t0)
            await asyncio.sleep(2)

    async def sampler() -> None:
        while time.monotonic() < stop:
            rss.append(hub.rss_mb())
            await asyncio.sleep(10)

    limits = httpx.Limits(max_connections=clients + 4)
    async with httpx.AsyncClient(base_url=hub.url, timeout=300, limits=limits) as http:
        # Warm-up, untimed: a fresh server compiles each plan on first use (seconds on a busy
        # machine); the soak measures the steady state after that.
        warm_token = hub.token("soak-warmup")
        bodies: list[dict[str, Any]] = [
            {"query": FIRST}, {"query": LOOKUP, "variables": {"c": households[0]}},
            *({"query": COVERAGE, "variables": {"u": t}} for t in townships)]
        for body in bodies:
            await _timed(http, warm_token, body)
        await http.post("/import", content=upload,
                        headers={"Authorization": f"Bearer {warm_token}"})
        stop = time.monotonic() + minutes * 60
        await asyncio.gather(*(client(n, http) for n in range(clients)), uploader(http),
                             sampler())
    warm = rss[min(3, len(rss) - 1)]
    return {"minutes": minutes, "clients": clients, "errors": len(errors),
            "first_errors": errors[:3],
            "requests": {k: len(v) for k, v in times.items()},
            "p50_ms": {k: round(percentile(v, 0.5) * 1000) for k, v in times.items()},
            "p95_ms": {k: round(percentile(v, 0.95) * 1000) for k, v in times.items()},
            "rss_mb_after_warmup": round(warm, 1), "rss_mb_end": round(rss[-1], 1),
            "rss_mb_max": round(max(rss), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.abuse")
    parser.add_argument("what", choices=["fairshare", "soak"])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--port", type=int, default=48080)
    parser.add_argument("--bolt", type=int, default=47787)
    parser.add_argument("--http", type=int, default=47574)
    parser.add_argument("--state", type=Path, default=None,
                        help="reuse this state folder (its Neo4j keeps the demo county)")
    args = parser.parse_args()
    hub = Hub(args.port, args.bolt, args.http, args.state)
    try:
        hub.wait_ready()
        result = asyncio.run(fairshare(hub, args.seconds) if args.what == "fairshare"
                             else soak(hub, args.minutes, args.clients))
    finally:
        result_code = hub.stop()
    print(json.dumps({**result, "hub_exit": result_code}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
