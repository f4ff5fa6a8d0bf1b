"""Files only their owner may read: the state folder 0700, secrets and data 0600.

The hub's state folder holds the generated secrets (JWT secret, ID-hash key, API-key digests)
and, for the local set-up, Neo4j's store, auth files and logs, which name people and record
queries. Created private, and made private again at start when an older copy was not.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def private_dir(path: Path) -> Path:
    """`path` as a folder only its owner may enter (made if missing, parents included)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def make_private(home: Path) -> None:
    """`home` 0700 and everything in it readable by its owner alone."""
    private_dir(home)
    for root, dirs, files in os.walk(home):
        for name in dirs:
            (Path(root) / name).chmod(0o700)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                path.chmod(stat.S_IMODE(path.stat().st_mode) & 0o700)
