"""Rich renderables built from models. No storage access, no decisions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import dropwhile
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leadjournal import messages
from leadjournal.insights import ARROWS, Imbalance, Trends
from leadjournal.models import (
    Commitment,
    DoctorReport,
    Entry,
    FollowUp,
    GoalProgress,
    LogResult,
    MigrationStatus,
    Review,
    Version,
)
from leadjournal.safetext import visible

if TYPE_CHECKING:
    from leadjournal.exercises import ExerciseDetail, ExerciseListing, RunProgress
    from leadjournal.journal import SearchHit, TrendsView
    from leadjournal.lookback import LastYear
    from leadjournal.patterns import Pattern
    from leadjournal.record import History, WeekPage
    from leadjournal.review import ReviewSummary, Standing


def user(text: str | None, style: str = "") -> Text:
    """Text a person, a file or a pack wrote: never parsed as markup, controls shown.

    The one way user text reaches the terminal; a plain ``str`` handed to a
    table cell or ``console.print`` would be read as rich markup.
    """
    return Text(visible(text or ""), style=style)


def short(identifier: str) -> str:
    return identifier[:8]


def entry_panel(entry: Entry) -> Panel:
    meta = f"{entry.date} · {entry.week} · {entry.kind}"
    if entry.tags:
        meta += " · " + " ".join(f"@{tag}" for tag in entry.tags)
    body = user(entry.body)
    title = Text.assemble(
        (short(entry.id), "bold"), user(f"  {entry.title}" if entry.title else "")
    )
    return Panel(body, title=title, title_align="left", subtitle=user(meta), subtitle_align="right")


def _review_line(review: Review) -> Text:
    parts = [Text(f"{short(review.id)}  {messages.LOG_REVIEW}", style="bold cyan")]
    if review.results is not None and review.relationships is not None:
        parts.append(
            Text(
                messages.HISTORY_RATINGS.format(
                    results=review.results, relationships=review.relationships
                )
            )
        )
    for name, value in review.extra.items():
        parts.append(user(f"{name} {value}"))
    if review.win:
        parts.append(Text(messages.LOG_WIN) + user(review.win))
    if review.status != "complete":
        parts.append(Text(messages.WEEK_IN_PROGRESS, style="yellow"))
    return Text("  ").join(parts)


def print_log(console: Console, result: LogResult, *, reverse: bool = False) -> None:
    """Entries and reviews under week headings, newest week first (or oldest)."""
    if not result.entries and not result.reviews:
        console.print(user(messages.NO_ENTRIES.format(period=result.period)))
        return
    shown = sorted(
        {e.week for e in result.entries} | {r.week for r in result.reviews}, reverse=not reverse
    )
    reviews = {review.week: review for review in result.reviews}
    by_week: dict[str, list[Entry]] = {}
    for entry in result.entries:
        by_week.setdefault(entry.week, []).append(entry)
    for week in shown:
        start, end = weeks_span(week)
        console.print(
            Text(messages.LOG_WEEK_HEADING.format(week=week, start=start, end=end), style="bold")
        )
        if week in reviews:
            console.print(Text("  ") + _review_line(reviews[week]))
        for entry in by_week.get(week, []):
            console.print(_entry_head(entry, indent="  "))
            console.print(_body(entry.body), soft_wrap=False)
        console.print()


def print_search(console: Console, query: str, hits: Sequence[SearchHit]) -> None:
    if not hits:
        console.print(user(messages.NO_MATCHES.format(query=query)))
        return
    for hit in hits:
        label = (
            item_label(hit.entry)
            if hit.entry is not None
            else messages.ITEM_LABELS.get(hit.kind, hit.kind)
        )
        head = Text.assemble(
            (short(hit.id), "bold"),
            "  ",
            (messages.SEARCH_HIT_WEEK.format(label=label, week=hit.week), "cyan"),
        )
        if hit.entry is not None and hit.entry.title:
            head += Text("  ") + user(hit.entry.title, "bold")
        console.print(head)
        console.print(_body(hit.snippet))


def verdict(imbalance: Imbalance, rated: bool = True) -> str:
    from leadjournal.export import verdict_text

    return verdict_text(imbalance, rated)


def standing(place: Standing) -> RenderableType:
    from leadjournal.export import lean_text

    lean = lean_text(place.lean)
    note = messages.STYLE_NOTES.get(place.style, "")
    return Group(
        Text.assemble(
            "  Results ",
            (str(place.results), "bold"),
            " · relationships ",
            (str(place.relationships), "bold"),
            f" · {lean}",
        ),
        Text.assemble("  Grid style: ", (place.style, "bold"), f" ({note})"),
        Text("  " + verdict(place.imbalance)),
    )


def weeks_table(trends: Trends, outcomes: dict[str, str] | None = None) -> Table:
    """The week-by-week table; with ``outcomes``, a column for each week's commitment."""
    table = Table(show_edge=False, pad_edge=False)
    columns = ["week", "results", "relationships", "lean", "style"]
    if outcomes is not None:
        columns.append("commitment")
    for column in columns:
        table.add_column(
            column, justify="right" if column in ("results", "relationships", "lean") else "left"
        )
    for week in trends.weeks:
        tail = [] if outcomes is None else [user(outcomes.get(week.week, ""))]
        if not week.reviewed:
            table.add_row(week.week, "·", "·", "·", Text("not reviewed", style="dim"), *tail)
            continue
        table.add_row(
            week.week,
            str(week.results),
            str(week.relationships),
            signed(week.lean) if week.lean is not None else "",
            week.style or "",
            *tail,
        )
    return table


