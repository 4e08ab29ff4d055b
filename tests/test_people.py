"""People, on an in-memory journal: the roster, notes, links, the list's order, forgetting."""

from __future__ import annotations

import pytest

from leadjournal.errors import BadInput, Conflict, NotFound
from leadjournal.journal import Journal

from .helpers import record


def test_a_person_added_links_what_was_written_about_them_before(journal: Journal) -> None:
    entry = journal.write("Long talk with Maya about the migration.")
    added = journal.people.add("Maya Chen", "maya")
    assert added.linked == 1
    assert [link.item_id for link in added.person.links] == [entry.id]


def test_text_saved_later_is_linked_by_name_alias_and_at_handle(journal: Journal) -> None:
    journal.people.add("Maya Chen", "maya", aliases=["MC"])
    journal.write("mc shipped it")
    journal.write("@maya-chen again")
    journal.write("wrote to maya@example.com")  # an address, not a mention
    view = journal.people.timeline("maya")
    assert sorted(i.text for i in view.items) == ["@maya-chen again", "mc shipped it"]


def test_a_win_credited_counts_as_contact_and_recognition(journal: Journal) -> None:
    journal.people.add("Priya Nair", "priya")
    record(journal, "2026-W47", results=6, relationships=6, win="Audit passed", win_by="Priya")
    [standing] = journal.people.standings()
    assert standing.last_recognition == standing.last_contact is not None
    assert standing.mentions_4w == 1


def test_a_commitment_naming_someone_is_an_intention_not_contact(journal: Journal) -> None:
    journal.people.add("Dev Patel", "dev")
    record(journal, "2026-W47", results=7, relationships=4, commitment="1:1 with Dev")
    [standing] = journal.people.standings()
    assert standing.last_contact is None
    assert standing.open_commitments == 1


def test_the_list_puts_the_most_overlooked_first_then_oldest_contact_ties_by_name(
    journal: Journal,
) -> None:
    for name, handle in [
        ("Zoe Quinn", "zoe"),
        ("Ann Bell", "ann"),
        ("Ben Ode", "ben"),
        ("Cy Do", "cy"),
    ]:
        journal.people.add(name, handle)
    journal.people.note("ann", "coffee", day="2026-11-02")
    journal.people.note("ben", "coffee", day="2026-11-02")
    journal.people.note("zoe", "coffee", day="2026-10-01")
    order = [s.handle for s in journal.people.standings()]
    # Cy: no contact at all; Zoe: oldest; Ann and Ben the same day, by name.
    assert order == ["cy", "zoe", "ann", "ben"]


def test_note_kinds_by_flag_or_by_the_way_the_note_starts(journal: Journal) -> None:
    journal.people.add("Maya Chen", "maya")
    assert journal.people.note("maya", "1:1: worried about the reorg").kind == "1on1"
    assert journal.people.note("maya", "asked", kind="check-in").kind == "check-in"
    assert journal.people.note("maya", "just a note").kind == "note"
    with pytest.raises(BadInput):
        journal.people.note("maya", "x", kind="gossip")


def test_a_name_two_people_share_is_not_guessed(journal: Journal) -> None:
    journal.people.add("Sam Lee", "sam")
    journal.people.add("Sam Ortiz", "sortiz")
    journal.write("Sam was quiet today")
    unsure = journal.people.sync()
    assert [u.name for u in unsure] == ["sam"]
    assert all(not s.last_contact for s in journal.people.standings())
    journal.people.choose(unsure[0], unsure[0].candidates[1].id)
    linked = {s.handle: s.last_contact for s in journal.people.standings()}
    assert linked["sortiz"] is not None and linked["sam"] is None


def test_bad_input_writes_nothing(journal: Journal) -> None:
    journal.people.add("Maya Chen", "maya")
    with pytest.raises(BadInput):
        journal.people.add("   ")
    with pytest.raises(Conflict):
        journal.people.add("Maya Other", "maya")
    with pytest.raises(Conflict):
        journal.people.add("Mo Bee", "mo", aliases=["maya"])
    with pytest.raises(BadInput):
        journal.people.add("Ann", "not a handle!")
    with pytest.raises(NotFound):
        journal.people.note("nobody", "x")
    assert [p.handle for p in journal.people.roster(archived=True)] == ["maya"]


