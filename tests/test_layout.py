"""The import graph of hub/, schema/, seeds/ and bench/: no cycle, and every import points down.

Data flows file → importer → graph → query → schema → HTTP; the packages are layered so that
each imports only itself and the layers below it (lowest first):

    hub.core       errors, settings, the clock, who is asking, secrets, file modes, progress
    hub.files      the import files: kinds and columns, reading CSV and .xlsx, templates
    hub.graph      Neo4j: the local server, the driver's door (`db`), `cypher/` loader, migrations
    hub.importer   checking rows against each other and the graph, writing them, the audit trail
    hub.query      the domain rules over the graph: coverage, allowance, personal data, claims
    schema         the GraphQL types and resolvers, their request context and DataLoaders
    hub.http       the Starlette app: gate, auth, fair share, faults, /graphql, upload, export
    hub.cli        the `hub` command, which assembles and runs everything
    seeds, bench   the demo county's generator and the benchmarks, on top of it all

What counts as an import: every `import` and `from … import` wherever it stands (module level,
inside a function or a class), and every `importlib.import_module("…")` or
`strawberry.lazy("…")` naming a module. All of them must point down (or within the layer).
Cycles are looked for among the imports Python runs when it runs the code that holds them;
two kinds of reference do not run then and are left out of the cycle check: imports under
`if TYPE_CHECKING:` (types for mypy only) and `strawberry.lazy("…")` (Strawberry imports it
when it builds the schema, after every module is loaded). Those may close a cycle of type
references, the classic case being two GraphQL types that refer to each other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# The tree this file is in: the test reads it and imports none of it.
PROJECT_ROOT = Path(__file__).resolve().parents[1]
ROOTS = ("hub", "schema", "seeds", "bench")

LAYERS = ("hub.core", "hub.files", "hub.graph", "hub.importer", "hub.query", "schema",
          "hub.http", "hub.cli", "seeds", "bench")

# Until hub/ is laid out in these packages, its modules (or packages, with all they hold) are
# placed here by name; once a module lives in its layer's package, its entry can go. Entries
# may name modules other branches add (issues #13 and #18).
# relayout: placed-start
PLACED: dict[str, str] = {}
# relayout: placed-end


@dataclass
class Module:
    name: str
    path: Path
    runs: set[str] = field(default_factory=set)  # imported when the code holding it runs
    refers: set[str] = field(default_factory=set)  # type-only and lazy references


def modules(root: Path) -> dict[str, Module]:
    found = {}
    for top in ROOTS:
        for path in sorted((root / top).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = Module(".".join(parts), path)
    return found


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _named_module(call: ast.Call) -> tuple[str, bool] | None:
    """(module, lazy) for `importlib.import_module("m")` or `strawberry.lazy("m")`."""
    name = ast.unparse(call.func)
    if not (call.args and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)):
        return None
    if name in ("importlib.import_module", "import_module"):
        return call.args[0].value, False
    if name in ("strawberry.lazy", "lazy"):
        return call.args[0].value, True
    return None


class _Imports(ast.NodeVisitor):
    def __init__(self, module: Module, known: dict[str, Module]) -> None:
        self.module, self.known, self.type_only = module, known, 0

    def _add(self, target: str, runs: bool) -> None:
        while target and target not in self.known:
            target = target.rpartition(".")[0]
        if target and target != self.module.name:
            (self.module.runs if runs and not self.type_only else self.module.refers).add(target)

    def visit_If(self, node: ast.If) -> None:
        if _type_checking(node.test):
            self.type_only += 1
            for statement in node.body:
                self.visit(statement)
            self.type_only -= 1
            for statement in node.orelse:
                self.visit(statement)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, True)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            package = self.module.name.split(".")
            if self.module.path.name != "__init__.py":
                package.pop()
            package = package[:len(package) - node.level + 1]
            base = ".".join(package + ([node.module] if node.module else []))
        for alias in node.names:
            whole = f"{base}.{alias.name}"
            self._add(whole if whole in self.known else base, True)

    def visit_Call(self, node: ast.Call) -> None:
        named = _named_module(node)
        if named:
            self._add(named[0], not named[1])
        self.generic_visit(node)


def graph(root: Path) -> dict[str, Module]:
    found = modules(root)
    for module in found.values():
        _Imports(module, found).visit(ast.parse(module.path.read_text(encoding="utf-8")))
    return found


def cycles(found: dict[str, Module]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), over `runs`."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target in sorted(found[name].runs):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == name:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for name in sorted(found):
        if name not in index:
            visit(name)
    return result


def _within(name: str, packages: Iterable[str]) -> str | None:
    """The longest of `packages` that is `name` or holds it."""
    holding = [p for p in packages if name == p or name.startswith(p + ".")]
    return max(holding, key=len) if holding else None


def layer(name: str) -> int:
    if name == "hub":
        return 0  # the bare package (its __init__.py is empty) sits under everything
    placed = _within(name, PLACED)
    package = PLACED[placed] if placed else _within(name, LAYERS)
    if package is None:
        raise LookupError(f"{name} is in no layer: place it in LAYERS' packages")
    return LAYERS.index(package)


@pytest.fixture(scope="module")
def found() -> dict[str, Module]:
    return graph(PROJECT_ROOT)


def test_no_import_cycle(found: dict[str, Module]) -> None:
    assert cycles(found) == []


def test_every_module_has_a_layer(found: dict[str, Module]) -> None:
    unplaced = []
    for name in found:
        try:
            layer(name)
        except LookupError:
            unplaced.append(name)
    assert unplaced == []


def test_imports_point_down(found: dict[str, Module]) -> None:
    upward = sorted(f"{module.name} ({LAYERS[layer(module.name)]}) imports {target} "
                    f"({LAYERS[layer(target)]})"
                    for module in found.values() for target in module.runs | module.refers
                    if layer(target) > layer(module.name))
    assert upward == []


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_check_sees_hidden_cycles_and_upward_imports(tmp_path: Path) -> None:
    """The rules above catch what they are meant to (on a made-up tree), and let pass what
    they are meant to."""
    _write(tmp_path, {
        "hub/__init__.py": "",
        "hub/core/__init__.py": "",
        "hub/core/a.py": "def f():\n    from hub.core import b\n",
        "hub/core/b.py": "import hub.core.a\n",
        "hub/core/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                         "    from hub.core import d\n",
        "hub/core/d.py": "import strawberry\nX = strawberry.lazy('hub.core.c')\n",
        "hub/core/e.py": "import importlib\nimportlib.import_module('hub.http.app')\n",
        "hub/http/__init__.py": "",
        "hub/http/app.py": "from . import gate\nfrom ..core import a\n",
        "hub/http/gate.py": "",
        "schema/__init__.py": "", "seeds/__init__.py": "", "bench/__init__.py": "",
    })
    made = graph(tmp_path)
    assert cycles(made) == [["hub.core.a", "hub.core.b"]]  # c ⇄ d is type-only and lazy
    assert made["hub.http.app"].runs == {"hub.http.gate", "hub.core.a"}
    assert made["hub.core.c"].refers == {"hub.core.d"}
    assert made["hub.core.e"].runs == {"hub.http.app"}
    assert layer("hub.core.e") < layer("hub.http.app")  # the upward import the test refuses
