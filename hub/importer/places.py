"""Where each kind of Party organisation may lie and what it may be under (docs/model.md,
`PartyOrg.kind`): a grid branch or group in a grid, under its village or community
organisation; a village organisation in a village, a community organisation in a community,
both under a township committee; and so on. An organisation placed elsewhere would silently
drop out of every figure and coverage query that looks for it where it belongs (the
four-level chain, grid coverage, branch sizes), so the row is refused. A missing parent is
not refused here: the chain figure (F13) reports organisations off the chain.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

# PartyOrg.kind → the territory labels it may be IN.
PLACE_OF_ORG: dict[str, tuple[str, ...]] = {
    "county_committee": ("County",),
    "township_committee": ("Township",),
    "village_org": ("Village",),
    "community_org": ("Community",),
    "grid_branch": ("Grid",),
    "grid_group": ("Grid",),
    "agency_org": ("County",),
    "industry_org": ("County",),
    # where its (first) enterprise lies: a township or a community
    "enterprise_org": ("Township", "Community"),
}


# PartyOrg.kind → the kinds of Party organisation it may be UNDER. A grid's organisation
# answers to the village or community its grid lies in; a group may sit inside a branch.
PARENT_OF_ORG: dict[str, tuple[str, ...]] = {
    "county_committee": ("county_committee",),
    "township_committee": ("county_committee",),
    "village_org": ("township_committee",),
    "community_org": ("township_committee",),
    "grid_branch": ("community_org", "village_org"),
    "grid_group": ("community_org", "village_org", "grid_branch"),
    "agency_org": ("county_committee",),
    "industry_org": ("county_committee",),
    "enterprise_org": ("industry_org", "county_committee"),
}


def misplaced(kind: str, labels: AbstractSet[str]) -> str | None:
    """Why an organisation of `kind` cannot lie in a unit of `labels`, or None if it fits."""
    fits = PLACE_OF_ORG.get(kind, ())
    if not labels or labels & set(fits):
        return None
    found = "/".join(sorted(labels))
    return (f"{kind} 类党组织应位于 {'/'.join(fits)}，此编码是 {found} / a {kind} must lie in a "
            f"{' or '.join(fits)}, this code names a {found}")


def wrongly_under(kind: str, parent_kind: str | None) -> str | None:
    """Why an organisation of `kind` cannot be under one of `parent_kind`, or None."""
    fits = PARENT_OF_ORG.get(kind, ())
    if parent_kind is None or parent_kind in fits:
        return None
    return (f"{kind} 类党组织的上级应为 {'/'.join(fits)}，此编码是 {parent_kind} / a {kind} must "
            f"be under a {' or '.join(fits)}, this code names a {parent_kind}")
