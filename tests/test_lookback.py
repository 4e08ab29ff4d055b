"""The monthly and quarterly look-back, and this week last year: core and command line."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from leadjournal import lookback, weeks
from leadjournal.clock import FixedClock
from leadjournal.demo import build_demo
from leadjournal.errors import BadInput, NotFound
from leadjournal.journal import Journal
from leadjournal.lookback import month_of, month_period, period_before, quarter_period
from leadjournal.store import Store

from .conftest import Cli
from .helpers import record, rows

DECEMBER = "2026-12-02T10:00:00+00:00"  # a Wednesday in 2026-W49, the first week of December
JANUARY = "2027-01-06T10:00:00+00:00"  # 2027-W01, the first week of January (and Q1)


def _journal(now: str) -> Journal:
    return Journal(Store.memory(), FixedClock(datetime.fromisoformat(now)))


# -- periods ------------------------------------------------------------------------


@pytest.mark.parametrize("year", range(2020, 2032))
def test_every_week_of_a_year_is_in_exactly_one_month_of_4_or_5_weeks(year: int) -> None:
    months = [month_period(year, month) for month in range(1, 13)]
    assert all(4 <= len(m.weeks) <= 5 for m in months)
    listed = [w for m in months for w in m.weeks]
    assert len(listed) == len(set(listed))
    first, last = weeks.week_of(date(year, 1, 1)), weeks.week_of(date(year, 12, 31))
    # Each week's Thursday decides: the weeks listed are all those with a Thursday in the year.
    every = [w for w in _weeks_from(first, last) if month_of(w)[0] == year]
    assert sorted(listed) == sorted(every)
    for quarter in range(1, 5):
        inside = [w for m in months[3 * quarter - 3 : 3 * quarter] for w in m.weeks]
        assert quarter_period(year, quarter).weeks == inside


def _weeks_from(first: str, last: str) -> list[str]:
    out = [first]
    while out[-1] < last:
        out.append(weeks.shift(out[-1], 1))
    return out


def test_the_period_before_a_week() -> None:
    assert period_before("month", "2026-W49").title == "November 2026"
    assert period_before("month", "2026-W49").weeks == [
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
    ]
    assert period_before("month", "2027-W01").label == "2026-12"
    assert period_before("quarter", "2027-W01").label == "2026-Q4"
    assert period_before("quarter", "2026-W49").label == "2026-Q3"
    assert lookback.kind_for("2027-W01") == "quarter" and lookback.kind_for("2026-W49") == "month"
    with pytest.raises(BadInput):
        lookback.parse_kind("week")
    assert lookback.parse_kind(" Monthly ") == "month"


# -- when it is offered ---------------------------------------------------------------


def _november(journal: Journal) -> None:
    record(journal, "2026-W45", results=8, relationships=4, win="Launch", commitment="Hold 1:1s")
    record(journal, "2026-W46", results=8, relationships=5, reflection="Rushed @hiring")
    record(journal, "2026-W47", results=7, relationships=4, win="Audit passed", win_by="Priya")


def test_a_months_first_review_offers_the_month_before_once() -> None:
    journal = _journal(DECEMBER)
    book = journal.look_backs
    assert book.due("2026-W49") is None  # nothing reviewed in November yet
    record(journal, "2026-W45", results=6, relationships=6)
    assert book.due("2026-W49") is None  # one week is too little to look back at
    _november(journal)
    period = book.due("2026-W49")
    assert period is not None and period.label == "2026-11"
    assert book.due("2026-W40") is None  # backfilling an old week: no look-back
    book.mark(period, "skipped")
    assert book.due("2026-W49") is None
    assert journal.store.get_look_back("month", "2026-11").status == "skipped"


def test_the_first_review_of_a_quarter_offers_the_quarter() -> None:
    journal = _journal(JANUARY)
    for week in ("2026-W41", "2026-W45", "2026-W50"):
        record(journal, week, results=7, relationships=3)
    period = journal.look_backs.due("2027-W01")
    assert period is not None and period.kind == "quarter" and period.title == "Q4 2026"


def test_the_month_look_back_shows_the_trend_follow_through_wins_and_asks_about_the_lean() -> None:
    journal = _journal(DECEMBER)
    _november(journal)
    look = journal.look_backs.build(period_before("month", "2026-W49"))
    assert look.reviewed == 3
    assert [w.week for w in look.trends.weeks] == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert [w.text for w in look.wins] == ["Launch", "Audit passed"]
    assert look.wins[1].by == "Priya"
    assert look.follow_through.open + look.follow_through.assessed == 1
    assert "3 of 3 reviewed weeks you leaned toward results" in look.question
    assert look.path == [] and look.setback is None  # the quarter's extras only


def test_a_look_back_at_a_month_without_reviews_says_so() -> None:
    journal = _journal(DECEMBER)
    with pytest.raises(NotFound, match="November 2026"):
        journal.look_backs.build(period_before("month", "2026-W49"))


def test_the_quarter_shows_its_path_lasting_lean_and_an_earlier_hard_week() -> None:
    journal = _journal(JANUARY)
    record(journal, "2026-W30", results=6, relationships=6)
    record(journal, "2026-W31", results=6, relationships=2, reflection="Lost my temper at Jo.")
    for week in ("2026-W40", "2026-W41", "2026-W42", "2026-W43"):
        record(journal, week, results=8, relationships=4)
    record(journal, "2026-W50", results=7, relationships=7)
    look = journal.look_backs.build(period_before("quarter", "2027-W01"))
    assert [(s.style, s.weeks) for s in look.path] == [("middle of the road", 4), ("team", 1)]
    assert [(e.first, e.toward) for e in look.episodes] == [("2026-W41", "results")]
    assert look.setback is not None and look.setback.week == "2026-W31"
    assert look.setback.text == "Lost my temper at Jo."
    assert "2026-W31" in look.question


def test_an_answer_is_an_entry_saved_line_by_line_and_done_stays_done() -> None:
    journal = _journal(DECEMBER)
    _november(journal)
    book = journal.look_backs
    period = book.due("2026-W49")
    assert period is not None
    draft = book.answer(period)
    draft.save("I lean to results when deadlines pile up.")
    assert draft.entry_id is not None
    mark = journal.store.get_look_back("month", "2026-11")
    assert mark is not None and mark.status == "done" and mark.entry_id == draft.entry_id
    draft.save("I lean to results when deadlines pile up.\nNext month: @hiring first.")
    entry = journal.store.get_entry(draft.entry_id)
    assert entry.title == "Look-back: November 2026" and entry.tags == ["hiring"]
    assert entry.body.endswith("@hiring first.")
    book.mark(period, "skipped")
    assert journal.store.get_look_back("month", "2026-11").status == "done"


# -- this week last year --------------------------------------------------------------


def test_this_week_last_year_is_one_line_from_the_same_iso_week() -> None:
    journal = _journal("2026-11-20T09:00:00+00:00")
    assert lookback.last_year(journal.store, "2026-W47") is None
    record(journal, "2025-W47", results=5, relationships=5, win="Hired Priya")
    found = lookback.last_year(journal.store, "2026-W47")
    assert found is not None and (found.week, found.text) == ("2025-W47", "Hired Priya")
    long = "A long week. " * 20
    record(journal, "2025-W47", reflection=long)
    found = lookback.last_year(journal.store, "2026-W47")
    assert found is not None and found.text.startswith("A long week.") and found.text.endswith("…")
    assert len(found.text) <= lookback.LAST_YEAR_CHARS
    assert lookback.same_week_last_year("2027-W01") == "2026-W01"
    assert lookback.same_week_last_year("2026-W53") == "2025-W52"


def test_the_card_and_the_week_page_show_last_year(cli: Cli) -> None:
    cli.ok("review", "--week", "2025-W47", "--results", "5", "--relationships", "5",
           "--reflection", "First week as a lead [bold]x[/bold]")  # fmt: skip
    card = cli.ok("review", "--results", "6", "--relationships", "6").stdout
    assert "This week last year (2025-W47): “First week as a lead [bold]x[/bold]”" in card
    page = cli.ok("show", "2026-W47").stdout
    assert "This week last year (2025-W47)" in page
    data = cli.ok("show", "2026-W47", "--json").json()
    assert data["last_year"]["week"] == "2025-W47"
    assert data["last_year"]["text"].startswith("First week as a lead")
    assert cli.ok("show", "2025-W47", "--json").json()["last_year"] is None
    assert "last year" not in cli.ok("show", "2025-W47").stdout


# -- the command line -------------------------------------------------------------------


def _demo_cli(cli: Cli) -> None:
    cli.ok("demo", "--db", str(cli.db))


def test_review_look_back_month_on_the_demo_prints_it_and_saves_the_answer(cli: Cli) -> None:
    _demo_cli(cli)
    shown = cli.ok("review", "--look-back", "month").stdout
    assert "Look-back · October 2026 · 2026-W40 – 2026-W44" in shown
    for part in ("Trend", "Follow-through", "Wins", "Goals", "What goes with a good week",
                 "One question", "--reflection"):  # fmt: skip
        assert part in shown
    assert rows(cli.db, "SELECT count(*) FROM look_backs") == [(0,)]  # read only: not done
    saved = cli.ok("review", "--look-back", "month", "--reflection", "Owners help. @habits")
    assert "Saved as an entry" in saved.stdout
    assert rows(cli.db, "SELECT kind, period, status FROM look_backs") == [
        ("month", "2026-10", "done")
    ]
    assert rows(cli.db, "SELECT title, body FROM entries WHERE title LIKE 'Look-back:%'") == [
        ("Look-back: October 2026", "Owners help. @habits")
    ]
    again = cli.ok("review", "--look-back", "month").stdout
    assert "Done before, in 2026-W47" in again


def test_review_look_back_quarter_on_the_demo(cli: Cli) -> None:
    _demo_cli(cli)
    shown = cli.ok("review", "--look-back", "quarter").stdout
    assert "Quarterly look-back · Q3 2026" in shown
    for part in ("path on the grid", "Lasting imbalances", "Goals to recalibrate"):
        assert part in shown


def test_review_look_back_refuses_what_it_cannot_do(cli: Cli) -> None:
    bad = cli("review", "--look-back", "weekly")
    assert bad.exit_code == 2 and "not a look-back" in bad.stderr
    mixed = cli("review", "--look-back", "month", "--results", "5")
    assert mixed.exit_code == 2 and "--look-back takes only" in mixed.stderr
    empty = cli("review", "--look-back", "month")
    assert empty.exit_code == 1 and "No week of October 2026 was reviewed" in empty.stderr


def test_trends_on_the_demo_shows_patterns_with_counts(cli: Cli) -> None:
    _demo_cli(cli)
    out = cli.ok("trends", "--weeks", "26").stdout
    assert "What goes with a good week" in out
    assert "otherwise (n =" in out and "not causes" in out
    data = cli.ok("trends", "--weeks", "26", "--json").json()
    assert 1 <= len(data["patterns"]) <= 3
    for pattern in data["patterns"]:
        assert pattern["weeks"] >= 8 and pattern["weeks_with"] >= 3
        assert abs(pattern["with_average"] - pattern["without_average"]) >= 0.9
    # Fewer than 8 reviewed weeks in view: no patterns, and nothing said about them.
    few = cli.ok("trends", "--weeks", "4")
    assert "What goes with a good week" not in few.stdout
    assert cli.ok("trends", "--weeks", "4", "--json").json()["patterns"] == []


def test_hostile_text_in_a_look_back_is_shown_not_obeyed(cli: Cli) -> None:
    env = {"LEADJOURNAL_NOW": DECEMBER}
    for week, win in (("2026-W45", "[bold]Win[/bold]\x1b]0;X\x07"), ("2026-W46", "[red]two")):
        cli.ok("review", "--week", week, "--results", "7", "--relationships", "3",
               "--win", win, env=env)  # fmt: skip
    out = cli.ok("review", "--look-back", "month", env=env).stdout
    assert "[bold]Win[/bold]" in out and "[red]two" in out
    assert "\x1b]0;X\x07" not in out


def test_the_demo_offers_a_monthly_look_back_at_the_next_review() -> None:
    now = datetime.fromisoformat("2026-11-20T09:00:00+00:00")
    store = Store.memory()
    build_demo(store, FixedClock(now))
    next_week = Journal(store, FixedClock(now + timedelta(weeks=1)))
    period = next_week.look_backs.due(next_week.current_week())
    assert period is not None and period.kind == "month"
    look = next_week.look_backs.build(period)
    assert look.reviewed >= 2 and look.patterns  # >= 8 reviewed weeks behind it
    # Any "now" through a year: the next review offers a look-back of some kind.
    for offset in range(0, 52, 5):
        moment = now + timedelta(weeks=offset)
        store = Store.memory()
        build_demo(store, FixedClock(moment))
        after = Journal(store, FixedClock(moment + timedelta(weeks=1)))
        assert after.look_backs.due(after.current_week()) is not None, moment


def test_a_look_back_answer_does_not_count_as_its_weeks_tags() -> None:
    journal = _journal(DECEMBER)
    for offset in range(13):  # 2026-W37 to 2026-W49, this week
        week = weeks.shift("2026-W37", offset)
        hiring = offset % 3 == 1
        record(journal, week, results=6, relationships=3 if hiring else 7,
               reflection="Interviews all week @hiring" if hiring else "A normal week")  # fmt: skip
    book = journal.look_backs
    shown = weeks.last_weeks("2026-W49", 13)
    before = book.patterns(shown)
    assert [(p.feature.name, p.weeks_with) for p in before] == [("hiring", 4)]
    # An answer written this week (no @hiring in its review), naming it, changes nothing.
    book.record(period_before("month", "2026-W49"), "Hiring weeks drain me. @hiring")
    assert book.patterns(shown) == before


def test_a_review_from_flags_says_a_look_back_is_due(cli: Cli) -> None:
    env = {"LEADJOURNAL_NOW": DECEMBER}
    for week in ("2026-W45", "2026-W46"):
        out = cli.ok("review", "--week", week, "--results", "6", "--relationships", "6", env=env)
        assert "look-back" not in out.stdout  # November's weeks: not yet its first review
    out = cli.ok("review", "--results", "6", "--relationships", "6", env=env).stdout
    assert "A look-back at November 2026 is due: leadjournal review --look-back month" in out
    amended = cli.ok("review", "--results", "7", env=env).stdout
    assert "look-back" not in amended


def test_a_hostile_goal_title_in_a_pattern_is_shown_not_obeyed(cli: Cli) -> None:
    start = datetime.fromisoformat("2026-09-02T10:00:00+00:00")  # 2026-W36
    title = "[red]Hire\x1b[2J two"
    goal = cli.ok(
        "goal", "add", title, "--measure", "hires", "--baseline", "0", "--target", "2",
        "--json", env={"LEADJOURNAL_NOW": start.isoformat()},
    ).json()  # fmt: skip
    for offset in range(10):
        now = (start + timedelta(weeks=offset)).isoformat()
        checked = offset % 3 == 0
        if checked:
            cli.ok("goal", "checkin", goal["goal"]["id"][:8], "--value", "1",
                   env={"LEADJOURNAL_NOW": now})  # fmt: skip
        cli.ok("review", "--results", "6", "--relationships", "2" if checked else "8",
               env={"LEADJOURNAL_NOW": now})  # fmt: skip
    out = cli.ok("trends", "--weeks", "12", env={"LEADJOURNAL_NOW": now}).stdout
    assert "Weeks with a check-in on “[red]Hire" in out and "two”: relationships 2.0" in out
    assert "\x1b[2J" not in out
