"""The small conventions a leader meets every week: what `write` says, how a
rating's name is taken, and the words of cards, verdicts and messages."""

from __future__ import annotations

from pathlib import Path

from .conftest import Cli
from .helpers import rows


def test_write_says_which_tags_it_saw(cli: Cli) -> None:
    said = cli.ok("write", "Told @maya her plan was the clearest yet @feedback", "--tag", "Energy")
    assert said.stdout.rstrip().endswith("Tags: @energy, @feedback, @maya.")
    assert cli.ok("write", "No tags here, just an email: a@b.example").stdout.count("Tags:") == 0


def test_write_says_tags_from_stdin_too(cli: Cli) -> None:
    said = cli.ok("write", input="Quiet week @energy\n")
    assert "Tags: @energy." in said.stdout


def test_a_rating_name_typed_in_capitals_is_rated_lower_case_and_said_so(
    cli: Cli, isolated: Path
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text('extra_dimensions = ["energy"]\n')
    run = cli.ok("review", "--results", "5", "--relationships", "6", "--rate", "Energy=6")
    assert "--rate Energy rates energy: dimension names are lower case." in run.stderr
    assert rows(cli.db, "SELECT dimension, value FROM review_ratings") == [("energy", 6)]
    quiet = cli.ok("review", "--rate", "energy=7")
    assert "lower case" not in quiet.stderr


def test_a_new_journals_trends_start_at_its_first_review_and_json_keeps_the_window(
    cli: Cli,
) -> None:
    cli.ok("review", "--week", "2026-W45", "--results", "7", "--relationships", "4")
    cli.ok("review", "--results", "6", "--relationships", "6")  # W47; W46 missed
    out = cli.ok("trends").stdout
    assert "Trends · 2026-W45 – 2026-W47 (3 weeks)" in out
    weeks_shown = [line.split()[0] for line in out.splitlines() if line.startswith("2026-W")]
    assert weeks_shown == ["2026-W45", "2026-W46", "2026-W47"]  # a gap since is still a gap
    assert "2026-W44" not in out
    data = cli.ok("trends", "--json").json()
    assert len(data["weeks"]) == 12 and data["weeks"][0]["week"] == "2026-W36"


def test_an_older_journals_missed_weeks_at_the_start_of_the_window_still_show(cli: Cli) -> None:
    cli.ok("review", "--week", "2026-W30", "--results", "7", "--relationships", "4")
    cli.ok("review", "--results", "6", "--relationships", "6")
    out = cli.ok("trends", "--weeks", "4").stdout
    assert "Trends · 2026-W44 – 2026-W47 (4 weeks)" in out
    assert out.count("not reviewed") == 3


def test_a_new_journals_brief_starts_at_its_first_review(cli: Cli) -> None:
    cli.ok("review", "--week", "2026-W46", "--results", "8", "--relationships", "2")
    for fmt in ("md", "html"):
        page = cli.ok("brief", "--format", fmt).stdout
        assert "2026-W46 – 2026-W47" in page and "2026-W45" not in page
        assert "(2 weeks, 1 reviewed)" in page


def test_lean_is_said_in_words_not_as_a_signed_number(cli: Cli) -> None:
    cli.ok("review", "--week", "2026-W46", "--results", "7", "--relationships", "5")
    cli.ok("review", "--results", "6", "--relationships", "6")
    leaning = cli.ok("show", "2026-W46").stdout
    assert "leans toward results by 2 points" in leaning and "lean -2" not in leaning
    level = cli.ok("show", "2026-W47").stdout
    assert "balanced: results and relationships level" in level and "lean +0" not in level
    table = cli.ok("trends").stdout
    w47 = next(line for line in table.splitlines() if line.startswith("2026-W47"))
    assert "+0" not in w47 and " 0 " in w47


def test_a_commitment_closed_in_part_is_partly_done(cli: Cli) -> None:
    cli.ok("review", "--results", "6", "--relationships", "6", "--commit", "Two one-on-ones")
    commitment = cli.ok("commitments", "--json").json()[0]["id"]
    said = cli.ok("commitments", "done", commitment[:8], "--partly").stdout
    assert said.strip() == f"Commitment {commitment[:8]} is now partly done."


def test_the_streak_rule_is_said_in_help_not_on_every_card(cli: Cli) -> None:
    card = cli.ok("review", "--results", "6", "--relationships", "6").stdout
    assert "Streak: 1 week in a row (longest 1 week)." in card
    assert "not days" not in card and "not days" not in cli.ok("trends").stdout
    assert "not days" in cli.ok("trends", "--help").stdout


def test_grid_names_are_explained_where_they_first_appear(cli: Cli) -> None:
    # The card is a panel: its text read without the panel's side rules.
    card = " ".join(
        cli.ok("review", "--results", "8", "--relationships", "2").stdout.replace("│", " ").split()
    )
    assert "produce-or-perish — results at the cost of people" in card
    assert "Blake and Mouton" in card
    trends = " ".join(cli.ok("trends").stdout.split())
    assert "produce-or-perish — results at the cost of people" in trends
    brief = " ".join(cli.ok("brief", "--format", "md").stdout.split())
    assert "Grid styles, from Blake and Mouton's Managerial Grid: produce-or-perish" in brief
    # Only the names that appear are explained.
    assert "country club —" not in card and "impoverished —" not in brief


def test_an_empty_write_does_not_speak_of_steps(cli: Cli) -> None:
    run = cli("write", input="")
    assert run.exit_code == 2
    assert "skip this step" not in run.stderr and "nothing was saved" in run.stderr


def test_numbers_out_of_bounds_are_said_plainly(cli: Cli) -> None:
    cli.ok("goal", "add", "Cut voluntary turnover on the team", "--measure", "turnover")
    goal = cli.ok("goal", "list", "--json").json()[0]["goal"]["id"]
    bad = cli("goal", "checkin", goal[:8], "--value", "nan")
    huge = cli("goal", "checkin", goal[:8], "--value", "2e12")
    for run in (bad, huge):
        assert run.exit_code == 2
        assert "finite" not in run.stderr and "trillion" not in run.stderr
    assert "must be a number, not 'nan'" in bad.stderr
    assert "larger than a measure can hold" in huge.stderr and "1,000,000,000,000" in huge.stderr


def test_a_lasting_imbalance_in_the_brief_says_when(cli: Cli) -> None:
    for week in ("2026-W43", "2026-W44", "2026-W45"):
        cli.ok("review", "--week", week, "--results", "8", "--relationships", "3")
    page = cli.ok("brief", "--format", "md").stdout
    assert "In 2026-W45, the lean toward results had lasted: a lasting imbalance." in page
    assert "stood in" not in page
