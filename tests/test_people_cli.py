"""``leadjournal people`` and the review's people step, through CliRunner and a real pty."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import helpers
from .conftest import NOW, Cli
from .helpers import rows


def _count(cli: Cli, table: str) -> int:
    return int(rows(cli.db, f"SELECT count(*) FROM {table}")[0][0])


def test_people_alone_lists_the_same_as_people_list(cli: Cli) -> None:
    cli.ok("people", "add", "Maya Chen", "--as", "maya")
    cli.ok("people", "add", "Dev Patel", "--as", "dev")
    cli.ok("people", "note", "maya", "1:1: worried about the reorg")
    listed = cli.ok("people", "list", "--json").json()
    assert cli.ok("people", "--json").json() == listed
    assert [p["handle"] for p in listed] == ["dev", "maya"]  # no contact at all comes first
    assert listed[1]["last_one_on_one"] == NOW[:10]
    text = cli.ok("people").stdout
    assert text.index("Dev Patel") < text.index("Maya Chen")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("people", "add", ""), 2),
        (("people", "add", "   "), 2),
        (("people", "add", "Ann Bell", "--as", "not a handle"), 2),
        (("people", "add", "Maya Other", "--as", "maya"), 1),
        (("people", "add", "Mo Bee", "--alias", "maya"), 1),
        (("people", "note", "nobody", "text"), 1),
        (("people", "note", "maya", "text", "--kind", "gossip"), 2),
        (("people", "note", "maya", "  "), 2),
        (("people", "show", "nobody"), 1),
        (("people", "edit", "maya"), 2),
        (("people", "edit", "nobody", "--name", "X"), 1),
        (("people", "archive", "nobody"), 1),
        (("people", "forget", "nobody", "--yes"), 1),
    ],
)
def test_bad_input_exits_with_a_hint_and_writes_nothing(
    cli: Cli, args: tuple[str, ...], code: int
) -> None:
    cli.ok("people", "add", "Maya Chen", "--as", "maya")
    before = [_count(cli, t) for t in ("people", "person_aliases", "person_notes", "versions")]
    run = cli(*args)
    assert run.exit_code == code, run.stderr
    assert "error:" in run.stderr and "hint:" in run.stderr
    assert "Traceback" not in run.stderr
    after = [_count(cli, t) for t in ("people", "person_aliases", "person_notes", "versions")]
    assert after == before


def test_forget_says_what_goes_and_asks_off_a_terminal_for_yes(cli: Cli) -> None:
    cli.ok("write", "Maya ran the retro")
    cli.ok("people", "add", "Maya Chen", "--as", "maya")
    cli.ok("people", "note", "maya", "private detail", "--kind", "feedback")
    cli.ok("people", "edit", "maya", "--note", "tech lead")
    refused = cli("people", "forget", "maya")
    assert refused.exit_code == 2
    for line in ("1 note about", "1 link from", "1 kept earlier version of", "search index"):
        assert line in refused.stdout
    assert "Backups and exports made before" in refused.stdout
    assert _count(cli, "people") == 1
    cli.ok("people", "forget", "maya", "--yes")
    for table in ("people", "person_notes", "person_links", "versions"):
        assert _count(cli, table) == 0, table
    assert cli.ok("search", "private", "--json").json() == []
    assert cli.ok("search", "retro", "--json").json()


def test_an_unsure_name_off_a_terminal_is_not_linked_and_said(cli: Cli) -> None:
    cli.ok("people", "add", "Sam Lee", "--as", "sam")
    cli.ok("people", "add", "Sam Ortiz", "--as", "sortiz")
    run = cli.ok("write", "Sam was quiet in stand-up")
    assert "could be Sam Lee (@sam) or Sam Ortiz (@sortiz): not linked" in run.stderr
    assert _count(cli, "person_links") == 0
    cli.ok("write", "Asked @sam how he is")
    assert _count(cli, "person_links") == 1


def test_a_review_from_flags_links_the_win_and_commitment(cli: Cli) -> None:
    cli.ok("people", "add", "Priya Nair", "--as", "priya")
    cli.ok(
        "review",
        *("--results", "7", "--relationships", "4", "--win", "Audit passed"),
        *("--win-by", "Priya", "--commit", "Ask Priya what she needs"),
    )
    [priya] = cli.ok("people", "--json").json()
    assert priya["last_recognition"] == priya["last_contact"] is not None
    assert priya["open_commitments"] == 1
    kinds = [i["kind"] for i in cli.ok("people", "show", "priya", "--json").json()["items"]]
    assert sorted(kinds) == ["commitment", "win"]


def test_hostile_text_in_names_and_notes_is_shown_as_text(cli: Cli) -> None:
    cli.ok("people", "add", "[bold]Eve[/bold] \x1b]0;X\x07", "--as", "eve")
    cli.ok("people", "note", "eve", "[red]boom[/red] \x1b[31m")
    listed = cli.ok("people").stdout
    shown = cli.ok("people", "show", "eve").stdout
    assert "[bold]Eve[/bold]" in listed and "\x1b" not in listed
    assert "[red]boom[/red]" in shown and "\x1b" not in shown


def _spawn(home: Path, *args: str) -> object:
    return helpers.spawn(home, *args, now=NOW)


@pytest.mark.pty
def test_review_people_step_offers_a_commitment_after_where_you_stand(
    cli: Cli, isolated: Path
) -> None:
    cli.ok("people", "add", "Dev Patel", "--as", "dev")
    cli.ok("people", "note", "dev", "thanks", "--kind", "recognition")
    child = _spawn(isolated, "review", "--no-prompts")
    child.expect("results")  # type: ignore[attr-defined]
    child.sendline("8")  # type: ignore[attr-defined]
    child.expect("relationships")  # type: ignore[attr-defined]
    # 8/4 leans toward results and is not a hard week (no exercise offer).
    child.sendline("4")  # type: ignore[attr-defined]
    child.expect("Where you stand")  # type: ignore[attr-defined]
    child.expect("One-on-one: Dev Patel")  # type: ignore[attr-defined]
    child.expect("next week's commitment")  # type: ignore[attr-defined]
    child.sendline("1")  # type: ignore[attr-defined]
    child.expect("Hold a one-on-one with Dev Patel")  # type: ignore[attr-defined]
    child.expect("Reflection")  # type: ignore[attr-defined]
    child.sendline("")  # type: ignore[attr-defined]
    child.expect("A win")  # type: ignore[attr-defined]
    child.sendline("")  # type: ignore[attr-defined]
    child.expect("Enter keeps it")  # type: ignore[attr-defined]
    child.sendline("")  # type: ignore[attr-defined]
    assert helpers.finish(child) == 0
    assert rows(isolated / "journal.db", "SELECT text FROM commitments") == [
        ("Hold a one-on-one with Dev Patel",)
    ]


@pytest.mark.pty
def test_an_unsure_name_is_asked_about_in_a_terminal(cli: Cli, isolated: Path) -> None:
    cli.ok("people", "add", "Sam Lee", "--as", "sam")
    cli.ok("people", "add", "Sam Ortiz", "--as", "sortiz")
    child = _spawn(isolated, "write", "Sam was quiet in stand-up")
    child.expect("Who is meant")  # type: ignore[attr-defined]
    child.sendline("2")  # type: ignore[attr-defined]
    assert helpers.finish(child) == 0
    handles = rows(
        isolated / "journal.db",
        "SELECT p.handle FROM person_links l JOIN people p ON p.id = l.person_id",
    )
    assert handles == [("sortiz",)]


def test_search_finds_people_and_notes_and_kind_person_narrows_to_them(cli: Cli) -> None:
    cli.ok("people", "add", "Maya Chen", "--as", "maya", "--alias", "Mimi", "--note", "payments")
    cli.ok("people", "note", "maya", "worried about the reorg", "--kind", "1on1")
    cli.ok("write", "The reorg memo went out")
    found = {hit["found"] for hit in cli.ok("search", "reorg", "--json").json()}
    assert found == {"person_note", "reflection"}
    only = cli.ok("search", "reorg", "--kind", "person", "--json").json()
    assert [hit["found"] for hit in only] == ["person_note"]
    assert [h["found"] for h in cli.ok("search", "mimi", "--json").json()] == ["person"]
    assert "note about a person" in cli.ok("search", "reorg").stdout


def test_an_exercise_person_step_links_the_finished_run(cli: Cli) -> None:
    cli.ok("people", "add", "Maya Chen", "--as", "maya")
    cli.ok("exercise", "run", "solve-it-together", "--answer", "person=Maya")
    items = cli.ok("people", "show", "maya", "--json").json()["items"]
    assert [(i["kind"], i["detail"]) for i in items] == [("mention", "exercise")]


@pytest.mark.pty
def test_the_people_step_can_be_turned_off_in_the_config(cli: Cli, isolated: Path) -> None:
    cli.ok("people", "add", "Dev Patel", "--as", "dev")
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text("people_step = false\n", encoding="utf-8")
    child = _spawn(isolated, "review", "--no-prompts")
    child.expect("results")  # type: ignore[attr-defined]
    child.sendline("8")  # type: ignore[attr-defined]
    child.expect("relationships")  # type: ignore[attr-defined]
    # 8/4 leans toward results and is not a hard week (no exercise offer).
    child.sendline("4")  # type: ignore[attr-defined]
    child.expect("Reflection")  # type: ignore[attr-defined]
    assert "One-on-one: Dev Patel" not in (child.before or "")  # type: ignore[attr-defined]
    child.sendintr()  # type: ignore[attr-defined]
    assert helpers.finish(child) == 130


def test_people_thresholds_in_the_config_are_checked(tmp_path: Path) -> None:
    from leadjournal.config import load_config
    from leadjournal.errors import ConfigError

    path = tmp_path / "config.toml"
    path.write_text("people_one_on_one_weeks = 2\npeople_recognition_weeks = 8\n", "utf-8")
    config = load_config(path)
    assert (config.people_one_on_one_weeks, config.people_recognition_weeks) == (2, 8)
    path.write_text("people_one_on_one_weeks = 0\n", "utf-8")
    with pytest.raises(ConfigError, match="people_one_on_one_weeks"):
        load_config(path)


def test_a_persons_history_shows_them_now_and_restore_brings_back_a_version(cli: Cli) -> None:
    person = cli.ok("people", "add", "Maya Chen", "--as", "maya", "--json").json()
    cli.ok("people", "edit", "maya", "--name", "Maya Lin")
    history = cli.ok("show", person["id"][:8], "--history").stdout
    assert "now" in history and "Maya Chen (maya)" in history
    cli.ok("restore", person["id"][:8])
    assert cli.ok("people", "show", "maya", "--json").json()["person"]["name"] == "Maya Chen"


def test_unsure_names_in_imported_text_are_said_when_people_are_listed(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("write", "Sam stayed late")
    export = tmp_path / "other.json"
    cli.ok("export", "--format", "json", "--output", str(export))
    cli.ok("delete", cli.ok("log", "--json").json()["entries"][0]["id"][:8], "--yes")
    cli.ok("people", "add", "Sam Lee", "--as", "sam")
    cli.ok("people", "add", "Sam Ortiz", "--as", "sortiz")
    cli.ok("import", str(export))
    run = cli.ok("people")
    assert "'sam' in an entry of" in run.stderr and "not linked" in run.stderr


@pytest.mark.pty
def test_ctrl_c_at_forgets_question_removes_nothing(cli: Cli, isolated: Path) -> None:
    cli.ok("people", "add", "Maya Chen", "--as", "maya")
    child = _spawn(isolated, "people", "forget", "maya")
    child.expect("for good")  # type: ignore[attr-defined]
    child.expect(r"\[y/N\]")  # type: ignore[attr-defined]
    child.sendintr()  # type: ignore[attr-defined]
    child.expect("Nothing was removed")  # type: ignore[attr-defined]
    assert helpers.finish(child) == 130
    assert _count(cli, "people") == 1
