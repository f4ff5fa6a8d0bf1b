"""Errors in the request itself, before any resolver runs: its HTTP body, its syntax, its fit
to the schema, the values of its variables and literals.

graphql-core and Strawberry report these in English, and some of them (a variable that cannot
be coerced) carry the coercion's exception, which a masking rule keyed on "has an original
exception" would call a fault. Here each becomes a `HubError` of its own kind: a stable
`extensions.code` (the class name), a message in Chinese and English that names what was
wrong, and the location graphql-core found. `hub.http.graphql_app` applies `classify` to every
error that has no path (nothing was executed yet) and to the HTTP layer's refusals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

from hub.core.errors import InputError

# Longer than any code, name or cursor the hub issues, far shorter than what would make a
# lookup or a `CONTAINS` filter costly, or an error message that quotes it unreadable.
MAX_STRING = 1000


class RequestError(InputError):
    """A request the hub cannot run as sent; `reason` is what graphql-core said, in English,
    `reasonZh` the same in Chinese where it is one of the known shapes (null where not)."""

    def __init__(self, *, reason: str, reason_zh: str | None) -> None:
        self.reason, self.reason_zh = reason, reason_zh
        self._keep(reason=reason, reasonZh=reason_zh)

    def detail(self) -> str:
        return f"{self.reason_zh}; {self.reason}" if self.reason_zh else self.reason


class BadHttpRequest(RequestError):
    zh = "HTTP 请求无效"
    en = "invalid HTTP request"


class BadSyntax(RequestError):
    zh = "GraphQL 语法错误"
    en = "GraphQL syntax error"


class InvalidRequest(RequestError):
    zh = "请求不符合模式"
    en = "the request does not fit the schema"


class BadVariable(RequestError):
    zh = "变量值无效"
    en = "invalid variable value"


class BadValue(RequestError):
    zh = "参数值无效"
    en = "invalid argument value"


class OverLimit(RequestError):
    zh = "请求超过上限"
    en = "the request exceeds a limit"


class LongString(OverLimit):
    zh = "字符串过长"
    en = "string too long"

    def __init__(self, *, where: str, length: int) -> None:
        self.where, self.length = where, length
        self._keep(where=where, length=length)

    def detail(self) -> str:
        return (f"{self.where}: {self.length} 字，上限 {MAX_STRING} / "
                f"{self.length} characters, at most {MAX_STRING}")


class _LongLiterals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[StringValueNode] = []

    def enter_string_value(self, node: StringValueNode, *_: object) -> None:
        if len(node.value) > MAX_STRING:
            self.found.append(node)


# Documents already measured, by identity: a small document comes from the parse cache
# (hub/http/gql_fair.py), the same object for the same text, so a client repeating its query
# has its literals walked once, not on every request. Only those are kept (they carry source
# locations; a big document parsed apart has none and is walked each time), at most as many
# as that cache holds; each entry keeps its document alive, so its id is not reused.
_MEASURED: dict[int, tuple[DocumentNode, StringValueNode | None]] = {}
MEASURED_DOCUMENTS = 256


def _long_literal(document: DocumentNode) -> StringValueNode | None:
    """The first string literal of `document` longer than `MAX_STRING`, if any."""
    known = _MEASURED.get(id(document))
    if known is not None and known[0] is document:
        return known[1]
    literals = _LongLiterals()
    visit(document, literals)
    found = literals.found[0] if literals.found else None
    if document.loc is not None:
        if len(_MEASURED) >= MEASURED_DOCUMENTS:
            del _MEASURED[next(iter(_MEASURED))]
        _MEASURED[id(document)] = (document, found)
    return found


def longest(value: Any) -> int:
    """The length of the longest string anywhere in a variable's value."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return max((longest(v) for v in value), default=0)
    return 0


class LongStrings(SchemaExtension):
    """Refuse a string literal or variable longer than `MAX_STRING`, before validation.

    GraphQL has no length on `String`, and the built-in scalar cannot be replaced; so the
    document and the variables are measured here, once, and the error points at the literal
    or at the variable's definition.
    """

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            node = _long_literal(document)
            if node is not None:
                raise GraphQLError("", nodes=[node], original_error=LongString(
                    where="literal / 字面量", length=len(node.value)))
            definitions = [d for op in getattr(document, "definitions", [])
                           for d in getattr(op, "variable_definitions", None) or []]
            for definition in definitions:
                name = definition.variable.name.value
                length = longest((context.variables or {}).get(name))
                if length > MAX_STRING:
                    raise GraphQLError("", nodes=[definition], original_error=LongString(
                        where=f"${name}", length=length))
        yield


