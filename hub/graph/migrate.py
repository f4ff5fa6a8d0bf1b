"""Schema migrations: `cypher/migrations/NNN_name.cypher`, applied in order, once each.

The version reached is kept in the database on a single `(:SchemaVersion {id: 'schema'})`
node, so a later release knows which steps a county's database still needs. Every statement
is idempotent (`IF NOT EXISTS`), so a step interrupted halfway is simply run again.
"""

from __future__ import annotations

import re

from hub.graph.cypher import Queries, Query
from hub.graph.db import Database

_STEP = re.compile(r"^(\d{3})_")
# Schema changes wait for schema locks and index population, which on a busy machine takes
# far longer than the request timeout allows; migrations run once, at start.
MIGRATION_TIMEOUT = 600.0


def steps(queries: Queries) -> list[tuple[int, Query]]:
    """The migration steps in order, each with its number."""
    found = []
    for query in queries.group("migrations"):
        match = _STEP.match(query.path.name)
        if match is None:
            raise ValueError(f"{query.path}: migration files are named NNN_name.cypher")
        found.append((int(match.group(1)), query))
    return sorted(found, key=lambda pair: pair[0])


def latest(queries: Queries) -> int:
    found = steps(queries)
    return found[-1][0] if found else 0


async def current_version(db: Database) -> int:
    rows = await db.read("schema.version", timeout=MIGRATION_TIMEOUT)
    return int(rows[0]["version"]) if rows else 0


async def migrate(db: Database) -> int:
    """Apply every step newer than the database's version; return the version reached."""
    version = await current_version(db)
    for number, query in steps(db.queries):
        if number <= version:
            continue
        async with db.session() as session:
            for statement in query.statements():
                await (await session.run(statement)).consume()
        await db.write("schema.set_version", timeout=MIGRATION_TIMEOUT, version=number)
        version = number
    return version
