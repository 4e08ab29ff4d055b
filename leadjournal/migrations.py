"""Numbered, recorded schema migrations.

Append-only: a shipped migration is never edited; fix forward with a new one.
Each runs in a transaction with its ledger row (sqlite-utils' ``Migrations``)
and ends by setting ``PRAGMA user_version`` to its number, so opening a journal
can tell "up to date" from one cheap pragma without importing sqlite-utils.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("leadjournal")

# Ratings live in the schema's CHECK constraints too, so another tool cannot
# store a rating outside the Managerial Grid's scale.
_RATING = "CHECK ({col} IS NULL OR ({col} BETWEEN 1 AND 9 AND typeof({col}) = 'integer'))"


@migrations()
def m001_create_journal(db: Database) -> None:
    # sqlite-utils runs a script statement by statement inside a transaction,
    # so the migration stays all-or-nothing (plain executescript would commit).
    db.executescript(
        f"""
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            week TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'complete')),
            results INTEGER {_RATING.format(col="results")},
            relationships INTEGER {_RATING.format(col="relationships")},
            win TEXT,
            win_by TEXT,
            steps_done TEXT NOT NULL DEFAULT '[]',
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT
        );

        CREATE TABLE review_ratings (
            review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
            dimension TEXT NOT NULL CHECK (length(dimension) > 0),
            value INTEGER NOT NULL {_RATING.format(col="value")},
            PRIMARY KEY (review_id, dimension)
        );

        CREATE TABLE entries (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL
                CHECK (kind IN ('reflection', 'review', 'prompt', 'exercise')),
            body TEXT NOT NULL CHECK (length(trim(body)) > 0),
            title TEXT,
            starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
            prompt_id TEXT,
            review_id TEXT REFERENCES reviews(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        );
        CREATE INDEX entries_week ON entries(week);
        CREATE INDEX entries_date ON entries(date, created_at);
        CREATE INDEX entries_created ON entries(created_at);
        CREATE INDEX entries_review ON entries(review_id);
        CREATE INDEX entries_prompt ON entries(prompt_id, week);

        CREATE TABLE entry_tags (
            entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            tag TEXT NOT NULL CHECK (length(tag) > 0),
            PRIMARY KEY (entry_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX entry_tags_tag ON entry_tags(tag, entry_id);

        CREATE TABLE commitments (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'partly', 'dropped')),
            week TEXT NOT NULL,
            due_week TEXT NOT NULL,
            review_id TEXT REFERENCES reviews(id) ON DELETE SET NULL,
            source TEXT NOT NULL DEFAULT 'review',
            outcome_note TEXT,
            created_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX commitments_status ON commitments(status, due_week);
        CREATE UNIQUE INDEX commitments_one_per_review
            ON commitments(review_id) WHERE review_id IS NOT NULL AND source = 'review';

        CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY,
            commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
            week TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'not_yet', 'dropped')),
            note TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (commitment_id, week)
        );

        CREATE TABLE exercise_runs (
            id TEXT PRIMARY KEY,
            exercise_id TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('in_progress', 'complete')),
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        );
        CREATE INDEX exercise_runs_exercise ON exercise_runs(exercise_id, status);

        CREATE TABLE exercise_answers (
            run_id TEXT NOT NULL REFERENCES exercise_runs(id) ON DELETE CASCADE,
            step_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            answer TEXT,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (run_id, step_id)
        ) WITHOUT ROWID;
        """
    )
    # Full-text search over what the leader wrote; triggers keep it in step.
    db.table("entries").enable_fts(
        ["title", "body"], fts_version="FTS5", create_triggers=True, tokenize="porter"
    )
    # Marks the file as a leadjournal journal ("LJRN"), so other SQLite files
    # are told apart from ours before anything is written to them.
    db.execute("PRAGMA application_id = 1279939150")
    db.execute("PRAGMA user_version = 1")


# A measure's value: a finite number of sensible size. NaN arrives as NULL and
# is refused by NOT NULL or this check; infinity fails the bound.
_NUMBER = "CHECK ({col} IS NULL OR (typeof({col}) IN ('real', 'integer') AND abs({col}) <= 1e12))"


@migrations()
def m002_create_goals(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE goals (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('performance', 'development')),
            level TEXT NOT NULL CHECK (level IN ('individual', 'team', 'organization')),
            cadence TEXT NOT NULL DEFAULT 'weekly'
                CHECK (cadence IN ('weekly', 'monthly', 'quarterly')),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
            achievable TEXT,
            relevant TEXT,
            start_date TEXT NOT NULL,
            due_date TEXT CHECK (due_date IS NULL OR due_date >= start_date),
            -- A pair is stored on both goals: the unique index below keeps
            -- each goal to one partner, and a goal cannot be its own.
            pair_id TEXT REFERENCES goals(id) ON DELETE SET NULL
                CHECK (pair_id IS NULL OR pair_id <> id),
            outcome_note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            closed_at TEXT,
            closed_date TEXT,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        );
        CREATE UNIQUE INDEX goals_one_partner ON goals(pair_id) WHERE pair_id IS NOT NULL;
        CREATE INDEX goals_status ON goals(status, due_date);

        CREATE TABLE goal_measures (
            id TEXT PRIMARY KEY,
            goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('leading', 'lagging')),
            unit TEXT,
            baseline REAL {_NUMBER.format(col="baseline")},
            target REAL {_NUMBER.format(col="target")},
            position INTEGER NOT NULL,
            UNIQUE (goal_id, name)
        );
        -- One result per goal: progress is measured on it.
        CREATE UNIQUE INDEX goal_measures_one_lagging
            ON goal_measures(goal_id) WHERE kind = 'lagging';

        CREATE TABLE goal_checkins (
            id TEXT PRIMARY KEY,
            goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
            measure_id TEXT NOT NULL REFERENCES goal_measures(id) ON DELETE CASCADE,
            value REAL NOT NULL {_NUMBER.format(col="value")},
            note TEXT,
            review_id TEXT REFERENCES reviews(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            date TEXT NOT NULL,
            week TEXT NOT NULL
        );
        CREATE INDEX goal_checkins_goal ON goal_checkins(goal_id, date, created_at);
        CREATE INDEX goal_checkins_week ON goal_checkins(week);
        """
    )
    db.execute("PRAGMA user_version = 2")


