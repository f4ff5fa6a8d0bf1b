"""Reading an import: a folder of CSV files, or one .xlsx workbook (hub/files/workbook.py),
one file/sheet per kind; each file's lines become raw rows in hub/files/rows.py.

CSV files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 (what Excel
writes on Chinese Windows), with any line ends; a file's name is matched without case. Cells
come back as stripped text; typing is `cells.py`'s. What cannot be read safely (an unknown
encoding, an empty file, an import with no rows) is a problem with its place, never a guess.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from hub.files.problems import Problem
from hub.files.registry import KINDS
from hub.files.rows import EMPTY, Line, RawRow, raw_rows
from hub.files.spec import Kind
from hub.files.workbook import workbook

__all__ = ["RawRow", "decode", "read", "read_each"]


def decode(data: bytes) -> str | None:
    """The text of a CSV file in any encoding Excel writes, or None."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _csv(kind: Kind, path: Path, problems: list[Problem]) -> list[RawRow]:
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        problems.append(Problem(path.name, None, None, None,
                                f"无法读取文件 / cannot read the file ({exc.strerror})"))
        return []
    if text is None:
        problems.append(Problem(path.name, None, None, None, (
            "无法识别的文字编码，请另存为 “CSV UTF-8” / not UTF-8, GBK/GB18030 or UTF-16: "
            "save as “CSV UTF-8”")))
        return []
    if not text.strip():
        problems.append(Problem(path.name, None, None, None, EMPTY))
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    lines: list[Line] = []
    try:
        for values in reader:
            lines.append((reader.line_num, values, frozenset()))
    except csv.Error as exc:
        problems.append(Problem(path.name, reader.line_num + 1, None, None,
                                f"不是有效的 CSV / not a readable CSV line ({exc})"))
        return []
    return raw_rows(kind, path.name, lines, problems)


def read(path: Path, on_file: Callable[[int, int], None] | None = None
         ) -> tuple[dict[str, list[RawRow]], list[Problem]]:
    """Every row of every kind found at `path`, and the problems met while reading.
    `on_file(done, total)` is told of each file or sheet read (a progress bar)."""
    problems: list[Problem] = []
    return dict(read_each(path, problems, on_file)), problems


def read_each(path: Path, problems: list[Problem],
              on_file: Callable[[int, int], None] | None = None
              ) -> Iterator[tuple[str, list[RawRow]]]:
    """`read`, one kind at a time in the order of KINDS (a CSV folder holds only one file's
    raw rows at once), adding to `problems` as it goes."""
    done = on_file or (lambda _done, _total: None)
    found = 0
    if path.is_file() and path.suffix.lower() == ".xlsx":
        if path.stat().st_size == 0:
            problems.append(Problem(path.name, None, None, None, EMPTY))
            return
        sheets = workbook(path, done, problems)
        for kind in KINDS:
            if kind.name in sheets:
                found += len(sheets[kind.name])
                yield kind.name, sheets.pop(kind.name)
    elif path.is_dir():
        # Windows keeps `HOUSEHOLDS.CSV` as typed: a file's name is matched without case.
        files = {p.name.lower(): p for p in sorted(path.iterdir())
                 if p.is_file() and p.suffix.lower() == ".csv"}
        expected = {kind.file for kind in KINDS}
        for extra in sorted(p.name for name, p in files.items() if name not in expected):
            problems.append(Problem(extra, None, None, None, "未知的文件 / unknown file name"))
        present = [kind for kind in KINDS if kind.file in files]
        done(0, len(present))
        for number, kind in enumerate(present, start=1):
            raw = _csv(kind, files[kind.file], problems)
            done(number, len(present))
            found += len(raw)
            yield kind.name, raw
    else:
        problems.append(Problem(str(path), None, None, None, "应为 CSV 文件夹或 .xlsx 工作簿 / "
                                "not a CSV folder or .xlsx workbook"))
        return
    if not problems and not found:
        problems.append(Problem(path.name, None, None, None,
                                "没有可导入的数据行 / no data rows to import"))
