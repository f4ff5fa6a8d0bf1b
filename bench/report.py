"""The run's output: a table on the terminal, `bench/out/<timestamp>.json`, and an SVG chart
of p95 per workload per system per scale (plain SVG, no plotting library needed).
"""

from __future__ import annotations

import json
import math
from html import escape
from pathlib import Path
from typing import Any

from bench.runner import ScaleResult
from bench.systems import SYSTEMS

COLOURS = {"hub": "#c0392b", "neo4j-graphql": "#2e86c1", "raw": "#7f8c8d"}


def _ratio(a: float, b: float) -> float:
    return a / b if b and not math.isnan(a) and not math.isnan(b) else float("nan")


def table(results: list[ScaleResult], concurrency: int) -> str:
    lines = [f"{'scale':10} {'workload':16} {'system':14} {'p50 ms':>8} {'p95 ms':>8} "
             f"{'p95@c' + str(concurrency):>9} {'req/s':>7} {'trips':>5}"]
    for r in results:
        names = list(r.latency) + [n for n in r.throughput if n not in r.latency]
        for name in names:
            for s in SYSTEMS:
                lat = r.latency.get(name, {}).get(s, {})
                thr = r.throughput.get(name, {}).get(s, {})
                trips = r.round_trips.get(s, {}).get(name)
                lines.append(
                    f"{r.scale:10} {name:16} {s:14} {lat.get('p50_ms', math.nan):8.1f} "
                    f"{lat.get('p95_ms', math.nan):8.1f} {thr.get('p95_ms', math.nan):9.1f} "
                    f"{thr.get('throughput', math.nan):7.1f} "
                    f"{'' if trips is None else f'{trips:g}':>5}")
            lines.append(_ratios_line(r, name))
    return "\n".join(lines)


def ratios(r: ScaleResult, name: str) -> dict[str, float]:
    lat, thr = r.latency.get(name, {}), r.throughput.get(name, {})

    def p95(t: dict[str, Any], s: str) -> float:
        return float(t.get(s, {}).get("p95_ms", math.nan))

    return {"hub/raw p95 c1": _ratio(p95(lat, "hub"), p95(lat, "raw")),
            "neo4j-graphql/hub p95 c1": _ratio(p95(lat, "neo4j-graphql"), p95(lat, "hub")),
            "hub/raw p95 cN": _ratio(p95(thr, "hub"), p95(thr, "raw")),
            "neo4j-graphql/hub p95 cN": _ratio(p95(thr, "neo4j-graphql"), p95(thr, "hub"))}


def _ratios_line(r: ScaleResult, name: str) -> str:
    parts = [f"{k} {v:.2f}" for k, v in ratios(r, name).items() if not math.isnan(v)]
    return f"{'':10} {name:16} ratios: " + ", ".join(parts)


def write_json(path: Path, meta: dict[str, Any], results: list[ScaleResult]) -> None:
    payload = {**meta, "scales": [
        {**r.__dict__, "ratios": {n: ratios(r, n) for n in {*r.latency, *r.throughput}}}
        for r in results]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


def svg(results: list[ScaleResult], title: str) -> str:
    """Grouped bars: one group per scale × workload, one bar per system, log-scaled p95 (c=1)."""
    return chart([(r.scale, n, r.latency[n]) for r in results for n in r.latency], title)


def chart_from_json(payload: dict[str, Any]) -> str:
    """The same chart from a run's JSON (`python -m bench chart RUN.json`)."""
    groups = [(r["scale"], n, per) for r in payload["scales"] for n, per in r["latency"].items()]
    return chart(groups, f"p95 latency (ms, log scale, concurrency 1), run {payload['started']}")


def chart(groups: list[tuple[str, str, dict[str, Any]]], title: str) -> str:
    values = [v["p95_ms"] for _, _, per in groups for v in per.values()
              if not math.isnan(v["p95_ms"]) and v["p95_ms"] > 0]
    if not values:
        return ""
    top = math.log10(max(values) * 1.5)
    bottom = math.log10(max(min(values) / 1.5, 0.1))
    # Room below the axis for the rotated "scale workload" labels, the legend beside the title.
    width, height, left, base, bar = 60 + 52 * len(groups), 500, 60, 340, 14
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           'font-family="sans-serif" font-size="10">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="16" font-size="13">{escape(title)}</text>']
    for exp in range(math.floor(bottom), math.ceil(top) + 1):
        y = base - (exp - bottom) / (top - bottom) * 290
        if 40 <= y <= base:
            out.append(f'<line x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" '
                       'stroke="#ddd"/>')
            out.append(f'<text x="4" y="{y + 3:.1f}">{10 ** exp:g} ms</text>')
    for i, (scale, name, per) in enumerate(groups):
        x0 = left + 8 + 52 * i
        for j, s in enumerate(SYSTEMS):
            v = per.get(s, {}).get("p95_ms", math.nan)
            if math.isnan(v) or v <= 0:
                continue
            h = (math.log10(v) - bottom) / (top - bottom) * 290
            out.append(f'<rect x="{x0 + j * bar}" y="{base - h:.1f}" width="{bar - 2}" '
                       f'height="{h:.1f}" fill="{COLOURS[s]}"><title>{escape(scale)} '
                       f'{escape(name)} {s}: p95 {v:.1f} ms</title></rect>')
        out.append(f'<text transform="translate({x0 + 4},{base + 8}) rotate(60)">'
                   f'{escape(scale)} {escape(name)}</text>')
    for j, s in enumerate(SYSTEMS):
        out.append(f'<rect x="{left + 120 * j}" y="26" width="10" height="10" '
                   f'fill="{COLOURS[s]}"/><text x="{left + 14 + 120 * j}" y="35">{s}</text>')
    out.append("</svg>")
    return "\n".join(out)


