"""The journal as text: lossless JSON, a readable Markdown journal, a CSV of ratings.

Never prints: every writer takes a sink (a file, stdout, a StringIO) and writes
to it piece by piece while the store's cursors stream rows, so memory stays
flat however large the journal grows.

The JSON format is one object: ``format``, ``version``, ``exported_at`` and one
list per table in ``TABLES``. Adding a table to the export (and so to import)
is one ``TableFormat`` in ``TABLES`` plus its importer in ``transfer.IMPORTERS``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

from leadjournal import insights, messages, weeks
from leadjournal.models import (
    Commitment,
    Entry,
    ExerciseRun,
    Goal,
    GoalProgress,
    Model,
    Person,
    Review,
)
from leadjournal.safetext import json_safe, md_block, md_inline, visible
from leadjournal.store import Store

FORMAT_NAME = "leadjournal"
# Bump when a field changes meaning or a table is reshaped; adding a table or
# an optional field does not need a bump (older files still validate).
FORMAT_VERSION = 1
HEADER_KEYS = ("format", "version", "exported_at")


class Sink(Protocol):
    def write(self, text: str, /) -> object: ...


@dataclass(frozen=True)
class TableFormat:
    """One list in the JSON export: its key, the model of one row, how rows are read."""

    name: str
    model: type[Model]
    rows: Callable[[Store], Iterable[Model]]


# In dependency order: a row may only refer to rows of tables listed before it,
# so import can insert them in this order. (Goals refer to each other in pairs:
# import links pairs once every goal of the file is in.)
TABLES: tuple[TableFormat, ...] = (
    TableFormat("reviews", Review, Store.iter_reviews),
    TableFormat("entries", Entry, Store.iter_entries),
    TableFormat("commitments", Commitment, Store.iter_commitments),
    TableFormat("exercise_runs", ExerciseRun, Store.iter_exercise_runs),
    TableFormat("goals", Goal, Store.iter_goals),
    # Last: a person's links point at entries, wins and commitments above.
    TableFormat("people", Person, Store.iter_people),
)


def _json_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def write_json(store: Store, sink: Sink, *, exported_at: str) -> dict[str, int]:
    """Everything in the journal, losslessly; returns how many rows each table had."""
    counts: dict[str, int] = {}
    sink.write("{\n")
    sink.write(f'  "format": {_json_string(FORMAT_NAME)},\n')
    sink.write(f'  "version": {FORMAT_VERSION},\n')
    sink.write(f'  "exported_at": {_json_string(exported_at)}')
    with store.snapshot():
        # pydantic's serializer writes a row several times faster than
        # json.dumps of its dict; at 100k entries that is most of the export.
        from pydantic import TypeAdapter

        for table in TABLES:
            adapter: TypeAdapter[Model] = TypeAdapter(table.model)
            sink.write(f',\n  "{table.name}": [')
            count = 0
            for row in table.rows(store):
                sink.write(",\n    " if count else "\n    ")
                sink.write(json_safe(adapter.dump_json(row).decode()))
                count += 1
            sink.write("\n  ]" if count else "]")
            counts[table.name] = count
    sink.write("\n}\n")
    return counts


# ---------------------------------------------------------------- Markdown


def _week_heading(week: str) -> str:
    return f"## {week} · {weeks.week_start(week).isoformat()} – {weeks.week_end(week).isoformat()}"


def _review_lines(review: Review) -> list[str]:
    lines: list[str] = []
    status = "" if review.status == "complete" else " (in progress)"
    if review.results is not None and review.relationships is not None:
        lean = insights.lean(review.results, review.relationships)
        style = insights.grid_style(review.results, review.relationships)
        ratings = [
            f"results {review.results}",
            f"relationships {review.relationships}",
            lean_text(lean),
            style,
            *(f"{md_inline(name)} {value}" for name, value in review.extra.items()),
        ]
        lines.append(f"**Review{status}:** " + " · ".join(ratings))
    else:
        lines.append(f"**Review{status}:** not rated")
    if review.win:
        by = f" ({md_inline(review.win_by)})" if review.win_by else ""
        lines.append(f"**Win:** {md_inline(review.win)}{by}")
    return lines


def _commitment_lines(commitment: Commitment) -> list[str]:
    text = md_inline(commitment.text)
    lines = [f"**Commitment:** {text} — {commitment.status} (due {commitment.due_week})"]
    for follow_up in commitment.follow_ups:
        note = f": {md_inline(follow_up.note)}" if follow_up.note else ""
        lines.append(f"- {follow_up.week}: {follow_up.outcome.replace('_', ' ')}{note}")
    return lines


def _entry_block(entry: Entry) -> str:
    meta = [entry.date, entry.kind]
    if entry.tags:
        meta.append(" ".join(f"@{md_inline(tag)}" for tag in entry.tags))
    star = " ★" if entry.starred else ""
    head = f"### {' · '.join(meta)}{star}"
    title = f"**{md_inline(entry.title)}**\n\n" if entry.title else ""
    return f"{head}\n\n{title}{md_block(entry.body)}\n"


def goal_figures(summary: GoalProgress) -> str:
    """How far a goal has come against the time gone by, in words."""
    if summary.progress is None or summary.expected is None:
        return messages.GOAL_FIGURES_NONE
    return messages.GOAL_FIGURES.format(
        progress=f"{round(summary.progress * 100)}%", expected=f"{round(summary.expected * 100)}%"
    )


def track_words(summary: GoalProgress) -> str:
    return messages.TRACK_WORDS[summary.status] if summary.status else messages.TRACK_UNKNOWN


def _number(value: float | None, unit: str | None) -> str:
    if value is None:
        return "–"
    text = format(value, ".12g")
    return text + (("" if unit == "%" else " ") + md_inline(unit) if unit else "")


def _goal_block(summary: GoalProgress, titles: dict[str, str]) -> str:
    goal = summary.goal
    lines = [
        f"**{goal.kind.capitalize()} goal** · {goal.level} · reviewed {goal.cadence} · "
        f"{goal.start_date} → {goal.due_date or 'no date'} · {track_words(summary)}"
    ]
    if summary.measure:
        unit = summary.unit
        lines.append(
            f"**Result:** {md_inline(summary.measure)}, {_number(summary.baseline, unit)} → "
            f"{_number(summary.target, unit)}, now {_number(summary.current, unit)} · "
            + goal_figures(summary)
        )
    leading = [md_inline(m.name) for m in goal.measures if m.kind == "leading"]
    if leading:
        lines.append("**Leading:** " + ", ".join(leading))
    if goal.pair_id is not None:
        paired = titles.get(goal.pair_id, goal.pair_id[:8])
        lines.append(f"**Paired with:** {md_inline(paired)}")
    if goal.outcome_note:
        lines.append(f"**Outcome:** {md_inline(goal.outcome_note)}")
    units = {m.id: m.unit for m in goal.measures}
    checkins = [
        f"- {c.date}: {md_inline(c.measure)} {_number(c.value, units.get(c.measure_id))}"
        + (f" — {md_inline(c.note)}" if c.note else "")
        for c in goal.checkins
    ]
    head = f"### {md_inline(goal.title)}"
    parts = [head, "\n".join(lines)] + (["\n".join(checkins)] if checkins else [])
    return "\n\n".join(parts) + "\n"


def _goals_section(store: Store, today: date | None, exported_at: str) -> str:
    from leadjournal import goals as goal_maths

    goals = list(store.iter_goals())
    if not goals:
        return ""
    as_of = today or date.fromisoformat(exported_at[:10])
    summaries = goal_maths.summarise_all(goals, as_of)
    titles = {s.goal.id: s.goal.title for s in summaries}
    blocks = [_goal_block(summary, titles) for summary in summaries]
    return f"\n## Goals (as of {as_of.isoformat()})\n\n" + "\n".join(blocks)


def write_markdown(
    store: Store, sink: Sink, *, exported_at: str, today: date | None = None
) -> None:
    """A readable journal: the goals and where they stand on ``today`` (by default
    the export's day), then one section per ISO week, oldest first."""
    sink.write(f"# Leadership journal\n\nExported {exported_at}.\n")
    with store.snapshot():
        sink.write(_goals_section(store, today, exported_at))
        # Reviews and commitments number about one a week: small enough to
        # hold. Entries can run to hundreds of thousands: read week by week.
        reviews = {review.week: review for review in store.iter_reviews()}
        made: dict[str, list[Commitment]] = {}
        for commitment in store.iter_commitments():
            made.setdefault(commitment.week, []).append(commitment)
        for week in store.weeks_with_anything():
            sink.write(f"\n{_week_heading(week)}\n\n")
            lines: list[str] = []
            if week in reviews:
                lines += _review_lines(reviews[week])
            for commitment in made.get(week, []):
                lines += _commitment_lines(commitment)
            if lines:
                sink.write("\n".join(lines) + "\n\n")
            for index, entry in enumerate(store.iter_entries(week)):
                sink.write(("\n" if index else "") + _entry_block(entry))


# ---------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "week",
    "week_start",
    "status",
    "results",
    "relationships",
    "lean",
    "style",
)
CSV_TAIL = ("win", "win_by", "commitment", "commitment_status")


