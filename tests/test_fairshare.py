"""Fair share: one caller cannot take the hub from the others (docs/security.md).

Bodies are refused before they are read, a caller over its rate or its requests in flight is
refused with a typed bilingual 429 and Retry-After while another caller goes through,
`_entities` is bounded, and a workbook that expands past the limit (or is corrupt) is refused
before any sheet is parsed, as JSON, leaving no memory behind.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import resource
import zipfile
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from starlette.types import Message, Receive, Scope, Send

from hub.core.principal import Principal, Role
from hub.core.settings import Fairness, Settings
from hub.graph.db import Database
from hub.http.app import create_app
from hub.http.auth import Authenticator
from hub.http.fairshare import CallerLimits

CHEAP = {"query": "{ __typename }"}


@pytest.fixture
async def tight(settings: Settings, demo: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The real app with small shares: 3 requests in a burst, 1 in flight, none queued."""
    fair = Fairness(max_body_bytes=4096, max_upload_bytes=64 * 1024,
                    max_unzipped_bytes=1024 * 1024, max_entities=5, caller_concurrency=1,
                    caller_queue=0, caller_rate=0.1, caller_burst=3)
    app = create_app(dataclasses.replace(settings, fair=fair))
    async with (app.router.lifespan_context(app),
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                  base_url="http://hub") as http):
        yield http


