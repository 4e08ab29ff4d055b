"""The command line through Typer's CliRunner: exit codes, streams and the database after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from leadjournal import __version__
from leadjournal.cli.context import Settings

from .conftest import Cli
from .helpers import rows

FULL = [
    "review",
    "--results",
    "7",
    "--relationships",
    "4",
    "--reflection",
    "Shipped but rushed",
    "--win",
    "Launch",
    "--win-by",
    "platform team",
    "--commit",
    "1:1s with new hires",
]


def test_version(cli: Cli) -> None:
    assert cli.ok("--version").stdout.strip() == f"leadjournal {__version__}"


def test_python_dash_m_runs_the_same_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "leadjournal", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"leadjournal {__version__}"


def test_review_from_flags_lands_in_the_database(cli: Cli) -> None:
    run = cli.ok(*FULL)
    assert "2026-W47" in run.stdout and "temporary lean toward results" in run.stdout
    assert rows(
        cli.db, "SELECT week, status, results, relationships, win, win_by FROM reviews"
    ) == [("2026-W47", "complete", 7, 4, "Launch", "platform team")]
    assert rows(cli.db, "SELECT text, due_week FROM commitments") == [
        ("1:1s with new hires", "2026-W48")
    ]
    assert rows(cli.db, "SELECT kind, body FROM entries") == [("review", "Shipped but rushed")]


def test_review_json_output(cli: Cli) -> None:
    data = cli.ok(*FULL, "--json").json()
    assert data["week"] == "2026-W47" and data["results"] == 7 and data["status"] == "complete"


@pytest.mark.parametrize("value", ["0", "10", "4.5", "abc"])
def test_bad_rating_flag_exits_2_and_writes_nothing(cli: Cli, value: str) -> None:
    run = cli("review", "--results", value, "--relationships", "4", "--win", "x")
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "1 to 9" in run.stderr and "Traceback" not in run.stderr
    # Checked before the journal is opened: not even an empty journal is made.
    assert not cli.db.exists()


def test_one_rating_alone_is_a_usage_error(cli: Cli) -> None:
    run = cli("review", "--results", "7")
    assert run.exit_code == 2 and "--relationships" in run.stderr


def test_backfill_and_replace(cli: Cli) -> None:
    cli.ok("review", "--week", "2026-W45", "--results", "3", "--relationships", "8")
    # Without a terminal, starting a reviewed week over needs --yes: exit 2, nothing changes.
    again = cli(
        "review", "--week", "2026-W45", "--results", "5", "--relationships", "5", "--replace"
    )
    assert again.exit_code == 2 and "--yes" in again.stderr
    assert rows(cli.db, "SELECT results FROM reviews WHERE week = '2026-W45'") == [(3,)]
    cli.ok(
        "review", "--week", "2026-W45", "--results", "5", "--relationships", "5", "--replace",
        "--yes",
    )  # fmt: skip
    assert rows(cli.db, "SELECT results FROM reviews WHERE week = '2026-W45'") == [(5,)]


@pytest.mark.parametrize("week", ["2026-W54", "45", "next week", "2026-13-01"])
def test_malformed_week_shows_accepted_forms(cli: Cli, week: str) -> None:
    run = cli("review", "--week", week, "--results", "5", "--relationships", "5")
    assert run.exit_code == 2
    assert "2026-W47" in run.stderr and "last week" in run.stderr


def test_write_from_argument_stdin_and_tags(cli: Cli) -> None:
    cli.ok("write", "Coached @sam through the outage", "--tag", "incident")
    cli.ok("write", input="Piped reflection about @hiring\n")
    data = cli.ok("log", "--json", "--reverse").json()
    assert [e["body"] for e in data["entries"]] == [
        "Coached @sam through the outage",
        "Piped reflection about @hiring",
    ]
    assert data["entries"][0]["tags"] == ["incident", "sam"]
    tagged = cli.ok("log", "--tag", "hiring", "--json").json()
    assert [e["body"] for e in tagged["entries"]] == ["Piped reflection about @hiring"]


def test_write_uses_the_editor(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text('#!/bin/sh\nprintf "Written in the editor" > "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    cli.ok("write")
    assert rows(cli.db, "SELECT body FROM entries") == [("Written in the editor",)]


def test_empty_reflection_is_refused(cli: Cli) -> None:
    run = cli("write", "   ")
    assert run.exit_code == 2 and "empty" in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_log_periods_and_conflicts(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.ok("write", "old", "--date", "2026-11-10")
    cli.ok("write", "new")
    assert [e["body"] for e in cli.ok("log", "--this-week", "--json").json()["entries"]] == ["new"]
    assert [e["body"] for e in cli.ok("log", "--last-week", "--json").json()["entries"]] == ["old"]
    assert [e["body"] for e in cli.ok("log", "--week", "2026-W46", "--json").json()["entries"]] == [
        "old"
    ]
    assert len(cli.ok("log", "--weeks", "2", "--json").json()["entries"]) == 2
    run = cli("log", "--this-week", "--weeks", "3")
    assert run.exit_code == 2 and "one period" in run.stderr


def test_show_edit_delete(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = cli.ok("write", "First draft", "--json").json()
    short = entry["id"][:6]
    shown = cli.ok("show", short, "--json").json()
    assert shown["body"] == "First draft"
    assert "First draft" in cli.ok("show", short).stdout

    editor = tmp_path / "ed"
    editor.write_text('#!/bin/sh\nprintf "Second draft" > "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    cli.ok("edit", short)
    assert rows(cli.db, "SELECT body FROM entries") == [("Second draft",)]

    refused = cli("delete", short)  # no terminal to confirm at
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(1,)]
    cli.ok("delete", short, "--yes")
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_edit_without_an_editor_says_how_to_set_one(cli: Cli) -> None:
    entry = cli.ok("write", "Keep me", "--json").json()
    run = cli("edit", entry["id"][:8])
    assert run.exit_code == 1 and "EDITOR" in run.stderr
    assert rows(cli.db, "SELECT body FROM entries") == [("Keep me",)]


def test_unknown_and_ambiguous_ids(cli: Cli) -> None:
    run = cli("show", "deadbeef")
    assert run.exit_code == 1 and "No item" in run.stderr
    for n in range(40):
        cli.ok("write", f"entry {n}")
    ids = [e["id"] for e in cli.ok("log", "--json").json()["entries"]]
    first = sorted(ids)[0]
    sharing = [i for i in ids if i[0] == first[0]]
    if len(sharing) > 1:
        run = cli("show", first[0])
        assert run.exit_code == 1 and "More than one" in run.stderr
        assert sorted(sharing)[0][:12] in run.stderr  # candidates are listed in id order


def test_search(cli: Cli) -> None:
    cli.ok("write", "Long talk with Priya about delegation")
    cli.ok("write", "Budget planning all afternoon")
    hits = cli.ok("search", "delegation", "--json").json()
    assert [h["body"] for h in hits] == ["Long talk with Priya about delegation"]
    assert "[delegation]" in hits[0]["snippet"]
    assert cli.ok("search", '"AND (').stdout.startswith("Nothing matches")


def test_commitments_list_done_drop(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.ok(
        "review", "--week", "2026-W45", "--results", "5", "--relationships", "5", "--commit", "A"
    )
    cli.ok(
        "review", "--week", "2026-W46", "--results", "5", "--relationships", "5", "--commit", "B"
    )
    listed = cli.ok("commitments", "--json").json()
    assert [c["text"] for c in listed] == ["A", "B"]
    a, b = (c["id"] for c in listed)
    done = cli.ok("commitments", "done", a[:8], "--note", "did it", "--json").json()
    assert done["status"] == "done" and done["follow_ups"][0]["note"] == "did it"
    cli.ok("commitments", "drop", b[:8])
    assert cli.ok("commitments", "list", "--json").json() == []
    assert len(cli.ok("commitments", "list", "--status", "all", "--json").json()) == 2
    again = cli("commitments", "done", a[:8])
    assert again.exit_code == 1 and "already done" in again.stderr


def test_db_path_and_status(cli: Cli, isolated: Path) -> None:
    assert cli.ok("db", "path").stdout.strip() == str(isolated / "journal.db")
    status = cli.ok("db", "status", "--json").json()
    assert status["applied"] == [
        "m001_create_journal",
        "m002_create_goals",
        "m003_create_review_claims",
        "m004_create_versions",
        "m005_index_everything_written",
        "m006_create_people",
        "m007_create_exercise_follow_through",
        "m008_create_look_backs",
    ]
    assert status["pending"] == []


def test_db_option_and_environment(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "elsewhere.db"
    cli.ok("--db", str(chosen), "write", "via option")
    assert rows(chosen, "SELECT body FROM entries") == [("via option",)]
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("LEADJOURNAL_DB", str(env_db))
    assert cli.ok("db", "path").stdout.strip() == str(env_db)
    cli.ok("write", "via env")
    assert rows(env_db, "SELECT body FROM entries") == [("via env",)]


def test_not_sqlite_file_is_refused_untouched(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("do not touch")
    run = cli("--db", str(path), "write", "hello")
    assert run.exit_code == 1 and "not a SQLite database" in run.stderr
    assert path.read_text() == "do not touch"


def test_a_folder_that_cannot_be_made(cli: Cli, tmp_path: Path) -> None:
    # A file where the folder should be: fails even for root, unlike chmod.
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    run = cli("--db", str(blocker / "sub" / "j.db"), "write", "hello")
    assert run.exit_code == 1 and "Cannot create the journal" in run.stderr
    assert "--db" in run.stderr


def test_bad_now_is_a_clear_error(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADJOURNAL_NOW", "soon")
    run = cli("write", "x")
    assert run.exit_code == 2 and "LEADJOURNAL_NOW" in run.stderr


def test_clock_moves_the_current_week(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADJOURNAL_NOW", "2027-01-01T10:00")
    cli.ok("review", "--results", "5", "--relationships", "5")
    assert rows(cli.db, "SELECT week FROM reviews") == [("2026-W53",)]


def test_debug_shows_a_traceback_only_when_asked(cli: Cli) -> None:
    plain = cli("show", "beef")
    assert "Traceback" not in plain.stderr
    debug = cli("--debug", "show", "beef")
    assert debug.exit_code == 1 and "Traceback" in debug.stderr


def test_config_extra_dimensions_and_errors(cli: Cli, isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text('extra_dimensions = ["energy"]\nprompts = false\n')
    cli.ok("review", "--results", "5", "--relationships", "6", "--rate", "energy=7")
    assert rows(cli.db, "SELECT dimension, value FROM review_ratings") == [("energy", 7)]
    (isolated / "config.toml").write_text('extra_dimensions = ["Energy!"]\n')
    run = cli("review", "--results", "5", "--relationships", "6", "--week", "2026-W40")
    assert run.exit_code == 2 and "extra_dimensions" in run.stderr
    (isolated / "config.toml").write_text("promts = true\n")
    run = cli("log")
    assert run.exit_code == 2 and "promts" in run.stderr
    (isolated / "config.toml").write_text("prompts = [\n")
    run = cli("log")
    assert run.exit_code == 2 and "not valid TOML" in run.stderr


def test_interactive_review_needs_a_terminal(cli: Cli) -> None:
    run = cli("review")
    assert run.exit_code == 2 and "terminal" in run.stderr and "--results" in run.stderr


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the command line treat CliRunner's input as a person at a terminal."""
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))


