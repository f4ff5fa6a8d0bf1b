"""Property-based tests of the importer (issue #19, item 6): every way staff write a date or a
phone number reads back as the same value, no text makes a cell raise, and importing the same
rows again changes nothing, whatever the rows.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.files.registry import BY_NAME
from hub.files.spec import Column
from hub.graph.db import Database
from hub.importer import import_path
from hub.importer.cells import cell, normal

KEY = b"property-test-key"
DATE = Column("since", "日期", "date")
PHONE = Column("phone", "电话", "phone", required=False)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
TERRITORIES = ["XC-T01-C01-G01", "XC-T02-C01-G01", "XC-T01-V01"]

days = st.dates(min_value=date(1927, 6, 1), max_value=date(2173, 10, 1))


def written(day: date, form: int) -> str:
    y, m, d = day.year, day.month, day.day
    return [f"{day.isoformat()}", f"{y}/{m}/{d}", f"{y}-{m}-{d}", f"{y}.{m}.{d}",
            f"{y}年{m}月{d}日", f"{y:04d}{m:02d}{d:02d}", f"{day.isoformat()} 00:00:00",
            f"{day.isoformat()}T00:00:00", str((day - date(1899, 12, 30)).days)][form]


@given(days, st.integers(min_value=0, max_value=8), st.booleans())
def test_every_written_form_of_a_date_reads_as_that_date(day: date, form: int,
                                                        wide: bool) -> None:
    text = written(day, form)
    if wide:
        text = text.translate(FULL_WIDTH)
    assert cell(DATE, normal(DATE, f" {text} ")) == (day, None)


@given(st.text(max_size=30))
def test_any_text_in_a_date_cell_is_a_date_or_a_reason(text: str) -> None:
    value, reason = cell(DATE, normal(DATE, text))
    assert (value is None) != (reason is None)
    assert value is None or isinstance(value, date)


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
separators = st.lists(st.sampled_from([" ", "-", "(", ")", "（", "）"]), max_size=3)


@given(mobiles, st.sampled_from(["", "86", "+86"]), separators, st.integers(0, 11))
def test_a_mobile_number_reads_back_bare_however_it_is_written(
        number: str, country: str, extra: list[str], at: int) -> None:
    text = country + number[:at] + "".join(extra) + number[at:]
    assert cell(PHONE, normal(PHONE, text)) == (number, None)


@given(st.text(max_size=20))
def test_any_text_in_a_phone_cell_is_a_number_or_a_reason(text: str) -> None:
    value, reason = cell(PHONE, normal(PHONE, text))
    assert (value is None) != (reason is None)
    assert value is None or (isinstance(value, str) and value.isdigit())


households = st.lists(
    st.tuples(st.integers(0, 999), st.sampled_from(["", "张三", "李四", "Ａ户"]),
              st.one_of(st.just(""), mobiles), st.one_of(st.just(""), st.integers(1, 9).map(str)),
              st.sampled_from(TERRITORIES), days.filter(lambda d: d <= date(2026, 1, 1))),
    min_size=1, max_size=12, unique_by=lambda row: row[0])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(households)
async def test_importing_the_same_rows_again_changes_nothing(
        demo: Database, rows: list[tuple[int, str, str, str, str, date]]) -> None:
    codes = [f"ZP-H{n:03d}" for n, *_ in rows]
    columns = BY_NAME["households"].columns
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "households.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh)
            out.writerow([col.header for col in columns])
            for (n, head, phone, size, territory, since), code in zip(rows, codes, strict=True):
                out.writerow([code, head, phone, size, "", territory, since.isoformat(),
                              (since + timedelta(days=400)).isoformat() if n % 5 == 0 else ""])
        try:
            first = await import_path(demo, Path(folder), key=KEY)
            again = await import_path(demo, Path(folder), key=KEY)
        finally:
            await demo.write("admin.delete_records", codes=codes)
    assert first.created == len(rows)
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": len(rows), "closed": 0}
