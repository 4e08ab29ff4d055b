"""The package's architecture, kept by reading its source (ast), never by importing it.

Imports flow one way: cli → render, brief, export → core modules → store,
prompts, insights → migrations → models, errors, messages. On top of that:
no relative or dynamic imports (they hide an edge from this check), no import
circles, the interface libraries only in ``cli`` and ``render``, SQL libraries
only where SQL lives, and no clock or environment reads outside ``cli`` (the
core takes a clock; ``clock.py`` is the one place that asks the system).

Every lazy import inside a function counts as much as one at the top.
Imports under ``if TYPE_CHECKING:`` count for every rule except circles: a
type-only import never runs, so it cannot start a circle at import time, but a
lower layer that even names a higher layer's type still depends on it.

The checker is a set of functions over a module map (module name → file), so
the tests at the bottom feed it small fake packages, one violation each, and
prove that each rule fails when it should.
"""

from __future__ import annotations

import ast
import itertools
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import leadjournal

PACKAGE = Path(leadjournal.__file__).parent
NAME = "leadjournal"

# Higher numbers may import lower (or equal) ones, never the other way.
# A new module is registered here, under the name of its file (or package).
LAYERS = {
    "cli": 5,
    "render": 4,
    "render_people": 4,
    "journal": 3,
    "record": 3,
    "exercises": 3,
    "exercise_goals": 3,
    "assessment": 3,
    "offers": 3,
    "export": 3,
    "brief": 3,
    "transfer": 3,
    "demo": 3,
    "goals": 3,
    "goalbook": 3,
    "peoplebook": 3,
    "review": 3,
    "trendbook": 3,
    "habit": 3,
    "reminders": 3,
    "lookback": 3,
    "records": 2,
    "store": 2,
    "doctor": 2,
    "drafts": 2,
    "prompts": 2,
    "selection": 2,
    "triggers": 2,
    "insights": 2,
    "patterns": 1,
    "config": 2,
    "migrations": 1,
    "clock": 1,
    "weeks": 1,
    "dates": 1,
    "snippets": 1,
    "mentions": 1,
    "inputfiles": 1,
    "jsonstream": 1,
    "packnames": 1,
    "safetext": 0,
    "models": 0,
    "errors": 0,
    "messages": 0,
}
# The two files that are no layer: the package marker and ``python -m``.
UNLAYERED = {"__init__", "__main__"}
# Only these may import the interface libraries.
UI_LIBRARIES = {"typer", "rich", "click"}
UI_ALLOWED = {"cli", "render", "render_people", "__main__"}
# Only these may import a SQL library: the store, and the three that handle
# files or errors the store cannot (doctor reads damaged files, migrations
# change the schema, transfer turns the store's IntegrityError into a message).
SQL_LIBRARIES = {"sqlite3", "sqlite_utils", "sqlcipher3"}
SQL_ALLOWED = {"store", "doctor", "migrations", "transfer"}
# Layer rules the numbers cannot say: who may never import whom, and why.
FORBIDDEN = {
    ("render", "store"): "render builds output from models; it never reads a store",
    ("render", "doctor"): "render builds output from models; it never reads a journal file",
    ("render", "migrations"): "render builds output from models; it never touches the schema",
}
# Reading the clock or the environment: only the command line (which builds
# the clock and the settings once) and clock.py (the system clock itself).
ENVIRONMENT_ALLOWED = {"cli", "__main__"}
CLOCK_ALLOWED = {"cli", "clock", "__main__"}
ENVIRONMENT_READS = {
    "os.environ",
    "os.environb",
    "os.getenv",
    "os.getenvb",
    "os.putenv",
    "os.unsetenv",
    "os.path.expanduser",
    "os.path.expandvars",
    "pathlib.Path.home",
    "platformdirs",
}
CLOCK_READS = {
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "datetime.datetime.today",
    "datetime.date.today",
    "time.time",
    "time.time_ns",
    "time.localtime",
    "time.gmtime",
    "time.ctime",
    "time.asctime",
}
# Printing and prompting belong to the command line (render prints through
# the rich console it is handed).
TERMINAL_CALLS = {"print", "input", "breakpoint", "sys.stdout", "sys.stderr", "sys.stdin"}
TERMINAL_ALLOWED = {"cli", "render", "render_people", "__main__"}
# Imports by a computed name hide an edge from every rule here. Only the
# command line may: it is the top layer (it may import anything anyway), and
# its lazy command group loads each command's module by name.
DYNAMIC_ALLOWED = {"cli", "__main__"}
DYNAMIC_IMPORTS = {
    "importlib.import_module",
    "importlib.__import__",
    "importlib.util.spec_from_file_location",
    "importlib.util.module_from_spec",
    "importlib.machinery.SourceFileLoader",
    "__import__",
    "builtins.__import__",
    "runpy.run_module",
    "runpy.run_path",
    "exec",
    "eval",
}


