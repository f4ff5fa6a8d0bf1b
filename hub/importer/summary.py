"""What an import did, per kind: rows created, updated, unchanged, and (full imports) closed.

The counts come from the graph: each `cypher/import/<kind>.cypher` compares a record (or, for
a relationship kind, the relationship) before and after its writes and returns, per batch,
how many rows ended in each status. A row is `created` when its record or relationship is
new, `updated` when an existing one gained a relationship or changed a property, `unchanged`
otherwise. `closed` counts the relationships a full import ended (hub/importer/full.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Every status, with the label people read; the order is the order shown.
STATUSES = (("created", "新建"), ("updated", "更新"), ("unchanged", "未变"), ("closed", "结束"))


def labelled(counts: dict[str, int]) -> str:
    """`新建/created 3, 更新/updated 1, 未变/unchanged 120, 结束/closed 0`."""
    return ", ".join(f"{zh}/{key} {counts.get(key, 0)}" for key, zh in STATUSES)


@dataclass
class KindSummary:
    kind: str
    zh: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0

    def add(self, status: str, count: int) -> None:
        """Count `count` rows of a batch that ended in `status` (as the Cypher names it)."""
        if status not in ("created", "updated", "unchanged"):
            raise ValueError(f"unknown import status {status!r}")
        setattr(self, status, getattr(self, status) + count)

    def counts(self) -> dict[str, int]:
        return {key: int(getattr(self, key)) for key, _ in STATUSES}

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "zh": self.zh, "rows": self.rows, **self.counts()}

    def line(self) -> str:
        return f"{self.zh} {self.kind}: {self.rows} 行/rows — {labelled(self.counts())}"


@dataclass
class Summary:
    kinds: list[KindSummary] = field(default_factory=list)

    def total(self, key: str) -> int:
        """Rows, or rows in one status (`created`, …), over every kind."""
        return sum(int(getattr(k, key)) for k in self.kinds)

    @property
    def rows(self) -> int:
        return self.total("rows")

    @property
    def created(self) -> int:
        return self.total("created")

    def counts(self) -> dict[str, int]:
        return {key: self.total(key) for key, _ in STATUSES}

    def close(self, closed: dict[str, int]) -> None:
        """Record what a full import closed, per kind (every closing kind had rows)."""
        for part in self.kinds:
            part.closed = closed.get(part.kind, 0)

    def as_json(self) -> list[dict[str, object]]:
        return [k.as_json() for k in self.kinds]

    def lines(self) -> list[str]:
        counts = self.counts()
        still = counts["created"] + counts["updated"] + counts["closed"] == 0
        return [*(k.line() for k in self.kinds),
                f"合计 / total: {self.rows} 行/rows — {labelled(counts)}"
                + ("（无变化 / nothing changed）" if still else "")]
