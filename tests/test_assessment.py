"""What follows an exercise: the commitment it makes, the date it is due, the
assessment when it comes back, a second try, the goals it creates and the
exercise the review offers. On in-memory journals and through CliRunner."""

from __future__ import annotations

from datetime import datetime

import pytest

from leadjournal.assessment import Assessments
from leadjournal.clock import FixedClock
from leadjournal.errors import BadInput
from leadjournal.journal import Journal
from leadjournal.offers import ExerciseOffers

from .conftest import Cli
from .helpers import record, rows

FOUR_STEPS = "results-relationships-four-steps"


def at(journal: Journal, when: str) -> None:
    journal.clock = FixedClock(datetime.fromisoformat(when + "T09:00:00+00:00"))


def four_steps(journal: Journal, **answers: str) -> str:
    exercise = journal.exercises.find(FOUR_STEPS)
    done = journal.exercises.run_with_answers(exercise, answers)
    return done.run.id


# --- the commitment: the action, due on its date --------------------------------------


def test_next_sprint_never_becomes_the_commitment(journal: Journal) -> None:
    run_id = four_steps(
        journal,
        **{"change": "Book one-on-ones", "implement-and-assess": "next sprint"},
    )
    (commitment,) = journal.commitments()
    assert (commitment.id, commitment.text, commitment.due_week) == (
        run_id,
        "Book one-on-ones",
        "2026-W48",
    )


def test_a_date_in_the_criteria_sets_the_due_week(journal: Journal) -> None:
    four_steps(
        journal,
        **{"change": "Set firmer dates", "implement-and-assess": "in 3 weeks, at the retro"},
    )
    assert journal.commitments()[0].due_week == "2026-W50"


@pytest.mark.parametrize(
    ("exercise", "answers", "text", "due"),
    [
        (
            "goal-pair",
            {"person": "Maya", "check-in": "2026-12-16"},
            "First check-in on both goals with Maya",
            "2026-W51",
        ),
        (
            "success-metrics-chain",
            {"initiative": "the mentoring scheme", "review-date": "in 4 weeks"},
            "Look at the measures of the mentoring scheme together",
            "2026-W51",
        ),
        # Skipping the date still commits, due next week.
        ("goal-pair", {"person": "Maya"}, "First check-in on both goals with Maya", "2026-W48"),
        (
            "temporary-or-lasting",
            {"adjust": "Protect Friday afternoons", "end-date": "2027-01-15"},
            "Protect Friday afternoons",
            "2027-W02",
        ),
    ],
)
def test_date_steps_set_the_due_week_and_the_text_is_the_thing_to_do(
    journal: Journal, exercise: str, answers: dict[str, str], text: str, due: str
) -> None:
    journal.exercises.run_with_answers(journal.exercises.find(exercise), answers)
    (commitment,) = journal.commitments()
    assert (commitment.text, commitment.due_week) == (text, due)


def test_a_date_step_refuses_vague_and_past_dates(journal: Journal) -> None:
    pair = journal.exercises.find("goal-pair")
    with pytest.raises(BadInput, match="'next sprint' is not a date") as caught:
        journal.exercises.run_with_answers(pair, {"check-in": "next sprint"})
    assert "next friday" in (caught.value.hint or "")
    with pytest.raises(BadInput, match="has passed"):
        journal.exercises.run_with_answers(pair, {"check-in": "2026-11-01"})
    assert journal.commitments() == []


def test_a_commitment_due_later_waits_for_that_weeks_review(journal: Journal) -> None:
    pair = journal.exercises.find("goal-pair")
    journal.exercises.run_with_answers(pair, {"person": "Maya", "check-in": "2026-12-16"})
    at(journal, "2026-11-27")
    assert journal.reviews.open("2026-W48").state().follow_ups == []
    at(journal, "2026-12-16")
    (due,) = journal.reviews.open("2026-W51").state().follow_ups
    assert due.text == "First check-in on both goals with Maya"


# --- the assessment loop -----------------------------------------------------------------


