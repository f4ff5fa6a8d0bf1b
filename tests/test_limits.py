"""Measuring a document's cost must itself be cheap, whatever its fragments do."""

from __future__ import annotations

import time

from graphql import parse

from hub.http.limits import Cost, measure


def test_depth_aliases_and_fields() -> None:
    doc = parse("{ a { b { c } } x: a { b { c } } }")
    assert measure(doc) == Cost(depth=3, aliases=1, fields=6)


def test_fragments_count_where_they_are_spread() -> None:
    doc = parse("""
        query { a { ...F } b: a { ...F } }
        fragment F on T { x: f { g } y: f { g } }
    """)
    assert measure(doc) == Cost(depth=3, aliases=5, fields=10)


def test_a_fragment_bomb_is_measured_in_linear_time() -> None:
    levels = 60
    fragments = [f"fragment F{i} on T {{ a{i}: f {{ ...F{i + 1} }} b{i}: f {{ ...F{i + 1} }} }}"
                 for i in range(levels)]
    fragments.append(f"fragment F{levels} on T {{ leaf }}")
    doc = parse("query { ...F0 }\n" + "\n".join(fragments))
    started = time.perf_counter()
    cost = measure(doc)
    assert time.perf_counter() - started < 1.0, "measuring must not expand the bomb"
    assert cost.aliases > 2**levels and cost.depth == levels + 1


def test_introspection_does_not_count_towards_depth() -> None:
    doc = parse("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }")
    assert measure(doc).depth == 0
