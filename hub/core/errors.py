"""Every error the hub raises on purpose. Each kind takes its fields as typed keyword-only
parameters (a misspelt or missing field is a TypeError, and mypy names it before that), keeps
them as attributes and builds its own message in Chinese and English.

    HubError
    ├── SetupError                 the machine cannot run the local Neo4j
    │   ├── JavaMissing            no java, or older than 17
    │   ├── MavenFailed            Maven missing, or Maven Central unreachable
    │   ├── PortTaken              a port the local Neo4j needs is in use
    │   └── Neo4jStartFailed       the server did not come up (with its log tail)
    ├── Neo4jUnavailable           a Neo4j that does not answer, or refuses the credentials
    ├── SettingError               an environment variable the hub cannot use (named, value shown
    │                              unless it is a secret)
    ├── TooManyRequests            a caller over its share: concurrent requests or request rate
    ├── SecretError                a secret missing, empty, or in a file others can read
    ├── Unauthenticated            no credentials, or credentials that do not hold
    ├── QueryTimeout               a Cypher transaction cut off by the hub's time limit
    ├── InputError                 a request or file the hub refuses
    │   ├── PageTooLarge           `first` above Limits.max_page_size
    │   ├── BadCursor              an `after` cursor the hub did not issue
    │   ├── BadPeriod              a period whose end is before its start
    │   ├── BodyTooLarge           a request body above the limit for its endpoint
    │   ├── BodyTooSlow            a request body that did not arrive within its time limit
    │   ├── TooManyEntities        more `_entities` representations than one request may ask
    │   ├── WorkbookTooLarge       a workbook whose sheets expand past the limit (zip bomb)
    │   ├── RequestError           a GraphQL request that cannot run as sent: BadHttpRequest,
    │   │                          BadSyntax, InvalidRequest, BadVariable, BadValue, OverLimit
    │   │                          and its LongString (hub.http.request_errors)
    │   ├── ImportRejected         an import's rows had problems (hub.files.problems)
    │   ├── UnusableToken          a token for a role and unit no request passes (hub.cli.keys)
    │   └── BadRepresentation      an `_entities` representation not as sent (schema.entities)
    ├── UnitNotFound               no unit with that code within the caller's jurisdiction
    ├── HouseholdNotFound          no household with that code within the jurisdiction
    ├── NotPermitted               the caller's role may not ask this at all
    │   └── EntityRefused          an entity outside the jurisdiction, or none (schema.federation)
    ├── ConfigError                a configuration file the hub cannot use (allowance rule)
    ├── ImportTooLarge             an import past one transaction's memory (hub.files.problems)
    ├── ImportRunLost              an import that lost its run lock (hub.importer.stage)
    └── ImportConflict             an import creating a code another live import created
                                   first (hub.importer.stage)

`fields` holds what a client sees beside the message (GraphQL `extensions`), in the order each
kind hands them to `_keep`. GraphQL shows the first two kinds of request error as typed results
(schema/errors.py); any HubError raised deeper in a resolver reaches the client with its message
and a `code`; every other exception is masked and logged with an id (hub/http/error_view.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar


class HubError(Exception):
    """Base of every error the hub raises on purpose."""

    zh: ClassVar[str] = "党建中枢出错"
    en: ClassVar[str] = "hub error"
    fields: dict[str, object]

    def __init__(self) -> None:
        self._keep()

    def _keep(self, **fields: object) -> None:
        """Called once by each kind's constructor, after it set its typed attributes."""
        self.fields = fields
        Exception.__init__(self, self.message())

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle as `cls(*args)`, which keyword-only constructors refuse; an error
        # crossing a process boundary (a worker process, copy.deepcopy) keeps its state instead.
        return _restore, (type(self), self.args, dict(self.__dict__))

    def detail(self) -> str:
        return ""

    def message(self) -> str:
        extra = self.detail()
        return f"{self.zh} / {self.en}" + (f": {extra}" if extra else "")


def _restore(kind: type[HubError], args: tuple[object, ...],
             state: dict[str, object]) -> HubError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


