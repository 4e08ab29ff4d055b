"""``leadjournal exercise`` through CliRunner: every shipped exercise to the end,
the JSON contracts, bad answers, and where a finished run shows up."""

from __future__ import annotations

import pytest

from leadjournal.cli.context import Settings
from leadjournal.prompts import Exercise, ExerciseStep, load_library

from .conftest import Cli
from .helpers import rows

LIBRARY = load_library()
FOUR_STEPS = "results-relationships-four-steps"


def valid_answer(step: ExerciseStep) -> str:
    return {
        "text": f"My answer to {step.id} [with brackets]",
        "rating": "3",
        "yes_no": "yes",
        "choice": (step.choices or ("",))[-1],
        "person": "Maya Lee",
        "date": "tomorrow",
    }[step.type]


def stored(step: ExerciseStep) -> str:
    return {"rating": "3", "date": "2026-11-21"}.get(step.type, valid_answer(step))


def expected_commitment(exercise: Exercise) -> str | None:
    """The thing to do, by the pack's own marks: the action step, else the
    exercise's commitment wording, else a text follow-up step; never a date."""
    action = next((s for s in exercise.steps if s.role == "action"), None)
    if action is not None:
        return stored(action)
    if exercise.commitment is not None:
        text = exercise.commitment
        for s in exercise.steps:
            text = text.replace("{" + s.id + "}", stored(s))
        return text
    follow_up = exercise.follow_up_step
    if follow_up is None or follow_up.type == "date":
        return None
    return stored(follow_up)


@pytest.mark.parametrize("exercise", LIBRARY.exercises.values(), ids=lambda e: e.id)
def test_every_exercise_runs_to_the_end(cli: Cli, exercise: Exercise) -> None:
    flags = [arg for s in exercise.steps for arg in ("--answer", f"{s.id}={valid_answer(s)}")]
    done = cli.ok("exercise", "run", exercise.id, *flags, "--json").json()

    assert done["run"]["status"] == "complete"
    assert [(a["step_id"], a["answer"]) for a in done["run"]["answers"]] == [
        (s.id, stored(s)) for s in exercise.steps
    ]
    entry = done["entry"]
    assert (entry["kind"], entry["title"], entry["prompt_id"]) == (
        "exercise",
        exercise.title,
        exercise.id,
    )
    for s in exercise.steps:
        assert f"Q: {s.question}\nA: {stored(s)}" in entry["body"]
    promised = expected_commitment(exercise)
    if promised is not None:
        assert done["commitment"]["text"] == promised
        assert not done["commitment"]["text"].startswith("2026-")
        assert done["commitment"]["due_week"] == "2026-W48"
    else:
        assert done["commitment"] is None
    assert rows(cli.db, "SELECT status FROM exercise_runs") == [("complete",)]
    assert rows(cli.db, "SELECT count(*) FROM exercise_answers") == [(len(exercise.steps),)]


def test_list_and_show_as_json(cli: Cli) -> None:
    listing = cli.ok("exercise", "list", "--json").json()
    assert len(listing) == len(LIBRARY.exercises) >= 13
    four = next(item for item in listing if item["id"] == FOUR_STEPS)
    assert four["steps"] == 7 and four["in_progress"] is None
    assert four["source"] == "Balancing Results and Relationships"

    shown = cli.ok("exercise", "show", "results-relationships-four", "--json").json()
    assert shown["exercise"]["id"] == FOUR_STEPS
    steps = shown["exercise"]["steps"]
    assert [s["id"] for s in steps][-1] == "implement-and-assess" and steps[-1]["follow_up"]
    assert steps[2]["help"].startswith("Think of how people")
    assert shown["runs"] == []


def test_show_prints_steps_with_help_and_past_runs(cli: Cli) -> None:
    text = cli.ok("exercise", "show", FOUR_STEPS).stdout
    assert "Which way did you lean on it?" in text and "1. toward results" in text
    assert "Think of how people actually behaved" in text
    assert "--answer leaned=" in text and "Not completed yet." in text

    cli.ok("exercise", "run", FOUR_STEPS, "--answer", "project=The [red]billing[/red] move")
    summary = cli.ok("exercise", "show", FOUR_STEPS).stdout
    assert "Completed 1 time;" in summary and "billing" not in summary
    with_runs = cli.ok("exercise", "show", FOUR_STEPS, "--runs").stdout
    assert "Run of 2026-11-20 (2026-W47)" in with_runs
    assert "A: The [red]billing[/red] move" in with_runs  # brackets are not markup