# graphql-core's messages quote what was wrong: the Chinese says the same about the same name.
_ZH: tuple[tuple[str, str], ...] = (
    (r"Cannot query field '([^']+)' on type '([^']+)'", "类型 {1} 没有字段 {0}"),
    (r"Unknown argument '([^']+)' on field '([^']+)'", "字段 {1} 没有参数 {0}"),
    (r"Field '([^']+)' argument '([^']+)' of type '([^']+)' is required",
     "字段 {0} 缺少必填参数 {1}（{2}）"),
    (r"Argument '([^']+)' of type '([^']+)' is required", "缺少必填参数 {0}（{1}）"),
    (r"Variable '\$([^']+)' of type '([^']+)' used in position expecting type '([^']+)'",
     "变量 ${0} 的类型 {1} 不能用在需要 {2} 的位置"),
    (r"Expected value of type '([^']+)' not to include unknown field '([^']+)'",
     "输入类型 {0} 没有字段 {1}"),
    (r"Expected value of type '([^']+)' to include required field '([^']+)'",
     "输入类型 {0} 缺少必填字段 {1}"),
    (r"Expected a value of non-null type '([^']+)' to be provided", "须提供 {0} 类型的值"),
    (r"Expected value of non-null type '([^']+)' not to be None", "{0} 类型的值不能为空"),
    (r"Field '([^']+)' of type '([^']+)' must have a selection of subfields",
     "字段 {0}（{1}）须选择子字段"),
    (r"Field '([^']+)' must not have a selection", "字段 {0} 不能选择子字段"),
    (r"Unknown type '([^']+)'", "未知类型 {0}"),
    (r"Unknown fragment '([^']+)'", "未知片段 {0}"),
    (r"Fragment '([^']+)' is never used", "片段 {0} 未被使用"),
    (r"Variable '\$([^']+)' is never used", "变量 ${0} 未被使用"),
    (r"Variable '\$([^']+)' is not defined", "变量 ${0} 未定义"),
    (r"Variable '\$([^']+)' of required type '([^']+)' was not provided",
     "未提供必填变量 ${0}（{1}）"),
    (r"Variable '\$([^']+)' of non-null type '([^']+)' must not be null",
     "变量 ${0}（{1}）不能为空"),
    (r"Variable '\$([^']+)' cannot be non-input type '([^']+)'",
     "变量 ${0} 的类型 {1} 不能用于输入"),
    (r"Value '([^']+)' does not exist in '([^']+)' enum", "枚举 {1} 没有取值 {0}"),
    (r"Enum '([^']+)' cannot represent", "枚举 {0} 不接受该值"),
    (r"Int cannot represent", "整数参数的值无效"),
    (r"Float cannot represent", "小数参数的值无效"),
    (r"String cannot represent", "字符串参数的值无效"),
    (r"Boolean cannot represent", "布尔参数的值无效"),
    (r"Value cannot represent a (\w+)", "{0} 类型的值无效"),
    (r"Field '([^']+)' of required type '([^']+)' was not provided",
     "输入缺少必填字段 {0}（{1}）"),
    (r"Field '([^']+)' is not defined by type '([^']+)'", "输入类型 {1} 没有字段 {0}"),
    (r"Expected value of type '([^']+)'", "应为 {0} 类型的值"),
    (r"There can be only one (?:operation|fragment|argument|variable) named '([^']+)'",
     "名称 {0} 重复"),
    (r"This anonymous operation must be the only defined operation", "匿名操作须是唯一的操作"),
    (r"Unknown operation named '([^']+)'", "没有名为 {0} 的操作"),
    (r"Must provide operation name", "文档有多个操作，须提供 operationName"),
    (r"Unknown directive '([^']+)'", "未知指令 {0}"),
    (r"Cannot spread fragment '([^']+)' within itself", "片段 {0} 不能引用自身"),
    (r"Fragment '([^']+)' cannot be spread here", "片段 {0} 不能用在此处"),
    (r"Fields '([^']+)' conflict", "字段 {0} 冲突"),
    (r"Syntax Error: (.*)", "语法错误：{0}"),
    (r"Document contains more than (\d+) tokens", "文档超过 {0} 个记号"),
    (r"GraphQL introspection has been disabled", "已关闭内省查询"),
    (r"Unable to parse request body as JSON", "请求体不是有效的 JSON"),
    (r"No GraphQL query found in the request", "请求中没有 GraphQL 查询"),
    (r"Unsupported content type", "不支持的内容类型（请用 application/json）"),
    (r"`(query|variables|extensions)` must be", "{0} 的类型无效"),
    (r"GraphQL only supports GET and POST", "只支持 GET 与 POST"),
    (r"mutations are not allowed when using GET", "GET 请求不能执行变更"),
)


_VARIABLE = re.compile(r"Variable '\$([^']+)' (?:has|got) invalid value(?: at ([^:]+))?: (.*)",
                       re.S)


def zh_reason(english: str) -> str | None:
    """The Chinese for one of graphql-core's known messages, naming the same things."""
    variable = _VARIABLE.match(english)
    if variable:
        name, where, inner = variable.groups()
        place = f"（{where}）" if where else ""
        said = zh_reason(inner)
        return f"变量 ${name}{place} 的值无效" + (f"：{said}" if said else "")
    for pattern, template in _ZH:
        found = re.search(pattern, english)
        if found:
            return template.format(*found.groups())
    return None


def _shorten(text: str) -> str:
    """graphql-core quotes the value it refused: a long one is cut, the message kept readable."""
    return re.sub(r"(['\"])([^'\"]{80,})\1", lambda m: f"{m[1]}{m[2][:40]}…{m[1]}", text)


def kind_of(error: GraphQLError) -> type[RequestError]:
    """Which kind of request error graphql-core or Strawberry reported."""
    message = error.message
    if isinstance(error, GraphQLSyntaxError) or message.startswith("Syntax Error"):
        return BadSyntax
    if message.startswith("Variable '$") and ("invalid value" in message
                                                or "was not provided" in message
                                                or "must not be null" in message):
        return BadVariable
    if "tokens" in message or "introspection" in message:
        return OverLimit
    if any(word in message for word in ("cannot represent", "Expected value of type",
                                         "does not exist in")):
        return BadValue
    return InvalidRequest


def classify(error: GraphQLError) -> RequestError:
    """The hub's error for a request error graphql-core or Strawberry reported."""
    # graphql-core appends the source excerpt to str(); the message alone is the reason.
    english = _shorten(str(error.message).strip())
    return kind_of(error)(reason=english, reason_zh=zh_reason(english))


def http_error(reason: str) -> RequestError:
    """The hub's error for a request Strawberry's HTTP layer refused before parsing it."""
    return BadHttpRequest(reason=reason, reason_zh=zh_reason(reason))