class SetupError(HubError):
    zh = "本机无法运行本地 Neo4j"
    en = "this machine cannot run the local Neo4j"


class JavaMissing(SetupError):
    zh = "需要 Java 17 或更高版本"
    en = "Java 17 or newer is required"

    def __init__(self, *, found: str | None = None) -> None:
        self.found = found
        if found is None:
            self._keep()
        else:
            self._keep(found=found)

    def detail(self) -> str:
        return f"found {self.found}" if self.found else (
            "no `java` on PATH (apt-get install openjdk-17-jre)")


class MavenFailed(SetupError):
    zh = "无法从 Maven Central 获取 Neo4j"
    en = "could not fetch Neo4j from Maven Central"

    def __init__(self, *, reason: str) -> None:
        self.reason = reason
        self._keep(reason=reason)

    def detail(self) -> str:
        return self.reason


class PortTaken(SetupError):
    zh = "端口已被占用"
    en = "port already in use"

    def __init__(self, *, port: int, what: str, env: str) -> None:
        self.port, self.what, self.env = port, what, env
        self._keep(port=port, what=what, env=env)

    def detail(self) -> str:
        return f"127.0.0.1:{self.port} ({self.what}); stop what holds it or set {self.env}"


class Neo4jStartFailed(SetupError):
    zh = "Neo4j 启动失败"
    en = "Neo4j failed to start"

    def __init__(self, *, reason: str, log_tail: str) -> None:
        self.reason, self.log_tail = reason, log_tail
        self._keep(reason=reason, log_tail=log_tail)

    def detail(self) -> str:
        tail = self.log_tail.strip()
        return f"{self.reason}\n--- log tail ---\n{tail}" if tail else self.reason


class Neo4jUnavailable(HubError):
    zh = "无法连接 Neo4j"
    en = "cannot reach Neo4j"

    def __init__(self, *, uri: str | None = None, reason: str) -> None:
        self.uri, self.reason = uri, reason
        if uri is None:
            self._keep(reason=reason)
        else:
            self._keep(uri=uri, reason=reason)

    def detail(self) -> str:
        return f"{self.uri}: {self.reason}" if self.uri else self.reason


class SettingError(HubError):
    zh = "设置无效"
    en = "invalid setting"

    def __init__(self, *, name: str, value: str | None, reason: str) -> None:
        self.name, self.value, self.reason = name, value, reason
        self._keep(name=name, value=value, reason=reason)

    def detail(self) -> str:
        shown = "" if self.value is None else f"={self.value!r}"
        return f"{self.name}{shown}: {self.reason}"


class TooManyRequests(HubError):
    """A caller past its share; `retry_after` (seconds) goes into the Retry-After header."""

    zh = "请求过多，请稍后重试"
    en = "too many requests; retry later"

    def __init__(self, *, what: str, limit: str, retry_after: int) -> None:
        self.what, self.limit, self.retry_after = what, limit, retry_after
        self._keep(what=what, limit=limit, retry_after=retry_after)

    def detail(self) -> str:
        return (f"{self.what}: {self.limit}; retry after {self.retry_after}s / "
                f"{self.retry_after} 秒后重试")


class SecretError(HubError):
    zh = "密钥不可用"
    en = "secret unavailable"

    def __init__(self, *, name: str, path: str, reason: str) -> None:
        self.name, self.path, self.reason = name, path, reason
        self._keep(name=name, path=path, reason=reason)

    def detail(self) -> str:
        return f"{self.name} ({self.path}): {self.reason}"


class Unauthenticated(HubError):
    zh = "未认证或凭据无效"
    en = "not authenticated"

    def __init__(self, *, reason: str) -> None:
        self.reason = reason
        self._keep(reason=reason)

    def detail(self) -> str:
        return self.reason


class QueryTimeout(HubError):
    zh = "查询超时，请缩小范围或稍后重试"
    en = "query timed out; narrow it or try again later"

    def __init__(self, *, query: str, seconds: float) -> None:
        self.query, self.seconds = query, seconds
        self._keep(query=query, seconds=seconds)

    def detail(self) -> str:
        return f"{self.query} > {self.seconds}s"


