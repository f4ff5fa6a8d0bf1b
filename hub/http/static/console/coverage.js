// Coverage: a unit's eleven dimensions as bars (the whole and each child unit, red, amber or
// green against the configured thresholds), drill-down to the child units, and one
// dimension's gaps with their reasons and the workbook to follow them up.
import { download, gql } from "./api.js";
import { bar, rag, RAG_TEXT } from "./chart.js";
import { bi, el, loading, message, percent } from "./dom.js";

let dimensions = null;

async function dimensionList() {
  dimensions ??= (await gql(`{ coverageDimensions { dimension definitionZh definitionEn } }`))
    .coverageDimensions;
  return dimensions;
}

const TALLY = "code name total covered gaps ratio";
const KIND_ZH = { County: "县", Township: "乡镇", Village: "行政村", Community: "社区", Grid: "网格" };

function unitDocument(list) {
  const fields = list.map((d) => `${d.dimension}: coverage(dimension: ${d.dimension}, unit: $unit,
    asOf: $asOf, first: 1) { ... on Coverage { whole { ${TALLY} } byChild { ${TALLY} } }
    ... on UnitNotFound { message } }`);
  return `query ConsoleUnit($unit: String!, $asOf: Date) {
    unit(code: $unit, asOf: $asOf) { ... on Unit { code name kind
      parent { code name kind parent { code name kind parent { code name kind } } } }
      ... on UnitNotFound { message } }
    ${fields.join("\n")} }`;
}

const GAPS = `query ConsoleGaps($dimension: Dimension!, $unit: String!, $asOf: Date,
    $after: String) {
  coverage(dimension: $dimension, unit: $unit, asOf: $asOf, first: 100, after: $after) {
    ... on Coverage { definitionZh definitionEn whole { ${TALLY} }
      gaps { totalCount pageInfo { hasNextPage endCursor }
             nodes { code name child childName reasonZh reasonEn } } }
    ... on UnitNotFound { message }
  }
}`;

function link(code, dimension) {
  return `#/unit/${encodeURIComponent(code)}${dimension ? `/${dimension}` : ""}`;
}

function crumbs(unit) {
  const chain = [];
  for (let u = unit; u; u = u.parent) chain.unshift(u);
  return el("nav", { class: "crumbs", "aria-label": "层级 / levels" },
    chain.map((u, i) => [i ? " › " : "", el("a", { href: link(u.code) },
      `${u.name}`, el("small", {}, ` ${KIND_ZH[u.kind] ?? u.kind}`))]));
}

function card(d, result, selected, unitCode) {
  const whole = result.whole;
  const colour = rag(d.dimension, whole.ratio);
  return el("article", { class: `card dim${selected ? " selected" : ""}`,
    "data-dimension": d.dimension, "data-rag": colour },
    el("h3", {}, el("a", { href: link(unitCode, d.dimension) }, ...bi(d.definitionZh,
      d.definitionEn))),
    el("p", { class: `headline ${colour}` }, percent(whole.ratio),
      el("small", {}, ` ${whole.covered}/${whole.total} · ${RAG_TEXT[colour]}`)),
    el("div", { class: "bars" }, result.byChild.map((c) =>
      bar(d.dimension, c.name ?? c.code ?? "—", c, c.code ? link(c.code, d.dimension) : null))));
}

async function gapPanel(list, unitCode, dimension, asOf) {
  const d = list.find((x) => x.dimension === dimension);
  const body = el("tbody");
  const more = el("button", { type: "button", hidden: true }, ...bi("更多", "more"));
  const status = el("p", { class: "error", role: "alert" });
  const save = el("button", { type: "button", class: "download", onclick: async () => {
    status.textContent = "";
    const query = new URLSearchParams({ dimension: dimension.toLowerCase(), unit: unitCode,
      asOf });
    try { await download(`/export/gaps?${query}`); } catch (e) { status.textContent = e.message; }
  } }, ...bi("下载缺口清单 (.xlsx)", "download the gap list"));
  const total = el("span");
  let after = null;
  async function page() {
    const c = (await gql(GAPS, { dimension, unit: unitCode, asOf, after })).coverage;
    if (c.message) throw new Error(c.message);
    total.textContent = `${c.gaps.totalCount}`;
    for (const g of c.gaps.nodes) {
      body.append(el("tr", {}, el("td", {}, g.code), el("td", {}, g.name ?? ""),
        el("td", {}, g.childName ?? ""), el("td", {}, g.reasonZh, el("br"),
          el("small", {}, g.reasonEn))));
    }
    after = c.gaps.pageInfo.endCursor;
    more.hidden = !c.gaps.pageInfo.hasNextPage;
  }
  more.addEventListener("click", () => page().catch((e) => { status.textContent = e.message; }));
  await page();
  return el("section", { class: "card gaps", id: "gaps" },
    el("h3", {}, ...bi("缺口", "Gaps"), " · ", d.definitionZh, " ", el("small", {},
      d.definitionEn), " · ", total),
    el("div", { class: "actions" }, save, status),
    el("table", {}, el("thead", {}, el("tr", {},
      el("th", {}, ...bi("编码", "code")), el("th", {}, ...bi("名称", "name")),
      el("th", {}, ...bi("所在单位", "lies in")), el("th", {}, ...bi("原因", "reason")))), body),
    more);
}

export async function unitPage(view, state, code, dimension) {
  view.replaceChildren(loading());
  const list = await dimensionList();
  const data = await gql(unitDocument(list), { unit: code, asOf: state.asOf });
  if (data.unit.message) {
    view.replaceChildren(message("error", data.unit.message, ""));
    return;
  }
  const cards = list.map((d) => card(d, data[d.dimension], d.dimension === dimension, code));
  view.replaceChildren(crumbs(data.unit),
    el("h2", {}, data.unit.name, " ", el("small", {}, ...bi("覆盖情况", "coverage"),
      ` · ${state.asOf}`)),
    el("p", { class: "legend" }, ["green", "amber", "red"].map((c) =>
      el("span", { class: `chip ${c}` }, RAG_TEXT[c])),
      el("small", {}, " 阈值见 config/console.toml / thresholds in config/console.toml")),
    el("div", { class: "cards" }, cards));
  if (dimension) {
    const panel = await gapPanel(list, code, dimension, state.asOf);
    view.querySelector(".cards").before(panel);
  }
}
