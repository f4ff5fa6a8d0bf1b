"""Executing compiled plans: the schema extension that answers a query operation with one
Cypher per root field when the compiler knows the whole of it, and steps aside otherwise."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from graphql import ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from hub.core.errors import HubError
from hub.core.principal import Principal
from hub.core.settings import Limits
from hub.graph.db import Database
from schema.compile import coverage
from schema.compile.build import compile_operation
from schema.compile.plan import CoverageRoot, Plan, RootPlan, Unsupported
from schema.compile.shape import Shaper, unit_type
from schema.context import Context
from schema.pagination import decode_cursor

CACHED_PLANS = 256


class Compiler:
    """Plans per (document, operation), made once; `None` remembers "not compiled"."""

    def __init__(self) -> None:
        self._plans: OrderedDict[tuple[str, str | None], Plan | None] = OrderedDict()

    def plan(self, schema: GraphQLSchema, query: str, document: Any,
             operation: str | None) -> Plan | None:
        key = (query, operation)
        if key in self._plans:
            self._plans.move_to_end(key)
            return self._plans[key]
        try:
            plan: Plan | None = compile_operation(schema, document, operation)
        except Unsupported:
            plan = None
        self._keep(key, plan)
        ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if len(ops) == 1:
            # A request that names no operation asks for the document's only one.
            self._keep((query, None), plan)
        return plan

    def _keep(self, key: tuple[str, str | None], plan: Plan | None) -> None:
        self._plans[key] = plan
        if len(self._plans) > CACHED_PLANS:
            self._plans.popitem(last=False)

    def known(self, query: str, operation: str | None) -> Plan | None:
        """The plan of a document this compiler has already planned (and so a request has
        already parsed and validated), without planning it; None otherwise."""
        return self._plans.get((query, operation))


class Request:
    """One request's parameters for a plan; `None` from `params` hands it to the resolvers."""

    def __init__(self, schema: GraphQLSchema, plan: Plan, variables: dict[str, Any] | None,
                 today: date, scope: str | None, max_page: int) -> None:
        self.today, self.scope, self.max_page = today, scope, max_page
        coerced = get_variable_values(
            schema, getattr(plan.operation, "variable_definitions", ()) or (), variables or {})
        self.variables = None if isinstance(coerced, list) else coerced
        # Where each page of each root starts (its cursors count from there), per root key:
        # every root numbers its connections from 1.
        self.offsets: dict[str, dict[int, int]] = {}

    def params(self, root: RootPlan) -> dict[str, Any] | None:
        if self.variables is None:
            return None
        args = get_argument_values(root.field_def, root.node, self.variables)
        day: date = args.get("asOf") or self.today
        found: dict[str, Any] = {"code": args["code"], "asOf": day, "scope": self.scope}
        offsets = self.offsets.setdefault(root.key, {})
        for conn in root.connections:
            conn_args = get_argument_values(conn.field_def, conn.node, self.variables)
            window = self.window(conn_args.get("first"), conn_args.get("after"))
            if window is None:
                return None
            offsets[conn.index] = window[0]
            found[f"c{conn.index}_offset"], found[f"c{conn.index}_limit"] = window
            for argument, param in conn.link.filters:
                found[f"c{conn.index}_{param}"] = _plain(conn_args.get(argument))
        return found

    def coverage(self, root: CoverageRoot) -> tuple[dict[str, Any], tuple[int, int]] | None:
        """A coverage root's arguments and its page of gaps."""
        if self.variables is None:
            return None
        args = get_argument_values(root.field_def, root.node, self.variables)
        window = self.window(args.get("first"), args.get("after"))
        return None if window is None else (args, window)

    def window(self, first: int | None, after: str | None) -> tuple[int, int] | None:
        """schema/pagination.window's answer, or None where it would raise an error."""
        if first is None or first < 0 or first > self.max_page:
            return None
        if after is None:
            return 0, first
        try:
            return decode_cursor(after) + 1, first
        except HubError:
            return None


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [getattr(v, "value", v) for v in value]
    return getattr(value, "value", value)


