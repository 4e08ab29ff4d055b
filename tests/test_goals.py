"""Goals: SMART checks, progress and status at the edges, cadence, bad input, schema."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from leadjournal import goals
from leadjournal.clock import FixedClock
from leadjournal.errors import BadInput, Conflict, NotFound
from leadjournal.journal import Journal
from leadjournal.migrations import migrations
from leadjournal.store import SCHEMA_VERSION, Store

from .helpers import record, rows

FULL: dict[str, Any] = {
    "measure": "voluntary turnover",
    "unit": "%",
    "baseline": 18,
    "target": 12,
    "due": "2027-05-20",
    "achievable": "HR partner and a coaching budget",
    "relevant": "Retention OKR",
}
TITLE = "Cut voluntary turnover on the platform team"


def on(journal: Journal, moment: str) -> Journal:
    """The same journal, with the clock set to another moment."""
    return Journal(journal.store, FixedClock(datetime.fromisoformat(moment)))


def count(journal: Journal, table: str) -> int:
    return int(journal.store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# -- SMART -----------------------------------------------------------------------


def test_a_complete_goal_is_smart(journal: Journal) -> None:
    added = journal.goals.add(TITLE, **FULL)
    assert added.smart == []
    assert added.goal.start_date == "2026-11-20" and added.goal.week == "2026-W47"


@pytest.mark.parametrize(
    ("change", "gap"),
    [
        ({"title": "Turnover"}, "vague_outcome"),
        ({"measure": None, "unit": None, "baseline": None, "target": None}, "no_measure"),
        ({"unit": None}, "no_unit"),
        ({"baseline": None}, "no_baseline"),
        ({"target": None}, "no_target"),
        ({"target": 18}, "target_equals_baseline"),
        ({"achievable": None}, "no_achievable"),
        ({"relevant": "   "}, "no_relevant"),
        ({"due": None}, "no_due_date"),
    ],
)
def test_each_missing_part_is_named_and_the_goal_kept(
    journal: Journal, change: dict[str, Any], gap: str
) -> None:
    parts = {**FULL, **change}
    title = parts.pop("title", TITLE)
    added = journal.goals.add(title, **parts)
    assert added.smart == [gap]
    assert goals.SMART_CODES[gap] in (
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time-bound",
    )
    assert [g.goal.id for g in journal.goals.summaries()] == [added.goal.id]


def test_a_date_that_has_passed_is_named_while_the_goal_is_open(journal: Journal) -> None:
    added = journal.goals.add(TITLE, **{**FULL, "due": "2026-12-01"})
    later = on(journal, "2026-12-02T09:00:00+00:00")
    assert later.goals.get(added.goal.id).smart == ["due_date_passed"]
    later.goals.close(added.goal.id, "done")
    assert later.goals.get(added.goal.id).smart == []


def test_numbers_without_a_measure_name_still_measure_the_result(journal: Journal) -> None:
    added = journal.goals.add(TITLE, **{**FULL, "measure": None})
    assert added.measure == "result" and "no_measure" not in added.smart


# -- progress, expected and status -------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "target", "current", "share"),
    [
        (18, 12, 18, 0.0),  # reducing: nothing yet
        (18, 12, 15, 0.5),  # reducing: half way
        (18, 12, 12, 1.0),  # reducing: reached
        (18, 12, 10, 1.0),  # beyond the target is still done
        (18, 12, 20, 0.0),  # worse than the start is no progress, not negative
        (0, 10, 4, 0.4),
        (0, 10, 12, 1.0),
        (5, 5, 5, None),  # no change asked for: not measurable
        (None, 10, 4, None),
    ],
)
def test_progress_both_ways(
    baseline: float | None, target: float | None, current: float, share: float | None
) -> None:
    assert goals.progress(baseline, target, current) == share


START, DUE = date(2026, 11, 20), date(2026, 12, 20)  # 30 days


@pytest.mark.parametrize(
    ("today", "share"),
    [
        (date(2026, 11, 1), 0.0),  # before the start
        (START, 0.0),
        (date(2026, 11, 29), 0.3),
        (DUE, 1.0),
        (date(2027, 1, 5), 1.0),
    ],
)
def test_expected_is_the_share_of_time_gone(today: date, share: float) -> None:
    assert goals.expected(START, DUE, today) == share
    assert goals.expected(START, None, today) is None


@pytest.mark.parametrize(
    ("done", "time", "today", "status"),
    [
        (0.0, 0.0, START, "on_track"),  # the start day
        (0.4, 0.5, START, "on_track"),  # exactly expected − 0.10
        (0.39, 0.5, START, "at_risk"),
        (0.25, 0.5, START, "at_risk"),  # exactly expected − 0.25
        (0.24, 0.5, START, "off_track"),
        (0.9, 1.0, DUE, "on_track"),  # the due day itself
        (0.89, 1.0, DUE, "at_risk"),
        (0.95, 1.0, date(2026, 12, 21), "off_track"),  # past due, target not reached
        (1.0, 1.0, date(2027, 3, 1), "on_track"),  # past due, target reached
        (None, 0.5, START, None),
        (0.5, None, START, None),
    ],
)
def test_status_thresholds(
    done: float | None, time: float | None, today: date, status: str | None
) -> None:
    assert goals.track(done, time, today, DUE) == status


def _turnover(journal: Journal) -> str:
    added = journal.goals.add(TITLE, **{**FULL, "due": "2026-12-20"})
    return added.goal.id


def test_a_reducing_goal_on_a_set_clock(journal: Journal) -> None:
    goal_id = _turnover(journal)
    start = journal.goals.get(goal_id)
    assert (start.progress, start.expected, start.status, start.current) == (
        0.0,
        0.0,
        "on_track",
        18,
    )
    assert start.days_left == 30
    # Nine days in (30%), turnover 16.5: a quarter of the way.
    week_two = on(journal, "2026-11-29T10:00:00+00:00")
    checked = week_two.goals.checkin(goal_id[:6], "16.5", note="two leavers fewer")
    assert (checked.progress, checked.expected, checked.status) == (0.25, 0.3, "on_track")
    # On the due day at 13 (5/6 of the way): at risk.
    due_day = on(journal, "2026-12-20T18:00:00+00:00")
    due_day.goals.checkin(goal_id, "13")
    assert due_day.goals.get(goal_id).status == "at_risk"
    assert due_day.goals.get(goal_id).days_left == 0
    # A day past due and not at 12: off track.
    past = on(journal, "2026-12-21T09:00:00+00:00")
    assert past.goals.get(goal_id).status == "off_track"
    # Reached: done, judged as of the day it closed.
    past.goals.checkin(goal_id, "11.5")
    closed = past.goals.close(goal_id, "done", "Down to 11.5%")
    assert (closed.status, closed.progress, closed.goal.outcome_note) == (
        "done",
        1.0,
        "Down to 11.5%",
    )
    assert closed.goal.closed_date == "2026-12-21" and closed.days_left is None
    assert on(journal, "2027-06-01T09:00:00+00:00").goals.get(goal_id).status == "done"


def test_latest_value_is_by_date_not_by_entry_order(journal: Journal) -> None:
    goal_id = _turnover(journal)
    on(journal, "2026-12-05T09:00:00+00:00").goals.checkin(goal_id, "14")
    later = on(journal, "2026-12-06T09:00:00+00:00")
    assert later.goals.get(goal_id).current == 14


def test_leading_check_ins_do_not_move_progress(journal: Journal) -> None:
    added = journal.goals.add(TITLE, **FULL, leading=["one-on-ones held"])
    result = journal.goals.checkin(added.goal.id, "4", measure="One-on-ones held")
    assert result.progress == 0.0 and result.goal.checkins[0].measure == "one-on-ones held"


# -- pairs ---------------------------------------------------------------------------


def test_pairing_is_written_on_both_goals(journal: Journal) -> None:
    perf = journal.goals.add(TITLE, **FULL)
    dev = journal.goals.add("Coach instead of telling", kind="development", pair=perf.goal.id[:6])
    assert dev.goal.pair_id == perf.goal.id
    assert journal.goals.get(perf.goal.id).goal.pair_id == dev.goal.id
    # Pairing the same two again changes nothing.
    assert journal.goals.pair(perf.goal.id, dev.goal.id).goal.pair_id == dev.goal.id


def test_bad_pairs_are_refused_and_nothing_is_written(journal: Journal) -> None:
    perf = journal.goals.add(TITLE, **FULL)
    dev = journal.goals.add("Coach instead of telling", kind="development", pair=perf.goal.id)
    other_dev = journal.goals.add("Learn to give feedback", kind="development")
    other_perf = journal.goals.add("Ship the billing rewrite", **FULL)
    before = count(journal, "goals")
    with pytest.raises(BadInput, match="itself"):
        journal.goals.pair(other_dev.goal.id, other_dev.goal.id[:6])
    with pytest.raises(Conflict, match="already paired"):
        journal.goals.add("Another development goal", kind="development", pair=perf.goal.id)
    with pytest.raises(Conflict, match="already paired"):
        journal.goals.pair(other_dev.goal.id, perf.goal.id)
    with pytest.raises(Conflict, match="already paired"):
        journal.goals.pair(dev.goal.id, other_perf.goal.id)
    with pytest.raises(BadInput, match="both performance"):
        journal.goals.add("Yet another performance goal", pair=other_perf.goal.id)
    assert count(journal, "goals") == before
    assert journal.goals.get(other_dev.goal.id).goal.pair_id is None
    assert journal.goals.get(other_perf.goal.id).goal.pair_id is None


# -- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["nan", "NaN", "inf", "-inf", "abc", "", "1e13", "12,5", float("nan"), True]
)
def test_unusable_values_are_refused(journal: Journal, value: object) -> None:
    goal_id = _turnover(journal)
    with pytest.raises(BadInput, match=r"must be a number|larger than a measure can hold"):
        journal.goals.checkin(goal_id, value)
    assert count(journal, "goal_checkins") == 0


@pytest.mark.parametrize("field", ["baseline", "target"])
def test_unusable_baseline_or_target_writes_nothing(journal: Journal, field: str) -> None:
    with pytest.raises(BadInput, match=field):
        journal.goals.add(TITLE, **{**FULL, field: "inf"})
    assert count(journal, "goals") == 0 and count(journal, "goal_measures") == 0


def test_due_before_start_is_refused(journal: Journal) -> None:
    with pytest.raises(BadInput, match="before the goal's start"):
        journal.goals.add(TITLE, **{**FULL, "due": "2026-11-19"})
    with pytest.raises(BadInput, match="before the goal's start"):
        journal.goals.add(TITLE, **{**FULL, "start": "2027-01-01", "due": "2026-12-31"})
    assert count(journal, "goals") == 0


def test_a_due_week_means_its_sunday_and_start_can_be_earlier(journal: Journal) -> None:
    added = journal.goals.add(TITLE, **{**FULL, "due": "2027-W13", "start": "2026-11-01"})
    assert (added.goal.due_date, added.goal.start_date) == ("2027-04-04", "2026-11-01")


@pytest.mark.parametrize(
    ("field", "value"), [("kind", "stretch"), ("level", "galaxy"), ("cadence", "daily")]
)
def test_unknown_choices_are_refused(journal: Journal, field: str, value: str) -> None:
    with pytest.raises(BadInput, match=value):
        journal.goals.add(TITLE, **{**FULL, field: value})


def test_measures_need_distinct_names(journal: Journal) -> None:
    with pytest.raises(BadInput, match="named twice"):
        journal.goals.add(TITLE, **FULL, leading=["Voluntary turnover"])
    with pytest.raises(BadInput, match="needs a name"):
        journal.goals.add(TITLE, **FULL, leading=["  "])
    assert count(journal, "goals") == 0


def test_check_ins_name_a_measure_the_goal_has(journal: Journal) -> None:
    bare = journal.goals.add("Be a better listener at work")
    with pytest.raises(BadInput, match="no measure"):
        journal.goals.checkin(bare.goal.id, "3")
    two = journal.goals.add("Give more useful feedback", leading=["feedback given", "asked for"])
    with pytest.raises(BadInput, match="more than one measure"):
        journal.goals.checkin(two.goal.id, "3")
    with pytest.raises(BadInput, match="no measure called 'praise'"):
        journal.goals.checkin(two.goal.id, "3", measure="praise")
    one = journal.goals.add("Hold weekly one-on-ones", leading=["one-on-ones held"])
    assert journal.goals.checkin(one.goal.id, "3").goal.checkins[0].value == 3
    assert count(journal, "goal_checkins") == 1


def test_unknown_ids_and_closed_goals(journal: Journal) -> None:
    with pytest.raises(NotFound, match="No goal"):
        journal.goals.get("beef")
    with pytest.raises(NotFound, match="No goal"):
        journal.goals.checkin("beef", "3")
    goal_id = _turnover(journal)
    journal.goals.close(goal_id, "dropped", "Team merged")
    with pytest.raises(Conflict, match="already dropped"):
        journal.goals.checkin(goal_id, "3")
    with pytest.raises(Conflict, match="already dropped"):
        journal.goals.close(goal_id, "done")
    assert count(journal, "goal_checkins") == 0
    assert [g.goal.id for g in journal.goals.summaries("dropped")] == [goal_id]
    assert journal.goals.summaries() == []


# -- cadence and the review step ------------------------------------------------------


def test_cadence_rules() -> None:
    due = goals.cadence_due
    assert due("weekly", "2026-W47", last_checkin_week="2026-W46", other_review_weeks=["2026-W46"])
    # 2026-W45's Thursday is 5 November; W44's is 29 October.
    monthly = {"last_checkin_week": "2026-W44", "other_review_weeks": ["2026-W44"]}
    assert due("monthly", "2026-W45", **monthly)  # the first review of November
    assert not due(
        "monthly", "2026-W46", last_checkin_week="2026-W45", other_review_weeks=["2026-W45"]
    )
    # Not the month's first review, but four weeks without a check-in.
    assert due("monthly", "2026-W48", last_checkin_week="2026-W44", other_review_weeks=["2026-W47"])
    assert not due(
        "monthly", "2026-W48", last_checkin_week="2026-W45", other_review_weeks=["2026-W47"]
    )
    assert due("monthly", "2026-W48", last_checkin_week=None, other_review_weeks=["2026-W47"])
    # Quarterly: Q4 starts with the week holding 1 October (2026-W40).
    assert due(
        "quarterly", "2026-W40", last_checkin_week="2026-W39", other_review_weeks=["2026-W39"]
    )
    assert not due(
        "quarterly", "2026-W47", last_checkin_week="2026-W40", other_review_weeks=["2026-W40"]
    )
    assert due(
        "quarterly", "2026-W53", last_checkin_week="2026-W40", other_review_weeks=["2026-W41"]
    )
    assert goals.period_of("monthly", "2026-W44") == "2026-10"
    assert goals.period_of("quarterly", "2026-W53") == "2026-Q4"


def test_review_asks_leading_measures_only_when_the_cadence_is_due(journal: Journal) -> None:
    weekly = journal.goals.add(TITLE, **FULL, leading=["one-on-ones held", "feedback given"])
    monthly = journal.goals.add(
        "Raise the team's engagement score", measure="engagement", cadence="monthly"
    )
    record(journal, "2026-W46", results=5, relationships=5)  # also November
    # W47 is not November's first review, but the monthly goal has no check-in yet.
    asked = [(q.goal.id, q.measure.name) for q in journal.goals.questions("2026-W47")]
    assert asked == [
        (weekly.goal.id, "one-on-ones held"),
        (weekly.goal.id, "feedback given"),
        (monthly.goal.id, "engagement"),  # no leading measure: its result is asked
    ]
    on(journal, "2026-11-13T09:00:00+00:00").goals.checkin(monthly.goal.id, "61")
    asked = [q.measure.name for q in journal.goals.questions("2026-W47")]
    assert asked == ["one-on-ones held", "feedback given"]
    # The next month's first review asks again.
    assert "engagement" in [q.measure.name for q in journal.goals.questions("2026-W49")]


def test_review_check_ins_are_kept_and_not_asked_twice(journal: Journal) -> None:
    added = journal.goals.add(TITLE, **FULL, leading=["one-on-ones held", "feedback given"])
    state = journal.reviews.open("2026-W47").state()
    first = journal.goals.questions("2026-W47")[0]
    saved = journal.goals.review_checkin(state.review, first, "4")
    assert (saved.week, saved.date, saved.review_id) == ("2026-W47", "2026-11-20", state.review.id)
    # A resumed review asks only what is left.
    assert [q.measure.name for q in journal.goals.questions("2026-W47")] == ["feedback given"]
    with pytest.raises(BadInput):
        journal.goals.review_checkin(state.review, first, "lots")
    assert count(journal, "goal_checkins") == 1
    assert journal.goals.get(added.goal.id).goal.checkins[0].value == 4


def test_a_backfilled_review_dates_check_ins_in_its_week(journal: Journal) -> None:
    journal.goals.add(TITLE, **{**FULL, "start": "2026-11-01"}, leading=["one-on-ones held"])
    state = journal.reviews.open("2026-W45").state()
    (question,) = journal.goals.questions("2026-W45")
    saved = journal.goals.review_checkin(state.review, question, 2)
    assert (saved.date, saved.week) == ("2026-11-08", "2026-W45")


def test_closed_and_future_goals_are_not_asked(journal: Journal) -> None:
    done = journal.goals.add(TITLE, **FULL, leading=["one-on-ones held"])
    journal.goals.close(done.goal.id, "done")
    journal.goals.add("Start the mentoring scheme", start="2026-12-01", leading=["mentors"])
    assert journal.goals.questions("2026-W47") == []


def test_goal_summaries_for_other_views(journal: Journal) -> None:
    goal_id = _turnover(journal)
    other = journal.goals.add("Coach instead of telling", kind="development")
    summaries = goals.summarise_all(journal.store.goals("open"), date(2026, 11, 29))
    assert [s.goal.id for s in summaries] == [goal_id, other.goal.id]
    assert summaries[0].expected == 0.3 and summaries[1].status is None


# -- storage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        ("UPDATE goals SET kind = 'stretch'", []),
        ("UPDATE goals SET level = 'galaxy'", []),
        ("UPDATE goals SET cadence = 'daily'", []),
        ("UPDATE goals SET status = 'paused'", []),
        ("UPDATE goals SET pair_id = id", []),
        ("UPDATE goals SET due_date = '2026-01-01'", []),
        ("UPDATE goal_measures SET kind = 'middle'", []),
        ("UPDATE goal_measures SET target = ?", [float("inf")]),
        ("UPDATE goal_checkins SET value = ?", [float("nan")]),
        ("UPDATE goal_checkins SET value = ?", ["abc"]),
        ("UPDATE goal_checkins SET value = ?", [1e13]),
    ],
)
def test_schema_refuses_what_the_core_refuses(
    journal: Journal, sql: str, params: list[Any]
) -> None:
    goal_id = _turnover(journal)
    journal.goals.checkin(goal_id, "15")
    with pytest.raises(sqlite3.IntegrityError):
        journal.store.conn.execute(sql, params)


def test_one_partner_each_in_the_schema(journal: Journal) -> None:
    a = journal.goals.add(TITLE, **FULL)
    b = journal.goals.add("Coach instead of telling", kind="development", pair=a.goal.id)
    c = journal.goals.add("Learn to give feedback", kind="development")
    with pytest.raises(sqlite3.IntegrityError):
        journal.store.conn.execute(
            "UPDATE goals SET pair_id = ? WHERE id = ?", [a.goal.id, c.goal.id]
        )
    assert b.goal.pair_id == a.goal.id


def test_a_version_1_journal_is_upgraded_with_a_backup(tmp_path: Path) -> None:
    from sqlite_utils import Database

    path = tmp_path / "journal.db"
    old = Store.open(path)
    old.close()
    # Rebuild the file as version 1 would have left it, with a review in it.
    path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m002_create_goals")
    conn.execute(
        "INSERT INTO reviews (id, week, started_at, updated_at) VALUES ('r1', '2026-W46', 't', 't')"
    )
    conn.commit()
    conn.close()
    assert rows(path, "PRAGMA user_version") == [(1,)]
    store = Store.open(path)
    journal = Journal(store, FixedClock(datetime.fromisoformat("2026-11-20T09:00:00+00:00")))
    journal.goals.add(TITLE, **FULL)
    store.close()
    assert rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(path, "SELECT week FROM reviews") == [("2026-W46",)]
    backup = tmp_path / f"journal.db.before-v{SCHEMA_VERSION}.db"
    assert rows(backup, "PRAGMA user_version") == [(1,)]
    assert rows(backup, "SELECT week FROM reviews") == [("2026-W46",)]