def test_interactive_review_through_the_runner(cli: Cli, terminal: None) -> None:
    cli.ok(
        "review", "--week", "2026-W46", "--results", "5", "--relationships", "5", "--commit", "A"
    )
    answers = "\n".join(
        [
            "d",  # last week's commitment: done
            "It went well",  # what happened
            "ten",  # a bad rating, asked again
            "3",  # results
            "8",  # relationships
            "",  # a low rating: the exercise offered is declined
            "Too much time in one-on-ones.",  # reflection, line 1
            "",  # end of reflection
            "Hiring closed",  # win
            "",  # whose effort: skipped
            "Set deadlines for the Q1 plan",  # commitment
            "",
        ]
    )
    run = cli.ok("review", "--seed", "1", input=answers)
    assert "whole number from 1 to 9, not 'ten'" in run.stdout
    assert "Grid style: country club" in run.stdout  # results ≤ 3, relationships ≥ 7
    assert "leans toward relationships" in run.stdout
    assert rows(
        cli.db, "SELECT results, relationships, win, status FROM reviews WHERE week = '2026-W47'"
    ) == [(3, 8, "Hiring closed", "complete")]
    assert rows(cli.db, "SELECT text, status FROM commitments ORDER BY week") == [
        ("A", "done"),
        ("Set deadlines for the Q1 plan", "open"),
    ]


