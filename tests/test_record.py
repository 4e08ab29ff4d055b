"""Kept versions in the store, and the record's use-cases on an in-memory journal."""

from __future__ import annotations

import io
import json
from datetime import datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadjournal import export
from leadjournal.clock import FixedClock
from leadjournal.journal import Journal
from leadjournal.models import FollowUp
from leadjournal.store import Store

from .conftest import NOW
from .helpers import record


def _journal() -> Journal:
    return Journal(Store.memory(), FixedClock(datetime.fromisoformat(NOW)))


def _review(journal: Journal, week: str = "2026-W46", **extra: Any) -> None:
    record(
        journal,
        week,
        results=extra.get("results", 7),
        relationships=4,
        reflection=extra.get("reflection", "A reflection"),
        win=extra.get("win", "A win"),
        commitment=extra.get("commitment", "A commitment"),
    )


def _export(journal: Journal) -> dict[str, Any]:
    sink = io.StringIO()
    export.write_json(journal.store, sink, exported_at="now")
    data: dict[str, Any] = json.loads(sink.getvalue())
    return data


# -- the store keeps versions by itself ---------------------------------------------------


def test_update_and_delete_entry_keep_the_version_before() -> None:
    journal = _journal()
    entry = journal.write("First @a")
    journal.edit(entry.id, "Second")
    journal.delete(entry.id)
    versions = journal.store.versions_of(entry.id)
    assert [(v.action, v.data["body"]) for v in versions] == [
        ("deleted", "Second"),
        ("edited", "First @a"),
    ]
    assert versions[1].data["tags"] == ["a"]


def test_amending_a_finished_review_keeps_one_version_per_change() -> None:
    journal = _journal()
    _review(journal)
    review = journal.store.get_review("2026-W46")
    assert review is not None
    store = journal.store
    with store.transaction():
        store.update_review(review.id, "t", results=3)
        store.update_review(review.id, "t", win="Other")
        store.set_extra_rating(review.id, "energy", 5)
    versions = store.versions_of_week("2026-W46")
    assert [v.action for v in versions] == ["amended"]
    assert versions[0].data["review"]["results"] == 7
    assert versions[0].data["review"]["win"] == "A win"


def test_a_review_under_way_is_not_versioned() -> None:
    journal = _journal()
    session = journal.reviews.open("2026-W46")
    session.rate("results", 5)
    session.rate("results", 6)
    assert journal.store.versions_of_week("2026-W46") == []


def test_delete_review_takes_the_whole_week_and_restore_brings_it_back() -> None:
    journal = _journal()
    _review(journal, "2026-W45", commitment="Earlier promise")
    earlier = journal.store.commitments("open")[0]
    _review(journal, "2026-W46")
    review = journal.store.get_review("2026-W46")
    assert review is not None
    # A follow-up made in W46's review closes W45's commitment.
    journal.reviews.open("2026-W46", how="amend").follow_up(earlier.id, "done", "Kept it")
    goals = journal.goals
    goal = goals.add(
        "Cut voluntary turnover on the platform team",
        measure="voluntary turnover",
        unit="%",
        baseline=18,
        target=12,
        due="2027-05-20",
        achievable="HR partner and a coaching budget",
        relevant="Retention OKR",
    ).goal
    with journal.store.transaction():
        journal.store._insert(
            "goal_checkins",
            {
                "id": "c1",
                "goal_id": goal.id,
                "measure_id": goal.measures[0].id,
                "value": 3.0,
                "note": "Three moved",
                "review_id": review.id,
                "created_at": "2026-11-13T09:00:00Z",
                "date": "2026-11-13",
                "week": "2026-W46",
            },
        )
    before = _export(journal)
    with journal.store.transaction():
        journal.store.delete_review(review.id)
    after = _export(journal)
    assert [r["week"] for r in after["reviews"]] == ["2026-W45"]
    assert all(e["review_id"] != review.id for e in after["entries"])
    assert journal.store.get_commitment(earlier.id).status == "open"
    assert journal.store.get_commitment(earlier.id).follow_ups == []
    assert journal.store.conn.execute("SELECT count(*) FROM goal_checkins").fetchone()[0] == 0
    journal.record.restore("2026-W46")
    restored = _export(journal)
    for table in ("reviews", "entries", "commitments"):
        assert restored[table] == before[table], table
    assert restored["goals"] == before["goals"]


