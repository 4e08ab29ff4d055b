"""The coaching brief: one page on the last N weeks, in Markdown or self-contained HTML.

``build_brief`` gathers what the page shows from the journal; ``to_markdown``
and ``to_html`` turn it into text. The HTML is a single file: inline CSS and
SVG, no scripts, fonts or anything fetched, so it opens offline and prints.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from leadjournal import messages, weeks
from leadjournal.export import (
    follow_through_text,
    goal_figures,
    grid_text,
    signed,
    sparkline,
    streak_text,
    style_legend,
    track_words,
    verdict_text,
    weeks_count,
)
from leadjournal.insights import ARROWS, RATING_MAX, RATING_MIN, Episode, Trends, lasting_episodes
from leadjournal.journal import Journal
from leadjournal.models import Commitment, Entry, Model
from leadjournal.safetext import md_inline, visible

DEFAULT_WEEKS = 12
MAX_EXCERPTS = 5
THEMES = 3
EXCERPT_CHARS = 280


class GoalLine(Model):
    """One goal's line in the brief (see ``goal_lines``)."""

    title: str
    kind: str
    status: str
    progress: str


@dataclass(frozen=True)
class Excerpt:
    entry: Entry
    why: str  # "starred" or "@tag"


@dataclass(frozen=True)
class Brief:
    first: str
    last: str
    prepared: str
    trends: Trends
    dimensions: list[str]
    wins: list[tuple[str, str, str | None]]
    commitments: list[Commitment]
    excerpts: list[Excerpt]
    episodes: list[Episode] = field(default_factory=list)
    goals: list[GoalLine] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # the people section's sentences

    @property
    def points(self) -> list[tuple[str, int, int]]:
        return [
            (row.week, row.results, row.relationships)
            for row in self.trends.weeks
            if row.results is not None and row.relationships is not None
        ]

    @property
    def reviewed(self) -> int:
        return sum(1 for row in self.trends.weeks if row.reviewed)

    @property
    def verdict(self) -> str:
        return verdict_text(self.trends.imbalance, self.reviewed > 0)


def goal_lines(journal: Journal) -> list[GoalLine]:
    """The open goals and where each stands today: how far along, how much time gone."""
    return [
        GoalLine(
            title=summary.goal.title,
            kind=summary.goal.kind,
            status=track_words(summary),
            progress=goal_figures(summary),
        )
        for summary in journal.goals.summaries("open")
    ]


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= EXCERPT_CHARS:
        return flat
    return flat[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0] + "…"


def build_brief(
    journal: Journal, window: int = DEFAULT_WEEKS, goals: Sequence[GoalLine] | None = None
) -> Brief:
    """The brief of the last ``window`` weeks; ``goals`` are the journal's open goals
    unless given."""
    view = journal.trends_view(window)
    # A new journal's brief starts at its first review, not with the weeks
    # before it was kept; before any review, the whole window stands.
    trends = view.since_start() if view.started else view.trends
    span = [row.week for row in trends.weeks]
    store = journal.store
    reviews = store.reviews_in_weeks(span)
    wins = [(r.week, r.win, r.win_by) for r in reviews if r.win]
    excerpts = [Excerpt(e, "starred") for e in store.starred_entries(span, MAX_EXCERPTS)]
    seen = {excerpt.entry.id for excerpt in excerpts}
    for tag, _uses in store.top_tags(span, THEMES):
        if len(excerpts) >= MAX_EXCERPTS:
            break
        entry = store.latest_entry_with_tag(tag, span)
        if entry is not None and entry.id not in seen:
            excerpts.append(Excerpt(entry, f"@{tag}"))
            seen.add(entry.id)
    excerpts.sort(key=lambda item: (item.entry.date, item.entry.created_at))
    return Brief(
        first=span[0],
        last=span[-1],
        prepared=journal.today().isoformat(),
        trends=trends,
        dimensions=view.dimensions,
        wins=wins,
        commitments=store.commitments_made_in(span),
        excerpts=excerpts,
        episodes=lasting_episodes(journal.rated_weeks(span[-1]), span),
        goals=goal_lines(journal) if goals is None else list(goals),
        people=people_lines(journal, span),
    )


