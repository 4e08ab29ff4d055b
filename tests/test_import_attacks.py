"""Bad imports and huge inputs: each refused with the row and field named, nothing imported;
special files never read; one text at most 256 KiB; imports read in bounded chunks."""

from __future__ import annotations

import io
import json
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from leadjournal import export, inputfiles, jsonstream, snippets, transfer
from leadjournal.cli.progress import Bar
from leadjournal.clock import FixedClock
from leadjournal.demo import build_demo
from leadjournal.errors import BadInput
from leadjournal.journal import Journal
from leadjournal.records import MAX_TEXT_BYTES
from leadjournal.store import Store

from . import procs
from .conftest import NOW, Cli
from .helpers import rows

TABLES = (
    "reviews",
    "review_ratings",
    "entries",
    "commitments",
    "follow_ups",
    "exercise_runs",
    "exercise_answers",
    "goals",
    "goal_measures",
    "goal_checkins",
)
OTHER_ID = "5d0c7a0e-51b4-4c59-8f8e-2d5a1c9e3b21"
TOO_LARGE = "x" * (MAX_TEXT_BYTES + 1)


def _demo_file() -> dict[str, Any]:
    store = Store.memory()
    clock = FixedClock(datetime.fromisoformat(NOW))
    build_demo(store, clock)
    journal = Journal(store, clock)
    goal = journal.goals.add(
        "Cut the support backlog", measure="open tickets", baseline=40, target=15
    ).goal
    journal.goals.checkin(goal.id, 30)
    sink = io.StringIO()
    export.write_json(store, sink, exported_at="2026-11-20T09:00:00Z")
    data: dict[str, Any] = json.loads(sink.getvalue())
    # An exercise run, so its table is in the file too.
    data["exercise_runs"] = [
        {
            "id": "0b6f4e0c-6a51-4a39-9a57-0d5c2e3b7f10",
            "exercise_id": "results-vs-relationships",
            "status": "in_progress",
            "started_at": "2026-11-18T10:00:00Z",
            "updated_at": "2026-11-18T10:05:00Z",
            "completed_at": None,
            "date": "2026-11-18",
            "week": "2026-W47",
            "answers": [
                {"step_id": "list", "position": 1, "answer": "Ship", "answered_at": "2026-11-18"}
            ],
        }
    ]
    return data


@pytest.fixture(scope="module")
def demo_file() -> dict[str, Any]:
    return _demo_file()


def _fresh(clock: FixedClock) -> Journal:
    return Journal(Store.memory(), clock)


def _counts(journal: Journal) -> dict[str, int]:
    conn = journal.store.conn
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def _refused(clock: FixedClock, data: dict[str, Any], *expected: str) -> str:
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        transfer.import_text(
            target, json.dumps(data), "file.json", source="leadjournal", dry_run=False
        )
    for part in expected:
        assert part in error.value.message
    assert set(_counts(target).values()) == {0}, "a refused file imported something"
    return error.value.message


# ---------------------------------------------------------------- our own JSON


