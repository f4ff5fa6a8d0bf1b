"""Full re-import of records' relationships: what the file no longer lists is closed.

With `full`, a file of a relationship kind (memberships, member links, …) lists *all* the
open relationships of its owners: every record it names in its first column (the member, the
organisation, the instructor, the cadre), and every record of the owner's kind that the same
import lists in that kind's own file (a member in members.csv whose last link was taken out of
member_links.csv owns no link any more). An owner's open relationship of that kind that the
file no longer lists is closed with `until` = the import day — never deleted, so the history
stays. Other records are left alone, and so are relationships whose file has no rows in the
import. Runs in the import's own transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from hub.files.registry import BY_NAME
from hub.graph.db import Tx

# The relationship kinds a full import closes: kind → (owner column, other-end column).
CLOSING: dict[str, tuple[str, str]] = {
    "memberships": ("member", "org"),
    "member_links": ("member", "household"),
    "member_reports": ("member", "community"),
    "joint_members": ("org", "committee"),
    "org_coverage": ("org", "enterprise"),
    "guidance": ("instructor", "enterprise"),
    "cadre_posts": ("cadre", "unit"),
}
# The kind whose own file names the owners of each closing kind.
OWNER_KIND: dict[str, str] = {
    "memberships": "members", "member_links": "members", "member_reports": "members",
    "joint_members": "party_orgs", "org_coverage": "party_orgs", "guidance": "instructors",
    "cadre_posts": "cadres",
}


def owners(kind: str, items: list[dict[str, object]],
           named: Sequence[Mapping[str, object]] = ()) -> list[dict[str, object]]:
    """Per owner, the [other end, since] pairs the file keeps; `named` are the rows of the
    owner kind's own file, whose records own what they are not listed with."""
    owner_key, other_key = CLOSING[kind]
    keep: dict[str, list[list[object]]] = {str(row["code"]): [] for row in named}
    for item in items:
        keep.setdefault(str(item[owner_key]), []).append([item[other_key], item["since"]])
    return [{"code": code, "keep": pairs} for code, pairs in sorted(keep.items())]


async def close_missing(tx: Tx, by_kind: dict[str, list[dict[str, object]]],
                        on: date) -> dict[str, int]:
    """Close what the file no longer lists; how many relationships were closed per kind."""
    closed: dict[str, int] = {}
    for kind in CLOSING:
        items = by_kind.get(kind)
        if not items:
            continue
        named = by_kind.get(OWNER_KIND[kind], [])
        rows = await tx.run(f"close.{BY_NAME[kind].name}", owners=owners(kind, items, named),
                            on=on)
        closed[kind] = sum(int(r["closed"]) for r in rows)
    return closed
