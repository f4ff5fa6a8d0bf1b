// Small hand-written charts: coverage bars (HTML) and the work-order chart (SVG).
import { el, percent } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const BANDS = JSON.parse(document.getElementById("thresholds").textContent);

export function rag(dimension, ratio) {
  if (ratio === null || ratio === undefined) return "none";
  const band = BANDS[dimension];
  if (ratio >= band.green) return "green";
  return ratio >= band.amber ? "amber" : "red";
}

export const RAG_TEXT = {
  green: "达标 / on target", amber: "关注 / watch", red: "落后 / behind", none: "无对象 / nothing to cover",
};

// One labelled bar: the label, the bar coloured by its band, the ratio and the counts.
export function bar(dimension, label, tally, href) {
  const colour = rag(dimension, tally.ratio);
  const fill = el("span", { class: `fill ${colour}` });
  // Set through the CSSOM: the page's CSP allows no inline style attributes.
  fill.style.width = `${Math.round((tally.ratio ?? 0) * 100)}%`;
  const name = href ? el("a", { href }, label) : el("span", {}, label);
  return el("div", { class: "bar", "data-rag": colour, title: RAG_TEXT[colour] },
    el("span", { class: "label" }, name),
    el("span", { class: "track" }, fill),
    el("span", { class: "value" }, percent(tally.ratio)),
    el("span", { class: "count" }, `${tally.covered}/${tally.total}`));
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

const SERIES = [
  ["routed", "流转 routed"], ["accepted", "受理 accepted"],
  ["returned", "退回 returned"], ["closed", "办结 closed"],
];
const RATES = [["acceptanceRate", "受理率 acceptance"], ["closureRate", "办结率 closure"]];

// Months along the bottom; four bars a month on the left axis (orders), the two rates as
// lines on the right axis. A month's rate may pass 100 %: orders routed in one month are often
// closed in the next, so the axis grows to fit.
export function monthChart(months) {
  const width = 1000, height = 300, left = 48, right = 48, top = 34, bottom = 40;
  const plotW = width - left - right, plotH = height - top - bottom;
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map(([k]) => m[k])));
  const slot = plotW / Math.max(1, months.length);
  const barW = Math.max(1, (slot * 0.8) / SERIES.length);
  const rates = months.flatMap((m) => RATES.map(([k]) => m[k].percent ?? 0));
  const rateMax = Math.max(100, Math.ceil(Math.max(...rates) / 100) * 100);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img",
    "aria-label": "按月工单 / work orders per month" });
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    root.append(svg("line", { x1: left, x2: width - right, y1: y, y2: y, class: "grid" }),
      svg("text", { x: left - 6, y: y + 4, class: "axis", "text-anchor": "end" },
        String(Math.round((max * i) / 4))),
      svg("text", { x: width - right + 6, y: y + 4, class: "axis" },
        `${Math.round((rateMax * i) / 4)}%`));
  }
  months.forEach((m, i) => {
    const x0 = left + i * slot + slot * 0.1;
    SERIES.forEach(([key, label], j) => {
      const h = (plotH * m[key]) / max;
      root.append(svg("rect", { x: x0 + j * barW, y: top + plotH - h, width: barW, height: h,
        class: `s-${key}` }, svg("title", {}, `${m.month} ${label}: ${m[key]}`)));
    });
    if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
      root.append(svg("text", { x: x0 + slot * 0.4, y: height - bottom + 16, class: "axis",
        "text-anchor": "middle" }, m.month.slice(2)));
    }
  });
  // A month with no orders has no rate: the line breaks there rather than bridging it.
  RATES.forEach(([key]) => {
    const runs = [[]];
    months.forEach((m, i) => {
      if (m[key].percent === null) { runs.push([]); return; }
      const y = top + plotH - (plotH * m[key].percent) / rateMax;
      runs.at(-1).push(`${left + i * slot + slot / 2},${y}`);
    });
    for (const run of runs.filter((r) => r.length)) {
      root.append(svg("polyline", { points: run.join(" "), class: `r-${key}` }));
    }
  });
  const legend = svg("g", { class: "legend" });
  [...SERIES.map(([k, l]) => [`s-${k}`, l]), ...RATES.map(([k, l]) => [`r-${k}`, l])]
    .forEach(([cls, label], i) => {
      legend.append(svg("rect", { x: left + i * 150, y: 6, width: 12, height: 12, class: cls }),
        svg("text", { x: left + i * 150 + 16, y: 16, class: "axis" }, label));
    });
  root.append(legend);
  return root;
}
