"""The use-cases on an in-memory journal with a set clock."""

from __future__ import annotations

import pytest

from leadjournal.errors import BadInput, Conflict
from leadjournal.journal import Journal
from leadjournal.records import parse_rating, tags_in


def test_tags_come_from_the_text_and_options(journal: Journal) -> None:
    entry = journal.write(
        "Thanked @Maya for the @on-call fix; mail me@example.com", tags=["@Hiring"]
    )
    assert entry.tags == ["hiring", "maya", "on-call"]
    assert tags_in("@@odd @ok- email@x.org") == ["ok"]


def test_write_is_dated_by_the_clock_and_accepts_a_backdate(journal: Journal) -> None:
    today = journal.write("Today")
    assert (today.date, today.week) == ("2026-11-20", "2026-W47")
    earlier = journal.write("Earlier", day="2026-11-09")
    assert (earlier.date, earlier.week) == ("2026-11-09", "2026-W46")
    assert journal.write("Yesterday", day="yesterday").date == "2026-11-19"
    with pytest.raises(BadInput, match="not a date"):
        journal.write("Bad", day="31/12/2026")


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_refused(journal: Journal, text: str) -> None:
    with pytest.raises(BadInput, match="empty"):
        journal.write(text)
    assert journal.log().entries == []


@pytest.mark.parametrize("value", ["0", "10", "4.5", "abc", "", "٣", -1])
def test_ratings_must_be_whole_numbers_from_1_to_9(value: object) -> None:
    with pytest.raises(BadInput, match="1 to 9"):
        parse_rating(value, "results")


def test_log_periods(journal: Journal) -> None:
    journal.write("this week")
    journal.write("last week", day="2026-11-10")
    journal.write("long ago @old", day="2026-09-01")
    assert [e.body for e in journal.log(week="2026-W47").entries] == ["this week"]
    # Newest day first; --reverse lists oldest first.
    assert [e.body for e in journal.log(last_weeks=2).entries] == ["this week", "last week"]
    assert [e.body for e in journal.log(last_weeks=2, reverse=True).entries] == [
        "last week",
        "this week",
    ]
    assert len(journal.log(last_weeks=20).entries) == 3
    assert [e.body for e in journal.log(last_weeks=20, tag="@old").entries] == ["long ago @old"]
    with pytest.raises(BadInput):
        journal.log(last_weeks=0)


def test_edit_keeps_option_tags_and_follows_text_tags(journal: Journal) -> None:
    entry = journal.write("Met @sam", tags=["hiring"])
    edited = journal.edit(entry.id[:6], "Met @alex instead")
    assert edited.body == "Met @alex instead"
    assert edited.tags == ["alex", "hiring"]


def test_delete_removes_the_entry_and_its_search_row(journal: Journal) -> None:
    entry = journal.write("A private thought about budgets")
    assert [hit.entry.id for hit in journal.search("budgets")] == [entry.id]
    journal.delete(entry.id[:8])
    assert journal.search("budgets") == []


def test_search_treats_query_syntax_as_text(journal: Journal) -> None:
    journal.write('She said "NEAR" AND then left * (oddly)')
    for query in ['"NEAR"', "AND", "*", "(oddly", 'said"', "NOT OR"]:
        journal.search(query)  # no syntax error reaches the leader
    assert len(journal.search("oddly")) == 1


def test_review_from_flags_records_everything(journal: Journal) -> None:
    review = journal.record_review(
        "2026-W47",
        results=7,
        relationships="4",
        extra={"energy": 6},
        reflection="Shipped, but rushed people",
        win="Launch",
        win_by="the platform team",
        commitment="One-on-ones with the new hires",
    )
    assert review.status == "complete"
    assert (review.results, review.relationships, review.extra) == (7, 4, {"energy": 6})
    assert review.win_by == "the platform team"
    (reflection,) = journal.store.entries_for_review(review.id)
    assert reflection.kind == "review" and reflection.week == "2026-W47"
    (commitment,) = journal.commitments()
    assert (commitment.week, commitment.due_week) == ("2026-W47", "2026-W48")


