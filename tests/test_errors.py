"""Errors take typed keyword-only fields: a misspelt field fails where it is written.

Each kind's message and `fields` (what a client sees beside the message, in this order) are
those the hub gave before its errors took typed fields: the expected texts below were made by
the earlier `**fields` constructors from the same arguments.
"""

from __future__ import annotations

import copy
import inspect
import pickle
from datetime import date
from pathlib import Path

import pytest
from mypy import api as mypy_api

from hub.cli.keys import UnusableToken
from hub.core.errors import (
    BadCursor,
    BadPeriod,
    BodyTooLarge,
    BodyTooSlow,
    ConfigError,
    HouseholdNotFound,
    HubError,
    InputError,
    JavaMissing,
    MavenFailed,
    Neo4jStartFailed,
    Neo4jUnavailable,
    NotPermitted,
    PageTooLarge,
    PortTaken,
    QueryTimeout,
    SecretError,
    SettingError,
    TooManyEntities,
    TooManyRequests,
    Unauthenticated,
    UnitNotFound,
    WorkbookTooLarge,
)
from hub.core.settings import PROJECT_ROOT
from hub.files.problems import ImportRejected, ImportTooLarge, Problem
from hub.http.request_errors import BadSyntax, LongString
from hub.importer.stage import ImportConflict, ImportRunLost
from schema.entities import BadRepresentation
from schema.federation import EntityRefused

