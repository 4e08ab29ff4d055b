"""Generated command lines: whatever is typed, no traceback and a valid journal.

Hypothesis drives the real Typer app in-process with arguments built from
unicode, control characters, huge texts, SQL and FTS syntax, odd tags, ids
and dates. Every run must end with a designed outcome (exit 0, 1 or 2 and a
one-line error), never a traceback or the "unexpected problem" fallback, and
the journal file must pass SQLite's integrity check afterwards.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from leadjournal import messages
from leadjournal.cli import app

# Text people type, plus what they should not be able to break us with.
NASTY = [
    "",
    " ",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\r\n\t",
    "'; DROP TABLE entries; --",
    '" OR 1=1 --',
    'NEAR(a b) AND "x',
    "body:*",
    "a* OR b^",
    "-",
    "%",
    "_",
    "@",
    "@@",
    "@-",
    "@tag@other",
    "me@example.com",
    "@ünïcødé",
    "@" + "a" * 300,
    "\udcff",  # a byte that is not UTF-8, as Python receives it in argv
    "\u202eevil",
    "😀" * 50,
    "x" * 200_000,
    "9" * 40,
    "nan",
    "inf",
    "1e308",
    '{"entries": [{"id": 1}]}',
    '{"format": "leadjournal", "version": 99}',
    "[]",
    "-1",
    "0",
    "1e9",
]
DATES = [
    "today",
    "yesterday",
    "this week",
    "last week",
    "2026-W47",
    "2026-W53",
    "2026-W00",
    "2020-W53",
    "0001-01-01",
    "9999-12-31",
    "9999-W52",
    "0000-W01",
    "1-W01",
    "2026-02-30",
    "2026-13-01",
    "20261120",
    "2026-11-20T10:00",
    "tomorrow",
    "",
]

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
text = st.one_of(words, st.sampled_from(NASTY), st.lists(words, max_size=4).map(" ".join))
number = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str), st.sampled_from(NASTY)
)
id_like = st.one_of(
    st.sampled_from("0123456789abcdef"),  # short prefixes that do name entries
    st.text(alphabet="0123456789abcdef-", max_size=40),
    st.sampled_from(NASTY),
    words,
)
date = st.one_of(st.sampled_from(DATES), words)


def _options(pairs: list[tuple[str, str | None]]) -> list[str]:
    args: list[str] = []
    for flag, value in pairs:
        if value is not None:
            args += [flag, value]
    return args


command = st.one_of(
    st.builds(
        lambda body, tags, day: ["write", body, *_options([("--date", day)]), *tags],
        text,
        st.lists(text.map(lambda t: f"--tag={t}"), max_size=3),
        st.none() | date,
    ),
    st.builds(lambda q: ["search", q], text),
    st.builds(lambda q, n: ["search", q, "--limit", n], text, number),
    st.builds(lambda i, j: ["show", i, *(["--json"] if j else [])], id_like, st.booleans()),
    st.builds(lambda i: ["delete", i, "--yes"], id_like),
    st.builds(lambda i: ["edit", i], id_like),
    st.builds(
        lambda w, t, n, k, j: [
            "log",
            *_options([("--week", w), ("--tag", t), ("--limit", n), ("--weeks", k)]),
            *(["--json"] if j else []),
        ],
        st.none() | date,
        st.none() | text,
        st.none() | number,
        st.none() | number,
        st.booleans(),
    ),
    st.builds(
        lambda w, a, b, r, win, by, c, rate, rep: [
            "review",
            *_options(
                [
                    ("--week", w),
                    ("--results", a),
                    ("--relationships", b),
                    ("--reflection", r),
                    ("--win", win),
                    ("--win-by", by),
                    ("--commit", c),
                    ("--rate", rate),
                ]
            ),
            *(["--replace"] if rep else []),
        ],
        st.none() | date,
        st.none() | st.sampled_from(["1", "5", "9", "0", "10", " 7 ", "٣"]) | number,
        st.none() | st.sampled_from(["1", "5", "9"]) | number,
        st.none() | text,
        st.none() | text,
        st.none() | text,
        st.none() | text,
        st.none() | st.builds(lambda n, v: f"{n}={v}", words, number) | text,
        st.booleans(),
    ),
    st.builds(lambda s: ["commitments", *(["--status", s] if s else [])], st.none() | text),
    st.builds(
        lambda i, note, partly: [
            "commitments",
            "done",
            i,
            *_options([("--note", note)]),
            *(["--partly"] if partly else []),
        ],
        id_like,
        st.none() | text,
        st.booleans(),
    ),
    st.builds(
        lambda i, note: ["commitments", "drop", i, *_options([("--note", note)])],
        id_like,
        st.none() | text,
    ),
    st.builds(
        lambda w, j: ["trends", "--weeks", w, *(["--json"] if j else [])], number, st.booleans()
    ),
    st.builds(lambda w, f: ["brief", "--weeks", w, "--format", f], number, text),
    st.builds(lambda f: ["export", "--format", f], st.sampled_from(["json", "md", "csv"]) | text),
    st.builds(
        lambda src: ["import", "-", "--from", src], st.sampled_from(["leadjournal", "jrnl"]) | text
    ),
    st.builds(
        lambda title, kind, m, b, t, due: [
            "goal",
            "add",
            title,
            *_options(
                [
                    ("--kind", kind),
                    ("--measure", m),
                    ("--baseline", b),
                    ("--target", t),
                    ("--due", due),
                ]
            ),
        ],
        text,
        st.none() | st.sampled_from(["performance", "development"]) | text,
        st.none() | text,
        st.none() | number,
        st.none() | number,
        st.none() | date,
    ),
    st.builds(lambda i, v: ["goal", "checkin", i, "--value", v], id_like, number),
    st.builds(lambda i: ["goal", "show", i], id_like),
    st.lists(text, max_size=4),  # anything at all
)


# The weeks the setup reviews, each leaving one open commitment behind.
SETUP_WEEKS = ("2026-W45", "2026-W46", "2026-W47")


def _setup(runner: CliRunner, env: dict[str, str]) -> list[str]:
    """A journal with an entry and three open commitments; their ids."""
    done = runner.invoke(app, ["write", "A first entry about @hiring"], env=env)
    assert done.exit_code == 0, done.output
    for week in SETUP_WEEKS:
        args = ["review", "--week", week, "--results", "6", "--relationships", "4"]
        done = runner.invoke(app, [*args, "--commit", f"x {week}", "--no-prompts"], env=env)
        assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["commitments", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    ids = [str(row["id"]) for row in json.loads(listed.stdout)]
    assert len(ids) == len(SETUP_WEEKS), listed.stdout
    return ids


def test_no_command_line_breaks_the_program_or_the_journal(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "fuzz.db"
    env = {"LEADJOURNAL_DB": str(db)}
    # Something to find, show, edit, delete, complete and drop.
    ids = _setup(runner, env)
    real = st.sampled_from(ids).flatmap(
        lambda full: st.sampled_from([full, full[:8], full[:4], full.upper(), f" {full} "])
    )
    closing = st.builds(
        lambda verb, i, note: ["commitments", verb, i, *_options([("--note", note)])],
        st.sampled_from(["done", "drop"]),
        real,
        st.none() | text,
    )
    met: list[list[str]] = []  # done/drop commands that closed a real commitment

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(args=st.one_of(command, closing), stdin=st.none() | text)
    # At least these meet an open commitment whatever hypothesis draws.
    @example(args=["commitments", "done", ids[0][:8], "--note", "\x1b[2J"], stdin=None)
    @example(args=["commitments", "drop", ids[1], "--note", "x" * 200_000], stdin=None)
    @example(args=["commitments", "done", ids[2], "--partly"], stdin="\udcff")
    def run(args: list[str], stdin: str | None) -> None:
        # Piped bytes as a shell would pass them, undecodable ones included.
        raw = None if stdin is None else stdin.encode("utf-8", "surrogateescape")
        result = runner.invoke(app, args, input=raw, env=env)
        shown = result.stdout + result.stderr
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, shown[-2000:])
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), (args, repr(result.exception))
        assert "Traceback" not in shown, (args, shown[-2000:])
        assert messages.UNEXPECTED.split("(")[0] not in shown, (args, shown[-2000:])
        closed = args[:1] == ["commitments"] and args[1:2] in (["done"], ["drop"])
        if closed and result.exit_code == 0:
            met.append(args)
        if db.exists():
            conn = sqlite3.connect(db)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            finally:
                conn.close()

    run()
    assert met, "no fuzzed done/drop ever closed a real commitment"
    # Every command ran on the fuzz journal; the test's own home was never used.
    assert not (tmp_path / "home" / "journal.db").exists()