def test_search_index_follows_every_change() -> None:
    journal = _journal()
    _review(journal, win="Shipped billing", commitment="Coach Sam on billing")

    def found(word: str) -> set[str]:
        return {hit.kind for hit in journal.search(word)}

    assert found("billing") == {"win", "commitment"}
    review = journal.store.get_review("2026-W46")
    assert review is not None
    with journal.store.transaction():
        journal.store.update_review(review.id, "t", win="Shipped invoices")
    assert found("billing") == {"commitment"} and found("invoices") == {"win"}
    journal.record.delete(journal.record.deletable("2026-W46"))
    assert found("billing") == set() and found("invoices") == set()
    journal.record.restore("2026-W46")
    assert found("invoices") == {"win"}


def test_follow_up_notes_and_exercise_answers_are_searchable() -> None:
    journal = _journal()
    _review(journal, "2026-W45")
    commitment = journal.store.commitments("open")[0]
    with journal.store.transaction():
        journal.store.record_follow_up(
            FollowUp(
                id="f1",
                commitment_id=commitment.id,
                week="2026-W46",
                outcome="partly",
                note="Halfway through the rota",
                created_at="t",
            )
        )
    assert [(h.kind, h.week) for h in journal.search("rota")] == [("follow_up", "2026-W46")]
    assert journal.search("rota", kinds=["win"]) == []


def test_the_migration_indexes_an_existing_journal(tmp_path: Any) -> None:
    import sqlite3

    from sqlite_utils import Database

    from leadjournal.migrations import migrations

    path = tmp_path / "journal.db"
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m004_create_versions")
    conn.execute(
        """INSERT INTO reviews (id, week, status, win, win_by, started_at, updated_at)
           VALUES ('r1', '2026-W46', 'complete', 'Closed the billing deal', 'Ana', 't', 't')"""
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    journal = Journal(store, FixedClock(datetime.fromisoformat(NOW)))
    assert [(h.kind, h.id) for h in journal.search("billing")] == [("win", "r1")]
    assert [h.kind for h in journal.search("ana")] == ["win"]
    store.close()


# -- any history of changes ends where replaying it by hand does ---------------------------

WEEKS = ("2026-W44", "2026-W45", "2026-W46")
ENTRIES = ("e0", "e1", "e2")
words = st.sampled_from(["alpha", "beta", "gamma", "delta"])
operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.sampled_from(ENTRIES), words),
        st.tuples(st.just("delete"), st.sampled_from(ENTRIES), st.none()),
        st.tuples(st.just("restore"), st.sampled_from(ENTRIES), st.none()),
        st.tuples(st.just("amend"), st.sampled_from(WEEKS), st.integers(1, 9)),
        st.tuples(st.just("win"), st.sampled_from(WEEKS), words),
        st.tuples(st.just("recommit"), st.sampled_from(WEEKS), words),
        st.tuples(st.just("delete"), st.sampled_from(WEEKS), st.none()),
        st.tuples(st.just("restore"), st.sampled_from(WEEKS), st.none()),
    ),
    max_size=14,
)


class Replay:
    """The same history kept by hand: each item's value now and the ones before."""

    def __init__(self, items: dict[str, Any]) -> None:
        self.now: dict[str, Any] = dict(items)
        self.kept: dict[str, list[Any]] = {key: [] for key in items}

    def change(self, key: str, value: Any) -> None:
        if self.now[key] is None:
            return
        self.kept[key].append(self.now[key])
        self.now[key] = value

    def restore(self, key: str) -> bool:
        if not self.kept[key]:
            return False
        back = self.kept[key][-1]
        if self.now[key] is not None:
            self.kept[key].append(self.now[key])
        self.now[key] = back
        return True