def test_archived_people_leave_the_nudges_but_keep_their_history(journal: Journal) -> None:
    journal.people.add("Tom Reyes", "tom")
    journal.people.note("tom", "leaving in March", kind="1on1")
    journal.people.archive("tom")
    assert journal.people.standings() == []
    assert journal.people.nudges("2026-W47") == []
    assert journal.people.timeline("tom").items[0].text == "leaving in March"


def test_an_edit_keeps_the_earlier_version_and_restore_brings_it_back(journal: Journal) -> None:
    added = journal.people.add("Maya Chen", "maya")
    journal.people.edit("maya", name="Maya Lin", add_aliases=["ML"])
    [version] = journal.store.versions_of(added.person.id)
    assert version.kind == "person" and version.data["name"] == "Maya Chen"
    journal.record.restore(version.id)
    assert journal.people.find("maya").name == "Maya Chen"


def test_forget_removes_the_person_notes_links_versions_and_search_rows(journal: Journal) -> None:
    journal.write("Maya led the retro")
    added = journal.people.add("Maya Chen", "maya")
    journal.people.note("maya", "private 1:1 detail", kind="1on1")
    journal.people.edit("maya", note="tech lead")
    assert journal.search("private")
    plan = journal.people.forget_plan("maya")
    assert (plan.notes, plan.links, plan.versions, plan.mentioned_in) == (1, 1, 1, 1)
    assert plan.search == 2
    journal.people.forget(plan)
    conn = journal.store.conn
    for table, column in [
        ("people", "id"),
        ("person_notes", "person_id"),
        ("person_links", "person_id"),
        ("versions", "item_id"),
    ]:
        count = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [added.person.id])
        assert count.fetchone()[0] == 0, table
    assert (
        conn.execute("SELECT count(*) FROM search_docs WHERE kind LIKE 'person%'").fetchone()[0]
        == 0
    )
    assert journal.search("private") == []
    assert journal.search("retro")  # what the leader wrote stays


def test_the_review_step_is_quiet_on_a_relationships_leaning_week(journal: Journal) -> None:
    from leadjournal.peoplebook import review_nudges

    journal.people.add("Dev Patel", "dev")
    record(journal, "2026-W47", results=4, relationships=8)
    assert review_nudges(journal.people, "2026-W47") == []
    record(journal, "2026-W47", results=8, relationships=4)
    kinds = [n.kind for n in review_nudges(journal.people, "2026-W47")]
    assert kinds == ["one_on_one", "recognition", "check_in"]


def test_nudges_respect_the_thresholds(journal: Journal) -> None:
    journal.people.add("Dev Patel", "dev")
    journal.people.note("dev", "1:1", kind="1on1", day="2026-11-02")  # 2 weeks before NOW
    journal.people.note("dev", "thanks", kind="recognition", day="2026-11-02")
    journal.people.note("dev", "ok?", kind="check-in", day="2026-11-02")
    assert journal.people.nudges("2026-W47", one_on_one_weeks=3) == []
    [nudge] = journal.people.nudges("2026-W47", one_on_one_weeks=2)
    assert nudge.kind == "one_on_one" and nudge.weeks == 2


def test_recognition_spread_over_the_window(journal: Journal) -> None:
    for name, handle in [("Sam Okafor", "sam"), ("Maya Chen", "maya"), ("Dev Patel", "dev")]:
        journal.people.add(name, handle)
    for _ in range(3):
        journal.people.note("sam", "thanks", kind="recognition")
    journal.people.note("maya", "thanks", kind="recognition")
    journal.people.note("maya", "1:1", kind="1on1")
    spread = journal.people.spread(["2026-W46", "2026-W47"])
    assert spread is not None
    assert (spread.recognitions, spread.top_share, spread.top_people) == (4, 3, 1)
    assert spread.one_on_one_people == 1 and spread.not_mentioned == ["Dev Patel"]


def test_a_journal_without_a_roster_has_no_people_section_and_queues_nothing(
    journal: Journal,
) -> None:
    journal.write("Maya did well")
    assert journal.people.spread(["2026-W47"]) is None
    assert journal.store.conn.execute("SELECT count(*) FROM person_link_queue").fetchone()[0] == 0


