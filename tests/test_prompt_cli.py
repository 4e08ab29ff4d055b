"""``leadjournal prompt``, ``leadjournal prompts validate`` and users' own packs,
through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadjournal.cli.context import Settings
from leadjournal.prompts import load_library

from .conftest import Cli
from .helpers import rows

LIBRARY = load_library()

MY_PACK = """
[pack]
source = "My coach's notes"

[[prompt]]
id = "coach-energy"
text = "Where did your energy [really] go this week?"
themes = ["self-compassion"]

[[prompt]]
id = "rr-valued-and-accountable"
text = "My own wording: do people feel valued and answerable?"
themes = ["accountability"]

[[exercise]]
id = "coach-check"
title = "Coach check-in"
summary = "Three quick questions before a coaching session."

[[exercise.step]]
id = "energy"
question = "Energy this week?"
type = "rating"

[[exercise.step]]
id = "next"
question = "One thing to bring to the session?"
follow_up = true
"""

BROKEN_PACK = """
[[prompt]]
id = "x"
text = "A prompt with a made-up theme"
themes = ["mood"]
source = "Mine"

[[prompt]]
id = "fine"
text = "This one is fine, beside the broken one."
themes = ["team"]
source = "Mine"
"""


def pack_folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "my-prompts"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


# --- leadjournal prompt ----------------------------------------------------------


def test_prompt_as_json_has_the_documented_fields(cli: Cli) -> None:
    data = cli.ok("prompt", "--seed", "1", "--json").json()
    assert set(data) == {
        "id", "text", "themes", "fits", "cadence", "source", "similar_to", "for_person", "entry"
    }  # fmt: skip
    assert data["id"] in LIBRARY.prompts and data["entry"] is None
    assert data["text"] == LIBRARY.prompts[data["id"]].text
    assert cli.ok("prompt", "--seed", "1", "--json").json() == data  # repeatable


def test_prompt_prints_the_text_and_its_source(cli: Cli) -> None:
    data = cli.ok("prompt", "--seed", "5", "--json").json()
    text = " ".join(cli.ok("prompt", "--seed", "5").stdout.split())
    assert data["text"] in text and f"From “{data['source']}”" in text


def test_prompt_by_theme_and_source(cli: Cli) -> None:
    for seed in range(5):
        data = cli.ok("prompt", "--theme", "psychological-safety", "--seed", str(seed), "--json")
        assert "psychological safety" in data.json()["themes"]
        by_source = cli.ok("prompt", "--source", "thriving", "--seed", str(seed), "--json").json()
        assert by_source["source"] == "Thriving Teams"
    bad = cli("prompt", "--theme", "mood")
    assert bad.exit_code == 2 and "recognition" in bad.stderr
    none = cli("prompt", "--source", "no such article")
    assert none.exit_code == 1 and "No prompt matches" in none.stderr


def test_answer_from_stdin_is_an_entry_linked_to_the_prompt(cli: Cli) -> None:
    data = cli.ok(
        "prompt", "--seed", "2", "--answer", "--json", input="Thanked @sam for the cover\n"
    ).json()
    entry = data["entry"]
    assert (entry["kind"], entry["prompt_id"], entry["title"]) == (
        "prompt",
        data["id"],
        data["text"],
    )
    assert entry["body"] == "Thanked @sam for the cover" and entry["tags"] == ["sam"]
    assert rows(cli.db, "SELECT kind, prompt_id FROM entries") == [("prompt", data["id"])]
    assert [e["id"] for e in cli.ok("log", "--json").json()["entries"]] == [entry["id"]]
    # Answered now, so the same seed no longer picks it.
    assert cli.ok("prompt", "--seed", "2", "--json").json()["id"] != data["id"]


def test_an_empty_piped_answer_saves_nothing(cli: Cli) -> None:
    run = cli("prompt", "--answer", input="   \n")
    assert run.exit_code == 2 and "empty" in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_answer_typed_at_the_terminal(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    run = cli.ok("prompt", "--seed", "3", "--answer", input="First line\nsecond [line]\n\n")
    assert "Saved your answer" in run.stdout
    assert rows(cli.db, "SELECT body FROM entries") == [("First line\nsecond [line]",)]
    skipped = cli.ok("prompt", "--answer", input="\n")
    assert "Nothing saved" in skipped.stdout
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(1,)]


def test_answer_in_the_editor(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text('#!/bin/sh\nprintf "Written in the editor" > "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    cli.ok("prompt", "--answer", input=":e\n")
    assert rows(cli.db, "SELECT body FROM entries") == [("Written in the editor",)]


def test_recently_answered_prompts_wait_while_others_are_left(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A tiny library of two prompts on one theme makes "others" countable.
    folder = pack_folder(
        tmp_path,
        two="""
