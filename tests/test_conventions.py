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
