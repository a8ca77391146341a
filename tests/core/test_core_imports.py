"""app/core imports one way: no cycles, no imports hidden in functions to dodge one, no Qt.

(That core never imports app.engine either is issue 11's other half: LoadOptions still
lives in app.engine.protocol, and its move belongs with the engine.)
"""

import ast
from pathlib import Path

import app.core

CORE = Path(app.core.__file__).parent


def imports(path: Path) -> tuple[set[str], list[str]]:
    """app.core modules imported at the top of a file, and any app.* import made inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top, hidden = set(), []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif node.module == "app.core":
            names = [f"app.core.{alias.name}" for alias in node.names]
        else:
            names = [node.module or ""]
        inside = node.col_offset > 0
        for name in names:
            if name.startswith("app.core."):
                (hidden.append(name) if inside else top.add(name.split(".")[2]))
            elif name.startswith(("app.ui", "PySide6")):
                hidden.append(name)  # core never imports the window or Qt at all
    return top, hidden


def test_core_has_no_import_cycles_and_no_hidden_imports():
    graph, hidden = {}, {}
    for path in CORE.glob("*.py"):
        graph[path.stem], found = imports(path)
        if found:
            hidden[path.stem] = found
    assert hidden == {}
    state: dict[str, str] = {}
    cycles = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
    assert {"hub", "policy", "models", "settings"} <= set(graph)  # the check really saw the modules
