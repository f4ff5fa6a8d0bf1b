"""Which fields a selection asks of an object of a given concrete type: fragments and inline
fragments expanded, fields of one response key merged, as graphql-core's execution would.
A directive anywhere (@skip, @include) is left to graphql-core."""

from __future__ import annotations

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    is_abstract_type,
)

from schema.compile.plan import Unsupported

Fragments = dict[str, FragmentDefinitionNode]


def _applies(schema: GraphQLSchema, condition: str | None, runtime: GraphQLObjectType) -> bool:
    if condition is None or condition == runtime.name:
        return True
    named = schema.get_type(condition)
    return named is not None and is_abstract_type(named) and schema.is_sub_type(
        named, runtime)


def collect(schema: GraphQLSchema, fragments: Fragments, selections: list[SelectionSetNode],
            runtime: GraphQLObjectType) -> dict[str, list[FieldNode]]:
    """Response key → the field nodes asking for it, in the order graphql-core answers."""
    found: dict[str, list[FieldNode]] = {}
    for selection_set in selections:
        _walk(schema, fragments, selection_set, runtime, found)
    return found


def _walk(schema: GraphQLSchema, fragments: Fragments, selection_set: SelectionSetNode,
          runtime: GraphQLObjectType, found: dict[str, list[FieldNode]]) -> None:
    for selection in selection_set.selections:
        if selection.directives:
            raise Unsupported("directive")
        if isinstance(selection, FieldNode):
            key = selection.alias.value if selection.alias else selection.name.value
            found.setdefault(key, []).append(selection)
        elif isinstance(selection, InlineFragmentNode):
            condition = selection.type_condition
            if _applies(schema, condition.name.value if condition else None, runtime):
                _walk(schema, fragments, selection.selection_set, runtime, found)
        elif isinstance(selection, FragmentSpreadNode):
            fragment = fragments.get(selection.name.value)
            if fragment is None:
                raise Unsupported("unknown fragment")
            if _applies(schema, fragment.type_condition.name.value, runtime):
                _walk(schema, fragments, fragment.selection_set, runtime, found)


def subselections(nodes: list[FieldNode]) -> list[SelectionSetNode]:
    return [n.selection_set for n in nodes if n.selection_set is not None]


PAGE_INFO = ("hasNextPage", "endCursor", "__typename")


def page_info(schema: GraphQLSchema, fragments: Fragments, nodes: list[FieldNode]
              ) -> list[tuple[str, str]]:
    """(response key, field) of a `pageInfo` selection; `Unsupported` beyond PAGE_INFO."""
    info = schema.get_type("PageInfo")
    assert isinstance(info, GraphQLObjectType)
    found = []
    for key, fields in collect(schema, fragments, subselections(nodes), info).items():
        if fields[0].name.value not in PAGE_INFO:
            raise Unsupported("PageInfo." + fields[0].name.value)
        found.append((key, fields[0].name.value))
    return found