def statements(request: Request, plan: Plan) -> list[tuple[str, str, dict[str, Any]]] | None:
    """(name, Cypher, parameters) of each unit or household root, or None where the
    resolvers answer."""
    found = []
    for _, root in plan.roots:
        if isinstance(root, RootPlan):
            params = request.params(root)
            if params is None:
                return None
            found.append((_name(root), root.cypher, params))
    return found


def _name(root: RootPlan) -> str:
    return f"compiled.{root.node.name.value}"


@dataclass(frozen=True)
class Asker:
    """What a compiled plan needs of a request: the database, who asks, the limits, today."""

    db: Database
    principal: Principal
    limits: Limits
    today: date

    @classmethod
    def of(cls, context: Context) -> Asker:
        return cls(context.db, context.principal, context.limits, context.today)


Answer = Callable[[], Awaitable[dict[str, Any] | None]]


async def execute(schema: GraphQLSchema, plan: Plan, variables: dict[str, Any] | None,
                  context: Asker) -> ExecutionResult | None:
    """The operation's result, or None when the resolvers must answer it."""
    request = Request(schema, plan, variables, context.today, context.principal.scope,
                      context.limits.max_page_size)
    answers: list[Answer] = []
    for _, root in plan.roots:
        if isinstance(root, RootPlan):
            params = request.params(root)
            if params is None:
                return None
            answers.append(partial(_unit, root, params, request.offsets[root.key], context))
        elif isinstance(root, CoverageRoot):
            found = request.coverage(root)
            if found is None:
                return None
            args, window = found
            answers.append(partial(coverage.answer, root, args, window, context.db,
                                   request.scope, args.get("asOf") or request.today,
                                   context.principal))
    roots = [r for _, r in plan.roots if not isinstance(r, str)]
    try:
        # One root (most documents) is awaited as it is: no task to make and schedule.
        shaped = ([await answers[0]()] if len(answers) == 1
                  else await asyncio.gather(*(a() for a in answers)))
    except Exception as exc:  # a HubError says what it is; anything else is masked later
        message = exc.message() if isinstance(exc, HubError) else str(exc)
        error = GraphQLError(message, path=[roots[0].key], original_error=exc)
        nulled = None if any(r.non_null for r in roots) else {k: None for k, _ in plan.roots}
        return ExecutionResult(data=nulled, errors=[error])
    if any(answer is None for answer in shaped):
        return None  # not found: the resolvers answer with their typed result
    found_answers = iter(shaped)
    return ExecutionResult(data={key: entry if isinstance(entry, str) else next(found_answers)
                                 for key, entry in plan.roots})


async def _unit(root: RootPlan, params: dict[str, Any], offsets: dict[int, int],
                asker: Asker) -> dict[str, Any] | None:
    limits = asker.limits
    # Neo4j plans a compiled query the first time it sees it, which for a deep document on a
    # loaded server takes seconds: that first run gets the limit of an edit's (which plans
    # likewise), every later one the read limit.
    rows = await asker.db.read_compiled(_name(root), root.cypher, params, timeout=(
        limits.tx_timeout_seconds if root.planned else limits.write_timeout_seconds))
    root.planned = True
    if not rows:
        return None
    row = rows[0]
    type_name = "Household" if root.root == "Household" else unit_type(row["labels"])
    shaped: dict[str, Any] = Shaper(asker.principal, offsets).root(row, root.shape, type_name)
    return shaped


class CompiledExecution(SchemaExtension):
    """Answer the operation from compiled plans where it can (see the package docstring)."""

    def __init__(self, compiler: Compiler) -> None:
        self.compiler = compiler

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        if (ctx.result is None and ctx.query and ctx.graphql_document is not None
                and ctx.operation_type is OperationType.QUERY):
            schema = ctx.schema._schema
            plan = self.compiler.plan(schema, ctx.query, ctx.graphql_document,
                                      ctx.operation_name)
            if plan is not None:
                result = await execute(schema, plan, ctx.variables, Asker.of(ctx.context))
                if result is not None:
                    ctx.result = result
        yield
