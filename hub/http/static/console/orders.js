// Work orders: routed, accepted, returned, closed and the two rates, per month (a chart, for
// the whole jurisdiction or one township) and per township (a table).
import { gql } from "./api.js";
import { monthChart } from "./chart.js";
import { bi, el, loading } from "./dom.js";

const FIGURES = `code name routed accepted returned closed
  acceptanceRate { percent } closureRate { percent }`;
const ORDERS = `query ConsoleOrders($start: Date, $end: Date) {
  workOrderStats(start: $start, end: $end) {
    counting total { ${FIGURES} } byTownship { ${FIGURES} }
    byMonth { month total { ${FIGURES} } byTownship { ${FIGURES} } }
  }
}`;

// Every month from the first to the last, so a quiet month shows as a gap, not as nothing.
export function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

const NONE = { routed: 0, accepted: 0, returned: 0, closed: 0, acceptanceRate: { percent: null },
  closureRate: { percent: null } };

function rate(r) {
  return r.percent === null ? "—" : `${r.percent}%`;
}

// Each township's two rates side by side, as bars on one 0–100 % scale.
function rateBars(rows) {
  const line = (label, r, cls) => {
    const fill = el("span", { class: `fill ${cls}` });
    fill.style.width = `${Math.min(100, r.percent ?? 0)}%`;
    return el("div", { class: "bar" }, el("span", { class: "label" }, label),
      el("span", { class: "track" }, fill), el("span", { class: "value" }, rate(r)),
      el("span", { class: "count" }));
  };
  return el("div", { class: "card rate-bars" }, rows.map((t) => [
    line(`${t.name} 受理率`, t.acceptanceRate, "s-accepted"),
    line(`${t.name} 办结率`, t.closureRate, "s-closed")]));
}

function table(rows) {
  return el("table", { class: "orders" }, el("thead", {}, el("tr", {},
    el("th", {}, ...bi("单位", "unit")), el("th", {}, ...bi("流转", "routed")),
    el("th", {}, ...bi("受理", "accepted")), el("th", {}, ...bi("退回", "returned")),
    el("th", {}, ...bi("办结", "closed")), el("th", {}, ...bi("受理率", "acceptance")),
    el("th", {}, ...bi("办结率", "closure")))),
  el("tbody", {}, rows.map(([label, f]) => el("tr", { "data-code": f.code ?? "" },
    el("th", {}, label), el("td", { class: "num" }, f.routed),
    el("td", { class: "num" }, f.accepted), el("td", { class: "num" }, f.returned),
    el("td", { class: "num" }, f.closed), el("td", { class: "num" }, rate(f.acceptanceRate)),
    el("td", { class: "num" }, rate(f.closureRate))))));
}

export async function ordersPage(view, state) {
  view.replaceChildren(loading());
  const stats = (await gql(ORDERS, { end: state.asOf })).workOrderStats;
  const chartBox = el("div", { class: "card chart-box" });
  const pick = el("select", { id: "order-township", onchange: () => draw(pick.value) },
    el("option", { value: "" }, "全部 / all"),
    stats.byTownship.map((t) => el("option", { value: t.code }, t.name)));
  const byMonth = new Map(stats.byMonth.map((m) => [m.month, m]));
  const span = stats.byMonth.length
    ? monthsBetween(stats.byMonth[0].month, stats.byMonth.at(-1).month) : [];
  function draw(code) {
    const months = span.map((month) => {
      const m = byMonth.get(month);
      const figures = !m ? NONE : code ? m.byTownship.find((t) => t.code === code) ?? NONE
        : m.total;
      return { month, ...figures };
    });
    chartBox.replaceChildren(monthChart(months));
  }
  draw("");
  view.replaceChildren(el("h2", {}, ...bi("事件工单", "work orders"),
    el("small", {}, ` · ≤ ${state.asOf}`)),
    el("p", { class: "muted" }, stats.counting),
    el("label", {}, ...bi("乡镇", "township"), " ", pick),
    chartBox,
    el("h3", {}, ...bi("按乡镇", "per township")),
    rateBars(stats.byTownship),
    table([["合计 / total", stats.total], ...stats.byTownship.map((t) => [t.name, t])]));
}
