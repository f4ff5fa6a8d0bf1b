"""Typing and checking one row's cells: required, type, allowed values, ID rules, date order.

An ID-number column never reaches the graph: it becomes `idHash` and `idMasked`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from hub.files.problems import Problem
from hub.files.rows import RawRow
from hub.files.spec import Column, Kind
from hub.importer.ids import hash_id, id_problem, mask_id, uscc_problem

Value = str | int | bool | date | None
# Mainland numbers as staff write them: 138 1234 5678, 0571-8765 4321, +86 138…
PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")
COUNTRY_CODE = re.compile(r"^\+?86(?=1\d{10}$)")
MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")
TRUE = {"是", "true", "yes", "y", "1", "√"}
FALSE = {"否", "false", "no", "n", "0", "×"}
AS_NUMBER = re.compile(r"\d(\.\d+)?E\+?\d+")
STORED_AS_NUMBER = ("该号码被 Excel 存成了数字（末几位已丢失），请把该列设为“文本”后重新填写 / "
                    "stored as a number, so Excel lost its last digits; format the column as "
                    "text and enter the numbers again")


# Dates as staff type them: 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日, 20230630, with an
# optional midnight time (what Excel, or another program's export, writes for a date).
_DATE = re.compile(r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))"
                   r"(?:(?:\s+|T)0{1,2}:00(?::00)?)?")
# Excel's serial day numbers count from 1899-12-30; five digits span 1927-05-18 … 2173-10-14,
# so a year (2023) or a stray number is never read as a date.
_SERIAL = re.compile(r"[1-9]\d{4}(?:\.0+)?")
_EXCEL_EPOCH = date(1899, 12, 30)
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+")


def _date(text: str) -> date | None:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        # The form nearly every cell has: read by the C parser, the rest by the pattern.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    found = _DATE.fullmatch(text)
    if found is None:
        if _SERIAL.fullmatch(text):
            return _EXCEL_EPOCH + timedelta(days=int(float(text)))
        return None
    year, month, day = found.group(1), found.group(2) or found.group(4), found.group(3) or \
        found.group(5)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _int(text: str) -> int | None:
    """A whole number as Excel writes it: 1,234 or 12.0 as well as 12."""
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else None


def normal(col: Column, text: str) -> str:
    """Codes, numbers, dates and listed values with full-width characters folded
    (`Ｈ９０００２４` → `H900024`); names and other free text as typed."""
    if not col.folds:
        return text
    # NFKC leaves ASCII as it is, and most cells are ASCII.
    return text.strip() if text.isascii() else unicodedata.normalize("NFKC", text).strip()


def cell(col: Column, text: str) -> tuple[Value, str | None]:
    """The typed value of `text`, or the reason it is refused."""
    if col.type == "int":
        number = _int(text)
        return (number, None) if number is not None else (None, "应为整数 / must be a whole number")
    if col.type == "date":
        found = _date(text)
        return (found, None) if found else (None, (
            "应为日期，如 2023-06-30、2023/6/30、2023年6月30日 / must be a date such as "
            "2023-06-30, 2023/6/30 or 2023年6月30日"))
    if col.type == "bool":
        lowered = text.lower()
        if lowered in TRUE:
            return True, None
        if lowered in FALSE:
            return False, None
        return None, "应为 是/否 / must be yes or no (是/否, true/false)"
    if col.type == "uscc":
        value = text.upper()
        return value, uscc_problem(value)
    if col.type == "idnum":
        value = text.upper()
        if AS_NUMBER.fullmatch(value):
            return None, STORED_AS_NUMBER
        reason = id_problem(value)
        if reason is not None and value.isdigit() and value.endswith("000"):
            # Excel keeps 15 significant digits: an 18-digit number ends in zeros.
            return None, STORED_AS_NUMBER
        return value, reason
    if col.type == "phone":
        value = COUNTRY_CODE.sub("", PHONE_SEPARATORS.sub("", text))
        if MOBILE.fullmatch(value) or LANDLINE.fullmatch(value):
            return value, None
        return None, ("应为 11 位手机号或带区号的固定电话 / must be an 11-digit mobile number "
                      "or a landline with its area code")
    if col.allowed and text not in col.allowed:
        return None, f"不在允许的取值中 / not one of: {', '.join(col.allowed)}"
    return text, None


def convert(kind: Kind, raw: RawRow, key: bytes,
            problems: list[Problem]) -> dict[str, Value] | None:
    """The row as query parameters, or None (with problems added) when any cell is refused."""
    out: dict[str, Value] = {}
    ok = True
    for col in kind.columns:
        text = normal(col, raw.cells.get(col.key, ""))
        if text and raw.numeric and col.type in ("idnum", "uscc") and col.key in raw.numeric:
            problems.append(Problem(raw.file, raw.line, col.header, text, STORED_AS_NUMBER))
            ok = False
            continue
        if text == "":
            if col.required:
                problems.append(Problem(raw.file, raw.line, col.header, "",
                                        "必填项为空 / required cell is empty"))
                ok = False
            if col.type == "idnum":
                out["idHash"] = out["idMasked"] = None
            else:
                out[col.key] = None
            continue
        if col.as_read:
            out[col.key] = text
            continue
        value, reason = cell(col, text)
        if reason is not None:
            problems.append(Problem(raw.file, raw.line, col.header, text, reason))
            ok = False
        elif col.type == "idnum" and isinstance(value, str):
            out["idHash"], out["idMasked"] = hash_id(key, value), mask_id(value)
        else:
            out[col.key] = value
    for first, second in kind.ordered:
        a, b = out.get(first), out.get(second)
        if isinstance(a, date) and isinstance(b, date) and not a < b:
            col = kind.column(second)
            problems.append(Problem(raw.file, raw.line, col.header, b.isoformat(),
                                    f"日期先后颠倒：应晚于 {kind.column(first).header} "
                                    f"{a.isoformat()} / must be after {first}"))
            ok = False
    return out if ok else None
