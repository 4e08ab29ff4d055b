"""The optional ``config.toml`` in the journal's home.

Validated with pydantic (unknown keys are errors, so a typo is caught rather
than silently ignored); every problem names the key.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from leadjournal import messages
from leadjournal.errors import ConfigError
from leadjournal.records import DIMENSION_RE

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    editor: str | None = None
    prompts: bool = True
    prompts_folder: Path | None = None
    prompt_count: int = Field(default=1, ge=1, le=2)
    extra_dimensions: list[str] = []
    # The days on which `review` first offers last week, while it is not done.
    review_days: list[str] = ["monday", "tuesday"]

    @field_validator("review_days")
    @classmethod
    def _days(cls, names: list[str]) -> list[str]:
        days: list[str] = []
        for name in names:
            day = name.strip().lower()
            match = [full for full in DAYS if len(day) >= 3 and full.startswith(day)]
            if not match:
                raise ValueError(messages.BAD_REVIEW_DAY.format(name=name))
            days.append(match[0])
        return days

    @field_validator("extra_dimensions")
    @classmethod
    def _dimensions(cls, names: list[str]) -> list[str]:
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
    try:
        config = Config.model_validate(data)
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