def _export(journal: Journal) -> str:
    import io

    from leadjournal import export

    sink = io.StringIO()
    journal.people.sync()
    export.write_json(journal.store, sink, exported_at="2026-11-20T09:00:00Z")
    return sink.getvalue()


def _import(journal: Journal, text: str) -> object:
    from leadjournal import transfer

    return transfer.import_text(journal, text, "people.json", source="leadjournal", dry_run=False)


def test_people_notes_and_links_round_trip_and_import_twice_changes_nothing(
    journal: Journal, clock: object
) -> None:
    import json

    from leadjournal.store import Store

    journal.write("Maya led the retro")
    journal.people.add("Maya Chen", "maya", aliases=["MC"], note="Tech lead")
    journal.people.note("maya", "1:1: reorg", kind="1on1")
    record(journal, "2026-W47", results=6, relationships=6, win="Audit", win_by="MC")
    text = _export(journal)
    [person] = json.loads(text)["people"]
    assert person["aliases"] == ["mc"] and len(person["notes"]) == 1 and len(person["links"]) == 2
    target = Journal(Store.memory(), journal.clock)
    _import(target, text)
    again = _export(target)
    assert json.loads(again)["people"] == json.loads(text)["people"]
    report = _import(target, text)
    assert not report.changed  # type: ignore[attr-defined]
    assert _export(target) == again


def test_an_imported_person_whose_handle_is_taken_here_imports_nothing(journal: Journal) -> None:
    from leadjournal.store import Store

    journal.people.add("Maya Chen", "maya")
    text = _export(journal)
    other = Journal(Store.memory(), journal.clock)
    other.people.add("Maya Other", "maya")
    with pytest.raises(BadInput, match="someone else's"):
        _import(other, text)
    assert [p.name for p in other.people.roster()] == ["Maya Other"]


# -- person-shaped prompts ---------------------------------------------------------

PERSON_PROMPTS = ("pr-is-everything-ok", "hs-ask-how-to-support")


def test_a_person_shaped_prompt_names_the_most_overlooked_person(journal: Journal) -> None:
    library = journal.packs
    prompts = [library.prompts[pid] for pid in PERSON_PROMPTS]
    assert all(p.for_person and "{name}" in p.for_person for p in prompts)
    assert journal._for_person(prompts) == prompts  # no roster: asked as written
    journal.people.add("Maya Chen", "maya")
    journal.people.add("Dev Patel", "dev")
    journal.people.note("maya", "1:1", kind="1on1")
    asked = journal._for_person(prompts)
    assert all("Dev Patel" in p.text and "{name}" not in p.text for p in asked)
    assert [p.id for p in asked] == list(PERSON_PROMPTS)


def test_a_pack_whose_person_prompt_has_no_name_slot_is_a_problem(tmp_path: object) -> None:
    from pathlib import Path

    from leadjournal.prompts import validate_folder

    folder = Path(str(tmp_path))
    (folder / "p.toml").write_text(
        '[pack]\nsource = "Mine"\n\n[[prompt]]\nid = "mine-ok"\ntext = "Is all OK?"\n'
        'themes = ["relationships"]\nfor_person = "Is all OK with them?"\n',
        encoding="utf-8",
    )
    [problem] = validate_folder(folder)
    assert problem.field == "for_person" and "{name}" in problem.message


def test_someone_is_found_by_handle_alias_full_or_first_name(journal: Journal) -> None:
    from leadjournal.errors import Ambiguous

    journal.people.add("Maya Chen", "mc", aliases=["Mimi"])
    journal.people.add("Sam Lee", "sam")
    journal.people.add("Sam Ortiz", "sortiz")
    for who in ("mc", "@mc", "MIMI", "maya chen", "Maya"):
        assert journal.people.find(who).handle == "mc"
    assert journal.people.find("sam").handle == "sam"  # a handle wins over a first name
    journal.people.add("Jo Berg", "jberg")
    journal.people.add("Jo Lin", "jlin")
    with pytest.raises(Ambiguous):
        journal.people.find("Jo")
