"""Reading an import: a folder of CSV files, or one .xlsx workbook (hub/files/workbook.py),
one file/sheet per kind; each file's lines become raw rows in hub/files/rows.py.

CSV files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 (what Excel
writes on Chinese Windows), with any line ends; a file's name is matched without case. Cells
come back as stripped text; typing is `cells.py`'s. What cannot be read safely (an unknown
encoding, an empty file, an import with no rows) is a problem with its place, never a guess.

A CSV file is streamed: `scan` reads it once to settle its encoding (and count its lines,
for the progress bar), then its rows are parsed as they are consumed, so a county's largest
file is never held whole. A workbook is read whole (its sheets are zipped XML).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hub.files.problems import Problem
from hub.files.registry import KINDS
from hub.files.rows import EMPTY, Line, RawRow, each_raw_row
from hub.files.spec import Kind
from hub.files.workbook import workbook

__all__ = ["RawRow", "Source", "each_kind", "read", "read_each", "scan"]

_CHUNK = 1 << 20
_UNKNOWN = ("无法识别的文字编码，请另存为 “CSV UTF-8” / not UTF-8, GBK/GB18030 or UTF-16: "
            "save as “CSV UTF-8”")


@dataclass(frozen=True)
class Source:
    """One file or sheet of an import: its kind, about how many rows it holds, and its rows
    (read as they are iterated, for a CSV file)."""

    kind: Kind
    size: int
    rows: Callable[[], Iterable[RawRow]]


def _candidates(head: bytes) -> list[str]:
    if head.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return ["utf-16"]
    return ["utf-8", "gb18030"]


def _encoding(path: Path) -> tuple[str, int, bool] | None:
    """(encoding, lines, whether any text) of a CSV file, decoding it once chunk by chunk;
    None if no encoding Excel writes decodes it."""
    with path.open("rb") as file:
        head = file.read(4)
        for encoding in _candidates(head):
            file.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            lines, text = 0, False
            try:
                while chunk := file.read(_CHUNK):
                    part = decoder.decode(chunk)
                    lines += part.count("\n")
                    text = text or bool(part.strip())
                rest = decoder.decode(b"", final=True)  # a truncated last character fails here
                text = text or bool(rest.strip())
            except UnicodeDecodeError:
                continue
            return encoding, lines, text
    return None


def _lines(path: Path, encoding: str, problems: list[Problem]) -> Iterator[Line]:
    try:
        with path.open(encoding=encoding, newline="") as file:
            reader = csv.reader(file)
            try:
                for values in reader:
                    yield reader.line_num, values, frozenset()
            except csv.Error as exc:
                problems.append(Problem(path.name, reader.line_num + 1, None, None,
                                        f"不是有效的 CSV / not a readable CSV line ({exc})"))
    except OSError as exc:
        problems.append(Problem(path.name, None, None, None,
                                f"无法读取文件 / cannot read the file ({exc.strerror})"))


def _csv(kind: Kind, path: Path, problems: list[Problem]) -> Source:
    """The file as a source of rows; none, with the problem noted, if it cannot be read."""
    nothing = Source(kind, 0, _held([]))
    try:
        found = _encoding(path)
    except OSError as exc:
        problems.append(Problem(path.name, None, None, None,
                                f"无法读取文件 / cannot read the file ({exc.strerror})"))
        return nothing
    if found is None:
        problems.append(Problem(path.name, None, None, None, _UNKNOWN))
        return nothing
    encoding, lines, text = found
    if not text:
        problems.append(Problem(path.name, None, None, None, EMPTY))
        return nothing
    return Source(kind, max(lines, 1) - 1,
                  lambda: each_raw_row(kind, path.name, _lines(path, encoding, problems),
                                       problems))


def _held(rows: list[RawRow]) -> Callable[[], Iterable[RawRow]]:
    return lambda: rows


def scan(path: Path, problems: list[Problem],
         on_file: Callable[[int, int], None] | None = None) -> list[Source]:
    """Every file or sheet found at `path`, in the order of KINDS, adding to `problems` what
    makes one unreadable. `on_file(done, total)` is told of each file or sheet scanned."""
    done = on_file or (lambda _done, _total: None)
    if path.is_file() and path.suffix.lower() == ".xlsx":
        if path.stat().st_size == 0:
            problems.append(Problem(path.name, None, None, None, EMPTY))
            return []
        sheets = workbook(path, done, problems)
        return [Source(kind, len(rows), _held(rows))
                for kind in KINDS if (rows := sheets.get(kind.name)) is not None]
    if path.is_dir():
        # Windows keeps `HOUSEHOLDS.CSV` as typed: a file's name is matched without case.
        files = {p.name.lower(): p for p in sorted(path.iterdir())
                 if p.is_file() and p.suffix.lower() == ".csv"}
        expected = {kind.file for kind in KINDS}
        for extra in sorted(p.name for name, p in files.items() if name not in expected):
            problems.append(Problem(extra, None, None, None, "未知的文件 / unknown file name"))
        present = [kind for kind in KINDS if kind.file in files]
        done(0, len(present))
        sources: list[Source] = []
        for number, kind in enumerate(present, start=1):
            sources.append(_csv(kind, files[kind.file], problems))
            done(number, len(present))
        return sources
    problems.append(Problem(str(path), None, None, None, "应为 CSV 文件夹或 .xlsx 工作簿 / "
                            "not a CSV folder or .xlsx workbook"))
    return []


def read_each(path: Path, problems: list[Problem],
              on_file: Callable[[int, int], None] | None = None
              ) -> Iterator[tuple[str, Iterator[RawRow]]]:
    """`read`, one kind at a time in the order of KINDS, each kind's rows read as they are
    iterated (iterate them before asking for the next kind), adding to `problems` as it goes."""
    return each_kind(path, scan(path, problems, on_file), problems)


def each_kind(path: Path, sources: list[Source], problems: list[Problem]
              ) -> Iterator[tuple[str, Iterator[RawRow]]]:
    """The rows of `sources` (found by `scan`), as `read_each` gives them."""
    found = [0]

    def counted(rows: Iterable[RawRow]) -> Iterator[RawRow]:
        for row in rows:
            found[0] += 1
            yield row

    for source in sources:
        yield source.kind.name, counted(source.rows())
    if not problems and not found[0]:
        problems.append(Problem(path.name, None, None, None,
                                "没有可导入的数据行 / no data rows to import"))


def read(path: Path, on_file: Callable[[int, int], None] | None = None
         ) -> tuple[dict[str, list[RawRow]], list[Problem]]:
    """Every row of every kind found at `path`, and the problems met while reading.
    `on_file(done, total)` is told of each file or sheet read (a progress bar)."""
    problems: list[Problem] = []
    return {name: list(rows) for name, rows in read_each(path, problems, on_file)}, problems