def signed(lean: int) -> str:
    from leadjournal.export import signed as signed_text

    return signed_text(lean)


def style_legend(styles: Iterable[str | None]) -> list[RenderableType]:
    """What the grid styles in a table mean, under it, the first time they appear."""
    from leadjournal.export import style_legend as legend

    text = legend(styles)
    return [Text(), Text(text, style="dim")] if text else []


def trends_view(view: TrendsView) -> RenderableType:
    """Everything ``trends`` shows, top to bottom."""
    from leadjournal import export, insights

    # From the journal's first review on: a new journal's picture starts
    # there, not with the empty weeks before it (a week missed since is a gap).
    trends = view.since_start()
    rows = trends.weeks
    if not rows:
        window = view.trends.weeks
        title = messages.TRENDS_TITLE.format(
            first=window[0].week, last=window[-1].week, count=export.weeks_count(len(window))
        )
        return Group(Text(title, style="bold"), Text(), Text(messages.TRENDS_NO_REVIEWS))
    rated = any(week.reviewed for week in rows)
    title = messages.TRENDS_TITLE.format(
        first=rows[0].week, last=rows[-1].week, count=export.weeks_count(len(rows))
    )
    parts: list[RenderableType] = [Text(title, style="bold"), Text()]
    parts.append(weeks_table(trends, dict(view.outcomes)))
    parts.extend(style_legend(week.style for week in rows))
    parts.append(Text())
    series: list[tuple[str, list[int | None], str]] = []
    for name in ("results", "relationships"):
        values = [getattr(week, name) for week in rows]
        series.append((name, values, ARROWS[getattr(trends.direction, name)]))
    for name in view.dimensions:
        values = [week.extra.get(name) for week in rows]
        series.append((name, values, ARROWS[insights.direction(values)]))
    width = max(len(name) for name, _, _ in series)
    for name, values, arrow in series:
        mean = insights.average(values)
        shown = f"avg {mean:.1f} {arrow}" if mean is not None else "no ratings"
        parts.append(user(f"{name.ljust(width)}  │{export.sparkline(values)}│  {shown}"))
    parts.append(Text())
    points = [(w.results, w.relationships) for w in rows if w.results and w.relationships]
    parts.append(Text("The grid (relationships ↑, results →)", style="bold"))
    parts.extend(Text("  " + line) for line in export.grid_text(points))
    parts.append(Text("  " + messages.GRID_LEGEND, style="dim"))
    parts.append(Text())
    parts.append(Text(export.streak_text(trends.streak)))
    parts.append(Text(export.follow_through_text(trends.follow_through)))
    parts.append(Text(verdict(trends.imbalance, rated), style="bold"))
    if view.goals:
        parts.append(Text())
        parts.append(Text(messages.TRENDS_GOALS_TITLE, style="bold"))
        parts.extend(goal_trend_line(summary) for summary in view.goals)
    from leadjournal.patterns import MIN_WEEKS

    if view.reviewed >= MIN_WEEKS:
        parts.append(Text())
        parts.extend(patterns_block(view.patterns))
    return Group(*parts)