@pytest.mark.parametrize(
    "bad_id",
    [
        "",
        "../../etc/passwd",
        "zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz",
        "a" * 1_000_000,
        "B49D7D48-F618-4C8F-8055-197E07D12DED",
        "{b49d7d48-f618-4c8f-8055-197e07d12ded}",
        "b49d7d48f6184c8f8055197e07d12ded",
    ],
)
def test_an_entry_id_that_is_not_a_canonical_uuid_is_refused(
    clock: FixedClock, demo_file: dict[str, Any], bad_id: str
) -> None:
    data = json.loads(json.dumps(demo_file))
    data["entries"][2]["id"] = bad_id
    message = _refused(clock, data, "entries[2].id", "not an id")
    assert len(message) < 500


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("reviews", 0, "id"), "reviews[0].id"),
        (("entries", 1, "review_id"), "entries[1].review_id"),
        (("commitments", 0, "id"), "commitments[0].id"),
        (("commitments", 0, "review_id"), "commitments[0].review_id"),
        (("commitments", 1, "follow_ups", 0, "id"), "commitments[1].follow_ups[0].id"),
        (
            ("commitments", 1, "follow_ups", 0, "commitment_id"),
            "commitments[1].follow_ups[0].commitment_id",
        ),
        (("exercise_runs", 0, "id"), "exercise_runs[0].id"),
        (("goals", 0, "id"), "goals[0].id"),
        (("goals", 0, "measures", 0, "id"), "goals[0].measures[0].id"),
        (("goals", 0, "checkins", 0, "id"), "goals[0].checkins[0].id"),
        (("goals", 0, "checkins", 0, "measure_id"), "goals[0].checkins[0].measure_id"),
    ],
)
def test_ids_in_every_table_are_canonical_uuids(
    clock: FixedClock, demo_file: dict[str, Any], path: tuple[Any, ...], where: str
) -> None:
    data = json.loads(json.dumps(demo_file))
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    if path[0] == "entries":
        target = next(e for e in data["entries"] if e["review_id"] is not None)
        where = f"entries[{data['entries'].index(target)}].review_id"
    target[path[-1]] = target[path[-1]].upper()
    _refused(clock, data, where, "not an id")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["reviews"][0].update(extra={"Bad Name!": 5}), "reviews[0].extra"),
        (lambda d: d["reviews"][0].update(extra={"results": 5}), "always asked"),
        (lambda d: d["reviews"][0].update(extra={"energy\n": 5}), "reviews[0].extra"),
        (lambda d: d["reviews"][0].update(steps_done=["hack"]), "reviews[0].steps_done"),
        (lambda d: d["reviews"][0].update(steps_done=["win", "win"]), "listed twice"),
        (
            lambda d: d["reviews"][0].update(
                status="complete", results=None, relationships=None, steps_done=[]
            ),
            "a complete review needs its results and relationships",
        ),
        (lambda d: d["reviews"][0].update(results=True), "reviews[0].results"),
        (lambda d: d["reviews"][0].update(relationships="7"), "reviews[0].relationships"),
        (lambda d: d["reviews"][0].update(extra={"energy": True}), "reviews[0].extra"),
        (lambda d: d["entries"][0].update(week="2026-W01"), "entries[0].week"),
        (lambda d: d["entries"][0].update(starred=1), "entries[0].starred"),
        (lambda d: d["exercise_runs"][0].update(week="2026-W40"), "exercise_runs[0].week"),
        (lambda d: d["goals"][0].update(week="2026-W01"), "goals[0].week"),
        (lambda d: d["goals"][0]["checkins"][0].update(week="2026-W01"), "checkins[0].week"),
        (lambda d: d["entries"][0].update(body=TOO_LARGE), "entries[0].body"),
        (lambda d: d["commitments"][0].update(text=TOO_LARGE), "commitments[0].text"),
        (lambda d: d["reviews"][0].update(win=TOO_LARGE), "reviews[0].win"),
        (
            lambda d: d["exercise_runs"][0]["answers"][0].update(answer=TOO_LARGE),
            "exercise_runs[0].answers[0].answer",
        ),
    ],
)
def test_a_bad_field_is_refused_with_its_row_and_field(
    clock: FixedClock, demo_file: dict[str, Any], change: Any, expected: str
) -> None:
    data = json.loads(json.dumps(demo_file))
    change(data)
    _refused(clock, data, expected)


def test_the_week_must_be_the_week_of_the_date(
    clock: FixedClock, demo_file: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(demo_file))
    entry = data["entries"][3]
    message = _refused(clock, {**data, "entries": [{**entry, "week": "2026-W02"}]})
    assert "entries[0].week" in message and entry["date"] in message


def test_a_repeated_id_in_one_file_is_refused_not_counted_as_already_here(
    clock: FixedClock, demo_file: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(demo_file))
    data["entries"].append(dict(data["entries"][0]))
    last = len(data["entries"]) - 1
    _refused(clock, data, f"entries[{last}].id", "second row")


def test_two_reviews_of_one_week_in_one_file_are_refused(
    clock: FixedClock, demo_file: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(demo_file))
    twin = {**data["reviews"][0], "id": OTHER_ID}
    data["reviews"].insert(1, twin)
    _refused(clock, data, "reviews[1].week", "second row")


def test_repeated_follow_ups_measures_and_answers_are_refused(
    clock: FixedClock, demo_file: dict[str, Any]
) -> None:
    data = json.loads(json.dumps(demo_file))
    with_follow_ups = next(c for c in data["commitments"] if c["follow_ups"])
    with_follow_ups["follow_ups"].append({**with_follow_ups["follow_ups"][0], "id": OTHER_ID})
    _refused(clock, data, "follow_ups: two have the week")
    data = json.loads(json.dumps(demo_file))
    answers = data["exercise_runs"][0]["answers"]
    answers.append({**answers[0], "position": 2})
    _refused(clock, data, "answers: two have the step_id")


