"""Kept versions: what an edit, amendment, replacement or deletion took away.

The destructive methods of the other row modules call ``_keep_version``
before they change anything, so every caller is covered without remembering
to. An entry or a commitment is kept as its export JSON; a week's review is
kept whole (the review, its reflections, its commitment, the follow-ups and
goal check-ins made in it, and how the commitments it followed up stood), so
restoring it brings the week back as it was.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from leadjournal import messages
from leadjournal.errors import Ambiguous, NotFound
from leadjournal.models import (
    Commitment,
    Entry,
    FollowUp,
    Review,
    Version,
    VersionAction,
    VersionKind,
)
from leadjournal.store.commitments import CommitmentRows
from leadjournal.store.entries import EntryRows
from leadjournal.store.people import PeopleRows
from leadjournal.store.transfer import TransferRows


class HistoryRows(TransferRows, EntryRows, CommitmentRows, PeopleRows):
    # -- keeping -----------------------------------------------------------

    def _keep_version(self, kind: VersionKind, item_id: str, action: VersionAction) -> None:
        key = (kind, item_id)
        if key in self._kept:
            return
        snapshot = self._snapshot(kind, item_id)
        if snapshot is None:
            return
        week, data = snapshot
        self.conn.execute(
            """INSERT INTO versions (id, kind, item_id, week, action, data, saved_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [str(uuid.uuid4()), kind, item_id, week, action, json.dumps(data), self.now_utc()],
        )
        if self.conn.in_transaction:
            self._kept.add(key)

    def _snapshot(self, kind: VersionKind, item_id: str) -> tuple[str, dict[str, Any]] | None:
        if kind == "entry":
            entries = self._entries("WHERE e.id = ?", [item_id])
            return None if not entries else (entries[0].week, entries[0].model_dump(mode="json"))
        if kind == "commitment":
            found = self._commitments("WHERE id = ?", [item_id])
            return None if not found else (found[0].week, found[0].model_dump(mode="json"))
        if kind == "person":
            return self.person_snapshot(item_id)
        row = self.conn.execute("SELECT * FROM reviews WHERE id = ?", [item_id]).fetchone()
        if row is None:
            return None
        review = self._review(row)
        return review.week, self._week_snapshot(review)

    def _week_snapshot(self, review: Review) -> dict[str, Any]:
        commitment = self.commitment_for_review(review.id)
        follow_ups = self.conn.execute(
            "SELECT * FROM follow_ups WHERE week = ? ORDER BY created_at, id", [review.week]
        ).fetchall()
        followed = self._children(
            "commitments", "id", sorted({str(f["commitment_id"]) for f in follow_ups}), "id"
        )
        checkins = self.conn.execute(
            "SELECT * FROM goal_checkins WHERE review_id = ? ORDER BY created_at, id", [review.id]
        ).fetchall()
        return {
            "review": review.model_dump(mode="json"),
            "entries": [e.model_dump(mode="json") for e in self.entries_for_review(review.id)],
            "commitment": None if commitment is None else commitment.model_dump(mode="json"),
            "follow_ups": [dict(f) for f in follow_ups],
            # How each followed-up commitment stood with these follow-ups in it.
            "followed": [
                {k: row[k] for k in ("id", "status", "outcome_note", "closed_at")}
                for rows in followed.values()
                for row in rows
            ],
            "checkins": [dict(c) for c in checkins],
        }

    # -- a whole week --------------------------------------------------------

    def delete_review(self, review_id: str, *, action: VersionAction = "deleted") -> None:
        """Remove a week's review and everything recorded in it, keeping it as a version."""
        self._keep_version("review", review_id, action)
        self._remove_week(review_id)

    def _remove_week(self, review_id: str) -> None:
        row = self.conn.execute("SELECT week FROM reviews WHERE id = ?", [review_id]).fetchone()
        if row is None:
            return
        week = str(row[0])
        self.conn.execute(
            "DELETE FROM entries WHERE review_id = ? AND kind = 'review'", [review_id]
        )
        self.conn.execute(
            "DELETE FROM commitments WHERE review_id = ? AND source = 'review'", [review_id]
        )
        followed = [
            str(r[0])
            for r in self.conn.execute(
                "SELECT commitment_id FROM follow_ups WHERE week = ?", [week]
            )
        ]
        self.conn.execute("DELETE FROM follow_ups WHERE week = ?", [week])
        for commitment_id in followed:
            self._status_from_follow_ups(commitment_id)
        self.conn.execute("DELETE FROM goal_checkins WHERE review_id = ?", [review_id])
        self.conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])

    def _status_from_follow_ups(self, commitment_id: str) -> None:
        """A commitment stands as its latest remaining follow-up left it (or open)."""
        latest = self.conn.execute(
            """SELECT outcome, note, created_at FROM follow_ups WHERE commitment_id = ?
               ORDER BY week DESC LIMIT 1""",
            [commitment_id],
        ).fetchone()
        if latest is None or latest["outcome"] == "not_yet":
            self.conn.execute(
                "UPDATE commitments SET status = 'open', closed_at = NULL WHERE id = ?",
                [commitment_id],
            )
            return
        self.conn.execute(
            "UPDATE commitments SET status = ?, outcome_note = ?, closed_at = ? WHERE id = ?",
            [latest["outcome"], latest["note"], latest["created_at"], commitment_id],
        )

    # -- restoring -----------------------------------------------------------

    def restore_version(self, version_id: str) -> Version:
        """Bring a kept version back; what stands in its place now is kept in turn."""
        version = self.get_version(version_id)
        if version.kind == "entry":
            self._restore_entry(Entry.model_validate(version.data))
        elif version.kind == "commitment":
            self._restore_commitment(Commitment.model_validate(version.data))
        elif version.kind == "person":
            self.restore_person(version.data)
        else:
            self._restore_week(version.data)
        return version

    def _restore_entry(self, entry: Entry) -> None:
        if self.exists("entries", entry.id):
            self._keep_version("entry", entry.id, "replaced")
            self.conn.execute("DELETE FROM entries WHERE id = ?", [entry.id])
        if entry.review_id is not None and not self.exists("reviews", entry.review_id):
            entry = entry.model_copy(update={"review_id": None})
        self.insert_entry(entry)

    def _restore_commitment(self, commitment: Commitment) -> None:
        if self.exists("commitments", commitment.id):
            self._keep_version("commitment", commitment.id, "replaced")
            self.conn.execute("DELETE FROM commitments WHERE id = ?", [commitment.id])
        review_id = commitment.review_id
        if review_id is not None:
            if not self.exists("reviews", review_id):
                commitment = commitment.model_copy(update={"review_id": None})
            elif commitment.source == "review":
                # A review has one commitment: the one made since steps aside.
                other = self.commitment_for_review(review_id)
                if other is not None:
                    self._keep_version("commitment", other.id, "replaced")
                    self.conn.execute("DELETE FROM commitments WHERE id = ?", [other.id])
        self.insert_commitment(commitment)
        for follow_up in commitment.follow_ups:
            self._insert_follow_up_if_free(follow_up)

    def _insert_follow_up_if_free(self, follow_up: FollowUp) -> None:
        if not self.exists("commitments", follow_up.commitment_id):
            return
        if self.follow_up_exists(follow_up):
            return
        self._insert("follow_ups", follow_up.model_dump())

    def _restore_week(self, data: dict[str, Any]) -> None:
        review = Review.model_validate(data["review"])
        current = self.conn.execute(
            "SELECT id FROM reviews WHERE week = ? OR id = ?", [review.week, review.id]
        ).fetchall()
        for row in current:
            self._keep_version("review", str(row[0]), "replaced")
            self._remove_week(str(row[0]))
        self.insert_review(review)
        for item in data["entries"]:
            entry = Entry.model_validate(item)
            self.conn.execute("DELETE FROM entries WHERE id = ?", [entry.id])
            self.insert_entry(entry)
        if data["commitment"] is not None:
            commitment = Commitment.model_validate(data["commitment"])
            self.conn.execute("DELETE FROM commitments WHERE id = ?", [commitment.id])
            self.insert_commitment(commitment)
            for follow_up in commitment.follow_ups:
                self._insert_follow_up_if_free(follow_up)
        for item in data["follow_ups"]:
            self._insert_follow_up_if_free(FollowUp.model_validate(item))
        for state in data["followed"]:
            self.conn.execute(
                "UPDATE commitments SET status = ?, outcome_note = ?, closed_at = ? WHERE id = ?",
                [state["status"], state["outcome_note"], state["closed_at"], state["id"]],
            )
        for checkin in data["checkins"]:
            known = self.conn.execute(
                "SELECT 1 FROM goal_measures WHERE id = ? AND goal_id = ?",
                [checkin["measure_id"], checkin["goal_id"]],
            ).fetchone()
            if known is not None and not self.exists("goal_checkins", checkin["id"]):
                self._insert("goal_checkins", checkin)

    # -- reading -------------------------------------------------------------

    def get_version(self, version_id: str) -> Version:
        found = self._versions("WHERE id = ?", [version_id])
        if not found:
            raise NotFound(
                messages.NOT_FOUND.format(noun="version", id=version_id), messages.HISTORY_HINT
            )
        return found[0]

    def versions_of(self, item_id: str) -> list[Version]:
        """An item's kept versions, newest first."""
        return self._versions("WHERE item_id = ?", [item_id])

    def versions_of_week(self, week: str) -> list[Version]:
        """The kept versions of a week's review, newest first."""
        return self._versions("WHERE kind = 'review' AND week = ?", [week])

    def find_versioned(self, prefix: str) -> tuple[str, str] | None:
        """(``version`` or ``item``, full id) for an id prefix found only among versions."""
        wanted = prefix.strip().lower()
        if not wanted or any(c not in "0123456789abcdef-" for c in wanted):
            return None
        found: set[tuple[str, str]] = set()
        for column, what in (("id", "version"), ("item_id", "item")):
            for row in self.conn.execute(
                f"SELECT DISTINCT {column} FROM versions WHERE {column} >= ? AND {column} < ?"
                " LIMIT 6",
                [wanted, wanted + "g"],
            ):
                found.add((what, str(row[0])))
        if not found:
            return None
        if len(found) > 1:
            candidates = sorted(identifier[:12] for _, identifier in found)
            raise Ambiguous(
                messages.AMBIGUOUS.format(noun="item", id=prefix, candidates=", ".join(candidates)),
                messages.AMBIGUOUS_HINT,
                candidates,
            )
        return found.pop()

    def _versions(self, where: str, params: Sequence[Any]) -> list[Version]:
        rows = self.conn.execute(
            f"SELECT * FROM versions {where} ORDER BY saved_at DESC, rowid DESC", list(params)
        ).fetchall()
        return [Version(**{**dict(row), "data": json.loads(row["data"])}) for row in rows]

    # -- purging -------------------------------------------------------------

    def count_versions(self, saved_before: str | None = None) -> dict[str, int]:
        """How many kept versions there are (saved before a moment), by kind."""
        where, params = ("WHERE saved_at < ?", [saved_before]) if saved_before else ("", [])
        rows = self.conn.execute(
            f"SELECT kind, count(*) FROM versions {where} GROUP BY kind ORDER BY kind", params
        )
        return {str(row[0]): int(row[1]) for row in rows}

    def purge_versions(self, saved_before: str | None = None) -> dict[str, int]:
        """Remove kept versions for good (all, or those saved before a moment)."""
        counts = self.count_versions(saved_before)
        where, params = ("WHERE saved_at < ?", [saved_before]) if saved_before else ("", [])
        self.conn.execute(f"DELETE FROM versions {where}", params)
        return counts

    def compact(self) -> None:
        """Rewrite the file so removed text is gone from its free pages, too."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
