"""The shipped prompt packs, and how the loader treats broken ones."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from leadjournal.errors import Ambiguous, NotFound
from leadjournal.prompts import (
    FITS,
    SOURCE_TITLES,
    THEMES,
    Exercise,
    Library,
    PackProblem,
    builtin_prompts_dir,
    load_library,
    validate_folder,
)

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO.parent / "shared" / "seeds"
NGRAMS_FILE = Path(__file__).parent / "data" / "article-6grams.txt"
# Six words in a row shared with an article is a copied phrase (tightened from eight).
RUN = 6


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_PACK = """
[pack]
source = "My coach's notes"

[[prompt]]
id = "coach-energy"
text = "Where did your energy go this week?"
themes = ["self-compassion"]
"""


# --- the shipped packs --------------------------------------------------------


def test_builtin_folder_is_the_repo_prompts_folder_in_a_checkout() -> None:
    assert builtin_prompts_dir() == REPO / "prompts"


def test_every_shipped_pack_validates_cleanly() -> None:
    assert [str(problem) for problem in validate_folder(builtin_prompts_dir())] == []


def test_library_loads_without_problems(library: Library) -> None:
    assert library.problems == []
    assert len(library.prompts) >= 80
    assert len(library.exercises) >= 10


def test_shipped_items_name_an_allowed_source(library: Library) -> None:
    sources = {p.source for p in library.prompts.values()}
    sources |= {e.source for e in library.exercises.values()}
    assert sources <= set(SOURCE_TITLES)


@pytest.mark.parametrize("title", SOURCE_TITLES)
def test_every_article_and_guide_is_a_source(library: Library, title: str) -> None:
    prompts = [p for p in library.prompts.values() if p.source == title]
    exercises = [e for e in library.exercises.values() if e.source == title]
    assert prompts, f"no prompt comes from {title!r}"
    assert exercises, f"no exercise comes from {title!r}"


@pytest.mark.parametrize("fit", FITS)
def test_every_fit_has_several_weekly_prompts(library: Library, fit: str) -> None:
    weekly = [p for p in library.prompts.values() if fit in p.fits and p.cadence == "weekly"]
    assert len(weekly) >= 5


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_can_be_rotated_weekly(library: Library, theme: str) -> None:
    rotation = [
        p
        for p in library.prompts.values()
        if theme in p.themes and "any" in p.fits and p.cadence == "weekly"
    ]
    assert len(rotation) >= 3


def test_setback_prompts_are_about_self_compassion_or_steadiness(library: Library) -> None:
    setback = [p for p in library.prompts.values() if "setback" in p.fits]
    gentle = {"self-compassion", "change", "psychological safety"}
    assert all(gentle & set(p.themes) for p in setback)


# --- the required exercises -----------------------------------------------------


def step_types(exercise: Exercise) -> list[str]:
    return [step.type for step in exercise.steps]


def test_four_step_exercise_ends_with_a_follow_up(library: Library) -> None:
    exercise = library.exercises["results-relationships-four-steps"]
    assert exercise.source == "Balancing Results and Relationships"
    assert exercise.steps[-1].follow_up
    assert exercise.follow_up_step is exercise.steps[-1]
    assert "yes_no" in step_types(exercise)  # supported? goals reached?


def test_four_conversations_ask_whether_with_whom_and_what_came_of_it(
    library: Library,
) -> None:
    exercise = library.exercises["four-conversations"]
    types = step_types(exercise)
    assert types.count("yes_no") == 4
    assert types.count("person") == 4
    assert types[:12] == ["yes_no", "person", "text"] * 4


def test_heart_and_strategy_rates_eight_practices_each_with_a_tip(library: Library) -> None:
    exercise = library.exercises["heart-and-strategy-check"]
    rated = [step for step in exercise.steps if step.type == "rating"]
    assert len(rated) == 8
    assert all(step.tip for step in rated)


def test_self_compassion_reflection(library: Library) -> None:
    exercise = library.exercises["self-compassion-reflection"]
    ids = [step.id for step in exercise.steps]
    assert {"inside", "voice-helped", "account"} <= set(ids)
    assert exercise.steps[ids.index("voice-helped")].type == "yes_no"


def test_smart_goal_and_goal_pair(library: Library) -> None:
    smart = library.exercises["smart-goal"]
    ids = {step.id for step in smart.steps}
    assert {"specific", "measurable", "achievable", "relevant", "time-bound"} <= ids
    kind = next(step for step in smart.steps if step.id == "kind")
    assert kind.choices == ("performance", "development")
    pair = {step.id for step in library.exercises["goal-pair"].steps}
    assert {"performance-goal", "development-goal"} <= pair


def test_success_metrics_chain_covers_leading_lagging_and_four_levels(
    library: Library,
) -> None:
    ids = {step.id for step in library.exercises["success-metrics-chain"].steps}
    assert {"business-goal", "learning-objective", "leading-measure", "lagging-measure"} <= ids
    assert {"reaction", "learning", "behavior", "results"} <= ids


def test_navigating_change_separates_control_support_and_self_care(library: Library) -> None:
    ids = {step.id for step in library.exercises["navigating-change"].steps}
    assert {"can-control", "cannot-control", "support", "self-care"} <= ids


@pytest.mark.parametrize(
    ("name", "ratings"), [("thriving-team-pillars", 4), ("high-performing-team-check", 6)]
)
def test_team_checks_rate_each_pillar_with_a_tip(library: Library, name: str, ratings: int) -> None:
    rated = [step for step in library.exercises[name].steps if step.type == "rating"]
    assert len(rated) == ratings
    assert all(step.tip for step in rated)


def test_every_exercise_ends_in_something_to_carry_forward(library: Library) -> None:
    # A follow-up step (a commitment the review brings back), or a goal it creates.
    assert all(
        exercise.follow_up_step is not None or exercise.creates is not None
        for exercise in library.exercises.values()
    )


# --- our own words ----------------------------------------------------------------


def words(text: str) -> list[str]:
    # Apostrophes vanish rather than split ("it's" and "its" compare equal).
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "").replace("'", ""))


def ngram_key(gram: Sequence[str]) -> str:
    return hashlib.sha256(" ".join(gram).encode()).hexdigest()[:16]


def ngrams(text: str) -> Iterator[tuple[str, ...]]:
    tokens = words(text)
    for start in range(len(tokens) - RUN + 1):
        yield tuple(tokens[start : start + RUN])


def article_keys(folder: Path) -> set[str]:
    return {ngram_key(g) for f in sorted(folder.glob("*.txt")) for g in ngrams(f.read_text())}


def library_texts(library: Library) -> Iterator[tuple[str, str]]:
    for prompt in library.prompts.values():
        yield prompt.id, prompt.text
    for exercise in library.exercises.values():
        yield exercise.id, exercise.title
        yield exercise.id, exercise.summary
        for step in exercise.steps:
            for text in (step.question, step.help, step.tip, *(step.choices or ())):
                if text:
                    yield f"{exercise.id}.{step.id}", text


def test_no_text_copies_a_run_of_six_words_from_an_article(library: Library) -> None:
    # The articles themselves are not shipped; a fingerprint of every run of
    # six words in them is, so this guard works in any checkout.
    keys = set(NGRAMS_FILE.read_text().split())
    copied = [
        f"{item}: {' '.join(gram)}"
        for item, text in library_texts(library)
        for gram in ngrams(text)
        if ngram_key(gram) in keys
    ]
    assert copied == []


def test_the_copy_guard_catches_a_copied_sentence() -> None:
    keys = set(NGRAMS_FILE.read_text().split())
    copied = "Tie individual roles to the broader vision to align efforts."
    assert any(ngram_key(gram) in keys for gram in ngrams(copied))


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the source articles are not beside the repo")
def test_the_fingerprints_match_the_articles() -> None:
    assert set(NGRAMS_FILE.read_text().split()) == article_keys(ARTICLES)


# --- broken packs ------------------------------------------------------------------


def problems_in(tmp_path: Path, name: str, text: str) -> list[PackProblem]:
    write(tmp_path, name, text)
    return validate_folder(tmp_path)


def test_bad_toml_syntax_names_the_file_and_line(tmp_path: Path) -> None:
    [problem] = problems_in(tmp_path, "broken.toml", '[[prompt]]\nid = "a"\ntext = \n')
    assert problem.file.name == "broken.toml"
    assert "line 3" in problem.message
    assert str(problem).startswith("broken.toml: is not valid TOML at line 3")


def test_unknown_theme_names_file_item_and_field(tmp_path: Path) -> None:
    text = GOOD_PACK.replace('["self-compassion"]', '["self-compassion", "foo"]')
    [problem] = problems_in(tmp_path, "my-pack.toml", text)
    assert (problem.item, problem.field, problem.kind) == ("coach-energy", "themes", "prompt")
    assert str(problem).startswith(
        "my-pack.toml: prompt 'coach-energy': themes: 'foo' is not a theme (choose from results,"
    )


def test_extra_field_is_refused(tmp_path: Path) -> None:
    [problem] = problems_in(tmp_path, "p.toml", GOOD_PACK + 'mood = "sad"\n')
    assert problem.field == "mood"
    assert "is not a field here" in problem.message
    assert "themes" in problem.message  # says what is allowed


def test_extra_field_in_a_step_names_the_step(tmp_path: Path) -> None:
    text = """
