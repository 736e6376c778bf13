"""The import graph: one direction, no circles (read from the source, not from a run).

Every ``import`` counts, including imports inside functions (a deferred import
that breaks a circle at run time is still a circle in the design); imports
under ``if TYPE_CHECKING:`` do not, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import gsilint

PACKAGE = Path(gsilint.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _known(name: str) -> str | None:
    """The gsilint module ``name`` refers to (a name inside a module counts as the module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str) -> set[str]:
    """The gsilint modules ``module`` imports at run time."""
    path = MODULES[module]
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            if _is_type_checking(node.test):
                for child in node.orelse:
                    self.visit(child)
            else:
                self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            found.update(filter(None, (_known(a.name) for a in node.names)))

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            submodules = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in MODULES]
            found.update(submodules or filter(None, [_known(base)]))

    Visitor().visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return out


def test_the_graph_is_read():
    assert "gsilint.engine" in GRAPH["gsilint.run"]
    assert "gsilint.run" in GRAPH["gsilint.parallel"]


def test_no_import_circles():
    assert _cycles() == []


def test_rules_see_only_a_context():
    """No rule module imports the engine, the run, the API or the entry points."""
    above = {"gsilint.engine", "gsilint.run", "gsilint.api", "gsilint.parallel", "gsilint.cli"}
    above |= {"gsilint.fix", "gsilint.resolve", "gsilint.lsp_server"}
    offending = {
        m: sorted(GRAPH[m] & above)
        for m in GRAPH
        if m.startswith("gsilint.rules") and GRAPH[m] & above
    }
    assert offending == {}


def test_api_and_parallel_do_not_import_each_other_both_way():
    assert not (
        "gsilint.api" in GRAPH["gsilint.parallel"] and "gsilint.parallel" in GRAPH["gsilint.api"]
    )
    assert (
        "gsilint.api" not in GRAPH["gsilint.run"] and "gsilint.parallel" not in GRAPH["gsilint.run"]
    )


def _reachable(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for w in GRAPH[todo.pop()] - seen:
            seen.add(w)
            todo.append(w)
    return seen


def test_parse_stands_below_the_sources():
    """Nothing the parser imports, directly or not, reaches gsilint.sources."""
    parse = [m for m in GRAPH if m == "gsilint.parse" or m.startswith("gsilint.parse.")]
    assert len(parse) > 1
    reached = {
        m: sorted(w for w in _reachable(m) if w.startswith("gsilint.sources")) for m in parse
    }
    assert reached == {m: [] for m in parse}
