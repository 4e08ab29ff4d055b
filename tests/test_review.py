"""The weekly review's core: opening a week (new, resume, amend, replace), claims,
answers saved one by one, reviews from flags, the closing card."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from leadjournal import insights
from leadjournal.clock import FixedClock
from leadjournal.errors import BadInput, NotFound
from leadjournal.journal import Journal
from leadjournal.review import (
    Answers,
    FollowUpAnswer,
    Owner,
    ReviewClaimed,
    ReviewDone,
    ReviewTakenOver,
    WeeklyReview,
)
from leadjournal.store import Store

from .helpers import record, rows

WEEK = "2026-W47"


def owner(name: str, pid: int = 1) -> Owner:
    return Owner(token=name, pid=pid, host="here", tty="/dev/pts/1")


# -- opening a week ---------------------------------------------------------------


def test_open_new_then_resume_then_done(journal: Journal) -> None:
    first = journal.reviews.open(WEEK)
    assert first.opened == "new"
    assert first.state().remaining == [
        "follow_up",
        "ratings",
        "goals",
        "reflection",
        "win",
        "commitment",
    ]
    first.step_done("follow_up")
    first.rate("results", "6")
    # The leader stops here (Ctrl-C); a new terminal opens the same week.
    again = journal.reviews.open(WEEK)
    assert again.opened == "resume" and again.review_id == first.review_id
    state = again.state()
    assert state.resumed and state.review.results == 6 and state.review.relationships is None
    assert state.remaining == ["ratings", "goals", "reflection", "win", "commitment"]
    again.complete()
    with pytest.raises(ReviewDone):
        journal.reviews.open(WEEK)


def test_marking_a_step_twice_keeps_it_once_and_in_order(journal: Journal) -> None:
    session = journal.reviews.open(WEEK)
    for step in ("ratings", "follow_up", "ratings"):
        session.step_done(step)
    assert session.review.steps_done == ["ratings", "follow_up"]
    assert session.complete().steps_done == [
        "follow_up",
        "ratings",
        "goals",
        "reflection",
        "win",
        "commitment",
    ]


def test_amend_changes_one_thing_and_keeps_the_rest(journal: Journal) -> None:
    record(journal, WEEK, results=6, relationships=7, reflection="Long week", win="Launch",
           win_by="team", commitment="1:1s")  # fmt: skip
    session = journal.reviews.open(WEEK, how="amend")
    assert session.opened == "amend"
    session.rate("relationships", 4)
    review = session.review
    assert (review.status, review.results, review.relationships) == ("complete", 6, 4)
    assert (review.win, review.win_by) == ("Launch", "team")
    assert [e.body for e in session.state().reflections] == ["Long week"]
    assert [c.text for c in journal.commitments()] == ["1:1s"]


def test_replace_starts_the_week_over(journal: Journal) -> None:
    record(journal, WEEK, results=6, relationships=7, reflection="Long week", commitment="1:1s")
    session = journal.reviews.open(WEEK, how="replace")
    assert session.opened == "replace"
    state = session.state()
    assert state.review.results is None and state.reflections == [] and state.commitment is None
    assert state.remaining[0] == "follow_up"


def test_two_terminals_opening_one_week_get_one_review(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "journal.db"
    Store.open(path).close()
    opened: list[str] = []
    problems: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_week() -> None:
        store = Store.open(path)
        try:
            barrier.wait()
            opened.append(WeeklyReview(store, clock).open(WEEK).review_id)
        except BaseException as exc:  # pragma: no cover - the failure being tested for
            problems.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=open_week) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert len(opened) == 4 and len(set(opened)) == 1
    assert rows(path, "SELECT count(*) FROM reviews") == [(1,)]


# -- claims -----------------------------------------------------------------------


def test_a_claimed_week_is_refused_then_taken_over(journal: Journal) -> None:
    mine = journal.reviews.open(WEEK, owner=owner("a"))
    mine.rate("results", 6)
    with pytest.raises(ReviewClaimed) as refused:
        journal.reviews.open(WEEK, owner=owner("b"))
    assert refused.value.claim.pid == 1 and "pid 1 on here" in refused.value.message
    theirs = journal.reviews.open(WEEK, owner=owner("b"), take_over=True)
    theirs.rate("relationships", 7)
    # The first terminal hears it lost the week instead of writing into it.
    with pytest.raises(ReviewTakenOver):
        mine.rate("results", 1)
    review = theirs.review
    assert (review.results, review.relationships) == (6, 7)


def test_flags_do_not_write_into_a_review_open_elsewhere(journal: Journal) -> None:
    interactive = journal.reviews.open(WEEK, owner=owner("a"))
    interactive.rate("results", 6)
    interactive.rate("relationships", 7)
    with pytest.raises(ReviewClaimed):
        journal.reviews.record(WEEK, Answers.parse(results=1, relationships=1))
    assert (interactive.review.results, interactive.review.relationships) == (6, 7)
    journal.reviews.record(WEEK, Answers.parse(results=1, relationships=1), take_over=True)
    with pytest.raises(ReviewTakenOver):
        interactive.step_done("ratings")


def test_a_stale_claim_is_taken_over_by_itself(journal: Journal) -> None:
    book = WeeklyReview(journal.store, journal.clock, host="here", alive=lambda pid: pid != 99)
    book.open(WEEK, owner=owner("gone", pid=99))
    assert book.open(WEEK, owner=owner("b", pid=2)).opened == "resume"
    # A live process on another host is not stale.
    book.open("2026-W46", owner=Owner(token="far", pid=99, host="elsewhere"))
    with pytest.raises(ReviewClaimed):
        book.open("2026-W46", owner=owner("c"))


def test_release_lets_the_next_terminal_in(journal: Journal) -> None:
    session = journal.reviews.open(WEEK, owner=owner("a"))
    session.release()
    assert journal.reviews.claim(WEEK) is None
    assert journal.reviews.open(WEEK, owner=owner("b")).opened == "resume"


# -- each answer on its own -------------------------------------------------------


def test_follow_up_outcome_is_saved_before_its_note(journal: Journal) -> None:
    record(journal, "2026-W46", results=5, relationships=5, commitment="Deadlines for Ana")
    session = journal.reviews.open(WEEK)
    (pending,) = session.state().follow_ups
    session.follow_up(pending.id, "partly")
    assert journal.store.get_commitment(pending.id).status == "partly"
    assert journal.reviews.state(WEEK).follow_ups == []  # type: ignore[union-attr]
    session.follow_up(pending.id, "partly", "Two of three")
    (follow_up,) = journal.store.get_commitment(pending.id).follow_ups
    assert (follow_up.outcome, follow_up.note) == ("partly", "Two of three")


def test_win_is_saved_before_whose_effort(journal: Journal) -> None:
    session = journal.reviews.open(WEEK)
    session.win("The launch")
    assert (session.review.win, session.review.win_by) == ("The launch", None)
    session.win_by("platform team")
    assert session.review.win_by == "platform team"


def test_a_reflection_is_saved_line_by_line(journal: Journal) -> None:
    session = journal.reviews.open(WEEK)
    draft = session.reflection("prompt-1")
    draft.save("First line @ana")
    (entry,) = session.state().reflections
    assert entry.body == "First line @ana" and entry.tags == ["ana"]
    draft.save("First line @ana\nSecond line")
    (entry,) = session.state().reflections
    assert entry.body == "First line @ana\nSecond line" and entry.prompt_id == "prompt-1"
    assert entry.week == WEEK and entry.date == "2026-11-16"


def test_a_second_commitment_rewords_the_first(journal: Journal) -> None:
    session = journal.reviews.open(WEEK)
    first = session.commit("1:1s")
    second = session.commit("1:1s with the new hires")
    assert first.id == second.id
    assert [c.text for c in journal.commitments()] == ["1:1s with the new hires"]


# -- from flags -------------------------------------------------------------------


def test_review_from_flags_records_everything(journal: Journal) -> None:
    review = record(
        journal,
        WEEK,
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
    assert reflection.kind == "review" and reflection.week == WEEK
    (commitment,) = journal.commitments()
    assert (commitment.week, commitment.due_week) == (WEEK, "2026-W48")


def test_invalid_flags_are_refused_before_anything_is_read(journal: Journal) -> None:
    for bad in (
        {"results": 7, "relationships": 4, "commitment": "  "},
        {"results": 7, "relationships": 4, "extra": {"energy": 0}},
        {"results": "ten", "relationships": 4},
        {"follow_ups": ["abc"]},
        {"follow_ups": ["abc=maybe"]},
        {"follow_ups": ["=done"]},
    ):
        with pytest.raises(BadInput):
            Answers.parse(**bad)  # type: ignore[arg-type]
    assert journal.store.get_review(WEEK) is None


def test_follow_up_flags(journal: Journal) -> None:
    assert FollowUpAnswer.parse("3f2a=notyet") == FollowUpAnswer("3f2a", "not_yet", None)
    assert FollowUpAnswer.parse("3f2a=drop:no longer: needed") == FollowUpAnswer(
        "3f2a", "dropped", "no longer: needed"
    )
    record(journal, "2026-W46", results=5, relationships=5, commitment="Deadlines")
    (pending,) = journal.commitments()
    with pytest.raises(NotFound):
        record(journal, WEEK, results=5, relationships=5, follow_ups=["ffffffff=done"])
    assert journal.store.get_review(WEEK) is None
    record(journal, WEEK, results=5, relationships=5, follow_ups=[f"{pending.id[:6]}=done:Held"])
    assert journal.store.get_commitment(pending.id).status == "done"


def test_flags_on_a_reviewed_week_change_only_what_they_name(journal: Journal) -> None:
    record(journal, WEEK, results=6, relationships=7, reflection="Long week", win="Launch",
           commitment="1:1s")  # fmt: skip
    recorded = journal.reviews.record(WEEK, Answers.parse(results=7, win="Launch"))
    assert recorded.opened == "amend"
    assert [(c.what, c.old, c.new) for c in recorded.changes] == [("results", "6", "7")]
    review = recorded.review
    assert (review.results, review.relationships, review.win) == (7, 7, "Launch")
    assert [e.body for e in journal.store.entries_for_review(review.id)] == ["Long week"]
    assert [c.text for c in journal.commitments()] == ["1:1s"]
    changed = journal.reviews.record(WEEK, Answers.parse(commitment="1:1s weekly")).changes
    assert [(c.what, c.old, c.new) for c in changed] == [("commitment", "1:1s", "1:1s weekly")]


def test_replace_from_flags_starts_over(journal: Journal) -> None:
    record(journal, "2026-W45", results=3, relationships=8, commitment="First")
    replaced = record(
        journal, "2026-W45", results=5, relationships=5, commitment="Second", replace=True
    )
    assert (replaced.results, replaced.relationships) == (5, 5)
    assert [c.text for c in journal.commitments()] == ["Second"]


def test_a_new_week_from_flags_needs_both_ratings(journal: Journal) -> None:
    with pytest.raises(BadInput):
        record(journal, WEEK, win="Launch")
    assert journal.store.get_review(WEEK) is None


def test_a_review_from_flags_is_all_or_nothing(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(journal.store, "insert_commitment", disk_full)
    with pytest.raises(OSError):
        record(journal, WEEK, results=7, relationships=4, reflection="kept?", commitment="x")
    assert journal.store.get_review(WEEK) is None
    assert journal.log().entries == []
    assert journal.reviews.claim(WEEK) is None


# -- what the review shows --------------------------------------------------------


def test_standing_names_style_lean_and_imbalance(journal: Journal) -> None:
    for week in ("2026-W45", "2026-W46", WEEK):
        record(journal, week, results=8, relationships=3)
    standing = journal.reviews.standing(WEEK)
    assert standing.style == "produce-or-perish"
    assert (standing.lean, standing.toward) == (-5, "results")
    assert standing.imbalance.state == "lasting"
    assert "one-on-one" in journal.reviews.suggestion(WEEK)


@pytest.mark.parametrize("balanced_up_to", [1, 2, 3])
def test_the_suggestion_uses_the_trends_idea_of_a_lean(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, balanced_up_to: int
) -> None:
    from leadjournal import messages

    monkeypatch.setattr(insights, "BALANCED_LEAN", balanced_up_to)
    expected = {
        "results": messages.SUGGEST_FOR_RESULTS_LEAN,
        "relationships": messages.SUGGEST_FOR_RELATIONSHIPS_LEAN,
        None: messages.SUGGEST_BALANCED,
    }
    for number, (results, relationships) in enumerate([(5, 7), (7, 5), (4, 7), (5, 6)]):
        week = f"2026-W{40 + number}"
        record(journal, week, results=results, relationships=relationships)
        toward = journal.reviews.standing(week).toward
        assert journal.reviews.suggestion(week) == expected[toward]


def test_the_card_shows_the_reviewed_week_among_its_neighbours(journal: Journal) -> None:
    record(journal, "2026-W46", results=6, relationships=6)
    record(journal, "2026-W44", results=3, relationships=8)  # backfilled
    summary = journal.reviews.summary("2026-W44")
    shown = [row.week for row in summary.trends.weeks]
    assert "2026-W44" in shown and shown[-1] == "2026-W46"
    assert summary.trends.streak.current == 1  # today's streak, not the card's


def test_the_card_lists_open_commitments_newest_first(journal: Journal) -> None:
    for number in range(6):
        record(journal, f"2026-W{40 + number}", results=5, relationships=5, commitment=f"c{number}")
    summary = journal.reviews.summary("2026-W45")
    assert [c.text for c in summary.open_commitments] == ["c5", "c4", "c3", "c2", "c1"]
    assert summary.more_commitments == 1