# -- reading a package --------------------------------------------------------


def module_map(root: Path) -> dict[str, Path]:
    """Every module under ``root``, by dotted name inside the package.

    ``store/base.py`` is ``store.base``, ``store/__init__.py`` is ``store``;
    the package's own ``__init__.py`` and ``__main__.py`` keep their names.
    """
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if len(parts) > 1 and parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def layer_of(module: str) -> str:
    """The entry in LAYERS a module belongs to: its top-level name."""
    return module.split(".")[0]


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, as in the module map
    path: Path
    line: int
    target: str  # what is imported, absolute: "leadjournal.store", "rich.text"
    lazy: bool  # inside a function
    type_only: bool  # under ``if TYPE_CHECKING:``
    relative: bool  # written with leading dots
    written: str  # the statement as written, for messages

    def where(self) -> str:
        return f"{_shown(self.path)}:{self.line}"


@dataclass(frozen=True)
class Use:
    """A name used in the code: a call or attribute, resolved through the imports."""

    module: str
    path: Path
    line: int
    name: str  # "datetime.datetime.now", "os.environ.get", "print"

    def where(self) -> str:
        return f"{_shown(self.path)}:{self.line}"

    def one_of(self, names: set[str]) -> str | None:
        """The entry of ``names`` this use is, or starts with (os.environ.get → os.environ)."""
        parts = self.name.split(".")
        for end in range(1, len(parts) + 1):
            if ".".join(parts[:end]) in names:
                return ".".join(parts[:end])
        return None


def _shown(path: Path) -> str:
    # leadjournal/render.py, as a person would look for it.
    parts = path.parts
    if NAME in parts:
        index = len(parts) - 1 - parts[::-1].index(NAME)
        return "/".join(parts[index:])
    return str(path)


def _package_of(module: str, path: Path) -> list[str]:
    """The dotted package a module sits in: what one leading dot means there."""
    inside = [] if module in UNLAYERED else module.split(".")
    if path.name != "__init__.py":
        inside = inside[:-1]
    return [NAME, *inside]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Reader(ast.NodeVisitor):
    """Collects the imports and the names used in one module."""

    def __init__(self, module: str, path: Path) -> None:
        self.module = module
        self.path = path
        self.imports: list[Import] = []
        self.uses: list[Use] = []
        self.aliases: dict[str, str] = {}  # local name → dotted name it stands for
        self._functions = 0
        self._type_only = 0

    def _add(self, node: ast.stmt, target: str, relative: bool) -> None:
        self.imports.append(
            Import(
                module=self.module,
                path=self.path,
                line=node.lineno,
                target=target,
                lazy=self._functions > 0,
                type_only=self._type_only > 0,
                relative=relative,
                written=ast.unparse(node),
            )
        )

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(node, alias.name, relative=False)
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:
                top = alias.name.split(".")[0]
                self.aliases[top] = top

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            package = _package_of(self.module, self.path)
            base = package[: len(package) - (node.level - 1)]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        for alias in node.names:
            # ``from leadjournal import store`` imports the module leadjournal.store;
            # ``from leadjournal.store import Store`` imports leadjournal.store.
            # Both are recorded; resolve() keeps the longest that is a module.
            self._add(node, f"{source}.{alias.name}", relative=node.level > 0)
            self.aliases[alias.asname or alias.name] = f"{source}.{alias.name}"

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._functions += 1
        self.generic_visit(node)
        self._functions -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self._type_only += 1
            for child in node.body:
                self.visit(child)
            self._type_only -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        dotted = self._dotted(node)
        if dotted is not None:
            self.uses.append(Use(self.module, self.path, node.lineno, dotted))
            return  # the inner parts of os.environ.get are not separate uses
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        name = self.aliases.get(node.id, node.id)
        self.uses.append(Use(self.module, self.path, node.lineno, name))

    def _dotted(self, node: ast.expr) -> str | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        head = self.aliases.get(node.id, node.id)
        return ".".join([head, *reversed(parts)])