def _projection(journal: Journal) -> dict[str, Any]:
    data = _export(journal)
    shown: dict[str, Any] = {key: None for key in (*ENTRIES, *WEEKS)}
    ids = {e["id"]: e["body"] for e in data["entries"] if e["kind"] == "reflection"}
    for key, entry_id in journal_ids(journal).items():
        shown[key] = ids.get(entry_id)
    commitments = {c["week"]: c["text"] for c in data["commitments"]}
    for review in data["reviews"]:
        shown[review["week"]] = (review["results"], review["win"], commitments.get(review["week"]))
    return shown


def journal_ids(journal: Journal) -> dict[str, str]:
    return journal.__dict__.setdefault("_test_ids", {})  # type: ignore[no-any-return]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_any_history_of_changes_matches_replaying_it_by_hand(
    steps: list[tuple[str, str, Any]],
) -> None:
    journal = _journal()
    record = journal.record
    for key in ENTRIES:
        journal_ids(journal)[key] = journal.write(f"{key} start", day="2026-11-10").id
    for week in WEEKS:
        _review(journal, week, results=5, win=f"{week} win", commitment=f"{week} promise")
    replay = Replay(
        {
            **{key: f"{key} start" for key in ENTRIES},
            **{week: (5, f"{week} win", f"{week} promise") for week in WEEKS},
        }
    )
    for action, key, value in steps:
        is_week = key in WEEKS
        name = key if is_week else journal_ids(journal)[key]
        live = replay.now[key] is not None
        if action == "restore":
            if replay.restore(key):
                record.restore(name)
            continue
        if not live:
            continue
        if action == "delete":
            record.delete(record.deletable(name))
            replay.change(key, None)
        elif action == "edit":
            record.save_edit(record.editable(name), value)
            if value != replay.now[key]:
                replay.change(key, value)
        elif action == "amend":
            review = journal.store.get_review(key)
            assert review is not None
            journal.reviews.open(key, how="amend").rate("results", value)
            results, win, promise = replay.now[key]
            if value != results:
                replay.change(key, (value, win, promise))
        elif action == "win":
            editable = record.editable(key)
            results, win, promise = replay.now[key]
            record.save_edit(editable, value)
            if value != win:
                replay.change(key, (results, value, promise))
        elif action == "recommit":
            review = journal.store.get_review(key)
            assert review is not None
            journal.reviews.open(key, how="amend").commit(value)
            results, win, promise = replay.now[key]
            if value != promise:
                replay.change(key, (results, win, value))
    assert _projection(journal) == replay.now


def test_an_exercise_under_way_is_searchable_and_leaves_the_index_when_done() -> None:
    journal = _journal()
    exercises = journal.exercises
    exercise = next(e for e in journal.packs.exercises.values() if e.steps[0].type == "text")
    run = exercises.start(exercise)
    exercises.answer(exercise, run, exercise.steps[0].id, "Quokka rota for the on-call week")
    hits = journal.search("quokka")
    assert [(h.kind, h.id) for h in hits] == [("exercise_answer", run.id)]
    assert [h.kind for h in journal.search("quokka", kinds=["exercise"])] == ["exercise_answer"]
    assert journal.search("quokka", kinds=["win"]) == []
    exercises.complete(exercise, journal.store.get_exercise_run(run.id))
    # Finished: the answer is in the run's entry, found once.
    assert [h.kind for h in journal.search("quokka")] == ["exercise"]


def test_an_amendment_that_changes_nothing_keeps_nothing() -> None:
    journal = _journal()
    _review(journal)
    review = journal.store.get_review("2026-W46")
    assert review is not None
    journal.reviews.open("2026-W46", how="amend").rate("results", 7)  # as it was
    with journal.store.transaction():
        journal.store.set_extra_rating(review.id, "energy", 5)  # a new dimension: a change
    journal.reviews.open("2026-W46", how="amend").rate("energy", 5)  # as it now is
    assert [v.action for v in journal.store.versions_of_week("2026-W46")] == ["amended"]