def _weeks_span(brief: Brief) -> str:
    return brief.first if brief.first == brief.last else f"{brief.first} – {brief.last}"


def people_lines(journal: Journal, span: Sequence[str]) -> list[str]:
    """Recognition spread, one-on-one coverage and who was not mentioned; none without
    a roster."""
    from leadjournal.peoplebook import spread_lines

    spread = journal.people.spread(span)
    return [] if spread is None else spread_lines(spread)


def _period(brief: Brief) -> str:
    start = weeks.week_start(brief.first).isoformat()
    end = weeks.week_end(brief.last).isoformat()
    count = weeks_count(len(brief.trends.weeks))
    return f"{start} – {end} ({count}, {brief.reviewed} reviewed). Prepared {brief.prepared}."


def _averages(brief: Brief) -> str:
    t = brief.trends
    parts = []
    for name in ("results", "relationships"):
        value = getattr(t.averages, name)
        if value is not None:
            parts.append(f"{name} {value:.1f} {ARROWS[getattr(t.direction, name)]}")
    averages = "Averages: " + " · ".join(parts) + "." if parts else ""
    streak = streak_text(t.streak)
    return " ".join(filter(None, [averages, streak]))


def _series(brief: Brief) -> list[tuple[str, list[int | None]]]:
    rows = brief.trends.weeks
    series: list[tuple[str, list[int | None]]] = [
        ("results", [row.results for row in rows]),
        ("relationships", [row.relationships for row in rows]),
    ]
    for name in brief.dimensions:
        series.append((name, [row.extra.get(name) for row in rows]))
    return series


def _episode_lines(brief: Brief) -> list[str]:
    lines = []
    for episode in brief.episodes:
        if episode.first == episode.last:
            line = messages.BRIEF_EPISODE_ONE.format(week=episode.first, toward=episode.toward)
        else:
            line = messages.BRIEF_EPISODE.format(
                first=episode.first, last=episode.last, toward=episode.toward
            )
        lines.append(line)
    return lines


def _commitment_line(commitment: Commitment, escape: Callable[[str], str] = str) -> str:
    """The commitment, what became of it and the last note, each part through ``escape``."""
    status = commitment.status
    note = commitment.outcome_note or next(
        (f.note for f in reversed(commitment.follow_ups) if f.note), None
    )
    return f"{escape(commitment.text)} — {status}" + (f" ({escape(note)})" if note else "")


def _path_line(brief: Brief) -> str:
    if not brief.points:
        return "No rated weeks in this period."
    steps = [f"{week} ({res}/{rel})" for week, res, rel in brief.points]
    return "Oldest to latest (results/relationships): " + " → ".join(steps) + "."


# ---------------------------------------------------------------- Markdown


def to_markdown(brief: Brief) -> str:
    out: list[str] = [f"# {messages.BRIEF_TITLE} · {_weeks_span(brief)}", ""]
    out += [_period(brief), ""]
    out += ["## Where things stand", "", brief.verdict, ""]
    out += [f"- {line}" for line in _episode_lines(brief)]
    out += [""] if brief.episodes else []
    out += [_averages(brief)]
    out += [follow_through_text(brief.trends.follow_through), ""]

    out += ["## Ratings over time", "", "```text"]
    width = max(len(name) for name, _ in _series(brief))
    for name, values in _series(brief):
        # Inside the fence nothing is escaped; the sparkline after the name
        # means the line can never close the fence.
        out.append(f"{visible(name).ljust(width)}  │{sparkline(values)}│")
    out += ["```", "", "| Week | Results | Relationships | Lean | Style |", "|---|---|---|---|---|"]
    for row in brief.trends.weeks:
        if not row.reviewed:
            out.append(f"| {row.week} | – | – | – | not reviewed |")
        else:
            out.append(
                f"| {row.week} | {row.results} | {row.relationships} | {signed(row.lean or 0)} "
                f"| {row.style} |"
            )
    out.append("")
    legend = style_legend(row.style for row in brief.trends.weeks)
    out += [legend, ""] if legend else []

    out += ["## The grid path", "", "```text", "relationships"]
    out += grid_text([(res, rel) for _, res, rel in brief.points])
    out += ["    results →", "```", "", messages.GRID_LEGEND + ".", "", _path_line(brief), ""]

    out += ["## Wins", ""]
    out += [
        f"- {week}: {md_inline(text)}" + (f" ({md_inline(by)})" if by else "")
        for week, text, by in brief.wins
    ] or ["- None recorded."]
    out.append("")

    out += ["## Commitments", ""]
    out += [f"- {c.week}: {_commitment_line(c, md_inline)}" for c in brief.commitments] or [
        "- None made."
    ]
    out.append("")

    if brief.goals:
        out += ["## Goals", ""]
        out += [
            f"- {md_inline(g.title)} ({g.kind}, {g.status}): {md_inline(g.progress)}"
            for g in brief.goals
        ]
        out.append("")

    if brief.people:
        out += ["## People", ""]
        out += [f"- {md_inline(line)}" for line in brief.people]
        out.append("")

    out += ["## From the reflections", ""]
    if not brief.excerpts:
        out += ["No starred or tagged reflections in this period.", ""]
    for excerpt in brief.excerpts:
        out += [
            f"> {md_inline(_shorten(excerpt.entry.body))}",
            ">",
            f"> — {excerpt.entry.date}, {md_inline(excerpt.why)}",
        ]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- HTML