def test_the_assessment_shows_what_was_decided_and_the_earlier_answers(journal: Journal) -> None:
    run_id = four_steps(
        journal,
        **{
            "team-supported": "no",
            "goals-met": "yes",
            "change": "Book one-on-ones",
            "implement-and-assess": "By Monday; judge by who speaks up",
        },
    )
    at(journal, "2026-12-04")  # two weeks later
    session = journal.reviews.open("2026-W49")
    (commitment,) = session.state().follow_ups
    book = Assessments(journal.store, journal.clock, journal.packs)
    due = book.for_commitment(commitment, "2026-W49")
    assert due is not None
    assert [(d.role, d.answer) for d in due.decided] == [
        ("action", "Book one-on-ones"),
        ("criteria", "By Monday; judge by who speaks up"),
    ]
    assert [(q.step.id, [(e.week, e.answer) for e in q.earlier]) for q in due.questions] == [
        ("team-supported", [("2026-W47", "no")]),
        ("goals-met", [("2026-W47", "yes")]),
    ]
    assert book.answer(due, due.questions[0], "y") == "yes"
    with pytest.raises(BadInput):
        book.answer(due, due.questions[1], "perhaps")
    book.answer(due, due.questions[1], "")
    session.follow_up(commitment.id, "partly", "Half of them")
    assert book.try_again(due, "in 2 weeks") == "2026-W51"

    stored = rows_of(journal, run_id)
    assert stored == [("2026-W49", "team-supported", "yes"), ("2026-W49", "goals-met", None)]
    again = journal.store.get_commitment(commitment.id)
    assert (again.status, again.due_week) == ("open", "2026-W51")
    assert [(f.week, f.outcome) for f in again.follow_ups] == [("2026-W49", "partly")]

    # The second try comes back when due, with both earlier answers beside it.
    at(journal, "2026-12-18")
    (back,) = journal.reviews.open("2026-W51").state().follow_ups
    due = book.for_commitment(back, "2026-W51")
    assert due is not None and due.attempt == 2
    assert [(e.week, e.answer) for e in due.questions[0].earlier] == [
        ("2026-W47", "no"),
        ("2026-W49", "yes"),
    ]


def rows_of(journal: Journal, run_id: str) -> list[tuple[str, str, str | None]]:
    return [(a.week, a.step_id, a.answer) for a in journal.store.assessments(run_id)]


def test_a_second_try_needs_a_real_future_date(journal: Journal) -> None:
    four_steps(journal, change="Book one-on-ones")
    at(journal, "2026-11-27")
    (commitment,) = journal.reviews.open("2026-W48").state().follow_ups
    book = Assessments(journal.store, journal.clock, journal.packs)
    due = book.for_commitment(commitment, "2026-W48")
    assert due is not None
    with pytest.raises(BadInput, match="not a date"):
        book.try_again(due, "next sprint")
    with pytest.raises(BadInput, match="has passed"):
        book.try_again(due, "2026-11-02")


def test_a_review_commitment_has_no_assessment(journal: Journal) -> None:
    record(journal, "2026-W47", results=5, relationships=5, commitment="Ask more")
    at(journal, "2026-11-27")
    (commitment,) = journal.reviews.open("2026-W48").state().follow_ups
    assert (
        Assessments(journal.store, journal.clock, journal.packs).for_commitment(
            commitment, "2026-W48"
        )
        is None
    )


# --- goal-creating exercises --------------------------------------------------------------

SMART = [
    "--answer", "statement=Cut voluntary turnover on the platform team to 12% by June",
    "--answer", "kind=performance",
    "--answer", "measurable=voluntary turnover",
    "--answer", "achievable=7",
    "--answer", "relevant=Retention OKR",
    "--answer", "time-bound=2027-06-30",
]  # fmt: skip


def test_smart_goal_with_yes_creates_the_goal_goal_add_would(cli: Cli) -> None:
    done = cli.ok("exercise", "run", "smart-goal", *SMART, "--yes", "--json").json()
    (made,) = done["goals"]
    goal = made["goal"]
    assert (goal["title"], goal["kind"], goal["due_date"], goal["relevant"]) == (
        "Cut voluntary turnover on the platform team to 12% by June",
        "performance",
        "2027-06-30",
        "Retention OKR",
    )
    assert goal["achievable"] and "7" in goal["achievable"]
    # The SMART check is applied as for `goal add`: the measure has no numbers yet.
    assert "no_baseline" in made["smart"] and "no_due_date" not in made["smart"]
    (listed,) = cli.ok("goal", "list", "--json").json()
    assert listed["goal"]["id"] == goal["id"]


def test_smart_goal_without_yes_saves_the_answers_and_says_how(cli: Cli) -> None:
    run = cli.ok("exercise", "run", "smart-goal", *SMART)
    assert "no goal was created" in run.stderr and "--yes" in run.stderr
    assert "leadjournal goal add 'Cut voluntary turnover" in run.stderr
    assert cli.ok("goal", "list", "--json").json() == []
    assert rows(cli.db, "SELECT status FROM exercise_runs") == [("complete",)]
    assert rows(cli.db, "SELECT count(*) FROM commitments") == [(0,)]


def test_goal_pair_creates_and_pairs_both_goals(cli: Cli) -> None:
    done = cli.ok(
        "exercise", "run", "goal-pair",
        "--answer", "person=Maya",
        "--answer", "performance-goal=Cut customer wait time by a sixth by 2027-03-31",
        "--answer", "development-goal=Learn to handle conflicts through live cases",
        "--answer", "check-in=2026-12-16",
        "--yes", "--json",
    ).json()  # fmt: skip
    perf, dev = (g["goal"] for g in done["goals"])
    assert (perf["kind"], dev["kind"]) == ("performance", "development")
    assert perf["pair_id"] == dev["id"] and dev["pair_id"] == perf["id"]
    assert perf["due_date"] == "2027-03-31"
    assert done["commitment"]["due_week"] == "2026-W51"