def read(module: str, path: Path) -> _Reader:
    reader = _Reader(module, path)
    reader.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return reader


def imports_of(module: str, path: Path) -> list[Import]:
    return read(module, path).imports


def resolve(target: str, modules: Mapping[str, Path]) -> str | None:
    """The module of ours an import names (longest match), or None if it is not ours."""
    if target != NAME and not target.startswith(NAME + "."):
        return None
    parts = target.split(".")[1:]
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return "__init__" if "__init__" in modules else None


def _all_imports(modules: Mapping[str, Path]) -> Iterator[Import]:
    for module, path in modules.items():
        yield from imports_of(module, path)


def _uses(modules: Mapping[str, Path]) -> Iterator[Use]:
    for module, path in modules.items():
        yield from read(module, path).uses


def _kind(found: Import) -> str:
    if found.type_only:
        return " (a type-only import still counts)"
    if found.lazy:
        return " (inside a function: lazy imports count too)"
    return ""


# -- the rules ------------------------------------------------------------------


def unlayered_modules(modules: Mapping[str, Path]) -> list[str]:
    return [
        f"{_shown(path)}: module {module!r} has no layer: add {layer_of(module)!r} to "
        "LAYERS in tests/test_architecture.py (higher layers may import lower ones)"
        for module, path in modules.items()
        if module not in UNLAYERED and layer_of(module) not in LAYERS
    ]


def relative_imports(modules: Mapping[str, Path]) -> list[str]:
    seen: set[tuple[Path, int]] = set()
    problems = []
    for found in _all_imports(modules):
        if found.relative and (found.path, found.line) not in seen:
            seen.add((found.path, found.line))
            problems.append(
                f"{found.where()}: relative import `{found.written}`: write it absolute "
                f"(from {found.target.rsplit('.', 1)[0]} import ...)"
            )
    return problems


def dynamic_imports(modules: Mapping[str, Path]) -> list[str]:
    problems = []
    for use in _uses(modules):
        if layer_of(use.module) in DYNAMIC_ALLOWED:
            continue
        if name := use.one_of(DYNAMIC_IMPORTS):
            problems.append(
                f"{use.where()}: {use.module} imports dynamically with {name}: "
                "import by name with an import statement, so the layers can be checked"
            )
    return problems


def _unique(problems: list[str]) -> list[str]:
    # ``from x import a, b`` is one import statement, so one problem.
    return list(dict.fromkeys(problems))


def layer_violations(modules: Mapping[str, Path]) -> list[str]:
    problems: list[str] = []
    for found in _all_imports(modules):
        if found.module in UNLAYERED or layer_of(found.module) not in LAYERS:
            continue
        target = resolve(found.target, modules)
        if target is None or target in UNLAYERED or layer_of(target) not in LAYERS:
            continue
        source_layer, target_layer = layer_of(found.module), layer_of(target)
        rank, target_rank = LAYERS[source_layer], LAYERS[target_layer]
        if target_layer == "cli" and source_layer != "cli":
            problems.append(
                f"{found.where()}: {found.module} imports {NAME}.{target}{_kind(found)}: "
                "nothing outside cli/ may import the command line"
            )
        elif target_rank > rank:
            problems.append(
                f"{found.where()}: {found.module} (layer {rank}) imports {NAME}.{target} "
                f"(layer {target_rank}){_kind(found)}: a layer may only import its own "
                "or lower layers"
            )
        elif (source_layer, target_layer) in FORBIDDEN:
            reason = FORBIDDEN[(source_layer, target_layer)]
            problems.append(
                f"{found.where()}: {found.module} imports {NAME}.{target}{_kind(found)}: {reason}"
            )
    return _unique(problems)


def library_violations(modules: Mapping[str, Path]) -> list[str]:
    problems: list[str] = []
    for found in _all_imports(modules):
        library = found.target.split(".")[0]
        layer = layer_of(found.module)
        if library in UI_LIBRARIES and layer not in UI_ALLOWED:
            problems.append(
                f"{found.where()}: {found.module} imports {found.target}{_kind(found)}: "
                f"only {', '.join(sorted(UI_ALLOWED))} may use {', '.join(sorted(UI_LIBRARIES))}"
            )
        if library in SQL_LIBRARIES and layer not in SQL_ALLOWED:
            problems.append(
                f"{found.where()}: {found.module} imports {found.target}{_kind(found)}: "
                f"SQL lives in {NAME}/store/ (and {', '.join(sorted(SQL_ALLOWED - {'store'}))})"
            )
    return _unique(problems)


