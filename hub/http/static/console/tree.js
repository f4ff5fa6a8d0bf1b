// The four-level chain of one township as a tree to open level by level: the township
// committee, the village and community organisations, the grid branches and groups, and the
// Party members with the households they look after (loaded when a branch is opened).
import { gql } from "./api.js";
import { bi, el, loading, message } from "./dom.js";

// Each level's own organisations only (a community also hosts enterprise organisations).
const orgs = (...kinds) =>
  `partyOrgs(kinds: [${kinds}], first: 20) { nodes { code name orgKind } }`;
const CHAIN = `query ConsoleChain($code: String!, $asOf: Date) {
  unit(code: $code, asOf: $asOf) {
    ... on Township { code name ${orgs("TOWNSHIP_COMMITTEE")}
      villages(first: 100) { nodes { code name ${orgs("VILLAGE_ORG")} } }
      communities(first: 100) { nodes { code name ${orgs("COMMUNITY_ORG")}
        grids(first: 100) { nodes { code name ${orgs("GRID_BRANCH", "GRID_GROUP")} } } } } }
    ... on UnitNotFound { message }
  }
}`;
const MEMBERS = `query ConsoleMembers($code: String!, $asOf: Date) {
  unit(code: $code, asOf: $asOf) { ... on PartyOrg {
    members(first: 100) { totalCount nodes { code name
      households(first: 20) { nodes { code head } } } } } }
}`;
const TOWNSHIPS = `query ConsoleTownships($asOf: Date) {
  units(kind: TOWNSHIP, first: 100, asOf: $asOf) { ... on UnitConnection { nodes { code name } } }
}`;

// By the GraphQL enum's names; the style classes are the kinds' values (lower case).
const KIND = {
  TOWNSHIP_COMMITTEE: ["乡镇党委", "township committee"],
  VILLAGE_ORG: ["村党组织", "village org"], COMMUNITY_ORG: ["社区党组织", "community org"],
  GRID_BRANCH: ["网格党支部", "grid branch"], GRID_GROUP: ["网格党小组", "grid group"],
};

function orgLabel(org) {
  const [zh, en] = KIND[org.orgKind] ?? [org.orgKind, ""];
  return [el("b", {}, org.name), " ", el("span", { class: `kind ${org.orgKind.toLowerCase()}` }, zh,
    el("small", {}, ` ${en}`))];
}

function lazyMembers(org, state) {
  const list = el("ul", {}, el("li", { class: "muted" }, ...bi("展开以加载党员", "open to load members")));
  const node = el("details", { "data-org": org.code }, el("summary", {}, ...orgLabel(org)), list);
  node.addEventListener("toggle", async () => {
    if (!node.open || node.dataset.loaded) return;
    node.dataset.loaded = "1";
    list.replaceChildren(el("li", {}, loading()));
    try {
      const found = (await gql(MEMBERS, { code: org.code, asOf: state.asOf })).unit;
      list.replaceChildren(...found.members.nodes.map((m) => el("li", { class: "member" },
        el("span", { class: "kind member" }, "党员 "), m.name ?? m.code,
        m.households.nodes.length ? el("span", { class: "muted" }, " → 联系户 / households: ",
          m.households.nodes.map((h) => h.head ?? h.code).join("、")) : null)));
      if (!found.members.nodes.length) list.replaceChildren(el("li", { class: "muted" }, "—"));
    } catch (e) {
      list.replaceChildren(el("li", {}, message("error", e.message, "")));
    }
  });
  return node;
}

function place(unit, state, children) {
  const found = unit.partyOrgs.nodes;
  const head = found.length ? found.map(orgLabel) : el("span", { class: "gap" },
    ...bi("（无党组织）", "(no Party organisation)"));
  return el("li", {}, el("details", { open: true },
    el("summary", {}, el("span", { class: "place" }, unit.name), " ", head),
    el("ul", {}, children)));
}

function gridNode(grid, state) {
  const found = grid.partyOrgs.nodes;
  return el("li", { "data-grid": grid.code }, el("span", { class: "place" }, grid.name), " ",
    found.length ? found.map((o) => lazyMembers(o, state))
      : el("span", { class: "gap" }, ...bi("没有网格党组织", "no grid Party organisation")));
}

export async function treePage(view, state, code) {
  view.replaceChildren(loading());
  const townships = (await gql(TOWNSHIPS, { asOf: state.asOf })).units.nodes;
  const chosen = code || townships[0]?.code;
  const pick = el("select", { id: "tree-township",
    onchange: () => { location.hash = `#/tree/${encodeURIComponent(pick.value)}`; } },
  townships.map((t) => el("option", { value: t.code, selected: t.code === chosen }, t.name)));
  if (!chosen) {
    view.replaceChildren(message("muted", "辖区内没有乡镇", "no township in your jurisdiction"));
    return;
  }
  const t = (await gql(CHAIN, { code: chosen, asOf: state.asOf })).unit;
  if (!t || t.message) {
    view.replaceChildren(message("error", t?.message ?? chosen, ""));
    return;
  }
  const villages = t.villages.nodes.map((v) => place(v, state, []));
  const communities = t.communities.nodes.map((c) =>
    place(c, state, c.grids.nodes.map((g) => gridNode(g, state))));
  view.replaceChildren(el("h2", {}, ...bi("四级组织链条", "the four-level chain")),
    el("label", {}, ...bi("乡镇", "township"), " ", pick),
    el("ul", { class: "tree", id: "tree" }, place(t, state, [...communities, ...villages])));
}
