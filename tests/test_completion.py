"""Shell completion, as a shell uses it.

The bash tests source the script that ``--show-completion`` prints, set
COMP_WORDS and COMP_CWORD as bash would, call the completion function and
read COMPREPLY: the whole path from the shell through Typer's
``_LEADJOURNAL_COMPLETE`` protocol to the lazy command table and the journal.
Each runs in its own temporary HOME.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .procs import child_env, run

BASH = shutil.which("bash")
needs_bash = pytest.mark.skipif(BASH is None, reason="bash is not installed")


def _program(tmp_path: Path) -> Path:
    """A ``leadjournal`` on PATH, as the console script would be."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    program = folder / "leadjournal"
    program.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m leadjournal "$@"\n')
    program.chmod(0o755)
    return folder


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = child_env(tmp_path / "home", **extra)
    env["PATH"] = f"{_program(tmp_path)}{os.pathsep}{env['PATH']}"
    env["SHELL"] = BASH or "/bin/bash"
    return env


def _bash(tmp_path: Path, script: str, **extra: str) -> subprocess.CompletedProcess[str]:
    assert BASH is not None
    return subprocess.run(
        [BASH, "--norc", "--noprofile", "-c", script],
        env=_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def complete(tmp_path: Path, *words: str, **extra: str) -> list[str]:
    """COMPREPLY for the command line ``words`` (the last one is being typed)."""
    line = " ".join(shlex.quote(word) for word in ("leadjournal", *words))
    script = f"""
eval "$(leadjournal --show-completion)"
COMP_WORDS=({line})
COMP_CWORD={len(words)}
_leadjournal_completion leadjournal
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    done = _bash(tmp_path, script, **extra)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return [line for line in done.stdout.splitlines() if line]


def _journal(tmp_path: Path) -> dict[str, str]:
    """A journal with a review, an entry, an open commitment and a goal; their ids."""
    env = child_env(tmp_path / "home")
    review = run(
        env,
        *("review", "--results", "7", "--relationships", "4", "--no-prompts"),
        *("--win", "The launch", "--commit", "One-on-ones with the new hires", "--json"),
    )
    assert review.returncode == 0, review.stderr
    entry = run(env, "write", "Asked before advising @feedback", "--json")
    goal = run(env, "goal", "add", "Cut voluntary turnover on the team", "--json")
    commitments = run(env, "commitments", "--json")
    assert entry.returncode == goal.returncode == commitments.returncode == 0
    return {
        "entry": json.loads(entry.stdout)["id"],
        "goal": json.loads(goal.stdout)["goal"]["id"],
        "commitment": json.loads(commitments.stdout)[0]["id"],
    }


@needs_bash
def test_bash_completes_commands_subcommands_and_options(tmp_path: Path) -> None:
    assert complete(tmp_path, "comm") == ["commitments"]
    assert complete(tmp_path, "co") == ["commitments", "config"]
    assert complete(tmp_path, "commitments", "d") == ["done", "drop"]
    assert complete(tmp_path, "goal", "ch") == ["checkin"]
    assert complete(tmp_path, "log", "--we") == ["--week", "--weeks"]
    assert "--no-prompts" in complete(tmp_path, "review", "--no")


@needs_bash
def test_bash_completes_ids_weeks_goals_and_exercises_from_the_journal(tmp_path: Path) -> None:
    ids = _journal(tmp_path)
    shown = complete(tmp_path, "show", "")
    assert ids["entry"][:8] in shown and ids["commitment"][:8] in shown
    assert {"last", "this", "2026-W47"} <= set(shown)
    assert complete(tmp_path, "show", ids["entry"][:3]) == [ids["entry"][:8]]
    assert complete(tmp_path, "review", "--week", "2026-W4") == ["2026-W47"]
    assert complete(tmp_path, "commitments", "done", "") == [ids["commitment"][:8]]
    assert complete(tmp_path, "goal", "checkin", "") == [ids["goal"][:8]]
    assert complete(tmp_path, "exercise", "run", "temp") == ["temporary-or-lasting"]
    # Looking leaves nothing beside the journal (no -wal or -shm of its own).
    assert sorted(path.name for path in (tmp_path / "home").iterdir()) == ["journal.db"]


@needs_bash
def test_bash_completion_reads_the_journal_named_by_db(tmp_path: Path) -> None:
    ids = _journal(tmp_path)
    other = tmp_path / "other.db"
    assert complete(tmp_path, "--db", str(other), "commitments", "done", "") == []
    assert not other.exists()  # looking never creates a journal
    moved = tmp_path / "moved.db"
    (tmp_path / "home" / "journal.db").rename(moved)
    done = complete(tmp_path, "--db", str(moved), "commitments", "done", "")
    assert done == [ids["commitment"][:8]]


@needs_bash
def test_completion_never_opens_an_encrypted_journal(tmp_path: Path) -> None:
    # An encrypted file does not start with SQLite's header: it is left alone,
    # no passphrase is asked for, nothing is printed and nothing changes.
    home = tmp_path / "home"
    home.mkdir()
    sealed = home / "journal.db"
    sealed.write_bytes(os.urandom(4096))
    before = sealed.read_bytes()
    env = {"LEADJOURNAL_PASSPHRASE_COMMAND": "touch " + str(tmp_path / "asked")}
    assert complete(tmp_path, "show", "", **env) == ["last", "this"]
    assert complete(tmp_path, "commitments", "done", "", **env) == []
    assert sealed.read_bytes() == before
    assert not (tmp_path / "asked").exists()


def test_descriptions_show_what_was_written_as_text(tmp_path: Path) -> None:
    # zsh and fish show a description beside each value; a commitment's text
    # reaches the terminal there, so its control characters are shown, not obeyed.
    env = child_env(tmp_path / "home")
    hostile = "Retitle \x1b]0;PWNED\x07 [bold]me[/bold]\nand a second line"
    made = run(env, "review", "--results", "5", "--relationships", "5", "--commit", hostile)
    assert made.returncode == 0, made.stderr
    words = "leadjournal commitments done "
    for shell in ("zsh", "fish"):
        protocol = {
            "_TYPER_COMPLETE_ARGS": words,
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_LEADJOURNAL_COMPLETE": f"complete_{shell}",
        }
        done = run({**env, **protocol})
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout and "\x07" not in done.stdout
        assert "Retitle ␛]0;PWNED␇ [bold]me[/bold] and a second line" in done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_each_shells_script(tmp_path: Path, shell: str) -> None:
    env = {**_env(tmp_path), "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = run(env, "--show-completion", shell)
    assert done.returncode == 0, done.stderr
    assert f"_LEADJOURNAL_COMPLETE=complete_{shell}" in done.stdout
    assert "leadjournal" in done.stdout


@needs_bash
def test_install_completion_writes_into_the_shells_files(tmp_path: Path) -> None:
    # Two commands, so bash stays the parent (a lone command is exec'd in its
    # place) and Typer finds the shell as it does at a leader's prompt.
    done = _bash(tmp_path, "leadjournal --install-completion; exit $?")
    assert done.returncode == 0, done.stderr
    user = tmp_path / "user"
    script = user / ".bash_completions" / "leadjournal.sh"
    assert "_LEADJOURNAL_COMPLETE=complete_bash" in script.read_text()
    assert str(script) in (user / ".bashrc").read_text()


def test_completing_loads_no_pydantic_and_no_rich(tmp_path: Path) -> None:
    _journal(tmp_path)
    probe = (
        "import os, sys\n"
        "from leadjournal.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    for words, cword in (("leadjournal show ", "2"), ("leadjournal exercise run ", "3")):
        env = {
            **child_env(tmp_path / "home"),
            "COMP_WORDS": words,
            "COMP_CWORD": cword,
            "_LEADJOURNAL_COMPLETE": "complete_bash",
        }
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0
        assert done.stdout.strip(), "no suggestions"
        loaded = set(done.stderr.split())
        assert loaded & {"pydantic", "pydantic_core", "rich", "sqlite_utils"} == set()


def test_completing_a_command_name_builds_no_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys as _sys

    from typer._completion_classes import BashComplete
    from typer.main import get_command

    from leadjournal.cli import app

    built: list[str] = []
    module = _sys.modules["leadjournal.cli.app"]
    monkeypatch.setattr(module, "build_command", lambda name: built.append(name))
    complete = BashComplete(get_command(app), {}, "leadjournal", "_LEADJOURNAL_COMPLETE")
    values = [item.value for item in complete.get_completions([], "")]
    assert values[:3] == ["review", "write", "log"] and "--db" not in values
    assert [item.value for item in complete.get_completions([], "--no")] == ["--no-pager"]
    assert built == []


@needs_bash
def test_bash_completes_formats_sources_and_kinds(tmp_path: Path) -> None:
    from leadjournal.export import EXPORT_FORMATS
    from leadjournal.journal import SEARCH_KINDS
    from leadjournal.transfer import SOURCES

    assert complete(tmp_path, "export", "--format", "") == list(EXPORT_FORMATS)
    assert complete(tmp_path, "import", "x.json", "--from", "") == list(SOURCES)
    assert complete(tmp_path, "search", "billing", "--kind", "") == list(SEARCH_KINDS)
    assert complete(tmp_path, "search", "billing", "--kind", "c") == ["commitment", "check-in"]