def clock_and_environment_reads(modules: Mapping[str, Path]) -> list[str]:
    problems = []
    for use in _uses(modules):
        layer = layer_of(use.module)
        if (name := use.one_of(ENVIRONMENT_READS)) and layer not in ENVIRONMENT_ALLOWED:
            problems.append(
                f"{use.where()}: {use.module} reads the environment ({name}): only cli/ "
                "reads environment variables; pass the value in"
            )
        elif (name := use.one_of(CLOCK_READS)) and layer not in CLOCK_ALLOWED:
            problems.append(
                f"{use.where()}: {use.module} reads the system clock ({name}): take a "
                "Clock (leadjournal.clock) and call clock.now()"
            )
        elif (name := use.one_of(TERMINAL_CALLS)) and layer not in TERMINAL_ALLOWED:
            problems.append(
                f"{use.where()}: {use.module} uses {name}: only cli/ prints or prompts; "
                "return a value and let the command show it"
            )
    return problems


def import_circles(modules: Mapping[str, Path]) -> list[str]:
    """Every set of modules that import each other, directly or round a loop.

    Lazy imports count; type-only ones do not (see the module docstring).
    """
    edges: dict[str, dict[str, Import]] = {module: {} for module in modules}
    for found in _all_imports(modules):
        if found.type_only:
            continue
        target = resolve(found.target, modules)
        if target is None or target == found.module or target == "__init__":
            continue
        edges[found.module].setdefault(target, found)
    problems = []
    for group in _strongly_connected(edges):
        loop = _a_loop(group, edges)
        steps = "; ".join(
            f"{edges[a][b].where()} `{edges[a][b].written}`" for a, b in itertools.pairwise(loop)
        )
        problems.append(
            f"import circle {' -> '.join(loop)}: {steps}. Move what both need into a "
            "lower module (records.py, models.py) so imports flow one way"
        )
    return problems


