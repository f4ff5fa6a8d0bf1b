"""Abuse limits on a GraphQL document: depth, aliases and fields, fragments expanded.

Strawberry's own alias counter walks every fragment spread afresh, so a document whose
fragments each spread the next one twice costs 2^n steps to *count*: the counter itself is the
bomb. Here each fragment is measured once and its cost reused wherever it is spread, so
measuring is linear in the document's size while the limits apply to the expanded query.
Introspection fields (`__schema`, `__type`) are left out of the depth, which the IDE's own
introspection query would otherwise exceed; their width still counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)

from hub.core.settings import Limits


@dataclass(frozen=True)
class Cost:
    """What a selection set costs once every fragment in it is expanded."""

    depth: int = 0
    aliases: int = 0
    fields: int = 0

    def beside(self, other: Cost) -> Cost:
        return Cost(max(self.depth, other.depth), self.aliases + other.aliases,
                    self.fields + other.fields)


class _Meter:
    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self._fragments = fragments
        self._known: dict[str, Cost] = {}
        self._open: set[str] = set()

    def fragment(self, name: str) -> Cost:
        if name in self._known:
            return self._known[name]
        node = self._fragments.get(name)
        if node is None or name in self._open:
            return Cost()  # unknown or cyclic: graphql's own rules report those
        self._open.add(name)
        cost = self.selections(node.selection_set)
        self._open.discard(name)
        self._known[name] = cost
        return cost

    def selections(self, selection_set: SelectionSetNode | None) -> Cost:
        total = Cost()
        if selection_set is None:
            return total
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                inner = self.selections(sel.selection_set)
                introspection = sel.name.value.startswith("__")
                depth = 0 if introspection else 1 + inner.depth
                total = total.beside(Cost(depth, inner.aliases + (1 if sel.alias else 0),
                                          inner.fields + 1))
            elif isinstance(sel, InlineFragmentNode):
                total = total.beside(self.selections(sel.selection_set))
            elif isinstance(sel, FragmentSpreadNode):
                total = total.beside(self.fragment(sel.name.value))
        return total


def measure(document: Any) -> Cost:
    """The cost of the costliest operation of a parsed document."""
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    meter = _Meter(fragments)
    worst = Cost()
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            cost = meter.selections(definition.selection_set)
            worst = Cost(max(worst.depth, cost.depth), max(worst.aliases, cost.aliases),
                         max(worst.fields, cost.fields))
    return worst


def limits_rule(limits: Limits) -> type[ValidationRule]:
    """A validation rule refusing documents over the depth, alias or field limits."""

    class RequestLimits(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            cost = measure(context.document)
            checks = (
                (cost.depth, limits.max_depth, "查询深度 / query depth"),
                (cost.aliases, limits.max_aliases, "别名数（含片段）/ aliases, fragments expanded"),
                (cost.fields, limits.max_fields, "字段数（含片段）/ fields, fragments expanded"),
            )
            for found, allowed, what in checks:
                if found > allowed:
                    context.report_error(GraphQLError(
                        f"{what} {found} 超过上限 {allowed} / exceeds the limit of {allowed}",
                        extensions={"code": "LIMIT_EXCEEDED", "found": found, "allowed": allowed},
                    ))

    return RequestLimits
