"""Rich renderables built from models. No storage access, no decisions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leadjournal import messages
from leadjournal.insights import ARROWS, Imbalance, Trends
from leadjournal.models import Commitment, Entry, LogResult, MigrationStatus, Review

if TYPE_CHECKING:
    from leadjournal.journal import ReviewSummary, SearchHit, Standing, TrendsView


def short(identifier: str) -> str:
    return identifier[:8]


def entry_panel(entry: Entry) -> Panel:
    meta = f"{entry.date} · {entry.week} · {entry.kind}"
    if entry.tags:
        meta += " · " + " ".join(f"@{tag}" for tag in entry.tags)
    body = Text(entry.body)
    title = Text.assemble((short(entry.id), "bold"), f"  {entry.title}" if entry.title else "")
    return Panel(body, title=title, title_align="left", subtitle=meta, subtitle_align="right")


def _review_line(review: Review) -> Text:
    parts = [f"{review.week} review"]
    if review.results is not None and review.relationships is not None:
        parts.append(f"results {review.results} · relationships {review.relationships}")
    for name, value in review.extra.items():
        parts.append(f"{name} {value}")
    if review.win:
        parts.append(f"win: {review.win}")
    if review.status != "complete":
        parts.append("(in progress)")
    return Text("  ".join(parts), style="cyan")


def print_log(console: Console, result: LogResult) -> None:
    if not result.entries and not result.reviews:
        console.print(messages.NO_ENTRIES.format(period=result.period))
        return
    for review in result.reviews:
        console.print(_review_line(review))
    for entry in result.entries:
        tags = " ".join(f"@{tag}" for tag in entry.tags)
        head = Text.assemble(
            (short(entry.id), "bold"), "  ", (entry.date, "dim"), "  ", (tags, "magenta")
        )
        console.print(head)
        console.print(Text(entry.body), style="", soft_wrap=False)
        console.print()


def print_search(console: Console, query: str, hits: Sequence[SearchHit]) -> None:
    if not hits:
        console.print(messages.NO_MATCHES.format(query=query))
        return
    for hit in hits:
        console.print(
            Text.assemble((short(hit.entry.id), "bold"), "  ", (hit.entry.date, "dim"), "  ")
            + Text(hit.snippet)
        )


def verdict(imbalance: Imbalance, rated: bool = True) -> str:
    from leadjournal.export import verdict_text

    return verdict_text(imbalance, rated)


def standing(place: Standing) -> RenderableType:
    lean = (
        messages.LEAN_TOWARD.format(toward=place.toward, lean=place.lean)
        if place.toward
        else messages.LEAN_NONE.format(lean=place.lean)
    )
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
        tail = [] if outcomes is None else [outcomes.get(week.week, "")]
        if not week.reviewed:
            table.add_row(week.week, "·", "·", "·", Text("not reviewed", style="dim"), *tail)
            continue
        table.add_row(
            week.week,
            str(week.results),
            str(week.relationships),
            f"{week.lean:+d}" if week.lean is not None else "",
            week.style or "",
            *tail,
        )
    return table


def trends_view(view: TrendsView) -> RenderableType:
    """Everything ``trends`` shows, top to bottom."""
    from leadjournal import export, insights

    trends = view.trends
    rows = trends.weeks
    rated = any(week.reviewed for week in rows)
    title = messages.TRENDS_TITLE.format(first=rows[0].week, last=rows[-1].week, count=len(rows))
    parts: list[RenderableType] = [Text(title, style="bold"), Text()]
    parts.append(weeks_table(trends, dict(view.outcomes)))
    parts.append(Text())
    if not rated:
        parts.append(Text(messages.TRENDS_NO_REVIEWS))
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
        parts.append(Text(f"{name.ljust(width)}  │{export.sparkline(values)}│  {shown}"))
    parts.append(Text())
    points = [(w.results, w.relationships) for w in rows if w.results and w.relationships]
    parts.append(Text("The grid (relationships ↑, results →)", style="bold"))
    parts.extend(Text("  " + line) for line in export.grid_text(points))
    parts.append(Text("  " + messages.GRID_LEGEND, style="dim"))
    parts.append(Text())
    parts.append(Text(messages.STREAK.format(**trends.streak.model_dump())))
    parts.append(Text(export.follow_through_text(trends.follow_through)))
    parts.append(Text(verdict(trends.imbalance, rated), style="bold"))
    return Group(*parts)


def summary_card(summary: ReviewSummary) -> Panel:
    trends = summary.trends
    rated = any(week.reviewed for week in trends.weeks)
    lines: list[RenderableType] = [weeks_table(trends), Text()]
    if trends.averages.results is not None and trends.averages.relationships is not None:
        lines.append(
            Text(
                f"Average: results {trends.averages.results} {ARROWS[trends.direction.results]}"
                f" · relationships {trends.averages.relationships}"
                f" {ARROWS[trends.direction.relationships]}"
            )
        )
    lines.append(Text(verdict(trends.imbalance, rated)))
    lines.append(Text(messages.STREAK.format(**trends.streak.model_dump())))
    lines.append(Text(messages.OPEN_COMMITMENTS.format(count=len(summary.open_commitments))))
    for commitment in summary.open_commitments[:5]:
        lines.append(Text(f"  • {commitment.text} ({commitment.week})", style="dim"))
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
        table.add_row(short(commitment.id), commitment.week, status, commitment.text)
    return table


def migration_status(status: MigrationStatus) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_row("journal", status.path)
    table.add_row("schema version", str(status.schema_version))
    table.add_row("applied", ", ".join(status.applied) or "none")
    table.add_row("pending", ", ".join(status.pending) or "none")
    return table
