"""Every ``--json`` output has the shape of its model, checked with pydantic.

The models are plain dataclasses on the way out (no validation when the
journal builds them from its own rows); here each command's JSON is read
back through a pydantic ``TypeAdapter`` of its model, unknown fields an
error, so the contract scripts rely on cannot drift from the types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
import typer.main
from pydantic import TypeAdapter
from typer.core import TyperGroup

from leadjournal.cli import app
from leadjournal.exercises import CompletedRun, ExerciseDetail, ExerciseListing
from leadjournal.insights import Imbalance, TrendsReport
from leadjournal.lookback import LastYear
from leadjournal.models import (
    CheckIn,
    Commitment,
    DoctorReport,
    Entry,
    EntryKind,
    ExerciseRun,
    FollowUp,
    GoalProgress,
    LogResult,
    MigrationStatus,
    Model,
    Person,
    PersonNote,
    PersonStanding,
    PersonTimeline,
    Review,
    Version,
)
from leadjournal.prompts import Prompt
from leadjournal.transfer import ImportReport

from .conftest import Cli


class SearchHitJson(Model):
    """``search --json``: what was found (an entry's kind, win, commitment, …), its
    week and a snippet; for an entry, the entry's own fields beside them."""

    found: str
    id: str
    week: str
    date: str
    snippet: str
    kind: EntryKind | None = None
    body: str | None = None
    title: str | None = None
    tags: list[str] = []
    starred: bool = False
    prompt_id: str | None = None
    review_id: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class PromptRefJson(Model):
    id: str
    text: str
    source: str


class ReflectionJson(Entry):
    prompt: PromptRefJson | None


class PageFollowUpJson(FollowUp):
    commitment: Commitment


class WeekPageJson(Model):
    """``show WEEK --json``: the week whole, in the export's field names."""

    week: str
    start: str
    end: str
    review: Review
    lean: int | None
    style: str | None
    toward: str | None
    imbalance: Imbalance
    follow_ups: list[PageFollowUpJson]
    reflections: list[ReflectionJson]
    commitment: Commitment | None
    checkins: list[CheckIn]
    exercise_runs: list[ExerciseRun]
    entries: list[Entry]
    last_year: LastYear | None  # one line from the same ISO week a year earlier


class HistoryJson(Model):
    """``show ID --history --json``: the item now, and its kept versions."""

    kind: str
    id: str
    week: str | None
    current: Entry | Commitment | Review | Person | None
    versions: list[Version]


class PromptJson(Prompt):
    """``prompt --json``: the prompt, and the entry when it was answered."""

    entry: Entry | None


class DbPathJson(Model):
    db: str
    home: str
    config: str
    exists: bool


class PackProblemJson(Model):
    file: str
    kind: str
    item: str | None
    field: str | None
    message: str
    text: str


# Each command with --json, and the type its output must validate as.
CONTRACTS: dict[str, Any] = {
    "review": Review,
    "write": Entry,
    "log": LogResult,
    "show": Entry | Commitment | WeekPageJson | HistoryJson,
    "restore": Version,
    "search": list[SearchHitJson],
    "prompt": PromptJson,
    "trends": TrendsReport,
    "import": ImportReport,
    "commitments": list[Commitment],
    "commitments list": list[Commitment],
    "commitments done": Commitment,
    "commitments drop": Commitment,
    "goal": list[GoalProgress],
    "goal add": GoalProgress,
    "goal list": list[GoalProgress],
    "goal show": GoalProgress,
    "goal checkin": GoalProgress,
    "goal done": GoalProgress,
    "goal drop": GoalProgress,
    "goal pair": GoalProgress,
    "people": list[PersonStanding],
    "people list": list[PersonStanding],
    "people add": Person,
    "people show": PersonTimeline,
    "people edit": Person,
    "people archive": Person,
    "people note": PersonNote,
    "prompts validate": list[PackProblemJson],
    "exercise list": list[ExerciseListing],
    "exercise show": ExerciseDetail,
    "exercise run": CompletedRun,
    "db path": DbPathJson,
    "db status": MigrationStatus,
    "db doctor": DoctorReport,
}


def _json_commands() -> set[str]:
    """Every command path with a --json option, through the groups' own lookups."""
    found: set[str] = set()

    def walk(command: Any, path: list[str]) -> None:
        if any("--json" in getattr(p, "opts", ()) for p in command.params) and path:
            found.add(" ".join(path))
        if isinstance(command, TyperGroup):
            ctx = typer.Context(command)
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def test_every_json_command_has_a_contract() -> None:
    commands = _json_commands()
    assert commands - set(CONTRACTS) == set(), (
        "add these to CONTRACTS in tests/test_json_contracts.py, with the model they print"
    )
    assert set(CONTRACTS) - commands == set(), "these no longer have --json"


class _Checker:
    def __init__(self, cli: Cli) -> None:
        self.cli = cli
        self.checked: set[str] = set()

    def __call__(self, path: str, *args: str, input: str | None = None) -> Any:
        run = self.cli(*path.split(), *args, "--json", input=input)
        assert run.exit_code == 0, (path, run.stderr)
        data = json.loads(run.stdout)
        adapter: TypeAdapter[Any] = TypeAdapter(CONTRACTS[path])
        adapter.validate_python(data)  # raises, naming the field, if the shape is off
        self.checked.add(path)
        return data


def test_each_json_output_validates_against_its_model(cli: Cli, tmp_path: Path) -> None:
    check = _Checker(cli)
    entry = check("write", "Told @maya her plan was the clearest yet", "--tag", "recognition")
    check("show", entry["id"][:8])
    check("log")
    check("search", "clearest")
    check(
        "review",
        *("--week", "2026-W46", "--results", "7", "--relationships", "4"),
        *("--reflection", "Rushed people", "--win", "Launch", "--commit", "Ask before advising"),
    )
    check(
        "review",
        *("--results", "6", "--relationships", "6", "--reflection", "Better"),
        *("--win", "Calm week", "--commit", "One-on-ones", "--commit", "Plan Q1"),
    )
    check("show", "2026-W46")
    check("show", "2026-W46", "--history")
    commitments = check("commitments")
    check("show", commitments[0]["id"][:8])
    cli.ok("edit", entry["id"][:8], env={"EDITOR": "sh -c 'echo Reworded > \"$1\"' edit"})
    check("show", entry["id"][:8], "--history")
    check("restore", entry["id"][:8])
    check("trends")
    check("trends", "--weeks", "4")
    check("prompt", "--seed", "1")
    check("prompt", "--seed", "1", "--answer", input="Honest answer\n\n")
    commitments = check("commitments")
    check("commitments list", "--status", "all")
    check("commitments done", commitments[0]["id"][:8], "--note", "did it")
    check("commitments drop", commitments[1]["id"][:8])
    perf = check("goal add", "Cut turnover", "--measure", "turnover", "--baseline", "18")
    perf_id = perf["goal"]["id"][:8]
    dev = check("goal add", "Coach more", "--kind", "development")
    check("goal pair", perf_id, dev["goal"]["id"][:8])
    check("goal")
    check("goal list", "--all")
    check("goal show", perf_id)
    check("goal checkin", perf_id, "--value", "16.5", "--note", "2 fewer")
    check("goal done", perf_id, "--note", "Down")
    check("goal drop", dev["goal"]["id"][:8])
    check("people add", "Maya Chen", "--as", "maya", "--note", "Tech lead")
    check("people add", "Tom Reyes", "--as", "tom")
    check("people note", "maya", "1:1: worried about the reorg")
    check("people edit", "maya", "--alias", "MC")
    check("people archive", "tom")
    check("people")
    check("people list", "--all")
    check("people show", "maya")
    listing = check("exercise list")
    check("exercise show", listing[0]["id"])
    check("prompts validate")
    check("db path")
    check("db status")
    check("db doctor")
    export = tmp_path / "export.json"
    cli.ok("export", "--format", "json", "--output", str(export))
    check("import", str(export), "--dry-run")
    assert set(CONTRACTS) - check.checked == {"exercise run"}


def test_exercise_run_json_validates_against_its_model(cli: Cli) -> None:
    check = _Checker(cli)
    # One answer is enough for a run; the other steps are skipped.
    check("exercise run", "results-relationships-four-steps", "--answer", "project=Planning")


def test_trends_json_with_patterns_validates_on_the_demo(cli: Cli) -> None:
    # The demo has 23 reviewed weeks in 26: enough for "what goes with a good week".
    cli.ok("demo", "--db", str(cli.db))
    data = _Checker(cli)("trends", "--weeks", "26")
    assert data["patterns"], "the demo's weeks should show at least one pattern"
    assert set(data["patterns"][0]) == {
        "feature", "axis", "with_average", "without_average", "weeks_with", "weeks"
    }  # fmt: skip
    assert set(data["patterns"][0]["feature"]) == {"kind", "name", "level"}
