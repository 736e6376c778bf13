"""The parser stands below the sources: nothing it imports reaches gsilint.sources."""

from __future__ import annotations

import ast
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def _module_file(name: str) -> Path | None:
    base = _ROOT / name.replace(".", "/")
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


def _imports(name: str) -> set[str]:
    path = _module_file(name)
    out: set[str] = set()
    if path is None:
        return out
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gsilint"):
            if node.module != "gsilint":
                out.add(node.module)
            out.update(
                f"{node.module}.{a.name}"
                for a in node.names
                if _module_file(f"{node.module}.{a.name}")
            )
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("gsilint."))
    return out


def test_parse_imports_nothing_from_sources():
    seen: set[str] = set()
    todo = ["gsilint.parse"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_imports(name))
    assert not [m for m in seen if m.startswith("gsilint.sources")]
    assert "gsilint.vocabulary" in seen
