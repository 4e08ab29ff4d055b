"""The optional ``config.toml``, in the config folder (see ``cli/context.py``).

A file that exists is validated with pydantic (unknown keys are errors, so a
typo is caught rather than silently ignored); every problem names the key.
Without a file the defaults need no checking, and pydantic is not loaded.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from leadjournal import messages
from leadjournal.errors import ConfigError
from leadjournal.models import Model
from leadjournal.records import DIMENSION_RE

if TYPE_CHECKING:
    from pydantic import TypeAdapter

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Config(Model):
    editor: str | None = None
    prompts: bool = True
    prompts_folder: Path | None = None
    prompt_count: int = 1  # 1 or 2; checked when read from the file
    extra_dimensions: list[str] = []
    # The days on which `review` first offers last week, while it is not done.
    review_days: list[str] = ["monday", "tuesday"]
    # A journal made from now on starts encrypted (asks for a passphrase).
    encrypt: bool = False
    # One dim line, at most once a day, when last week has no finished review.
    nudge: bool = True
    # A change under way (new role, reorganisation): the review may offer
    # the navigating-change exercise. ``review --change-under-way`` overrides.
    change_under_way: bool = False
    # The review's people step, and the weeks without each kind of contact
    # before someone is named in it.
    people_step: bool = True
    people_one_on_one_weeks: int = 3
    people_recognition_weeks: int = 6
    people_check_in_weeks: int = 4


def _days(names: list[str]) -> list[str]:
    days: list[str] = []
    for name in names:
        day = name.strip().lower()
        match = [full for full in DAYS if len(day) >= 3 and full.startswith(day)]
        if not match:
            raise ValueError(messages.BAD_REVIEW_DAY.format(name=name))
        days.append(match[0])
    return days


def _dimensions(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if not DIMENSION_RE.fullmatch(name):
            raise ValueError(messages.BAD_DIMENSION.format(name=name))
        if name in ("results", "relationships"):
            raise ValueError(messages.CORE_DIMENSION.format(name=name))
        if name in seen:
            raise ValueError(messages.DUPLICATE_DIMENSION.format(name=name))
        seen.append(name)
    return seen


@cache
def _checker() -> TypeAdapter[Config]:
    """The file's checks: Config with its limits, built only when a file is read."""
    from pydantic import Field, TypeAdapter, field_validator

    class CheckedConfig(Config):
        prompt_count: int = Field(default=1, ge=1, le=2)
        people_one_on_one_weeks: int = Field(default=3, ge=1, le=52)
        people_recognition_weeks: int = Field(default=6, ge=1, le=52)
        people_check_in_weeks: int = Field(default=4, ge=1, le=52)

        @field_validator("extra_dimensions")
        @classmethod
        def _dimensions(cls, names: list[str]) -> list[str]:
            return _dimensions(names)

        @field_validator("review_days")
        @classmethod
        def _days(cls, names: list[str]) -> list[str]:
            return _days(names)

    return TypeAdapter(CheckedConfig)


def load_config(path: Path) -> Config:
    """The config at ``path``; defaults when there is no file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            messages.CONFIG_UNREADABLE.format(path=path, reason=exc), messages.CONFIG_HINT
        ) from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            messages.CONFIG_SYNTAX.format(path=path, reason=exc), messages.CONFIG_HINT
        ) from exc
    from pydantic import ValidationError

    try:
        config = _checker().validate_python(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or '(top)'}: {error['msg']}"
            for error in exc.errors()
        )
        raise ConfigError(
            messages.CONFIG_INVALID.format(path=path, problems=problems), messages.CONFIG_HINT
        ) from None
    if config.prompts_folder is not None:
        folder = config.prompts_folder.expanduser()
        # A relative folder is read beside the config, not wherever the shell is.
        config = config.model_copy(
            update={"prompts_folder": folder if folder.is_absolute() else path.parent / folder}
        )
    return config


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    import json

    # A JSON string is a TOML basic string: quotes, backslashes and control
    # characters escaped the same way.
    return json.dumps(str(value), ensure_ascii=False)


def as_toml(config: Config) -> str:
    """The settings in effect, one ``key = value`` line each; unset ones as comments."""
    from dataclasses import fields

    lines = []
    for item in fields(config):
        value = getattr(config, item.name)
        if value is None:
            lines.append(f"# {item.name} is not set")
        else:
            lines.append(f"{item.name} = {_toml_value(value)}")
    return "".join(f"{line}\n" for line in lines)
