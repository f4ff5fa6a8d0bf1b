"""Authentication: bearer JWTs for people, API keys for other county systems.

A token names a role and a unit (claims `role`, `unit`, `sub`, `exp`); HS256 with a shared
secret or RS256 with the issuer's public key, as configured. An API key is looked up by its
SHA-256 in a file of lines `sha256 role unit-or-- name`, so the file never holds a usable key.
Every request but the probes (and the IDE's static shell, which holds no data) needs one.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import jwt
from starlette.requests import HTTPConnection

from hub.core import secrets as secret_store
from hub.core.errors import Unauthenticated
from hub.core.principal import Principal, Role
from hub.core.settings import Settings
from hub.http import apikeys
from hub.http.apikeys import LiveKeys

JWT_LEEWAY_SECONDS = 30
VERIFIED_TOKENS = 4096


def _principal(role: object, unit: object, subject: object) -> Principal:
    try:
        parsed = Role(str(role))
    except ValueError:
        raise Unauthenticated(reason=f"unknown role {role!r} / 未知角色") from None
    if parsed in (Role.TOWNSHIP, Role.GRID) and not unit:
        raise Unauthenticated(reason=f"role {parsed.value} needs a unit / 该角色须指定单位")
    return Principal(subject=str(subject or "?"), role=parsed,
                     unit=str(unit) if unit and parsed in (Role.TOWNSHIP, Role.GRID) else None)


def token_refusal(exc: jwt.PyJWTError) -> str:
    """Why a token was refused, in words a person can act on (not the decoder's own).

    PyJWT's messages name codecs and padding (`'utf-8' codec can't decode byte 0xb7`); the
    person who pasted the token needs to know whether to copy it again or ask for a new one.
    """
    if isinstance(exc, jwt.ExpiredSignatureError):
        return "令牌已过期，请重新签发 / the token has expired: get a new one"
    if isinstance(exc, jwt.ImmatureSignatureError):
        return "令牌尚未生效（检查本机时钟）/ the token is not valid yet (check the clock)"
    if isinstance(exc, jwt.MissingRequiredClaimError):
        return (f"令牌缺少 {exc.claim} 声明，不是本中枢签发的 / the token lacks the "
                f"`{exc.claim}` claim: it was not issued for this hub")
    if isinstance(exc, jwt.InvalidAlgorithmError):
        return "令牌签名算法不符 / the token is signed with another algorithm"
    if isinstance(exc, jwt.InvalidSignatureError):
        return ("令牌签名不符：由别的密钥签发或已被改动 / the signature does not match: the "
                "token was signed with another key, or altered")
    if isinstance(exc, jwt.DecodeError):
        return ("令牌格式不对：请完整复制 `Bearer ` 之后的三段文字 / the token is malformed: "
                "copy all three dot-separated parts after `Bearer `")
    return "令牌无效 / the token is not valid"


def load_api_keys(path: Path | None) -> dict[str, Principal]:
    """API keys by SHA-256; a missing file means no system may call in yet."""
    return {} if path is None else LiveKeys(path, _principal).current()


class Authenticator:
    """Turns a request's credentials into a Principal, or raises Unauthenticated."""

    def __init__(self, algorithm: str, verify_key: str,
                 api_keys: Mapping[str, Principal] | LiveKeys,
                 signing_key: str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        if algorithm not in ("HS256", "RS256"):
            raise ValueError(f"HUB_JWT_ALGORITHM={algorithm!r}: HS256 or RS256")
        self.algorithm = algorithm
        # Tokens already verified, with their expiry: a caller sends the same token with every
        # request, and verifying it again (decoding, the signature, the claims) cost about a
        # tenth of a millisecond each time. Only the expiry can change its answer.
        self._verified: dict[str, tuple[Principal, float]] = {}
        self._clock = clock
        self._verify_key = verify_key
        self._signing_key = signing_key
        self._api_keys = (api_keys if isinstance(api_keys, LiveKeys)
                          else LiveKeys(None, _principal, api_keys))

    @classmethod
    def from_settings(cls, settings: Settings) -> Authenticator:
        api_keys = LiveKeys(settings.api_keys_file, _principal)
        if settings.jwt_algorithm == "RS256":
            if settings.jwt_public_key_file is None:
                raise ValueError("RS256 needs HUB_JWT_PUBLIC_KEY_FILE")
            public = settings.jwt_public_key_file.read_text(encoding="utf-8")
            return cls("RS256", public, api_keys)
        local = settings.state_dir / "jwt-secret" if settings.local_secrets else None
        key = secret_store.secret(settings.secret_env, "HUB_JWT_SECRET", local)
        if key is None:
            raise ValueError("HS256 needs HUB_JWT_SECRET or HUB_JWT_SECRET_FILE")
        return cls("HS256", key, api_keys, signing_key=key)

    def mint(self, subject: str, role: Role, unit: str | None, hours: float = 8.0) -> str:
        """A token for a person, signed with the HS256 secret (local and test set-ups)."""
        if self._signing_key is None:
            raise ValueError("tokens are minted by the RS256 issuer, not the hub")
        now = int(time.time())
        claims = {"sub": subject, "role": role.value, "unit": unit, "iat": now,
                  "exp": now + int(hours * 3600)}
        return jwt.encode(claims, self._signing_key, algorithm="HS256")

    def from_token(self, token: str) -> Principal:
        known = self._verified.get(token)
        if known is not None:
            principal, expires = known
            if expires > self._clock() - JWT_LEEWAY_SECONDS:  # PyJWT's own test of `exp`
                return principal
            del self._verified[token]
            raise Unauthenticated(reason=token_refusal(jwt.ExpiredSignatureError()))
        try:
            claims = jwt.decode(token, self._verify_key, algorithms=[self.algorithm],
                                options={"require": ["exp", "sub", "role"]},
                                leeway=JWT_LEEWAY_SECONDS)
        except jwt.PyJWTError as exc:
            raise Unauthenticated(reason=token_refusal(exc)) from None
        principal = _principal(claims.get("role"), claims.get("unit"), claims.get("sub"))
        if len(self._verified) >= VERIFIED_TOKENS:
            del self._verified[next(iter(self._verified))]
        self._verified[token] = (principal, float(claims["exp"]))
        return principal

    def from_api_key(self, key: str) -> Principal:
        digest = hashlib.sha256(key.encode()).hexdigest()
        for known, principal in self._api_keys.current().items():
            if hmac.compare_digest(known, digest):
                return principal
        raise Unauthenticated(reason="unknown API key / API 密钥无效")

    def authenticate(self, conn: HTTPConnection) -> Principal:
        header = conn.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and value:
            return self.from_token(value.strip())
        if conn.headers.get("x-api-key"):
            return self.from_api_key(conn.headers["x-api-key"])
        raise Unauthenticated(reason="send `Authorization: Bearer <token>` or `X-API-Key` "
                                     "/ 请提供令牌或 API 密钥")


def new_api_key(path: Path, name: str, role: Role, unit: str | None) -> str:
    """Create a key for another system, record only its hash, and return it once."""
    return apikeys.create(path, name, role.value, unit)
