"""`hub token` and `hub apikey` refuse a role and unit that could never work; every option of
every command has help in both languages; a refused token says why in words, not codecs."""

from __future__ import annotations

import argparse
import base64
import re
from pathlib import Path

import httpx
import pytest

from hub.cli.main import main, parser
from hub.graph.db import Database
from tests.conftest import Server

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def commands(root: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = {"hub": root}
    for action in root._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update({f"hub {name}": p for name, p in action.choices.items()})
    return found


def test_every_option_of_every_command_has_help_in_both_languages() -> None:
    missing = [f"{name} {action.dest}"
               for name, command in commands(parser()).items()
               for action in command._actions
               if not isinstance(action, argparse._SubParsersAction)
               and not (action.help and CJK.search(action.help) and LATIN.search(action.help))]
    assert missing == []


@pytest.fixture
def on_demo(server: Server, demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", server.uri)
    monkeypatch.setenv("NEO4J_USER", server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    monkeypatch.setenv("NEO4J_DATABASE", server.database)
    monkeypatch.setenv("HUB_JWT_SECRET", "a-test-secret-of-enough-length-for-hs256")


@pytest.mark.parametrize(("args", "says"), [
    (["--role", "township"], "--unit must name a township"),
    (["--role", "grid"], "--unit must name a grid"),
    (["--role", "township", "--unit", "XC-T99"], "no unit has this code"),
    (["--role", "township", "--unit", "XC-T01-V01"], "the unit is a Village, not a township"),
    (["--role", "grid", "--unit", "XC-T01"], "the unit is a Township, not a grid"),
    (["--role", "county", "--unit", "XC-T01"], "takes no unit"),
])
def test_a_token_that_could_never_work_is_refused(
        on_demo: None, capsys: pytest.CaptureFixture[str], args: list[str], says: str) -> None:
    assert main(["token", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert says in captured.err and "该角色与单位无法使用" in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_a_token_that_works_is_minted(on_demo: None,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "--role", "township", "--unit", "XC-T01"]) == 0
    assert re.fullmatch(r"[\w-]+\.[\w-]+\.[\w-]+\n", capsys.readouterr().out)


async def test_a_refused_token_says_why_in_words(client: httpx.AsyncClient) -> None:
    good = client.headers["Authorization"].removeprefix("Bearer ")
    header, payload, signature = good.split(".")
    garbled = base64.urlsafe_b64encode(b"\xb7\xff\xfe").decode().rstrip("=")
    # PyJWT checks the signature before it decodes the payload: a garbled payload is a
    # signature that does not match.
    tokens = {
        "not a token": "malformed",
        f"{garbled}.{payload}.{signature}": "malformed",
        f"{header}.{garbled}.{signature}": "signature does not match",
        f"{header}.{payload}.{signature[:-4]}AAAA": "signature does not match",
        f"{header}.{payload}": "malformed",
    }
    for token, says in tokens.items():
        response = await client.post("/graphql", json={"query": "{ __typename }"},
                                     headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        message = response.json()["errors"][0]["message"]
        assert says in message and CJK.search(message), (token, message)
        assert "codec" not in message and "padding" not in message and "byte" not in message


def test_an_api_key_that_could_never_work_is_not_made(
        on_demo: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    keys = tmp_path / "api-keys"
    monkeypatch.setenv("HUB_API_KEYS_FILE", str(keys))
    assert main(["apikey", "--name", "x", "--role", "grid", "--unit", "XC-T01"]) == 2
    assert "the unit is a Township, not a grid" in capsys.readouterr().err
    assert not keys.exists()
    assert main(["apikey", "--name", "hotline", "--role", "service"]) == 0
    assert len(keys.read_text().splitlines()) == 1