def _cell(text: str | None) -> str:
    """A text cell a spreadsheet shows as text.

    A cell starting with = + - @ (or a tab or carriage return) is run as a
    formula by spreadsheets; a leading apostrophe keeps it text, so a win
    written as "=HYPERLINK(...)" cannot act when the file is opened. Control
    characters are shown, as on the terminal: ``cat`` of the file is safe too.
    """
    if not text:
        return ""
    text = visible(text)
    return f"'{text}" if text[0] in "=+-@\t\r" else text


def write_csv(store: Store, sink: Sink) -> None:
    """One row per reviewed week: the ratings table, for a spreadsheet."""
    writer = csv.writer(sink, lineterminator="\n")
    with store.snapshot():
        dimensions = store.extra_dimensions()
        by_review = {
            c.review_id: c
            for c in store.iter_commitments()
            if c.review_id is not None and c.source == "review"
        }
        writer.writerow([*CSV_COLUMNS, *(_cell(name) for name in dimensions), *CSV_TAIL])
        for review in store.iter_reviews():
            rated = review.results is not None and review.relationships is not None
            lean = style = ""
            if review.results is not None and review.relationships is not None:
                lean = str(insights.lean(review.results, review.relationships))
                style = insights.grid_style(review.results, review.relationships)
            commitment = by_review.get(review.id)
            writer.writerow(
                [
                    review.week,
                    weeks.week_start(review.week).isoformat(),
                    review.status,
                    review.results if rated else "",
                    review.relationships if rated else "",
                    lean,
                    style,
                    *(review.extra.get(name, "") for name in dimensions),
                    _cell(review.win),
                    _cell(review.win_by),
                    _cell(commitment.text if commitment else None),
                    commitment.status if commitment else "",
                ]
            )


