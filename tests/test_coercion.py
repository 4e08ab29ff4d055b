"""Our conversion of str/int/bool parameters is Typer's own, edge cases and errors included.

``leadjournal/cli/coercion.py`` replaces one private step of Typer 0.29 so the
plain types need no pydantic. If a Typer upgrade changes how it converts a
value (or the words of an error), or the replacement drifts, these fail.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pytest
import typer
import typer.main
from typer import _click as click_core
from typer._coercion import build_runtime_param as typers_own

from leadjournal.cli import coercion

EDGE_INPUTS = [
    "5",
    "-5",
    "+5",
    "05",
    "-0",
    " 5",
    "5 ",
    "\t5\n",
    "5.0",
    "5.5",
    "1e3",
    "1_000",
    "9" * 40,
    "true",
    "True",
    "yes",
    "0",
    "1",
    "",
    " ",
    "٥",  # Arabic-Indic five
    "१२",  # Devanagari twelve
    "０５",  # fullwidth digits
    "abc",
    "5\x1b[31m",
    "naïve",
]


def _command() -> Any:
    app = typer.Typer()

    @app.command()
    def sample(
        word: Annotated[str, typer.Option()] = "",
        number: Annotated[int | None, typer.Option()] = None,
        flag: Annotated[bool, typer.Option()] = False,
        words: Annotated[list[str] | None, typer.Option()] = None,
        numbers: Annotated[list[int] | None, typer.Option()] = None,
        ranged: Annotated[int, typer.Option(min=1, max=9)] = 5,
        kind: Annotated[Literal["a", "b"], typer.Option()] = "a",
    ) -> None:
        pass

    return typer.main.get_command(app)


COMMAND = _command()
PARAMS = {param.name: param for param in COMMAND.params}


def _outcome(runtime: Any, value: Any, name: str) -> tuple[str, Any]:
    ctx = click_core.Context(COMMAND)
    try:
        return "value", runtime.coerce(value, param=PARAMS[name], ctx=ctx)
    except click_core.exceptions.BadParameter as error:
        return "error", error.format_message()


def _both(name: str, value: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    descriptor = PARAMS[name].type_descriptor
    ours = coercion.build_runtime_param(descriptor)
    theirs = typers_own(descriptor)
    return _outcome(ours, value, name), _outcome(theirs, value, name)


@pytest.mark.parametrize("value", EDGE_INPUTS)
@pytest.mark.parametrize("name", ["word", "number", "flag", "ranged", "kind"])
def test_one_value_converts_as_typer_converts_it(name: str, value: str) -> None:
    ours, theirs = _both(name, value)
    assert ours == theirs
    assert type(ours[1]) is type(theirs[1])


@pytest.mark.parametrize("name", ["words", "numbers"])
@pytest.mark.parametrize(
    "values", [(), ("5",), ("5", "+5", "05"), ("5", "5.0"), ("5", "x"), ("٥",), ("", " 5")]
)
def test_a_list_converts_as_typer_converts_it(name: str, values: tuple[str, ...]) -> None:
    ours, theirs = _both(name, values)
    assert ours == theirs


@pytest.mark.parametrize("name", ["word", "number", "flag", "words", "numbers", "kind"])
def test_a_missing_value_converts_as_typer_converts_it(name: str) -> None:
    ours, theirs = _both(name, None)
    assert ours == theirs


@pytest.mark.parametrize("value", [True, False])
def test_a_flag_converts_as_typer_converts_it(value: bool) -> None:
    ours, theirs = _both("flag", value)
    assert ours == theirs


@pytest.mark.parametrize("value", [12, 0, -3, True, 5.0, 5.5, b"5"])
@pytest.mark.parametrize("name", ["word", "number", "flag"])
def test_a_default_from_the_code_converts_as_typer_converts_it(name: str, value: object) -> None:
    # Defaults arrive as Python values, not words: a number's default is an int.
    ours, theirs = _both(name, value)
    assert ours == theirs
    assert type(ours[1]) is type(theirs[1])


def test_the_errors_are_typers_words() -> None:
    # Pinned here so a change in Typer or pydantic shows as a changed message.
    assert _both("number", "1e3")[0] == (
        "error",
        "Invalid value for '--number': "
        "Input should be a valid integer, unable to parse string as an integer",
    )


def test_plain_values_need_no_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_adapter(*args: object, **kwargs: object) -> None:
        raise AssertionError("a plain value built a pydantic adapter")

    monkeypatch.setattr("typer._adapters.try_build_adapter", no_adapter)
    for name, value, expected in [
        ("word", "naïve", "naïve"),
        ("number", "42", 42),
        ("number", "-7", -7),
        ("number", 12, 12),
        ("flag", True, True),
        ("words", ("a", "b"), ["a", "b"]),
        ("numbers", ("1", "+2"), [1, 2]),
        ("kind", None, None),
    ]:
        assert _outcome(
            coercion.build_runtime_param(PARAMS[name].type_descriptor), value, name
        ) == (
            "value",
            expected,
        )


def test_installed_for_every_command() -> None:
    import typer.core

    assert typer.core.build_runtime_param is coercion.build_runtime_param  # type: ignore[attr-defined]