@migrations()
def m003_create_review_claims(db: Database) -> None:
    # Which terminal has a week's review open, so a second one asks before
    # writing into it. A row lives only while that review is open: nothing
    # here is the leader's writing, and export leaves it out.
    db.executescript(
        """
        CREATE TABLE review_claims (
            week TEXT PRIMARY KEY,
            token TEXT NOT NULL,
            pid INTEGER,
            host TEXT,
            tty TEXT,
            claimed_at TEXT NOT NULL
        );
        """
    )
    db.execute("PRAGMA user_version = 3")


@migrations()
def m004_create_versions(db: Database) -> None:
    # What an edit, an amendment, a replacement or a deletion took away, kept
    # as the item's JSON (the export's shape) so it can be restored. A week's
    # review is kept whole: the review, its reflections, its commitment, the
    # follow-ups and goal check-ins made in it.
    db.executescript(
        """
        CREATE TABLE versions (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('entry', 'commitment', 'review')),
            item_id TEXT NOT NULL,
            week TEXT NOT NULL,
            action TEXT NOT NULL
                CHECK (action IN ('edited', 'amended', 'replaced', 'deleted', 'restored')),
            data TEXT NOT NULL CHECK (json_valid(data)),
            saved_at TEXT NOT NULL
        );
        CREATE INDEX versions_item ON versions(item_id, saved_at);
        CREATE INDEX versions_week ON versions(kind, week, saved_at);
        CREATE INDEX versions_saved ON versions(saved_at);
        """
    )
    db.execute("PRAGMA user_version = 4")


# What the search finds besides entries (which have their own index): wins and
# whose effort, commitments and their outcome, follow-up notes, goal check-in
# notes, and the answers of exercise runs still under way (a finished run's
# answers are in its entry). Triggers keep it in step with every write, so
# edits, deletes, restores and imports need no code of their own.
_SEARCH_DOCS = """
CREATE TABLE search_docs (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    week TEXT NOT NULL,
    date TEXT NOT NULL,
    body TEXT,
    extra TEXT,
    UNIQUE (kind, ref)
);
CREATE VIRTUAL TABLE search_docs_fts USING fts5(
    body, extra, content='search_docs', content_rowid='rowid', tokenize='porter'
);
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_docs_fts (rowid, body, extra) VALUES (new.rowid, new.body, new.extra);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_docs_fts (search_docs_fts, rowid, body, extra)
    VALUES ('delete', old.rowid, old.body, old.extra);
END;
"""

