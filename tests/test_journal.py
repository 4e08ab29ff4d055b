"""The use-cases on an in-memory journal with a set clock."""

from __future__ import annotations

import pytest

from leadjournal.errors import BadInput
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
