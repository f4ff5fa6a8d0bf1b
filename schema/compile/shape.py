"""The answer of a compiled query made into the response: one pass over the nested map
Neo4j returned, following the plan. Enums get their GraphQL names (dates come as ISO text
from the query, schema/compile/fragments.py), cursors are made as schema/pagination.py makes
them, and personal data is shown as hub/query/personal.py's `reveal` says (null for the
service role).

A browse answer holds thousands of values, so what each field takes is worked out once per
plan, type and kind of caller (`steps`), not once per value: a value the caller sees as
stored is copied, one it may not see is null, and only masked or converted ones call a
function. An object whose fields are all copies is made in one comprehension.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hub.core.principal import Principal
from hub.query.personal import as_stored, reveal
from schema.compile.fields import UNIT_TYPES, Convert, Mask, Scalar
from schema.compile.plan import ConnShape, Nested, ObjShape, Parent, Prop, Spec, Typename
from schema.kinds import OrgKind, UnitKind
from schema.pagination import encode_cursor

_UNIT_TYPES = frozenset(UNIT_TYPES)
_UNIT_KIND = {k.value: k.name for k in UnitKind}
_ORG_KIND = {k.value: k.name for k in OrgKind}

# What a field takes: (response key, step, argument).
COPY, CALL, NULL, CONST, NEST, PARENT = range(6)
Step = tuple[str, int, Any]


def _unit_kind(labels: list[str]) -> str:
    return _UNIT_KIND[unit_type(labels)]


def _org_kind(value: str) -> str:
    return _ORG_KIND[value]


_CONVERT: dict[Convert, Callable[[Any], Any]] = {
    Convert.AS_IS: as_stored, Convert.UNIT_KIND: _unit_kind, Convert.ORG_KIND: _org_kind}
# Each different way of seeing the masks, numbered: a plan's steps are kept per number.
_VIEWS: dict[tuple[Callable[[str], str] | None, ...], int] = {}


@dataclass(frozen=True)
class Steps:
    """An object's fields for one type and kind of caller; `copies` when all are copies."""

    all: tuple[Step, ...]
    copies: tuple[tuple[str, str], ...] | None


class Shaper:
    """Shapes the answers of one request: who asks, and where each page starts."""

    def __init__(self, principal: Principal, offsets: dict[int, int]) -> None:
        self.offsets = offsets
        self.shown: dict[Mask, Callable[[str], str] | None] = {
            mask: as_stored if mask is Mask.PLAIN else reveal(principal, mask.value)
            for mask in Mask}
        # Callers who see the same of every mask get the same steps.
        self.view = _VIEWS.setdefault(tuple(self.shown[mask] for mask in Mask), len(_VIEWS))

    def root(self, row: dict[str, Any], shape: ObjShape, type_name: str) -> dict[str, Any]:
        return self.obj(row, shape, type_name, row.get("chain") or [])

    def obj(self, row: dict[str, Any], shape: ObjShape, type_name: str,
            chain: list[dict[str, Any]]) -> dict[str, Any]:
        steps = self.steps(shape, type_name)
        if steps.copies is not None:
            return {key: row.get(prop) for key, prop in steps.copies}
        out: dict[str, Any] = {}
        for key, step, arg in steps.all:
            if step == COPY:
                out[key] = row.get(arg)
            elif step == CALL:
                value = row.get(arg[0])
                out[key] = None if value is None else arg[1](value)
            elif step == NULL:
                out[key] = None
            elif step == CONST:
                out[key] = arg
            elif step == NEST:
                out[key] = self.connection(row[arg.key], arg.index, arg.shape)
            else:
                above = chain[arg.depth - 1] if len(chain) >= arg.depth else None
                out[key] = None if above is None else self.obj(
                    above, arg.shape, unit_type(above["labels"]), chain)
        return out

    def steps(self, shape: ObjShape, type_name: str) -> Steps:
        made = shape.made.get((type_name, self.view))
        if made is None:
            found = tuple(self.step(key, spec) for key, spec in shape.by_type.get(type_name, ()))
            copies = tuple((key, arg) for key, step, arg in found if step == COPY)
            made = Steps(found, copies if len(copies) == len(found) else None)
            shape.made[(type_name, self.view)] = made
        return made

    def step(self, key: str, spec: Spec) -> Step:
        if isinstance(spec, Prop):
            return (key, *self.scalar(spec.scalar))
        if isinstance(spec, Nested):
            return key, NEST, spec.conn
        if isinstance(spec, Parent):
            return key, PARENT, spec
        assert isinstance(spec, Typename)
        return key, CONST, spec.name

    def scalar(self, scalar: Scalar) -> tuple[int, Any]:
        shown, convert = self.shown[scalar.mask], _CONVERT[scalar.convert]
        if shown is None:
            return NULL, None
        if shown is as_stored and convert is as_stored:
            return COPY, scalar.prop
        if shown is as_stored:
            return CALL, (scalar.prop, convert)
        if convert is as_stored:
            return CALL, (scalar.prop, shown)
        return CALL, (scalar.prop, lambda value: convert(shown(value)))

    def connection(self, found: dict[str, Any], index: int, shape: ConnShape
                   ) -> dict[str, Any]:
        items: list[dict[str, Any]] = found["items"]
        total, offset = int(found["total"]), self.offsets[index]
        out: dict[str, Any] = {}
        for key, name in shape.fields:
            if name == "totalCount":
                out[key] = total
            elif name == "nodes":
                nodes = shape.nodes
                assert nodes is not None
                if len(nodes.by_type) == 1:
                    only = next(iter(nodes.by_type))
                    out[key] = [self.obj(item, nodes, only, []) for item in items]
                else:
                    out[key] = [self.obj(item, nodes, unit_type(item["labels"]), [])
                                for item in items]
            elif name == "pageInfo":
                out[key] = self.page_info(shape, total, offset, len(items))
            else:
                out[key] = shape.type_name
        return out

    @staticmethod
    def page_info(shape: ConnShape, total: int, offset: int, count: int) -> dict[str, Any]:
        info: dict[str, Any] = {}
        for key, name in shape.page_info:
            if name == "hasNextPage":
                info[key] = offset + count < total
            elif name == "endCursor":
                info[key] = encode_cursor(offset + count - 1) if count else None
            else:
                info[key] = "PageInfo"
        return info


def unit_type(labels: list[str]) -> str:
    """The GraphQL type of a unit row: its unit label (schema.kinds.kind_of's rule)."""
    for label in labels:
        if label in _UNIT_TYPES:
            return label
    raise ValueError(f"not a unit: {labels}")