CASES: list[tuple[type[HubError], dict[str, object], str]] = [
    (JavaMissing, {}, "需要 Java 17 或更高版本 / Java 17 or newer is required: no `java` on PATH "
                      "(apt-get install openjdk-17-jre)"),
    (JavaMissing, {"found": "Java 11"},
     "需要 Java 17 或更高版本 / Java 17 or newer is required: found Java 11"),
    (MavenFailed, {"reason": "no `mvn` on PATH"},
     "无法从 Maven Central 获取 Neo4j / could not fetch Neo4j from Maven Central: "
     "no `mvn` on PATH"),
    (PortTaken, {"port": 7687, "what": "Neo4j Bolt", "env": "NEO4J_BOLT_PORT"},
     "端口已被占用 / port already in use: 127.0.0.1:7687 (Neo4j Bolt); stop what holds it or "
     "set NEO4J_BOLT_PORT"),
    (Neo4jStartFailed, {"reason": "java exited with 1", "log_tail": "  boom\n"},
     "Neo4j 启动失败 / Neo4j failed to start: java exited with 1\n--- log tail ---\nboom"),
    (Neo4jStartFailed, {"reason": "not ready after 60s", "log_tail": ""},
     "Neo4j 启动失败 / Neo4j failed to start: not ready after 60s"),
    (Neo4jUnavailable, {"reason": "ServiceUnavailable (coverage)"},
     "无法连接 Neo4j / cannot reach Neo4j: ServiceUnavailable (coverage)"),
    (Neo4jUnavailable, {"uri": "bolt://127.0.0.1:7687", "reason": "refused"},
     "无法连接 Neo4j / cannot reach Neo4j: bolt://127.0.0.1:7687: refused"),
    (SettingError, {"name": "HUB_PORT", "value": "x", "reason": "must be an integer"},
     "设置无效 / invalid setting: HUB_PORT='x': must be an integer"),
    (SettingError, {"name": "HUB_SECRET", "value": None, "reason": "empty"},
     "设置无效 / invalid setting: HUB_SECRET: empty"),
    (TooManyRequests, {"what": "request rate", "limit": "5/s, burst 10", "retry_after": 2},
     "请求过多，请稍后重试 / too many requests; retry later: request rate: 5/s, burst 10; "
     "retry after 2s / 2 秒后重试"),
    (SecretError, {"name": "HUB_API_KEYS_FILE", "path": "-", "reason": "not set"},
     "密钥不可用 / secret unavailable: HUB_API_KEYS_FILE (-): not set"),
    (Unauthenticated, {"reason": "unknown API key"},
     "未认证或凭据无效 / not authenticated: unknown API key"),
    (QueryTimeout, {"query": "coverage", "seconds": 3.0},
     "查询超时，请缩小范围或稍后重试 / query timed out; narrow it or try again later: "
     "coverage > 3.0s"),
    (InputError, {"reason": "first=-1: must not be negative"},
     "输入有误 / bad input: first=-1: must not be negative"),
    (PageTooLarge, {"asked": 501, "limit": 500},
     "每页条数超过上限 / page size above the limit: first=501, max 500"),
    (BadCursor, {"cursor": "bz"}, "分页游标无效 / invalid page cursor: 'bz'"),
    (BadCursor, {"cursor": "x" * 50},
     f"分页游标无效 / invalid page cursor: {'x' * 40!r}… (50 chars)"),
    (BadPeriod, {"start": date(2024, 5, 1), "end": date(2024, 4, 1)},
     "时间段无效 / invalid period: 2024-05-01 .. 2024-04-01"),
    (BodyTooLarge, {"path": "/graphql", "limit": 1024},
     "请求体超过上限 / request body too large: /graphql: > 1024 bytes / 字节"),
    (BodyTooSlow, {"path": "/import", "seconds": 30.0},
     "请求体未在时限内传完 / the request body did not arrive in time: /import: > 30 s / 秒 "
     "(HUB_BODY_TIMEOUT)"),
    (TooManyEntities, {"asked": 101, "limit": 100},
     "一次请求的实体表示过多 / too many entity representations in one request: 101 > 100"),
    (WorkbookTooLarge, {"member": "xl/sheet1.xml", "size": "> 2048", "limit": 1024},
     "工作簿解压后超过上限，未读取 / the workbook expands past the limit and was not read: "
     "xl/sheet1.xml: > 2048 > 1024 bytes / 字节 (HUB_MAX_UNZIPPED)"),
    (UnitNotFound, {"code": "V9"},
     "未找到该单位（或不在管辖范围内） / no such unit within your jurisdiction: V9"),
    (HouseholdNotFound, {"code": "H9"},
     "未找到该户（或不在管辖范围内） / no such household within your jurisdiction: H9"),
    (ConfigError, {"path": Path("config/allowance.toml"), "reason": "KeyError: 'x'"},
     "配置文件无效 / invalid configuration file: config/allowance.toml: KeyError: 'x'"),
    (NotPermitted, {"what": "county report", "role": "grid"},
     "当前角色无权进行此操作 / your role may not do this: county report (role grid)"),
    (EntityRefused, {"typename": "Village", "key": "V9"},
     "无权访问：不存在或不在管辖范围内 / not permitted: no such entity within your "
     "jurisdiction: Village V9"),
    (LongString, {"where": "$q", "length": 5000},
     "字符串过长 / string too long: $q: 5000 字，上限 1000 / 5000 characters, at most 1000"),
    (UnusableToken, {"role": "grid", "unit": None, "reason": "--unit must name a grid"},
     "该角色与单位无法使用 / a token for this role and unit could never be used: --role grid "
     "--unit None: --unit must name a grid"),
    (ImportTooLarge, {"rows": "?"},
     "导入数据过大，单个事务内存不足，未写入任何数据 / the import does not fit in one "
     "transaction's memory; nothing was written: ? 行/rows; 请增大 NEO4J_HEAP 或分批导入 / raise "
     "NEO4J_HEAP (dbms.memory.transaction.total.max) or import in parts"),
    (ImportRunLost, {"id": "a1b2"},
     "导入过程中与数据库的连接中断，未发布任何数据，请重新导入 / the connection to the database "
     "broke during the import; nothing was published, run the import again: a1b2"),
    (ImportConflict, {"code": "XC-T01-C01-G02-H0001"},
     "另一项同时进行的导入已新建了相同编码的记录，本次导入未发布任何数据，请在其完成后重新导入 / "
     "another import running at the same time created a record with the same code; nothing of "
     "this import was published: run it again once the other has finished: 编码 / code "
     "XC-T01-C01-G02-H0001"),
]

