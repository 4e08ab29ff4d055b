"""Text that attacks the terminal or breaks the output.

One set of hostile strings (rich markup, terminal escapes, C0/C1 controls,
Markdown and HTML structure) is planted in every text field a person, a file
or a pack can fill; every command and export must then show it as text:
controls visible, markup literal, Markdown and HTML structure unchanged.
Each check runs with NO_COLOR and with colour forced on, where rich writes
escapes of its own and the only ones allowed are its colour codes (SGR).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from leadjournal.safetext import has_control, json_safe, md_block, md_inline, visible

from .conftest import Cli, Run

MARKUP = "[bold red]x[/] [link=file:///etc/passwd]PWNED[/link] finish [/bold] report [/i]"
ESCAPES = (
    "title\x1b]0;PWNED\x07 link\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ "
    "clear\x1b[2J c1\x9b2J cr\rbs\bdel\x7f"
)
MARKDOWN = (
    "\n## 2026-W01\n- **Win:** fake\n```\n<script>alert(1)</script>\n"
    "<img src=x onerror=alert(1)> ![x](http://evil.example/x.png) &lt;b&gt;\n"
    "[site](http://evil.example/) <http://evil.example/>\nsetext\n---\n# top\n> quote\n"
    "1. list\n    indented\n~~~\n| a | b |\n|---|---|\nend"
)
# One-line fields (commitments, wins, names) still get newlines: the
# command line accepts them.
HOSTILE = f"{MARKUP} {ESCAPES}{MARKDOWN}"
# NUL cannot travel in an argument; it comes in through stdin and files.
HOSTILE_NUL = HOSTILE.replace("bs\b", "nul\x00bs\b")

# What each attack must look like once shown as text.
VISIBLE = (
    "[bold red]x[/]",
    "[link=file:///etc/passwd]PWNED[/link]",
    "[/bold]",
    "␛]0;PWNED␇",
    "␛]8;;http://evil.example/␛\\click",
    "␛[2J",
    "\\x9b2J",
    "cr␍bs␈del␡",
)

_SGR = re.compile(r"\x1b\[[0-9;]*m")

MODES = {
    "no-colour": {"COLUMNS": "400"},
    "colour": {"COLUMNS": "400", "NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm-256color"},
}


def assert_no_controls(text: str, *, colour: bool = False) -> None:
    """No control character but newline and tab; with colour, rich's SGR codes only."""
    if colour:
        text = _SGR.sub("", text)
    bad = sorted({f"U+{ord(c):04X}" for c in text if has_control(c)})
    assert not bad, f"raw control characters in the output: {bad}"


def assert_shown(text: str, pieces: tuple[str, ...] = VISIBLE) -> None:
    missing = [piece for piece in pieces if piece not in text]
    assert not missing, f"not shown as text: {missing}"


@dataclass
class Planted:
    cli: Cli
    entries: dict[str, str] = field(default_factory=dict)  # what -> id
    goal: str = ""
    pack: Path = Path()

    def run(self, mode: str, *args: str, code: int = 0) -> Run:
        result = self.cli(*args, env={**MODES[mode], "LEADJOURNAL_PROMPTS": str(self.pack)})
        assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result


