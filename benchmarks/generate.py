"""Build synthetic journals for the benchmarks: one leadjournal, one jrnl, same entries.

    .venv/bin/python benchmarks/generate.py --sizes 1k,10k,100k

For each size this writes ``benchmarks/data/<size>/``:

- ``journal.db``        a leadjournal journal, built through the project's own
                        ``Store`` in one transaction (so the schema, the FTS
                        triggers and the tag rows are exactly what the program
                        itself writes);
- ``jrnl/journal.txt``  the same entries in jrnl's plain-text format (title on
                        the date line, body below, a blank line between);
- ``jrnl-export.json``  the same entries in the shape of jrnl's ``--format json``
                        export, the input of the import benchmark;
- ``manifest.json``     what was built, and the ids and words the runner uses.

The shape of a journal at every size: "now" is fixed (Friday of 2026-W47),
the last two years hold weekly reviews (ratings, a reflection, a win, a
commitment followed up the next week), an exercise every few weeks and about
a thousand free reflections — a busy leader's real pace. Larger journals add
older history before those two years, so "last week" holds the same number of
entries at every size and a command's growth from 1k to 100k measures the
journal's size, not a longer printout.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
# Bump when the generated data changes shape, so old data is rebuilt.
GENERATOR_VERSION = 3
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday in 2026-W47
REVIEW_WEEKS = 104
RECENT_ENTRIES = 1000  # entries in the last two years, at every size
HISTORY_WEEKS = 20 * 52  # older history spreads over the twenty years before
SEARCH_WORD = "delegation"
FILTER_TAG = "maya"

PEOPLE = ["maya", "omar", "lena", "tomas", "priya", "jonas", "aiko", "sam", "ines", "kofi"]
TOPICS = ["hiring", "roadmap", "launch", "budget", "onboarding", "incident", "offsite", "feedback"]
OPENERS = [
    "Had a one-on-one with @{p} about {t}.",
    "Spent most of the morning on the {t} plan.",
    "The team meeting ran long because of {t}.",
    "Gave @{p} feedback on the {t} draft.",
    "Noticed I interrupted @{p} twice in the {t} review.",
    "Quiet day, mostly heads-down on {t}.",
    "Skip-level with @{p}'s team today.",
    "Walked through the {t} numbers with finance.",
    "Asked @{p} what is getting in the way this week.",
    "Celebrated the {t} milestone with everyone.",
]
MIDDLES = [
    "I jumped to a solution before asking what they had already tried.",
    "We agreed on a clear owner and a date, which felt better than last time.",
    "Delegation is still hard for me when the stakes feel high.",
    "The deadline is real, but so is the fatigue I can see in the room.",
    "I kept the focus on results and barely asked how people were doing.",
    "Listening first paid off: the real problem was not the one I assumed.",
    "Two people carried most of the load again, and I let it happen.",
    "We pushed the scope back so the team can recover after the crunch.",
    "I shared the why behind the decision instead of only the what.",
    "There was open disagreement, and it made the plan stronger.",
    "I said yes to one more project without checking capacity first.",
    "The retro surfaced that hand-offs between teams keep slipping.",
    "I owned my mistake in front of the group, which eased the tension.",
    "Coaching instead of fixing took longer but @{p} owns it now.",
    "Our metrics look fine while morale quietly drops, and I should say so.",
]
CLOSERS = [
    "Next time: ask one more question before giving advice.",
    "Follow up with @{p} on Thursday.",
    "Block time for one-on-ones before the calendar fills.",
    "Remember to recognise the work publicly, not only in private.",
    "Write down the decision and who owns it.",
    "Check in on workload, not only on status.",
    "",
    "",
]
WINS = [
    "The launch went out on time",
    "Hiring loop closed",
    "Incident handled calmly",
    "Roadmap agreed",
    "New hire's first release",
    "Budget approved",
]
COMMITMENTS = [
    "One-on-ones with the new hires",
    "Ask before advising in every 1:1",
    "Recognise one person's work publicly",
    "Protect Friday afternoons for focus",
    "Hand the planning meeting to @{p}",
    "Check workload in every standup",
]
EXERCISES = ["solve-it-together", "stay-interview", "recognition-round"]


@dataclass
class Plan:
    """What the generator made, for the runner and the jrnl files."""

    size: int
    entries: list[dict[str, Any]] = field(default_factory=list)  # time-ordered
    review_weeks: list[str] = field(default_factory=list)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    if text.endswith("k"):
        return int(float(text[:-1]) * 1000)
    return int(text)


def size_label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 and size >= 1000 else str(size)


def _text(rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    topic = rng.choice(TOPICS)
    parts = [rng.choice(OPENERS)]
    parts += rng.sample(MIDDLES, rng.randint(1, 3))
    parts.append(rng.choice(CLOSERS))
    text = " ".join(part for part in parts if part).format(p=person, t=topic)
    if rng.random() < 0.3:
        text += f" @{topic}"
    return text


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _monday(week_offset: int) -> date:
    """The Monday ``week_offset`` weeks before the current (now's) week."""
    this_monday = NOW.date() - timedelta(days=NOW.weekday())
    return this_monday - timedelta(weeks=week_offset)


def _moment(rng: random.Random, monday: date, day: int | None = None) -> datetime:
    day = rng.randint(0, 6) if day is None else day
    return datetime.combine(monday + timedelta(days=day), datetime.min.time(), UTC) + timedelta(
        hours=rng.randint(7, 20), minutes=rng.randint(0, 59)
    )


def build(size: int, out: Path, *, seed: int = 1) -> dict[str, Any]:
    """Write the three journals for ``size`` entries into ``out``; returns the manifest."""
    from leadjournal.journal import tags_in
    from leadjournal.models import Commitment, Entry, FollowUp
    from leadjournal.store import Store

    rng = random.Random(seed * 1_000_003 + size)
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "journal.db"
    for stale in out.glob("journal.db*"):
        stale.unlink()

    review_weeks = min(REVIEW_WEEKS, max(4, size // 8))
    recent = min(size, RECENT_ENTRIES)
    plan = Plan(size)
    started = time.perf_counter()
    store = Store.open(db_path)
    conn = store.conn

    def add_entry(body: str, at: datetime, kind: str = "reflection", **extra: Any) -> Entry:
        entry = Entry(
            id=_uuid(rng),
            kind=kind,
            body=body,
            tags=sorted(tags_in(body)),
            created_at=at.isoformat(timespec="seconds").replace("+00:00", "Z"),
            updated_at=at.isoformat(timespec="seconds").replace("+00:00", "Z"),
            date=at.date().isoformat(),
            week=_week(at.date()),
            **extra,
        )
        store.insert_entry(entry)
        plan.entries.append({"at": at, "body": body, "tags": entry.tags, "id": entry.id})
        return entry

    def stamp(at: datetime) -> str:
        return at.isoformat(timespec="seconds").replace("+00:00", "Z")

    with store.transaction():
        # Older history first: entries spread evenly over the twenty years
        # before the reviewed two years.
        history = size - recent
        for index in range(history):
            offset = REVIEW_WEEKS + HISTORY_WEEKS - (index * HISTORY_WEEKS) // history
            add_entry(_text(rng), _moment(rng, _monday(offset)))
        # The reviewed two years: weeks from oldest to last week.
        reviews = review_weeks
        exercises = max(1, review_weeks // 8)
        reflections = max(0, recent - reviews - exercises)
        open_commitment: Commitment | None = None
        carried: Commitment | None = None
        for w in range(review_weeks, 0, -1):
            monday = _monday(w)
            week = _week(monday)
            plan.review_weeks.append(week)
            # Free reflections of this week.
            per_week = reflections // review_weeks + (1 if w <= reflections % review_weeks else 0)
            moments = sorted(_moment(rng, monday) for _ in range(per_week))
            for at in moments:
                add_entry(_text(rng), at)
            if w % 8 == 0:
                run_at = _moment(rng, monday, 2)
                run_id = _uuid(rng)
                conn.execute(
                    """INSERT INTO exercise_runs (id, exercise_id, status, started_at, updated_at,
                                                  completed_at, date, week)
                       VALUES (?, ?, 'complete', ?, ?, ?, ?, ?)""",
                    [
                        run_id,
                        rng.choice(EXERCISES),
                        stamp(run_at),
                        stamp(run_at),
                        stamp(run_at),
                        run_at.date().isoformat(),
                        week,
                    ],
                )
                for position, step in enumerate(["person", "assumptions", "their-needs"]):
                    conn.execute(
                        """INSERT INTO exercise_answers (run_id, step_id, position, answer,
                                                         answered_at) VALUES (?, ?, ?, ?, ?)""",
                        [run_id, step, position, _text(rng), stamp(run_at)],
                    )
                add_entry(_text(rng), run_at, kind="exercise")
            # The review, on Friday evening.
            at = datetime.combine(monday + timedelta(days=4), datetime.min.time(), UTC)
            at += timedelta(hours=17, minutes=30)
            review_id = _uuid(rng)
            store.create_review(review_id, week, stamp(at))
            for pending in (c for c in (carried, open_commitment) if c is not None):
                outcome = rng.choices(
                    ["done", "partly", "not_yet", "dropped"], weights=[55, 25, 10, 10]
                )[0]
                if pending is carried:
                    outcome = "done"
                store.record_follow_up(
                    FollowUp(
                        id=_uuid(rng),
                        commitment_id=pending.id,
                        week=week,
                        outcome=outcome,
                        note=rng.choice([None, "Mostly, one slipped", "Yes, and it helped"]),
                        created_at=stamp(at),
                    )
                )
                status = "open" if outcome == "not_yet" else outcome
                store.set_commitment_status(pending.id, status, None, stamp(at))  # type: ignore[arg-type]
                carried = pending if outcome == "not_yet" and pending is open_commitment else None
            results = rng.randint(3, 9)
            relationships = max(1, min(9, results + rng.randint(-4, 3)))
            store.update_review(
                review_id,
                stamp(at),
                results=results,
                relationships=relationships,
                win=rng.choice(WINS),
                win_by=rng.choice(PEOPLE),
                status="complete",
                completed_at=stamp(at),
            )
            store.set_extra_rating(review_id, "energy", rng.randint(2, 9))
            conn.execute(
                "UPDATE reviews SET steps_done = ? WHERE id = ?",
                [
                    json.dumps(["follow_up", "ratings", "reflection", "win", "commitment"]),
                    review_id,
                ],
            )
            add_entry(_text(rng), at, kind="review", review_id=review_id)
            open_commitment = Commitment(
                id=_uuid(rng),
                text=rng.choice(COMMITMENTS).format(p=rng.choice(PEOPLE)),
                status="open",
                week=week,
                due_week=_week(monday + timedelta(weeks=1)),
                review_id=review_id,
                created_at=stamp(at),
            )
            store.insert_commitment(open_commitment)
        # Top up to the exact size (rounding above), in last week.
        while len(plan.entries) < size:
            add_entry(_text(rng), _moment(rng, _monday(1)))
    conn.execute("PRAGMA optimize")
    store.close()
    built_db = time.perf_counter() - started

    plan.entries.sort(key=lambda e: e["at"])
    _write_jrnl(plan, out)
    sample = plan.entries[len(plan.entries) // 2]["id"]
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "size": size,
        "seed": seed,
        "now": NOW.isoformat().replace("+00:00", "Z"),
        "entries": len(plan.entries),
        "reviews": len(plan.review_weeks),
        "first_review_week": plan.review_weeks[0],
        "last_review_week": plan.review_weeks[-1],
        "sample_entry_id": sample,
        "search_word": SEARCH_WORD,
        "filter_tag": FILTER_TAG,
        "last_week_days": [(_monday(1) + timedelta(days=d)).isoformat() for d in (0, 6)],
        "seconds_to_build_db": round(built_db, 2),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _write_jrnl(plan: Plan, out: Path) -> None:
    """The same entries as a jrnl plain-text journal and as jrnl's JSON export."""
    folder = out / "jrnl"
    folder.mkdir(exist_ok=True)
    exported = []
    tag_counts: Counter[str] = Counter()
    with (folder / "journal.txt").open("w", encoding="utf-8") as handle:
        for entry in plan.entries:
            at: datetime = entry["at"]
            body: str = entry["body"]
            # As jrnl saves an entry typed on its command line: the first
            # sentence is the title, on the date line; the rest is the body.
            title, _, rest = body.partition(". ")
            if rest:
                title += "."
            handle.write(
                f"[{at:%Y-%m-%d %H:%M}] {title}\n{rest}\n\n"
                if rest
                else f"[{at:%Y-%m-%d %H:%M}] {title}\n\n"
            )
            tags = sorted({f"@{tag}" for tag in entry["tags"]})
            tag_counts.update(tags)
            exported.append(
                {
                    "title": title,
                    "body": rest,
                    "date": f"{at:%Y-%m-%d}",
                    "time": f"{at:%H:%M}",
                    "tags": tags,
                    "starred": False,
                }
            )
    document = {"tags": dict(tag_counts.most_common()), "entries": exported}
    (out / "jrnl-export.json").write_text(json.dumps(document, indent=2), encoding="utf-8")


def ensure(size: int, *, seed: int = 1, force: bool = False, root: Path = DATA) -> dict[str, Any]:
    """The manifest of ``size``'s data, building it only when missing or stale."""
    out = root / size_label(size)
    manifest_path = out / "manifest.json"
    if not force and manifest_path.exists():
        manifest: dict[str, Any] = json.loads(manifest_path.read_text())
        if (
            manifest.get("generator_version") == GENERATOR_VERSION
            and manifest.get("size") == size
            and manifest.get("seed") == seed
            and (out / "journal.db").exists()
        ):
            return manifest
    return build(size, out, seed=seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated, e.g. 1k,10k")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=DATA, help="folder for the journals")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    for text in args.sizes.split(","):
        size = parse_size(text)
        started = time.perf_counter()
        manifest = ensure(size, seed=args.seed, force=args.force, root=args.data)
        print(
            f"{size_label(size)}: {manifest['entries']} entries, {manifest['reviews']} reviews "
            f"({time.perf_counter() - started:.1f} s)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
