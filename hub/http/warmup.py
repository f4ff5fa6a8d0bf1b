"""No cold first query: right after a start, Neo4j has planned nothing and read little into
its page cache, and the IDE's first query (docs/first-query.graphql) took seconds, once past
the 10 s limit on a loaded machine. The lifespan starts `warm_up` as a background task once
the schema is migrated: it runs the first query and a coverage analysis of every dimension
for the county, once each, through the schema itself (so every Cypher they use, compiled or
named, is planned and its pages read), as a county-role principal of its own, with nothing
returned to anyone. /healthz and /readyz answer from the start; /readyz says whether the
warm-up is done ("warm").
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from hub.core.principal import Principal, Role
from hub.query.coverage import REGISTRY

log = logging.getLogger("hub.http.warmup")
WARM_UP = Principal("warm-up", Role.COUNTY, None)
COUNTY = "query WarmCounty { county { code } }"
COVERAGE = """query WarmCoverage($unit: String!) {
  coverage(dimension: %s, unit: $unit) { ... on Coverage {
    whole { total covered ratio } byChild { code total covered }
    gaps { totalCount nodes { code name childName reasonZh reasonEn } } } } }"""


@dataclass
class WarmUp:
    """What the warm-up ran: documents, seconds each, and those that failed."""

    done: bool = False
    ran: list[tuple[str, float]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


async def warm_up(execute: Any, first_query: str, report: WarmUp) -> WarmUp:
    """Run each warm-up document once with `execute(document, variables)` (the schema's, with
    a context of the warm-up principal); failures are logged, never raised: a warm-up that
    fails leaves the hub as cold as it was, and no worse."""
    docs: list[tuple[str, str, dict[str, Any]]] = [("first-query", first_query, {})]
    try:
        found = await execute(COUNTY, {})
        county = (found.data or {}).get("county") or {}
        if county.get("code"):
            docs += [(f"coverage {d.name}", COVERAGE % d.name, {"unit": county["code"]})
                     for d in REGISTRY]
        for name, doc, variables in docs:
            started = time.perf_counter()
            result = await execute(doc, variables)
            report.ran.append((name, time.perf_counter() - started))
            if result.errors:
                report.failed.append(name)
                log.warning("warm-up %s: %s", name, result.errors[0].message)
    except Exception:  # the warm-up is a courtesy: it must never take the hub down
        log.exception("warm-up stopped")
        report.failed.append("warm-up")
    report.done = True
    log.info("warm-up: %d documents in %.1f s, %d failed", len(report.ran),
             sum(s for _, s in report.ran), len(report.failed))
    return report
