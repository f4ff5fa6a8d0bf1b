"""`_entities` as the hub answers it: each representation checked on its own.

Strawberry's resolver trusts the gateway: a representation without `__typename`, naming a
type the hub does not have, or not an object at all fails the whole field, and a key of the
wrong type (`code: 123`) reaches the batched lookup and fails the batch. Here each
representation is first checked against the entity types of the schema (those with `@key`)
and their key fields; one that does not fit becomes a `BadRepresentation` at its own index,
and the valid ones in the same batch resolve as usual (schema/federation.py).
"""

from __future__ import annotations

from typing import Any

from strawberry.federation import Schema
from strawberry.federation.schema import FederationAny
from strawberry.federation.schema_directives import Key
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition

from hub.core.errors import InputError


class BadRepresentation(InputError):
    """A representation the hub cannot resolve as sent (not a refusal: nothing was looked up)."""

    zh = "实体引用无效"
    en = "invalid entity representation"

    def __init__(self, *, index: int, reason_zh: str, reason: str) -> None:
        self.index, self.reason_zh, self.reason = index, reason_zh, reason
        self._keep(index=index, reasonZh=reason_zh, reason=reason)

    def detail(self) -> str:
        return f"#{self.index}: {self.reason_zh}; {self.reason}"


def key_fields(definition: StrawberryObjectDefinition) -> list[frozenset[str]]:
    """The field sets of a type's `@key` directives (empty: not an entity)."""
    return [frozenset(str(d.fields).split()) for d in definition.directives or []
            if isinstance(d, Key)]


class FederatedSchema(Schema):
    """A federation schema whose `_entities` refuses bad representations one by one."""

    def entity_types(self) -> dict[str, list[frozenset[str]]]:
        """Every `@key` type in the schema, by GraphQL name, with its key field sets."""
        found: dict[str, list[frozenset[str]]] = {}
        for name, concrete in self.schema_converter.type_map.items():
            definition = concrete.definition
            if isinstance(definition, StrawberryObjectDefinition) and key_fields(definition):
                found[name] = key_fields(definition)
        return found

    def refusal(self, index: int, representation: object,
                entities: dict[str, list[frozenset[str]]]) -> BadRepresentation | None:
        """Why a representation cannot be resolved, or None if it can be tried."""

        def bad(zh: str, en: str) -> BadRepresentation:
            return BadRepresentation(index=index, reason_zh=zh, reason=en)

        if not isinstance(representation, dict):
            return bad("须为对象 {__typename, code}", "must be an object {__typename, code}")
        typename = representation.get("__typename")
        if not isinstance(typename, str) or not typename:
            return bad("缺少 __typename", "__typename is missing")
        if typename not in entities:
            known = ", ".join(sorted(entities))
            what = ("不是实体类型" if typename in self.schema_converter.type_map else "未知类型")
            en = ("is not an entity type" if typename in self.schema_converter.type_map
                  else "is no type of the hub")
            return bad(f"{typename} {what}（实体类型：{known}）",
                       f"{typename} {en} (entity types: {known})")
        given = frozenset(representation) - {"__typename"}
        keys = entities[typename]
        if given not in keys:
            wanted = " | ".join(sorted(" ".join(sorted(k)) for k in keys))
            return bad(f"{typename} 的键字段为 {wanted}，收到 {', '.join(sorted(given)) or '无'}",
                       f"{typename} is keyed by {wanted}; got {', '.join(sorted(given)) or 'none'}")
        for field in sorted(given):
            value = representation[field]
            # Every key of the hub is a code (String!), never empty.
            if not isinstance(value, str) or not value:
                return bad(f"{field} 须为非空字符串，收到 {value!r}",
                           f"{field} must be a non-empty string, got {value!r}")
        return None

    def entities_resolver(self, info: Info, representations: list[FederationAny]
                          ) -> list[FederationAny]:
        results: list[Any] = []
        entities = self.entity_types()
        for index, representation in enumerate(representations):
            refused = self.refusal(index, representation, entities)
            if refused is not None or not isinstance(representation, dict):
                results.append(refused)
                continue
            # Strawberry's resolver pops `__typename`: it gets a copy.
            copy = FederationAny(dict(representation))
            results.extend(super().entities_resolver(info, [copy]))
        return results
