"""A sample journal of 26 weeks, so a newcomer can try ``trends`` and ``brief`` at once.

Written through the journal's own use-cases, one review at a time, each with
the clock stopped in its own week (counted back from "now"), exactly as a
leader would have written it. Deterministic: the same "now" gives the same
journal, ids aside.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from leadjournal import weeks
from leadjournal.clock import Clock, FixedClock
from leadjournal.journal import Journal
from leadjournal.models import FollowUpOutcome
from leadjournal.store import Store

DEMO_WEEKS = 26


@dataclass(frozen=True)
class DemoWeek:
    results: int
    relationships: int
    energy: int
    reflection: str | None = None
    win: str | None = None
    win_by: str | None = None
    commitment: str | None = None
    # How the open commitments from earlier weeks went, oldest first; any
    # not listed count as done.
    outcomes: tuple[tuple[FollowUpOutcome, str | None], ...] = ()
    # A free reflection written mid-week: text, starred.
    note: tuple[str, bool] | None = None


# One item per week, oldest first; None is a week without a review. The story:
# a steady start with a short results lean (week 4), a quarter-end crunch that
# turns into a lasting lean toward results (weeks 15–18), a deliberate
# correction, and a re-org week leaning toward relationships at the end.
STORY: tuple[DemoWeek | None, ...] = (
    DemoWeek(5, 5, 6, "First review. I want to see where my weeks actually go. @habits",
             "Priya's first week went smoothly", "the onboarding buddies",
             "Block an hour on Thursday for one-on-ones"),
    DemoWeek(5, 6, 6, "The one-on-ones were worth it: two problems surfaced early. @one-on-ones",
             "Release 4.2 shipped", "the platform team",
             "Write down the three priorities for the quarter"),
    DemoWeek(6, 6, 7, None, "Support backlog under 20 for the first time", "Sam",
             "Share the priorities with the team"),
    DemoWeek(7, 4, 5, "Release crunch. I pushed hard and skipped the team lunch. @delivery",
             "Hit the release date", "everyone",
             "Thank the support team properly at the all-hands",
             note=("I noticed I interrupt Jo when I am under pressure. @feedback", True)),
    DemoWeek(6, 6, 6, "Back to a normal rhythm; the crunch was a one-off. @delivery",
             "The all-hands thank-you landed well", None, "Agree a deadline for the audit fixes"),
    DemoWeek(6, 7, 7, None, "Mentoring session with Alex", None, "Review the hiring plan",
             outcomes=(("partly", "deadline agreed, owner still unclear"),)),
    None,
    DemoWeek(6, 6, 6, "Missed last week's review entirely; picking the habit back up. @habits",
             "Hiring plan approved", None, "Give Jo specific feedback on the design review",
             outcomes=(("not_yet", "holiday week"),)),
    DemoWeek(7, 6, 7, None, "Design review went well", "Jo", "Delegate the vendor call to Sam",
             outcomes=(("done", None), ("done", "Jo took it well"))),
    DemoWeek(6, 5, 5, "Tired week. Honest rating: nothing went badly, nothing went well. @energy",
             None, None, "Protect Friday afternoon for thinking"),
    DemoWeek(7, 7, 7, "Delegating the vendor call freed half a day. @delegation",
             "Vendor contract signed", "Sam", "Ask the team what slows them down",
             note=("Sam handled the vendor better than I would have. @delegation", True)),
    DemoWeek(7, 6, 6, None, "Two bottlenecks named and fixed", "the team",
             "Start the quarterly goals draft"),
    DemoWeek(6, 6, 6, "Quarter-end is coming; I can feel the pull toward deadlines. @delivery",
             "Goals draft shared", None, "Keep one-on-ones through quarter end"),
    DemoWeek(7, 6, 6, None, "Budget submitted early", None, "Plan the quarter-end push",
             outcomes=(("partly", "cancelled two of five"),)),
    DemoWeek(8, 4, 5, "All deadlines, no conversations. I cancelled every one-on-one. @delivery",
             "Migration finished", "the platform team", "Reinstate one-on-ones next week"),
    DemoWeek(8, 3, 4, "Snapped at Maya in stand-up. Not who I want to be. @feedback",
             "Quarter numbers hit", None, "Apologise to Maya",
             outcomes=(("dropped", "no time, again"),),
             note=("Results are up and the team is quiet. That is a warning sign. @one-on-ones",
                   True)),
    DemoWeek(7, 4, 4, "Apologised to Maya. She said the team has felt it for weeks. @feedback",
             "Audit passed", "Priya", "Cancel one meeting to hold two one-on-ones"),
    DemoWeek(8, 4, 4, "Four weeks leaning the same way. Time to step back and adjust. @habits",
             "Year-end release out", None, "Hold every one-on-one, no exceptions",
             outcomes=(("partly", "held one of two"),)),
    None,
    DemoWeek(6, 6, 5, "Held every one-on-one. Slower week on delivery, and that was fine. "
             "@one-on-ones", "Team retro was honest", "the whole team",
             "Recognise Sam's vendor work in public"),
    DemoWeek(6, 7, 6, None, "Sam recognised at the all-hands", None,
             "Set clear owners for the roadmap items"),
    DemoWeek(7, 7, 7, "Owners are clear and nobody felt steamrolled. This is the balance. "
             "@delegation", "Roadmap agreed", "the leads", "Keep Friday thinking time",
             note=("What made this week work: clear owners and time to talk. @habits", True)),
    None,
    DemoWeek(7, 8, 7, "Coaching Alex through the first incident review. @one-on-ones",
             "Incident handled without me", "Alex", "Agree the re-org timeline",
             outcomes=(("done", "kept two of three Fridays"),)),
    DemoWeek(7, 7, 8, None, "Re-org announced calmly", None, "Meet each affected person",
             outcomes=(("done", None),)),
    DemoWeek(5, 8, 7, "Most of the week went to people worried about the re-org. Right call, "
             "but delivery slipped. @reorg", "Every affected person heard first-hand", None,
             "Set the two delivery deadlines for next week"),
)  # fmt: skip


# Two goals, set in the fifth week and due six weeks after "now": a performance
# goal and the development goal that supports it, paired. The review asks for
# both every week; the leader answers in some weeks (story index: backlog,
# share of one-on-ones held). The crunch shows in the one-on-ones.
GOAL_START = 4
GOAL_DUE_WEEKS_AHEAD = 6


@dataclass(frozen=True)
class DemoGoal:
    title: str
    kind: str
    level: str
    measure: str
    unit: str
    baseline: float
    target: float
    achievable: str
    relevant: str


BACKLOG_GOAL = DemoGoal(
    title="Cut the support backlog to 15 open tickets",
    kind="performance",
    level="team",
    measure="open tickets",
    unit="tickets",
    baseline=40,
    target=15,
    achievable="Sam owns triage; two engineers rotate onto support each sprint",
    relevant="Customer satisfaction is a company goal this year",
)
ONE_ON_ONES_GOAL = DemoGoal(
    title="Hold every planned one-on-one with my direct reports",
    kind="development",
    level="individual",
    measure="one-on-ones held",
    unit="%",
    baseline=50,
    target=100,
    achievable="A standing Thursday block, moved but never cancelled",
    relevant="The team's engagement scores and my own growth as a coach",
)
GOAL_CHECKINS: dict[int, tuple[float | None, float | None]] = {
    7: (34, 60),
    10: (29, 80),
    13: (25, 70),
    15: (24, 20),
    17: (22, 40),
    20: (20, 90),
    23: (18, 100),
    25: (17, 80),
}


# The four-step exercise, run in the week before "now" as the re-org starts:
# looking back at the quarter-end crunch. Its change is due two weeks after the
# run, so the review of the week after "now" brings back its assessment, with
# the answers below beside the new ones.
EXERCISE_WEEK = DEMO_WEEKS - 2
FOUR_STEPS = "results-relationships-four-steps"
FOUR_STEPS_ANSWERS = {
    "project": "The quarter-end migration",
    "leaned": "toward results",
    "team-supported": "no",
    "goals-met": "yes",
    "impact": "Shipped on time, but Maya and two others stopped speaking up in stand-up.",
    "change": "Hold a weekly 30-minute open-agenda meeting through the next delivery push",
    "implement-and-assess": (
        "In 2 weeks, once the delivery deadlines are set; it worked if at least three "
        "people raise something unprompted."
    ),
}

# The team, added in the first week; one leaves mid-way and is archived.
# Their history is uneven on purpose: Sam gets most of the recognition, Maya
# most of the one-on-ones, Dev almost nothing after his first one-on-one.
ROSTER: tuple[tuple[str, str, str], ...] = (
    ("Maya Chen", "maya", "Tech lead, payments"),
    ("Sam Okafor", "sam", "Support lead"),
    ("Priya Nair", "priya", "Joined in week one"),
    ("Jo Berg", "jo", "Product designer"),
    ("Alex Romero", "alex", "Engineer, on-call rotation"),
    ("Dev Patel", "dev", "Engineer, data platform"),
    ("Tom Reyes", "tom", "Engineer; left in the spring"),
)
ARCHIVED_AFTER = {"tom": 11}
# Notes by story index: (handle, kind, text).
PEOPLE_NOTES: dict[int, tuple[tuple[str, str, str], ...]] = {
    0: (
        ("maya", "1on1", "Wants to lead the payments migration"),
        ("priya", "1on1", "First week; pairing with Sam on support"),
        ("sam", "1on1", "The support rota is wearing him down"),
    ),
    1: (
        ("jo", "1on1", "Ideas for the design system"),
        ("alex", "1on1", "Wants more ownership"),
        ("dev", "1on1", "Quiet; says everything is fine"),
    ),
    2: (("maya", "check-in", "Asked if everything is OK: busy but good"),),
    4: (("sam", "recognition", "Thanked him for the backlog work in front of the team"),),
    5: (("alex", "1on1", "Mentoring: how to run an incident review"),),
    7: (("jo", "feedback", "Design review: clear structure, ran too long"),),
    8: (
        ("maya", "1on1", "Migration plan; worried about the timeline"),
        ("priya", "1on1", "Wants to present at the all-hands"),
    ),
    10: (
        ("sam", "recognition", "Public thanks for the vendor negotiation"),
        ("tom", "1on1", "Told me he is leaving in March"),
    ),
    12: (("maya", "1on1", "Quarter-end load; asked for help with reviews"),),
    15: (("maya", "feedback", "Apologised for stand-up; asked what else I miss"),),
    16: (("priya", "check-in", "Tired after the audit, otherwise fine"),),
    19: (
        ("sam", "recognition", "Named his vendor work at the all-hands"),
        ("alex", "1on1", "First incident review next week"),
    ),
    21: (("maya", "1on1", "Re-org worries: who she will report to"),),
    23: (("priya", "1on1", "Wants a bigger project next quarter"),),
    25: (
        ("maya", "1on1", "Worried about the reorg"),
        ("sam", "check-in", "Is everything OK? Yes, glad the rota changed"),
    ),
}


@dataclass(frozen=True)
class DemoResult:
    weeks: int
    reviews: int
    entries: int
    commitments: int
    goals: int = 0
    checkins: int = 0
    people: int = 0
    notes: int = 0


def build_demo(store: Store, clock: Clock) -> DemoResult:
    """Fill an empty journal with the sample story, ending in the clock's current week."""
    now = clock.now()
    assert len(STORY) == DEMO_WEEKS
    reviews = entries = commitments = checkins = notes = 0
    goal_ids: tuple[str, ...] = ()
    due = (now + timedelta(weeks=GOAL_DUE_WEEKS_AHEAD)).date().isoformat()
    for index, item in enumerate(STORY):
        moment = now - timedelta(weeks=DEMO_WEEKS - 1 - index)
        journal = Journal(store, FixedClock(moment))
        if index == 0:
            for name, handle, about in ROSTER:
                journal.people.add(name, handle, note=about)
        for handle, kind, text in PEOPLE_NOTES.get(index, ()):
            journal.people.note(handle, text, kind=kind)
            notes += 1
        for handle, after in ARCHIVED_AFTER.items():
            if index == after + 1:
                journal.people.archive(handle)
        if index == GOAL_START:
            backlog = _add_goal(journal, BACKLOG_GOAL, due)
            goal_ids = (backlog, _add_goal(journal, ONE_ON_ONES_GOAL, due, pair=backlog))
        if item is None:
            continue
        week = journal.current_week()
        if item.note is not None:
            text, starred = item.note
            day = min(weeks.week_start(week) + timedelta(days=2), moment.date())
            journal.write(text, day=day.isoformat(), starred=starred)
            entries += 1
        session = journal.reviews.open(week)
        for position, pending in enumerate(session.state().follow_ups):
            outcome, note = (
                item.outcomes[position] if position < len(item.outcomes) else ("done", None)
            )
            session.follow_up(pending.id, outcome, note)
        session.rate("results", item.results)
        session.rate("relationships", item.relationships)
        session.rate("energy", item.energy)
        answers = dict(zip(goal_ids, GOAL_CHECKINS.get(index, ()), strict=False))
        for question in journal.goals.questions(week):
            value = answers.get(question.goal.id)
            if value is not None:
                journal.goals.review_checkin(session.review, question, value)
                checkins += 1
        if item.reflection:
            session.reflect(item.reflection)
            entries += 1
        if item.win:
            session.win(item.win)
            session.win_by(item.win_by)
        if item.commitment:
            session.commit(item.commitment)
            commitments += 1
        session.complete()
        reviews += 1
        if index == EXERCISE_WEEK:
            # A second after the review (in the same week), so the two
            # commitments of the week keep one order in every export.
            later = moment + timedelta(seconds=1)
            if weeks.week_of(later.date()) != week:
                later = moment - timedelta(seconds=1)
            exercises = Journal(store, FixedClock(later)).exercises
            exercises.run_with_answers(exercises.find(FOUR_STEPS), FOUR_STEPS_ANSWERS)
            entries += 1
            commitments += 1
    # Everything written is linked to the people it names now, not on first read.
    Journal(store, clock).people.sync()
    return DemoResult(
        weeks=DEMO_WEEKS,
        reviews=reviews,
        entries=entries,
        commitments=commitments,
        goals=len(goal_ids),
        checkins=checkins,
        people=len(ROSTER),
        notes=notes,
    )


def _add_goal(journal: Journal, goal: DemoGoal, due: str, pair: str | None = None) -> str:
    saved = journal.goals.add(
        goal.title,
        kind=goal.kind,
        level=goal.level,
        measure=goal.measure,
        unit=goal.unit,
        baseline=goal.baseline,
        target=goal.target,
        due=due,
        pair=pair,
        achievable=goal.achievable,
        relevant=goal.relevant,
    )
    return saved.goal.id
