"""Holding one claimed figure against the graph's value: units, stated precision, and why.

A report writes "153 %" where the graph holds 153.1: the claim is stated to whole numbers,
so it is compared to whole numbers (153.1 rounds to 153: borne out; 152 is not). The
precision is what the claim states, read from the shortest decimal form of its value.

Every part of a figure has a unit, read from its name as the figure queries write them
(`…Pct` percent, `…Yuan` yuan, `all…` a yes/no flag, anything else a count). A claim may
say its own unit: a ratio (0.531) against a percent part (53.1) is converted; a claim in a
unit that cannot be converted is not borne out, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum


class Unit(Enum):
    COUNT = "count"  # 个数 / a count
    PERCENT = "percent"  # 百分比（53.1 表示 53.1%）/ a percent (53.1 means 53.1 %)
    RATIO = "ratio"  # 比率（0.531 表示 53.1%）/ a ratio (0.531 means 53.1 %)
    YUAN = "yuan"  # 金额（元）/ an amount in yuan
    FLAG = "flag"  # 是/否（1/0）/ yes or no (1 or 0)


UNIT_ZH = {Unit.COUNT: "计数", Unit.PERCENT: "百分比", Unit.RATIO: "比率", Unit.YUAN: "元",
           Unit.FLAG: "是/否"}


class Status(Enum):
    BORNE_OUT = "borne_out"
    NOT_BORNE_OUT = "not_borne_out"
    UNKNOWN_FIGURE = "unknown_figure"
    UNKNOWN_PART = "unknown_part"
    NOT_COMPUTED = "not_computed"


def unit_of(part: str) -> Unit:
    """A part's unit, from the name its figure query gives it."""
    if part.endswith("Pct"):
        return Unit.PERCENT
    if part.endswith("Yuan"):
        return Unit.YUAN
    if part.startswith("all") and part[3:4].isupper():
        return Unit.FLAG
    return Unit.COUNT


def decimals(value: float) -> int:
    """How many decimals a claimed value states (153 → 0, 153.1 → 1, 0.531 → 3)."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _text(value: float) -> str:
    return format(Decimal(repr(value)).normalize(), "f")


@dataclass(frozen=True)
class Verdict:
    status: Status
    zh: str
    en: str


def judge(claimed: float, claimed_unit: Unit | None, at_least: bool, actual: float,
          part_unit: Unit) -> Verdict:
    """The verdict on one claim whose figure and part were found, with its reason."""
    value, note_zh, note_en = claimed, "", ""
    if claimed_unit is Unit.RATIO and part_unit is Unit.PERCENT:
        value = float(Decimal(repr(claimed)) * 100)
        note_zh = f"所称比率 {_text(claimed)} 折合 {_text(value)}%；"
        note_en = f"the claimed ratio {_text(claimed)} is {_text(value)} %; "
    elif claimed_unit is Unit.PERCENT and part_unit is Unit.RATIO:
        value = float(Decimal(repr(claimed)) / 100)
        note_zh = f"所称 {_text(claimed)}% 折合比率 {_text(value)}；"
        note_en = f"the claimed {_text(claimed)} % is the ratio {_text(value)}; "
    elif claimed_unit not in (None, part_unit):
        assert claimed_unit is not None
        return Verdict(
            Status.NOT_BORNE_OUT,
            f"该部分单位为{UNIT_ZH[part_unit]}，所称单位为{UNIT_ZH[claimed_unit]}，无法比较",
            f"the part is a {part_unit.value}, the claim a {claimed_unit.value}: "
            "they cannot be compared")
    places = decimals(value)
    rounded = float(Decimal(repr(actual)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))
    shown_zh = f"图谱值 {_text(actual)}"
    shown_en = f"the graph holds {_text(actual)}"
    if at_least:
        ok = actual >= value
        zh = f"{shown_zh}，{'不少于' if ok else '少于'}所称下限 {_text(value)}"
        en = f"{shown_en}, {'at least' if ok else 'less than'} the claimed floor {_text(value)}"
    else:
        ok = rounded == value
        precision_zh = f"按所称精度（{places} 位小数）为 {_text(rounded)}"
        precision_en = f"{_text(rounded)} at the stated precision ({places} decimals)"
        zh = f"{shown_zh}，{precision_zh}，{'与所称一致' if ok else f'与所称 {_text(value)} 不符'}"
        en = f"{shown_en}, {precision_en}: {'as claimed' if ok else f'not {_text(value)}'}"
    # A percent part claimed as, say, 0.531: read as a ratio it is nearer the graph's value.
    if (not ok and claimed_unit is None and part_unit is Unit.PERCENT
            and abs(claimed * 100 - actual) < abs(claimed - actual)):
        zh += "；该部分为百分比，所称若为比率请注明 unit: RATIO"
        en += "; the part is a percent: if the claim is a ratio, say unit: RATIO"
    return Verdict(Status.BORNE_OUT if ok else Status.NOT_BORNE_OUT, note_zh + zh,
                   note_en + en)


def unknown_figure(figure: str, known: list[str]) -> Verdict:
    listed = f"{known[0]}–{known[-1]}" if known else "—"
    return Verdict(Status.UNKNOWN_FIGURE, f"报告没有数字 {figure}（有 {listed}）",
                   f"the report has no figure {figure} (it has {listed})")


def unknown_part(figure: str, part: str, parts: list[str]) -> Verdict:
    listed = ", ".join(parts) or "—"
    return Verdict(Status.UNKNOWN_PART, f"{figure} 没有部分 {part}；其部分为 {listed}",
                   f"{figure} has no part {part}; its parts are {listed}")


def not_computed(figure: str, message: str) -> Verdict:
    return Verdict(Status.NOT_COMPUTED, f"{figure} 未能计算：{message}",
                   f"{figure} could not be computed: {message}")