# ---------------------------------------------------------------- shared pictures

SPARK_LEVELS = "▁▂▃▄▅▆▇█"
GAP = " "


def spark(value: int | None) -> str:
    """One rating (1–9) as a block of matching height; a week without one is a gap."""
    if value is None:
        return GAP
    step = (value - insights.RATING_MIN) * (len(SPARK_LEVELS) - 1)
    step_size = insights.RATING_MAX - insights.RATING_MIN
    return SPARK_LEVELS[math.floor(step / step_size + 0.5)]


def sparkline(values: Sequence[int | None]) -> str:
    """Ratings oldest first as a sparkline; weeks without a review stay blank."""
    return "".join(spark(value) for value in values)


GridCell = str  # "" empty, "o" an earlier week, "@" the latest week


def grid_cells(points: Sequence[tuple[int, int]]) -> list[list[GridCell]]:
    """The 9×9 Managerial Grid with weeks plotted, top row first.

    ``points`` are (results, relationships), oldest first. Rows run from
    relationships 9 down to 1; columns from results 1 to 9. The latest point is
    "@", earlier ones "o".
    """
    size = insights.RATING_MAX
    cells: list[list[GridCell]] = [["" for _ in range(size)] for _ in range(size)]
    for index, (results, relationships) in enumerate(points):
        latest = index == len(points) - 1
        row, column = size - relationships, results - 1
        cells[row][column] = "@" if latest else (cells[row][column] or "o")
    return cells