# (table, kind, ref, week, date, body, extra, when-to-index, columns that matter)
_SOURCES = (
    (
        "reviews",
        "win",
        "{r}.id",
        "{r}.week",
        "substr(coalesce({r}.completed_at, {r}.updated_at), 1, 10)",
        "{r}.win",
        "{r}.win_by",
        "coalesce({r}.win, {r}.win_by) IS NOT NULL",
        "win, win_by",
    ),
    (
        "commitments",
        "commitment",
        "{r}.id",
        "{r}.week",
        "substr({r}.created_at, 1, 10)",
        "{r}.text",
        "{r}.outcome_note",
        "1",
        "text, outcome_note, week",
    ),
    (
        "follow_ups",
        "follow_up",
        "{r}.id",
        "{r}.week",
        "substr({r}.created_at, 1, 10)",
        "{r}.note",
        "NULL",
        "{r}.note IS NOT NULL",
        "note",
    ),
    (
        "goal_checkins",
        "checkin",
        "{r}.id",
        "{r}.week",
        "{r}.date",
        "{r}.note",
        "NULL",
        "{r}.note IS NOT NULL",
        "note",
    ),
    (
        "exercise_answers",
        "exercise_answer",
        "{r}.run_id || '/' || {r}.step_id",
        "(SELECT week FROM exercise_runs x WHERE x.id = {r}.run_id)",
        "(SELECT date FROM exercise_runs x WHERE x.id = {r}.run_id)",
        "{r}.answer",
        "NULL",
        "{r}.answer IS NOT NULL AND (SELECT status FROM exercise_runs x WHERE x.id = {r}.run_id)"
        " = 'in_progress'",
        "answer",
    ),
)


def _search_triggers() -> str:
    parts = []
    for table, kind, ref, week, day, body, extra, when, columns in _SOURCES:

        def f(text: str, row: str) -> str:
            return text.format(r=row)

        insert = (
            f"INSERT INTO search_docs (kind, ref, week, date, body, extra) "
            f"SELECT '{kind}', {f(ref, 'new')}, {f(week, 'new')}, {f(day, 'new')}, "
            f"{f(body, 'new')}, {f(extra, 'new')} WHERE {f(when, 'new')};"
        )
        delete = f"DELETE FROM search_docs WHERE kind = '{kind}' AND ref = {f(ref, 'old')};"
        parts.append(
            f"CREATE TRIGGER {table}_search_ai AFTER INSERT ON {table} BEGIN {insert} END;"
        )
        parts.append(
            f"CREATE TRIGGER {table}_search_au AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN {delete} {insert} END;"
        )
        parts.append(
            f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN {delete} END;"
        )
        # Existing journals: index what is already there.
        parts.append(
            f"INSERT INTO search_docs (kind, ref, week, date, body, extra) "
            f"SELECT '{kind}', {f(ref, 't')}, {f(week, 't')}, {f(day, 't')}, {f(body, 't')}, "
            f"{f(extra, 't')} FROM {table} t WHERE {f(when, 't')};"
        )
    # A run that finishes has its answers in its entry: they leave this index.
    parts.append(
        "CREATE TRIGGER exercise_runs_search_au AFTER UPDATE OF status ON exercise_runs "
        "WHEN new.status = 'complete' BEGIN "
        "DELETE FROM search_docs WHERE kind = 'exercise_answer' "
        "AND ref IN (SELECT run_id || '/' || step_id FROM exercise_answers WHERE run_id = new.id);"
        " END;"
    )
    return "\n".join(parts)


@migrations()
def m005_index_everything_written(db: Database) -> None:
    db.executescript(_SEARCH_DOCS + _search_triggers())
    db.execute("PRAGMA user_version = 5")