def _pack(folder: Path) -> Path:
    """A prompt pack whose every text field is hostile (TOML escapes carry the controls)."""

    def toml(text: str) -> str:
        return json.dumps(text)  # a JSON string is a valid TOML basic string

    folder.mkdir()
    (folder / "hostile.toml").write_text(
        f"""
[pack]
source = {toml("Hostile source " + HOSTILE)}

[[prompt]]
id = "hostile-prompt"
text = {toml("Hostile prompt " + HOSTILE)}
themes = ["team"]

[[prompt]]
id = {toml("bad id " + ESCAPES)}
text = "An item whose id is not a slug"
themes = ["team"]

[[exercise]]
id = "hostile-exercise"
title = {toml("Hostile title " + HOSTILE)}
summary = {toml("Hostile summary " + HOSTILE)}
themes = ["team"]

[[exercise.step]]
id = "answer"
question = {toml("Hostile question " + HOSTILE)}
help = {toml("Hostile help " + HOSTILE)}

[[exercise.step]]
id = "pick"
type = "choice"
question = "Pick one"
choices = [{toml("Hostile choice " + HOSTILE)}, "plain"]

[[exercise.step]]
id = "rate"
type = "rating"
question = "Rate it"
tip = {toml("Hostile tip " + HOSTILE)}
""",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def planted(cli: Cli, tmp_path: Path) -> Planted:
    """A journal with the hostile text in every field a person or a file can fill."""
    p = Planted(cli, pack=_pack(tmp_path / "pack"))
    env = {"LEADJOURNAL_PROMPTS": str(p.pack)}
    # Last week's review and commitment, followed up this week.
    cli.ok(
        "review", "--week", "last week", "--results", "7", "--relationships", "3",
        "--reflection", "Last week " + HOSTILE, "--win", "Old win " + HOSTILE,
        "--win-by", "Old by " + HOSTILE, "--commit", "Old commitment " + HOSTILE,
        "--no-prompts", env=env,
    )  # fmt: skip
    old = cli.ok("commitments", "--json").json()[0]["id"]
    cli.ok("commitments", "done", old, "--partly", "--note", "Follow-up " + HOSTILE)
    cli.ok(
        "review", "--results", "3", "--relationships", "8",
        "--reflection", "Reflection " + HOSTILE, "--win", "Win " + HOSTILE,
        "--win-by", "By " + HOSTILE, "--commit", "Commitment " + HOSTILE, "--no-prompts",
        env=env,
    )  # fmt: skip
    written = cli.ok("write", "--star", "--tag", "team", "--json", input="Entry " + HOSTILE_NUL)
    p.entries["write"] = written.json()["id"]
    goal = cli.ok(
        "goal", "add", "Goal " + HOSTILE, "--measure", "Measure " + HOSTILE,
        "--unit", "[/i] " + ESCAPES, "--baseline", "10", "--target", "20",
        "--due", "2027-06-30", "--leading", "Leading " + HOSTILE,
        "--achievable", "Achievable " + HOSTILE, "--relevant", "Relevant " + HOSTILE, "--json",
    ).json()  # fmt: skip
    p.goal = goal["goal"]["id"]
    cli.ok("goal", "checkin", p.goal, "--value", "12", "--note", "Check-in " + HOSTILE)
    cli.ok(
        "exercise", "run", "hostile-exercise", "--answer", "answer=Answer " + HOSTILE,
        "--answer", "pick=plain", env=env,
    )  # fmt: skip
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(
        json.dumps(
            {
                "tags": {},
                "entries": [
                    {
                        "title": "Jrnl title " + ESCAPES + " " + MARKUP,
                        "body": "Jrnl body " + HOSTILE_NUL,
                        "date": "2026-11-18",
                        "time": "10:00",
                        "tags": ["@team"],
                        "starred": True,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    cli.ok("import", str(jrnl), "--from", "jrnl")
    starts = {"Jrnl": "jrnl", "Reflection": "reflection", "Q: Hostile": "exercise"}
    for entry in cli.ok("log", "--weeks", "4", "--json").json()["entries"]:
        for start, what in starts.items():
            if entry["body"].startswith(start):
                p.entries[what] = entry["id"]
    return p


# ---------------------------------------------------------------- the terminal

TERMINAL_COMMANDS: dict[str, tuple[str, ...]] = {
    "log": ("log", "--weeks", "4"),
    "search": ("search", "PWNED"),
    "commitments": ("commitments", "list", "--status", "all"),
    "trends": ("trends", "--weeks", "4"),
    "goal list": ("goal", "list", "--all"),
    "prompt": ("prompt", "--source", "Hostile"),
    "exercise list": ("exercise", "list"),
    "exercise show": ("exercise", "show", "hostile-exercise", "--runs"),
    "export md": ("export", "--format", "md"),
    "export csv": ("export", "--format", "csv"),
    "brief md": ("brief", "--weeks", "4"),
    "brief html": ("brief", "--weeks", "4", "--format", "html"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", TERMINAL_COMMANDS)
def test_every_command_shows_hostile_text_as_text(
    planted: Planted, command: str, mode: str
) -> None:
    run = planted.run(mode, *TERMINAL_COMMANDS[command])
    assert_no_controls(run.stdout, colour=mode == "colour")
    assert_no_controls(run.stderr, colour=mode == "colour")
    if command == "brief html":
        # HTML escapes the brackets' neighbours but the text is all there.
        assert_shown(run.stdout, ("␛]0;PWNED␇", "␛[2J", "cr␍bs␈del␡", "[/bold]"))
    elif command in ("export md", "brief md"):
        # Markdown escapes brackets; the controls are still shown.
        assert_shown(run.stdout, ("␛\\]0;PWNED␇", "␛\\[2J", "cr␍bs␈del␡", "\\[/bold\\]"))
    elif command == "search":
        # A hit shows a snippet around the word found, not the whole text.
        assert_shown(run.stdout, ("[bold red]x[/]", "␛]0;", "␛]8;;http://evil.example/␛\\click"))
    else:
        assert_shown(run.stdout)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("what", ["write", "reflection", "exercise", "jrnl"])
def test_show_shows_every_kind_of_entry_as_text(planted: Planted, what: str, mode: str) -> None:
    run = planted.run(mode, "show", planted.entries[what])
    assert_no_controls(run.stdout, colour=mode == "colour")
    assert_shown(run.stdout, ("␛]0;PWNED␇", "␛[2J", "\\x9b2J", "[/bold]"))
    if what in ("write", "jrnl"):
        assert "nul␀bs" in run.stdout


@pytest.mark.parametrize("mode", MODES)
def test_goal_show_shows_every_goal_field_as_text(planted: Planted, mode: str) -> None:
    run = planted.run(mode, "goal", "show", planted.goal)
    assert_no_controls(run.stdout, colour=mode == "colour")
    assert_shown(run.stdout)
    for name in ("Goal", "Measure", "Leading", "Achievable", "Relevant", "Check-in"):
        assert f"{name} [bold red]x[/]" in run.stdout, name
    assert "[/i] title␛]0;PWNED␇" in run.stdout  # the unit


@pytest.mark.parametrize("mode", MODES)
def test_the_review_card_shows_commitments_and_goals_as_text(planted: Planted, mode: str) -> None:
    run = planted.run(
        mode, "review", "--week", "2026-W45", "--results", "5", "--relationships", "5",
        "--commit", "Card " + HOSTILE, "--no-prompts",
    )  # fmt: skip
    assert_no_controls(run.stdout, colour=mode == "colour")
    assert_shown(run.stdout)
    assert "Card [bold red]x[/]" in run.stdout


@pytest.mark.parametrize("mode", MODES)
def test_pack_warnings_and_errors_show_their_text_visibly(planted: Planted, mode: str) -> None:
    run = planted.run(mode, "prompt", "--source", "Hostile")
    assert "bad id title␛]0;PWNED␇" in run.stderr
    assert_no_controls(run.stderr, colour=mode == "colour")
    # Neither an id (ids are hex) nor a week: bad input, quoted as text.
    missing = planted.run(mode, "show", "zz\x1b]0;PWNED\x07", code=2)
    assert_no_controls(missing.stderr, colour=mode == "colour")
    assert "␛]0;PWNED␇" in missing.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("log", "--weeks", "4", "--json"),
        ("search", "PWNED", "--json"),
        ("commitments", "list", "--status", "all", "--json"),
        ("goal", "list", "--all", "--json"),
        ("exercise", "show", "hostile-exercise", "--runs", "--json"),
        ("prompt", "--source", "Hostile", "--json"),
        ("trends", "--weeks", "4", "--json"),
        ("export",),
    ],
    ids=" ".join,
)
def test_json_escapes_every_control_and_loses_nothing(planted: Planted, args: tuple[str]) -> None:
    run = planted.run("colour", *args)
    assert_no_controls(run.stdout)
    # Escaped, not changed: the strings parse back exactly as they were stored.
    assert any(ESCAPES in text for text in _strings(run.json()))


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return []


def test_the_json_export_round_trips_the_hostile_text(planted: Planted, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    planted.run("no-colour", "export", "--output", str(out))
    raw = out.read_text(encoding="utf-8")
    assert_no_controls(raw)
    exported = {entry["id"]: entry for entry in json.loads(raw)["entries"]}
    for entry_id in planted.entries.values():
        assert exported[entry_id] == planted.run("no-colour", "show", entry_id, "--json").json()
    texts = "".join(_strings(json.loads(raw)))
    for control in ("\x1b]0;PWNED\x07", "\x9b2J", "\x7f", "\x00", "\b"):
        assert control in texts


# ---------------------------------------------------------------- Markdown


def _markdown_tokens(text: str) -> list[tuple[str, str]]:
    """Every block and inline token CommonMark makes of ``text``: (type, content)."""
    found: list[tuple[str, str]] = []
    for token in MarkdownIt("commonmark").parse(text):
        found.append((token.type, token.content))
        for child in token.children or ():
            found.append((child.type, child.content))
    return found


def _headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [
        f"{token.tag} {tokens[index + 1].content}"
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


@pytest.mark.parametrize("command", ["export md", "brief md"])
def test_markdown_keeps_its_structure_whatever_the_text(planted: Planted, command: str) -> None:
    text = planted.run("no-colour", *TERMINAL_COMMANDS[command]).stdout
    injected = ("2026-W01", "- **Win", "fake", "setext", "top", "quote", "list")
    headings = [h.split(" ", 1)[1] for h in _headings(text)]
    assert not [h for h in headings if h.startswith(injected)], headings
    kinds = {kind for kind, _ in _markdown_tokens(text)}
    for kind in ("html_block", "html_inline", "image", "link_open", "ordered_list_open"):
        assert kind not in kinds, kind
    if command == "export md":
        # The export has no code of its own: any fence or indented code came from the text.
        assert "fence" not in kinds and "code_block" not in kinds
        assert "blockquote_open" not in kinds and "table_open" not in kinds
        weeks = [h for h in _headings(text) if h.startswith("h2 2026-")]
        assert [h.split()[1] for h in weeks] == ["2026-W46", "2026-W47"]
    else:
        # The brief's own two fenced pictures, and nothing the text opened.
        assert [kind for kind, _ in _markdown_tokens(text)].count("fence") == 2
    for raw in (r"(?<!\\)<script>", r"(?<!\\)<img", r"!\[x\]\(", r"\n## 2026-W01", r"\n---\n# top"):
        assert not re.search(raw, text), raw
    # Shown, not obeyed: the words are still there for the reader.
    assert "script" in text and "2026-W01" in text and "fake" in text


def test_markdown_export_keeps_line_breaks_and_paragraphs(cli: Cli) -> None:
    cli.ok("write", input="First line\nsecond line\n\nA new paragraph with *stars* and _lines_")
    text = cli.ok("export", "--format", "md").stdout
    assert "First line\nsecond line\n\nA new paragraph with \\*stars\\* and \\_lines\\_" in text
    html = MarkdownIt("commonmark").render(text)
    assert "<p>First line\nsecond line</p>" in html
    assert "<p>A new paragraph with *stars* and _lines_</p>" in html


# ---------------------------------------------------------------- HTML and CSV


def test_html_brief_escapes_the_hostile_text(planted: Planted) -> None:
    page = planted.run("no-colour", *TERMINAL_COMMANDS["brief html"]).stdout
    assert_no_controls(page)
    for raw in ("<script", "<img", "onerror=alert", 'href="http://evil', "<http://evil"):
        assert raw not in page.replace("&lt;img src=x onerror=alert", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Win [bold red]x[/]" in page


def test_csv_cells_are_text_with_controls_shown(cli: Cli, tmp_path: Path) -> None:
    cli.ok(
        "review", "--results", "6", "--relationships", "6", "--no-prompts",
        "--win", '=HYPERLINK("http://evil.example","x")' + ESCAPES,
        "--win-by", "+SUM(1)", "--commit", "-2+3 " + HOSTILE,
    )  # fmt: skip
    out = tmp_path / "weeks.csv"
    cli.ok("export", "--format", "csv", "--output", str(out))
    raw = out.read_text(encoding="utf-8")
    assert_no_controls(raw.replace("\r\n", "\n"))
    header, row = list(csv.reader(io.StringIO(raw)))
    cells = dict(zip(header, row, strict=True))
    assert cells["win"] == "'" + visible('=HYPERLINK("http://evil.example","x")' + ESCAPES)
    assert cells["win_by"] == "'+SUM(1)"
    assert cells["commitment"] == "'" + visible("-2+3 " + HOSTILE)


# ---------------------------------------------------------------- prompt packs


def test_prompts_validate_names_every_field_with_control_characters(planted: Planted) -> None:
    run = planted.run("no-colour", "prompts", "validate", str(planted.pack), code=2)
    assert_no_controls(run.stdout)
    lines = run.stdout.splitlines()
    for where in (
        "hostile.toml: [pack]: source",
        "hostile.toml: prompt 'hostile-prompt': text",
        "hostile.toml: exercise 'hostile-exercise': title",
        "hostile.toml: exercise 'hostile-exercise': summary",
        "hostile.toml: exercise 'hostile-exercise': step.answer.question",
        "hostile.toml: exercise 'hostile-exercise': step.answer.help",
        "hostile.toml: exercise 'hostile-exercise': step.pick.choices",
        "hostile.toml: exercise 'hostile-exercise': step.rate.tip",
    ):
        assert any(line.startswith(where + ": ") and "control" in line for line in lines), where
    # The item stays usable: shown visibly, not dropped.
    shown = planted.run("no-colour", "prompt", "--source", "Hostile").stdout
    assert "Hostile prompt [bold red]x[/]" in shown and "␛]0;PWNED␇" in shown


# ---------------------------------------------------------------- the escapes themselves

# Text rich in what Markdown, HTML and terminals treat specially.
_SPECIAL = st.sampled_from(
    [
        *"#>-+=*_`~[]()!<>&|\\:.0123456789 \t\n\r\x1b\x07\x9b\x00\x7f",
        *("```", "~~~", "---", "===", "1. ", "1) ", "- ", "* ", "<b>", "&amp;", "![x](y)", "    "),
    ]
)
_TEXT = st.lists(st.one_of(_SPECIAL, st.text(max_size=3)), max_size=30).map("".join)


def _plain(text: str) -> str:
    return "".join(text.split())


def _children(markdown: str) -> tuple[set[str], str]:
    kinds: set[str] = set()
    words = ""
    for token in MarkdownIt("commonmark").parse(markdown):
        kinds.add(token.type)
        for child in token.children or ():
            kinds.add(child.type)
            words += child.content
    return kinds, words


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_block_is_only_paragraphs_of_the_same_characters(text: str) -> None:
    kinds, words = _children(md_block(text))
    assert kinds <= {
        "paragraph_open",
        "paragraph_close",
        "inline",
        "text",
        "softbreak",
        "hardbreak",
    }
    assert _plain(words) == _plain(visible(text))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_an_inline_field_stays_on_its_line_as_the_same_characters(text: str) -> None:
    shown = md_inline(text)
    assert "\n" not in shown and "\r" not in shown
    kinds, words = _children(f"**Win:** {shown}")
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "strong_open",
                     "strong_close", "hardbreak"}  # fmt: skip
    assert _plain(words) == _plain("Win:" + visible(text).replace("\n", " "))


def test_a_block_keeps_its_line_breaks_and_paragraphs() -> None:
    assert md_block("One\ntwo\n\nThree") == "One\ntwo\n\nThree"
    assert md_block("## Not a heading\n- not a list\n1. nor this") == (
        "\\#\\# Not a heading\n\\- not a list\n1\\. nor this"
    )


@given(st.text())
def test_json_safe_output_is_the_same_json_with_no_raw_controls(text: str) -> None:
    document = json.dumps({"text": text}, ensure_ascii=False)
    assert json.loads(json_safe(document)) == {"text": text}
    assert not has_control(json_safe(document).replace("\n", ""))


# ---------------------------------------------------------------- the issue's own cases


def test_the_issues_markup_commitment_and_goal_unit_no_longer_crash(cli: Cli) -> None:
    cli.ok("review", "--results", "5", "--relationships", "5", "--no-prompts",
           "--commit", "finish [/bold] report")  # fmt: skip
    listed = cli.ok("commitments")
    assert "finish [/bold] report" in listed.stdout
    cli.ok("goal", "add", "Faster hiring", "--measure", "days", "--unit", "[/i]",
           "--baseline", "40", "--target", "25", "--due", "2027-06-30")  # fmt: skip
    assert "[/i]" in cli.ok("goal", "list").stdout


def test_a_markup_link_in_a_commitment_is_no_link_in_colour(cli: Cli) -> None:
    planted = "[bold red]x[/] [link=file:///etc/passwd]PWNED[/link]"
    cli.ok("review", "--results", "5", "--relationships", "5", "--no-prompts", "--commit", planted)
    for args in (("commitments",), ("goal", "list"), ("trends",)):
        run = cli.ok(*args, env=MODES["colour"])
        assert "\x1b]8" not in run.stdout  # no OSC 8 hyperlink
        assert_no_controls(run.stdout, colour=True)
    assert planted in _SGR.sub("", cli.ok("commitments", env=MODES["colour"]).stdout)


# ---------------------------------------------------------------- a real terminal


def _spawn_in_colour(
    home: Path, pack: Path, *args: str, now: str = "2026-11-20T09:00:00+00:00"
) -> tuple[object, io.StringIO]:
    import pexpect

    from .procs import child_env, command

    env = child_env(
        home,
        LEADJOURNAL_NOW=now,
        NO_COLOR="",
        FORCE_COLOR="1",
        TERM="xterm-256color",
        LEADJOURNAL_PROMPTS=str(pack),
    )
    program, *arguments = command(*args)
    screen = io.StringIO()
    child = pexpect.spawn(
        program, arguments, env=env, encoding="utf-8", timeout=45, dimensions=(40, 200)
    )
    child.logfile_read = screen
    return child, screen


def _terminal_text(screen: io.StringIO) -> str:
    # The pseudo-terminal ends its lines with CR LF; any other CR came from text.
    return screen.getvalue().replace("\r\n", "\n")


@pytest.mark.pty
def test_an_interactive_review_and_exercise_show_hostile_text_as_text(
    planted: Planted, isolated: Path
) -> None:
    from . import helpers

    next_week = "2026-11-27T09:00:00+00:00"
    child, screen = _spawn_in_colour(isolated, planted.pack, "review", now=next_week)
    child.expect("Commitment")  # type: ignore[attr-defined]
    child.expect("Enter to skip")  # type: ignore[attr-defined]
    child.sendline("")  # type: ignore[attr-defined]
    child.expect("1–9")  # type: ignore[attr-defined]
    child.sendintr()  # type: ignore[attr-defined]
    assert helpers.finish(child) == 130
    shown = _terminal_text(screen)
    assert_no_controls(shown, colour=True)
    assert "Commitment [bold red]x[/]" in _SGR.sub("", shown)
    assert "␛]0;PWNED␇" in shown

    child, screen = _spawn_in_colour(isolated, planted.pack, "exercise", "run", "hostile-exercise")
    for expected, reply in (("Hostile question", "An answer"), ("An answer", "")):
        child.expect(expected)  # type: ignore[attr-defined]
        child.sendline(reply)  # type: ignore[attr-defined]
    child.expect("Hostile choice")  # type: ignore[attr-defined]
    child.sendline("1")  # type: ignore[attr-defined]
    child.expect("Rate it")  # type: ignore[attr-defined]
    child.sendline("2")  # type: ignore[attr-defined]
    child.expect("Hostile tip")  # type: ignore[attr-defined]
    assert helpers.finish(child) == 0
    shown = _SGR.sub("", _terminal_text(screen))
    assert_no_controls(shown)
    for field_name in ("title", "summary", "source", "question", "help", "choice", "tip"):
        assert f"Hostile {field_name} [bold red]x[/]" in shown, field_name


def test_a_hostile_tag_is_refused_and_the_refusal_shown_as_text(cli: Cli) -> None:
    run = cli("write", "Fine text", "--tag", "x\x1b]0;PWNED\x07")
    assert run.exit_code == 2
    assert_no_controls(run.stderr)
    assert "␛]0;PWNED␇" in run.stderr


@pytest.mark.parametrize("mode", MODES)
def test_a_hostile_dimension_name_is_refused_or_shown_as_text(cli: Cli, mode: str) -> None:
    """An extra rating's name is typed too (``--rate NAME=N``): wherever it is shown,
    it is text, or it is refused with a message that shows it as text."""
    name = "```e\x1b]0;PWNED\x07[/i]"
    run = cli("review", "--results", "5", "--relationships", "5", "--rate", f"{name}=6",
              "--no-prompts", env=MODES[mode])  # fmt: skip
    assert_no_controls(run.stdout + run.stderr, colour=mode == "colour")
    if run.exit_code != 0:
        # Dimension names are lower-cased as they are read.
        assert run.exit_code == 2 and "␛]0;pwned␇" in run.stderr.lower()
        return
    for args in (
        ("log",), ("trends",), ("export", "--format", "md"), ("export", "--format", "csv"),
        ("brief",), ("brief", "--format", "html"),
    ):  # fmt: skip
        shown = cli.ok(*args, env=MODES[mode]).stdout
        assert_no_controls(shown, colour=mode == "colour")
        assert "␛" in shown and "pwned" in shown.lower(), args
    brief_md = cli.ok("brief").stdout
    assert [kind for kind, _ in _markdown_tokens(brief_md)].count("fence") == 2


@pytest.mark.parametrize("mode", MODES)
def test_a_search_that_finds_nothing_quotes_the_query_as_text(cli: Cli, mode: str) -> None:
    run = cli("search", "zzz [/bold] \x1b]0;PWNED\x07", env=MODES[mode])
    assert run.exit_code == 0, run.stderr
    assert_no_controls(run.stdout + run.stderr, colour=mode == "colour")
    assert "zzz [/bold] ␛]0;PWNED␇" in _SGR.sub("", run.stdout)


@pytest.mark.parametrize("mode", MODES)
def test_confirmations_and_paths_show_their_text_visibly(
    cli: Cli, tmp_path: Path, mode: str
) -> None:
    colour = mode == "colour"
    added = cli.ok("goal", "add", "Goal " + HOSTILE, "--kind", "development", env=MODES[mode])
    assert_no_controls(added.stdout + added.stderr, colour=colour)
    assert "Goal [bold red]x[/]" in _SGR.sub("", added.stdout)
    odd = tmp_path / "odd\x1b]0;PWNED\x07[bold]"
    odd.mkdir()
    db = str(odd / "journal.db")
    cli.ok("--db", db, "write", "Fine")
    for args in (
        ("--db", db, "db", "status"),
        ("--db", db, "export", "--format", "md", "--output", str(odd / "out.md")),
        ("--db", db, "brief", "--output", str(odd / "brief.md")),
    ):
        run = cli.ok(*args, env=MODES[mode])
        assert_no_controls(run.stdout + run.stderr, colour=colour)
        assert "odd␛]0;PWNED␇[bold]" in _SGR.sub("", run.stdout), args
