"""Exercise runs on an in-memory journal: answers by type, resume, the entry and
the follow-up commitment that a finished run leaves behind."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from leadjournal.clock import FixedClock
from leadjournal.errors import BadInput
from leadjournal.exercises import Exercises, parse_answer, transcript
from leadjournal.journal import Journal
from leadjournal.prompts import LOW_RATING, Exercise, ExerciseStep, Library, load_library

TODAY = date(2026, 11, 20)
FOUR_STEPS = "results-relationships-four-steps"


def step(kind: str, **extra: object) -> ExerciseStep:
    return ExerciseStep.model_validate({"id": "s", "question": "Q?", "type": kind, **extra})


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def exercises(journal: Journal, library: Library) -> Exercises:
    journal._library = library
    return journal.exercises


# --- answers by type ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "raw", "stored"),
    [
        ("text", "  Held the retro  ", "Held the retro"),
        ("rating", "7", "7"),
        ("rating", " 1 ", "1"),
        ("rating", "09", "9"),
        ("yes_no", "Y", "yes"),
        ("yes_no", "no", "no"),
        ("person", "@maya", "maya"),
        ("person", "  Anne-Marie   O'Brien ", "Anne-Marie O'Brien"),
        ("date", "today", "2026-11-20"),
        ("date", "yesterday", "2026-11-19"),
        ("date", "2026-12-01", "2026-12-01"),
    ],
)
def test_answers_are_stored_in_one_form(kind: str, raw: str, stored: str) -> None:
    assert parse_answer(step(kind), raw, TODAY) == stored


@pytest.mark.parametrize(
    ("kind", "raw", "says"),
    [
        ("rating", "0", "1 to 9"),
        ("rating", "10", "1 to 9"),
        ("rating", "abc", "1 to 9"),
        ("rating", "4.5", "1 to 9"),
        ("rating", "٣", "1 to 9"),  # a digit, but not one people mean here
        ("yes_no", "maybe", "yes or no"),
        ("person", "42", "name"),
        ("person", "maya@example.com", "name"),
        ("person", "x" * 81, "name"),
        ("date", "next sprint", "not a date"),
        ("date", "after the launch", "not a date"),
        ("text", "   ", "empty"),
    ],
)
def test_bad_answers_say_what_to_type(kind: str, raw: str, says: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_answer(step(kind), raw, TODAY)
    assert says in caught.value.message and caught.value.hint


def test_a_choice_by_number_by_text_or_by_a_unique_beginning() -> None:
    choice = step("choice", choices=["toward results", "toward relationships", "balanced"])
    assert parse_answer(choice, "2", TODAY) == "toward relationships"
    assert parse_answer(choice, "TOWARD  RESULTS", TODAY) == "toward results"
    assert parse_answer(choice, "bal", TODAY) == "balanced"
    for bad in ("0", "4", "toward", "sideways"):
        with pytest.raises(BadInput) as caught:
            parse_answer(choice, bad, TODAY)
        assert "1 to 3" in (caught.value.hint or "")


def test_brackets_and_markup_in_answers_are_kept_as_typed() -> None:
    assert parse_answer(step("text"), "[bold]not markup[/bold]", TODAY) == (
        "[bold]not markup[/bold]"
    )


# --- a run, step by step ---------------------------------------------------------


def test_each_answer_is_saved_at_once_and_a_run_resumes(
    journal: Journal, exercises: Exercises
) -> None:
    exercise = exercises.find(FOUR_STEPS)
    run = exercises.start(exercise)
    exercises.answer(exercise, run, "project", "The billing migration")
    exercises.answer(exercise, run, "leaned", "1")
    # Nothing else happens: the answers are already committed to the store.
    unfinished = exercises.in_progress(exercise)
    assert unfinished is not None and unfinished.id == run.id
    assert [(a.step_id, a.answer) for a in unfinished.answers] == [
        ("project", "The billing migration"),
        ("leaned", "toward results"),
    ]
    number, next_step = exercises.pending(exercise, unfinished)[0]
    assert (number, next_step.id) == (3, "team-supported")
    listing = {item.id: item for item in exercises.catalogue()}
    progress = listing[FOUR_STEPS].in_progress
    assert progress is not None and (progress.answered, progress.steps) == (2, 7)


def test_a_skipped_step_counts_as_passed_not_answered(exercises: Exercises) -> None:
    exercise = exercises.find(FOUR_STEPS)
    run = exercises.start(exercise)
    skipped = exercises.answer(exercise, run, "project", "   ")
    assert skipped.value is None
    unfinished = exercises.in_progress(exercise)
    assert unfinished is not None
    assert [(a.step_id, a.answer) for a in unfinished.answers] == [("project", None)]
    assert exercises.pending(exercise, unfinished)[0][1].id == "leaned"


def test_a_bad_answer_saves_nothing(exercises: Exercises) -> None:
    exercise = exercises.find(FOUR_STEPS)
    run = exercises.start(exercise)
    with pytest.raises(BadInput):
        exercises.answer(exercise, run, "leaned", "3")
    unfinished = exercises.in_progress(exercise)
    assert unfinished is not None and unfinished.answers == []


def test_an_unknown_step_is_bad_input(exercises: Exercises) -> None:
    exercise = exercises.find(FOUR_STEPS)
    run = exercises.start(exercise)
    with pytest.raises(BadInput, match="no step 'nope'"):
        exercises.answer(exercise, run, "nope", "x")


def test_a_low_rating_brings_the_tip_and_a_high_one_does_not(
    exercises: Exercises, library: Library
) -> None:
    exercise = exercises.find("results-relationships-reflection")
    rated = exercise.steps[0]
    assert rated.type == "rating" and rated.tip
    run = exercises.start(exercise)
    assert exercises.answer(exercise, run, rated.id, str(LOW_RATING)).tip == rated.tip
    assert exercises.answer(exercise, run, rated.id, str(LOW_RATING + 1)).tip is None
    assert exercises.answer(exercise, run, rated.id, "").tip is None


def test_discarding_an_unfinished_run(exercises: Exercises) -> None:
    exercise = exercises.find(FOUR_STEPS)
    run = exercises.start(exercise)
    exercises.answer(exercise, run, "project", "Old")
    exercises.discard(run)
    assert exercises.in_progress(exercise) is None


# --- a finished run ----------------------------------------------------------------


def test_a_finished_run_becomes_an_entry_and_a_commitment(
    journal: Journal, exercises: Exercises
) -> None:
    exercise = exercises.find(FOUR_STEPS)
    run = exercises.start(exercise)
    for step_id, raw in [
        ("project", "Billing [v2] migration with @priya"),
        ("leaned", "toward results"),
        ("team-supported", "n"),
        ("goals-met", "y"),
        ("impact", ""),
        ("change", "Book one-on-ones"),
        ("implement-and-assess", "Next Monday; ask each person in two weeks"),
    ]:
        exercises.answer(exercise, run, step_id, raw)
    done = exercises.complete(exercise, run)

    assert done.run.status == "complete" and exercises.in_progress(exercise) is None
    entry = journal.show(run.id[:8])
    assert entry == done.entry
    assert (entry.kind, entry.title, entry.prompt_id) == ("exercise", exercise.title, FOUR_STEPS)
    assert entry.tags == ["priya"]
    assert "Q: Which way did you lean on it?\nA: toward results" in entry.body
    assert "A: Billing [v2] migration with @priya" in entry.body
    assert "Q: What did your approach do to the people and to the outcome?\nA: (skipped)" in (
        entry.body
    )
    assert [hit.entry.id for hit in journal.search("one-on-ones") if hit.entry] == [run.id]

    commitment = done.commitment
    assert commitment is not None
    # The commitment is the change decided in step 6, not the "when and how" answer.
    assert (commitment.text, commitment.source, commitment.status) == (
        "Book one-on-ones",
        "exercise",
        "open",
    )
    assert (commitment.week, commitment.due_week) == ("2026-W47", "2026-W48")
    assert journal.commitments() == [commitment]
    detail = exercises.detail(FOUR_STEPS)
    assert [r.id for r in detail.runs] == [run.id] and detail.in_progress is None


def test_no_change_decided_makes_no_commitment(journal: Journal, exercises: Exercises) -> None:
    exercise = exercises.find(FOUR_STEPS)
    done = exercises.run_with_answers(
        exercise, {"project": "Quiet week", "implement-and-assess": "next sprint"}
    )
    assert done.commitment is None and journal.commitments() == []


def test_skipping_the_when_step_still_commits_the_change_for_next_week(
    journal: Journal, exercises: Exercises
) -> None:
    exercise = exercises.find(FOUR_STEPS)
    done = exercises.run_with_answers(exercise, {"change": "Set firmer dates"})
    assert done.commitment is not None
    assert (done.commitment.text, done.commitment.due_week) == ("Set firmer dates", "2026-W48")


def test_the_commitment_comes_back_in_next_weeks_review(
    journal: Journal, exercises: Exercises
) -> None:
    exercise = exercises.find(FOUR_STEPS)
    exercises.run_with_answers(exercise, {"change": "Weekly 1:1s"})
    # This week's review does not ask about a commitment made this week...
    assert journal.reviews.open("2026-W47").state().follow_ups == []
    # ...next week's does, like any other open commitment.
    journal.clock = FixedClock(datetime.fromisoformat("2026-11-27T09:00:00+00:00"))
    session = journal.reviews.open("2026-W48")
    state = session.state()
    assert [(c.text, c.source) for c in state.follow_ups] == [("Weekly 1:1s", "exercise")]
    session.follow_up(state.follow_ups[0].id, "done", "Held all three")
    assert journal.commitments("done")[0].outcome_note == "Held all three"


def test_scripted_answers_are_all_checked_before_anything_is_written(
    journal: Journal, exercises: Exercises
) -> None:
    exercise = exercises.find(FOUR_STEPS)
    with pytest.raises(BadInput, match="Step 'team-supported'"):
        exercises.run_with_answers(
            exercise, {"project": "Fine", "team-supported": "perhaps", "goals-met": "y"}
        )
    with pytest.raises(BadInput, match="no step 'typo'") as caught:
        exercises.run_with_answers(exercise, {"typo": "x"})
    assert "implement-and-assess" in (caught.value.hint or "")
    assert exercises.in_progress(exercise) is None and exercises.detail(FOUR_STEPS).runs == []
    assert journal.log().entries == []


def test_transcript_indents_later_lines_of_an_answer() -> None:
    exercise = Exercise.model_validate(
        {
            "id": "x",
            "title": "X",
            "summary": "S",
            "source": "Test",
            "step": [{"id": "a", "question": "First?"}, {"id": "b", "question": "Second?"}],
        }
    )
    from leadjournal.models import ExerciseAnswer

    text = transcript(
        exercise,
        [ExerciseAnswer(step_id="a", position=1, answer="one\ntwo", answered_at="t")],
    )
    assert text == "Q: First?\nA: one\n   two\n\nQ: Second?\nA: (skipped)"
