"""Imports flow one way: cli → render → journal → store, prompts, insights → models.

Parsed with ast, so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import leadjournal

PACKAGE = Path(leadjournal.__file__).parent

# Higher numbers may import lower (or equal) ones, never the other way.
LAYERS = {
    "cli": 5,
    "render": 4,
    "journal": 3,
    "record": 3,
    "exercises": 3,
    "export": 3,
    "brief": 3,
    "transfer": 3,
    "demo": 3,
    "goals": 3,
    "goalbook": 3,
    "records": 2,
    "store": 2,
    "doctor": 2,
    "prompts": 2,
    "selection": 2,
    "insights": 2,
    "config": 2,
    "migrations": 1,
    "clock": 1,
    "weeks": 1,
    "safetext": 0,
    "models": 0,
    "errors": 0,
    "messages": 0,
}
UI_LIBRARIES = {"typer", "rich", "click"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        found[".".join(parts)] = path
    return found


def _layer(module: str) -> str:
    return module.split(".")[0]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "leadjournal":
                names.update(f"leadjournal.{alias.name}" for alias in node.names)
    return names


def test_every_module_has_a_layer() -> None:
    unknown = {
        module
        for module in _modules()
        if _layer(module) not in LAYERS and module not in ("__init__", "__main__")
    }
    assert unknown == set(), "add new modules to LAYERS"


def test_lower_layers_never_import_higher_ones() -> None:
    problems = []
    for module, path in _modules().items():
        if module in ("__init__", "__main__"):
            continue
        rank = LAYERS[_layer(module)]
        for name in _imports(path):
            if not name.startswith("leadjournal."):
                continue
            target = _layer(name.removeprefix("leadjournal."))
            if target in LAYERS and LAYERS[target] > rank:
                problems.append(f"{module} imports {name}")
    assert problems == []


def test_core_code_does_not_import_the_interface_libraries() -> None:
    problems = []
    for module, path in _modules().items():
        if _layer(module) in ("cli", "render", "__main__"):
            continue
        for name in _imports(path):
            if name.split(".")[0] in UI_LIBRARIES:
                problems.append(f"{module} imports {name}")
    assert problems == []


def test_nothing_imports_the_command_line() -> None:
    for module, path in _modules().items():
        if _layer(module) in ("cli", "__main__"):
            continue
        assert not any(name.startswith("leadjournal.cli") for name in _imports(path)), module


def test_the_checker_would_notice_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from leadjournal.cli import app\n    import rich\n")
    assert {"leadjournal.cli", "rich"} <= _imports(bad)