[pack]
source = "Mine"
[[prompt]]
id = "only-one"
text = "First?"
themes = ["change"]
[[prompt]]
id = "only-two"
text = "Second?"
themes = ["change"]
""",
    )
    monkeypatch.setenv("LEADJOURNAL_PROMPTS", str(folder))
    change = {p.id for p in LIBRARY.prompts.values() if "change" in p.themes}
    expected = len(change) + 2
    asked = [
        cli.ok("prompt", "--theme", "change", "--answer", "--json", input="ok\n").json()["id"]
        for _ in range(expected)
    ]
    # Every change prompt was asked once before any came round again...
    assert sorted(asked) == sorted({*change, "only-one", "only-two"})
    # ...and when all were answered lately, one is asked again rather than none.
    again = cli.ok("prompt", "--theme", "change", "--json").json()["id"]
    assert again in asked


# --- users' own packs -------------------------------------------------------------


def test_an_own_pack_sits_beside_the_builtin_ones_and_overrides_by_id(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = pack_folder(tmp_path, mine=MY_PACK)
    monkeypatch.setenv("LEADJOURNAL_PROMPTS", str(folder))
    listing = {item["id"]: item for item in cli.ok("exercise", "list", "--json").json()}
    assert "coach-check" in listing and len(listing) == len(LIBRARY.exercises) + 1
    assert listing["coach-check"]["source"] == "My coach's notes"
    seen = {}
    for seed in range(20):
        data = cli.ok("prompt", "--source", "coach", "--seed", str(seed), "--json").json()
        seen[data["id"]] = data["text"]
    assert set(seen) == {"coach-energy", "rr-valued-and-accountable"}
    # The built-in prompt of the same id now reads as the user wrote it.
    assert seen["rr-valued-and-accountable"].startswith("My own wording")
    done = cli.ok(
        "exercise", "run", "coach-check", "--answer", "energy=2", "--answer", "next=Sleep"
    )
    assert "Sleep" in done.stdout
    text = " ".join(cli.ok("prompt", "--source", "coach", "--seed", "4").stdout.split())
    assert "[really]" in text or "My own wording" in text  # brackets survive printing


def test_the_config_folder_works_like_the_environment(
    cli: Cli, tmp_path: Path, isolated: Path
) -> None:
    folder = pack_folder(tmp_path, mine=MY_PACK)
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f'prompts_folder = "{folder}"\n')
    ids = [item["id"] for item in cli.ok("exercise", "list", "--json").json()]
    assert "coach-check" in ids


def test_a_broken_pack_warns_naming_file_item_and_field_and_the_rest_works(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = pack_folder(tmp_path, **{"my-pack": BROKEN_PACK, "mine": MY_PACK})
    monkeypatch.setenv("LEADJOURNAL_PROMPTS", str(folder))
    run = cli.ok("prompt", "--source", "Mine", "--json")
    assert run.json()["id"] == "fine"  # the good prompt beside the bad one loads
    warning = "warning: my-pack.toml: prompt 'x': themes: 'mood' is not a theme"
    assert warning in run.stderr
    assert run.stderr.count("warning:") == 1
    listed = cli.ok("exercise", "list", "--json")
    assert warning in listed.stderr and "coach-check" in listed.stdout
    assert warning in cli.ok("exercise", "show", "coach-check").stderr


def test_a_missing_extra_folder_is_a_warning(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADJOURNAL_PROMPTS", str(tmp_path / "nowhere"))
    run = cli.ok("exercise", "list", "--json")
    assert "warning: nowhere: folder not found" in run.stderr
    assert len(run.json()) == len(LIBRARY.exercises)


# --- leadjournal prompts validate ------------------------------------------------


def test_validate_the_builtin_packs(cli: Cli) -> None:
    run = cli.ok("prompts", "validate")
    assert "No problems" in run.stdout and run.stderr == ""
    assert cli.ok("prompts", "validate", "--json").json() == []


def test_validate_a_clean_folder(cli: Cli, tmp_path: Path) -> None:
    folder = pack_folder(tmp_path, mine=MY_PACK)
    run = cli.ok("prompts", "validate", str(folder))
    assert str(folder) in " ".join(run.stdout.split())


def test_validate_reports_every_problem_one_per_line(cli: Cli, tmp_path: Path) -> None:
    folder = pack_folder(
        tmp_path,
        **{
            "my-pack": BROKEN_PACK,
            "steps": """
[pack]
source = "Mine"
[[exercise]]
id = "bad-steps"
title = "T"
summary = "S"
[[exercise.step]]
id = "pick"
question = "Which?"
type = "choice"
[[exercise.step]]
id = "when"
question = "When?"
type = "calendar"
""",
            "syntax": "[[prompt]\nid = 1\n",
        },
    )
    run = cli("prompts", "validate", str(folder))
    assert run.exit_code == 2
    lines = run.stdout.splitlines()
    assert "my-pack.toml: prompt 'x': themes: 'mood' is not a theme" in lines[0]
    assert any(
        line.startswith("steps.toml: exercise 'bad-steps': step.pick.choices:") for line in lines
    )
    assert any(
        line.startswith("steps.toml: exercise 'bad-steps': step.when.type:") for line in lines
    )
    assert any(line.startswith("syntax.toml: is not valid TOML at line 1") for line in lines)
    assert len(lines) == 4
    assert "4 problems" in run.stderr and "hint:" in run.stderr
    problems = cli("prompts", "validate", str(folder), "--json")
    assert problems.exit_code == 2
    found = problems.json()
    assert (found[0]["kind"], found[0]["item"], found[0]["field"]) == ("prompt", "x", "themes")
    assert len(found) == 4 and all(p["text"] in problems.stdout for p in found)


def test_validate_without_a_folder_includes_configured_ones(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = pack_folder(tmp_path, **{"my-pack": BROKEN_PACK})
    monkeypatch.setenv("LEADJOURNAL_PROMPTS", str(folder))
    run = cli("prompts", "validate")
    assert run.exit_code == 2 and "my-pack.toml: prompt 'x'" in run.stdout


def test_validate_a_missing_folder(cli: Cli, tmp_path: Path) -> None:
    run = cli("prompts", "validate", str(tmp_path / "nope"))
    assert run.exit_code == 2 and "folder not found" in run.stdout