def patterns_block(patterns: Sequence[Pattern]) -> list[RenderableType]:
    """What goes with a good week: a heading, one line per pattern with its
    counts, and the reminder that these are patterns, not causes."""
    from leadjournal.lookback import pattern_line

    lines: list[RenderableType] = [Text(messages.PATTERNS_HEADING, style="bold")]
    if not patterns:
        lines.append(Text("  " + messages.PATTERNS_NONE, style="dim"))
        return lines
    # The feature's name came from the leader's text (a tag, a goal's title).
    from rich.padding import Padding

    # Padding, not spaces: a long line wraps under its own indent.
    lines.extend(
        Padding(Text("• ") + user(pattern_line(pattern)), (0, 0, 0, 2)) for pattern in patterns
    )
    lines.append(Padding(Text(messages.PATTERNS_NOTE, style="dim"), (0, 0, 0, 2)))
    return lines


def last_year_line(found: LastYear) -> Text:
    """One line from the same week a year earlier."""
    return user(messages.LAST_YEAR_LINE.format(week=found.week, text=found.text), "dim")


def goal_trend_line(summary: GoalProgress) -> RenderableType:
    """One open goal: its title, then a bar, the status and how far against the time gone."""
    from leadjournal.export import goal_figures

    return Group(
        Text.assemble(
            "  ",
            (short(summary.goal.id), "bold"),
            " ",
            user(summary.goal.title),
            (f" ({summary.goal.kind})", "dim"),
        ),
        Text.assemble(
            "    ", bar(summary.progress), " ", track(summary.status), f" · {goal_figures(summary)}"
        ),
    )


def summary_card(summary: ReviewSummary) -> Panel:
    from leadjournal.export import streak_text

    trends = summary.trends
    rated = any(week.reviewed for week in trends.weeks)
    # A new journal's card starts at its first review, not with empty weeks
    # before it; a week missed later still shows as a gap.
    shown = list(dropwhile(lambda week: not week.reviewed, trends.weeks)) or trends.weeks
    lines: list[RenderableType] = [weeks_table(trends.model_copy(update={"weeks": shown}))]
    lines.extend(style_legend(week.style for week in shown))
    lines.append(Text())
    if trends.averages.results is not None and trends.averages.relationships is not None:
        lines.append(
            Text(
                f"Average: results {trends.averages.results} {ARROWS[trends.direction.results]}"
                f" · relationships {trends.averages.relationships}"
                f" {ARROWS[trends.direction.relationships]}"
            )
        )
    lines.append(Text(verdict(trends.imbalance, rated)))
    lines.append(Text(streak_text(trends.streak)))
    if summary.last_year is not None:
        lines.append(last_year_line(summary.last_year))
    count = len(summary.open_commitments) + summary.more_commitments
    lines.append(Text(messages.OPEN_COMMITMENTS.format(count=count)))
    for commitment in summary.open_commitments:
        lines.append(
            Text.assemble("  • ", user(commitment.text), f" ({commitment.week})", style="dim")
        )
    if summary.more_commitments:
        lines.append(Text(messages.AND_MORE.format(count=summary.more_commitments), style="dim"))
    if summary.open_goals:
        from leadjournal.export import goal_figures

        lines.append(Text(messages.SUMMARY_GOALS.format(count=len(summary.open_goals))))
        for goal in summary.open_goals:
            lines.append(
                Text.assemble(
                    "  • ",
                    user(goal.goal.title),
                    " — ",
                    track(goal.status),
                    (f" ({goal_figures(goal)})", "dim"),
                )
            )
    return Panel(Group(*lines), title=f"[bold]{summary.week}[/bold]", title_align="left")