def test_a_finished_run_shows_in_log_show_and_search(cli: Cli) -> None:
    done = cli.ok(
        "exercise", "run", FOUR_STEPS, "--answer", "project=Quarterly planning", "--json"
    ).json()
    entry_id = done["entry"]["id"]
    assert [e["id"] for e in cli.ok("log", "--json").json()["entries"]] == [entry_id]
    shown = cli.ok("show", entry_id[:8]).stdout
    assert "Rebalancing results and relationships" in shown and "Quarterly planning" in shown
    hits = cli.ok("search", "quarterly", "--json").json()
    assert [hit["id"] for hit in hits] == [entry_id] and hits[0]["kind"] == "exercise"


def test_the_decided_change_becomes_a_commitment_for_next_week(cli: Cli) -> None:
    run = cli.ok(
        "exercise",
        "run",
        FOUR_STEPS,
        *("--answer", "change=Weekly 1:1s", "--answer", "implement-and-assess=next sprint"),
    )
    assert "Weekly 1:1s" in run.stdout and "2026-W48" in run.stdout
    (commitment,) = cli.ok("commitments", "--json").json()
    assert (commitment["text"], commitment["source"], commitment["due_week"]) == (
        "Weekly 1:1s",
        "exercise",
        "2026-W48",
    )


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ("leaned=3", "Step 'leaned': '3' is not one of the choices"),
        ("team-supported=perhaps", "Step 'team-supported': Answer yes or no"),
        ("nope=1", "has no step 'nope'"),
        ("project", "is not STEP=VALUE"),
        ("=x", "is not STEP=VALUE"),
    ],
)
def test_a_bad_scripted_answer_exits_2_and_writes_nothing(cli: Cli, answer: str, says: str) -> None:
    run = cli("exercise", "run", FOUR_STEPS, "--answer", "project=Fine", "--answer", answer)
    assert run.exit_code == 2, run.stderr
    assert says in run.stderr and "hint:" in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""
    assert rows(cli.db, "SELECT count(*) FROM exercise_runs") == [(0,)]
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_a_rating_out_of_range_is_refused(cli: Cli) -> None:
    for value in ("0", "10", "abc"):
        run = cli(
            "exercise",
            "run",
            "results-relationships-reflection",
            "--answer",
            f"valued-and-accountable={value}",
        )
        assert run.exit_code == 2 and "1 to 9" in run.stderr


def test_the_same_step_twice_is_refused(cli: Cli) -> None:
    run = cli("exercise", "run", FOUR_STEPS, "--answer", "project=a", "--answer", "project=b")
    assert run.exit_code == 2 and "answered twice" in run.stderr


def test_unknown_and_ambiguous_names(cli: Cli) -> None:
    unknown = cli("exercise", "show", "no-such-thing")
    assert unknown.exit_code == 1 and "exercise list" in unknown.stderr
    ambiguous = cli("exercise", "run", "results-relationships")
    assert ambiguous.exit_code == 1 and "several exercises" in ambiguous.stderr


def test_running_without_a_terminal_or_answers_says_how(cli: Cli) -> None:
    run = cli("exercise", "run", FOUR_STEPS)
    assert run.exit_code == 2 and "terminal" in run.stderr and "--answer" in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM exercise_runs") == [(0,)]


def test_typed_run_with_a_low_rating_tip(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    exercise = LIBRARY.find_exercise("results-relationships-reflection")
    tip = exercise.steps[0].tip
    assert tip
    typed = "\n".join(
        [
            "12",  # not a rating: asked again
            "2",  # low: the tip follows
            "Pushed the release over a holiday",
            "",
            "",  # skip
            "",  # skip
            "Ask before I push",
            "",
        ]
    )
    run = cli.ok("exercise", "run", exercise.id, input=typed + "\n")
    assert "A rating is a whole number from 1 to 9, not '12'" in run.stdout
    assert f"Tip: {tip}" in " ".join(run.stdout.split())  # unwrapped
    answers = rows(cli.db, "SELECT step_id, answer FROM exercise_answers ORDER BY position")
    assert answers == [
        ("valued-and-accountable", "2"),
        ("times-you-chose", "Pushed the release over a holiday"),
        ("how-you-ensure", None),
        ("adaptation", None),
        ("change", "Ask before I push"),
    ]
    assert rows(cli.db, "SELECT text, source FROM commitments") == [
        ("Ask before I push", "exercise")
    ]


def test_list_shows_an_unfinished_run(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    # Input runs out after the first step: the run pauses with exit 130.
    paused = cli("exercise", "run", FOUR_STEPS, input="The billing migration\n\n")
    assert paused.exit_code == 130 and "answer you gave is kept" in paused.stderr
    listing = {item["id"]: item for item in cli.ok("exercise", "list", "--json").json()}
    progress = listing[FOUR_STEPS]["in_progress"]
    assert (progress["answered"], progress["steps"]) == (1, 7)
    assert "in progress" in cli.ok("exercise", "list").stdout