def test_extra_dimensions_are_asked_after_the_core_ratings(
    cli: Cli, terminal: None, isolated: Path
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text('extra_dimensions = ["energy"]\nprompts = false\n')
    run = cli.ok("review", input="6\n6\n0\n4\n\n\n\n")
    assert "rate your energy" in run.stdout
    assert rows(cli.db, "SELECT dimension, value FROM review_ratings") == [("energy", 4)]
    assert "From “" not in run.stdout  # prompts switched off: the plain question is asked


def test_a_done_week_asks_before_replacing(cli: Cli, terminal: None) -> None:
    cli.ok("review", "--results", "5", "--relationships", "5")
    run = cli.ok("review", input="l\n")
    assert "already done" in run.stdout and "Kept the review" in run.stdout
    assert rows(cli.db, "SELECT results FROM reviews") == [(5,)]


def test_a_failing_editor_falls_back_to_typing(
    cli: Cli, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "false")
    run = cli("write", input="Typed instead\n\n")
    assert run.exit_code == 0, run.stderr
    assert "did not finish cleanly" in run.stderr
    assert rows(cli.db, "SELECT body FROM entries") == [("Typed instead",)]


def test_no_editor_set_says_how_and_takes_typing(cli: Cli, terminal: None) -> None:
    run = cli("write", input="Typed here\n\n")
    assert run.exit_code == 0 and "Set $EDITOR" in run.stderr
    assert rows(cli.db, "SELECT body FROM entries") == [("Typed here",)]


def test_the_editor_from_config_wins(
    cli: Cli, terminal: None, isolated: Path, tmp_path: Path
) -> None:
    editor = tmp_path / "cfg-editor"
    editor.write_text('#!/bin/sh\nprintf "From the config editor" > "$1"\n')
    editor.chmod(0o755)
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f'editor = "{editor}"\n')
    cli.ok("write", env={"EDITOR": "false"})
    assert rows(cli.db, "SELECT body FROM entries") == [("From the config editor",)]


