"""Export and import: lossless round trips, merging by id, jrnl files, bad files."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadjournal import export, transfer
from leadjournal.clock import FixedClock
from leadjournal.demo import STORY, build_demo
from leadjournal.errors import BadInput
from leadjournal.journal import Journal
from leadjournal.models import Entry
from leadjournal.store import Store

from .conftest import NOW, Cli
from .helpers import rows

JRNL_FIXTURE = Path(__file__).parent / "data" / "jrnl-export.json"
DEMO_REVIEWS = sum(1 for week in STORY if week is not None)
DEMO_COMMITMENTS = sum(1 for week in STORY if week is not None and week.commitment)


def _demo_journal() -> Journal:
    store = Store.memory()
    clock = FixedClock(datetime.fromisoformat(NOW))
    build_demo(store, clock)
    return Journal(store, clock)


def _export(journal: Journal) -> str:
    sink = io.StringIO()
    export.write_json(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    return sink.getvalue()


def _tables(text: str) -> dict[str, Any]:
    data = json.loads(text)
    return {key: value for key, value in data.items() if key != "exported_at"}


def _import(journal: Journal, text: str, *, dry_run: bool = False) -> transfer.ImportReport:
    return transfer.import_text(journal, text, "test.json", source="leadjournal", dry_run=dry_run)


def _fresh(clock: FixedClock) -> Journal:
    return Journal(Store.memory(), clock)


# ---------------------------------------------------------------- the JSON format


def test_export_holds_every_table_with_a_format_version() -> None:
    data = json.loads(_export(_demo_journal()))
    assert data["format"] == "leadjournal" and data["version"] == export.FORMAT_VERSION
    assert [key for key in data if key not in export.HEADER_KEYS] == [
        table.name for table in export.TABLES
    ]
    assert len(data["reviews"]) == DEMO_REVIEWS and len(data["commitments"]) == DEMO_COMMITMENTS
    assert any(review["extra"] == {"energy": 6} for review in data["reviews"])
    assert any(entry["tags"] and entry["starred"] for entry in data["entries"])
    assert sum(len(c["follow_ups"]) for c in data["commitments"]) >= 20


def test_every_exported_table_has_an_importer() -> None:
    assert [table.name for table in export.TABLES] == list(transfer.IMPORTERS)
    assert set(transfer.IMPORT_MODELS) == set(transfer.IMPORTERS)


def test_round_trip_into_an_empty_journal_is_equal(clock: FixedClock) -> None:
    original = _export(_demo_journal())
    target = _fresh(clock)
    report = _import(target, original)
    assert report.added["entries"] == len(json.loads(original)["entries"])
    assert _tables(_export(target)) == _tables(original)


def test_exercise_runs_and_answers_round_trip(clock: FixedClock) -> None:
    journal = _fresh(clock)
    conn = journal.store.conn
    conn.execute(
        """INSERT INTO exercise_runs VALUES ('run-1', 'results-vs-relationships', 'in_progress',
           '2026-11-18T10:00:00Z', '2026-11-18T10:05:00Z', NULL, '2026-11-18', '2026-W47')"""
    )
    conn.execute(
        """INSERT INTO exercise_answers VALUES
           ('run-1', 'list', 1, 'Ship, hire, coach', '2026-11-18T10:01:00Z'),
           ('run-1', 'assess', 2, NULL, '2026-11-18T10:05:00Z')"""
    )
    text = _export(journal)
    target = _fresh(clock)
    report = _import(target, text)
    assert report.added == {"exercise_runs": 1, "exercise_answers": 2}
    assert _tables(_export(target)) == _tables(text)


entry_texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() != "")
tags = st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), max_size=3, unique=True)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(entry_texts, tags, st.booleans(), st.none() | entry_texts), max_size=8))
def test_any_entries_round_trip_unchanged(
    clock: FixedClock, items: list[tuple[str, list[str], bool, str | None]]
) -> None:
    source = _fresh(clock)
    for index, (body, entry_tags, starred, title) in enumerate(items):
        source.store.insert_entry(
            Entry(
                id=f"00000000-0000-4000-8000-{index:012d}",
                kind="reflection",
                body=body,
                title=title,
                tags=sorted(entry_tags),
                starred=starred,
                created_at=f"2026-11-{10 + index:02d}T08:00:00Z",
                updated_at=f"2026-11-{10 + index:02d}T08:00:00Z",
                date=f"2026-11-{10 + index:02d}",
                week="2026-W46",
            )
        )
    text = _export(source)
    target = _fresh(clock)
    _import(target, text)
    assert _tables(_export(target)) == _tables(text)


# ---------------------------------------------------------------- merging by id


def test_importing_twice_changes_nothing(clock: FixedClock) -> None:
    text = _export(_demo_journal())
    target = _fresh(clock)
    _import(target, text)
    before = _export(target)
    again = _import(target, text)
    assert not again.changed and again.added == {}
    assert again.unchanged["entries"] == len(json.loads(text)["entries"])
    assert _export(target) == before


def test_two_machines_merge_without_duplicates(clock: FixedClock) -> None:
    laptop, desktop = _fresh(clock), _fresh(clock)
    laptop.record_review("2026-W46", results=7, relationships=4, commitment="Hold 1:1s")
    laptop.write("Written on the laptop @travel")
    desktop.write("Written on the desktop @office")
    desktop.record_review("2026-W47", results=6, relationships=6)
    _import(desktop, _export(laptop))
    _import(laptop, _export(desktop))
    assert _tables(_export(laptop)) == _tables(_export(desktop))
    bodies = [row[0] for row in laptop.store.conn.execute("SELECT body FROM entries")]
    assert sorted(bodies) == ["Written on the desktop @office", "Written on the laptop @travel"]


def test_a_week_reviewed_on_both_machines_keeps_ours_and_links_entries_to_it(
    clock: FixedClock,
) -> None:
    laptop, desktop = _fresh(clock), _fresh(clock)
    laptop.record_review("2026-W47", results=7, relationships=4, reflection="Laptop thoughts")
    ours = desktop.record_review("2026-W47", results=5, relationships=5)
    report = _import(desktop, _export(laptop))
    assert report.unchanged["reviews"] == 1 and "2026-W47" in report.notes[0]
    review = desktop.store.get_review("2026-W47")
    assert review is not None and review.results == 5
    entries = desktop.store.entries_for_review(ours.id)
    assert [entry.body for entry in entries] == ["Laptop thoughts"]


def test_a_commitment_closed_elsewhere_is_closed_here(clock: FixedClock) -> None:
    laptop = _fresh(clock)
    laptop.record_review("2026-W46", results=6, relationships=6, commitment="Delegate the report")
    desktop = _fresh(clock)
    _import(desktop, _export(laptop))
    commitment = laptop.commitments()[0]
    laptop.close_commitment(commitment.id, "done", "Sam took it")
    report = _import(desktop, _export(laptop))
    assert report.updated == {"commitments": 1} and report.added == {"follow_ups": 1}
    assert desktop.commitments(None)[0].status == "done"
    assert not _import(desktop, _export(laptop)).changed


# ---------------------------------------------------------------- bad files


def test_dry_run_reports_and_writes_nothing(clock: FixedClock) -> None:
    text = _export(_demo_journal())
    target = _fresh(clock)
    report = _import(target, text, dry_run=True)
    assert report.dry_run and report.added["entries"] > 0
    assert target.store.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
    assert target.store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


@pytest.mark.parametrize("cut", [0.25, 0.5, 0.99])
def test_a_truncated_file_is_refused_and_nothing_is_imported(clock: FixedClock, cut: float) -> None:
    text = _export(_demo_journal())
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        _import(target, text[: int(len(text) * cut)])
    assert "truncated" in error.value.message
    assert target.store.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_one_bad_row_imports_nothing_and_names_the_field(clock: FixedClock) -> None:
    data = json.loads(_export(_demo_journal()))
    data["reviews"][3]["results"] = 12
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        _import(target, json.dumps(data))
    assert "reviews[3].results" in error.value.message
    assert target.store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["entries"][0].update(mood="good"), "entries[0].mood"),
        (lambda d: d["entries"][1].update(week="2026-W99"), "entries[1].week"),
        (lambda d: d.update(version=99), "version 99"),
        (lambda d: d.update(goals=[]), "goals"),
        (lambda d: d.pop("format"), "not a leadjournal export"),
        (lambda d: d["commitments"][0].update(status="maybe"), "commitments[0].status"),
    ],
)
def test_invalid_files_say_what_is_wrong(clock: FixedClock, change: Any, expected: str) -> None:
    data = json.loads(_export(_demo_journal()))
    change(data)
    with pytest.raises(BadInput) as error:
        _import(_fresh(clock), json.dumps(data))
    assert expected in error.value.message


def test_a_reference_to_a_missing_review_imports_nothing(clock: FixedClock) -> None:
    data = json.loads(_export(_demo_journal()))
    data["reviews"] = data["reviews"][:1]
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        _import(target, json.dumps(data))
    assert "neither in the file nor in the journal" in error.value.message
    assert target.store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


# ---------------------------------------------------------------- jrnl


def _jrnl(journal: Journal, *, dry_run: bool = False) -> transfer.ImportReport:
    text = JRNL_FIXTURE.read_text(encoding="utf-8")
    return transfer.import_text(journal, text, "jrnl.json", source="jrnl", dry_run=dry_run)


def test_jrnl_export_arrives_whole(clock: FixedClock) -> None:
    journal = _fresh(clock)
    report = _jrnl(journal)
    source = json.loads(JRNL_FIXTURE.read_text(encoding="utf-8"))["entries"]
    assert report.added == {"entries": len(source)}
    entries = list(journal.store.iter_entries())
    assert len(entries) == len(source)
    by_moment = {e.created_at: e for e in entries}
    for item in source:
        entry = by_moment[f"{item['date']}T{item['time']}:00Z"]
        assert entry.kind == "reflection"
        assert entry.date == item["date"]
        assert entry.title == item["title"]
        assert entry.body == (item["body"] or item["title"])
        assert entry.tags == sorted(tag.lstrip("@").lower() for tag in item["tags"])
        assert entry.starred is item["starred"]
    assert by_moment["2026-03-04T17:10:00Z"].week == "2026-W10"


def test_jrnl_import_is_idempotent(clock: FixedClock) -> None:
    journal = _fresh(clock)
    first = _jrnl(journal)
    ids = sorted(entry.id for entry in journal.store.iter_entries())
    again = _jrnl(journal)
    assert not again.changed and again.unchanged == first.added
    assert sorted(entry.id for entry in journal.store.iter_entries()) == ids


def test_jrnl_entries_have_content_derived_ids(clock: FixedClock) -> None:
    one, two = _fresh(clock), _fresh(clock)
    _jrnl(one)
    _jrnl(two)
    assert sorted(e.id for e in one.store.iter_entries()) == sorted(
        e.id for e in two.store.iter_entries()
    )


def test_jrnl_entries_are_searchable_and_listed_by_tag(clock: FixedClock) -> None:
    journal = _fresh(clock)
    _jrnl(journal)
    assert [hit.entry.date for hit in journal.search("estimate")] == ["2026-03-04"]
    assert len(journal.store.entries_with_tag("maya")) == 2


def test_our_file_with_from_jrnl_is_refused(clock: FixedClock) -> None:
    text = _export(_demo_journal())
    with pytest.raises(BadInput) as error:
        transfer.import_text(_fresh(clock), text, "ours.json", source="jrnl", dry_run=False)
    assert "not a jrnl one" in error.value.message


def test_a_jrnl_file_without_from_jrnl_gets_a_hint(clock: FixedClock) -> None:
    with pytest.raises(BadInput) as error:
        transfer.import_text(
            _fresh(clock),
            JRNL_FIXTURE.read_text(),
            "jrnl.json",
            source="leadjournal",
            dry_run=False,
        )
    assert error.value.hint is not None and "--from jrnl" in error.value.hint


# ---------------------------------------------------------------- Markdown and CSV


def test_markdown_export_groups_by_week() -> None:
    journal = _demo_journal()
    sink = io.StringIO()
    export.write_markdown(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    text = sink.getvalue()
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[0].startswith("## 2026-W22") and headings[-1].startswith("## 2026-W47")
    assert headings == sorted(headings)
    week = text.split("## 2026-W37")[1].split("\n## ")[0]
    assert "**Review:** results 8 · relationships 3 · lean -5 · produce-or-perish" in week
    assert "**Win:** Quarter numbers hit" in week
    assert "Snapped at Maya" in week and "**Commitment:** Apologise to Maya — done" in week


def test_csv_export_is_the_weekly_ratings_table() -> None:
    journal = _demo_journal()
    sink = io.StringIO()
    export.write_csv(journal.store, sink)
    table = list(csv.DictReader(io.StringIO(sink.getvalue())))
    assert len(table) == DEMO_REVIEWS
    assert list(table[0]) == [*export.CSV_COLUMNS, "energy", *export.CSV_TAIL]
    last = table[-1]
    assert (last["week"], last["results"], last["relationships"], last["lean"]) == (
        "2026-W47",
        "5",
        "8",
        "3",
    )
    assert last["commitment_status"] == "open" and last["energy"] == "7"


# ---------------------------------------------------------------- the commands


def _seed(cli: Cli) -> None:
    cli.ok("review", "--results", "7", "--relationships", "4", "--commit", "Hold 1:1s")
    cli.ok("write", "A reflection about @delegation")


def test_export_command_to_stdout_and_back(cli: Cli, tmp_path: Path) -> None:
    _seed(cli)
    text = cli.ok("export").stdout
    assert json.loads(text)["format"] == "leadjournal"
    dump = tmp_path / "journal.json"
    dump.write_text(text)
    other = tmp_path / "other.db"
    run = cli.ok("--db", str(other), "import", str(dump))
    assert "1 reviews, 1 entries, 1 commitments" in run.stdout
    assert rows(other, "SELECT body FROM entries ORDER BY body") == rows(
        cli.db, "SELECT body FROM entries ORDER BY body"
    )
    again = cli.ok("--db", str(other), "import", str(dump))
    assert "nothing new" in again.stdout


def test_export_to_a_file_is_private_and_never_overwritten_unasked(
    cli: Cli, tmp_path: Path
) -> None:
    _seed(cli)
    target = tmp_path / "out.csv"
    cli.ok("export", "--format", "csv", "--output", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().splitlines()[0].startswith("week,week_start,status")
    run = cli("export", "--format", "md", "--output", str(target))
    assert run.exit_code == 1 and "--force" in run.stderr
    assert target.read_text().startswith("week,")
    cli.ok("export", "--format", "md", "--output", str(target), "--force")
    assert target.read_text().startswith("# Leadership journal")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_export_refuses_an_unknown_format(cli: Cli) -> None:
    run = cli("export", "--format", "xml")
    assert run.exit_code == 2 and "json, md, csv" in run.stderr


def test_import_dry_run_command_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    run = cli.ok("import", str(JRNL_FIXTURE), "--from", "jrnl", "--dry-run")
    assert "Dry run" in run.stdout and "6 entries" in run.stdout
    assert not cli.db.exists()
    _seed(cli)
    before = rows(cli.db, "SELECT count(*) FROM entries")
    cli.ok("import", str(JRNL_FIXTURE), "--from", "jrnl", "--dry-run")
    assert rows(cli.db, "SELECT count(*) FROM entries") == before


def test_import_command_reports_a_truncated_file(cli: Cli, tmp_path: Path) -> None:
    _seed(cli)
    text = cli.ok("export").stdout
    broken = tmp_path / "broken.json"
    broken.write_text(text[: len(text) // 2])
    before = rows(cli.db, "SELECT count(*) FROM entries")
    run = cli("--db", str(tmp_path / "new.db"), "import", str(broken))
    assert run.exit_code == 2 and "truncated" in run.stderr and "Traceback" not in run.stderr
    assert rows(tmp_path / "new.db", "SELECT count(*) FROM entries") == [(0,)]
    assert rows(cli.db, "SELECT count(*) FROM entries") == before


def test_import_of_a_missing_file(cli: Cli, tmp_path: Path) -> None:
    run = cli("import", str(tmp_path / "nope.json"))
    assert run.exit_code == 2 and "Cannot read" in run.stderr


def test_import_json_report(cli: Cli) -> None:
    report = cli.ok("import", str(JRNL_FIXTURE), "--from", "jrnl", "--json").json()
    assert report["added"] == {"entries": 6} and report["source"] == "jrnl"
