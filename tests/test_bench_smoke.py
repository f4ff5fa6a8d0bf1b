"""The benchmark harness works (bench/, issue 8): generator, CSV, round-trip counter, the
hub documents against the hub's schema, the load generator and the report. No timings are
asserted here; the figures live in docs/performance.md.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from graphql import parse, validate

from bench import csvout, drive, synth
from bench.boltcount import _Parser
from bench.report import svg, table
from bench.runner import ScaleResult
from bench.workloads import WORKLOADS, Workload
from hub.core.settings import Settings
from hub.http.graphql_app import build_schema

TINY = synth.SCALES["tiny"]


def test_generator_is_deterministic_and_township_shaped() -> None:
    first, again = synth.township(TINY, 1), synth.township(TINY, 1)
    assert first == again
    assert len(first.households) == synth.households_per_township()
    codes = [r["code"] for rows in (first.units, first.orgs, first.households, first.members,
                                    first.workers, first.enterprises, first.instructors)
             for r in rows]
    assert len(codes) == len(set(codes))
    assert synth.history(TINY)["member"] == first.members[0]["code"]


def test_csv_files_carry_headers_and_every_row(tmp_path: Path) -> None:
    with csvout.CsvSet(tmp_path) as out:
        csvout.write_top(out, TINY)
        csvout.write_township(out, synth.township(TINY, 1))
    lines = (tmp_path / "households.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(csvout.NODE_FILES["households"])
    assert len(lines) == 1 + synth.households_per_township()
    assert out.nodes > 0 and out.relationships > out.nodes


def test_bolt_parser_counts_run_messages_across_any_split() -> None:
    handshake = b"\x60\x60\xb0\x17" + b"\x00\x00\x01\xff" + b"\x00" * 12
    chosen = b"\x00\x00\x08\x05" + b"\x00"
    run = b"\x00\x03\xb3\x10\x01\x00\x00"
    pull = b"\x00\x02\xb1\x3f\x00\x00"
    stream = handshake + chosen + run + pull + run
    parser = _Parser()
    for i in range(len(stream)):
        parser.feed(stream[i:i + 1])
    assert parser.runs == 2


def test_hub_documents_are_valid_against_the_hub_schema() -> None:
    # Building the schema touches no database, so no server is needed here.
    schema = build_schema(Settings.from_env({}))._schema
    for w in WORKLOADS:
        assert validate(schema, parse(w.hub)) == [], w.name


async def test_load_generator_and_report() -> None:
    calls: list[dict[str, Any]] = []

    async def call(w: Workload, params: dict[str, Any]) -> None:
        calls.append(params)
        await asyncio.sleep(0)

    sample = (await drive.interleaved({"hub": call}, drive.fixed(WORKLOADS[0], TINY),
                                      concurrency=2, requests=5, seconds=30.0))["hub"]
    assert sample.requests == 5 and sample.errors == 0 and len(calls) == 5
    assert not math.isnan(sample.p95_ms)
    per = {s: {"p50_ms": 1.0, "p95_ms": 2.0, "throughput": 3.0}
           for s in ("hub", "neo4j-graphql", "raw")}
    result = ScaleResult("tiny", {}, {"hub": {"browse": 8.0}}, {"browse": per},
                         {"browse": per})
    assert "tiny" in table([result], 8)
    assert svg([result], "smoke").startswith("<svg")


async def test_systems_are_timed_in_turn_on_the_same_requests() -> None:
    asked: dict[str, list[dict[str, Any]]] = {"hub": [], "neo4j-graphql": [], "raw": []}
    turns: list[str] = []

    def system(name: str) -> Callable[[Workload, dict[str, Any]], Awaitable[None]]:
        async def call(w: Workload, params: dict[str, Any]) -> None:
            if not turns or turns[-1] != name:
                turns.append(name)
            asked[name].append(params)
            await asyncio.sleep(0)
        return call

    found = await drive.interleaved({name: system(name) for name in asked},
                                    drive.fixed(WORKLOADS[0], TINY), concurrency=1,
                                    requests=8, seconds=30.0, rounds=4)
    assert {name: s.requests for name, s in found.items()} == dict.fromkeys(asked, 8)
    # The same requests in the same order for each, and the slices taken in turn, the
    # first system of each round one further along, so that none is always timed last.
    assert asked["hub"] == asked["neo4j-graphql"] == asked["raw"]
    assert turns == ["hub", "neo4j-graphql", "raw", "neo4j-graphql", "raw", "hub",
                     "raw", "hub", "neo4j-graphql", "hub", "neo4j-graphql", "raw"]
