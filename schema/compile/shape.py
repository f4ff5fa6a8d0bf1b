"""The answer of a compiled query made into the response: one pass over the nested map
Neo4j returned, following the plan. Enums get their GraphQL names, dates their ISO form,
cursors are made as schema/pagination.py makes them, and personal data goes through
hub/query/personal.py and the rule of schema/personal.py (null for the service role)."""

from __future__ import annotations

from typing import Any

from hub.core.principal import Principal
from hub.query.allowance import as_date
from hub.query.personal import shown_name, shown_phone, shown_text
from schema.compile.fields import UNIT_TYPES, Convert, Mask, Scalar
from schema.compile.plan import ConnShape, Nested, ObjShape, Parent, Prop, Typename
from schema.kinds import OrgKind, UnitKind
from schema.pagination import encode_cursor

_UNIT_TYPES = frozenset(UNIT_TYPES)
_UNIT_KIND = {k.value: k.name for k in UnitKind}
_ORG_KIND = {k.value: k.name for k in OrgKind}


class Shaper:
    """Shapes the answers of one request: who asks, and where each page starts."""

    def __init__(self, principal: Principal, offsets: dict[int, int]) -> None:
        self.principal = principal
        self.offsets = offsets
        self.personal = principal.sees_personal_data

    def root(self, row: dict[str, Any], shape: ObjShape, type_name: str) -> dict[str, Any]:
        return self.obj(row, shape, type_name, row.get("chain") or [])

    def obj(self, row: dict[str, Any], shape: ObjShape, type_name: str,
            chain: list[dict[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, spec, plain in shape.fields(type_name):
            if plain:
                out[key] = row.get(spec.scalar.prop)  # type: ignore[union-attr]
            elif isinstance(spec, Prop):
                out[key] = self.value(row, spec.scalar)
            elif isinstance(spec, Nested):
                out[key] = self.connection(row[spec.conn.key], spec.conn.index,
                                           spec.conn.shape)
            elif isinstance(spec, Parent):
                above = chain[spec.depth - 1] if len(chain) >= spec.depth else None
                out[key] = None if above is None else self.obj(
                    above, spec.shape, unit_type(above["labels"]), chain)
            elif isinstance(spec, Typename):
                out[key] = spec.name
        return out

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
                out[key] = [self.obj(item, nodes, self.type_of(item, nodes), [])
                            for item in items]
            elif name == "pageInfo":
                out[key] = self.page_info(shape, total, offset, len(items))
            else:
                out[key] = shape.type_name
        return out

    @staticmethod
    def type_of(item: dict[str, Any], nodes: ObjShape) -> str:
        if len(nodes.by_type) == 1:
            return next(iter(nodes.by_type))
        return unit_type(item["labels"])

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

    def value(self, row: dict[str, Any], scalar: Scalar) -> Any:
        value = row.get(scalar.prop)
        if value is None:
            return None
        if scalar.mask is not Mask.PLAIN:
            value = self.masked(value, scalar.mask)
            if value is None:
                return None
        if scalar.convert is Convert.AS_IS:
            return value
        if scalar.convert is Convert.UNIT_KIND:
            return _UNIT_KIND[unit_type(value)]
        if scalar.convert is Convert.ORG_KIND:
            return _ORG_KIND[value]
        return value if isinstance(value, str) else as_date(value).isoformat()

    def masked(self, value: Any, mask: Mask) -> Any:
        if mask is Mask.NAME:
            return shown_name(self.principal, value)
        if mask is Mask.PHONE:
            return shown_phone(self.principal, value)
        if mask is Mask.TEXT:
            return shown_text(self.principal, value)
        return value if self.personal else None


def unit_type(labels: list[str]) -> str:
    """The GraphQL type of a unit row: its unit label (schema.kinds.kind_of's rule)."""
    for label in labels:
        if label in _UNIT_TYPES:
            return label
    raise ValueError(f"not a unit: {labels}")