def _strongly_connected(edges: Mapping[str, Mapping[str, Import]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of two or more modules that reach each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)


def _a_loop(group: list[str], edges: Mapping[str, Mapping[str, Import]]) -> list[str]:
    """One shortest path from the group's first module round and back to it."""
    start = group[0]
    members = set(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(edges[node]):
            if target == start:
                return [*paths[node], start]
            if target in members and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError("a strongly connected group always has a loop")


RULES = (
    unlayered_modules,
    relative_imports,
    dynamic_imports,
    layer_violations,
    library_violations,
    clock_and_environment_reads,
    import_circles,
)


def check(modules: Mapping[str, Path]) -> list[str]:
    return [problem for rule in RULES for problem in rule(modules)]


# -- the package itself -----------------------------------------------------------


def _fail(problems: list[str]) -> str:
    return "architecture rules broken:\n" + "\n".join(f"  {p}" for p in problems)


def test_every_module_has_a_layer() -> None:
    problems = unlayered_modules(module_map(PACKAGE))
    assert problems == [], _fail(problems)


def test_no_relative_or_dynamic_imports() -> None:
    modules = module_map(PACKAGE)
    problems = relative_imports(modules) + dynamic_imports(modules)
    assert problems == [], _fail(problems)


def test_lower_layers_never_import_higher_ones() -> None:
    problems = layer_violations(module_map(PACKAGE))
    assert problems == [], _fail(problems)


def test_interface_and_sql_libraries_stay_in_their_layers() -> None:
    problems = library_violations(module_map(PACKAGE))
    assert problems == [], _fail(problems)


def test_only_the_command_line_reads_the_clock_and_the_environment() -> None:
    problems = clock_and_environment_reads(module_map(PACKAGE))
    assert problems == [], _fail(problems)


def test_no_import_circles() -> None:
    problems = import_circles(module_map(PACKAGE))
    assert problems == [], _fail(problems)


# -- the checker, fed one violation at a time ---------------------------------------

CLEAN = {
    "__init__.py": '"""A package."""\n',
    "models.py": "from dataclasses import dataclass\n",
    "messages.py": "HELLO = 'hello'\n",
    "clock.py": (
        "from datetime import datetime\n\n\n"
        "def now() -> datetime:\n    return datetime.now().astimezone()\n"
    ),
    "store/__init__.py": "from leadjournal.store.base import Store\n",
    "store/base.py": "import sqlite3\n\nfrom leadjournal import messages\n\n\nclass Store: ...\n",
    "journal.py": (
        "from leadjournal.clock import now\nfrom leadjournal.store import Store\n\n\n"
        "class Journal:\n    def __init__(self, store: Store) -> None:\n"
        "        self.store = store\n"
    ),
    "exercises.py": "from leadjournal.models import dataclass\n",
    "render.py": (
        "from typing import TYPE_CHECKING\n\nfrom rich.text import Text\n\n"
        "if TYPE_CHECKING:\n    from leadjournal.journal import Journal\n"
    ),
    "cli/__init__.py": (
        "import os\n\nimport typer\n\nfrom leadjournal.cli.app import app\n\n"
        "HOME = os.environ.get('HOME')\n"
    ),
    "cli/app.py": "def app() -> None:\n    from leadjournal.journal import Journal\n",
}


def _fake(tmp_path: Path, **changes: str) -> dict[str, Path]:
    """A small package named like ours: the clean files, with ``changes`` on top.

    Keys are file paths with "/" written as "__" (``store__base`` is store/base.py).
    """
    root = Path(tempfile.mkdtemp(dir=tmp_path)) / NAME
    files = {**CLEAN, **{f"{key.replace('__', '/')}.py": text for key, text in changes.items()}}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return module_map(root)


def test_the_clean_fake_package_passes(tmp_path: Path) -> None:
    assert check(_fake(tmp_path)) == []


def test_a_relative_import_is_caught_and_resolved(tmp_path: Path) -> None:
    modules = _fake(tmp_path, render="from .journal import Journal\n")
    problems = relative_imports(modules)
    assert problems == [
        "leadjournal/render.py:1: relative import `from .journal import Journal`: "
        "write it absolute (from leadjournal.journal import ...)"
    ]
    # Resolved, it still counts for the other rules: here, a circle-free import.
    assert layer_violations(modules) == []
    two_dots = _fake(tmp_path, store__base="from ..cli import app\n")
    assert relative_imports(two_dots) != []
    assert any("nothing outside cli/" in p for p in layer_violations(two_dots))


def test_a_dynamic_import_is_caught(tmp_path: Path) -> None:
    for source in (
        "import importlib\n\nJ = importlib.import_module('leadjournal.cli')\n",
        "from importlib import import_module\n\nJ = import_module('leadjournal.cli')\n",
        "import importlib as il\n\nJ = il.import_module('leadjournal.cli')\n",
        "J = __import__('leadjournal.cli')\n",
        "exec('from leadjournal.cli import app')\n",
    ):
        problems = dynamic_imports(_fake(tmp_path, journal=source))
        assert len(problems) == 1, (source, problems)
        assert problems[0].startswith("leadjournal/journal.py:")
        assert "imports dynamically" in problems[0]
    # The command line's lazy command group may load its commands by name.
    lazy = "import importlib\n\n\ndef load(name):\n    return importlib.import_module(name)\n"
    assert dynamic_imports(_fake(tmp_path, cli__app=lazy)) == []


def test_render_importing_the_store_is_caught(tmp_path: Path) -> None:
    for source in (
        "from leadjournal.store import Store\n",
        "from leadjournal import store\n",
        "def f():\n    from leadjournal.store.base import Store\n",
        "import typing\nif typing.TYPE_CHECKING:\n    from leadjournal.store import S\n",
    ):
        problems = layer_violations(_fake(tmp_path, render=source))
        assert len(problems) == 1, (source, problems)
        assert "render imports leadjournal.store" in problems[0]
        assert "never reads a store" in problems[0]


def test_a_lower_layer_importing_a_higher_one_is_caught(tmp_path: Path) -> None:
    modules = _fake(tmp_path, store__base="def f():\n    from leadjournal.journal import J\n")
    assert layer_violations(modules) == [
        "leadjournal/store/base.py:2: store.base (layer 2) imports leadjournal.journal "
        "(layer 3) (inside a function: lazy imports count too): a layer may only import its "
        "own or lower layers"
    ]


def test_importing_the_command_line_from_outside_it_is_caught(tmp_path: Path) -> None:
    problems = layer_violations(_fake(tmp_path, render="from leadjournal.cli import app\n"))
    assert problems == [
        "leadjournal/render.py:1: render imports leadjournal.cli.app: nothing outside cli/ may "
        "import the command line"
    ]


def test_interface_and_sql_libraries_out_of_place_are_caught(tmp_path: Path) -> None:
    problems = library_violations(
        _fake(tmp_path, journal="import typer\n\n\ndef f():\n    import sqlite3\n")
    )
    assert len(problems) == 2
    assert problems[0].startswith("leadjournal/journal.py:1: journal imports typer")
    assert problems[1].startswith("leadjournal/journal.py:5: journal imports sqlite3")


def test_clock_and_environment_reads_in_the_core_are_caught(tmp_path: Path) -> None:
    sources = {
        "from datetime import datetime\nT = datetime.now()\n": "datetime.datetime.now",
        "import datetime\nT = datetime.datetime.now()\n": "datetime.datetime.now",
        "import datetime as dt\nT = dt.date.today()\n": "datetime.date.today",
        "from datetime import date\nT = date.today()\n": "datetime.date.today",
        "from datetime import datetime as D\nT = D.utcnow()\n": "datetime.datetime.utcnow",
        "import time\nT = time.time()\n": "time.time",
        "import os\nH = os.environ['HOME']\n": "os.environ",
        "import os\nH = os.environ.get('HOME')\n": "os.environ",
        "import os\nH = os.getenv('HOME')\n": "os.getenv",
        "from os import environ\nH = environ['HOME']\n": "os.environ",
        "from os import getenv as g\nH = g('HOME')\n": "os.getenv",
        "from pathlib import Path\nH = Path.home()\n": "pathlib.Path.home",
        "import platformdirs\nH = platformdirs.user_data_dir('x')\n": "platformdirs",
        "X = 1\nprint('hello')\n": "print",
        "import sys\nsys.stdout.write('x')\n": "sys.stdout",
    }
    for source, name in sources.items():
        problems = clock_and_environment_reads(_fake(tmp_path, journal=source))
        assert len(problems) == 1, (source, problems)
        assert problems[0].startswith("leadjournal/journal.py:2: journal "), problems[0]
        assert f"({name})" in problems[0] or f"uses {name}:" in problems[0], problems[0]
    # The clock itself may ask the system, and cli/ may read the environment.
    assert clock_and_environment_reads(_fake(tmp_path)) == []


def test_import_circles_are_caught_lazy_imports_included(tmp_path: Path) -> None:
    modules = _fake(
        tmp_path,
        journal="from leadjournal.exercises import run\n",
        exercises="def run():\n    from leadjournal.journal import Journal\n",
    )
    assert import_circles(modules) == [
        "import circle exercises -> journal -> exercises: "
        "leadjournal/exercises.py:2 `from leadjournal.journal import Journal`; "
        "leadjournal/journal.py:1 `from leadjournal.exercises import run`. Move what both "
        "need into a lower module (records.py, models.py) so imports flow one way"
    ]


def test_a_longer_circle_and_one_through_a_package_are_caught(tmp_path: Path) -> None:
    modules = _fake(
        tmp_path,
        journal="from leadjournal.exercises import run\n",
        exercises="from leadjournal import goalbook\n",
        goalbook="import leadjournal.journal\n",
    )
    (problem,) = import_circles(modules)
    assert problem.startswith("import circle exercises -> goalbook -> journal -> exercises:")
    # A submodule importing its own package's __init__, which imports it back.
    (problem,) = import_circles(_fake(tmp_path, store__base="from leadjournal.store import X\n"))
    assert problem.startswith("import circle store -> store.base -> store:")


def test_type_only_imports_make_no_circle_but_keep_the_layers(tmp_path: Path) -> None:
    guarded = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from leadjournal.{} import X\n"
    )
    modules = _fake(
        tmp_path,
        journal="from leadjournal.exercises import run\n",
        exercises=guarded.format("journal"),
    )
    assert import_circles(modules) == []
    problems = layer_violations(_fake(tmp_path, store__base=guarded.format("journal")))
    assert len(problems) == 1 and "a type-only import still counts" in problems[0]


def test_a_module_without_a_layer_is_named(tmp_path: Path) -> None:
    assert unlayered_modules(_fake(tmp_path, newthing="X = 1\n")) == [
        "leadjournal/newthing.py: module 'newthing' has no layer: add 'newthing' to LAYERS in "
        "tests/test_architecture.py (higher layers may import lower ones)"
    ]
