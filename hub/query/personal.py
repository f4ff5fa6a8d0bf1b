"""Personal data leaves the hub through here only: one place decides what a caller sees.

Citizen ID numbers never leave at all (the graph holds only a hash and a masked form).
Names and phone numbers are shown in clear to county and township staff, masked for grid
staff, and not at all to another system (the service role), which gets null.
"""

from __future__ import annotations

from collections.abc import Callable

from hub.core.principal import Principal


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧***: the surname's first character says enough to follow up."""
    if len(name) <= 1:
        return "*"
    return name[0] + "*" * (len(name) - 1)


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678."""
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def as_stored(value: str) -> str:
    return value


def reveal(principal: Principal, what: str) -> Callable[[str], str] | None:
    """How `principal` sees one kind of personal value (`name`, `phone`, `text` or `detail`):
    as stored (`as_stored`), masked, or not at all (None). Every rule below is this one."""
    if what == "text":  # free text about a person (an address) cannot be masked
        return as_stored if principal.sees_names_in_clear else None
    if not principal.sees_personal_data:
        return None
    if what == "detail" or principal.sees_names_in_clear:
        return as_stored
    return mask_name if what == "name" else mask_phone


def _shown(principal: Principal, what: str, value: str | None) -> str | None:
    how = reveal(principal, what)
    return None if value is None or how is None else how(value)


def shown_name(principal: Principal, name: str | None) -> str | None:
    return _shown(principal, "name", name)


def shown_phone(principal: Principal, phone: str | None) -> str | None:
    return _shown(principal, "phone", phone)


def shown_text(principal: Principal, text: str | None) -> str | None:
    """Free text about a person (an address): all or nothing, since it cannot be masked."""
    return _shown(principal, "text", text)
