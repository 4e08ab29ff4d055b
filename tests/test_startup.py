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

# Runs one command the way the console script does, then lists the top-level
# packages it loaded. ``SystemExit`` is the normal end of a Typer app.
_PROBE = """
import json, sys
out = sys.argv.pop(1)
from leadjournal.cli import main
try:
    main()
except SystemExit:
    pass
with open(out, "w", encoding="utf-8") as sink:
    json.dump(sorted({name.split(".")[0] for name in sys.modules}), sink)
"""

HEAVY = {"pydantic", "pydantic_core", "rich", "sqlite_utils"}


def loaded(tmp_path: Path, *args: str) -> set[str]:
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


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_load_no_heavy_library(tmp_path: Path, args: list[str]) -> None:
    assert loaded(tmp_path, *args) & HEAVY == set()
