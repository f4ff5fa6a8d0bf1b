"""Compile a query operation into one Cypher per root field (plan.py), or say it cannot.

`unit(code, asOf)` and `household(code, asOf)` roots are compiled, with the fields of
fields.py below them: unit and person scalars, `parent` chains above the root, and paged
connections nested to any depth; and `coverage(…)` roots asking what the dimension's query
answers (schema/compile/coverage.py). Every other root field or field raises `Unsupported`.
"""

from __future__ import annotations

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    get_named_type,
)

from schema.compile import fragments as fr
from schema.compile.collect import Fragments, collect, page_info, subselections
from schema.compile.coverage import coverage_root
from schema.compile.fields import LINKS, PARENT_OF, ROOTS, SCALARS, UNIT_TYPES, Link
from schema.compile.plan import (
    ConnPlan,
    ConnShape,
    CoverageRoot,
    Nested,
    ObjShape,
    Parent,
    Plan,
    Prop,
    RootPlan,
    Spec,
    Typename,
    Unsupported,
)


def operation_of(document: DocumentNode, name: str | None) -> OperationDefinitionNode:
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in ops if name is None or (o.name and o.name.value == name)]
    if len(chosen) != 1:
        raise Unsupported("operation")
    return chosen[0]


def compile_operation(schema: GraphQLSchema, document: DocumentNode,
                      operation_name: str | None) -> Plan:
    """The plan of the operation, or `Unsupported` if any root field is not compiled."""
    op = operation_of(document, operation_name)
    if op.operation is not OperationType.QUERY or op.directives:
        raise Unsupported("not a plain query")
    frags: Fragments = {d.name.value: d for d in document.definitions
                        if isinstance(d, FragmentDefinitionNode)}
    query_type = schema.query_type
    assert query_type is not None
    roots: list[tuple[str, RootPlan | CoverageRoot | str]] = []
    for key, nodes in collect(schema, frags, [op.selection_set], query_type).items():
        name = nodes[0].name.value
        if name == "__typename":
            roots.append((key, query_type.name))
            continue
        if name == "coverage" and len(nodes) == 1:
            roots.append((key, coverage_root(schema, frags, key, query_type.fields[name],
                                             nodes[0])))
            continue
        if name not in ROOTS or len(nodes) != 1:
            raise Unsupported(name)
        roots.append((key, _Builder(schema, frags).root(key, query_type.fields[name],
                                                       nodes[0], name)))
    return Plan(op, roots)


