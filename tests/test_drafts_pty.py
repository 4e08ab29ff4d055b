"""Ctrl-D finishes a multi-line answer and keeps it, as jrnl users expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadjournal import messages

from . import helpers
from .helpers import rows

pytestmark = pytest.mark.pty


def test_ctrl_d_after_typing_finishes_and_saves_the_reflection(isolated: Path) -> None:
    child = helpers.spawn(isolated, "write")
    child.expect("Finish with an empty line")
    child.sendline("Hard conversation with @sam today.")
    child.sendline("It went better than I feared.")
    child.sendeof()
    child.expect("Saved")
    assert helpers.finish(child) == 0
    assert rows(isolated / "journal.db", "SELECT body FROM entries") == [
        ("Hard conversation with @sam today.\nIt went better than I feared.",)
    ]


def test_ctrl_d_on_an_empty_reflection_saves_nothing_calmly(isolated: Path) -> None:
    child = helpers.spawn(isolated, "write")
    child.expect("Finish with an empty line")
    child.sendeof()
    child.expect(messages.EMPTY_TEXT.format(what="reflection"))
    assert helpers.finish(child) == 2
    assert "Aborted" not in (child.before or "")
    assert not (isolated / "journal.db").exists() or rows(
        isolated / "journal.db", "SELECT count(*) FROM entries"
    ) == [(0,)]


def test_ctrl_d_finishes_a_prompt_answer(isolated: Path) -> None:
    child = helpers.spawn(isolated, "prompt", "--answer", "--seed", "2")
    child.expect("Finish with an empty line")
    child.sendline("I thanked the on-call team in public.")
    child.sendeof()
    child.expect(r"Saved")
    assert helpers.finish(child) == 0
    assert rows(isolated / "journal.db", "SELECT kind, body FROM entries") == [
        ("prompt", "I thanked the on-call team in public.")
    ]


def test_ctrl_d_on_an_empty_prompt_answer_saves_nothing(isolated: Path) -> None:
    child = helpers.spawn(isolated, "prompt", "--answer", "--seed", "2")
    child.expect("Finish with an empty line")
    child.sendeof()
    child.expect(messages.PROMPT_NOT_ANSWERED)
    assert helpers.finish(child) == 0
    assert rows(isolated / "journal.db", "SELECT count(*) FROM entries") == [(0,)]


def test_ctrl_c_after_typing_keeps_the_lines_as_a_draft(isolated: Path) -> None:
    child = helpers.spawn(isolated, "write")
    child.expect("Finish with an empty line")
    # Each line read before the next is typed: Ctrl-C makes the terminal
    # itself drop input the program has not read yet.
    child.sendline("Half of a thought")
    child.expect("Half of a thought\r\n  ")
    child.sendline("and the other half")
    child.expect("and the other half\r\n  ")
    child.sendintr()
    child.expect("kept as a draft")
    assert helpers.finish(child) == 130
    (draft,) = sorted((isolated / "drafts").iterdir())
    assert draft.read_text(encoding="utf-8") == "Half of a thought\nand the other half"
