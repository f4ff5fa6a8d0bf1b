"""What a compiled root field is: its Cypher, the connections whose page arguments become
parameters, and the shape its answer takes (read by shape.py, made by build.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import FieldNode, GraphQLField

from schema.compile.fields import Convert, Link, Mask, Scalar


class Unsupported(Exception):
    """The compiler does not know this part of the document: the resolvers answer it."""


@dataclass(frozen=True)
class Typename:
    name: str


@dataclass(frozen=True)
class Prop:
    scalar: Scalar

    @property
    def plain(self) -> bool:
        """Shown as stored to everyone: the shaper copies it without a second look."""
        return self.scalar.mask is Mask.PLAIN and self.scalar.convert is Convert.AS_IS


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
    _fields: dict[str, list[tuple[str, Spec, bool]]] = field(default_factory=dict)

    def fields(self, type_name: str) -> list[tuple[str, Spec, bool]]:
        """(response key, spec, copied as stored) of a type, worked out once per plan."""
        found = self._fields.get(type_name)
        if found is None:
            found = [(k, s, isinstance(s, Prop) and s.plain)
                     for k, s in self.by_type.get(type_name, ())]
            self._fields[type_name] = found
        return found


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
    roots: list[tuple[str, RootPlan | str]]