[[exercise]]
id = "ex"
title = "T"
summary = "S"
source = "Me"
[[exercise.step]]
id = "first"
question = "Q?"
colour = "red"
"""
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert (problem.item, problem.field) == ("ex", "step.first.colour")
    assert "follow_up" in problem.message


def test_duplicate_id_in_a_folder(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", GOOD_PACK)
    write(tmp_path, "b.toml", GOOD_PACK)
    [problem] = validate_folder(tmp_path)
    assert (problem.file.name, problem.item, problem.field) == ("b.toml", "coach-energy", "id")
    assert "a.toml" in problem.message


def test_duplicate_step_id(tmp_path: Path) -> None:
    text = """
[[exercise]]
id = "ex"
title = "T"
summary = "S"
source = "Me"
[[exercise.step]]
id = "same"
question = "One?"
[[exercise.step]]
id = "same"
question = "Two?"
"""
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert (problem.item, problem.field) == ("ex", "step")
    assert "'same'" in problem.message


CHOICE_EXERCISE = """
[[exercise]]
id = "ex"
title = "T"
summary = "S"
source = "Me"
[[exercise.step]]
id = "pick"
question = "Which?"
type = "{type}"
{extra}
"""


def test_choice_step_without_choices(tmp_path: Path) -> None:
    text = CHOICE_EXERCISE.format(type="choice", extra="")
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert (problem.item, problem.field) == ("ex", "step.pick.choices")
    assert "needs at least two choices" in problem.message


def test_choices_on_a_step_that_is_not_a_choice(tmp_path: Path) -> None:
    text = CHOICE_EXERCISE.format(type="text", extra='choices = ["a", "b"]')
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert problem.field == "step.pick.choices"


def test_tip_only_on_rating_steps(tmp_path: Path) -> None:
    text = CHOICE_EXERCISE.format(type="yes_no", extra='tip = "Try this."')
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert problem.field == "step.pick.tip"


def test_unknown_step_type(tmp_path: Path) -> None:
    [problem] = problems_in(tmp_path, "p.toml", CHOICE_EXERCISE.format(type="slider", extra=""))
    assert problem.field == "step.pick.type"
    assert "'slider' is not a step type" in problem.message


def test_blank_text_is_empty(tmp_path: Path) -> None:
    text = GOOD_PACK.replace('"Where did your energy go this week?"', '"   "')
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert (problem.field, problem.message) == ("text", "must not be empty")


def test_item_without_a_source_anywhere(tmp_path: Path) -> None:
    text = GOOD_PACK.replace('[pack]\nsource = "My coach\'s notes"\n', "")
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert problem.field == "source"
    assert "[pack]" in problem.message


def test_item_without_an_id_is_named_by_position(tmp_path: Path) -> None:
    text = GOOD_PACK + '\n[[prompt]]\ntext = "No id?"\nthemes = ["team"]\n'
    [problem] = problems_in(tmp_path, "p.toml", text)
    assert (problem.item, problem.field) == (2, "id")
    assert str(problem) == "p.toml: prompt #2: id: is required"


def test_misspelt_table_is_reported(tmp_path: Path) -> None:
    [problem] = problems_in(tmp_path, "p.toml", GOOD_PACK + '\n[[prompts]]\nid = "x"\n')
    assert problem.field == "prompts"


def test_bad_item_does_not_hide_its_neighbours(tmp_path: Path) -> None:
    bad = '\n[[prompt]]\nid = "broken"\ntext = "?"\nthemes = ["nope"]\n'
    write(tmp_path, "a.toml", "not = [valid")
    write(tmp_path, "b.toml", GOOD_PACK + bad)
    library = load_library([tmp_path])
    assert "coach-energy" in library.prompts
    assert "broken" not in library.prompts
    assert {p.file.name for p in library.problems} == {"a.toml", "b.toml"}
    assert len(library.prompts) > 80  # the built-in packs are all still there


def test_missing_extra_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_library([tmp_path / "nowhere"])
    [problem] = library.problems
    assert problem.message == "folder not found"
    assert library.prompts


def test_not_utf8_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes(b'[pack]\nsource = "caf\xe9"\n')
    [problem] = validate_folder(tmp_path)
    assert "UTF-8" in problem.message


def test_only_toml_files_are_read(tmp_path: Path) -> None:
    write(tmp_path, "notes.txt", "anything at all")
    assert validate_folder(tmp_path) == []


# --- user packs beside the built-in ones ---------------------------------------------


def test_user_pack_adds_prompts(tmp_path: Path) -> None:
    write(tmp_path, "mine.toml", GOOD_PACK)
    library = load_library([tmp_path])
    assert library.prompts["coach-energy"].source == "My coach's notes"
    assert "rr-schedule-time-to-connect" in library.prompts


def test_user_pack_overrides_a_builtin_id(tmp_path: Path) -> None:
    write(
        tmp_path,
        "mine.toml",
        GOOD_PACK.replace("coach-energy", "rr-schedule-time-to-connect"),
    )
    library = load_library([tmp_path])
    assert library.problems == []
    assert library.prompts["rr-schedule-time-to-connect"].text.startswith("Where did your energy")


def test_later_extra_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / "one", "p.toml", GOOD_PACK)
    write(tmp_path / "two", "p.toml", GOOD_PACK.replace("Where did", "Where else did"))
    library = load_library([tmp_path / "one", tmp_path / "two"])
    assert library.prompts["coach-energy"].text.startswith("Where else did")


def test_item_source_overrides_pack_source(tmp_path: Path) -> None:
    write(tmp_path, "p.toml", GOOD_PACK + 'source = "A book"\n')
    assert load_library([tmp_path]).prompts["coach-energy"].source == "A book"


# --- finding exercises -----------------------------------------------------------------


def test_find_exercise_by_name_and_unique_prefix(library: Library) -> None:
    assert library.find_exercise("four-conversations").id == "four-conversations"
    assert library.find_exercise("four-c").id == "four-conversations"
    assert library.find_exercise("NAVIGATING").id == "navigating-change"


def test_find_exercise_ambiguous_prefix(library: Library) -> None:
    with pytest.raises(Ambiguous) as caught:
        library.find_exercise("results-relationships")
    assert caught.value.candidates == [
        "results-relationships-four-steps",
        "results-relationships-reflection",
    ]


def test_find_exercise_unknown_lists_names(library: Library) -> None:
    with pytest.raises(NotFound) as caught:
        library.find_exercise("juggling")
    assert "juggling" in caught.value.message
    assert caught.value.hint is not None and "smart-goal" in caught.value.hint


# Regenerate the fingerprints after the articles change:
#   python tests/test_prompt_packs.py PATH/TO/ARTICLES
if __name__ == "__main__":
    keys = sorted(article_keys(Path(sys.argv[1])))
    NGRAMS_FILE.parent.mkdir(exist_ok=True)
    NGRAMS_FILE.write_text("\n".join(keys) + "\n")
