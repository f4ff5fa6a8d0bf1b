"""Every query file's `$parameters` match what its callers pass (issue #19, item 3).

The loader reads each file's parameters; `Database` refuses a call that passes others. This
module checks every call site that names its query literally, without running it, so a
misspelt or forgotten parameter fails here even for a query no other test reaches.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hub.core.settings import PROJECT_ROOT
from hub.graph.cypher import ParameterMismatch, Queries, parameters_of
from hub.graph.db import Database

SOURCES = ("hub", "schema", "bench", "seeds")
# Keywords of `Database.read/read_plain/write` that are not query parameters.
NOT_PARAMETERS = {"timeout"}


def test_parameters_are_read_outside_strings_and_comments() -> None:
    text = """MATCH (n {code: $code}) // not $this
    WHERE n.name = '$literal' AND n.x = "a\\"$quoted" AND n.y = $`odd name`
    /* nor $that */ RETURN $asOf AS d, `$label` AS l"""
    assert parameters_of(text) == {"code", "odd name", "asOf"}


def _calls() -> list[tuple[Path, int, str, set[str], bool]]:
    """(file, line, query name, keyword names, passes **kwargs) of every literal call."""
    names = set(Queries())
    found = []
    for folder in SOURCES:
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if "node_modules" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in {"read", "read_plain", "write", "run"} and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and node.args[0].value in names):
                    continue
                keywords = {k.arg for k in node.keywords if k.arg is not None}
                spread = any(k.arg is None for k in node.keywords)
                found.append((path, node.lineno, str(node.args[0].value),
                              keywords - NOT_PARAMETERS, spread))
    return found


def test_every_literal_call_passes_exactly_the_files_parameters() -> None:
    queries = Queries()
    calls = _calls()
    assert len(calls) > 30, "the call-site scan found too few calls to mean anything"
    wrong = []
    for path, line, name, keywords, spread in calls:
        used = queries[name].parameters
        bad = (keywords - used) if spread else (keywords ^ used)
        if bad:
            wrong.append(f"{path.relative_to(PROJECT_ROOT)}:{line} {name}: {sorted(bad)}")
    assert not wrong, "\n".join(wrong)


async def test_a_call_with_a_misspelt_parameter_is_refused_before_it_runs(db: Database) -> None:
    with pytest.raises(ParameterMismatch) as caught:
        await db.read("units.by_code", codes=["XC"], scope=None, asof="2023-06-30")
    assert caught.value.missing == ["asOf"]
    assert caught.value.extra == ["asof"]
    assert "units.by_code" in str(caught.value)