# Kinds whose client-facing key is camelCase while the parameter is snake_case.
RENAMED: list[tuple[HubError, dict[str, object], str]] = [
    (BadSyntax(reason="Syntax Error: Unexpected <EOF>.", reason_zh=None),
     {"reason": "Syntax Error: Unexpected <EOF>.", "reasonZh": None},
     "GraphQL 语法错误 / GraphQL syntax error: Syntax Error: Unexpected <EOF>."),
    (BadSyntax(reason="Syntax Error: x", reason_zh="语法错误：x"),
     {"reason": "Syntax Error: x", "reasonZh": "语法错误：x"},
     "GraphQL 语法错误 / GraphQL syntax error: 语法错误：x; Syntax Error: x"),
    (BadRepresentation(index=2, reason_zh="须为对象", reason="must be an object"),
     {"index": 2, "reasonZh": "须为对象", "reason": "must be an object"},
     "实体引用无效 / invalid entity representation: #2: 须为对象; must be an object"),
]


@pytest.mark.parametrize(("kind", "given", "message"), CASES,
                         ids=[f"{k.__name__}-{i}" for i, (k, _, _) in enumerate(CASES)])
def test_each_kind_keeps_its_message_and_fields(kind: type[HubError], given: dict[str, object],
                                                message: str) -> None:
    error = kind(**given)
    assert error.message() == message
    assert str(error) == message
    assert list(error.fields.items()) == list(given.items())  # same keys, values and order
    for name, value in given.items():
        assert getattr(error, name) == value
    for again in (pickle.loads(pickle.dumps(error)), copy.deepcopy(error)):
        # An error sent from a worker process, or copied, is the same error.
        assert type(again) is kind
        assert (again.message(), str(again), again.fields) == (message, message, error.fields)


@pytest.mark.parametrize(("error", "fields", "message"), RENAMED)
def test_camel_case_fields_keep_their_client_names(error: HubError, fields: dict[str, object],
                                                   message: str) -> None:
    assert list(error.fields.items()) == list(fields.items())
    assert error.message() == message


def test_import_rejected_lists_its_problems() -> None:
    problem = Problem("人员.csv", 3, "phone", "12", "号码位数不对 / wrong number of digits")
    error = ImportRejected(problems=[problem])
    assert error.problems == [problem]
    assert error.fields == {"problems": [problem]}
    assert error.message().endswith(f"1 个问题 / problems:\n  {problem}")


def _kinds(base: type[HubError]) -> list[type[HubError]]:
    found = []
    for kind in base.__subclasses__():
        found += [kind, *_kinds(kind)]
    return found


def test_every_kind_takes_keyword_only_fields() -> None:
    kinds = _kinds(HubError)
    assert {k for k, _, _ in CASES} | {type(e) for e, _, _ in RENAMED} | {ImportRejected} <= set(
        kinds)
    for kind in kinds:
        parameters = list(inspect.signature(kind).parameters.values())
        positional = [p.name for p in parameters if p.kind is not p.KEYWORD_ONLY]
        assert positional == [], f"{kind.__name__} takes {positional} by position"


def test_a_misspelt_field_raises_type_error() -> None:
    # The example: `secs` for `seconds` used to print "coverage > Nones".
    with pytest.raises(TypeError, match="secs"):
        QueryTimeout(query="coverage", secs=3)
    with pytest.raises(TypeError, match="seconds"):
        QueryTimeout(query="coverage")
    with pytest.raises(TypeError):
        UnitNotFound("V9")
    with pytest.raises(TypeError, match="reasonZh"):
        BadSyntax(reason="x", reasonZh=None)


def test_mypy_strict_names_a_misspelt_field(tmp_path: Path) -> None:
    caller = tmp_path / "caller.py"
    caller.write_text("from hub.core.errors import QueryTimeout\n\n"
                      "def fail() -> None:\n"
                      "    raise QueryTimeout(query='coverage', secs=3)\n", encoding="utf-8")
    out, _, status = mypy_api.run(["--strict", "--no-incremental", "--follow-imports=silent",
                                   "--config-file", str(PROJECT_ROOT / "pyproject.toml"),
                                   str(caller)])
    assert status == 1
    assert 'Unexpected keyword argument "secs" for "QueryTimeout"' in out
