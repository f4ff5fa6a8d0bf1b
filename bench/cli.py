"""The benchmark's command line.

    python -m bench run [--scales county,prefecture,province]   load what is missing, measure
    python -m bench load --scale county                         generate and load one scale
    python -m bench profile --scale county --workload grid_gaps  where one workload's time goes
    python -m bench markdown RUN.json | python -m bench chart RUN.json   a run's tables / chart

A run writes bench/out/<timestamp>.json and bench/out/<timestamp>.svg and prints the table.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Sequence
from pathlib import Path

from bench import env, synth
from bench.load import progress
from hub.core.settings import PROJECT_ROOT

OUT = PROJECT_ROOT / "bench" / "out"


async def _load(scale_name: str) -> None:
    async with env.running(synth.SCALES[scale_name], progress) as (_, report):
        print(report)


def _run(args: argparse.Namespace) -> None:
    from bench import report, runner

    scales = [s for s in args.scales.split(",") if s]
    unknown = [s for s in scales if s not in synth.SCALES]
    if unknown:
        raise SystemExit(f"unknown scale(s) {unknown}; choose from {sorted(synth.SCALES)}")
    plan = runner.Plan(scales=scales, concurrency=args.concurrency, requests=args.requests,
                       seconds=args.seconds, warmup=args.warmup)
    if args.workloads:
        plan = runner.Plan(scales=scales, concurrency=args.concurrency,
                           requests=args.requests, seconds=args.seconds, warmup=args.warmup,
                           workloads=tuple(args.workloads.split(",")))
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    out = Path(args.out)
    meta = {"started": stamp, "machine": runner.machine(), "plan": plan.__dict__}
    results = runner.run(plan, out / stamp)
    print(report.table(results, plan.concurrency))
    report.write_json(out / f"{stamp}.json", meta, results)
    chart = report.svg(results, f"p95 latency (ms, log scale, concurrency 1), run {stamp}")
    (out / f"{stamp}.svg").write_text(chart, encoding="utf-8")
    print(f"\n→ {out / f'{stamp}.json'}\n→ {out / f'{stamp}.svg'}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    sub = parser.add_subparsers(dest="command", required=True)
    p_load = sub.add_parser("load", help="generate and load one scale")
    p_load.add_argument("--scale", choices=sorted(synth.SCALES), required=True)
    p_run = sub.add_parser("run", help="measure the hub, @neo4j/graphql and raw Cypher")
    p_run.add_argument("--scales", default="county,prefecture,province")
    p_run.add_argument("--concurrency", type=int, default=8)
    p_run.add_argument("--requests", type=int, default=400, help="per phase, at most")
    p_run.add_argument("--seconds", type=float, default=8.0, help="per phase, at most")
    p_run.add_argument("--warmup", type=int, default=5)
    p_run.add_argument("--out", default=str(OUT))
    p_run.add_argument("--workloads", default="", help="comma-separated subset (default: all)")
    p_first = sub.add_parser("first", help="first execution after a start against warm p95")
    p_first.add_argument("--scale", choices=sorted(synth.SCALES), default="county")
    p_first.add_argument("--repeats", type=int, default=20)
    p_prof = sub.add_parser("profile", help="cProfile the hub and PROFILE its Cypher")
    p_prof.add_argument("--scale", choices=sorted(synth.SCALES), required=True)
    p_prof.add_argument("--workload", required=True, help="one name, or several comma-separated")
    p_prof.add_argument("--requests", type=int, default=50)
    p_prof.add_argument("--cypher-only", action="store_true", help="skip the hub's cProfile")
    p_md = sub.add_parser("markdown", help="a run's JSON as the tables of performance.md")
    p_md.add_argument("json")
    p_chart = sub.add_parser("chart", help="a run's JSON as the p95 chart (SVG on stdout)")
    p_chart.add_argument("json")
    args = parser.parse_args(argv)
    if args.command == "load":
        asyncio.run(_load(args.scale))
    elif args.command == "markdown":
        import json

        from bench.report import markdown, scaling

        payload = json.loads(Path(args.json).read_text(encoding="utf-8"))
        print(markdown(payload) + "\n\n" + scaling(payload))
    elif args.command == "chart":
        import json

        from bench.report import chart_from_json

        print(chart_from_json(json.loads(Path(args.json).read_text(encoding="utf-8"))))
    elif args.command == "first":
        import json

        from bench.first import first

        print(json.dumps(asyncio.run(first(args.scale, args.repeats, OUT / "first")),
                         indent=1, ensure_ascii=False))
    elif args.command == "profile":
        from bench.profile import profile

        print(asyncio.run(profile(args.scale, args.workload.split(","), args.requests,
                                  hub=not args.cypher_only)))
    else:
        _run(args)
    return 0
