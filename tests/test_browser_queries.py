"""The saved Neo4j Browser queries in cypher/browser/ draw what they say on the demo county.

Each file is pasted into Browser as it is (README, docs/browser/), so besides returning rows
it must be one statement, document every `$param` it uses as a `:param` line, and stay
inside the township or industries it was given.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hub.graph.cypher import Queries
from hub.graph.db import Database

REPORT = dt.date(2023, 6, 30)


def _graph(rows: list[dict[str, Any]], column: str = "p") -> tuple[list[dict[str, Any]], set[str]]:
    """Nodes (property maps) and relationship types in the paths of `column`.

    The driver's `Record.data()` turns a path into [node, TYPE, node, TYPE, …].
    """
    nodes: list[dict[str, Any]] = []
    types: set[str] = set()
    for row in rows:
        for item in row[column]:
            if isinstance(item, str):
                types.add(item)
            else:
                nodes.append(item)
    return nodes, types


def _codes(nodes: list[dict[str, Any]]) -> set[str]:
    return {n["code"] for n in nodes}


def test_every_browser_query_is_one_documented_statement() -> None:
    queries = Queries().group("browser")
    assert {q.name for q in queries} >= {
        "browser.four_level_chain", "browser.non_public_economy", "browser.grid_gaps"}
    for q in queries:
        title = q.doc.splitlines()[0]
        assert re.search(r"[\u4e00-\u9fff]", title), f"{q.name}: title line in Chinese"
        assert re.search(r"[A-Za-z]{3}", q.doc), f"{q.name}: an English line too"
        assert not q.text.rstrip().endswith(";"), f"{q.name}: no trailing ; (one statement)"
        assert len(q.statements()) == 1, q.name
        used = set(re.findall(r"\$([A-Za-z_]\w*)", q.text))
        documented = set(re.findall(r":param (\w+) =>", q.doc))
        assert used == documented, f"{q.name}: $params used {used} vs :param lines {documented}"


async def test_four_level_chain_of_one_community(demo: Database) -> None:
    rows = await demo.read("browser.four_level_chain", township="XC-T01", unit="XC-T01-C02",
                           asOf=REPORT)
    assert rows
    nodes, types = _graph(rows)
    codes = _codes(nodes)
    assert {"UNDER", "MEMBER_OF", "LINKS"} <= types
    assert {"XC-T01", "P-XC-T01", "P-XC-T01-C02", "P-XC-T01-V01"} <= codes
    assert any(c.startswith("P-XC-T01-C02-G") for c in codes), "grid orgs of the community"
    assert any(re.fullmatch(r"M\d+", c) for c in codes), "members"
    assert any(re.fullmatch(r"H\d+", c) for c in codes), "linked households"
    orgs = {c for c in codes if c.startswith("P-")}
    assert all(c.startswith("P-XC-T01") for c in orgs), "nothing from another township"
    # Only the chosen community goes below the village/community level.
    assert not any(c.startswith("P-XC-T01-C01-G") for c in orgs)


async def test_four_level_chain_of_a_village_has_no_grid_level(demo: Database) -> None:
    rows = await demo.read("browser.four_level_chain", township="XC-T01", unit="XC-T01-V01",
                           asOf=REPORT)
    nodes, types = _graph(rows)
    codes = _codes(nodes)
    assert "XC-T01-V01" in codes and "LINKS" in types
    assert not any(re.search(r"-G\d+", c) for c in codes), "the demo villages have no grids"


async def test_four_level_chain_of_a_unit_outside_the_township_stops_at_the_committee(
    demo: Database,
) -> None:
    rows = await demo.read("browser.four_level_chain", township="XC-T01", unit="XC-T02-C01",
                           asOf=REPORT)
    nodes, types = _graph(rows)
    assert types == {"IN", "UNDER"}
    assert not any(c.startswith("P-XC-T02") for c in _codes(nodes))


async def test_non_public_economy_shows_both_coverages(demo: Database) -> None:
    industries = ["culture_tourism", "property_management", "freight"]
    rows = await demo.read("browser.non_public_economy", industries=industries, asOf=REPORT)
    assert rows
    nodes, types = _graph(rows)
    codes = _codes(nodes)
    assert {"UNDER", "COVERS", "GUIDES", "SENT_BY"} <= types
    assert {"P-I-CT", "P-I-PM", "P-I-FR", "P-XC-LX"} <= codes, "industry orgs under 两新工委"
    assert any(re.fullmatch(r"P-E\d+", c) for c in codes), "enterprise Party orgs"
    assert any(re.fullmatch(r"I\d+", c) for c in codes), "instructors"
    assert any(re.fullmatch(r"D-\d+", c) for c in codes), "their departments"
    # Enterprises (and industry orgs) of other industries stay out of the picture.
    assert all(n["industry"] in industries for n in nodes if "industry" in n)


async def test_non_public_economy_draws_uncovered_enterprises_alone(demo: Database) -> None:
    rows = await demo.read("browser.non_public_economy", industries=["manufacturing"],
                           asOf=REPORT)
    alone = [r["p"] for r in rows if len(r["p"]) == 1]
    assert alone, "manufacturing has enterprises with neither an org nor an instructor"


async def test_grid_gaps_find_the_planted_gaps(demo: Database) -> None:
    part_time = await demo.read("browser.grid_gaps", township="XC-T02", asOf=REPORT)
    assert {r["grid"] for r in part_time} == {"XC-T02-C01-G01", "XC-T02-C01-G02"}
    assert {r["gapEn"] for r in part_time} == {"part-time workers only"}
    assert {r["gapZh"] for r in part_time} == {"只有兼职网格员"}
    _, types = _graph(part_time)
    assert {"IN", "SERVES"} <= types

    before = await demo.read("browser.grid_gaps", township="XC-T01", asOf=dt.date(2022, 6, 30))
    assert {(r["grid"], r["gapEn"]) for r in before} == {("XC-T01-C01-G02", "no grid Party org")}

    today = await demo.read("browser.grid_gaps", township="XC-T01", asOf=dt.date(2026, 11, 27))
    assert {(r["grid"], r["gapEn"]) for r in today} == {
        ("XC-T01-C01-G03", "no grid Party org; no grid worker")}

    assert await demo.read("browser.grid_gaps", township="XC-T01", asOf=REPORT) == []


async def test_grid_gaps_draw_why_a_grid_is_a_gap(demo: Database) -> None:
    rows = await demo.read("browser.grid_gaps", township="XC-T01", asOf=dt.date(2026, 11, 27))
    assert rows
    for row in rows:
        # The virtual Gap node carries the reason; the GAP relationship hangs it off the grid.
        assert row["gap"] == {"name": row["gapZh"], "nameEn": row["gapEn"], "grid": row["grid"]}
        start, kind, end = row["why"]
        assert (start["code"], kind, end) == (row["grid"], "GAP", row["gap"])
    assert {r["gap"]["name"] for r in rows} == {"没有网格党组织；没有网格员"}
    rules = _grass_rules()
    gap = rules["Gap"]
    assert gap["caption"] == '"{name}"'
    others = {(r.get("color"), r.get("border-color")) for k, r in rules.items() if k != "Gap"}
    assert (gap["color"], gap["border-color"]) not in others, "a Gap looks like nothing else"


def _grass_rules() -> dict[str, dict[str, str]]:
    """docs/browser/style.grass as {label: {property: value}}."""
    from hub.core.settings import PROJECT_ROOT

    text = (PROJECT_ROOT / "docs" / "browser" / "style.grass").read_text(encoding="utf-8")
    return {m.group(1): dict(re.findall(r"([\w-]+):\s*([^;]+);", m.group(2)))
            for m in re.finditer(r"node\.(\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}", text)}


async def test_each_level_of_party_org_has_a_label_browser_styles_apart(demo: Database) -> None:
    from schema.kinds import OrgKind

    label = {k.value: "".join(w.title() for w in k.value.split("_")) for k in OrgKind}
    rows = await demo.read("testing.org_kind_labels")
    assert {r["kind"] for r in rows} >= {"township_committee", "village_org", "community_org",
                                          "grid_branch", "grid_group", "industry_org",
                                          "enterprise_org"}
    for row in rows:
        assert row["extra"] == [label[row["kind"]]], row
    rules = _grass_rules()
    levels = [label[k] for k in ("township_committee", "village_org", "grid_branch",
                                 "grid_group", "industry_org", "enterprise_org")]
    assert all(rules[lv]["caption"] == '"{name}"' for lv in levels)
    looks = {(rules[lv]["color"], rules[lv]["diameter"]) for lv in levels}
    assert len(looks) == len(levels), "every level looks different"
    # Browser merges matching rules in order: the kind's rule must come after PartyOrg's.
    order = list(rules)
    assert all(order.index(lv) > order.index("PartyOrg") for lv in levels)
