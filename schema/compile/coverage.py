"""Compiled coverage: a `coverage(…)` root asking only what the dimension's one query answers
(the tallies, the gaps and the texts about them) is shaped straight from what
hub/query/coverage.py measured, instead of graphql-core completing each of its fields.

The measuring is the resolver's own (`measure`, one round trip); what changes is only how
the answer is made, and tests/test_compile_coverage.py checks it against the resolver's for
every dimension and role. `unit { … }`, a directive, or any field not listed here is
`Unsupported`: the resolvers answer that document. So do a unit not found and a page too
large, whose typed results the resolvers give.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graphql import FieldNode, GraphQLField, GraphQLNonNull, GraphQLObjectType, GraphQLSchema

from hub.core.principal import Principal
from hub.graph.db import Database
from hub.query import coverage as engine
from schema.compile.collect import Fragments, collect, page_info, subselections
from schema.compile.fields import Convert, Scalar
from schema.compile.plan import (
    ConnShape,
    CoverageRoot,
    ObjShape,
    Prop,
    Spec,
    Typename,
    Unsupported,
)
from schema.compile.shape import Shaper

TALLY = {"code": Scalar("code"), "name": Scalar("name"),
         "kind": Scalar("labels", convert=Convert.UNIT_KIND), "total": Scalar("total"),
         "covered": Scalar("covered"), "unknown": Scalar("unknown"), "gaps": Scalar("gaps"),
         "ratio": Scalar("ratio")}
GAP = {name: Scalar(name) for name in ("code", "name", "child", "childName", "reasonZh",
                                       "reasonEn")}
TEXTS = ("dimension", "definitionZh", "definitionEn", "asOf", "query")


def coverage_root(schema: GraphQLSchema, frags: Fragments, key: str, field_def: GraphQLField,
                  node: FieldNode) -> CoverageRoot:
    runtime = _object(schema, "Coverage")
    fields: list[tuple[str, str, ObjShape | ConnShape | None]] = []
    for k, nodes in collect(schema, frags, subselections([node]), runtime).items():
        name = nodes[0].name.value
        if any(n.arguments for n in nodes):
            raise Unsupported(f"Coverage.{name} with arguments")
        if name in TEXTS or name == "__typename":
            fields.append((k, name, None))
        elif name in ("whole", "byChild"):
            fields.append((k, name, _leaves(schema, frags, nodes, "CoverageTally", TALLY)))
        elif name == "gaps":
            fields.append((k, name, _gaps(schema, frags, nodes)))
        else:
            raise Unsupported(f"Coverage.{name}")
    return CoverageRoot(key, field_def, node, isinstance(field_def.type, GraphQLNonNull),
                        fields)


def _object(schema: GraphQLSchema, name: str) -> GraphQLObjectType:
    found = schema.get_type(name)
    assert isinstance(found, GraphQLObjectType)
    return found


def _leaves(schema: GraphQLSchema, frags: Fragments, nodes: list[FieldNode], type_name: str,
            scalars: dict[str, Scalar]) -> ObjShape:
    specs: list[tuple[str, Spec]] = []
    for k, fields in collect(schema, frags, subselections(nodes),
                             _object(schema, type_name)).items():
        name = fields[0].name.value
        if name == "__typename":
            specs.append((k, Typename(type_name)))
        elif name in scalars:
            specs.append((k, Prop(scalars[name])))
        else:
            raise Unsupported(f"{type_name}.{name}")
    return ObjShape(by_type={type_name: specs})


def _gaps(schema: GraphQLSchema, frags: Fragments, nodes: list[FieldNode]) -> ConnShape:
    conn = _object(schema, "GapConnection")
    shape = ConnShape(conn.name)
    for k, fields in collect(schema, frags, subselections(nodes), conn).items():
        name = fields[0].name.value
        if name in ("totalCount", "__typename"):
            shape.fields.append((k, name))
        elif name == "pageInfo":
            shape.fields.append((k, name))
            shape.page_info.extend(page_info(schema, frags, fields))
        elif name == "nodes" and shape.nodes is None:
            shape.fields.append((k, name))
            shape.nodes = _leaves(schema, frags, fields, "Gap", GAP)
        else:
            raise Unsupported(f"GapConnection.{name}")
    return shape


async def answer(root: CoverageRoot, args: dict[str, Any], window: tuple[int, int],
                 db: Database, scope: str | None, day: date, principal: Principal
                 ) -> dict[str, Any] | None:
    """The root's answer, or None where the resolver answers (a unit not found)."""
    shaper = Shaper(principal, {0: window[0]})
    dimension: engine.Dimension = args["dimension"]
    measured = await engine.measure(db, dimension, args["unit"], day, scope)
    if measured is None:
        return None
    outcome = measured.outcome
    entry = engine.REGISTRY[dimension]
    offset, limit = window
    texts = {"dimension": dimension.name, "definitionZh": entry.zh, "definitionEn": entry.en,
             "asOf": day.isoformat(), "query": db.queries[engine.query_name(dimension)].text,
             "__typename": "Coverage"}
    out: dict[str, Any] = {}
    for key, name, shape in root.fields:
        if isinstance(shape, ObjShape) and name == "whole":
            out[key] = shaper.obj(_tally(outcome.whole), shape, "CoverageTally", [])
        elif isinstance(shape, ObjShape):
            out[key] = [shaper.obj(_tally(t), shape, "CoverageTally", [])
                        for t in outcome.children]
        elif isinstance(shape, ConnShape):
            page = {"total": len(outcome.gaps), "items": outcome.gaps[offset:offset + limit]}
            out[key] = shaper.connection(page, 0, shape)
        else:
            out[key] = texts[name]
    return out


def _tally(t: engine.Tally) -> dict[str, Any]:
    return {"code": t.code, "name": t.name, "labels": list(t.labels) or None,
            "total": t.total, "covered": t.covered, "unknown": t.unknown,
            "gaps": t.total - t.covered - t.unknown, "ratio": t.ratio}
