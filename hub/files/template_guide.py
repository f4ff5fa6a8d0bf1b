"""The instructions sheet of the import workbook (hub/files/templates.py), in Chinese and English:
the rules every sheet follows, then one line per sheet with what it holds, its required and
optional columns and the records it refers to — all read from the importer's registry, so
the guide says what the importer checks.
"""

from __future__ import annotations

from hub.files.registry import KINDS
from hub.files.spec import Column, Kind
from hub.files.workbook import INSTRUCTIONS

TITLE = f"填表说明({INSTRUCTIONS})"

RULES: tuple[tuple[str, str], ...] = (
    ("每个工作表对应一类记录，工作表名为“中文(英文键)”，第1行为表头，请勿改动表头、合并单元格或"
     "插入公式。",
     "Each sheet holds one kind of record, named “Chinese(English key)”; row 1 is the header. "
     "Do not change the header, merge cells or leave formulas."),
    ("必填列不能为空；可填列可以留空，留空表示“未知”，不会按 0 或空字符串计算。",
     "Required columns must be filled in; optional ones may be left empty, which means "
     "“unknown” (never counted as 0 or as an empty text)."),
    ("有下拉列表的列只能从列表中选择；是/否列填“是”或“否”。",
     "Columns with a drop-down list take only its values; yes/no columns take 是 or 否."),
    ("日期可写 2023-06-30、2023/6/30、2023-6-30、2023.6.30、2023年6月30日，"
     "或使用 Excel 日期单元格。",
     "Dates: 2023-06-30, 2023/6/30, 2023-6-30, 2023.6.30, 2023年6月30日, or an Excel date "
     "cell."),
    ("身份证号为18位（末位校验码，GB 11643-1999）；该列已设为“文本”格式，请保持，"
     "否则 Excel 会把号码存成数字并丢失末几位。身份证号只以加密散列和脱敏形式保存。",
     "ID numbers have 18 characters (the last a check character, GB 11643-1999). Their column "
     "is formatted as text: keep it so, or Excel stores the number and loses its last digits. "
     "ID numbers are kept only hashed and masked."),
    ("统一社会信用代码为18位（GB 32100-2015）。编码中的全角字母数字和首尾空格会自动转换。",
     "A USCC has 18 characters (GB 32100-2015). Full-width letters and digits and surrounding "
     "spaces in codes are folded automatically."),
    ("引用列填写本工作簿或系统中已有记录的编码；一行有误则整批不导入，并列出所有问题。",
     "Reference columns take the code of a record in this workbook or already in the hub. "
     "One wrong row refuses the whole import, and every problem is listed."),
    ("另存为 CSV 时可用 UTF-8 或 GBK（Excel 默认）编码。",
     "Saved as CSV, a sheet may be UTF-8 or GBK (Excel's default)."),
)
HEADER = ("工作表 / sheet", "内容 / what it holds", "必填列 / required columns",
          "可填列 / optional columns", "引用 / refers to")


def sheet_title(kind: Kind) -> str:
    return f"{kind.zh}({kind.name})"


def _columns(columns: list[Column]) -> str:
    return "、".join(col.header for col in columns) or "—"


def line(kind: Kind) -> tuple[str, str, str, str, str]:
    """One sheet's line of the guide."""
    what = (f"每行一条{kind.zh}记录 / one {kind.name} record per row (:{kind.label})"
            if kind.label else f"每行一条{kind.zh}关系 / one relationship per row")
    refs = "；".join(f"{col.header} → {'/'.join(col.ref)}" for col in kind.columns if col.ref)
    return (sheet_title(kind), what, _columns([c for c in kind.columns if c.required]),
            _columns([c for c in kind.columns if not c.required]), refs or "—")


def rows() -> list[tuple[str, ...]]:
    """The instructions sheet, row by row."""
    out: list[tuple[str, ...]] = [("填表说明 / How to fill in this workbook",)]
    out += [(zh, en) for zh, en in RULES]
    out += [(), HEADER]
    out += [line(kind) for kind in KINDS]
    return out
