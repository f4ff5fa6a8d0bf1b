"""Where each kind of Party organisation may lie (docs/model.md, `PartyOrg.kind`): a grid
branch or group in a grid, a village organisation in a village, a community organisation in
a community, and so on. An organisation placed elsewhere would silently drop out of every
figure and coverage query that looks for it where it belongs, so the row is refused.
"""

from __future__ import annotations

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


def misplaced(kind: str, labels: set[str]) -> str | None:
    """Why an organisation of `kind` cannot lie in a unit of `labels`, or None if it fits."""
    fits = PLACE_OF_ORG.get(kind, ())
    if not labels or labels & set(fits):
        return None
    found = "/".join(sorted(labels))
    return (f"{kind} 类党组织应位于 {'/'.join(fits)}，此编码是 {found} / a {kind} must lie in a "
            f"{' or '.join(fits)}, this code names a {found}")