def test_goal_pair_pairs_with_a_goal_the_leader_has(cli: Cli) -> None:
    mine = cli.ok("goal", "add", "Ship the new billing flow", "--json").json()["goal"]
    done = cli.ok(
        "exercise", "run", "goal-pair",
        "--answer", "performance-goal=ship the new  billing flow",
        "--answer", "development-goal=Practise estimating with the team",
        "--yes", "--json",
    ).json()  # fmt: skip
    (dev,) = (g["goal"] for g in done["goals"])
    assert dev["pair_id"] == mine["id"]
    assert len(cli.ok("goal", "list", "--json").json()) == 2


# --- what the journal knows ------------------------------------------------------------------


def test_the_lean_step_is_prefilled_from_recent_weeks(journal: Journal) -> None:
    for week in ("2026-W44", "2026-W45", "2026-W46", "2026-W47"):
        record(journal, week, results=8, relationships=3)
    step = next(s for s in journal.exercises.find(FOUR_STEPS).steps if s.id == "leaned")
    known = journal.exercises.known(step)
    assert known is not None and known.value == "toward results"
    assert "lasting" in known.note


def test_a_goal_step_lists_open_goals_to_pick(journal: Journal) -> None:
    journal.goals.add("Ship the billing flow", kind="performance")
    step = next(s for s in journal.exercises.find("goal-pair").steps if s.id == "performance-goal")
    known = journal.exercises.known(step)
    assert known is not None and known.options == ("Ship the billing flow",)
    assert journal.exercises.pick_known(known, "1") == "Ship the billing flow"
    assert journal.exercises.pick_known(known, "A new one") == "A new one"


# --- the exercise the review offers ------------------------------------------------------------


def test_a_lasting_lean_offers_temporary_or_lasting_once(journal: Journal) -> None:
    offers = ExerciseOffers(journal.store, journal.clock, journal.packs)
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        record(journal, week, results=8, relationships=5)
    found = offers.offer("2026-W47")
    assert found is not None and found[1].id == "temporary-or-lasting"
    offers.respond("2026-W47", "declined")
    assert offers.offer("2026-W47") is None  # one a week
    record(journal, "2026-W48", results=8, relationships=5)
    assert offers.offer("2026-W48") is None  # not again within 6 weeks
    assert rows_offers(journal) == [("2026-W47", "temporary-or-lasting", "declined")]


def rows_offers(journal: Journal) -> list[tuple[str, str, str]]:
    return [(o.week, o.exercise_id, o.response) for o in journal.store.offers()]


def test_a_change_under_way_said_in_the_review_wins_over_the_config(journal: Journal) -> None:
    offers = ExerciseOffers(journal.store, journal.clock, journal.packs, change_by_config=True)
    assert offers.change_under_way()
    offers.set_change_under_way(False)
    assert not offers.change_under_way()
    offers.set_change_under_way(True)
    found = offers.offer("2026-W47")
    assert found is not None and found[1].id == "navigating-change"


def test_review_change_flag_from_the_command_line(cli: Cli) -> None:
    run = cli.ok("review", "--change-under-way")
    assert "change is under way" in run.stdout
    assert rows(cli.db, "SELECT name, value FROM journal_flags") == [("change_under_way", "on")]
    cli.ok("review", "--no-change-under-way")
    assert rows(cli.db, "SELECT value FROM journal_flags") == [("off",)]


def test_the_demo_brings_back_a_four_step_assessment_the_week_after_now() -> None:
    from leadjournal.demo import build_demo
    from leadjournal.store import Store

    store = Store.memory()
    clock = FixedClock(datetime.fromisoformat("2026-11-20T09:00:00+00:00"))
    build_demo(store, clock)
    journal = Journal(store, FixedClock(datetime.fromisoformat("2026-11-27T09:00:00+00:00")))
    pending = journal.reviews.open("2026-W48").state().follow_ups
    (exercise,) = [c for c in pending if c.source == "exercise"]
    due = Assessments(journal.store, journal.clock, journal.packs).for_commitment(
        exercise, "2026-W48"
    )
    assert due is not None and due.run.week == "2026-W46"  # two weeks before
    assert [q.earlier[0].answer for q in due.questions] == ["no", "yes"]
    assert due.decided[0].answer.startswith("Hold a weekly 30-minute open-agenda meeting")


