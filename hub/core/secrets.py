"""Secrets come from the environment or from a file readable by its owner alone.

`NAME` holds the secret itself; `NAME_FILE` names a file holding it. A file that the group or
others can read is refused rather than trusted. For the local set-up only, a missing secret is
generated into the hub's state folder (git-ignored) with mode 0600.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path

from hub.core.errors import SecretError
from hub.core.private import private_dir


def read_file(path: Path, name: str) -> str:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        raise SecretError(name=name, path=str(path), reason="file not found / 文件不存在") from None
    if mode & 0o077:
        raise SecretError(name=name, path=str(path),
                          reason=f"mode {mode:o}: readable by others / 其他用户可读，请 chmod 600")
    value = path.read_text(encoding="utf-8").strip()
    if not value:
        raise SecretError(name=name, path=str(path), reason="empty / 文件为空")
    return value


def generate_file(path: Path, nbytes: int = 32) -> str:
    """Create `path` with a fresh random secret, mode 0600, in a 0700 folder, unless it exists."""
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_file(path, path.name)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(nbytes))
    return read_file(path, path.name)


def secret(env: Mapping[str, str], name: str, local_default: Path | None) -> str | None:
    """The secret `name` from the environment, its file, or (local set-up) a generated file."""
    if env.get(name):
        return env[name]
    if env.get(f"{name}_FILE"):
        return read_file(Path(env[f"{name}_FILE"]), name)
    if local_default is not None:
        return generate_file(local_default)
    return None