# The people a leader works with: a light roster (name, the handle used on the
# command line, other names they go by), short notes (one-on-ones,
# recognition, feedback, "is everything OK?"), and links from what was
# written to the people it names. Text is matched in Python (``mentions``):
# triggers only queue what changed, and only once there is a roster, so a
# journal without people writes exactly as before.
_PEOPLE = """
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    handle TEXT NOT NULL UNIQUE
        CHECK (length(handle) > 0 AND handle = lower(handle) AND handle NOT GLOB '*[^a-z0-9._-]*'),
    note TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT,
    date TEXT NOT NULL,
    week TEXT NOT NULL
);

-- Every name a person is matched by besides the full name, the handle
-- included; one name belongs to one person.
CREATE TABLE person_aliases (
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias TEXT NOT NULL UNIQUE CHECK (length(trim(alias)) > 0 AND alias = lower(alias)),
    PRIMARY KEY (person_id, alias)
) WITHOUT ROWID;

CREATE TABLE person_notes (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL
        CHECK (kind IN ('1on1', 'recognition', 'feedback', 'check-in', 'note')),
    body TEXT NOT NULL CHECK (length(trim(body)) > 0),
    created_at TEXT NOT NULL,
    date TEXT NOT NULL,
    week TEXT NOT NULL
);
CREATE INDEX person_notes_person ON person_notes(person_id, kind, date);

-- Which items name which people. ``found`` links come from matching the text
-- and are made again whenever it changes; ``chosen`` ones are the leader's
-- answer to a name that fits more than one person.
CREATE TABLE person_links (
    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('entry', 'win', 'commitment')),
    item_id TEXT NOT NULL,
    how TEXT NOT NULL CHECK (how IN ('found', 'chosen')),
    date TEXT NOT NULL,
    week TEXT NOT NULL,
    PRIMARY KEY (person_id, item_kind, item_id)
) WITHOUT ROWID;
CREATE INDEX person_links_item ON person_links(item_kind, item_id);

-- The leader's answer for a name in an item that fits several people:
-- that person, or nobody (person_id NULL). Asked once, kept.
CREATE TABLE person_link_choices (
    item_kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    name TEXT NOT NULL,
    person_id TEXT REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (item_kind, item_id, name)
) WITHOUT ROWID;

-- Items whose text changed since it was last matched.
CREATE TABLE person_link_queue (
    item_kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (item_kind, item_id)
) WITHOUT ROWID;
"""

# (table, item kind, id expression, columns whose change means a new match)
_LINKED = (
    ("entries", "entry", "id", "body, title"),
    ("reviews", "win", "id", "win, win_by"),
    ("commitments", "commitment", "id", "text"),
)


def _people_triggers() -> str:
    parts = []
    roster = "EXISTS (SELECT 1 FROM people)"
    for table, kind, ref, columns in _LINKED:
        queue = (
            f"INSERT OR IGNORE INTO person_link_queue (item_kind, item_id) "
            f"VALUES ('{kind}', new.{ref});"
        )
        parts.append(
            f"CREATE TRIGGER {table}_people_ai AFTER INSERT ON {table} "
            f"WHEN {roster} BEGIN {queue} END;"
        )
        parts.append(
            f"CREATE TRIGGER {table}_people_au AFTER UPDATE OF {columns} ON {table} "
            f"WHEN {roster} BEGIN {queue} END;"
        )
        parts.append(
            f"CREATE TRIGGER {table}_people_ad AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM person_links WHERE item_kind = '{kind}' AND item_id = old.{ref}; "
            f"DELETE FROM person_link_choices WHERE item_kind = '{kind}' AND item_id = old.{ref}; "
            f"DELETE FROM person_link_queue WHERE item_kind = '{kind}' AND item_id = old.{ref}; "
            "END;"
        )
    # The search index: a person by name, handle and aliases (and the note
    # about them); each note by its text and kind.
    person_doc = (
        "INSERT INTO search_docs (kind, ref, week, date, body, extra) "
        "SELECT 'person', p.id, p.week, p.date, p.name || ' (' || p.handle || ')', "
        "coalesce(p.note, '') || ' ' || coalesce((SELECT group_concat(alias, ' ') "
        "FROM person_aliases a WHERE a.person_id = p.id), '') FROM people p WHERE p.id = {ref};"
    )
    drop_person_doc = "DELETE FROM search_docs WHERE kind = 'person' AND ref = {ref};"
    for event, ref in (("INSERT", "new.id"), ("UPDATE OF name, handle, note", "new.id")):
        parts.append(
            f"CREATE TRIGGER people_search_{'ai' if event == 'INSERT' else 'au'} "
            f"AFTER {event} ON people BEGIN "
            f"{drop_person_doc.format(ref='old.id') if event != 'INSERT' else ''} "
            f"{person_doc.format(ref=ref)} END;"
        )
    parts.append(
        "CREATE TRIGGER people_search_ad AFTER DELETE ON people BEGIN "
        f"{drop_person_doc.format(ref='old.id')} END;"
    )
    for event, row in (("INSERT", "new"), ("DELETE", "old")):
        parts.append(
            f"CREATE TRIGGER person_aliases_search_{event[0].lower()} AFTER {event} "
            f"ON person_aliases BEGIN "
            f"{drop_person_doc.format(ref=row + '.person_id')} "
            f"{person_doc.format(ref=row + '.person_id')} END;"
        )
    note_doc = (
        "INSERT INTO search_docs (kind, ref, week, date, body, extra) "
        "VALUES ('person_note', new.id, new.week, new.date, new.body, new.kind);"
    )
    drop_note_doc = "DELETE FROM search_docs WHERE kind = 'person_note' AND ref = old.id;"
    parts.append(
        f"CREATE TRIGGER person_notes_search_ai AFTER INSERT ON person_notes BEGIN {note_doc} END;"
    )
    parts.append(
        "CREATE TRIGGER person_notes_search_au AFTER UPDATE OF body, kind ON person_notes "
        f"BEGIN {drop_note_doc} {note_doc} END;"
    )
    parts.append(
        "CREATE TRIGGER person_notes_search_ad AFTER DELETE ON person_notes "
        f"BEGIN {drop_note_doc} END;"
    )
    return "\n".join(parts)


