"""Converting command-line words to str, int and bool without pydantic.

Why this exists: Typer 0.29 turns every parameter of the command that runs
into a pydantic ``TypeAdapter`` before it reads a single value (``parser=``
included), and has no public hook around that step. Importing pydantic and
building those adapters cost about as much as the rest of a command's
start-up, for parameters that are nearly all plain words and numbers. So this
module replaces that one step, ``typer.core.build_runtime_param``, with one
that converts the plain types here (str, int, bool, lists of them) and hands
everything else to Typer's own function, unchanged.

What it converts it converts exactly as Typer does: a value is converted here
only when it has the simplest form (an int written as ASCII digits with an
optional sign); any other value, right or wrong, goes to Typer's own adapter,
so unusual forms and every error message are Typer's. A parameter's adapter
is built only when a value actually needs it, not when the command starts.

This leans on Typer internals, so the package pins Typer to the minor version
it was written for (``>=0.29,<0.30`` in pyproject.toml), and
``tests/test_coercion.py`` compares it with Typer's own conversion on edge
inputs, error messages included: an upgrade that changes either side fails
there first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import typer.core
from typer import _click as click_core  # Typer's own copy of Click
from typer._coercion import RuntimeParam, TypeDescriptor
from typer._coercion import build_runtime_param as _typers_own

# An int written plainly: what Python's int() and pydantic agree on without
# any doubt. Everything else (spaces, "5.0", "1_000", other scripts' digits,
# mistakes) is left to Typer.
_PLAIN_INT = re.compile(r"[+-]?[0-9]+\Z", re.ASCII)


class _NotPlain(Exception):
    """This value is not in a form converted here; Typer's adapter decides."""


def _to_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise _NotPlain


def _to_int(value: Any) -> int:
    if isinstance(value, str) and _PLAIN_INT.match(value):
        return int(value)
    if type(value) is int:  # a default written in the code (a bool is Typer's to judge)
        return value
    raise _NotPlain


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _NotPlain


_LEAVES = {str: _to_str, int: _to_int, bool: _to_bool}


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """str, int or bool, or a list of one of them, as Typer would convert it."""

    descriptor: TypeDescriptor = field(repr=False)
    many: bool = False
    _fallback: list[RuntimeParam] = field(default_factory=list, repr=False, compare=False)

    def _coerce_value(self, value: Any, param: Any, ctx: click_core.Context) -> Any:
        leaf = _LEAVES[self.leaf_type]
        try:
            if self.many:
                items = value if isinstance(value, list | tuple) else [value]
                return [leaf(item) for item in items]
            return leaf(value)
        except _NotPlain:
            return self.typers_own()._coerce_value(value, param=param, ctx=ctx)

    @property
    def leaf_type(self) -> type:
        annotation = self.annotation
        leaf: type = annotation.__args__[0] if self.many else annotation
        return leaf

    def typers_own(self) -> RuntimeParam:
        """Typer's conversion of this parameter (with its pydantic adapter), built once."""
        if not self._fallback:
            self._fallback.append(_typers_own(self.descriptor))
        return self._fallback[0]


@dataclass(frozen=True)
class DeferredRuntimeParam(RuntimeParam):
    """Any other type: Typer's own conversion, built when a value first needs it.

    Typer builds it before looking at the value; an option that was not given
    (None) needs no conversion, so the adapter waits for a real value.
    """

    descriptor: TypeDescriptor = field(repr=False)
    _built: list[RuntimeParam] = field(default_factory=list, repr=False, compare=False)

    def _coerce_value(self, value: Any, param: Any, ctx: click_core.Context) -> Any:
        if not self._built:
            self._built.append(_typers_own(self.descriptor))
        return self._built[0]._coerce_value(value, param=param, ctx=ctx)


def _plain_kind(descriptor: TypeDescriptor) -> tuple[bool, bool]:
    """(converted here, a list) for a parameter's type and settings."""
    info = descriptor.parameter_info
    if (
        descriptor.is_file
        or descriptor.is_path
        or descriptor.is_choice
        or descriptor.is_ranged
        or info.parser is not None
    ):
        return False, False
    annotation = descriptor.annotation
    if annotation in _LEAVES:
        return True, False
    if descriptor.is_list and len(getattr(annotation, "__args__", ())) == 1:
        return annotation.__args__[0] in _LEAVES, True
    return False, False


def build_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    plain, many = _plain_kind(descriptor)
    if plain:
        return PlainRuntimeParam(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
            many=many,
        )
    if descriptor.is_file:
        return _typers_own(descriptor)  # opens files: no adapter, nothing to defer
    return DeferredRuntimeParam(
        parameter_info=descriptor.parameter_info,
        annotation=descriptor.annotation,
        descriptor=descriptor,
    )


def install() -> None:
    """Use this module's conversion for every Typer command in this process."""
    # typer.core calls the name it imported from typer._coercion.
    typer.core.build_runtime_param = build_runtime_param  # type: ignore[attr-defined]
