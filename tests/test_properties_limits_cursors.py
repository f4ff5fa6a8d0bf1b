"""Property-based tests of the abuse-limit measure and of page cursors (issue #19, item 6).

The measure must give the cost of the query with every fragment expanded, however the
document is cut into fragments; a cursor must round-trip, and any other text must be refused
as a `BadCursor`, never as another exception.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from graphql import parse
from hypothesis import given
from hypothesis import strategies as st

from hub.core.errors import BadCursor
from hub.http.limits import Cost, measure
from schema.pagination import decode_cursor, encode_cursor


@dataclass(frozen=True)
class Field:
    name: str
    alias: str | None
    children: tuple[Field, ...]
    as_fragment: bool  # write the children as a named fragment instead of inline


names = st.sampled_from(["a", "b", "c", "code", "name", "nodes"])
fields: st.SearchStrategy[Field] = st.recursive(
    st.builds(Field, names, st.none() | names.map(lambda n: n + "X"), st.just(()),
              st.just(False)),
    lambda inner: st.builds(Field, names, st.none() | names.map(lambda n: n + "X"),
                            st.lists(inner, min_size=1, max_size=4).map(tuple), st.booleans()),
    max_leaves=40,
)


def expected(selection: tuple[Field, ...]) -> Cost:
    """The cost counted by hand on the tree: what the measure must find."""
    depth = max((1 + expected(f.children).depth for f in selection), default=0)
    aliases = sum((f.alias is not None) + expected(f.children).aliases for f in selection)
    count = sum(1 + expected(f.children).fields for f in selection)
    return Cost(depth, aliases, count)


def render(selection: tuple[Field, ...], fragments: list[str], ids: itertools.count[int]) -> str:
    parts = []
    for f in selection:
        head = f"{f.alias}: {f.name}" if f.alias else f.name
        if not f.children:
            parts.append(head)
            continue
        body = render(f.children, fragments, ids)
        if f.as_fragment:
            name = f"F{next(ids)}"
            fragments.append(f"fragment {name} on T {{ {body} }}")
            body = f"...{name}"
        parts.append(f"{head} {{ {body} }}")
    return " ".join(parts)


@given(st.lists(fields, min_size=1, max_size=5).map(tuple))
def test_the_measure_is_the_cost_of_the_expanded_query(selection: tuple[Field, ...]) -> None:
    fragments: list[str] = []
    query = "query Q { " + render(selection, fragments, itertools.count()) + " }"
    assert measure(parse("\n".join([query, *fragments]))) == expected(selection)


@given(st.integers(min_value=1, max_value=60))
def test_fragments_spread_twice_per_level_are_counted_expanded(levels: int) -> None:
    chain = [f"fragment L{i} on T {{ ...L{i + 1} ...L{i + 1} }}" for i in range(levels)]
    document = parse("\n".join(["query Q { root { ...L0 } }", *chain,
                                f"fragment L{levels} on T {{ leaf }}"]))
    assert measure(document) == Cost(depth=2, aliases=0, fields=1 + 2 ** levels)


@given(st.integers(min_value=0, max_value=10 ** 12))
def test_a_cursor_round_trips(index: int) -> None:
    assert decode_cursor(encode_cursor(index)) == index


@given(st.text(max_size=40) | st.binary(max_size=30).map(lambda b: b.hex()))
def test_any_other_text_is_a_cursor_or_refused_as_one(text: str) -> None:
    try:
        index = decode_cursor(text)
    except BadCursor as refused:
        assert refused.fields["cursor"] == text
    else:
        assert index >= 0