_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430;
       max-width: 54rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #d5dae1; }
.muted { color: #5b6675; }
.verdict { padding: .6rem .8rem; border-left: 4px solid #3b6fb6; background: #f1f5fb; }
.verdict.lasting { border-color: #b8432f; background: #fbf1ef; }
table { border-collapse: collapse; font-size: .9rem; }
td, th { padding: .15rem .6rem; text-align: right; border-bottom: 1px solid #eceff3; }
td:first-child, th:first-child, td:last-child, th:last-child { text-align: left; }
tr.gap td { color: #9aa3ae; }
blockquote { margin: .6rem 0; padding: .2rem .9rem; border-left: 3px solid #c9d1db; }
blockquote p { margin: .3em 0; }
blockquote footer { font-size: .85em; color: #5b6675; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, sans-serif; fill: #5b6675; }
.charts { display: flex; flex-wrap: wrap; column-gap: 1.5rem; align-items: flex-start; }
.charts > .grid { flex: 1 1 12rem; max-width: 22rem; }
.charts > .grid p { font-size: .85em; }
/* One or two A4 pages: small print, and only small things kept whole (a
   section kept whole pushed the grid, then the goals, onto a page each). */
@page { size: A4; margin: 14mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; line-height: 1.35;
         -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11.5pt; margin: 1rem 0 .35rem; break-after: avoid; }
  table { font-size: 9pt; }
  td, th { padding: .1rem .4rem; }
  svg, tr, li, blockquote, .verdict { break-inside: avoid; }
}
"""

COLOURS = {"results": "#3b6fb6", "relationships": "#c2702b"}
OTHER_COLOURS = ("#5f8f4e", "#8a5fa8", "#6b7785")


def _e(text: object) -> str:
    """Text for HTML: tags and entities escaped, control characters shown."""
    return html.escape(visible(str(text)), quote=True)


def _chart_svg(brief: Brief) -> str:
    """Ratings over time: one line per dimension, broken where a week has no review."""
    rows = brief.trends.weeks
    width, height, left, top, bottom = 560, 232, 28, 12, 46
    inner_w, inner_h = width - left - 12, height - top - bottom
    step = inner_w / max(len(rows) - 1, 1)

    def x(i: int) -> float:
        return round(left + i * step, 1)

    def y(value: int) -> float:
        return round(top + inner_h * (RATING_MAX - value) / (RATING_MAX - RATING_MIN), 1)

    parts = [
        f'<svg role="img" aria-label="Ratings over time" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    for value in (1, 3, 5, 7, 9):
        parts.append(
            f'<line x1="{left}" y1="{y(value)}" x2="{width - 12}" y2="{y(value)}" '
            'stroke="#eceff3"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{y(value) + 4}" text-anchor="end">{value}</text>')
    every, last = max(1, len(rows) // 6), len(rows) - 1
    for i, row in enumerate(rows):
        # About six labels, the last week always; none crowding the last one.
        if i == last or (i % every == 0 and last - i >= min(every, 2)):
            label = row.week.split("-")[1]
            parts.append(
                f'<text x="{x(i)}" y="{height - bottom + 16}" text-anchor="middle">{label}</text>'
            )
    for index, (name, values) in enumerate(_series(brief)):
        colour = COLOURS.get(name, OTHER_COLOURS[index % len(OTHER_COLOURS)])
        dash = "" if name in COLOURS else ' stroke-dasharray="4 3"'
        run: list[str] = []
        runs: list[list[str]] = []
        for i, rating in enumerate(values):
            if rating is None:
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(f"{x(i)},{y(rating)}")
        if run:
            runs.append(run)
        for points in runs:
            if len(points) > 1:
                parts.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"{dash}/>'
                )
        for i, rating in enumerate(values):
            if rating is not None and name in COLOURS:
                parts.append(f'<circle cx="{x(i)}" cy="{y(rating)}" r="3" fill="{colour}"/>')
    legend_x = left
    for index, (name, _values) in enumerate(_series(brief)):
        colour = COLOURS.get(name, OTHER_COLOURS[index % len(OTHER_COLOURS)])
        parts.append(
            f'<rect x="{legend_x}" y="{height - 9}" width="10" height="3" fill="{colour}"/>'
        )
        parts.append(f'<text x="{legend_x + 14}" y="{height - 4}">{_e(name)}</text>')
        legend_x += 24 + 7 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def _grid_svg(brief: Brief) -> str:
    """The 9×9 Managerial Grid with the period's weeks as a path, the latest ringed."""
    cell, left, top = 26, 42, 10
    size = cell * RATING_MAX
    width, height = left + size + 10, top + size + 34

    def cx(results: int) -> float:
        return left + (results - 0.5) * cell

    def cy(relationships: int) -> float:
        return top + (RATING_MAX - relationships + 0.5) * cell

    parts = [
        f'<svg role="img" aria-label="The Managerial Grid with recent weeks" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect x="{left}" y="{top}" width="{size}" height="{size}" fill="#fafbfc" '
        'stroke="#c9d1db"/>',
    ]
    for n in range(1, RATING_MAX):
        parts.append(
            f'<line x1="{left + n * cell}" y1="{top}" x2="{left + n * cell}" y2="{top + size}" '
            'stroke="#eceff3"/>'
        )
        parts.append(
            f'<line x1="{left}" y1="{top + n * cell}" x2="{left + size}" y2="{top + n * cell}" '
            'stroke="#eceff3"/>'
        )
    for n in range(1, RATING_MAX + 1):
        parts.append(f'<text x="{cx(n)}" y="{top + size + 14}" text-anchor="middle">{n}</text>')
        parts.append(f'<text x="{left - 8}" y="{cy(n) + 4}" text-anchor="end">{n}</text>')
    zones = [
        (1.5, 8.7, "country club"),
        (8.5, 8.7, "team"),
        (1.5, 1.3, "impoverished"),
        (8.5, 1.3, "produce-or-perish"),
        (5.0, 5.0, "middle of the road"),
    ]
    for res, rel, name in zones:
        anchor = "start" if res < 3 else "end" if res > 7 else "middle"
        x = left + (res - 1) * cell if anchor == "start" else cx(int(res)) + cell / 2
        if anchor == "middle":
            x = cx(5)
        parts.append(
            f'<text x="{x}" y="{top + (RATING_MAX - rel + 0.5) * cell + 4}" '
            f'text-anchor="{anchor}" opacity="0.7">{name}</text>'
        )
    points = [(res, rel) for _, res, rel in brief.points]
    if len(points) > 1:
        path = " ".join(f"{cx(res)},{cy(rel)}" for res, rel in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="#3b6fb6" stroke-width="1.5" '
            'stroke-opacity="0.55"/>'
        )
    for index, (res, rel) in enumerate(points):
        opacity = 0.35 + 0.65 * (index + 1) / len(points)
        parts.append(
            f'<circle cx="{cx(res)}" cy="{cy(rel)}" r="4" fill="#3b6fb6" '
            f'fill-opacity="{opacity:.2f}"/>'
        )
    if points:
        res, rel = points[-1]
        parts.append(
            f'<circle cx="{cx(res)}" cy="{cy(rel)}" r="8" fill="none" stroke="#b8432f" '
            'stroke-width="2"/>'
        )
    parts.append(
        f'<text x="{left + size / 2}" y="{height - 4}" text-anchor="middle">results →</text>'
    )
    # The other axis says its name too: without it the grid reads either way.
    middle = top + size / 2
    parts.append(
        f'<text x="12" y="{middle}" text-anchor="middle" '
        f'transform="rotate(-90 12 {middle})">relationships →</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def to_html(brief: Brief) -> str:
    t = brief.trends
    lasting = " lasting" if t.imbalance.state == "lasting" else ""
    rows = []
    for row in t.weeks:
        if not row.reviewed:
            rows.append(
                f'<tr class="gap"><td>{_e(row.week)}</td><td>–</td><td>–</td><td>–</td>'
                "<td>not reviewed</td></tr>"
            )
        else:
            rows.append(
                f"<tr><td>{_e(row.week)}</td><td>{row.results}</td><td>{row.relationships}</td>"
                f"<td>{signed(row.lean or 0)}</td><td>{_e(row.style)}</td></tr>"
            )
    wins = (
        "".join(
            f"<li><b>{_e(week)}</b> {_e(text)}"
            + (f" <span class=muted>({_e(by)})</span>" if by else "")
            + "</li>"
            for week, text, by in brief.wins
        )
        or "<li>None recorded.</li>"
    )
    commitments = (
        "".join(
            f"<li><b>{_e(c.week)}</b> {_e(_commitment_line(c))}</li>" for c in brief.commitments
        )
        or "<li>None made.</li>"
    )
    goals = ""
    if brief.goals:
        items = "".join(
            f"<li><b>{_e(g.title)}</b> <span class=muted>({_e(g.kind)}, {_e(g.status)})</span> "
            f"{_e(g.progress)}</li>"
            for g in brief.goals
        )
        goals = f"<section><h2>Goals</h2><ul>{items}</ul></section>\n"
    if brief.people:
        items = "".join(f"<li>{_e(line)}</li>" for line in brief.people)
        goals += f"<section><h2>People</h2><ul>{items}</ul></section>\n"
    quotes = (
        "".join(
            f"<blockquote><p>{_e(_shorten(x.entry.body))}</p>"
            f"<footer>{_e(x.entry.date)}, {_e(x.why)}</footer></blockquote>"
            for x in brief.excerpts
        )
        or "<p class=muted>No starred or tagged reflections in this period.</p>"
    )
    title = f"{messages.BRIEF_TITLE} · {_weeks_span(brief)}"
    legend = style_legend(row.style for row in t.weeks)
    legend_html = f"<p class=muted>{_e(legend)}</p>" if legend else ""
    episodes = "".join(f"<li>{_e(line)}</li>" for line in _episode_lines(brief))
    episodes = f"<ul>{episodes}</ul>" if episodes else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{_e(title)}</h1>\n<p class=muted>{_e(_period(brief))}</p>\n"
        f'<section><h2>Where things stand</h2><p class="verdict{lasting}">{_e(brief.verdict)}</p>'
        f"{episodes}"
        f"<p>{_e(_averages(brief))}<br>{_e(follow_through_text(t.follow_through))}</p></section>\n"
        f"<section><h2>Ratings over time</h2>{_chart_svg(brief)}</section>\n"
        # The weeks' table and the grid side by side (one under the other on
        # a narrow screen): together they fit the first printed page.
        '<div class="charts">\n<section><h2>Week by week</h2>'
        "<table><thead><tr><th>Week</th><th>Results</th><th>Relationships</th><th>Lean</th>"
        f"<th>Style</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>\n"
        f'<section class="grid"><h2>The grid path</h2>{_grid_svg(brief)}'
        f"<p class=muted>{_e(_path_line(brief))} The ringed point is the latest week.</p>"
        f"{legend_html}"
        "</section>\n</div>\n"
        f"<section><h2>Wins</h2><ul>{wins}</ul></section>\n"
        f"<section><h2>Commitments</h2><ul>{commitments}</ul></section>\n"
        f"{goals}"
        f"<section><h2>From the reflections</h2>{quotes}</section>\n"
        "</body>\n</html>\n"
    )
