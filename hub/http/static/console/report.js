// The report's figures F1–F26 (value, definition, the Cypher behind it) and the audit: the
// claims a person pastes or uploads, each with the verdict and why.
import { gql } from "./api.js";
import { bi, el, loading, message } from "./dom.js";

const REPORT = `query ConsoleReport($asOf: Date) {
  countyReport(asOf: $asOf) { asOf figures { id value parts { name value } definition query } }
}`;

const AUDIT = `query ConsoleAudit($claims: [ClaimInput!]!, $asOf: Date) {
  auditReport(claims: $claims, asOf: $asOf) {
    checks { id part claimed actual atLeast status definition }
  }
}`;

function number(value) {
  return value === null || value === undefined ? "—" : String(value);
}

export async function reportPage(view, state) {
  view.replaceChildren(loading());
  const report = (await gql(REPORT, { asOf: state.asOf })).countyReport;
  const rows = report.figures.map((f) => el("tr", { "data-figure": f.id },
    el("th", {}, f.id),
    el("td", { class: "num" }, number(f.value)),
    el("td", {}, el("ul", { class: "parts" }, f.parts.map((p) =>
      el("li", {}, `${p.name}: `, el("b", {}, number(p.value)))))),
    el("td", {}, el("p", { class: "definition" }, f.definition),
      el("details", {}, el("summary", {}, ...bi("血缘查询", "lineage query (Cypher)")),
        el("pre", {}, f.query)))));
  view.replaceChildren(el("h2", {}, ...bi("报告数字 F1–F26", "the report's figures"),
    el("small", {}, ` · ${report.asOf}`)),
    el("table", { class: "report" }, el("thead", {}, el("tr", {},
      el("th", {}, "ID"), el("th", {}, ...bi("数值", "value")),
      el("th", {}, ...bi("组成", "parts")), el("th", {}, ...bi("口径与查询", "definition, query")))),
    el("tbody", {}, rows)));
}

// One claim a line: `F19 97.9`, `F5 140+` (a floor), `F4 rectified 6` (a named part); or the
// same as a JSON array of {id, value, part, atLeast}.
export function parseClaims(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) return JSON.parse(trimmed);
  return trimmed.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith("#")).map((l) => {
    const m = /^\s*(F\d+)[\s,:：]+(?:(.*?)[\s,:：]+)?([-\d.]+)\s*(\+|以上|余)?\s*%?\s*$/i.exec(l);
    if (!m) throw new Error(`无法识别 / cannot read: ${l}`);
    return { id: m[1].toUpperCase(), value: Number(m[3]), part: m[2] || null, atLeast: !!m[4] };
  });
}

function reason(c) {
  if (c.status === "UNKNOWN_FIGURE") return bi("报告中无此数字或部分", "no such figure or part");
  if (c.status === "BORNE_OUT") {
    return c.atLeast
      ? bi(`图谱数值 ${c.actual} 不少于所称 ${c.claimed}`, `the graph has ${c.actual} ≥ ${c.claimed}`)
      : bi(`图谱数值 ${c.actual} 与所称一致`, `the graph has exactly ${c.actual}`);
  }
  return c.atLeast
    ? bi(`图谱数值 ${c.actual} 少于所称 ${c.claimed}`, `the graph has ${c.actual} < ${c.claimed}`)
    : bi(`图谱数值 ${c.actual}，所称 ${c.claimed}`, `the graph has ${c.actual}, not ${c.claimed}`);
}

const VERDICT = { BORNE_OUT: ["属实", "borne out", "green"],
  NOT_BORNE_OUT: ["不符", "not borne out", "red"], UNKNOWN_FIGURE: ["无法核对", "unknown", "amber"] };

export function auditPage(view, state) {
  const input = el("textarea", { id: "claims", rows: 8, spellcheck: "false",
    placeholder: "F19 97.9\nF5 140+\nF4 rectified 6" });
  const file = el("input", { type: "file", accept: ".txt,.json,.csv", onchange: async () => {
    if (file.files[0]) input.value = await file.files[0].text();
  } });
  const out = el("div", { id: "verdicts" });
  const run = async (event) => {
    event.preventDefault();
    out.replaceChildren(loading());
    try {
      const claims = parseClaims(input.value);
      const checks = (await gql(AUDIT, { claims, asOf: state.asOf })).auditReport.checks;
      out.replaceChildren(el("table", {}, el("thead", {}, el("tr", {},
        el("th", {}, "ID"), el("th", {}, ...bi("部分", "part")),
        el("th", {}, ...bi("所称", "claimed")), el("th", {}, ...bi("图谱", "graph")),
        el("th", {}, ...bi("结论", "verdict")), el("th", {}, ...bi("理由", "reason")))),
      el("tbody", {}, checks.map((c) => {
        const [zh, en, colour] = VERDICT[c.status];
        return el("tr", { "data-status": c.status },
          el("th", {}, c.id), el("td", {}, c.part ?? ""),
          el("td", { class: "num" }, `${c.claimed}${c.atLeast ? "+" : ""}`),
          el("td", { class: "num" }, number(c.actual)),
          el("td", {}, el("span", { class: `chip ${colour}` }, ...bi(zh, en))),
          el("td", {}, ...reason(c), c.definition ? el("p", { class: "definition" },
            c.definition) : null));
      }))));
    } catch (e) {
      out.replaceChildren(message("error", e.message, ""));
    }
  };
  view.replaceChildren(el("h2", {}, ...bi("报告核对", "audit a report")),
    el("form", { class: "card audit", onsubmit: run },
      el("p", {}, ...bi("每行一项：编号、可选的部分名称、所称数值；“+”或“以上”表示下限。也可上传文本或 JSON 文件。",
        "One claim a line: id, optional part, value; “+” marks a floor. Or upload a text or JSON file.")),
      input, el("p", {}, file),
      el("button", { type: "submit" }, ...bi("核对", "check"))),
    out);
}
