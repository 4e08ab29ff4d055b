"""Matching people's names in text: pure, and checked by properties over generated text."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from leadjournal.mentions import Known, Matcher, find_mentions, fold, slug

MAYA = Known(id="maya-id", name="Maya Chen", handle="maya", aliases=("MC",))
SAM_LEE = Known(id="sam-lee", name="Sam Lee", handle="sam")
SAM_ORTIZ = Known(id="sam-ortiz", name="Sam Ortiz", handle="sortiz", aliases=("Sammy",))
ROSTER = (MAYA, SAM_LEE, SAM_ORTIZ)

# Words that are no one's name on the roster, and never part of one.
filler = st.lists(
    st.sampled_from(["the", "launch", "went", "well", "and", "then", "we", "talked", "about"]),
    max_size=6,
).map(" ".join)
punctuation = st.sampled_from(["", ".", ",", "!", "?", ";", ":", ")", "'s", "’s"])
opening = st.sampled_from(["", "(", '"', "“", " "])


def who(text: str) -> list[tuple[str, ...]]:
    return [m.people for m in find_mentions(text, ROSTER)]


def random_case(text: str, flips: list[bool]) -> str:
    return "".join(
        c.upper() if flip else c.lower()
        for c, flip in zip(text, flips + [False] * len(text), strict=False)
    )


@given(
    name=st.sampled_from(["Maya Chen", "Maya", "maya", "MC", "@maya", "@maya-chen", "@mc"]),
    before=filler,
    after=filler,
    open_=opening,
    close=punctuation,
    flips=st.lists(st.booleans(), max_size=12),
)
@settings(max_examples=300)
def test_every_name_alias_and_at_form_of_a_person_finds_them_in_any_case_and_punctuation(
    name: str, before: str, after: str, open_: str, close: str, flips: list[bool]
) -> None:
    written = random_case(name, flips)
    text = f"{before} {open_}{written}{close} {after}"
    assert who(text) == [("maya-id",)]


@given(
    local=st.sampled_from(["maya", "maya.chen", "x.maya", "maya+work", "sam", "mc"]),
    domain=st.sampled_from(["example.com", "maya.io", "corp.example.org"]),
    before=filler,
    after=filler,
)
def test_an_email_address_is_never_a_mention(
    local: str, domain: str, before: str, after: str
) -> None:
    assert who(f"{before} {local}@{domain} {after}") == []


@given(
    stem=st.sampled_from(["Maya", "Sam", "MC"]),
    tail=st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=4),
)
def test_a_name_inside_a_longer_word_is_not_a_mention(stem: str, tail: str) -> None:
    if fold(stem + tail) in {"sammy"}:
        return  # an alias in its own right
    assert who(f"we saw {stem}{tail} today") == []


@given(words=st.lists(st.sampled_from(["launch", "team", "review", "budget", "", "-"]), max_size=8))
def test_text_without_names_has_no_mentions(words: list[str]) -> None:
    assert who(" ".join(words)) == []


def test_the_full_name_is_one_mention_not_first_then_last() -> None:
    found = find_mentions("MAYA CHEN’s launch", ROSTER)
    assert [(m.name, m.people) for m in found] == [("maya chen", ("maya-id",))]


def test_a_first_name_two_people_share_is_unsure_with_both() -> None:
    found = find_mentions("Sam was quiet", ROSTER)
    assert len(found) == 1 and not found[0].certain
    assert set(found[0].people) == {"sam-lee", "sam-ortiz"}


def test_an_at_handle_or_a_full_name_settles_who_is_meant() -> None:
    assert who("@sam and Sam Ortiz, and sammy") == [("sam-lee",), ("sam-ortiz",), ("sam-ortiz",)]


def test_someone_archived_gives_way_to_someone_current() -> None:
    former = Known(id="old-sam", name="Sam Berg", handle="sberg", active=False)
    found = Matcher([SAM_LEE, former]).find("Sam called")
    assert [m.people for m in found] == [("sam-lee",)]


@given(name=st.text(alphabet=string.ascii_letters + " -'", min_size=1, max_size=30))
def test_slug_and_fold_agree_on_the_words_of_a_name(name: str) -> None:
    assert slug(name).replace("-", " ").split() == [
        w for part in fold(name).split() for w in part.replace("-", " ").split()
    ]


@given(
    first=st.text(alphabet=string.ascii_letters, min_size=2, max_size=10).filter(
        lambda w: w.lower() not in {"met", "and"}
    ),
    last=st.text(alphabet=string.ascii_letters, min_size=2, max_size=10),
    flips=st.lists(st.booleans(), max_size=22),
)
def test_anyone_is_found_by_their_full_name_and_at_slug_in_any_case(
    first: str, last: str, flips: list[bool]
) -> None:
    person = Known(id="p", name=f"{first} {last}", handle="p1")
    text = random_case(f"Met {first} {last} and @{first}-{last}.", flips)
    found = Matcher([person]).find(text)
    assert [m.people for m in found] == [("p",), ("p",)]
