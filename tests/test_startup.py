"""Start-up stays at the framework's floor: what the quickest commands load.

Each check runs the real program in a child process and reads ``sys.modules``
when it finishes, so an import added at the top of any module on the path
(the way ``one_of`` once pulled pydantic into every command) fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .procs import child_env

# Runs one command the way the console script does, then lists the modules
# it loaded. ``SystemExit`` is the normal end of a Typer app.
_PROBE = """
import json, sys
out = sys.argv.pop(1)
from leadjournal.cli import main
try:
    main()
except SystemExit:
    pass
with open(out, "w", encoding="utf-8") as sink:
    json.dump(sorted(sys.modules), sink)
"""

HEAVY = {"pydantic", "pydantic_core", "rich", "sqlite_utils"}


def modules(tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(out), *args],
        env=child_env(tmp_path / "home"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(out.read_text(encoding="utf-8")))


def loaded(tmp_path: Path, *args: str) -> set[str]:
    """The top-level packages a command loaded."""
    return {name.split(".")[0] for name in modules(tmp_path, *args)}


def command_modules(names: set[str]) -> set[str]:
    return {name for name in names if name.startswith("leadjournal.cli.")} - {
        "leadjournal.cli.app",
        "leadjournal.cli.coercion",
        "leadjournal.cli.completion",  # value completion, shared by the commands
        "leadjournal.cli.helpstyle",  # usage lines and command lists, for every command
        "leadjournal.cli.pager",  # long output through $PAGER, shared by the read commands
        "leadjournal.cli.context",
        "leadjournal.cli.drafts",  # the shared reader's drafts (cli.io needs them)
        "leadjournal.cli.io",
        "leadjournal.cli.options",
    }


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_load_no_heavy_library(tmp_path: Path, args: list[str]) -> None:
    assert loaded(tmp_path, *args) & HEAVY == set()


def test_help_imports_no_command_module(tmp_path: Path) -> None:
    assert command_modules(modules(tmp_path, "--help")) == set()


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    assert command_modules(modules(tmp_path, "show", "--help")) == {"leadjournal.cli.entries"}
    assert command_modules(modules(tmp_path, "goal", "list", "--help")) == {"leadjournal.cli.goals"}


def test_write_loads_no_heavy_library(tmp_path: Path) -> None:
    # The first write creates and migrates the journal (sqlite-utils' migrations);
    # every later one is the everyday path.
    loaded(tmp_path, "write", "The first entry")
    assert (
        loaded(tmp_path, "write", "Asked before advising, twice today @feedback") & HEAVY == set()
    )


@pytest.mark.parametrize(
    "args", [["log", "--last-week"], ["trends", "--json"], ["log", "--weeks", "2", "--json"]]
)
def test_everyday_reads_load_no_pydantic(tmp_path: Path, args: list[str]) -> None:
    loaded(tmp_path, "write", "Something to read back")
    assert loaded(tmp_path, *args) & {"pydantic", "pydantic_core", "sqlite_utils"} == set()


def test_a_review_from_flags_loads_no_pydantic(tmp_path: Path) -> None:
    # Its path reads the week's claim and keeps the replaced week as a version:
    # both are our own rows, built without validation.
    flags = ["--results", "7", "--relationships", "4", "--win", "Launch", "--commit", "1:1s"]
    loaded(tmp_path, "review", *flags)
    again = loaded(tmp_path, "review", *flags, "--replace", "--yes")
    assert again & {"pydantic", "pydantic_core", "sqlite_utils"} == set()
    amended = loaded(tmp_path, "review", "--results", "6")
    assert amended & {"pydantic", "pydantic_core", "sqlite_utils"} == set()
