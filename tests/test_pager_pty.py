"""Long output goes through a pager on a terminal, and never in a pipe.

Each test runs the real program in a pseudo-terminal with ``PAGER`` (or a
``less`` on PATH) set to a script that records what it was given: its
input, its arguments and the ``LESS`` it saw.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import Any

import pytest

from .helpers import finish
from .procs import child_env, command, run

RECORDER = """#!/bin/sh
printf '%s\\n' "LESS=${LESS-unset} LV=${LV-unset} ARGS=$*" > {record}.env
cat > {record}
"""


def _recorder(tmp_path: Path, name: str = "pager") -> tuple[Path, Path]:
    """A pager script, and the file it records its input to."""
    record = tmp_path / f"{name}.out"
    script = tmp_path / name
    script.write_text(RECORDER.replace("{record}", shlex.quote(str(record))))
    script.chmod(0o755)
    return script, record


def _spawn(tmp_path: Path, *args: str, **env: str) -> Any:
    import pexpect

    environment = child_env(tmp_path / "home", **{"TERM": "xterm", **env})
    for name, value in env.items():
        if value == "<unset>":
            environment.pop(name)
    program, *arguments = command(*args)
    return pexpect.spawn(
        program, arguments, env=environment, encoding="utf-8", timeout=45, dimensions=(30, 100)
    )


def _journal(tmp_path: Path, entries: int = 3) -> None:
    env = child_env(tmp_path / "home")
    made = run(env, "review", "--results", "7", "--relationships", "3", "--win", "The launch")
    assert made.returncode == 0, made.stderr
    for number in range(entries):
        assert run(env, "write", f"Reflection number {number} @pagertest").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ["log", "--weeks", "8"],
        ["search", "Reflection"],
        ["show", "2026-W47"],
        ["trends"],
        ["export", "--format", "md"],
        ["brief", "--format", "md"],
    ],
)
def test_long_output_goes_through_the_pager_on_a_terminal(tmp_path: Path, args: list[str]) -> None:
    _journal(tmp_path)
    pager, record = _recorder(tmp_path)
    child = _spawn(tmp_path, *args, PAGER=str(pager))
    screen = child.read()
    assert finish(child) == 0
    paged = record.read_text(encoding="utf-8")
    assert "2026-W47" in paged
    assert "2026-W47" not in screen  # all of it went to the pager
    # The pager is given what a terminal would get: the terminal's width,
    # and colour (less -R shows it), since PAGER stands in for the screen.
    assert "\x1b[" in paged or args[0] in ("export", "brief")
    assert (tmp_path / "pager.out.env").read_text().startswith("LESS=FRX LV=-c ")


def test_without_pager_less_r_is_used_with_less_set_as_git_does(tmp_path: Path) -> None:
    _journal(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _less, record = _recorder(bin_dir, "less")
    path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    child = _spawn(tmp_path, "log", PAGER="<unset>", LESS="<unset>", PATH=path)
    child.read()
    assert finish(child) == 0
    assert "Reflection number 2" in record.read_text(encoding="utf-8")
    assert (bin_dir / "less.out.env").read_text().strip() == "LESS=FRX LV=-c ARGS=-R"


def test_the_leaders_own_less_settings_are_kept(tmp_path: Path) -> None:
    _journal(tmp_path)
    pager, record = _recorder(tmp_path)
    child = _spawn(tmp_path, "log", PAGER=f"{pager} -S", LESS="-iM")
    child.read()
    assert finish(child) == 0
    assert "@pagertest" in record.read_text(encoding="utf-8")
    assert (tmp_path / "pager.out.env").read_text().strip() == "LESS=-iM LV=-c ARGS=-S"


@pytest.mark.parametrize(
    "setting", [{"PAGER": ""}, {"PAGER": "cat"}, {"TERM": "dumb"}, {"TERM": "<unset>"}, {}]
)
def test_no_pager_when_turned_off(tmp_path: Path, setting: dict[str, str]) -> None:
    _journal(tmp_path)
    pager, record = _recorder(tmp_path)
    env = {"PAGER": str(pager), **setting}
    args = ["log"] if setting else ["--no-pager", "log"]
    child = _spawn(tmp_path, *args, **env)
    screen = child.read()
    assert finish(child) == 0
    assert "Reflection number 2" in screen
    assert not record.exists()


def test_json_is_never_paged(tmp_path: Path) -> None:
    _journal(tmp_path)
    pager, record = _recorder(tmp_path)
    child = _spawn(tmp_path, "log", "--json", PAGER=str(pager))
    screen = child.read()
    assert finish(child) == 0
    assert "Reflection number 2" in screen
    assert not record.exists()


def test_a_pipe_gets_plain_text_and_no_pager(tmp_path: Path) -> None:
    _journal(tmp_path)
    pager, record = _recorder(tmp_path)
    done = run(child_env(tmp_path / "home", PAGER=str(pager), TERM="xterm"), "log")
    assert done.returncode == 0
    assert "Reflection number 2" in done.stdout
    assert "\x1b[" not in done.stdout
    assert not record.exists()


def test_quitting_the_pager_early_is_no_error(tmp_path: Path) -> None:
    # head reads one line and goes: the rest of a long log meets a closed pipe.
    _journal(tmp_path)
    long = "\n".join(f"Line {number} of a long reflection" for number in range(3000))
    assert run(child_env(tmp_path / "home"), "write", input=long).returncode == 0
    child = _spawn(tmp_path, "log", "--weeks", "8", PAGER="head -n 1")
    screen = child.read()
    assert finish(child) == 0
    assert "error" not in screen.lower() and "Traceback" not in screen
    assert len([line for line in screen.splitlines() if line.strip()]) == 1


def test_ctrl_c_while_the_pager_shows_is_the_pagers(tmp_path: Path) -> None:
    # A pager that waits, as less does for a key; Ctrl-C reaches the pager
    # (less uses it to stop a search) and never prints a traceback here.
    _journal(tmp_path)
    long = "\n".join(f"Line {number} of a long reflection" for number in range(3000))
    assert run(child_env(tmp_path / "home"), "write", input=long).returncode == 0
    waiting = tmp_path / "waiting"
    waiting.write_text("#!/bin/sh\necho PAGER-READY\nsleep 30\ncat > /dev/null\n")
    waiting.chmod(0o755)
    child = _spawn(tmp_path, "log", PAGER=str(waiting))
    child.expect("PAGER-READY")
    child.sendintr()
    screen = child.read()
    status = finish(child)
    assert "Traceback" not in screen and "error" not in screen.lower()
    assert status == 0
