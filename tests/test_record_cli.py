"""The record from the command line: a week whole, delete WEEK, history, restore,
edit of wins and commitments, log order and labels, search over everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Cli
from .helpers import rows

W46_FLAGS = (
    "review",
    "--week",
    "2026-W46",
    "--results",
    "7",
    "--relationships",
    "4",
    "--reflection",
    "Pushed the billing migration through",
    "--win",
    "Shipped billing v2",
    "--win-by",
    "the payments team",
    "--commit",
    "Hold a one-on-one with Sam",
)


def _review_w46(cli: Cli) -> None:
    cli.ok(*W46_FLAGS)


def _week_json(cli: Cli, week: str = "2026-W46") -> dict[str, object]:
    data: dict[str, object] = cli.ok("show", week, "--json").json()
    return data


def _table_counts(db: Path) -> dict[str, int]:
    tables = ("reviews", "entries", "commitments", "follow_ups", "versions", "review_ratings")
    return {t: rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


# -- show WEEK -------------------------------------------------------------------


def _review_w45(cli: Cli) -> None:
    """The week before W46, leaving a commitment ("Plan Q1") for W46 to follow up."""
    cli.ok(
        "review", "--week", "2026-W45", "--results", "5", "--relationships", "5",
        "--commit", "Plan Q1",
    )  # fmt: skip


def test_show_week_prints_the_week_whole(cli: Cli) -> None:
    _review_w45(cli)
    earlier = cli.ok("commitments", "list", "--json").json()[0]["id"]
    _review_w46(cli)
    cli.ok("write", "A free note about hiring", "--date", "2026-11-11")
    cli.ok("commitments", "done", earlier[:8], "--note", "planned in an afternoon")
    page = cli.ok("show", "2026-W46").stdout
    for expected in (
        "2026-W46",
        "results 7 · relationships 4",
        "leans toward results by 3 points",
        "middle of the road",
        "Pushed the billing migration through",
        "Shipped billing v2",
        "the payments team",
        "Hold a one-on-one with Sam",
        "A free note about hiring",
    ):
        assert expected in page, expected
    data = _week_json(cli)
    assert data["week"] == "2026-W46"
    review = data["review"]
    assert isinstance(review, dict) and review["win"] == "Shipped billing v2"
    assert review["win_by"] == "the payments team"
    assert data["lean"] == -3 and data["style"] == "middle of the road"
    commitment = data["commitment"]
    assert isinstance(commitment, dict) and commitment["text"] == "Hold a one-on-one with Sam"
    reflections = data["reflections"]
    assert isinstance(reflections, list)
    assert [r["body"] for r in reflections] == ["Pushed the billing migration through"]
    entries = data["entries"]
    assert isinstance(entries, list) and [e["body"] for e in entries] == [
        "A free note about hiring"
    ]
    # The same week by its review's id, and 'last week' (the clock is in W47).
    assert _week_json(cli, str(review["id"])[:8])["week"] == "2026-W46"
    assert _week_json(cli, "last week")["week"] == "2026-W46"


def test_show_week_with_follow_ups_and_prompt(cli: Cli) -> None:
    _review_w45(cli)
    _review_w46(cli)
    commitment = cli.ok("commitments", "list", "--json").json()[0]
    # A follow-up recorded in W46's week belongs to W46's page.
    cli.ok(
        "commitments",
        "done",
        commitment["id"][:8],
        "--note",
        "done early",
        env={"LEADJOURNAL_NOW": "2026-11-12T09:00:00+00:00"},
    )
    data = _week_json(cli)
    follow_ups = data["follow_ups"]
    assert isinstance(follow_ups, list)
    assert [(f["outcome"], f["note"], f["commitment"]["text"]) for f in follow_ups] == [
        ("done", "done early", "Plan Q1")
    ]
    assert "done early" in cli.ok("show", "2026-W46").stdout


def test_show_week_without_a_review_exits_1(cli: Cli) -> None:
    cli.ok("write", "Just a note", "--date", "2026-11-11")
    run = cli("show", "2026-W46")
    assert run.exit_code == 1
    assert "2026-W46 has no review" in run.stderr and "log --week 2026-W46" in run.stderr
    assert run.stdout == ""


def test_show_malformed_week_and_unknown_id(cli: Cli) -> None:
    _review_w46(cli)
    before = _table_counts(cli.db)
    bad = cli("show", "2026-W99")
    assert bad.exit_code == 2 and "not an ISO week" in bad.stderr
    unknown = cli("show", "abcdef12")
    assert unknown.exit_code == 1 and "No item" in unknown.stderr
    # Not hex, not a week: the leader mistyped an id as often as a week.
    neither = cli("show", "zz12")
    assert neither.exit_code == 2 and "neither an id nor a week" in neither.stderr
    assert "2026-W47" in neither.stderr  # the hint shows the forms
    assert _table_counts(cli.db) == before


# -- delete WEEK and restore -----------------------------------------------------------


def test_delete_week_then_restore_it(cli: Cli) -> None:
    cli.ok("write", "Free entry stays", "--date", "2026-11-11")
    _review_w46(cli)
    before = _week_json(cli)
    refused = cli("delete", "2026-W46")  # no terminal: must say --yes
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert rows(cli.db, "SELECT count(*) FROM reviews") == [(1,)]
    done = cli.ok("delete", "2026-W46", "--yes")
    assert "restore 2026-W46" in done.stdout
    assert rows(cli.db, "SELECT count(*) FROM reviews") == [(0,)]
    assert rows(cli.db, "SELECT count(*) FROM commitments") == [(0,)]
    assert rows(cli.db, "SELECT body FROM entries") == [("Free entry stays",)]
    gone = cli("show", "2026-W46")
    assert gone.exit_code == 1 and "restore 2026-W46" in gone.stderr
    assert cli.ok("search", "billing", "--json").json() == []
    cli.ok("restore", "2026-W46")
    assert _week_json(cli) == before
    assert {h["found"] for h in cli.ok("search", "billing", "--json").json()} == {"win", "review"}


def test_restore_a_deleted_week_thirty_days_later(cli: Cli) -> None:
    _review_w46(cli)
    before = _week_json(cli)
    cli.ok("delete", "last week", "--yes")
    later = {"LEADJOURNAL_NOW": "2026-12-20T09:00:00+00:00"}
    cli.ok("restore", "2026-W46", env=later)
    assert _week_json(cli) == before


def test_delete_week_by_review_id_and_errors(cli: Cli) -> None:
    _review_w46(cli)
    review_id = rows(cli.db, "SELECT id FROM reviews")[0][0]
    before = _table_counts(cli.db)
    assert cli("delete", "2026-W99", "--yes").exit_code == 2
    assert cli("delete", "2026-W40", "--yes").exit_code == 1
    assert cli("delete", "abcdef12", "--yes").exit_code == 1
    assert _table_counts(cli.db) == before
    cli.ok("delete", review_id[:8], "--yes")
    assert rows(cli.db, "SELECT count(*) FROM reviews") == [(0,)]


def test_restore_errors(cli: Cli) -> None:
    entry = cli.ok("write", "Never changed", "--json").json()["id"]
    before = _table_counts(cli.db)
    nothing = cli("restore", entry[:8])
    assert nothing.exit_code == 1 and "Nothing is kept" in nothing.stderr
    assert cli("restore", "2026-W45").exit_code == 1
    assert cli("restore", "2026-W99").exit_code == 2
    assert cli("restore", "abcdef12").exit_code == 1
    assert _table_counts(cli.db) == before


def test_replacing_a_week_keeps_the_old_one(cli: Cli) -> None:
    _review_w46(cli)
    before = _week_json(cli)
    # Off a terminal, --yes answers the question --replace asks first.
    cli.ok(
        "review", "--week", "2026-W46", "--results", "6", "--relationships", "6",
        "--replace", "--yes",
    )  # fmt: skip
    assert _week_json(cli)["commitment"] is None
    history = cli.ok("show", "2026-W46", "--history", "--json").json()
    assert [v["action"] for v in history["versions"]] == ["replaced"]
    cli.ok("restore", "2026-W46")
    restored = _week_json(cli)
    assert restored["commitment"] == before["commitment"]
    assert restored["review"] == before["review"]
    # The replacement is kept in turn: restoring again brings it back.
    cli.ok("restore", "2026-W46")
    assert _week_json(cli)["commitment"] is None


# -- entries, commitments, wins: edit, delete, history ---------------------------------


def _editor(tmp_path: Path, text: str) -> dict[str, str]:
    content = tmp_path / f"edited-{abs(hash(text))}.txt"
    content.write_text(text)
    script = tmp_path / f"editor-{abs(hash(text))}.sh"
    script.write_text(f"#!/bin/sh\ncp '{content}' \"$1\"\n")
    script.chmod(0o700)
    return {"EDITOR": str(script)}


def test_edit_and_restore_an_entry(cli: Cli, tmp_path: Path) -> None:
    entry = cli.ok("write", "First wording", "--json").json()["id"]
    cli.ok("edit", entry[:8], env=_editor(tmp_path, "Second wording"))
    assert cli.ok("show", entry[:8], "--json").json()["body"] == "Second wording"
    history = cli.ok("show", entry[:8], "--history", "--json").json()
    assert [v["data"]["body"] for v in history["versions"]] == ["First wording"]
    assert "First wording" in cli.ok("show", entry[:8], "--history").stdout
    cli.ok("restore", entry[:8])
    assert cli.ok("show", entry[:8], "--json").json()["body"] == "First wording"
    assert cli.ok("search", "second", "--json").json() == []
    assert len(cli.ok("search", "first", "--json").json()) == 1


def test_delete_and_restore_an_entry(cli: Cli) -> None:
    entry = cli.ok("write", "Keep me @tagged", "--json").json()
    cli.ok("delete", entry["id"][:8], "--yes")
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]
    assert cli("show", entry["id"][:8]).exit_code == 1
    history = cli.ok("show", entry["id"][:8], "--history", "--json").json()
    assert history["current"] is None and history["versions"][0]["action"] == "deleted"
    cli.ok("restore", entry["id"][:8])
    assert cli.ok("show", entry["id"][:8], "--json").json() == entry


def test_edit_a_commitment_and_a_win(cli: Cli, tmp_path: Path) -> None:
    _review_w46(cli)
    commitment = cli.ok("commitments", "list", "--json").json()[0]["id"]
    cli.ok("edit", commitment[:8], env=_editor(tmp_path, "Hold two one-on-ones with Sam"))
    assert cli.ok("show", commitment[:8], "--json").json()["text"] == (
        "Hold two one-on-ones with Sam"
    )
    assert len(cli.ok("search", "two", "--kind", "commitment", "--json").json()) == 1
    cli.ok("edit", "2026-W46", env=_editor(tmp_path, "Shipped invoicing\n\nWhose effort: Maya\n"))
    review = _week_json(cli)["review"]
    assert isinstance(review, dict)
    assert (review["win"], review["win_by"]) == ("Shipped invoicing", "Maya")
    history = cli.ok("show", "2026-W46", "--history", "--json").json()
    assert history["versions"][0]["data"]["review"]["win"] == "Shipped billing v2"
    cli.ok("restore", commitment[:8])
    assert cli.ok("show", commitment[:8], "--json").json()["text"] == "Hold a one-on-one with Sam"


def test_edit_unknown_id_and_bad_week(cli: Cli, tmp_path: Path) -> None:
    env = _editor(tmp_path, "x")
    assert cli("edit", "abcdef12", env=env).exit_code == 1
    assert cli("edit", "2026-W99", env=env).exit_code == 2
    no_review = cli("edit", "2026-W45", env=env)
    assert no_review.exit_code == 1 and "no review" in no_review.stderr


# -- purge -----------------------------------------------------------------------------


def test_purge_says_what_it_removes_and_needs_yes(cli: Cli) -> None:
    entry = cli.ok("write", "Private thing", "--json").json()["id"]
    cli.ok("delete", entry[:8], "--yes")
    refused = cli("db", "purge")
    assert refused.exit_code == 2 and "1 kept version" in refused.stdout
    assert rows(cli.db, "SELECT count(*) FROM versions") == [(1,)]
    assert "No kept versions" in cli.ok("db", "purge", "--older-than", "30").stdout
    cli.ok("db", "purge", "--yes")
    assert rows(cli.db, "SELECT count(*) FROM versions") == [(0,)]
    assert b"Private thing" not in cli.db.read_bytes()
    assert cli("restore", entry[:8]).exit_code == 1


def test_purge_older_than_keeps_recent_versions(cli: Cli) -> None:
    old = cli.ok("write", "Old one", "--json").json()["id"]
    cli.ok("delete", old[:8], "--yes")
    later = {"LEADJOURNAL_NOW": "2027-01-20T09:00:00+00:00"}
    recent = cli.ok("write", "Recent one", "--json", env=later).json()["id"]
    cli.ok("delete", recent[:8], "--yes", env=later)
    cli.ok("db", "purge", "--older-than", "30", "--yes", env=later)
    assert rows(cli.db, "SELECT item_id FROM versions") == [(recent,)]
    assert cli("db", "purge", "--older-than", "-1", "--yes").exit_code == 2


# -- log ---------------------------------------------------------------------------------


def test_log_orders_by_day_under_week_headings(cli: Cli) -> None:
    cli.ok("write", "Written today about today")
    cli.ok("write", "Backfilled to Monday of W46", "--date", "2026-11-09")
    cli.ok("write", "Backfilled to Tuesday of W47", "--date", "2026-11-17")
    _review_w46(cli)
    data = cli.ok("log", "--json").json()
    assert set(data) == {"period", "entries", "reviews"}
    days = [e["date"] for e in data["entries"]]
    assert days == sorted(days, reverse=True)
    assert [r["week"] for r in data["reviews"]] == ["2026-W46"]
    oldest_first = cli.ok("log", "--json", "--reverse").json()
    assert [e["id"] for e in oldest_first["entries"]] == [e["id"] for e in data["entries"]][::-1]
    text = cli.ok("log").stdout
    assert text.index("2026-W47 · 2026-11-16") < text.index("2026-W46 · 2026-11-09")
    assert text.index("Backfilled to Tuesday") < text.index("Backfilled to Monday")
    assert "review reflection" in text and "free entry" in text
    reverse = cli.ok("log", "--reverse").stdout
    assert reverse.index("2026-W46 ·") < reverse.index("2026-W47 ·")


def test_log_labels_jrnl_imports_and_shows_their_titles(cli: Cli, tmp_path: Path) -> None:
    export = {
        "tags": {},
        "entries": [
            {
                "title": "Offsite planning",
                "body": "Agenda for the team offsite.",
                "date": "2026-11-18",
                "time": "10:00",
                "tags": [],
                "starred": False,
            }
        ],
    }
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps(export))
    cli.ok("import", str(path), "--from", "jrnl")
    text = cli.ok("log").stdout
    assert "imported" in text and "Offsite planning" in text
    hit = cli.ok("search", "offsite").stdout
    assert "imported" in hit and "Offsite planning" in hit


def test_log_limit_keeps_the_newest_by_day(cli: Cli) -> None:
    cli.ok("write", "Written first, for the Friday", "--date", "2026-11-20")
    cli.ok("write", "Written second, for the Monday", "--date", "2026-11-16")
    data = cli.ok("log", "--limit", "1", "--json").json()
    assert [e["body"] for e in data["entries"]] == ["Written first, for the Friday"]


# -- search ------------------------------------------------------------------------------


def test_search_finds_a_win_and_says_what_and_which_week(cli: Cli) -> None:
    _review_w46(cli)
    hits = cli.ok("search", "billing", "--json").json()
    assert {(h["found"], h["week"]) for h in hits} == {("win", "2026-W46"), ("review", "2026-W46")}
    text = cli.ok("search", "billing").stdout
    assert "win · 2026-W46" in text and "review reflection · 2026-W46" in text
    only = cli.ok("search", "billing", "--kind", "win", "--json").json()
    assert [h["found"] for h in only] == ["win"]
    assert [h["found"] for h in cli.ok("search", "payments", "--json").json()] == ["win"]
    assert [h["found"] for h in cli.ok("search", "Sam", "--json").json()] == ["commitment"]


def test_search_finds_notes_and_answers(cli: Cli) -> None:
    _review_w46(cli)
    commitment = cli.ok("commitments", "list", "--json").json()[0]["id"]
    cli.ok("commitments", "done", commitment[:8], "--note", "Sam asked about promotion")
    found = {h["found"] for h in cli.ok("search", "promotion", "--json").json()}
    assert found == {"follow_up", "commitment"}  # the note, and the commitment's outcome
    notes = cli.ok("search", "promotion", "--kind", "follow-up", "--json").json()
    assert [h["found"] for h in notes] == ["follow_up"]


@pytest.mark.parametrize("bad", ["wins", "everything", ""])
def test_search_unknown_kind_is_bad_input(cli: Cli, bad: str) -> None:
    run = cli("search", "x", "--kind", bad)
    assert run.exit_code == 2 and "kind" in run.stderr


def test_an_imported_journal_is_searchable_everywhere(cli: Cli, tmp_path: Path) -> None:
    _review_w46(cli)
    exported = tmp_path / "export.json"
    cli.ok("export", "--output", str(exported))
    other = {"LEADJOURNAL_DB": str(tmp_path / "other.db")}
    cli.ok("import", str(exported), env=other)
    hits = cli.ok("search", "billing", "--json", env=other).json()
    assert {h["found"] for h in hits} == {"win", "review"}
    assert cli.ok("show", "2026-W46", "--json", env=other).json() == _week_json(cli)


def test_delete_week_asks_at_a_terminal(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from leadjournal.cli.context import Settings

    _review_w46(cli)
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    kept = cli("delete", "2026-W46", input="n\n")
    assert kept.exit_code == 1 and "Nothing was deleted" in kept.stdout
    assert "Shipped billing v2" in kept.stdout  # the week is shown before the question
    assert rows(cli.db, "SELECT count(*) FROM reviews") == [(1,)]
    gone = cli("delete", "2026-W46", input="y\n")
    assert gone.exit_code == 0 and rows(cli.db, "SELECT count(*) FROM reviews") == [(0,)]
