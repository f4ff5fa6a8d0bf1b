"""Strict settings, live API keys and private files: what the hub does before any request.

A bad value stops the start with a bilingual message naming the variable; no secret shows in
a repr or an error; `hub apikey` creates, lists and revokes keys that the running hub's
authenticator sees within seconds; generated secrets live under the state folder, private.
"""

from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest

from hub.cli.main import main
from hub.core.errors import SettingError, Unauthenticated
from hub.core.principal import Role
from hub.core.secrets import generate_file
from hub.core.settings import Settings
from hub.graph.db import Database
from hub.http import apikeys
from hub.http.auth import Authenticator
from hub.importer.ids import load_key
from tests.conftest import Server


@pytest.mark.parametrize(("name", "value", "says"), [
    ("HUB_IDE", "ture", "must be true or false"),
    ("HUB_INTROSPECTION", "maybe", "must be true or false"),
    ("HUB_TX_TIMEOUT", "0", "must be > 0"),
    ("HUB_TX_TIMEOUT", "ten", "must be a number of seconds"),
    ("HUB_WRITE_TIMEOUT", "-5", "must be > 0"),
    ("HUB_MAX_DEPTH", "0", "must be ≥ 1"),
    ("HUB_MAX_PAGE_SIZE", "1e3", "must be an integer"),
    ("HUB_PORT", "70000", "must be 1…65535"),
    ("NEO4J_HEAP", "lots", "must be a size"),
    ("HUB_JWT_ALGORITHM", "none", "must be one of HS256, RS256"),
    ("HUB_CALLER_RATE", "0", "must be > 0"),
    ("HUB_MAX_BODY", "10", "must be ≥ 1024"),
])
def test_a_bad_value_is_refused_naming_the_variable(name: str, value: str, says: str) -> None:
    with pytest.raises(SettingError) as caught:
        Settings.from_env({name: value})
    message = str(caught.value)
    assert message.startswith("设置无效 / invalid setting: ") and name in message
    assert says in message and repr(value) in message


def test_good_values_are_read() -> None:
    settings = Settings.from_env({"HUB_IDE": "off", "HUB_TX_TIMEOUT": "2.5",
                                  "HUB_CALLER_CONCURRENCY": "3", "NEO4J_HEAP": "2G"})
    assert settings.ide_enabled is False and settings.limits.tx_timeout_seconds == 2.5
    assert settings.fair.caller_concurrency == 3 and settings.heap == "2g"


def test_the_command_line_stops_with_one_bilingual_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HUB_TX_TIMEOUT", "0")
    assert main(["migrate"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误 / error: 设置无效 / invalid setting: HUB_TX_TIMEOUT='0'")
    assert len(err.splitlines()) == 1


def test_no_secret_in_a_repr() -> None:
    settings = Settings.from_env({"NEO4J_URI": "bolt://db:7687", "NEO4J_PASSWORD": "s3cret-pw",
                                  "HUB_JWT_SECRET": "jwt-s3cret", "HUB_HASH_KEY": "hash-s3cret"})
    shown = repr(settings)
    assert settings.neo4j_password == "s3cret-pw"
    assert "s3cret" not in shown and "bolt://db:7687" in shown


def test_api_keys_are_created_listed_and_revoked_while_the_hub_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        server: Server, demo: Database) -> None:
    keys = tmp_path / "state" / "api-keys"
    monkeypatch.setenv("HUB_STATE_DIR", str(tmp_path / "state"))
    # A township key names a unit the graph must hold: the demo county's, on the test server.
    for name, value in (("NEO4J_URI", server.uri), ("NEO4J_USER", server.user),
                        ("NEO4J_PASSWORD", server.password),
                        ("NEO4J_DATABASE", server.database)):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HUB_JWT_SECRET", "x" * 32)
    running = Authenticator.from_settings(Settings.from_env())  # as the hub holds it
    assert main(["apikey", "create", "--name", "hotline", "--role", "service"]) == 0
    first = capsys.readouterr().out.strip().splitlines()[-1]
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.parent.stat().st_mode) == 0o700
    assert first not in keys.read_text()

    def seen(key: str) -> bool:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                running.from_api_key(key)
                return True
            except Unauthenticated:
                time.sleep(0.2)
        return False

    assert seen(first), "a new key is accepted without a restart"
    assert running.from_api_key(first).role is Role.SERVICE
    assert main(["apikey", "--name", "gateway", "--role", "township", "--unit", "XC-T01"]) == 0
    second = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["apikey", "list"]) == 0
    listed = capsys.readouterr().out
    assert "hotline\tservice\t-" in listed and "gateway\ttownship\tXC-T01" in listed
    assert main(["apikey", "revoke", "--name", "hotline"]) == 0
    assert "revoked 1 key(s)" in capsys.readouterr().out
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _accepts(running, first):
        time.sleep(0.2)
    with pytest.raises(Unauthenticated):
        running.from_api_key(first)
    assert running.from_api_key(second).unit == "XC-T01", "the other key keeps working"
    assert main(["apikey", "revoke", "--name", "nobody"]) == 1
    assert "no key named nobody" in capsys.readouterr().out


def _accepts(auth: Authenticator, key: str) -> bool:
    try:
        auth.from_api_key(key)
    except Unauthenticated:
        return False
    return True


def test_a_broken_key_file_keeps_the_last_good_keys(tmp_path: Path) -> None:
    path = tmp_path / "keys"
    key = apikeys.create(path, "hotline", "service", None)
    live = Authenticator.from_settings(Settings.from_env({
        "HUB_API_KEYS_FILE": str(path), "HUB_JWT_SECRET": "k" * 32}))
    assert live.from_api_key(key).subject == "hotline"
    path.write_text("not four words\n")
    time.sleep(apikeys.RECHECK_SECONDS + 0.1)
    assert live.from_api_key(key).subject == "hotline"


def test_generated_secrets_are_private_and_under_the_state_folder(tmp_path: Path) -> None:
    state = tmp_path / "state"
    generate_file(state / "jwt-secret")
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    assert stat.S_IMODE((state / "jwt-secret").stat().st_mode) == 0o600
    other = tmp_path / "elsewhere"
    key = load_key({"HUB_STATE_DIR": str(other), "NEO4J_URI": "bolt://db:7687"})
    assert (other / "hash.key").read_text().strip().encode() == key
    assert stat.S_IMODE((other / "hash.key").stat().st_mode) == 0o600
    assert stat.S_IMODE(other.stat().st_mode) == 0o700
