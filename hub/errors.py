"""Every error the hub raises on purpose. Each carries structured fields and builds its own
message in Chinese and English.

    HubError
    ├── SetupError                 the machine cannot run the local Neo4j
    │   ├── JavaMissing            no java, or older than 17
    │   ├── MavenFailed            Maven missing, or Maven Central unreachable
    │   ├── PortTaken              a port the local Neo4j needs is in use
    │   └── Neo4jStartFailed       the server did not come up (with its log tail)
    ├── Neo4jUnavailable           a Neo4j that does not answer, or refuses the credentials
    └── InputError                 a request or file the hub refuses (see hub.importer)
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
        return f"{self.fields.get('uri')}: {self.fields.get('reason')}"


class InputError(HubError):
    zh = "输入有误"
    en = "bad input"

    def detail(self) -> str:
        return str(self.fields.get("reason", ""))