@migrations()
def m006_create_people(db: Database) -> None:
    db.executescript(_PEOPLE + _people_triggers())
    # A person's earlier versions are kept like an entry's: the kinds widen.
    db.executescript(
        """
        CREATE TABLE versions_new (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('entry', 'commitment', 'review', 'person')),
            item_id TEXT NOT NULL,
            week TEXT NOT NULL,
            action TEXT NOT NULL
                CHECK (action IN ('edited', 'amended', 'replaced', 'deleted', 'restored')),
            data TEXT NOT NULL CHECK (json_valid(data)),
            saved_at TEXT NOT NULL
        );
        INSERT INTO versions_new (rowid, id, kind, item_id, week, action, data, saved_at)
            SELECT rowid, id, kind, item_id, week, action, data, saved_at FROM versions;
        DROP TABLE versions;
        ALTER TABLE versions_new RENAME TO versions;
        CREATE INDEX versions_item ON versions(item_id, saved_at);
        CREATE INDEX versions_week ON versions(kind, week, saved_at);
        CREATE INDEX versions_saved ON versions(saved_at);
        """
    )
    db.execute("PRAGMA user_version = 6")


@migrations()
def m007_create_exercise_follow_through(db: Database) -> None:
    """Assessments of an exercise's follow-up, the exercises the review offered,
    and the journal's own flags (a change under way)."""
    db.executescript(
        """
        CREATE TABLE exercise_assessments (
            run_id TEXT NOT NULL REFERENCES exercise_runs(id) ON DELETE CASCADE,
            week TEXT NOT NULL,
            step_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            answer TEXT,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (run_id, week, step_id)
        ) WITHOUT ROWID;

        CREATE TABLE exercise_offers (
            week TEXT PRIMARY KEY,
            exercise_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            response TEXT NOT NULL DEFAULT 'offered'
                CHECK (response IN ('offered', 'accepted', 'declined')),
            offered_at TEXT NOT NULL
        );

        CREATE TABLE journal_flags (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            set_at TEXT NOT NULL
        );
        """
    )
    db.execute("PRAGMA user_version = 7")


@migrations()
def m008_create_look_backs(db: Database) -> None:
    # Which monthly and quarterly look-backs a leader has done or set aside,
    # so a review offers each one once. The answer itself is an entry (kept,
    # searched and exported as every entry is); this row only points at it.
    db.executescript(
        """
        CREATE TABLE look_backs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('month', 'quarter')),
            period TEXT NOT NULL CHECK (length(period) > 0),
            status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
            week TEXT NOT NULL,
            entry_id TEXT REFERENCES entries(id) ON DELETE SET NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (kind, period)
        );
        """
    )
    db.execute("PRAGMA user_version = 8")