def _refusal(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == code
    message = str(body["message"])
    assert " / " in message, "Chinese and English"
    return message


async def test_a_body_above_the_limit_is_refused_before_it_is_read(
        tight: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    county = bearer("county")
    big = b'{"query": "#' + b"x" * 8000 + b'\\n{ county { code } }"}'
    declared = await tight.post("/graphql", content=big,
                                headers={**county, "Content-Type": "application/json"})
    assert "4096 bytes" in _refusal(declared, 413, "BodyTooLarge")

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(big), 1000):
            yield big[start:start + 1000]

    # No Content-Length (chunked): refused when the count passes the limit.
    streamed = await tight.post("/graphql", content=chunks(),
                                headers={**county, "Content-Type": "application/json"})
    _refusal(streamed, 413, "BodyTooLarge")
    # Anonymous callers are refused on size too, before the gate reads anything.
    _refusal(await tight.post("/graphql", content=big), 413, "BodyTooLarge")


async def test_a_caller_over_its_rate_is_refused_and_others_are_not(
        tight: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    heavy, other = bearer("township", "XC-T01"), bearer("township", "XC-T02")
    answers = [await tight.post("/graphql", json=CHEAP, headers=heavy) for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    message = _refusal(answers[3], 429, "TooManyRequests")
    assert "request rate" in message and "请求过多" in message
    assert int(answers[3].headers["Retry-After"]) >= 1
    assert (await tight.post("/graphql", json=CHEAP, headers=other)).status_code == 200


async def test_a_caller_over_its_requests_in_flight_is_refused_and_others_are_not(
        tight: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    heavy, other = bearer("grid", "XC-T01-C01-G01"), bearer("grid", "XC-T01-C01-G02")
    release = asyncio.Event()

    async def slow_body() -> AsyncIterator[bytes]:
        # The slot is held while the body arrives: a slow client holds its own share only.
        yield b'{"query": "{ __type'
        await release.wait()
        yield b'name }"}'

    held = asyncio.create_task(tight.post(
        "/graphql", content=slow_body(),
        headers={**heavy, "Content-Type": "application/json"}))
    await asyncio.sleep(0.3)
    second = await tight.post("/graphql", json=CHEAP, headers=heavy)
    message = _refusal(second, 429, "TooManyRequests")
    assert "requests in flight" in message and second.headers["Retry-After"] == "1"
    assert (await tight.post("/graphql", json=CHEAP, headers=other)).status_code == 200
    release.set()
    assert (await held).status_code == 200


async def test_entities_are_bounded_per_request(
        tight: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    query = "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }"
    reps = [{"__typename": "Grid", "code": "XC-T01-C01-G01"}] * 6
    answer = await tight.post("/graphql", json={"query": query, "variables": {"r": reps}},
                              headers=bearer("county"))
    error = answer.json()["errors"][0]
    assert error["extensions"]["code"] == "TooManyEntities"
    assert error["message"].endswith("6 > 5")
    allowed = await tight.post("/graphql", json={"query": query, "variables": {"r": reps[:5]}},
                               headers=bearer("county"))
    assert "errors" not in allowed.json() and len(allowed.json()["data"]["_entities"]) == 5


async def test_a_big_document_is_answered_without_holding_others(
        client: httpx.AsyncClient) -> None:
    # 200 KB of comment: parsed in a worker thread; meanwhile a cheap query is answered.
    big = {"query": "#" + "x" * 200_000 + "\n{ __typename }"}
    heavy = asyncio.create_task(client.post("/graphql", json=big))
    cheap = await client.post("/graphql", json=CHEAP)
    assert cheap.json()["data"] == {"__typename": "Query"}
    assert (await heavy).json()["data"] == {"__typename": "Query"}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as book:
        for name, data in members.items():
            book.writestr(name, data)
    return out.getvalue()


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def _someone(auth: Authenticator, name: str) -> dict[str, str]:
    """A county caller of its own, so that these uploads do not share one rate."""
    return {"Authorization": f"Bearer {auth.mint(name, Role.COUNTY, None)}"}


async def test_a_workbook_bomb_is_refused_before_it_is_expanded(
        tight: httpx.AsyncClient, auth: Authenticator) -> None:
    # 3 MB of blank rows zip to a few KB: under the upload limit, over the expanded one.
    rows = b"<row/>" * 500_000
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": rows})
    assert len(bomb) < 64 * 1024
    before = _rss_mb()
    for i in range(5):
        answer = await tight.post("/import", content=bomb, headers=_someone(auth, f"bomb-{i}"))
        assert "HUB_MAX_UNZIPPED" in _refusal(answer, 413, "WorkbookTooLarge")
    assert _rss_mb() - before < 20, "a refused upload leaves no memory behind"
    # A declared size can lie: the same bomb whose entry claims a small size is caught too.
    lying = bytearray(bomb)
    directory = lying.rfind(b"PK\x01\x02")
    lying[directory + 24:directory + 28] = (100).to_bytes(4, "little")
    answer = await tight.post("/import", content=bytes(lying), headers=_someone(auth, "liar"))
    assert answer.status_code in (413, 422), answer.text


async def test_a_corrupt_workbook_is_a_bilingual_refusal_not_a_500(
        tight: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    good = _zip({"xl/worksheets/sheet1.xml": b"<worksheet>" + b"<row/>" * 2000 + b"</worksheet>"})
    broken = bytearray(good)
    start = broken.find(b"sheet1.xml") + len("sheet1.xml")
    for i in range(start + 4, start + 24):
        broken[i] ^= 0x5A  # scramble the deflate stream
    answer = await tight.post("/import", content=bytes(broken), headers=bearer("county"))
    assert answer.status_code == 422, answer.text
    problem = answer.json()["problems"][0]
    assert problem["reason"] == "不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook"


async def test_past_the_hubs_requests_in_flight_others_wait_their_turn() -> None:
    release = asyncio.Event()
    served: list[str] = []

    async def work(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["state"]["principal"].unit == "XC-T01":
            await release.wait()
        served.append(scope["state"]["principal"].unit)

    limits = CallerLimits(work, Fairness(max_in_flight=1))

    async def call(unit: str) -> None:
        scope = {"type": "http", "path": "/graphql",
                 "state": {"principal": Principal(unit, Role.TOWNSHIP, unit)}}

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            return None

        await limits(scope, receive, send)

    held = asyncio.create_task(call("XC-T01"))
    await asyncio.sleep(0.1)
    waiting = asyncio.create_task(call("XC-T02"))
    await asyncio.sleep(0.3)
    assert not waiting.done(), "the second caller waits rather than being refused"
    release.set()
    await asyncio.gather(held, waiting)
    assert served == ["XC-T01", "XC-T02"]


@pytest.fixture
async def one_place(settings: Settings, demo: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The real app with one request in flight for everyone and a 1-second body limit."""
    app = create_app(dataclasses.replace(settings, fair=Fairness(max_in_flight=1,
                                                                 body_seconds=1.0)))
    async with (app.router.lifespan_context(app),
                httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                  base_url="http://hub") as http):
        yield http


async def test_a_slow_body_holds_no_place_another_caller_needs(
        one_place: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    release = asyncio.Event()

    async def slow_body() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __type'
        await release.wait()
        yield b'name }"}'

    held = asyncio.create_task(one_place.post(
        "/graphql", content=slow_body(),
        headers={**bearer("township", "XC-T01"), "Content-Type": "application/json"}))
    await asyncio.sleep(0.2)
    # The only place in flight is free while the first body trickles in.
    other = await asyncio.wait_for(
        one_place.post("/graphql", json=CHEAP, headers=bearer("township", "XC-T02")), 5)
    assert other.json()["data"] == {"__typename": "Query"}
    release.set()
    assert (await held).json()["data"] == {"__typename": "Query"}


async def test_a_body_slower_than_its_limit_is_refused(
        one_place: httpx.AsyncClient, bearer: Callable[..., dict[str, str]]) -> None:
    async def stalled() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __type'
        await asyncio.sleep(30)
        yield b'name }"}'

    answer = await asyncio.wait_for(one_place.post(
        "/graphql", content=stalled(),
        headers={**bearer("township", "XC-T01"), "Content-Type": "application/json"}), 10)
    message = _refusal(answer, 408, "BodyTooSlow")
    assert "HUB_BODY_TIMEOUT" in message and "请求体未在时限内传完" in message
    # The caller's own slot is free again: its next request goes through.
    ok = await one_place.post("/graphql", json=CHEAP, headers=bearer("township", "XC-T01"))
    assert ok.status_code == 200
