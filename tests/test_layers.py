"""The layers of the code: kg/ is the library and never imports webapp/ (the web layer over it), and no module of
either imports itself back through others — not at the top of a file and not inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kg", "webapp")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The project's modules that a module imports anywhere in it (lazy imports inside functions included);
    `from package import x` counts as importing package.x when x is a module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import kg.pages.goals` imports kg.pages.goals
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> nx.DiGraph:
    known = modules()
    g = nx.DiGraph()
    for name, path in known.items():
        g.add_node(name)
        for target in imports(path, name, set(known)):
            g.add_edge(name, target)
    return g


def parents(name: str) -> set[str]:
    """A package's __init__ runs before its submodules: importing a.b.c imports a and a.b."""
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def test_the_scan_sees_the_imports_it_must_see():
    g = graph()
    assert g.has_edge("webapp", "kg.layout")
    assert g.has_edge("kg.pages.goals", "kg.queries")
    assert g.number_of_nodes() > 100


def test_kg_never_imports_webapp():
    g = graph()
    wrong = sorted((a, b) for a, b in g.edges if a.split(".")[0] == "kg" and b.split(".")[0] == "webapp")
    assert not wrong, f"kg/ imports webapp/: {wrong}"


def test_no_import_cycles():
    g = graph()
    cycles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]
    # a package that imports its own submodule (to re-export it) is not a cycle unless the submodule imports back
    # something other than the package's parents
    assert not cycles, "import cycles: " + "; ".join(" ↔ ".join(c) for c in cycles)