def commitments_table(commitments: Sequence[Commitment]) -> RenderableType:
    if not commitments:
        return Text(messages.NO_COMMITMENTS)
    table = Table(show_edge=False, pad_edge=False)
    for column in ("id", "week", "status", "commitment"):
        table.add_column(column)
    for commitment in commitments:
        status: str = commitment.status
        if commitment.follow_ups and commitment.follow_ups[-1].note:
            status += f" — {commitment.follow_ups[-1].note}"
        table.add_row(
            user(short(commitment.id)), user(commitment.week), user(status), user(commitment.text)
        )
    return table


def migration_status(status: MigrationStatus) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_row("journal", user(status.path))
    table.add_row("schema version", str(status.schema_version))
    table.add_row("applied", ", ".join(status.applied) or "none")
    table.add_row("pending", ", ".join(status.pending) or "none")
    if status.cipher is not None:
        c = status.cipher
        table.add_row(
            "encrypted",
            user(
                f"yes: SQLCipher {c.get('cipher_version', '?')}"
                f" ({c.get('cipher_provider', '?')}),"
                f" {c.get('cipher_kdf_algorithm', '?')} × {c.get('kdf_iter', '?')},"
                f" {c.get('cipher_hmac_algorithm', '?')},"
                f" {c.get('cipher_page_size', '?')}-byte pages"
            ),
        )
    else:
        table.add_row("encrypted", "no")
    return table


# -- goals -------------------------------------------------------------------

_TRACK_STYLES = {
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
    "done": "cyan",
    "dropped": "dim",
}
BAR_WIDTH = 12


def number(value: float | None, unit: str | None = None) -> str:
    """A measure's value as people write it: 15, 4.5, 12 %."""
    if value is None:
        return "—"
    text = format(value, ".12g")
    if unit:
        text += unit if unit == "%" else f" {unit}"
    return text


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    if share is None:
        return "·" * width
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


def track(status: str | None) -> Text:
    if status is None:
        return Text("not measurable yet", style="dim")
    return Text(messages.TRACK_WORDS[status], style=_TRACK_STYLES[status])


def goal_progress_line(summary: GoalProgress) -> Text:
    """One line: how far, how much time gone, and the verdict."""
    if summary.progress is None or summary.expected is None:
        return Text(messages.GOAL_NO_PROGRESS, style="dim")
    return Text.assemble(
        bar(summary.progress),
        " ",
        messages.GOAL_PROGRESS_LINE.format(
            progress=percent(summary.progress),
            expected=percent(summary.expected),
            status=messages.TRACK_WORDS[summary.status or "on_track"],
        ),
    )


def smart_lines(gaps: Sequence[str]) -> RenderableType:
    if not gaps:
        return Text(messages.SMART_OK, style="green")
    lines: list[RenderableType] = [Text(messages.NOT_YET_SMART, style="yellow")]
    lines.extend(Text(f"  • {messages.SMART_GAPS[code]}") for code in gaps)
    return Group(*lines)


def goals_table(summaries: Sequence[GoalProgress]) -> RenderableType:
    if not summaries:
        return Text(messages.NO_GOALS)
    # Read at 80 columns: no rules between columns, and the result under the
    # title, so the title (what a leader reads first) has most of the width.
    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), header_style="bold")
    for column in ("id", "goal", "progress", "time", "status", "due"):
        table.add_column(
            column,
            justify="right" if column in ("progress", "time") else "left",
            no_wrap=column != "goal",
            ratio=1 if column == "goal" else None,
        )
    for s in summaries:
        goal = s.goal
        title = user(goal.title)
        if s.measure:
            title.append("\n")
            title.append_text(
                user(f"{number(s.current, s.unit)} → {number(s.target, s.unit)}", "dim")
            )
        table.add_row(
            user(short(goal.id)),
            title,
            percent(s.progress),
            percent(s.expected),
            track(s.status) if s.status else "—",
            goal.due_date or "—",
        )
    return table


