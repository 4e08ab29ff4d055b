"""models.Model: a class declared with plain annotated fields is a frozen dataclass."""

from __future__ import annotations

import dataclasses
import json

import pytest
from pydantic import TypeAdapter, ValidationError, field_validator

from leadjournal.models import Entry, Model


class Note(Model):
    text: str
    tags: list[str] = []
    counts: dict[str, int] = {}
    owner: str | None = None


class Notebook(Model):
    name: str
    notes: list[Note] = []


class CheckedNote(Note):
    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value


def test_a_subclass_is_a_frozen_keyword_only_dataclass() -> None:
    note = Note(text="hello")
    assert dataclasses.is_dataclass(note)
    with pytest.raises(dataclasses.FrozenInstanceError):
        note.text = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Note("positional")  # type: ignore[misc]


def test_list_and_dict_defaults_are_fresh_for_each_instance() -> None:
    first, second = Note(text="a"), Note(text="b")
    first.tags.append("x")
    first.counts["x"] = 1
    assert second.tags == [] and second.counts == {}
    assert dataclasses.fields(Note)[1].default_factory is not dataclasses.MISSING


def test_dump_copy_and_json_keep_pydantic_names() -> None:
    book = Notebook(name="n", notes=[Note(text="a", tags=["t"])])
    assert book.model_dump() == {
        "name": "n",
        "notes": [{"text": "a", "tags": ["t"], "counts": {}, "owner": None}],
    }
    assert book.model_dump(exclude={"notes"}) == {"name": "n"}
    assert json.loads(book.model_dump_json(indent=2)) == book.model_dump(mode="json")
    assert Note(text="ü").model_dump_json() == '{"text":"ü","tags":[],"counts":{},"owner":null}'
    assert book.model_copy(update={"name": "m"}) == Notebook(name="m", notes=book.notes)


def test_validation_at_a_boundary_is_pydantic_and_forbids_unknown_fields() -> None:
    adapter = TypeAdapter(Notebook)
    book = adapter.validate_python({"name": "n", "notes": [{"text": "a"}]})
    assert book == Notebook(name="n", notes=[Note(text="a")])
    with pytest.raises(ValidationError):
        adapter.validate_python({"name": "n", "colour": "red"})
    with pytest.raises(ValidationError):
        Entry.model_validate({"id": "x"})


def test_a_subclass_with_pydantic_validators_checks_its_input() -> None:
    adapter = TypeAdapter(CheckedNote)
    assert isinstance(adapter.validate_python({"text": "fine"}), Note)
    with pytest.raises(ValidationError, match="text is empty"):
        adapter.validate_python({"text": "  "})
    with pytest.raises(ValidationError):
        adapter.validate_python({"text": "fine", "extra": 1})


def test_dump_include_and_exclude_none_as_pydantic_does() -> None:
    note = Note(text="a")
    assert note.model_dump(include={"text", "owner"}) == {"text": "a", "owner": None}
    assert note.model_dump(exclude_none=True) == {"text": "a", "tags": [], "counts": {}}
    assert Note.model_construct(text="a") == note