class InputError(HubError):
    zh = "输入有误"
    en = "bad input"

    def __init__(self, *, reason: str) -> None:
        self.reason = reason
        self._keep(reason=reason)

    def detail(self) -> str:
        return self.reason


class PageTooLarge(InputError):
    zh = "每页条数超过上限"
    en = "page size above the limit"

    def __init__(self, *, asked: int, limit: int) -> None:
        self.asked, self.limit = asked, limit
        self._keep(asked=asked, limit=limit)

    def detail(self) -> str:
        return f"first={self.asked}, max {self.limit}"


class BadCursor(InputError):
    zh = "分页游标无效"
    en = "invalid page cursor"

    def __init__(self, *, cursor: str) -> None:
        self.cursor = cursor
        self._keep(cursor=cursor)

    def detail(self) -> str:
        cursor = self.cursor
        # A long cursor is cut: the message names it, it does not echo it back whole.
        return repr(cursor) if len(cursor) <= 40 else f"{cursor[:40]!r}… ({len(cursor)} chars)"


class BadPeriod(InputError):
    zh = "时间段无效"
    en = "invalid period"

    def __init__(self, *, start: date, end: date) -> None:
        self.start, self.end = start, end
        self._keep(start=start, end=end)

    def detail(self) -> str:
        return f"{self.start} .. {self.end}"


class BodyTooLarge(InputError):
    zh = "请求体超过上限"
    en = "request body too large"

    def __init__(self, *, path: str, limit: int) -> None:
        self.path, self.limit = path, limit
        self._keep(path=path, limit=limit)

    def detail(self) -> str:
        return f"{self.path}: > {self.limit} bytes / 字节"


class BodyTooSlow(InputError):
    zh = "请求体未在时限内传完"
    en = "the request body did not arrive in time"

    def __init__(self, *, path: str, seconds: float) -> None:
        self.path, self.seconds = path, seconds
        self._keep(path=path, seconds=seconds)

    def detail(self) -> str:
        return f"{self.path}: > {self.seconds:g} s / 秒 (HUB_BODY_TIMEOUT)"


class TooManyEntities(InputError):
    zh = "一次请求的实体表示过多"
    en = "too many entity representations in one request"

    def __init__(self, *, asked: int, limit: int) -> None:
        self.asked, self.limit = asked, limit
        self._keep(asked=asked, limit=limit)

    def detail(self) -> str:
        return f"{self.asked} > {self.limit}"


class WorkbookTooLarge(InputError):
    zh = "工作簿解压后超过上限，未读取"
    en = "the workbook expands past the limit and was not read"

    def __init__(self, *, member: str, size: int | str, limit: int) -> None:
        """`size` is text ("> n") where reading stopped before the member's end."""
        self.member, self.size, self.limit = member, size, limit
        self._keep(member=member, size=size, limit=limit)

    def detail(self) -> str:
        return (f"{self.member}: {self.size} > {self.limit} bytes / 字节 (HUB_MAX_UNZIPPED)")


class UnitNotFound(HubError):
    zh = "未找到该单位（或不在管辖范围内）"
    en = "no such unit within your jurisdiction"

    def __init__(self, *, code: str) -> None:
        self.code = code
        self._keep(code=code)

    def detail(self) -> str:
        return self.code


class HouseholdNotFound(HubError):
    zh = "未找到该户（或不在管辖范围内）"
    en = "no such household within your jurisdiction"

    def __init__(self, *, code: str) -> None:
        self.code = code
        self._keep(code=code)

    def detail(self) -> str:
        return self.code


class ConfigError(HubError):
    zh = "配置文件无效"
    en = "invalid configuration file"

    def __init__(self, *, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        self._keep(path=path, reason=reason)

    def detail(self) -> str:
        return f"{self.path}: {self.reason}"


class NotPermitted(HubError):
    zh = "当前角色无权进行此操作"
    en = "your role may not do this"

    def __init__(self, *, what: str, role: str) -> None:
        self.what, self.role = what, role
        self._keep(what=what, role=role)

    def detail(self) -> str:
        return f"{self.what} (role {self.role})"