def goal_panel(summary: GoalProgress, partner: GoalProgress | None = None) -> Panel:
    goal = summary.goal
    span = f"{goal.start_date} → {goal.due_date or 'no date'}"
    if summary.days_left is not None:
        span += f" ({summary.days_left} days left)" if summary.days_left >= 0 else " (past due)"
    lines: list[RenderableType] = [
        Text(f"{goal.kind} goal · {goal.level} · reviewed {goal.cadence} · {span}", style="dim")
    ]
    if summary.measure:
        unit = summary.unit
        lines.append(
            user(
                f"Result: {summary.measure}, {number(summary.baseline, unit)} → "
                f"{number(summary.target, unit)}, now {number(summary.current, unit)}"
            )
        )
    lines.append(goal_progress_line(summary))
    for measure in goal.measures:
        if measure.kind != "leading":
            continue
        values = [c for c in goal.checkins if c.measure_id == measure.id]
        latest = f"{number(values[-1].value)} on {values[-1].date}" if values else "no check-in yet"
        lines.append(user(f"Leading: {measure.name} ({latest})"))
    if goal.achievable:
        lines.append(user(f"Achievable: {goal.achievable}"))
    if goal.relevant:
        lines.append(user(f"Relevant to: {goal.relevant}"))
    if partner is not None:
        lines.append(
            user(
                f"Paired with: {short(partner.goal.id)} {partner.goal.title} ({partner.goal.kind})"
            )
        )
    if goal.outcome_note:
        lines.append(user(f"Outcome: {goal.outcome_note}"))
    lines.append(smart_lines(summary.smart))
    if goal.checkins:
        table = Table(show_edge=False, pad_edge=False, title="Check-ins", title_justify="left")
        for column in ("date", "measure", "value", "note"):
            table.add_column(column)
        for checkin in goal.checkins[-10:]:
            table.add_row(
                checkin.date, user(checkin.measure), number(checkin.value), user(checkin.note)
            )
        lines.extend([Text(), table])
    return Panel(
        Group(*lines),
        title=Text.assemble((short(goal.id), "bold"), "  ", user(goal.title)),
        title_align="left",
        subtitle=goal.status,
        subtitle_align="right",
    )


# -- exercises -------------------------------------------------------------------
# Article text goes in as Text, never as markup: brackets in a question survive.


def _progress_note(progress: RunProgress) -> str:
    return messages.EXERCISE_IN_PROGRESS.format(
        answered=progress.answered, steps=progress.steps, date=progress.date
    )


def exercises_table(listing: Sequence[ExerciseListing]) -> RenderableType:
    if not listing:
        return Text(messages.EXERCISE_NONE)
    table = Table(show_edge=False, pad_edge=False)
    # The id is what people type: never wrapped or cut short.
    table.add_column("id", no_wrap=True, min_width=max(len(item.id) for item in listing))
    table.add_column("title", ratio=3)
    table.add_column("source", ratio=2)
    table.add_column("steps", justify="right")
    table.add_column("status", ratio=2)
    for item in listing:
        note = _progress_note(item.in_progress) if item.in_progress else ""
        table.add_row(
            user(item.id, style="bold"),
            user(item.title),
            user(item.source, style="dim"),
            str(item.steps),
            Text(note, style="yellow"),
        )
    return table


