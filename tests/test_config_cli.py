"""The config file where the convention puts it, and ``leadjournal config path|show|edit``."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from .conftest import Cli


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """Where this test's config belongs: XDG_CONFIG_HOME/leadjournal/config.toml."""
    path = tmp_path / "user" / "config" / "leadjournal" / "config.toml"
    path.parent.mkdir(parents=True)
    return path


def _editor(tmp_path: Path, text: str) -> str:
    """An $EDITOR that appends ``text`` to the file it is given."""
    script = tmp_path / "editor.py"
    script.write_text(f"import sys\nopen(sys.argv[1], 'a').write({text!r})\n")
    return f"{sys.executable} {script}"


def test_the_config_folder_is_where_xdg_config_home_says(
    cli: Cli, config_file: Path, isolated: Path
) -> None:
    assert cli.ok("config", "path").stdout.strip() == str(config_file)
    # LEADJOURNAL_HOME moves the data folder only.
    assert not cli.ok("config", "path").stdout.startswith(str(isolated))
    config_file.write_text("prompts = false\nreview_days = ['wed']\n")
    shown = cli.ok("config", "show").stdout
    assert f"# {config_file}" in shown
    assert "prompts = false" in shown
    assert 'review_days = ["wednesday"]' in shown


def test_the_config_is_used_by_commands(cli: Cli, config_file: Path) -> None:
    config_file.write_text('extra_dimensions = ["Energy!"]\n')
    run = cli("review", "--results", "5", "--relationships", "5")
    assert run.exit_code == 2
    assert str(config_file) in run.stderr and "Energy!" in run.stderr


def test_leadjournal_config_names_one_file(cli: Cli, tmp_path: Path, config_file: Path) -> None:
    config_file.write_text("prompts = true\n")
    mine = tmp_path / "elsewhere" / "mine.toml"
    mine.parent.mkdir()
    mine.write_text("prompt_count = 2\n")
    env = {"LEADJOURNAL_CONFIG": str(mine)}
    assert cli.ok("config", "path", env=env).stdout.strip() == str(mine)
    assert "prompt_count = 2" in cli.ok("config", "show", env=env).stdout


def test_no_file_shows_the_defaults_and_says_so(cli: Cli, config_file: Path) -> None:
    path = cli.ok("config", "path")
    assert "no file there yet" in path.stderr
    shown = cli.ok("config", "show").stdout
    assert "these are the defaults" in shown
    assert "nudge = true" in shown and "prompts = true" in shown


def test_a_config_in_the_old_place_is_read_with_a_note_once(
    cli: Cli, isolated: Path, config_file: Path
) -> None:
    old = isolated / "config.toml"
    isolated.mkdir(parents=True, exist_ok=True)
    old.write_text("prompts = false\n")
    first = cli.ok("config", "show")
    assert "prompts = false" in first.stdout
    assert "old place" in first.stderr
    assert f"mv {old} {config_file}" in first.stderr
    second = cli.ok("config", "show")
    assert "prompts = false" in second.stdout
    assert "old place" not in second.stderr
    # Moved as the note says: read from the config folder, no note.
    old.rename(config_file)
    moved = cli.ok("config", "show")
    assert f"# {config_file}" in moved.stdout and "prompts = false" in moved.stdout


def test_the_config_folder_wins_over_the_old_place(
    cli: Cli, isolated: Path, config_file: Path
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text("prompts = false\n")
    config_file.write_text("prompts = true\n")
    run = cli.ok("config", "show")
    assert "prompts = true" in run.stdout and "old place" not in run.stderr


def test_edit_makes_an_explained_private_file_and_checks_it(
    cli: Cli, tmp_path: Path, config_file: Path
) -> None:
    config_file.parent.rmdir()
    run = cli.ok("config", "edit", env={"EDITOR": _editor(tmp_path, "prompt_count = 2\n")})
    assert "reads cleanly" in run.stdout
    text = config_file.read_text()
    assert "# nudge = true" in text  # every setting explained
    assert text.endswith("prompt_count = 2\n")
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_file.parent.stat().st_mode) == 0o700
    assert "prompt_count = 2" in cli.ok("config", "show").stdout


def test_edit_that_breaks_the_file_says_what_is_wrong(
    cli: Cli, tmp_path: Path, config_file: Path
) -> None:
    run = cli("config", "edit", env={"EDITOR": _editor(tmp_path, "promts = true\n")})
    assert run.exit_code == 2
    assert "promts" in run.stderr
    # A broken file does not stop 'config edit' from opening it to be fixed.
    fixer = tmp_path / "fixer.py"
    fixer.write_text("import sys\nopen(sys.argv[1], 'w').write('prompts = true\\n')\n")
    fixed = cli.ok("config", "edit", env={"EDITOR": f"{sys.executable} {fixer}"})
    assert "reads cleanly" in fixed.stdout
    assert config_file.read_text() == "prompts = true\n"


def test_edit_without_an_editor_says_how(cli: Cli) -> None:
    run = cli("config", "edit", env={"EDITOR": "", "VISUAL": ""})
    assert run.exit_code == 2
    assert "EDITOR" in run.stderr and "config.toml" in run.stderr


def test_show_prints_a_hostile_value_as_text(cli: Cli, config_file: Path) -> None:
    config_file.write_text('editor = "[bold]vi\\u001b]0;X\\u0007"\n')
    shown = cli.ok("config", "show").stdout
    assert "[bold]vi" in shown
    assert "\x1b" not in shown and "\x07" not in shown


def test_db_path_json_names_the_config_in_use(cli: Cli, config_file: Path) -> None:
    assert cli.ok("db", "path", "--json").json()["config"] == str(config_file)


def test_an_editor_that_fails_is_said_so(cli: Cli, config_file: Path) -> None:
    run = cli("config", "edit", env={"EDITOR": "false"})
    assert run.exit_code == 1
    assert "did not finish cleanly" in run.stderr and "reads cleanly" not in run.stdout
