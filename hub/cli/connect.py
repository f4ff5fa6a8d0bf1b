"""How every `hub` command reaches its Neo4j: the local server or the configured one.

Below hub.cli.main and its command modules (hub.cli.data, hub.cli.keys), which all connect the same
way, so none of them imports another to reach the database.
"""

from __future__ import annotations

import dataclasses

import neo4j

from hub.core.errors import Neo4jUnavailable
from hub.core.settings import Settings
from hub.graph.cypher import Queries
from hub.graph.db import Database
from hub.graph.localdb import LocalNeo4j
from hub.http.faults import open_driver, target_of


def local_server(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(home=settings.state_dir, bolt_port=settings.bolt_port,
                      http_port=settings.http_port, heap=settings.heap,
                      pagecache=settings.pagecache)


def resolve(settings: Settings, server: LocalNeo4j | None) -> Settings:
    """Settings that name a concrete Neo4j: the local server's URI and password if local."""
    if server is None:
        return settings
    return dataclasses.replace(settings, neo4j_uri=server.uri, neo4j_user="neo4j",
                               neo4j_password=server.password())


async def connect(settings: Settings) -> Database:
    """A Database on the configured Neo4j, or Neo4jUnavailable in one clear line."""
    assert settings.neo4j_uri is not None
    driver = open_driver(settings)
    try:
        await driver.verify_connectivity()
    except neo4j.exceptions.AuthError:
        await driver.close()
        reason = (f"用户名或密码错误 / wrong credentials for user {settings.neo4j_user!r} "
                  "(NEO4J_USER, NEO4J_PASSWORD)")
        raise Neo4jUnavailable(uri=settings.neo4j_uri, reason=reason) from None
    except (neo4j.exceptions.ServiceUnavailable, OSError, ValueError) as exc:
        await driver.close()
        raise Neo4jUnavailable(uri=settings.neo4j_uri, reason=str(exc)) from None
    return Database(driver, settings.neo4j_database, Queries(),
                    settings.limits.tx_timeout_seconds, target_of(settings),
                    settings.fair.neo4j_retry_seconds)
