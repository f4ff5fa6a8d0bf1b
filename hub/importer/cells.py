"""Typing and checking one row's cells: required, type, allowed values, ID rules, date order.

An ID-number column never reaches the graph: it becomes `idHash` and `idMasked`.
"""

from __future__ import annotations

import re
from datetime import date

from hub.importer.ids import hash_id, id_problem, mask_id, uscc_problem
from hub.importer.problems import Problem
from hub.importer.read import RawRow
from hub.importer.spec import Column, Kind

Value = str | int | bool | date | None
# Mainland numbers as staff write them: 138 1234 5678, 0571-8765 4321, +86 138…
PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")
COUNTRY_CODE = re.compile(r"^\+?86(?=1\d{10}$)")
MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")
TRUE = {"是", "true", "yes", "y", "1", "√"}
FALSE = {"否", "false", "no", "n", "0", "×"}


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.replace("/", "-").replace(".", "-"))
    except ValueError:
        return None


def cell(col: Column, text: str) -> tuple[Value, str | None]:
    """The typed value of `text`, or the reason it is refused."""
    if col.type == "int":
        try:
            return int(text), None
        except ValueError:
            return None, "应为整数 / must be a whole number"
    if col.type == "date":
        found = _date(text)
        return (found, None) if found else (None, "应为日期 YYYY-MM-DD / must be a date")
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
        return value, id_problem(value)
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
        text = raw.cells.get(col.key, "")
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