def grid_text(points: Sequence[tuple[int, int]]) -> list[str]:
    """The grid as lines of text: relationships up the side, results along the bottom."""
    marks = {"": "·", "o": "o", "@": "@"}
    lines = []
    for index, row in enumerate(grid_cells(points)):
        level = insights.RATING_MAX - index
        lines.append(f"{level} │ " + "  ".join(marks[cell] for cell in row))
    lines.append("  └" + "─" * (3 * insights.RATING_MAX - 1))
    lines.append("    " + "  ".join(str(n) for n in range(1, insights.RATING_MAX + 1)))
    return lines


def verdict_text(imbalance: insights.Imbalance, rated: bool = True) -> str:
    """The imbalance verdict in plain words."""
    if not rated:
        return messages.VERDICT_NO_DATA
    if imbalance.state == "lasting" and imbalance.toward:
        other = "relationships" if imbalance.toward == "results" else "results"
        return messages.VERDICT_LASTING.format(
            toward=imbalance.toward, weeks=imbalance.weeks, other=other
        )
    if imbalance.state == "temporary" and imbalance.toward:
        return messages.VERDICT_TEMPORARY.format(toward=imbalance.toward)
    return messages.VERDICT_BALANCED


def weeks_count(count: int) -> str:
    """'1 week', '12 weeks'."""
    return messages.WEEKS_ONE if count == 1 else messages.WEEKS_MANY.format(count=count)


def streak_text(streak: insights.Streak) -> str:
    return messages.STREAK.format(
        current=weeks_count(streak.current), longest=weeks_count(streak.longest)
    )


def lean_text(lean: int) -> str:
    """A week's lean in words: 'leans toward results by 3 points', 'balanced: …'."""
    toward = "relationships" if lean > 0 else "results"
    if lean == 0:
        return messages.LEAN_LEVEL
    if abs(lean) <= insights.BALANCED_LEAN:
        return messages.LEAN_SLIGHT.format(toward=toward)
    return messages.LEAN_TOWARD.format(toward=toward, points=abs(lean))


def signed(lean: int) -> str:
    """A lean in a table's column: -3, 0, +2 (no sign on a level week)."""
    return f"{lean:+d}" if lean else "0"


def style_legend(styles: Iterable[str | None]) -> str | None:
    """What the grid styles named in a card or a brief mean, in the order met;
    None when none is named."""
    met = [style for style in dict.fromkeys(styles) if style in messages.STYLE_NOTES]
    if not met:
        return None
    items = [
        messages.STYLE_LEGEND_ITEM.format(style=style, note=messages.STYLE_NOTES[style])
        for style in met
    ]
    return messages.STYLE_LEGEND.format(styles="; ".join(items))


def follow_through_text(follow: insights.FollowThrough) -> str:
    if follow.rate is None:
        return messages.FOLLOW_THROUGH_NONE.format(open=follow.open, overdue=follow.overdue)
    return messages.FOLLOW_THROUGH.format(
        percent=f"{round(follow.rate * 100)}%",
        assessed=follow.assessed,
        done=follow.done,
        partly=follow.partly,
        open=follow.open,
        overdue=follow.overdue,
    )


ExportFormat = Literal["json", "md", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "md", "csv")


def write_export(
    store: Store, fmt: ExportFormat, sink: Sink, *, exported_at: str, today: date | None = None
) -> None:
    """The journal in one of the export formats, written to ``sink`` as it is read."""
    if fmt == "json":
        write_json(store, sink, exported_at=exported_at)
    elif fmt == "md":
        write_markdown(store, sink, exported_at=exported_at, today=today)
    else:
        write_csv(store, sink)
