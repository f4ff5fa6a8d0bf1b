"""The hub's own `Date` scalar: Strawberry's raises an English error without a location for
a wrong literal. This one raises a `ValueError` that names the value in both languages, which
graphql-core reports with the literal's or the variable's location (hub/http/request_errors.py
gives it its code)."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types.scalar import ScalarDefinition, ScalarWrapper


def parse_date(value: object) -> date:
    # `fromisoformat` also takes "20230630" and week dates; the hub documents one form only.
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"日期须写作 YYYY-MM-DD（如 2023-06-30），收到 {value!r} / "
                     f"a date is written YYYY-MM-DD (e.g. 2023-06-30), got {value!r}")


DateScalar = strawberry.scalar(
    name="Date",
    description="日期，写作 YYYY-MM-DD / a calendar date, written YYYY-MM-DD",
    serialize=date.isoformat,
    parse_value=parse_date,
)




SCALAR_OVERRIDES: dict[object, type | ScalarWrapper | ScalarDefinition] = {date: DateScalar}