def exercise_detail(detail: ExerciseDetail, *, show_runs: bool = False) -> RenderableType:
    from leadjournal.exercises import transcript

    exercise = detail.exercise
    lines: list[RenderableType] = [
        user(exercise.title, style="bold"),
        user(exercise.summary),
        user(messages.PROMPT_FROM.format(source=exercise.source), style="dim"),
    ]
    if detail.in_progress is not None:
        lines.append(Text(_progress_note(detail.in_progress), style="yellow"))
    for number, step in enumerate(exercise.steps, start=1):
        kind = f"{step.type}, follow-up" if step.follow_up else step.type
        lines.append(Text())
        lines.append(
            Text.assemble((f"{number}. ", "bold"), user(step.question), (f"  ({kind})", "dim"))
        )
        notes = [step.help] if step.help else []
        notes += [f"{index}. {choice}" for index, choice in enumerate(step.choices or (), 1)]
        if step.tip:
            notes.append(messages.EXERCISE_TIP.format(tip=step.tip))
        if step.follow_up and not step.help:
            notes.append(messages.EXERCISE_FOLLOW_UP_NOTE)
        lines.extend(user(f"   {note}", style="dim") for note in notes)
        lines.append(Text(f"   --answer {step.id}=…", style="dim"))
    lines.append(Text())
    if not detail.runs:
        lines.append(Text(messages.EXERCISE_NO_RUNS))
    elif not show_runs:
        lines.append(
            Text(
                messages.EXERCISE_RUNS_COUNT.format(
                    count=messages.counted(len(detail.runs), "time")
                )
            )
        )
    else:
        for run in detail.runs:
            heading = messages.EXERCISE_RUN_HEADING.format(date=run.date, week=run.week)
            lines.append(Text(heading, style="bold"))
            lines.append(user(transcript(exercise, run.answers)))
            lines.append(Text())
            questions = {step.id: step.question for step in exercise.steps}
            for item in run.assessments:
                heading = messages.EXERCISE_ASSESSED_HEADING.format(week=item.week)
                answer = item.answer or messages.EXERCISE_SKIPPED
                question = questions.get(item.step_id, item.step_id)
                lines.append(Text.assemble((heading, "bold"), " ", user(f"{question} {answer}")))
            if run.assessments:
                lines.append(Text())
    return Group(*lines)


