"""The progress bar of `hub import`: files read while checking, rows written while writing.

On a terminal one line is redrawn in place with '\\r'. In a log (CI, a pipe, a file) each
tenth of the way is a line of its own instead, since carriage returns there pile up into one
unreadable line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

# How the importer reports: (stage, done, total), stage being a key of STAGES.
Tick = Callable[[str, int, int], None]


def quiet(_stage: str, _done: int, _total: int) -> None:
    """The progress of an import nobody watches (the web side, the demo county, tests)."""


STAGES = {"check": ("检查", "checking", "文件/files"), "write": ("写入", "writing", "行/rows")}
WIDTH = 30


def render(stage: str, done: int, total: int, width: int = WIDTH) -> str:
    """`写入/writing [###############---------------]  50% 2500/5000 行/rows`."""
    zh, en, unit = STAGES[stage]
    share = min(done / total, 1.0) if total > 0 else 1.0
    filled = int(share * width)
    return f"{zh}/{en} [{'#' * filled}{'-' * (width - filled)}] {share:4.0%} {done}/{total} {unit}"


class Bar:
    """A Tick that draws the bar on `out` (stdout by default)."""

    def __init__(self, out: TextIO | None = None, tty: bool | None = None) -> None:
        self.out = out or sys.stdout
        self.tty = self.out.isatty() if tty is None else tty
        self._open = False
        self._logged: tuple[str, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        finished = done >= total
        if self.tty:
            self.out.write("\r" + render(stage, done, total) + ("\n" if finished else ""))
            self._open = not finished
        else:
            tenth = 10 if finished else done * 10 // total
            if self._logged == (stage, tenth):
                return
            self._logged = (stage, tenth)
            self.out.write(render(stage, done, total) + "\n")
        self.out.flush()

    def close(self) -> None:
        """End a line an interrupted import left open, so that what follows starts afresh."""
        if self._open:
            self.out.write("\n")
            self.out.flush()
            self._open = False
