"""Prompt packs: load and validate them (choosing among them is ``selection``).

Prompts and exercises are data (``prompts/*.toml``), so a coach can write a pack
without touching code. Loading is forgiving: a broken file or item becomes a
``PackProblem`` and everything else still loads, because one typo in a user's
pack must not take the weekly review down with it.

Nothing here prints or reads the environment.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import ErrorDetails

from leadjournal import messages
from leadjournal.errors import Ambiguous, NotFound
from leadjournal.inputfiles import NotReadable, read_regular
from leadjournal.packnames import builtin_prompts_dir as builtin_prompts_dir
from leadjournal.safetext import has_control

THEMES: tuple[str, ...] = (
    "results",
    "relationships",
    "accountability",
    "recognition",
    "psychological safety",
    "vision and role",
    "self-compassion",
    "change",
    "goals and metrics",
    "team",
)
FITS: tuple[str, ...] = (
    "any",
    "lean-results",
    "lean-relationships",
    "lasting-imbalance",
    "setback",
)
CADENCES: tuple[str, ...] = ("weekly", "monthly", "quarterly")
STEP_TYPES: tuple[str, ...] = ("text", "rating", "yes_no", "choice", "person", "date")
# What a step's answer is for, beyond the transcript (see ``ExerciseStep``).
STEP_ROLES: tuple[str, ...] = ("action", "due", "criteria")
# What the journal may already know for a step: shown, to confirm or correct.
PREFILLS: tuple[str, ...] = ("lean", "goals", "commitments")
# What an exercise makes when it is done, besides its entry.
CREATES: tuple[str, ...] = ("goal", "goal-pair")
# The goal fields a step of a goal-creating exercise can fill.
GOAL_FIELDS: tuple[str, ...] = (
    "title",
    "kind",
    "measure",
    "achievable",
    "relevant",
    "due",
    "performance",
    "development",
)
_PLACEHOLDER_RE = re.compile(r"\{([a-z0-9-]+)\}")

# The articles the built-in packs are written from. User packs may name any
# source; the built-in ones must name one of these (a test holds them to it).
SOURCE_TITLES: tuple[str, ...] = (
    "Balancing Compassion and Performance: Leading with Heart and Strategy",
    "Balancing Results and Relationships",
    "Success Metrics",
    "Performance Goals",
    "Navigating Change in the Workplace",
    "Thriving Teams",
    "Compassion and Work Performance",
    "Building High-Performing Teams",
    "People Vs. Results: Why Leaders Need to Prioritize Both",
    "What High-Performing Leaders Get Wrong About Self-Compassion",
)

# A rating step's tip is offered when the answer is at or below this (1–9 scale).
LOW_RATING = 4
# The largest pack file read: the built-in packs are about 10 KB each.
MAX_PACK_BYTES = 1024 * 1024

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOML_POSITION_RE = re.compile(
    r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$"
)


# --- validation of single values -------------------------------------------


def _one_of(allowed: tuple[str, ...], template: str) -> AfterValidator:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(template.format(value=value, choices=", ".join(allowed)))
        return value

    return AfterValidator(check)


def _slug(value: str) -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(messages.NOT_A_SLUG.format(value=value))
    return value


def _no_repeats(values: tuple[str, ...]) -> tuple[str, ...]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(messages.REPEATED_VALUE.format(value=value))
        seen.add(value)
    return values


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, AfterValidator(_slug)]
Theme = Annotated[str, _one_of(THEMES, messages.NOT_A_THEME)]
Fit = Annotated[str, _one_of(FITS, messages.NOT_A_FIT)]
Cadence = Annotated[str, _one_of(CADENCES, messages.NOT_A_CADENCE)]
StepType = Annotated[str, _one_of(STEP_TYPES, messages.NOT_A_STEP_TYPE)]
StepRole = Annotated[str, _one_of(STEP_ROLES, messages.NOT_A_STEP_ROLE)]
Prefill = Annotated[str, _one_of(PREFILLS, messages.NOT_A_PREFILL)]
Creates = Annotated[str, _one_of(CREATES, messages.NOT_A_CREATES)]
GoalField = Annotated[str, _one_of(GOAL_FIELDS, messages.NOT_A_GOAL_FIELD)]


# --- models -----------------------------------------------------------------


class Prompt(BaseModel):
    """One reflection question."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    text: Text
    themes: Annotated[tuple[Theme, ...], AfterValidator(_no_repeats)]
    fits: Annotated[tuple[Fit, ...], AfterValidator(_no_repeats)] = ("any",)
    cadence: Cadence = "weekly"
    source: Text
    # Prompts that ask much the same from another angle: selection treats an
    # answer to one of them as an answer to this one within the no-repeat window.
    similar_to: Annotated[tuple[Slug, ...], AfterValidator(_no_repeats)] = ()
    # A person-shaped prompt: the question to ask instead when the journal can
    # name someone (the most overlooked person on the roster) for "{name}".
    for_person: Text | None = None

    @field_validator("for_person")
    @classmethod
    def _names_a_person(cls, text: str | None) -> str | None:
        if text is not None and "{name}" not in text:
            raise ValueError(messages.FOR_PERSON_NEEDS_NAME)
        return text

    @field_validator("themes")
    @classmethod
    def _some_theme(cls, themes: tuple[str, ...]) -> tuple[str, ...]:
        if not themes:
            raise ValueError(messages.NO_THEMES)
        return themes