def test_a_reader_that_stops_early_is_no_error(cli: Cli) -> None:
    """``leadjournal export | head``: the pipe closes under a long export."""
    from leadjournal.models import Entry
    from leadjournal.store import Store

    store = Store.open(cli.db)
    with store.transaction():
        for index in range(300):
            store.insert_entry(
                Entry(
                    id=f"00000000-0000-4000-8000-{index:012d}",
                    kind="reflection",
                    body=f"Entry {index}: " + "a long reflection " * 60,
                    created_at="2026-11-18T08:00:00Z",
                    updated_at="2026-11-18T08:00:00Z",
                    date="2026-11-18",
                    week="2026-W47",
                )
            )
    store.close()
    # Far more than a pipe holds, so the export is still writing when the reader goes.
    child = subprocess.Popen(
        [sys.executable, "-m", "leadjournal", "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline() == b"{\n"
    child.stdout.close()
    code = child.wait(timeout=30)
    assert child.stderr.read() == b""
    assert code == 141


def test_the_first_review_card_starts_at_the_first_review(cli: Cli) -> None:
    first = cli.ok("review", "--results", "6", "--relationships", "6")
    assert "2026-W47" in first.stdout and "not reviewed" not in first.stdout
    cli.ok("review", "--week", "2026-W44", "--results", "6", "--relationships", "6")
    cli.ok("review", "--week", "2026-W47", "--results", "6", "--relationships", "6")
    later = cli.ok("review", "--week", "2026-W47", "--results", "7", "--relationships", "6")
    # Weeks missed after the first review are gaps, shown as such.
    assert later.stdout.count("not reviewed") == 2


def test_a_week_still_to_come_cannot_be_reviewed(cli: Cli) -> None:
    run = cli("review", "--week", "2026-W48", "--results", "5", "--relationships", "5")
    assert run.exit_code == 2 and "has not started yet" in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM reviews") == [(0,)]
    cli.ok("review", "--week", "2026-W47", "--results", "5", "--relationships", "5")
