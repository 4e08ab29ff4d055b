"""Every sentence lives once in messages.py: a name given twice silently
replaces the first sentence, so one command would speak another's words."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import leadjournal.messages

MESSAGES = Path(leadjournal.messages.__file__)


def names_given_twice(source: str) -> list[str]:
    """Module-level names assigned more than once in ``source``."""
    counts: Counter[str] = Counter()
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        counts.update(t.id for t in targets if isinstance(t, ast.Name))
    return sorted(name for name, count in counts.items() if count > 1)


def test_the_guard_sees_a_name_given_twice() -> None:
    source = 'FORGOTTEN = "Forgot {name}."\nOTHER = "x"\nFORGOTTEN: str = "The key is gone."\n'
    assert names_given_twice(source) == ["FORGOTTEN"]
    assert names_given_twice('A = "a"\nB = "b"\n') == []


def test_each_message_is_named_once() -> None:
    assert names_given_twice(MESSAGES.read_text(encoding="utf-8")) == []


def test_counts_are_said_in_words_not_with_a_bracketed_s() -> None:
    from leadjournal.messages import counted

    assert counted(1, "note") == "1 note"
    assert counted(0, "note") == "0 notes"
    assert counted(3, "entry", "entries") == "3 entries"
    # A leader reads these; "(s)" is how a program counts, not how a person does.
    source = MESSAGES.read_text(encoding="utf-8")
    assert [line for line in source.splitlines() if "(s)" in line] == []
