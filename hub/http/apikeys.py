"""API keys for other county systems, live: created, listed and revoked while the hub runs.

The key file holds lines `sha256 role unit-or-- name` (mode 0600), never a usable key. The
running hub looks at the file's identity (inode, size, modification time) at most once a
second and rereads it when that changed, so `hub apikey create` and `hub apikey revoke` take
effect within a second or two, without a restart. A file that no longer parses keeps the last
good set in force and says so in the log, rather than letting every key in or none.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hub.core import secrets as secret_store
from hub.core.principal import Principal
from hub.core.private import private_dir

log = logging.getLogger("hub.http.apikeys")
RECHECK_SECONDS = 1.0
ToPrincipal = Callable[[str, str | None, str], Principal]


@dataclass(frozen=True)
class KeyLine:
    digest: str
    role: str
    unit: str | None
    name: str

    def text(self) -> str:
        return f"{self.digest} {self.role} {self.unit or '-'} {self.name}\n"


def read_lines(path: Path) -> list[KeyLine]:
    """The file's entries; a missing file has none. ValueError names a malformed line."""
    if not path.exists():
        return []
    found: list[KeyLine] = []
    text = secret_store.read_file(path, "HUB_API_KEYS_FILE") if path.stat().st_size else ""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 4:
            raise ValueError(f"{path}:{number}: expected `sha256 role unit-or-- name`")
        digest, role, unit, name = parts
        found.append(KeyLine(digest, role, None if unit == "-" else unit, name))
    return found


def _write(path: Path, lines: list[KeyLine]) -> None:
    """Replace the file at once (a reader sees the old set or the new, never half)."""
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".api-keys.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.writelines(line.text() for line in lines)
    os.replace(tmp, path)


def create(path: Path, name: str, role: str, unit: str | None) -> str:
    """A new key named `name`; only its digest is kept. The key is returned once."""
    if not name or any(ch.isspace() for ch in name):
        raise ValueError(f"key name {name!r}: one word, no spaces / 名称须为一个词")
    key = secrets.token_urlsafe(32)
    digest = hashlib.sha256(key.encode()).hexdigest()
    _write(path, [*read_lines(path), KeyLine(digest, role, unit, name)])
    return key


def revoke(path: Path, name: str) -> int:
    """Remove every key named `name` (or whose digest starts with `name`); how many."""
    lines = read_lines(path)
    kept = [ln for ln in lines
            if ln.name != name and not (len(name) >= 8 and ln.digest.startswith(name))]
    if len(kept) != len(lines):
        _write(path, kept)
    return len(lines) - len(kept)


class LiveKeys:
    """The key file as the running hub sees it: reread when it changes."""

    def __init__(self, path: Path | None, to_principal: ToPrincipal,
                 fixed: Mapping[str, Principal] | None = None) -> None:
        self.path = path
        self._to_principal = to_principal
        self._keys: dict[str, Principal] = dict(fixed or {})
        self._seen: tuple[int, int, int] | None = None
        self._checked = float("-inf")
        if path is not None:
            self._keys = self._load(path)
            self._seen = self._identity(path)
            self._checked = time.monotonic()

    @staticmethod
    def _identity(path: Path) -> tuple[int, int, int] | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _load(self, path: Path) -> dict[str, Principal]:
        return {ln.digest: self._to_principal(ln.role, ln.unit, ln.name)
                for ln in read_lines(path)}

    def current(self) -> dict[str, Principal]:
        """The keys in force now, rereading the file if it changed since the last look."""
        path = self.path
        now = time.monotonic()
        if path is None or now - self._checked < RECHECK_SECONDS:
            return self._keys
        self._checked = now
        seen = self._identity(path)
        if seen != self._seen:
            try:
                self._keys = self._load(path) if seen is not None else {}
                self._seen = seen
            except Exception as exc:  # a bad edit must not open or close every door
                log.error("API key file %s not reloaded, the previous keys stay in force: %s",
                          path, exc)
        return self._keys