def test_a_skipped_ratings_step_still_round_trips(clock: FixedClock) -> None:
    """The review lets a leader skip the ratings; such a week is the journal's own."""
    journal = _fresh(clock)
    journal.reviews.open("2026-W47").complete()
    sink = io.StringIO()
    export.write_json(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    target = _fresh(clock)
    report = transfer.import_text(
        target, sink.getvalue(), "f.json", source="leadjournal", dry_run=False
    )
    assert report.added == {"reviews": 1}


def test_the_demo_export_still_imports_whole(clock: FixedClock, demo_file: dict[str, Any]) -> None:
    target = _fresh(clock)
    report = transfer.import_text(
        target, json.dumps(demo_file), "f.json", source="leadjournal", dry_run=False
    )
    assert report.added["entries"] == len(demo_file["entries"])
    checkins = sum(len(goal["checkins"]) for goal in demo_file["goals"])
    assert report.added["exercise_runs"] == 1 and report.added["goal_checkins"] == checkins


# ---------------------------------------------------------------- deep and huge JSON


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000,
        '{"format": "leadjournal", "version": 1, "entries": [' + "[" * 200_000,
        '{"format": "leadjournal", "version": 1, "entries": [' + "[" * 200_000 + "]" * 200_000,
    ],
)
def test_deep_nesting_is_refused_not_a_crash(clock: FixedClock, text: str) -> None:
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        transfer.import_text(target, text, "deep.json", source="leadjournal", dry_run=False)
    assert "deep.json" in error.value.message


def test_jrnl_deep_nesting_is_refused(clock: FixedClock) -> None:
    with pytest.raises(BadInput):
        transfer.import_text(
            _fresh(clock), '{"entries": ' + "[" * 200_000, "j.json", source="jrnl", dry_run=False
        )


def test_a_jrnl_entry_over_the_size_limit_is_refused(clock: FixedClock) -> None:
    item = {"title": "t", "body": TOO_LARGE, "date": "2026-03-04", "time": "09:00"}
    target = _fresh(clock)
    with pytest.raises(BadInput) as error:
        transfer.import_text(
            target, json.dumps({"entries": [item]}), "j.json", source="jrnl", dry_run=False
        )
    assert "2026-03-04" in error.value.message and "256 KiB" in error.value.message
    assert error.value.hint is not None and "Split" in error.value.hint
    assert _counts(target)["entries"] == 0


# ---------------------------------------------------------------- streaming


def _jrnl_text(count: int) -> bytes:
    entries = [
        {
            "title": f"Entry {n}",
            "body": f"One-on-one number {n} with @maya about the roadmap. " * 8,
            "date": "2026-03-04",
            "time": f"{n // 60 % 24:02d}:{n % 60:02d}",
            "tags": ["@maya"],
            "starred": False,
        }
        for n in range(count)
    ]
    return json.dumps({"tags": {"@maya": count}, "entries": entries}, indent=4).encode()


