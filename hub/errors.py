"""Every error the hub raises on purpose. Each carries structured fields and builds its own
message in Chinese and English.

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
    ├── InputError                 a request or file the hub refuses (see hub.importer)
    │   ├── PageTooLarge           `first` above Limits.max_page_size
    │   ├── BadCursor              an `after` cursor the hub did not issue
    │   ├── BadPeriod              a period whose end is before its start
    │   ├── BodyTooLarge           a request body above the limit for its endpoint
    │   ├── BodyTooSlow            a request body that did not arrive within its time limit
    │   ├── TooManyEntities        more `_entities` representations than one request may ask
    │   └── WorkbookTooLarge       a workbook whose sheets expand past the limit (zip bomb)
    ├── UnitNotFound               no unit with that code within the caller's jurisdiction
    ├── HouseholdNotFound          no household with that code within the jurisdiction
    ├── NotPermitted               the caller's role may not ask this at all
    └── ConfigError                a configuration file the hub cannot use (allowance rule)

GraphQL shows the first two kinds of request error as typed results (schema/errors.py); any
HubError raised deeper in a resolver reaches the client with its message and a `code`;
every other exception is masked and logged with an id (hub/error_view.py).
"""

from __future__ import annotations


class HubError(Exception):
    """Base of every error the hub raises on purpose."""

    zh: str = "党建中枢出错"
    en: str = "hub error"

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        super().__init__(self.message())

    def detail(self) -> str:
        return ""

    def message(self) -> str:
        extra = self.detail()
        return f"{self.zh} / {self.en}" + (f": {extra}" if extra else "")


class SetupError(HubError):
    zh = "本机无法运行本地 Neo4j"
    en = "this machine cannot run the local Neo4j"


class JavaMissing(SetupError):
    zh = "需要 Java 17 或更高版本"
    en = "Java 17 or newer is required"

    def detail(self) -> str:
        found = self.fields.get("found")
        return f"found {found}" if found else "no `java` on PATH (apt-get install openjdk-17-jre)"


class MavenFailed(SetupError):
    zh = "无法从 Maven Central 获取 Neo4j"
    en = "could not fetch Neo4j from Maven Central"

    def detail(self) -> str:
        return str(self.fields.get("reason", ""))


class PortTaken(SetupError):
    zh = "端口已被占用"
    en = "port already in use"

    def detail(self) -> str:
        return (
            f"127.0.0.1:{self.fields['port']} ({self.fields['what']}); "
            f"stop what holds it or set {self.fields['env']}"
        )


class Neo4jStartFailed(SetupError):
    zh = "Neo4j 启动失败"
    en = "Neo4j failed to start"

    def detail(self) -> str:
        tail = str(self.fields.get("log_tail", "")).strip()
        return f"{self.fields.get('reason', '')}\n--- log tail ---\n{tail}" if tail else str(
            self.fields.get("reason", "")
        )


class Neo4jUnavailable(HubError):
    zh = "无法连接 Neo4j"
    en = "cannot reach Neo4j"

    def detail(self) -> str:
        uri = self.fields.get("uri")
        reason = self.fields.get("reason")
        return f"{uri}: {reason}" if uri else str(reason or "")


class SettingError(HubError):
    zh = "设置无效"
    en = "invalid setting"

    def detail(self) -> str:
        shown = "" if self.fields.get("value") is None else f"={self.fields['value']!r}"
        return f"{self.fields.get('name')}{shown}: {self.fields.get('reason')}"


class TooManyRequests(HubError):
    """A caller past its share; `retry_after` (seconds) goes into the Retry-After header."""

    zh = "请求过多，请稍后重试"
    en = "too many requests; retry later"

    def detail(self) -> str:
        return (f"{self.fields.get('what')}: {self.fields.get('limit')}; "
                f"retry after {self.fields.get('retry_after')}s / {self.fields.get('retry_after')}"
                " 秒后重试")


class SecretError(HubError):
    zh = "密钥不可用"
    en = "secret unavailable"

    def detail(self) -> str:
        return f"{self.fields.get('name')} ({self.fields.get('path')}): {self.fields.get('reason')}"


class Unauthenticated(HubError):
    zh = "未认证或凭据无效"
    en = "not authenticated"

    def detail(self) -> str:
        return str(self.fields.get("reason", ""))


class QueryTimeout(HubError):
    zh = "查询超时，请缩小范围或稍后重试"
    en = "query timed out; narrow it or try again later"

    def detail(self) -> str:
        return f"{self.fields.get('query')} > {self.fields.get('seconds')}s"


class InputError(HubError):
    zh = "输入有误"
    en = "bad input"

    def detail(self) -> str:
        return str(self.fields.get("reason", ""))


class PageTooLarge(InputError):
    zh = "每页条数超过上限"
    en = "page size above the limit"

    def detail(self) -> str:
        return f"first={self.fields['asked']}, max {self.fields['limit']}"


class BadCursor(InputError):
    zh = "分页游标无效"
    en = "invalid page cursor"

    def detail(self) -> str:
        cursor = str(self.fields.get("cursor"))
        # A long cursor is cut: the message names it, it does not echo it back whole.
        return repr(cursor) if len(cursor) <= 40 else f"{cursor[:40]!r}… ({len(cursor)} chars)"


class BadPeriod(InputError):
    zh = "时间段无效"
    en = "invalid period"

    def detail(self) -> str:
        return f"{self.fields['start']} .. {self.fields['end']}"


class BodyTooLarge(InputError):
    zh = "请求体超过上限"
    en = "request body too large"

    def detail(self) -> str:
        return f"{self.fields.get('path')}: > {self.fields.get('limit')} bytes / 字节"


class BodyTooSlow(InputError):
    zh = "请求体未在时限内传完"
    en = "the request body did not arrive in time"

    def detail(self) -> str:
        return (f"{self.fields.get('path')}: > {self.fields.get('seconds')} s / 秒 "
                "(HUB_BODY_TIMEOUT)")


class TooManyEntities(InputError):
    zh = "一次请求的实体表示过多"
    en = "too many entity representations in one request"

    def detail(self) -> str:
        return f"{self.fields.get('asked')} > {self.fields.get('limit')}"


class WorkbookTooLarge(InputError):
    zh = "工作簿解压后超过上限，未读取"
    en = "the workbook expands past the limit and was not read"

    def detail(self) -> str:
        return (f"{self.fields.get('member')}: {self.fields.get('size')} > "
                f"{self.fields.get('limit')} bytes / 字节 (HUB_MAX_UNZIPPED)")


class UnitNotFound(HubError):
    zh = "未找到该单位（或不在管辖范围内）"
    en = "no such unit within your jurisdiction"

    def detail(self) -> str:
        return str(self.fields.get("code", ""))


class HouseholdNotFound(HubError):
    zh = "未找到该户（或不在管辖范围内）"
    en = "no such household within your jurisdiction"

    def detail(self) -> str:
        return str(self.fields.get("code", ""))


class ConfigError(HubError):
    zh = "配置文件无效"
    en = "invalid configuration file"

    def detail(self) -> str:
        return f"{self.fields.get('path')}: {self.fields.get('reason')}"


class NotPermitted(HubError):
    zh = "当前角色无权进行此操作"
    en = "your role may not do this"

    def detail(self) -> str:
        return f"{self.fields.get('what')} (role {self.fields.get('role')})"
