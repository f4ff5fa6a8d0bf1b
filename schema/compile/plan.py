"""What a compiled root field is: its Cypher, the connections whose page arguments become
parameters, and the shape its answer takes (read by shape.py, made by build.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import FieldNode, GraphQLField

from schema.compile.fields import Link, Scalar


class Unsupported(Exception):
    """The compiler does not know this part of the document: the resolvers answer it."""


@dataclass(frozen=True)
class Typename:
    name: str


@dataclass(frozen=True)
class Prop:
    scalar: Scalar


@dataclass(frozen=True)
class Parent:
    """The unit `depth` levels above the root, from the root's chain."""

    depth: int
    shape: ObjShape


@dataclass
class ConnPlan:
    """One connection field: `c<index>_…` parameters, the map key `key` in the answer."""

    index: int
    key: str
    link: Link
    field_def: GraphQLField
    node: FieldNode
    shape: ConnShape


@dataclass(frozen=True)
class Nested:
    conn: ConnPlan


Spec = Typename | Prop | Parent | Nested


@dataclass
class ObjShape:
    """The response keys of an object, per concrete type it may turn out to be."""

    by_type: dict[str, list[tuple[str, Spec]]] = field(default_factory=dict)
    # What shape.py makes of `by_type` per (type, what the caller may see), made once per plan.
    made: dict[tuple[str, int], Any] = field(default_factory=dict)


@dataclass
class ConnShape:
    """totalCount, pageInfo (hasNextPage, endCursor, __typename), nodes, __typename."""

    type_name: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    page_info: list[tuple[str, str]] = field(default_factory=list)
    nodes: ObjShape | None = None


@dataclass
class RootPlan:
    key: str
    root: str  # "Unit" or "Household"
    field_def: GraphQLField
    node: FieldNode
    non_null: bool
    cypher: str
    shape: ObjShape
    connections: list[ConnPlan]
    # Neo4j has planned this text once in this process: later runs get the read limit.
    planned: bool = False


@dataclass
class Plan:
    """A whole query operation: its root fields in response order ("Query" for __typename)."""

    operation: object
    roots: list[tuple[str, RootPlan | CoverageRoot | str]]


@dataclass
class CoverageRoot:
    """A compiled `coverage(…)` root (schema/compile/coverage.py): its response keys in order,
    each with its field's name and the shape below it (None for a text or `__typename`)."""

    key: str
    field_def: GraphQLField
    node: FieldNode
    non_null: bool
    fields: list[tuple[str, str, ObjShape | ConnShape | None]]