def test_import_reads_in_bounded_chunks_and_writes_as_it_reads(clock: FixedClock) -> None:
    data = _jrnl_text(4000)  # about 2.5 MB
    chunk = 64 * 1024
    target = _fresh(clock)
    seen_rows: list[int] = []

    def chunks() -> Iterator[bytes]:
        for at in range(0, len(data), chunk):
            # Rows already written (inside the one transaction) when this chunk is read.
            seen_rows.append(rows_in(target, "entries"))
            yield data[at : at + chunk]

    report = transfer.import_stream(target, chunks(), "j.json", source="jrnl", dry_run=False)
    assert report.added == {"entries": 4000}
    assert len(seen_rows) > 20
    # Rows were written while the file was still being read, not after.
    assert 0 < seen_rows[len(seen_rows) // 2] < 4000


def test_the_reader_holds_about_one_chunk_not_the_file() -> None:
    data = _jrnl_text(4000)
    reader = jsonstream.ObjectReader(data[at : at + 4096] for at in range(0, len(data), 4096))
    count = 0
    for key, value in reader.members(["entries"]):
        if key == "entries":
            count += sum(1 for _ in value)
    assert count == 4000
    assert reader.largest_buffer < 2 * jsonstream.CHUNK < len(data) / 4


def test_a_row_too_large_stops_reading_at_the_limit() -> None:
    def endless() -> Iterator[bytes]:
        yield b'{"entries": ["'
        while True:
            yield b"a" * 65536

    reader = jsonstream.ObjectReader(endless(), max_item=1024 * 1024)
    with pytest.raises(jsonstream.StreamError) as error:
        for _, value in reader.members(["entries"]):
            list(value)
    assert error.value.kind == "too_large"
    assert reader.bytes_read < 3 * 1024 * 1024


def test_a_truncated_stream_anywhere_imports_nothing(clock: FixedClock) -> None:
    data = _jrnl_text(30)
    for cut in range(10, len(data) - 1, 97):
        target = _fresh(clock)
        with pytest.raises(BadInput) as error:
            transfer.import_stream(target, [data[:cut]], "j.json", source="jrnl", dry_run=False)
        assert "truncated" in error.value.message or "invalid" in error.value.message
        assert _counts(target)["entries"] == 0


def test_dry_run_of_a_stream_writes_nothing(clock: FixedClock) -> None:
    target = _fresh(clock)
    report = transfer.import_stream(target, [_jrnl_text(50)], "j.json", source="jrnl", dry_run=True)
    assert report.added == {"entries": 50} and _counts(target)["entries"] == 0


# ---------------------------------------------------------------- special files


def _child(home: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        procs.command(*args),
        env=procs.child_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_import_of_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    run = _child(tmp_path / "home", "import", str(fifo))
    assert run.returncode == 2
    assert "named pipe" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_import_of_a_device_is_refused_at_once(cli: Cli, device: str) -> None:
    run = cli("import", device)
    assert run.exit_code == 2 and "a device, not a regular file" in run.stderr


def test_import_of_a_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    run = cli("import", str(tmp_path))
    assert run.exit_code == 2 and "a folder, not a regular file" in run.stderr


def test_import_says_its_size_limit(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert transfer.MAX_IMPORT_BYTES >= 256 * 1024 * 1024
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 1024 * 1024)
    big = tmp_path / "big.json"
    big.write_bytes(_jrnl_text(3000))
    run = cli("import", str(big), "--from", "jrnl")
    assert run.exit_code == 2 and "over the 1 MiB limit" in run.stderr
    assert "1 MiB" in run.stderr.split("hint:")[-1]
    assert not cli.db.exists() or rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_stdin_is_read_no_further_than_the_limit(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 1024 * 1024)
    run = cli("import", "-", "--from", "jrnl", input=_jrnl_text(3000).decode())
    assert run.exit_code == 2 and "past the 1 MiB limit" in run.stderr
    assert not cli.db.exists() or rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_open_regular_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(inputfiles.NotReadable) as error:
        inputfiles.open_regular(fifo, 1024)
    assert "named pipe" in error.value.reason


def test_a_fifo_pack_in_a_prompts_folder_does_not_hang_prompt(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    os.mkfifo(folder / "x.toml")
    home = tmp_path / "home"
    env = {**procs.child_env(home), "LEADJOURNAL_PROMPTS": str(folder)}
    run = subprocess.run(
        procs.command("prompt"),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, run.stderr
    assert "x.toml" in run.stderr and "named pipe" in run.stderr


def test_a_pack_over_its_size_limit_is_reported(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "huge.toml").write_text("# " + "x" * (1024 * 1024) + "\n")
    run = cli("prompt", env={"LEADJOURNAL_PROMPTS": str(folder)})
    assert run.exit_code == 0 and "huge.toml" in run.stderr and "limit" in run.stderr


# ---------------------------------------------------------------- one text, at most 256 KiB


def test_write_refuses_an_entry_over_the_limit_and_says_how_to_split(cli: Cli) -> None:
    run = cli("write", input=TOO_LARGE)
    assert run.exit_code == 2
    assert "256 KiB" in run.stderr and "Split" in run.stderr and "Traceback" not in run.stderr
    assert not cli.db.exists() or rows(cli.db, "SELECT count(*) FROM entries") == [(0,)]


def test_an_entry_at_the_limit_is_kept(cli: Cli) -> None:
    text = ("word " * (MAX_TEXT_BYTES // 5))[:MAX_TEXT_BYTES]
    cli.ok("write", input=text)
    assert rows(cli.db, "SELECT length(body) FROM entries") == [(len(text.strip()),)]


def test_multibyte_text_is_measured_in_bytes(journal: Journal) -> None:
    with pytest.raises(BadInput):
        journal.write("é" * (MAX_TEXT_BYTES // 2 + 1))
    journal.write("é" * (MAX_TEXT_BYTES // 2))


def test_edit_review_prompt_and_exercise_answers_refuse_oversized_text(journal: Journal) -> None:
    entry = journal.write("short")
    with pytest.raises(BadInput) as error:
        journal.edit(entry.id, TOO_LARGE)
    assert "256 KiB" in error.value.message
    assert journal.show(entry.id).body == "short"
    session = journal.reviews.open("2026-W47")
    with pytest.raises(BadInput):
        session.reflect(TOO_LARGE)
    with pytest.raises(BadInput):
        session.win(TOO_LARGE)
    with pytest.raises(BadInput):
        session.commit(TOO_LARGE)
    prompt = journal.prompt_now(seed=1)
    with pytest.raises(BadInput):
        journal.answer_prompt(prompt, TOO_LARGE)
    exercises = journal.exercises
    exercise = exercises.find("solve-it-together")
    text_step = next(step for step in exercise.steps if step.type == "text")
    with pytest.raises(BadInput):
        exercises.run_with_answers(exercise, {text_step.id: TOO_LARGE})
    assert rows_in(journal, "entries") == 1


def rows_in(journal: Journal, table: str) -> int:
    return int(journal.store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_search_snippet_stays_short_for_the_largest_entry(journal: Journal) -> None:
    body = ("budget roadmap hiring " * (MAX_TEXT_BYTES // 22))[: MAX_TEXT_BYTES - 20] + " coaching"
    entry = journal.write(body)
    hits = journal.search("coaching")
    assert [hit.entry.id for hit in hits] == [entry.id]
    assert "[coaching]" in hits[0].snippet and len(hits[0].snippet) < 200


def test_snippet_marks_stemmed_matches_and_cuts_long_words() -> None:
    pattern = snippets.matcher(["estimate"])
    assert "[estimates]" in snippets.snippet("We keep missing our estimates by a week.", pattern)
    long = snippets.snippet("y" * 100_000 + " estimate " + "z" * 100_000, pattern)
    assert "[estimate]" in long and len(long) < 2000


# ---------------------------------------------------------------- progress


class _Tick:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_on_a_terminal_only_after_a_second() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    tick = _Tick()
    bar = Bar(console, "Importing x", 1000, clock=tick)
    bar.update(100)
    assert not bar.shown
    tick.now = 1.5
    bar.update(500)
    bar.close()
    assert bar.shown and "Importing x" in out.getvalue()


def test_the_bar_never_shows_on_a_pipe() -> None:
    out = io.StringIO()
    tick = _Tick()
    bar = Bar(Console(file=out, force_terminal=False), "Importing x", 1000, clock=tick)
    tick.now = 10
    bar.update(500)
    bar.close()
    assert not bar.shown and out.getvalue() == ""


def test_import_and_export_on_a_pipe_print_no_progress(cli: Cli, tmp_path: Path) -> None:
    cli.ok("write", "A reflection")
    exported = cli.ok("export")
    assert exported.stderr == ""
    dump = tmp_path / "dump.json"
    dump.write_text(exported.stdout)
    run = cli.ok("--db", str(tmp_path / "other.db"), "import", str(dump))
    assert run.stderr == ""


@pytest.mark.parametrize("name", ["Bad Name!", "bad name", "x" * 40])
def test_the_journal_never_writes_a_dimension_its_import_would_refuse(cli: Cli, name: str) -> None:
    run = cli("review", "--results", "7", "--relationships", "4", "--rate", f"{name}=5")
    assert run.exit_code == 2 and "dimension" in run.stderr
    assert not cli.db.exists() or rows(cli.db, "SELECT count(*) FROM review_ratings") == [(0,)]
    assert not cli.db.exists() or rows(cli.db, "SELECT count(*) FROM reviews") == [(0,)]


def test_search_cuts_snippets_in_one_pass_not_with_sqlite_snippet(journal: Journal) -> None:
    """FTS5's snippet() takes time that grows with the square of an entry's length
    (1 MB: seconds a hit); the snippet is cut from the entry instead."""
    journal.write("A long talk about coaching " * 1000)
    statements: list[str] = []
    journal.store.conn.set_trace_callback(statements.append)
    try:
        hits = journal.search("coaching")
    finally:
        journal.store.conn.set_trace_callback(None)
    assert len(hits) == 1 and "[coaching]" in hits[0].snippet
    assert statements and not any("snippet(" in sql.lower() for sql in statements)
