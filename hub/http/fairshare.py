"""Fair share: no one caller can take the hub from the others.

Two ASGI middlewares, generic over routes (whatever endpoints the app grows get them too):

* `BodyLimit` refuses a body above its endpoint's limit before reading it when the request
  declares its length, and the moment the count passes the limit when it does not (chunked),
  so a 10 MB comment never reaches the GraphQL parser and never sits in memory.
* `CallerLimits`, behind the auth gate, keeps per caller (role, unit, subject) a token bucket
  for the request rate and a cap on requests in flight; requests over the cap wait in a short
  queue of their own, so a gateway's 40 parallel requests are served in turn while another
  caller's request goes straight through. A refusal is `TooManyRequests` with Retry-After.
  Across callers, at most `max_in_flight` requests run at once and the rest wait their turn:
  a caller holds at most its own cap of those, so the others always find room. A request's
  body is read (within `body_seconds`) before it takes one of those places: a caller sending
  slowly holds only its own slots, and for a bounded time.

Both raise the hub's typed errors; hub/http/faults.py turns them into bilingual JSON.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.core.errors import BodyTooLarge, BodyTooSlow, TooManyRequests
from hub.core.principal import Principal
from hub.core.settings import Fairness

# Above this many callers, those idle long enough to have refilled their bucket are dropped.
PRUNE_ABOVE = 1024


class BodyLimit:
    """Refuse request bodies above `default` bytes (`per_path` overrides it per path)."""

    def __init__(self, app: ASGIApp, default: int, per_path: Mapping[str, int]) -> None:
        self.app = app
        self.default = default
        self.per_path = dict(per_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = self.per_path.get(path, self.default)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = limit + 1
            if size > limit:
                raise BodyTooLarge(path=path, limit=limit)
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(path=path, limit=limit)
            return message

        await self.app(scope, counted, send)


@dataclass
class _Share:
    """One caller's bucket and slots."""

    tokens: float
    stamp: float
    slots: asyncio.Semaphore
    waiting: int = 0
    active: int = field(default=0)


class CallerLimits:
    """Per-caller request rate and concurrency; callers are the principals the gate admits."""

    def __init__(self, app: ASGIApp, fair: Fairness) -> None:
        self.app = app
        self.fair = fair
        self._shares: dict[tuple[str, str, str], _Share] = {}
        self._in_flight = asyncio.Semaphore(fair.max_in_flight)

    def _share(self, who: Principal, now: float) -> _Share:
        key = (who.role.value, who.unit or "", who.subject)
        share = self._shares.get(key)
        if share is None:
            if len(self._shares) > PRUNE_ABOVE:
                self._prune(now)
            share = _Share(float(self.fair.caller_burst), now,
                           asyncio.Semaphore(self.fair.caller_concurrency))
            self._shares[key] = share
        return share

    def _prune(self, now: float) -> None:
        refill = self.fair.caller_burst / self.fair.caller_rate
        for key, share in list(self._shares.items()):
            if share.active == 0 and share.waiting == 0 and now - share.stamp > refill:
                del self._shares[key]

    def _take_token(self, share: _Share, now: float) -> None:
        fair = self.fair
        share.tokens = min(float(fair.caller_burst),
                           share.tokens + (now - share.stamp) * fair.caller_rate)
        share.stamp = now
        if share.tokens < 1.0:
            wait = math.ceil((1.0 - share.tokens) / fair.caller_rate)
            raise TooManyRequests(what="请求频率 / request rate",
                                  limit=f"{fair.caller_rate:g}/s, burst {fair.caller_burst}",
                                  retry_after=max(1, wait))
        share.tokens -= 1.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        who = scope.get("state", {}).get("principal") if scope["type"] == "http" else None
        if not isinstance(who, Principal):
            await self.app(scope, receive, send)
            return
        now = time.monotonic()
        share = self._share(who, now)
        self._take_token(share, now)
        if share.slots.locked() and share.waiting >= self.fair.caller_queue:
            raise TooManyRequests(
                what="同时进行的请求 / requests in flight",
                limit=f"{self.fair.caller_concurrency} + {self.fair.caller_queue} queued",
                retry_after=1)
        share.waiting += 1
        try:
            await share.slots.acquire()
        finally:
            share.waiting -= 1
        share.active += 1
        try:
            replay = await _read_body(scope, receive, self.fair.body_seconds)
            async with self._in_flight:
                await self.app(scope, replay, send)
        finally:
            share.active -= 1
            share.slots.release()


async def _read_body(scope: Scope, receive: Receive, seconds: float) -> Receive:
    """The whole body, read within `seconds`, as a `receive` that hands it on in one piece."""
    chunks: list[bytes] = []
    try:
        async with asyncio.timeout(seconds):
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return _then(message, receive)
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    break
    except TimeoutError:
        raise BodyTooSlow(path=str(scope.get("path", "")), seconds=seconds) from None
    return _then({"type": "http.request", "body": b"".join(chunks), "more_body": False},
                 receive)


def _then(first: Message, receive: Receive) -> Receive:
    """`first`, then whatever `receive` has next (a disconnect, once the body is done)."""
    pending: list[Message] = [first]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay
