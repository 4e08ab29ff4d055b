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
from .helpers import record, rows

JRNL_FIXTURE = Path(__file__).parent / "data" / "jrnl-export.json"
DEMO_REVIEWS = sum(1 for week in STORY if week is not None)
OTHER_ID = "5d0c7a0e-51b4-4c59-8f8e-2d5a1c9e3b21"
RUN_ID = "0b6f4e0c-6a51-4a39-9a57-0d5c2e3b7f10"
# The reviews' commitments, and the one the demo's four-step exercise made.
DEMO_COMMITMENTS = sum(1 for week in STORY if week is not None and week.commitment) + 1


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
        f"""INSERT INTO exercise_runs VALUES ('{RUN_ID}', 'results-vs-relationships', 'in_progress',
           '2026-11-18T10:00:00Z', '2026-11-18T10:05:00Z', NULL, '2026-11-18', '2026-W47')"""
    )
    conn.execute(
        f"""INSERT INTO exercise_answers VALUES
           ('{RUN_ID}', 'list', 1, 'Ship, hire, coach', '2026-11-18T10:01:00Z'),
           ('{RUN_ID}', 'assess', 2, NULL, '2026-11-18T10:05:00Z')"""
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


# No deadline: each example builds two fresh journals (every migration runs
# twice), which takes most of hypothesis's default 200 ms on a loaded machine.
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
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
                week="2026-W46" if index < 6 else "2026-W47",
            )
        )
    text = _export(source)
    target = _fresh(clock)
    _import(target, text)
    assert _tables(_export(target)) == _tables(text)


# ---------------------------------------------------------------- goals


def _goal_journal(clock: FixedClock) -> tuple[Journal, str, str]:
    """A performance goal paired with a development goal, check-ins by hand and in
    a review, and a closed goal."""
    journal = _fresh(clock)
    backlog = journal.goals.add(
        "Cut the support backlog to 15 tickets", level="team", measure="open tickets",
        unit="tickets", baseline=40, target=15.5, start="2026-10-01", due="2026-12-31",
        leading=["tickets triaged"], cadence="monthly", achievable="Sam owns triage",
        relevant="Customer satisfaction",
    ).goal.id  # fmt: skip
    coaching = journal.goals.add(
        "Coach two leads to run incident reviews", kind="development", measure="reviews led",
        baseline=0, target=4, start="2026-10-15", due="2026-12-31", pair=backlog,
    ).goal.id  # fmt: skip
    journal.goals.checkin(backlog, 22.5, note="after the triage rota")
    journal.goals.checkin(backlog, 30, measure="tickets triaged")
    session = journal.reviews.open("2026-W47")
    state = session.state()
    for question in journal.goals.questions("2026-W47"):
        if question.goal.id == coaching:
            journal.goals.review_checkin(state.review, question, 1, note="Alex led one")
    session.complete()
    closed = journal.goals.add("Hire a second support engineer", measure="hired", target=1)
    journal.goals.close(closed.goal.id, "done", "Kim starts in January")
    return journal, backlog, coaching


def test_goals_round_trip_with_measures_checkins_and_pairs(clock: FixedClock) -> None:
    journal, backlog, coaching = _goal_journal(clock)
    text = _export(journal)
    goals = json.loads(text)["goals"]
    assert [g["title"] for g in goals][:2] == [
        "Cut the support backlog to 15 tickets",
        "Coach two leads to run incident reviews",
    ]
    assert goals[0]["pair_id"] == coaching and goals[1]["pair_id"] == backlog
    assert [len(g["checkins"]) for g in goals] == [2, 1, 0]
    assert goals[1]["checkins"][0]["review_id"] is not None
    target = _fresh(clock)
    report = _import(target, text)
    assert report.added == {"reviews": 1, "goals": 3, "goal_checkins": 3}
    assert _tables(_export(target)) == _tables(text)
    assert [(g.goal.title, g.status) for g in target.goals.summaries(None)] == [
        (g.goal.title, g.status) for g in journal.goals.summaries(None)
    ]


def test_a_pair_survives_import_in_either_order(clock: FixedClock) -> None:
    journal, _backlog, _coaching = _goal_journal(clock)
    text = _export(journal)
    data = json.loads(text)
    data["goals"].reverse()  # the development goal now comes before its partner
    target = _fresh(clock)
    _import(target, json.dumps(data))
    assert _tables(_export(target)) == _tables(text)


def test_importing_goals_twice_changes_nothing(clock: FixedClock) -> None:
    journal, _backlog, _coaching = _goal_journal(clock)
    text = _export(journal)
    target = _fresh(clock)
    _import(target, text)
    before = _export(target)
    again = _import(target, text)
    assert not again.changed and again.added == {}
    assert again.unchanged["goals"] == 3 and again.unchanged["goal_checkins"] == 3
    assert _export(target) == before


def test_goals_merge_across_two_machines(clock: FixedClock) -> None:
    laptop, backlog, coaching = _goal_journal(clock)
    desktop = _fresh(clock)
    _import(desktop, _export(laptop))
    # Later, on each machine: a check-in here, the goal closed there.
    later = FixedClock(datetime.fromisoformat("2026-11-27T09:00:00+00:00"))
    Journal(laptop.store, later).goals.checkin(backlog, 18)
    Journal(desktop.store, later).goals.close(coaching, "dropped", "Alex moved teams")
    from_laptop = _import(desktop, _export(laptop))
    assert from_laptop.added == {"goal_checkins": 1}
    from_desktop = _import(laptop, _export(desktop))
    assert from_desktop.updated == {"goals": 1}
    assert _tables(_export(laptop)) == _tables(_export(desktop))
    assert laptop.goals.get(coaching).goal.outcome_note == "Alex moved teams"
    assert desktop.goals.get(backlog).current == 18


def test_a_pair_made_elsewhere_joins_goals_already_here(clock: FixedClock) -> None:
    laptop = _fresh(clock)
    one = laptop.goals.add("Ship the billing migration safely", measure="services", target=9)
    two = laptop.goals.add("Learn to delegate the release work", kind="development")
    desktop = _fresh(clock)
    _import(desktop, _export(laptop))
    laptop.goals.pair(one.goal.id, two.goal.id)
    report = _import(desktop, _export(laptop))
    assert report.updated == {"goals": 2} and report.unchanged.get("goals", 0) == 0
    assert desktop.goals.get(one.goal.id).goal.pair_id == two.goal.id
    assert _tables(_export(laptop)) == _tables(_export(desktop))


def test_a_goal_paired_differently_here_keeps_its_pair(clock: FixedClock) -> None:
    laptop = _fresh(clock)
    one = laptop.goals.add("Ship the billing migration safely", measure="services", target=9)
    two = laptop.goals.add("Learn to delegate the release work", kind="development")
    desktop = _fresh(clock)
    _import(desktop, _export(laptop))
    three = desktop.goals.add("Coach Sam to run the migration", kind="development")
    desktop.goals.pair(one.goal.id, three.goal.id)
    laptop.goals.pair(one.goal.id, two.goal.id)
    report = _import(desktop, _export(laptop))
    assert any(one.goal.id[:8] in note and "kept" in note for note in report.notes)
    assert desktop.goals.get(one.goal.id).goal.pair_id == three.goal.id
    assert desktop.goals.get(two.goal.id).goal.pair_id is None


def _goal_file(clock: FixedClock) -> dict[str, Any]:
    journal, _backlog, _coaching = _goal_journal(clock)
    data: dict[str, Any] = json.loads(_export(journal))
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["goals"][0].update(kind="stretch"), "goals[0].kind"),
        (lambda d: d["goals"][0].update(level="galaxy"), "goals[0].level"),
        (lambda d: d["goals"][0].update(cadence="daily"), "goals[0].cadence"),
        (lambda d: d["goals"][0].update(status="paused"), "goals[0].status"),
        (lambda d: d["goals"][1].update(start_date="2026-13-01"), "goals[1].start_date"),
        (lambda d: d["goals"][1].update(due_date="31/12/2026"), "goals[1].due_date"),
        (lambda d: d["goals"][1].update(due_date="2026-01-01"), "before start date"),
        (lambda d: d["goals"][0].update(title="  "), "goals[0].title"),
        (lambda d: d["goals"][0]["measures"][0].update(target=float("inf")), "finite number"),
        (lambda d: d["goals"][0]["measures"][0].update(baseline=1e13), "finite number"),
        (lambda d: d["goals"][0]["checkins"][0].update(value=float("nan")), "finite number"),
        (lambda d: d["goals"][0]["checkins"][0].update(value="lots"), "checkins[0].value"),
        (lambda d: d["goals"][0]["checkins"][0].update(value=True), "true is not a number"),
        (lambda d: d["goals"][0]["measures"][0].update(target=False), "false is not a number"),
        (lambda d: d["goals"][0]["checkins"][0].update(week="2026-W60"), "checkins[0].week"),
        (lambda d: d["goals"][0]["checkins"][0].update(measure="other"), "names measure"),
        (lambda d: d["goals"][0]["checkins"][0].update(measure_id=OTHER_ID), "does not have"),
        (lambda d: d["goals"][0]["measures"][1].update(kind="lagging"), "more than one lagging"),
        (lambda d: d["goals"][0]["measures"][1].update(name="open tickets"), "two measures"),
        (lambda d: d["goals"][0]["measures"][0].update(goal_id=OTHER_ID), "another goal"),
        (lambda d: d["goals"][0].update(pair_id=d["goals"][0]["id"]), "paired with itself"),
        (lambda d: d["goals"][0].update(pair_id=d["goals"][2]["id"]), "not paired back"),
        (lambda d: d["goals"][1].update(kind="performance"), "both goals of the pair"),
    ],
)
def test_invalid_goals_say_what_is_wrong_and_import_nothing(
    clock: FixedClock, change: Any, expected: str
) -> None:
    data = _goal_file(clock)
    change(data)
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        _import(target, json.dumps(data))
    assert expected in error.value.message
    assert target.store.conn.execute("SELECT count(*) FROM goals").fetchone()[0] == 0
    assert target.store.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_a_partner_missing_from_file_and_journal_imports_nothing(clock: FixedClock) -> None:
    data = _goal_file(clock)
    partner = data["goals"].pop(1)
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        _import(target, json.dumps(data))
    assert "neither in the file nor in the journal" in error.value.message
    assert partner["id"] in error.value.message
    assert target.store.conn.execute("SELECT count(*) FROM goals").fetchone()[0] == 0


def test_a_partner_already_in_the_journal_is_enough(clock: FixedClock) -> None:
    data = _goal_file(clock)
    backlog, coaching = data["goals"][0], data["goals"][1]
    target = _fresh(clock)
    unpaired = [{**goal, "pair_id": None} for goal in (backlog, coaching)]
    _import(target, json.dumps({**data, "goals": unpaired}))
    assert target.goals.get(coaching["id"]).goal.pair_id is None
    # A file with only one goal of the pair: its partner is found in the journal.
    _import(target, json.dumps({**data, "goals": [backlog]}))
    assert target.goals.get(coaching["id"]).goal.pair_id == backlog["id"]
    assert target.goals.get(backlog["id"]).goal.pair_id == coaching["id"]


def test_the_markdown_export_lists_goals_with_their_progress(clock: FixedClock) -> None:
    journal, _backlog, _coaching = _goal_journal(clock)
    sink = io.StringIO()
    export.write_markdown(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    text = sink.getvalue()
    goals = text.split("## Goals (as of 2026-11-20)\n")[1].split("\n## 2026-W")[0]
    backlog = goals.split("### Cut the support backlog to 15 tickets\n")[1].split("\n### ")[0]
    summary = journal.goals.summaries(None)[0]
    assert summary.progress is not None and summary.expected is not None
    assert (
        "**Result:** open tickets, 40 tickets → 15.5 tickets, now 22.5 tickets · "
        f"{round(summary.progress * 100)}% of the way, "
        f"{round(summary.expected * 100)}% of the time gone"
    ) in backlog
    assert "**Performance goal** · team · reviewed monthly · 2026-10-01 → 2026-12-31" in backlog
    assert "**Leading:** tickets triaged" in backlog
    assert "**Paired with:** Coach two leads to run incident reviews" in backlog
    assert "- 2026-11-20: open tickets 22.5 tickets — after the triage rota" in backlog
    assert "- 2026-11-20: tickets triaged 30" in backlog
    assert "### Hire a second support engineer" in goals
    assert "**Outcome:** Kim starts in January" in goals
    # The goals come before the weeks, which stay in order.
    assert text.index("## Goals") < text.index("## 2026-W47")


def test_the_markdown_export_has_no_goals_section_without_goals(clock: FixedClock) -> None:
    journal = _fresh(clock)
    journal.write("Only a note")
    sink = io.StringIO()
    export.write_markdown(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    assert "## Goals" not in sink.getvalue()


def test_a_finished_exercise_reaches_the_markdown_export(clock: FixedClock) -> None:
    journal = _fresh(clock)
    exercise = journal.exercises.find("results-relationships-reflection")
    answers = {step.id: "7" if step.type == "rating" else "Weekly one-on-ones"
               for step in exercise.steps}  # fmt: skip
    done = journal.exercises.run_with_answers(exercise, answers)
    sink = io.StringIO()
    export.write_markdown(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    text = sink.getvalue()
    assert f"**{exercise.title}**" in text and done.entry.body.strip() in text
    assert done.commitment is not None  # its last step is a follow-up
    assert f"**Commitment:** {done.commitment.text} — open" in text


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
    record(laptop, "2026-W46", results=7, relationships=4, commitment="Hold 1:1s")
    laptop.write("Written on the laptop @travel")
    desktop.write("Written on the desktop @office")
    record(desktop, "2026-W47", results=6, relationships=6)
    _import(desktop, _export(laptop))
    _import(laptop, _export(desktop))
    assert _tables(_export(laptop)) == _tables(_export(desktop))
    bodies = [row[0] for row in laptop.store.conn.execute("SELECT body FROM entries")]
    assert sorted(bodies) == ["Written on the desktop @office", "Written on the laptop @travel"]


def test_a_week_reviewed_on_both_machines_keeps_ours_and_links_entries_to_it(
    clock: FixedClock,
) -> None:
    laptop, desktop = _fresh(clock), _fresh(clock)
    record(laptop, "2026-W47", results=7, relationships=4, reflection="Laptop thoughts")
    ours = record(desktop, "2026-W47", results=5, relationships=5)
    report = _import(desktop, _export(laptop))
    assert report.unchanged["reviews"] == 1 and "2026-W47" in report.notes[0]
    review = desktop.store.get_review("2026-W47")
    assert review is not None and review.results == 5
    entries = desktop.store.entries_for_review(ours.id)
    assert [entry.body for entry in entries] == ["Laptop thoughts"]


def test_a_commitment_closed_elsewhere_is_closed_here(clock: FixedClock) -> None:
    laptop = _fresh(clock)
    record(laptop, "2026-W46", results=6, relationships=6, commitment="Delegate the report")
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
        (lambda d: d.update(habits=[]), "habits"),
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
    headings = [line for line in text.splitlines() if line.startswith("## 2026-W")]
    assert headings[0].startswith("## 2026-W22") and headings[-1].startswith("## 2026-W47")
    assert headings == sorted(headings)
    week = text.split("## 2026-W37")[1].split("\n## ")[0]
    assert (
        "**Review:** results 8 · relationships 3 · leans toward results by 5 points · "
        "produce-or-perish"
    ) in week
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


def test_csv_text_cannot_run_as_a_spreadsheet_formula(journal: Journal) -> None:
    record(
        journal,
        "2026-W47",
        results=5,
        relationships=5,
        win='=HYPERLINK("http://example.invalid","click")',
        win_by="@sam",
        commitment="-1 meeting a day",
    )
    sink = io.StringIO()
    export.write_csv(journal.store, sink)
    (row,) = csv.DictReader(io.StringIO(sink.getvalue()))
    assert row["win"] == '\'=HYPERLINK("http://example.invalid","click")'
    assert row["win_by"] == "'@sam" and row["commitment"] == "'-1 meeting a day"
    assert row["lean"] == "0"  # numbers are left as numbers


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


def test_import_of_a_missing_file_is_not_found(cli: Cli, tmp_path: Path) -> None:
    # README's exit codes: 1 when something was not found.
    run = cli("import", str(tmp_path / "nope.json"))
    assert run.exit_code == 1 and "Cannot read" in run.stderr


def test_import_of_a_folder_is_bad_input(cli: Cli, tmp_path: Path) -> None:
    run = cli("import", str(tmp_path))
    assert run.exit_code == 2 and "Cannot read" in run.stderr


@pytest.mark.parametrize("content", ["# My journal\n\nA week.\n", "", "{\n"])
def test_importing_a_markdown_file_says_which_formats_import_reads(
    cli: Cli, tmp_path: Path, content: str
) -> None:
    notes = tmp_path / "journal.md"
    notes.write_text(content)
    run = cli("import", str(notes))
    assert run.exit_code == 2
    assert "truncated" not in run.stderr
    assert "leadjournal JSON export" in run.stderr and "--from jrnl" in run.stderr
    assert "export --format json" in run.stderr


def test_import_json_report(cli: Cli) -> None:
    report = cli.ok("import", str(JRNL_FIXTURE), "--from", "jrnl", "--json").json()
    assert report["added"] == {"entries": 6} and report["source"] == "jrnl"