class _Builder:
    def __init__(self, schema: GraphQLSchema, frags: Fragments) -> None:
        self.schema, self.frags = schema, frags
        self.count = 0
        self.connections: list[ConnPlan] = []
        self.chain = False

    def _next(self) -> int:
        self.count += 1
        return self.count

    def _type(self, name: str) -> GraphQLObjectType:
        found = self.schema.get_type(name)
        assert isinstance(found, GraphQLObjectType)
        return found

    def root(self, key: str, field_def: GraphQLField, node: FieldNode, name: str) -> RootPlan:
        root, types = ROOTS[name]
        shape, calls, extra = self.obj([node], types, "n0", depth=0)
        low, high = fr.ROOT_SCOPE_DEPTH[root]
        text = fr.ROOT_MATCH[root] % {"node": "n0", "low": low, "high": high}
        if self.chain:
            text += fr.CHAIN % {
                "in_scope": fr.IN_SCOPE % {"node": "n", "low": 0, "high": 4},
                "projection": fr.UNIT_PROJECTION % {"node": "n"}}
            extra += ", chain: chain"
        projection = fr.PROJECTIONS["unit" if root == "Unit" else root] % {"node": "n0"}
        text += calls + fr.RETURN % {"projection": projection + extra}
        return RootPlan(key, root, field_def, node, isinstance(field_def.type, GraphQLNonNull),
                        text, shape, self.connections)

    def obj(self, nodes: list[FieldNode], types: tuple[str, ...], var: str, depth: int
            ) -> tuple[ObjShape, str, str]:
        """The shape of an object at `var` (depth > 0: a unit of the root's chain), the
        CALLs of its connections and what they add to its projection."""
        shape, calls, extra = ObjShape(), "", ""
        for type_name in types:
            runtime = self._type(type_name)
            specs: list[tuple[str, Spec]] = []
            for key, fields in collect(self.schema, self.frags, subselections(nodes),
                                       runtime).items():
                name = fields[0].name.value
                spec, call = self.field(type_name, runtime, name, fields, var, depth)
                specs.append((key, spec))
                if call:
                    calls += call
                    extra += f", {spec.conn.key}: {spec.conn.key}"  # type: ignore[union-attr]
            shape.by_type[type_name] = specs
        return shape, calls, extra

    def field(self, type_name: str, runtime: GraphQLObjectType, name: str,
              nodes: list[FieldNode], var: str, depth: int) -> tuple[Spec, str]:
        if name == "__typename":
            return Typename(type_name), ""
        if any(n.arguments for n in nodes) and (type_name, name) not in LINKS:
            raise Unsupported(f"{type_name}.{name} with arguments")
        scalar = SCALARS.get(type_name, {}).get(name)
        if scalar is not None:
            return Prop(scalar), ""
        if name == "parent" and type_name in PARENT_OF and self._on_chain(var, depth):
            self.chain = True
            shape, _, _ = self.obj(nodes, UNIT_TYPES, "n", depth + 1)
            return Parent(depth + 1, shape), ""
        link = LINKS.get((type_name, name))
        if link is None or depth > 0:
            raise Unsupported(f"{type_name}.{name}")
        return self.connection(type_name, runtime.fields[name], link, nodes, var)

    @staticmethod
    def _on_chain(var: str, depth: int) -> bool:
        return var == "n0" or depth > 0

    def connection(self, parent_type: str, field_def: GraphQLField, link: Link,
                   nodes: list[FieldNode], var: str) -> tuple[Spec, str]:
        index = self._next()
        conn_type = get_named_type(field_def.type)
        assert isinstance(conn_type, GraphQLObjectType)
        cshape = ConnShape(conn_type.name)
        child = f"n{index}"
        calls, extra = "", ""
        for key, fields in collect(self.schema, self.frags, subselections(nodes),
                                   conn_type).items():
            name = fields[0].name.value
            if name in ("totalCount", "__typename"):
                cshape.fields.append((key, name))
            elif name == "pageInfo":
                cshape.fields.append((key, name))
                cshape.page_info.extend(page_info(self.schema, self.frags, fields))
            elif name == "nodes":
                cshape.fields.append((key, name))
                if cshape.nodes is not None:
                    raise Unsupported("nodes twice")
                cshape.nodes, calls, extra = self.obj(fields, (link.node_type,), child, 0)
            else:
                raise Unsupported(f"{conn_type.name}.{name}")
        plan = ConnPlan(index, f"f{index}", link, field_def, nodes[0], cshape)
        self.connections.append(plan)
        pattern, where = fr.MATCHES[link.fragment]
        names = {"node": child, "parent": var, "rel": f"r{index}", "label": link.label,
                 "p": f"c{index}", "low": 0, "high": 4}
        projection = fr.PROJECTIONS.get(link.node_type, fr.UNIT_PROJECTION) % names
        carry = "".join(f", {c.key}" for c in self._direct(cshape))
        text = fr.CONNECTION % {
            **names, "pattern": pattern % names, "where": where % names,
            "active": fr.ACTIVE % names, "parent_label": parent_type, "key": plan.key,
            "nested": _indent(calls), "carry": carry, "projection": projection + extra}
        return Nested(plan), text

    @staticmethod
    def _direct(cshape: ConnShape) -> list[ConnPlan]:
        """The connections of the page's nodes (one level down), whose results it carries."""
        if cshape.nodes is None:
            return []
        found: dict[str, ConnPlan] = {}
        for specs in cshape.nodes.by_type.values():
            for _, spec in specs:
                if isinstance(spec, Nested):
                    found[spec.conn.key] = spec.conn
        return list(found.values())


def _indent(text: str) -> str:
    return "".join("  " + line + "\n" for line in text.splitlines())
