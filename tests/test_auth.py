"""Who may call: tokens, API keys and the secrets behind them."""

from __future__ import annotations

import time
from pathlib import Path

import jwt
import pytest

from hub.core.errors import SecretError, Unauthenticated
from hub.core.principal import Principal, Role
from hub.core.secrets import generate_file, read_file, secret
from hub.http.auth import Authenticator, load_api_keys, new_api_key

KEY = "k" * 43


def authenticator(api_keys: dict[str, Principal] | None = None) -> Authenticator:
    return Authenticator("HS256", KEY, api_keys or {}, signing_key=KEY)


def test_a_minted_token_names_role_and_unit() -> None:
    auth = authenticator()
    token = auth.mint("wang", Role.TOWNSHIP, "XC-T01")
    assert auth.from_token(token) == Principal("wang", Role.TOWNSHIP, "XC-T01")
    assert auth.from_token(auth.mint("li", Role.COUNTY, "ignored")).scope is None


@pytest.mark.parametrize(
    ("claims", "why"),
    [
        ({"sub": "x", "role": "county", "exp": int(time.time()) - 3600}, "expired"),
        ({"sub": "x", "role": "emperor", "exp": int(time.time()) + 86400}, "unknown role"),
        ({"sub": "x", "role": "township", "exp": int(time.time()) + 86400}, "needs a unit"),
        ({"sub": "x", "role": "county"}, "lacks the `exp` claim"),
    ],
)
def test_tokens_that_do_not_hold(claims: dict[str, object], why: str) -> None:
    token = jwt.encode(claims, KEY, algorithm="HS256")
    with pytest.raises(Unauthenticated, match=why):
        authenticator().from_token(token)


def test_a_verified_token_is_known_until_it_expires() -> None:
    now = [time.time()]
    auth = Authenticator("HS256", KEY, {}, signing_key=KEY, clock=lambda: now[0])
    token = auth.mint("wang", Role.TOWNSHIP, "XC-T01", hours=1.0)
    assert auth.from_token(token) == Principal("wang", Role.TOWNSHIP, "XC-T01")
    # Known now: the same answer however often, each time checked against the clock.
    now[0] += 3600 - 60
    assert auth.from_token(token) == Principal("wang", Role.TOWNSHIP, "XC-T01")
    now[0] += 60 + 31  # past `exp` and the leeway PyJWT allows
    with pytest.raises(Unauthenticated, match="expired"):
        auth.from_token(token)
    # A token differing in one character is another token: verified, and refused.
    with pytest.raises(Unauthenticated):
        auth.from_token(token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1])


def test_a_token_signed_with_another_key_or_alg_none_is_refused() -> None:
    claims = {"sub": "x", "role": "county", "exp": int(time.time()) + 86400}
    forged = jwt.encode(claims, "another-key-of-sufficient-length-000000", algorithm="HS256")
    with pytest.raises(Unauthenticated, match="signature does not match"):
        authenticator().from_token(forged)
    unsigned = jwt.encode(claims, None, algorithm="none")
    with pytest.raises(Unauthenticated, match="another algorithm"):
        authenticator().from_token(unsigned)


def test_api_keys_are_stored_as_hashes_only(tmp_path: Path) -> None:
    path = tmp_path / "api-keys"
    key = new_api_key(path, "hotline-12345", Role.SERVICE, None)
    assert key not in path.read_text()
    assert path.stat().st_mode & 0o077 == 0
    auth = authenticator(load_api_keys(path))
    assert auth.from_api_key(key) == Principal("hotline-12345", Role.SERVICE, None)
    with pytest.raises(Unauthenticated, match="unknown API key"):
        auth.from_api_key(key + "x")


def test_secret_files_readable_by_others_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "jwt"
    path.write_text("s3cret")
    path.chmod(0o644)
    with pytest.raises(SecretError, match="readable by others"):
        read_file(path, "HUB_JWT_SECRET")
    path.chmod(0o600)
    assert secret({"HUB_JWT_SECRET_FILE": str(path)}, "HUB_JWT_SECRET", None) == "s3cret"
    assert secret({"HUB_JWT_SECRET": "from-env"}, "HUB_JWT_SECRET", None) == "from-env"
    assert secret({}, "HUB_JWT_SECRET", None) is None


def test_local_secret_is_generated_once_with_mode_0600(tmp_path: Path) -> None:
    first = generate_file(tmp_path / "state" / "jwt-secret")
    assert generate_file(tmp_path / "state" / "jwt-secret") == first
    assert (tmp_path / "state" / "jwt-secret").stat().st_mode & 0o777 == 0o600