def markdown(payload: dict[str, Any]) -> str:
    """The tables of docs/performance.md, from a run's JSON (figures copied, never typed)."""
    out = []
    for r in payload["scales"]:
        load = r["load"]
        out.append(f"\n### {r['scale']}: {load['townships']} townships, "
                   f"{load['households']:,} households, {load['nodes']:,} nodes + "
                   f"{load['relationships']:,} relationships = {load['elements']:,} elements\n")
        out.append("| workload | system | p50 ms (c=1) | p95 ms (c=1) | p95 ms (c=8) | "
                   "req/s (c=8) | round trips |")
        out.append("|---|---|---:|---:|---:|---:|---:|")
        names = list(r["latency"]) + [n for n in r["throughput"] if n not in r["latency"]]
        for name in names:
            for s in SYSTEMS:
                lat = r["latency"].get(name, {}).get(s, {})
                thr = r["throughput"].get(name, {}).get(s, {})
                trips = r["round_trips"].get(s, {}).get(name)
                out.append(f"| {name} | {s} | {_f(lat.get('p50_ms'))} | "
                           f"{_f(lat.get('p95_ms'))} | {_f(thr.get('p95_ms'))} | "
                           f"{_f(thr.get('throughput'))} | "
                           f"{'' if trips is None else f'{trips:g}'} |")
        out.append("\n| workload | hub/raw p95 c=1 | hub/raw p95 c=8 | "
                   "@neo4j/graphql/hub p95 c=1 | @neo4j/graphql/hub p95 c=8 |")
        out.append("|---|---:|---:|---:|---:|")
        for name in names:
            q = r["ratios"].get(name, {})
            out.append(f"| {name} | {_f(q.get('hub/raw p95 c1'), 2)} | "
                       f"{_f(q.get('hub/raw p95 cN'), 2)} | "
                       f"{_f(q.get('neo4j-graphql/hub p95 c1'), 2)} | "
                       f"{_f(q.get('neo4j-graphql/hub p95 cN'), 2)} |")
    return "\n".join(out)


def scaling(payload: dict[str, Any]) -> str:
    """p50 and p95 (c=1) of every workload and system at each scale, and largest ÷ smallest."""
    scales = payload["scales"]
    if len(scales) < 2:
        return ""
    first, last = scales[0], scales[-1]
    head = " | ".join(f"{r['scale']} p50 / p95" for r in scales)
    out = [f"| workload | system | {head} | p95 {last['scale']} ÷ {first['scale']} |",
           "|---|---|" + "---:|" * (len(scales) + 1)]
    for name in first["latency"]:
        for s in SYSTEMS:
            cells = []
            for r in scales:
                lat = r["latency"].get(name, {}).get(s, {})
                cells.append(f"{_f(lat.get('p50_ms'))} / {_f(lat.get('p95_ms'))}")
            a = first["latency"].get(name, {}).get(s, {}).get("p95_ms")
            b = last["latency"].get(name, {}).get(s, {}).get("p95_ms")
            growth = _ratio(float(b), float(a)) if a and b else float("nan")
            out.append(f"| {name} | {s} | " + " | ".join(cells) + f" | {_f(growth, 2)} |")
    return "\n".join(out)


def _f(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{float(value):,.{digits}f}"