class ExerciseStep(BaseModel):
    """One question of an exercise, answered in the shape its type names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    question: Text
    type: StepType = "text"
    help: Text | None = None
    # validate_default so that a choice step *without* choices is caught too.
    choices: tuple[Text, ...] | None = Field(default=None, validate_default=True)
    tip: Text | None = None
    follow_up: bool = False
    # ``action``: the answer is the commitment's text (the thing to do);
    # ``due``: a date step whose date sets the commitment's due week;
    # ``criteria``: how the leader will judge it, shown again at the assessment.
    role: StepRole | None = None
    # Asked again when the follow-up comes due, beside this answer.
    assess: bool = False
    prefill: Prefill | None = None
    # In a goal-creating exercise, the goal field this answer fills.
    goal: GoalField | None = None

    @field_validator("choices")
    @classmethod
    def _choices_match_type(
        cls, choices: tuple[str, ...] | None, info: ValidationInfo
    ) -> tuple[str, ...] | None:
        step_type = info.data.get("type")
        if step_type is None:  # the type itself was invalid; that error suffices
            return choices
        if step_type == "choice":
            if choices is None or len(choices) < 2:
                raise ValueError(messages.CHOICES_NEEDED)
            return _no_repeats(choices)
        if choices is not None:
            raise ValueError(messages.CHOICES_ONLY_FOR_CHOICE.format(type=step_type))
        return choices

    @field_validator("tip")
    @classmethod
    def _tip_only_for_ratings(cls, tip: str | None, info: ValidationInfo) -> str | None:
        step_type = info.data.get("type")
        if tip is not None and step_type is not None and step_type != "rating":
            raise ValueError(messages.TIP_ONLY_FOR_RATING.format(type=step_type))
        return tip


class Exercise(BaseModel):
    """A named sequence of steps, run with ``leadjournal exercise run NAME``."""

    # In TOML the steps are ``[[exercise.step]]`` tables, so the field's
    # outside name is the singular ``step``; code reads ``exercise.steps``.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: Slug
    title: Text
    summary: Text
    source: Text
    themes: Annotated[tuple[Theme, ...], AfterValidator(_no_repeats)] = ()
    steps: tuple[ExerciseStep, ...] = Field(alias="step")
    # After the steps, so that checking the template can see them.
    # The commitment's text when no step is the action: ``{step-id}`` is that
    # step's answer ("Check in on both goals with {person}").
    commitment: Text | None = None
    creates: Creates | None = None

    @field_validator("steps")
    @classmethod
    def _steps_are_distinct(cls, steps: tuple[ExerciseStep, ...]) -> tuple[ExerciseStep, ...]:
        if not steps:
            raise ValueError(messages.NO_STEPS)
        seen: set[str] = set()
        for step in steps:
            if step.id in seen:
                raise ValueError(messages.DUPLICATE_STEP_ID.format(id=step.id))
            seen.add(step.id)
        if sum(step.follow_up for step in steps) > 1:
            raise ValueError(messages.ONE_FOLLOW_UP)
        for role in STEP_ROLES:
            if sum(step.role == role for step in steps) > 1:
                raise ValueError(messages.ONE_ROLE.format(role=role))
        for step in steps:
            if step.role == "due" and step.type != "date":
                raise ValueError(messages.DUE_NEEDS_DATE.format(id=step.id))
        return steps

    @field_validator("commitment")
    @classmethod
    def _template_names_steps(cls, text: str | None, info: ValidationInfo) -> str | None:
        steps = {step.id for step in info.data.get("steps", ())} if "steps" in info.data else None
        if text is not None and steps is not None:
            for name in _PLACEHOLDER_RE.findall(text):
                if name not in steps:
                    raise ValueError(messages.TEMPLATE_UNKNOWN_STEP.format(id=name))
        return text

    @property
    def follow_up_step(self) -> ExerciseStep | None:
        return next((step for step in self.steps if step.follow_up), None)

    def step_with(self, role: str) -> ExerciseStep | None:
        return next((step for step in self.steps if step.role == role), None)

    @property
    def assessed_steps(self) -> tuple[ExerciseStep, ...]:
        return tuple(step for step in self.steps if step.assess)


class PackHeader(BaseModel):
    """The optional ``[pack]`` table: defaults for the items of one file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: Text | None = None
    description: Text | None = None


