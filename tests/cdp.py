"""A small Chrome DevTools Protocol client: Debian's chromium, headless, driven over its
websocket, so the console is tested in a real browser with no browser download of its own.

Every request a page makes is recorded (`Page.requests`), and so are script errors and
console messages (a CSP violation is one), for the tests to assert on.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--no-proxy-server", "--remote-debugging-port=0", "--window-size=1366,768")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Page:
    """One tab: send commands, await the answers, keep the events."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.reader = asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        async for raw in self.socket:
            message = json.loads(raw)
            if "id" in message:
                future = self.pending.pop(message["id"])
                if "error" in message:
                    future.set_exception(RuntimeError(message["error"]))
                else:
                    future.set_result(message.get("result", {}))
                continue
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif method == "Runtime.exceptionThrown":
                self.problems.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                self.problems.append(params["entry"]["text"])
            elif method == "Runtime.consoleAPICalled" and params["type"] == "error":
                self.problems.append(json.dumps(params["args"])[:500])

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[number] = future
        await self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        return await asyncio.wait_for(future, 60)

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, awaitPromise=True,
                                 returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 60) -> bool:
        """Poll until `expression` is truthy in the page (the hub may be slow when loaded)."""
        deadline = time.monotonic() + timeout
        while True:
            value = await self.evaluate(f"Boolean({expression})")
            if value:
                return True
            if time.monotonic() > deadline:
                text = await self.evaluate("document.body.innerText.slice(0, 2000)")
                raise AssertionError(f"timed out waiting for {expression}; page shows:\n{text}")
            await asyncio.sleep(0.1)

    async def goto(self, url: str) -> None:
        await self.send("Page.navigate", url=url)
        await self.wait_for("document.readyState === 'complete'")

    async def screenshot(self, path: Path) -> None:
        import base64

        shot = await self.send("Page.captureScreenshot", format="png")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))


@contextlib.asynccontextmanager
async def browser(executable: str) -> AsyncIterator[Page]:
    """A fresh headless chromium with one tab, its profile in a temporary folder."""
    # Chromium's helper processes may still be writing the profile as the main one exits.
    with tempfile.TemporaryDirectory(prefix="hub-chromium-", ignore_cleanup_errors=True) as profile:
        proc = subprocess.Popen([executable, *FLAGS, f"--user-data-dir={profile}",
                                 "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            port_file = Path(profile) / "DevToolsActivePort"
            deadline = time.monotonic() + 60
            while not port_file.exists() or not port_file.read_text().strip():
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chromium did not start / chromium 未能启动")
                await asyncio.sleep(0.1)
            port = port_file.read_text().split()[0]
            async with httpx.AsyncClient(trust_env=False) as http:
                targets = (await http.get(f"http://127.0.0.1:{port}/json/list")).json()
            url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            async with connect(url, proxy=None, max_size=64 * 2**20) as socket:
                page = Page(socket)
                for domain in ("Page", "Network", "Runtime", "Log"):
                    await page.send(f"{domain}.enable")
                await page.send("Emulation.setDeviceMetricsOverride", width=1366, height=768,
                                deviceScaleFactor=1, mobile=False)
                try:
                    yield page
                finally:
                    page.reader.cancel()
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
