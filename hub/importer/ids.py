"""Identifier rules: the unified social credit code (GB 32100-2015) and the citizen ID number
(GB 11643-1999), with the check characters both carry, and the keyed hash and mask under which
an ID number is kept (never in clear).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping
from datetime import date

from hub.core.secrets import secret
from hub.core.settings import PROJECT_ROOT, state_dir_of

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Where the key was kept before it moved into the state folder; adopted once, so that IDs
# hashed then still match.
LEGACY_KEY_FILE = PROJECT_ROOT / ".neo4j" / "hash.key"


def uscc_check_char(body: str) -> str:
    """The 18th character of a USCC whose first 17 characters are `body`."""
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, _USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc_problem(value: str) -> str | None:
    """None when `value` is a valid USCC, else the reason in Chinese and English."""
    if len(value) != 18:
        return "统一社会信用代码应为18位 / a USCC has 18 characters"
    bad = [ch for ch in value if ch not in USCC_CHARS]
    if bad:
        return f"含非法字符 {''.join(bad)!r} / characters outside the USCC set"
    if uscc_check_char(value[:17]) != value[17]:
        return "校验码错误 / wrong check character (GB 32100-2015)"
    return None


def id_check_char(body: str) -> str:
    """The 18th character of a citizen ID number whose first 17 digits are `body`."""
    total = sum(int(ch) * w for ch, w in zip(body, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_problem(value: str) -> str | None:
    """None when `value` is a valid 18-digit citizen ID number, else the reason."""
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit() or not (value[17].isdigit()
                                                            or value[17] == "X"):
        return "身份证号应为17位数字加1位校验码 / an ID number is 17 digits and a check character"
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "出生日期无效 / the birth date inside is not a date"
    if id_check_char(value[:17]) != value[17]:
        return "校验码错误 / wrong check digit (GB 11643-1999)"
    return None


def mask_id(value: str) -> str:
    """The display form: first 3 and last 4 characters."""
    value = value.upper()
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def load_key(env: Mapping[str, str] | None = None) -> bytes:
    """The hashing key: env HUB_HASH_KEY, else the 0600 file named by HUB_HASH_KEY_FILE, else
    `hash.key` in the state folder (HUB_STATE_DIR; made on first use, so a demo needs no
    setup and no key is committed).
    """
    env = os.environ if env is None else env
    local = state_dir_of(env) / "hash.key"
    if not local.exists() and LEGACY_KEY_FILE.exists() and "HUB_STATE_DIR" not in env:
        local.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        LEGACY_KEY_FILE.rename(local)
    key = secret(env, "HUB_HASH_KEY", local)
    assert key is not None  # a local default is given, so there is always one
    return key.encode("utf-8")


def hash_id(key: bytes, value: str) -> str:
    """HMAC-SHA256 of the upper-cased ID number, hex: equal IDs match, the ID stays unknown."""
    return hmac.new(key, value.upper().encode("ascii"), hashlib.sha256).hexdigest()