def test_invalid_flags_write_nothing(journal: Journal) -> None:
    with pytest.raises(BadInput):
        journal.record_review("2026-W47", results=7, relationships=4, commitment="  ")
    with pytest.raises(BadInput):
        journal.record_review("2026-W47", results=7, relationships=4, extra={"energy": 0})
    assert journal.store.get_review("2026-W47") is None
    assert journal.commitments() == []


def test_a_done_week_is_not_overwritten_without_replace(journal: Journal) -> None:
    journal.record_review("2026-W45", results=3, relationships=8, commitment="First")
    with pytest.raises(Conflict):
        journal.record_review("2026-W45", results=5, relationships=5)
    replaced = journal.record_review(
        "2026-W45", results=5, relationships=5, commitment="Second", replace=True
    )
    assert (replaced.results, replaced.relationships) == (5, 5)
    assert [c.text for c in journal.commitments()] == ["Second"]


def test_interactive_answers_are_kept_and_the_review_resumes(journal: Journal) -> None:
    state = journal.start_review("2026-W47")
    assert state.remaining == ["follow_up", "ratings", "goals", "reflection", "win", "commitment"]
    journal.step_done(state.review, "follow_up")
    journal.rate(state.review, "results", "6")
    # The leader stops here (Ctrl-C); a new session looks at the same week.
    resumed = journal.review_state("2026-W47")
    assert resumed is not None and resumed.resumed
    assert resumed.review.results == 6 and resumed.review.relationships is None
    assert resumed.remaining == ["ratings", "goals", "reflection", "win", "commitment"]


def test_follow_up_outcomes(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    for week, text in [("2026-W44", "a"), ("2026-W45", "b"), ("2026-W46", "c")]:
        journal.record_review(week, results=5, relationships=5, commitment=text)
    state = journal.start_review("2026-W47")
    assert [c.text for c in state.follow_ups] == ["a", "b", "c"]
    a, b, c = state.follow_ups
    journal.follow_up(state.review, a.id, "done", "went well")
    journal.follow_up(state.review, b.id, "not_yet", None)
    # Resuming mid-follow-up asks only about what is left.
    again = journal.review_state("2026-W47")
    assert again is not None and [x.text for x in again.follow_ups] == ["c"]
    journal.follow_up(state.review, c.id, "dropped", "no longer matters")
    statuses = {x.text: x.status for x in journal.commitments(None)}
    assert statuses == {"a": "done", "b": "open", "c": "dropped"}
    # "Not yet" carries the commitment into the next week's review.
    nxt = journal.start_review("2026-W48")
    assert [x.text for x in nxt.follow_ups] == ["b"]


def test_standing_names_style_lean_and_imbalance(journal: Journal) -> None:
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        journal.record_review(week, results=8, relationships=3)
    standing = journal.standing("2026-W47")
    assert standing.style == "produce-or-perish"
    assert (standing.lean, standing.toward) == (-5, "results")
    assert standing.imbalance.state == "lasting"
    assert "one-on-one" in journal.suggestion("2026-W47")


def test_summary_reports_streak_and_open_commitments(journal: Journal) -> None:
    journal.record_review("2026-W46", results=6, relationships=6, commitment="x")
    journal.record_review("2026-W47", results=7, relationships=7, commitment="y")
    summary = journal.summary("2026-W47")
    assert summary.trends.streak.current == 2
    assert [c.text for c in summary.open_commitments] == ["x", "y"]
    assert summary.trends.weeks[-1].style == "team"


def test_a_review_from_flags_is_all_or_nothing(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(journal.store, "insert_commitment", disk_full)
    with pytest.raises(OSError):
        journal.record_review(
            "2026-W47", results=7, relationships=4, reflection="kept?", commitment="x"
        )
    assert journal.store.get_review("2026-W47") is None
    assert journal.log().entries == []


def test_starting_a_week_twice_gives_one_review(journal: Journal) -> None:
    first = journal.start_review("2026-W47")
    second = journal.start_review("2026-W47")
    assert first.review.id == second.review.id
    journal.complete(second.review)
    with pytest.raises(Conflict):
        journal.start_review("2026-W47")
