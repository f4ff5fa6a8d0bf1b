"""A workbook is measured before it is read: an .xlsx is a zip, and 8 MB of zip can hold a
sheet of 1 GB of blank rows, which the reader would expand in memory row by row.

`check_workbook` refuses, before any sheet is parsed:

* an empty file, as the reader would (hub/files/rows.py);
* a file that is no zip, or whose compressed streams are corrupt (a bad deflate stream, a
  wrong CRC), with the importer's own bilingual problem instead of a `zlib.error`;
* a workbook whose central directory *declares* more than `limit` bytes once expanded;
* a workbook whose streams *actually* expand past `limit` (or past what their entry declares:
  the directory can lie), found by decompressing in small chunks and counting, so at most one
  chunk is in memory and the check stops the moment the limit is passed.

It is CPU work on up to `limit` bytes: callers run it off the event loop.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from hub.core.errors import WorkbookTooLarge
from hub.files.problems import ImportRejected, Problem
from hub.files.rows import EMPTY

CHUNK = 1024 * 1024
# An .xlsx holds a few dozen parts; thousands are a trick to make the directory the bomb.
MAX_MEMBERS = 4096


def _broken(path: Path, why: str) -> ImportRejected:
    reason = "不是有效的 .xlsx 工作簿 / not a valid .xlsx workbook"
    return ImportRejected(problems=[Problem(path.name, None, None, why, reason)])


def check_workbook(path: Path, limit: int) -> None:
    """Return quietly when `path` is a sound zip expanding to at most `limit` bytes."""
    if path.stat().st_size == 0:
        raise ImportRejected(problems=[Problem(path.name, None, None, None, EMPTY)])
    try:
        with zipfile.ZipFile(path) as book:
            members = book.infolist()
            if len(members) > MAX_MEMBERS:
                raise WorkbookTooLarge(member=f"{len(members)} parts", size=len(members),
                                       limit=MAX_MEMBERS)
            declared = sum(info.file_size for info in members)
            if declared > limit:
                biggest = max(members, key=lambda info: info.file_size)
                raise WorkbookTooLarge(member=biggest.filename, size=declared, limit=limit)
            total = 0
            for info in members:
                seen = 0
                with book.open(info) as stream:
                    while chunk := stream.read(CHUNK):
                        seen += len(chunk)
                        total += len(chunk)
                        if total > limit or seen > info.file_size:
                            raise WorkbookTooLarge(member=info.filename, size=f"> {total}",
                                                   limit=limit)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _broken(path, type(exc).__name__) from None
    except OSError as exc:
        raise _broken(path, exc.strerror or type(exc).__name__) from None
