"""The schema's own promises, checked without a database: every type, field and argument is
described in Chinese and English (Federation's `_Service`, `_Any` and `_entities` are
Strawberry's, and left out), and every coverage dimension has its Cypher file."""

from __future__ import annotations

import re

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLNamedType, GraphQLScalarType

from hub.core.settings import Settings
from hub.graph.cypher import Queries
from hub.http.graphql_app import build_schema
from hub.query.coverage import REGISTRY, Dimension, query_name

CHINESE = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")
BUILT_IN = {"String", "Int", "Float", "Boolean", "ID", "Date"}


def bilingual(text: str | None) -> bool:
    return bool(text) and bool(CHINESE.search(text or "")) and bool(LATIN.search(text or ""))


def test_every_type_field_and_argument_is_described_in_both_languages() -> None:
    schema = build_schema(Settings.from_env({}))._schema
    missing: list[str] = []
    for name, kind in schema.type_map.items():
        # `link__Import` and `link__Purpose` come with Federation's @link spec, not the hub.
        if name.startswith(("_", "link__")) or (
                isinstance(kind, GraphQLScalarType) and name in BUILT_IN):
            continue
        named: GraphQLNamedType = kind
        if not bilingual(named.description):
            missing.append(name)
        if isinstance(kind, GraphQLEnumType):
            continue
        fields = getattr(kind, "fields", {})
        for field_name, field in fields.items():
            if field_name.startswith("_"):
                continue
            if not bilingual(field.description):
                missing.append(f"{name}.{field_name}")
            if isinstance(kind, GraphQLInputObjectType):
                continue
            for arg_name, arg in field.args.items():
                if not bilingual(arg.description):
                    missing.append(f"{name}.{field_name}({arg_name})")
    assert missing == []


def test_every_coverage_dimension_has_its_cypher_file() -> None:
    queries = Queries()
    assert set(REGISTRY) == set(Dimension)
    for dimension in Dimension:
        text = queries[query_name(dimension)].text
        assert all(p in text for p in ("$unit", "$scope", "$asOf")), dimension


def test_every_enum_value_is_described_in_both_languages() -> None:
    schema = build_schema(Settings.from_env({}))._schema
    values = {f"{name}.{value}": kind.values[value].description
              for name, kind in schema.type_map.items()
              if isinstance(kind, GraphQLEnumType) and not name.startswith(("__", "link__"))
              for value in kind.values}
    assert len(values) >= 38
    assert [v for v, text in values.items() if not bilingual(text)] == []
