"""README's table of exit codes, walked: each code provoked by a real command.

The codes are read from README's "Exit codes" section, so a code added there
without a command here that provokes it fails, and so does a command that
exits with another code than the table says.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from . import helpers
from .procs import ROOT, child_env, command, run

Provoke = Callable[[Path], int]


def _cli(*args: str) -> Provoke:
    def provoke(tmp_path: Path) -> int:
        done = run(child_env(tmp_path / "home"), *args)
        assert "Traceback" not in done.stderr
        return done.returncode

    return provoke


def _demo_twice(tmp_path: Path) -> int:
    target = str(tmp_path / "demo.db")
    assert _cli("demo", "--db", target)(tmp_path) == 0
    return _cli("demo", "--db", target)(tmp_path)  # a conflict: it refuses an existing file


def _exercise_paused(tmp_path: Path) -> int:
    child = helpers.spawn(tmp_path / "home", "exercise", "run", "temporary-or-lasting")
    child.expect("Number or text")
    child.sendintr()
    return helpers.finish(child)


def _review_paused(tmp_path: Path) -> int:
    child = helpers.spawn(tmp_path / "home", "review", "--no-prompts")
    child.expect("Enter to skip")
    child.sendline("7")
    child.expect("relationships")
    child.sendeof()  # Ctrl-D at a one-line question pauses, as the table says
    return helpers.finish(child)


def _delete_declined(tmp_path: Path) -> int:
    written = run(child_env(tmp_path / "home"), "write", "Keep me", "--json")
    entry = json.loads(written.stdout)["id"][:8]
    child = helpers.spawn(tmp_path / "home", "delete", entry)
    child.expect(r"\?")
    child.sendline("n")
    return helpers.finish(child)


def _reader_stopped_early(tmp_path: Path) -> int:
    env = child_env(tmp_path / "home")
    long = "\n".join(f"Line {number} of a long reflection" for number in range(5000))
    assert run(env, "write", input=long).returncode == 0
    reader = subprocess.Popen(command("log"), env=env, stdout=subprocess.PIPE)
    assert reader.stdout is not None
    reader.stdout.readline()
    reader.stdout.close()
    return reader.wait(timeout=120)


PROVOKED: dict[int, list[tuple[str, Provoke]]] = {
    0: [("write a reflection", _cli("write", "Asked before advising"))],
    1: [
        ("show an id that is not there", _cli("show", "deadbeef")),
        ("import a file that is not there", _cli("import", "no-such-export.json")),
        ("demo over an existing file (a conflict)", _demo_twice),
        ("no to a delete", _delete_declined),
    ],
    2: [
        ("a rating out of range", _cli("review", "--results", "12", "--relationships", "4")),
        ("an unknown command", _cli("done", "3f2a")),
        ("an option that does not exist", _cli("log", "--no-such-option")),
    ],
    130: [("Ctrl-C in an exercise", _exercise_paused), ("Ctrl-D in a review", _review_paused)],
    141: [("the reader of the output stopped early", _reader_stopped_early)],
}


def readme_codes() -> list[int]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return [int(code) for code in re.findall(r"`(\d+)`", section)]


def test_every_code_in_the_readme_is_provoked_here() -> None:
    assert sorted(readme_codes()) == sorted(PROVOKED)


@pytest.mark.parametrize(
    ("code", "provoke"),
    [(code, provoke) for code, cases in PROVOKED.items() for _, provoke in cases],
    ids=[what for cases in PROVOKED.values() for what, _ in cases],
)
def test_each_code_is_what_a_real_command_exits_with(
    tmp_path: Path, code: int, provoke: Provoke
) -> None:
    assert provoke(tmp_path) == code


def test_an_exercise_pause_is_said_as_a_pause_with_how_to_carry_on(tmp_path: Path) -> None:
    child = helpers.spawn(tmp_path / "home", "exercise", "run", "temporary-or-lasting")
    child.expect("Number or text")
    child.sendline("1")
    child.expect("Number or text|›")
    child.sendintr()
    child.expect(pexpect.EOF)
    said = child.before
    child.close()
    assert child.exitstatus == 130
    assert "error:" not in said and "hint:" not in said
    assert "Exercise paused; every answer you gave is kept." in said
    assert "Run 'leadjournal exercise run temporary-or-lasting' again to carry on" in said


def test_a_review_pause_is_said_as_a_pause_with_how_to_carry_on(tmp_path: Path) -> None:
    child = helpers.spawn(tmp_path / "home", "review", "--no-prompts")
    child.expect("Enter to skip")
    child.sendline("7")
    child.expect("relationships")
    child.sendintr()
    child.expect(pexpect.EOF)
    said = child.before
    child.close()
    assert child.exitstatus == 130
    assert "error:" not in said
    assert "paused; every answer you gave is saved" in said
    assert "Run 'leadjournal review --week 2026-W47' to carry on where you stopped" in said