class PackFile(BaseModel):
    """The shape of a pack file. Items stay raw here and are validated one by
    one, so a single bad item does not hide the good ones beside it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: PackHeader = PackHeader()
    prompt: list[dict[str, Any]] = []
    exercise: list[dict[str, Any]] = []


# --- problems and the library -----------------------------------------------

ItemKind = Literal["pack", "prompt", "exercise"]


@dataclass(frozen=True)
class PackProblem:
    """One thing wrong in a pack, precise enough to fix without guessing.

    ``item`` is the item's id, or its position in the file (counting from 1)
    when it has no usable id; ``field`` is a dotted path such as
    ``step.rate.choices``.
    """

    file: Path
    item: str | int | None
    field: str | None
    message: str
    kind: ItemKind | None = None

    def __str__(self) -> str:
        parts = [self.file.name or str(self.file)]
        if self.item is not None:
            label = f"'{self.item}'" if isinstance(self.item, str) else f"#{self.item}"
            parts.append(f"{self.kind or 'item'} {label}")
        elif self.kind == "pack":
            parts.append("[pack]")
        if self.field:
            parts.append(self.field)
        return ": ".join([*parts, self.message])


@dataclass
class Library:
    """Every prompt and exercise available, plus what could not be loaded."""

    prompts: dict[str, Prompt] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[PackProblem] = field(default_factory=list)

    def find_exercise(self, name: str) -> Exercise:
        """The exercise called ``name``, or the only one whose id starts with it."""
        key = name.strip().lower()
        if key in self.exercises:
            return self.exercises[key]
        matches = sorted(ex_id for ex_id in self.exercises if key and ex_id.startswith(key))
        if len(matches) == 1:
            return self.exercises[matches[0]]
        if matches:
            raise Ambiguous(
                messages.EXERCISE_AMBIGUOUS.format(name=name, names=", ".join(matches)),
                messages.EXERCISE_AMBIGUOUS_HINT,
                matches,
            )
        raise NotFound(
            messages.EXERCISE_NOT_FOUND.format(name=name),
            messages.EXERCISE_NOT_FOUND_HINT.format(names=", ".join(sorted(self.exercises))),
        )


# --- loading ----------------------------------------------------------------


def load_library(extra_dirs: Sequence[Path] = ()) -> Library:
    """Built-in packs, then each extra folder; a later item replaces an earlier
    one with the same id, which is how a user pack overrides a built-in one."""
    library = Library()
    for folder in [builtin_prompts_dir(), *extra_dirs]:
        content = _load_folder(folder)
        library.prompts.update(content.prompts)
        library.exercises.update(content.exercises)
        library.problems.extend(content.problems)
    return library


def validate_folder(path: Path) -> list[PackProblem]:
    """Every problem in one folder of packs (empty when all is well)."""
    return _load_folder(path).problems


@dataclass
class _FolderContent:
    prompts: dict[str, Prompt] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[PackProblem] = field(default_factory=list)
    # Where each id was first seen, to name both files when one repeats it.
    origin: dict[tuple[str, str], Path] = field(default_factory=dict)


def _load_folder(folder: Path) -> _FolderContent:
    content = _FolderContent()
    if not folder.exists():
        content.problems.append(PackProblem(folder, None, None, messages.PACK_FOLDER_MISSING))
        return content
    if not folder.is_dir():
        content.problems.append(PackProblem(folder, None, None, messages.PACK_NOT_A_FOLDER))
        return content
    for path in sorted(folder.glob("*.toml")):
        _load_file(path, content)
    return content


def _load_file(path: Path, content: _FolderContent) -> None:
    raw = _read_toml(path, content.problems)
    if raw is None:
        return
    header = _read_header(path, raw, content.problems)
    for kind in ("prompt", "exercise"):
        for position, item in _raw_items(path, raw, kind, content.problems):
            _add_item(path, kind, position, item, header, content)


def _read_toml(path: Path, problems: list[PackProblem]) -> dict[str, Any] | None:
    try:
        # A FIFO or a device named *.toml must not hang or flood the reader.
        text = read_regular(path, MAX_PACK_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        problems.append(PackProblem(path, None, None, messages.PACK_NOT_UTF8))
        return None
    except NotReadable as error:
        message = messages.PACK_UNREADABLE.format(reason=error.reason)
        problems.append(PackProblem(path, None, None, message))
        return None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.append(PackProblem(path, None, None, _toml_error_message(error)))
        return None


def _toml_error_message(error: tomllib.TOMLDecodeError) -> str:
    # Python 3.11's TOMLDecodeError has no line attribute; the position is
    # only in the text, as "... (at line 3, column 9)".
    match = _TOML_POSITION_RE.match(str(error))
    if match is None:
        return messages.PACK_BAD_TOML_NO_LINE.format(reason=str(error))
    return messages.PACK_BAD_TOML.format(
        line=match["line"], column=match["column"], reason=match["reason"]
    )


def _read_header(path: Path, raw: dict[str, Any], problems: list[PackProblem]) -> PackHeader:
    for key in raw:
        if key not in PackFile.model_fields:
            problems.append(PackProblem(path, None, key, messages.PACK_UNKNOWN_TABLE))
    table = raw.get("pack", {})
    if isinstance(table, dict):
        for name in _control_fields(table):
            message = messages.PACK_CONTROL_CHARACTERS
            problems.append(PackProblem(path, None, name, message, "pack"))
    else:
        expected = messages.PACK_EXPECTED_TYPES["dict_type"]
        message = messages.PACK_WRONG_TYPE.format(expected=expected)
        problems.append(PackProblem(path, None, "pack", message))
        return PackHeader()
    try:
        return PackHeader.model_validate(table)
    except ValidationError as error:
        for detail in error.errors():
            field_path = _field_path(detail["loc"], {})
            message = _error_message(detail, PackHeader)
            problems.append(PackProblem(path, None, field_path, message, "pack"))
        # Keep the good parts: one bad key must not strip every item of its source.
        bad = {detail["loc"][0] for detail in error.errors() if detail["loc"]}
        try:
            return PackHeader.model_validate({k: v for k, v in table.items() if k not in bad})
        except ValidationError:
            return PackHeader()


def _raw_items(
    path: Path, raw: dict[str, Any], kind: ItemKind, problems: list[PackProblem]
) -> Iterable[tuple[int, dict[str, Any]]]:
    items = raw.get(kind, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.append(
            PackProblem(path, None, kind, messages.PACK_NOT_A_TABLE_LIST.format(name=kind))
        )
        return []
    return enumerate(items, start=1)


def _add_item(
    path: Path,
    kind: ItemKind,
    position: int,
    raw: dict[str, Any],
    header: PackHeader,
    content: _FolderContent,
) -> None:
    raw_id = raw.get("id")
    item_ref: str | int = raw_id if isinstance(raw_id, str) and raw_id else position
    # Reported, not refused: the item still loads and every sink shows the
    # characters visibly, but the author should know they are there.
    for name in _control_fields(raw):
        message = messages.PACK_CONTROL_CHARACTERS
        content.problems.append(PackProblem(path, item_ref, name, message, kind))
    if header.source is not None and "source" not in raw:
        raw = {**raw, "source": header.source}
    model: type[Prompt] | type[Exercise] = Prompt if kind == "prompt" else Exercise
    try:
        item = model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors():
            field_path = _field_path(detail["loc"], raw)
            message = _error_message(detail, model)
            content.problems.append(PackProblem(path, item_ref, field_path, message, kind))
        return
    first = content.origin.setdefault((kind, item.id), path)
    store: dict[str, Any] = content.prompts if kind == "prompt" else content.exercises
    if item.id in store:
        message = messages.PACK_DUPLICATE_ID.format(id=item.id, first=first.name)
        content.problems.append(PackProblem(path, item.id, "id", message, kind))
        return
    store[item.id] = item


def _control_fields(raw: dict[str, Any], prefix: str = "") -> list[str]:
    """The dotted names (as ``_field_path`` writes them) of fields whose text
    holds a control character; a list of steps is named by step id."""
    found: list[str] = []
    for key, value in raw.items():
        name = f"{prefix}{key}"
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if isinstance(item, str) and has_control(item) and name not in found:
                found.append(name)
            elif isinstance(item, dict):
                if not isinstance(value, list):
                    found += _control_fields(item, f"{name}.")
                    continue
                label = _step_label(raw, index) if key == "step" else str(index + 1)
                found += _control_fields(item, f"{name}.{label}.")
        if has_control(str(key)) and name not in found:
            found.append(name)
    return found


def _field_path(loc: tuple[int | str, ...], raw: dict[str, Any]) -> str | None:
    """A dotted field name people can find in their file.

    Positions inside plain lists (``themes.1``) are dropped: the message
    quotes the bad value already. A step is named by its id when it has one.
    """
    parts: list[str] = []
    for index, part in enumerate(loc):
        if isinstance(part, str):
            parts.append(part)
        elif index > 0 and loc[index - 1] == "step":
            parts.append(_step_label(raw, part))
    return ".".join(parts) or None


def _step_label(raw: dict[str, Any], index: int) -> str:
    steps = raw.get("step")
    if isinstance(steps, list) and index < len(steps) and isinstance(steps[index], dict):
        step_id = steps[index].get("id")
        if isinstance(step_id, str) and step_id:
            return step_id
    return str(index + 1)


def _error_message(detail: ErrorDetails, model: type[BaseModel]) -> str:
    kind = detail["type"]
    loc = detail["loc"]
    if kind == "missing":
        return messages.PACK_SOURCE_REQUIRED if loc == ("source",) else messages.PACK_FIELD_REQUIRED
    if kind == "extra_forbidden":
        owner = ExerciseStep if "step" in loc[:-1] else model
        names = [info.alias or name for name, info in owner.model_fields.items()]
        return messages.PACK_UNKNOWN_FIELD.format(choices=", ".join(names))
    if kind in ("string_too_short", "too_short"):
        return messages.PACK_EMPTY
    if kind in messages.PACK_EXPECTED_TYPES:
        expected = messages.PACK_EXPECTED_TYPES[kind]
        return messages.PACK_WRONG_TYPE.format(expected=expected)
    message = str(detail["msg"])
    return message.removeprefix("Value error, ")