def test_assessments_travel_with_their_run_through_export_and_import(
    cli: Cli, tmp_path: object
) -> None:
    from pathlib import Path

    cli.ok(
        "exercise", "run", FOUR_STEPS,
        "--answer", "team-supported=no", "--answer", "change=Book one-on-ones",
    )  # fmt: skip
    from leadjournal.journal import Journal as J
    from leadjournal.store import Store

    store = Store.open(cli.db)
    journal = J(store, FixedClock(datetime.fromisoformat("2026-11-27T09:00:00+00:00")))
    session = journal.reviews.open("2026-W48")
    (commitment,) = session.state().follow_ups
    book = Assessments(journal.store, journal.clock, journal.packs)
    due = book.for_commitment(commitment, "2026-W48")
    assert due is not None
    book.answer(due, due.questions[0], "yes")
    store.close()
    exported = Path(str(tmp_path)) / "out.json"
    cli.ok("export", "--format", "json", "--output", str(exported))
    text = exported.read_text()
    assert '"assessments"' in text and '"team-supported"' in text
    other = Path(str(tmp_path)) / "other.db"
    cli.ok("--db", str(other), "import", str(exported))
    assert rows(other, "SELECT week, step_id, answer FROM exercise_assessments") == [
        ("2026-W48", "team-supported", "yes")
    ]
    again = cli.ok("--db", str(other), "import", str(exported))
    assert rows(other, "SELECT count(*) FROM exercise_assessments") == [(1,)]
    assert again.exit_code == 0


def test_hostile_answers_are_shown_as_text_in_the_assessment(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadjournal.cli.context import Settings

    hostile = "[bold]Mine[/bold] \x1b]0;X\x07 [link=http://x]y[/link]"
    cli.ok(
        "exercise", "run", FOUR_STEPS,
        "--answer", f"change={hostile}", "--answer", f"implement-and-assess={hostile}",
        "--answer", "team-supported=no",
    )  # fmt: skip
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    run = cli(
        "review", "--week", "2026-W48",
        input="y\n\nn\n[i]\nin 2 weeks\n",
        env={"LEADJOURNAL_NOW": "2026-11-27T09:00:00+00:00"},
    )  # fmt: skip
    assert "The change: [bold]Mine[/bold]" in run.stdout
    assert "[link=http://x]y[/link]" in run.stdout
    assert "\x1b]0;" not in run.stdout and "\x07" not in run.stdout
    assert "no → yes" in run.stdout
    assert rows(cli.db, "SELECT status, due_week, outcome_note FROM commitments") == [
        ("open", "2026-W50", "[i]")
    ]


def test_a_low_self_compassion_rating_offers_the_reflection(journal: Journal) -> None:
    record(journal, "2026-W46", results=6, relationships=6)
    session = journal.reviews.open("2026-W47")
    session.rate("results", 6)
    session.rate("relationships", 6)
    session.rate("self-compassion", 2)
    offers = ExerciseOffers(journal.store, journal.clock, journal.packs)
    signals = offers.signals("2026-W47")
    assert signals.low_self_compassion and not signals.setback and not signals.lasting_lean
    found = offers.offer("2026-W47")
    assert found is not None and found[1].id == "self-compassion-reflection"


def test_a_dropped_commitment_is_a_setback(journal: Journal) -> None:
    record(journal, "2026-W46", results=6, relationships=6, commitment="Ask more")
    session = journal.reviews.open("2026-W47")
    (pending,) = session.state().follow_ups
    session.follow_up(pending.id, "dropped")
    session.rate("results", 6)
    session.rate("relationships", 6)
    assert ExerciseOffers(journal.store, journal.clock, journal.packs).signals("2026-W47").setback


def test_amending_the_follow_up_keeps_an_assessment_on_enter(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadjournal.cli.context import Settings

    cli.ok("exercise", "run", FOUR_STEPS, "--answer", "change=Ask first")
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    env = {"LEADJOURNAL_NOW": "2026-11-27T09:00:00+00:00"}
    # The walk-through: the assessment and the outcome, then stopped at the ratings.
    first = cli("review", "--week", "2026-W48", input="y\nn\nd\n\n", env=env)
    assert first.exit_code == 130  # stopped at the ratings with no more input
    assert rows(cli.db, "SELECT step_id, answer FROM exercise_assessments ORDER BY position") == [
        ("team-supported", "yes"),
        ("goals-met", "no"),
    ]
    cli.ok("review", "--week", "2026-W48", "--results", "5", "--relationships", "5", env=env)
    # Amend the follow-up: Enter keeps both answers, and shows them as "now".
    again = cli("review", "--week", "2026-W48", input="a\n1\n\n\nd\n\n", env=env)
    assert "now: yes" in again.stdout and "now: no" in again.stdout
    assert rows(cli.db, "SELECT step_id, answer FROM exercise_assessments ORDER BY position") == [
        ("team-supported", "yes"),
        ("goals-met", "no"),
    ]
