"""What an everyday edit returns: the change done, or one of its expected refusals.

Every refusal is a type a client selects on, with its message in Chinese and English. A
record outside the caller's jurisdiction is refused exactly like a record that does not
exist (`RecordNotFound`), so a refusal never reveals what lies beyond one's own township.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from hub.files.problems import Problem


@strawberry.type(description="已写入（含审计记录）/ the change was written, with its audit entry")
class Edited:
    action: str = strawberry.field(description="操作 / the action")
    records: list[str] = strawberry.field(description="涉及的记录编码 / codes of the records")
    audit_id: str = strawberry.field(description="审计记录编号 / id of the audit entry")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")


@strawberry.type(description="编码不存在，或不在您的管辖范围内 / no such record within your "
                             "jurisdiction")
class RecordNotFound:
    code: str = strawberry.field(description="所给编码 / the code given")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, code: str, what: str) -> RecordNotFound:
        return cls(code=code, message=f"未找到{what} {code}，或不在您的管辖范围内 / no {what} "
                                      f"{code} within your jurisdiction")


@strawberry.type(description="当前角色无权进行此操作 / your role may not do this")
class RoleNotPermitted:
    role: str = strawberry.field(description="您的角色 / your role")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, role: str, what: str) -> RoleNotPermitted:
        return cls(role=role, message=f"当前角色无权{what} / role {role} may not {what}")


@strawberry.type(description="一个被拒绝的值 / one refused value")
class ValueProblem:
    column: str | None = strawberry.field(description="字段（中文(key)）/ field")
    value: str | None = strawberry.field(description="所给值 / the value given")
    reason: str = strawberry.field(description="原因（中英文）/ reason, Chinese and English")


@strawberry.type(description="取值不合规则（与导入相同的校验）/ "
                             "values refused by the import's rules")
class InvalidValues:
    problems: list[ValueProblem] = strawberry.field(description="全部问题 / every problem")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, problems: list[Problem]) -> InvalidValues:
        return cls(problems=[ValueProblem(column=p.column, value=p.value, reason=p.reason)
                             for p in problems],
                   message="取值有误，未写入 / values refused, nothing written: "
                           + "; ".join(p.reason for p in problems))


@strawberry.type(description="日期先后颠倒 / dates out of order")
class DateOutOfOrder:
    earlier: date = strawberry.field(description="应在前的日期 / the date that must come first")
    later: date = strawberry.field(description="所给日期 / the date given")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def of(cls, earlier: date, later: date, what: str, strict: bool = True) -> DateOutOfOrder:
        zh, en = ("应晚于", "must be after") if strict else ("不得早于", "must not be before")
        return cls(earlier=earlier, later=later,
                   message=f"{later.isoformat()} {zh} {earlier.isoformat()}（{what}）/ "
                           f"{later.isoformat()} {en} {earlier.isoformat()} ({what})")


@strawberry.type(description="工单步骤顺序不对 / a work-order step out of sequence")
class StepOutOfSequence:
    order: str = strawberry.field(description="工单编号 / the order")
    last: str | None = strawberry.field(description="最后一步状态 / status of its last step")
    asked: str = strawberry.field(description="所给状态 / the status asked for")
    allowed: list[str] = strawberry.field(description="允许的下一步 / the steps allowed next")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")


@strawberry.type(description="与现有数据冲突 / conflicts with what the graph holds")
class EditConflict:
    code: str = strawberry.field(description="相关编码 / the code concerned")
    message: str = strawberry.field(description="中英文说明 / message in Chinese and English")

    @classmethod
    def code_taken(cls, code: str) -> EditConflict:
        """A new record's code already in use: the same words whatever record holds it and
        wherever it lies, so the refusal tells nothing about other townships' records."""
        return cls(code=code, message=f"编码 {code} 不可用（已被使用）/ code {code} cannot be "
                                      "used (already in use)")


EditResult = Annotated[
    Edited | RecordNotFound | RoleNotPermitted | InvalidValues | DateOutOfOrder
    | StepOutOfSequence | EditConflict,
    strawberry.union("EditResult", description="编辑结果或被拒原因 / the edit, or why it was "
                                               "refused")]
Outcome = (Edited | RecordNotFound | RoleNotPermitted | InvalidValues | DateOutOfOrder
           | StepOutOfSequence | EditConflict)