def doctor_report(report: DoctorReport) -> RenderableType:
    """Each check with a tick or a cross, then the verdict and any recovery."""
    table = Table(box=None, show_header=False, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column()
    for check in report.checks:
        mark = "[green]ok[/green]" if check.ok else "[red]PROBLEM[/red]"
        table.add_row(mark, check.name, user(check.detail))
    parts: list[RenderableType] = [user(report.path, style="bold"), table, Text()]
    parts.append(Text(messages.DOCTOR_HEALTHY if report.healthy else messages.DOCTOR_PROBLEMS))
    recovery = report.recovery
    if recovery is not None:
        total = sum(recovery.rows.values())
        parts.append(
            user(
                messages.DOCTOR_RECOVERED.format(
                    rows=messages.counted(total, "row"), path=recovery.path, method=recovery.method
                )
            )
        )
        if recovery.note:
            parts.append(user(recovery.note, style="dim"))
        counts = ", ".join(f"{name} {count}" for name, count in sorted(recovery.rows.items()))
        parts.append(Text(f"  {counts}", style="dim"))
        if recovery.unreadable or recovery.dropped:
            gaps = ", ".join(f"{n} {c}" for n, c in sorted(recovery.unreadable.items())) or "none"
            parts.append(
                Text(messages.DOCTOR_RECOVERY_GAPS.format(tables=gaps, dropped=recovery.dropped))
            )
    elif not report.healthy and any(c.name == "format" for c in report.checks):
        parts.append(Text(messages.DOCTOR_NOT_RECOVERABLE))
    if report.drafts:
        folder = str(Path(report.drafts[0].path).parent)
        parts.append(Text())
        parts.append(
            Text(
                messages.DOCTOR_DRAFTS.format(
                    count=messages.counted(len(report.drafts), "draft"), folder=folder
                )
            )
        )
        for draft in report.drafts:
            parts.append(Text(messages.DOCTOR_DRAFT_LINE.format(name=draft.name, size=draft.size)))
        parts.append(Text(messages.DOCTOR_DRAFTS_HINT, style="dim"))
    return Group(*parts)


# -- the record: a week whole, history ------------------------------------------


def item_label(entry: Entry) -> str:
    """What an entry is, in words: free entry, review reflection, imported, …"""
    from leadjournal.records import is_imported

    key = "imported" if is_imported(entry) else entry.kind
    return messages.ITEM_LABELS.get(key, key)


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _body(text: str | None, indent: str = "    ") -> RenderableType:
    from rich.padding import Padding

    # Padding, not spaces: a long line wraps under its own indent.
    return Padding(user(text), (0, 0, 0, len(indent)))


def week_page(page: WeekPage) -> RenderableType:
    """One week as one page: ratings to free entries, top to bottom."""
    from leadjournal.export import lean_text

    review = page.review
    start, end = weeks_span(page.week)
    title = Text(messages.WEEK_TITLE.format(week=page.week, start=start, end=end), style="bold")
    if review.status != "complete":
        title.append(" " + messages.WEEK_IN_PROGRESS, style="yellow")
    parts: list[RenderableType] = [title, Text(), _heading(messages.WEEK_RATINGS)]
    if review.results is not None and review.relationships is not None:
        parts.append(
            Text(
                "  "
                + messages.WEEK_RATINGS_LINE.format(
                    results=review.results,
                    relationships=review.relationships,
                    lean=lean_text(page.lean or 0),
                    style=page.style,
                )
            )
        )
    else:
        parts.append(Text("  " + messages.WEEK_NOT_RATED, style="dim"))
    if review.extra:
        parts.append(
            Text("  ") + Text(" · ").join(user(f"{k} {v}") for k, v in review.extra.items())
        )
    parts.append(Text("  " + verdict(page.imbalance, review.results is not None)))
    if page.last_year is not None:
        parts.append(Text("  ") + last_year_line(page.last_year))
    if page.follow_ups:
        parts.extend([Text(), _heading(messages.WEEK_FOLLOW_UPS)])
        for item in page.follow_ups:
            outcome = item.follow_up.outcome.replace("_", " ")
            parts.append(
                Text.assemble(
                    "  ",
                    (short(item.commitment.id), "bold"),
                    "  ",
                    user(item.commitment.text),
                    (
                        messages.WEEK_FOLLOW_UP_LINE.format(
                            week=item.commitment.week, outcome=outcome
                        ),
                        "dim",
                    ),
                )
            )
            if item.follow_up.note:
                parts.append(_body(item.follow_up.note))
    if page.reflections:
        parts.extend([Text(), _heading(messages.WEEK_REFLECTION)])
        for reflection in page.reflections:
            prompt = reflection.prompt
            if prompt is not None and prompt.text is not None:
                line = Text("  ") + user(messages.WEEK_PROMPT.format(text=prompt.text), "italic")
                if prompt.source:
                    line += Text("  ") + user(
                        messages.WEEK_PROMPT_SOURCE.format(source=prompt.source), "dim"
                    )
                parts.append(line)
            elif prompt is not None:
                parts.append(
                    Text("  ") + user(messages.WEEK_PROMPT_UNKNOWN.format(id=prompt.id), "dim")
                )
            parts.append(_body(reflection.entry.body))
    if review.win:
        parts.extend([Text(), _heading(messages.WEEK_WIN), _body(review.win, "  ")])
        if review.win_by:
            parts.append(Text("  ") + user(messages.WEEK_WIN_BY.format(by=review.win_by), "dim"))
    if page.commitment is not None:
        commitment = page.commitment
        parts.extend([Text(), _heading(messages.WEEK_COMMITMENT)])
        parts.append(
            Text.assemble("  ", (short(commitment.id), "bold"), "  ", user(commitment.text))
        )
        state = messages.WEEK_COMMITMENT_STATE.format(
            status=commitment.status, due=commitment.due_week
        )
        parts.append(Text("    " + state, style="dim"))
        parts.extend(_follow_up_line(f, "    ") for f in commitment.follow_ups)
    if page.checkins:
        parts.extend([Text(), _heading(messages.WEEK_CHECKINS)])
        for checkin in page.checkins:
            line = Text.assemble("  ", user(checkin.measure), f": {number(checkin.value)}")
            parts.append(_with_note(line, checkin.note))
    if page.exercise_runs:
        parts.extend([Text(), _heading(messages.WEEK_EXERCISES)])
        for run in page.exercise_runs:
            parts.append(
                Text.assemble(
                    "  ",
                    (short(run.id), "bold"),
                    "  ",
                    user(run.exercise_id),
                    (f" ({run.status.replace('_', ' ')})", "dim"),
                )
            )
            for answer in run.answers:
                if answer.answer:
                    parts.append(
                        Text("    ")
                        + user(answer.step_id, "dim")
                        + Text(": ")
                        + user(answer.answer)
                    )
    parts.extend([Text(), _heading(messages.WEEK_ENTRIES)])
    if not page.entries:
        parts.append(Text("  " + messages.WEEK_NOTHING, style="dim"))
    for entry in page.entries:
        parts.append(_entry_head(entry, indent="  "))
        parts.append(_body(entry.body))
    return Group(*parts)


def weeks_span(week: str) -> tuple[str, str]:
    from leadjournal import weeks

    return weeks.week_start(week).isoformat(), weeks.week_end(week).isoformat()


def _entry_head(entry: Entry, indent: str = "") -> Text:
    head = Text.assemble(
        indent,
        (short(entry.id), "bold"),
        "  ",
        (entry.date, "dim"),
        "  ",
        (item_label(entry), "cyan"),
    )
    if entry.title:
        head += Text("  ") + user(entry.title, "bold")
    if entry.tags:
        head += Text("  ") + user(" ".join(f"@{tag}" for tag in entry.tags), "magenta")
    return head


def _with_note(line: Text, note: str | None) -> Text:
    """``line — note``, the note shown as the leader wrote it."""
    return line + Text(" — ") + user(note) if note else line


def _follow_up_line(follow_up: FollowUp, indent: str = "", style: str = "") -> Text:
    """One follow-up of a commitment: its week, how it went, and its note."""
    outcome = follow_up.outcome.replace("_", " ")
    return _with_note(Text(f"{indent}{follow_up.week}: {outcome}", style=style), follow_up.note)


def commitment_panel(commitment: Commitment) -> Panel:
    lines: list[RenderableType] = [user(commitment.text)]
    lines.extend(_follow_up_line(f, style="dim") for f in commitment.follow_ups)
    meta = messages.COMMITMENT_META.format(
        week=commitment.week, status=commitment.status, due=commitment.due_week
    )
    return Panel(
        Group(*lines),
        title=Text(short(commitment.id), style="bold"),
        title_align="left",
        subtitle=meta,
        subtitle_align="right",
    )


def _version_summary(version: Version) -> Text:
    data = version.data
    if version.kind == "entry":
        return user((data.get("body") or "").splitlines()[0] if data.get("body") else "")
    if version.kind == "commitment":
        return user(data.get("text"))
    if version.kind == "person":
        return user(f"{data.get('name')} ({data.get('handle')})")
    review = data.get("review", {})
    text = Text()
    if review.get("results") is not None:
        text += Text(
            messages.HISTORY_RATINGS.format(
                results=review["results"], relationships=review.get("relationships")
            )
        )
    if review.get("win"):
        text += Text(messages.HISTORY_WIN) + user(review["win"])
    if data.get("commitment"):
        text += Text(messages.HISTORY_COMMITMENT) + user(data["commitment"].get("text"))
    return text


def history_view(history: History) -> RenderableType:
    target = history.target
    what = target.week if target.kind == "week" else f"{target.kind} {short(target.id)}"
    parts: list[RenderableType] = [Text(messages.HISTORY_TITLE.format(what=what), style="bold")]
    if history.current is None:
        parts.append(Text("  " + messages.HISTORY_GONE, style="yellow"))
    else:
        parts.append(Text("  " + messages.HISTORY_NOW, style="green"))
    if not history.versions:
        parts.append(Text(messages.HISTORY_NONE.format(what=what)))
    for version in history.versions:
        parts.append(
            Text.assemble(
                "  ",
                (short(version.id), "bold"),
                "  ",
                (version.saved_at, "dim"),
                "  ",
                (version.action, "cyan"),
                "  ",
            )
            + _version_summary(version)
        )
    return Group(*parts)
