"""User text is data: what a person, a file or a pack wrote, made safe for a sink.

Text from outside may hold terminal control sequences (``ESC ] 0 ; … BEL``
retitles the window, ``ESC [ 2 J`` clears it, OSC 8 plants links). Every
sink shows such characters visibly instead of obeying them. One helper per
sink: the terminal's rich ``Text`` wrapper is ``render.user`` (built on
``visible``); Markdown has ``md_inline`` and ``md_block``; JSON ``json_safe``;
the HTML brief and the CSV export use ``visible`` under their own escaping.
"""

from __future__ import annotations

import re

# C0 controls other than tab and newline, DEL, and the C1 block (U+0080–U+009F:
# a lone U+009B is a full CSI on many terminals).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, ␍ for CR …
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def visible(text: str) -> str:
    """``text`` with every control character except tab and newline shown, not obeyed."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _CONTROL.sub(_picture, text)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character that ``visible`` would change."""
    return _CONTROL.search(text) is not None


# -- JSON --------------------------------------------------------------------

# json.dumps and pydantic escape C0 controls (``\u001b``) but write DEL and the
# C1 block as they are; a lone U+009B in ``--json`` output read on a terminal
# is still a CSI. As ``\u009b`` it is the same JSON string, so nothing is lost.
_JSON_RAW = re.compile("[\x7f-\x9f]")


def json_safe(document: str) -> str:
    """A JSON document with DEL and C1 characters written as ``\\u`` escapes.

    Only for text that json or pydantic wrote: outside strings JSON is ASCII,
    so every such character is inside a string, where the escape means the same.
    """
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


# -- Markdown ----------------------------------------------------------------

# Characters that start inline structure anywhere in a line: emphasis, code,
# links and images, raw HTML and entities, strike-through, table cells, and
# the backslash itself (so text cannot escape the escaping). One pattern with
# the control characters, so a text is scanned once.
_MD_SPECIAL = "\\`*_[]<>&~|#"
_MD_INLINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + re.escape(_MD_SPECIAL) + "]")
# What a line may start with to become structure: a list item (``-``, ``+``,
# ``1.``, ``1)``), a setext underline or thematic break (``===``, ``---``).
# ``#``, ``>``, ``*``, backticks and ``~`` are escaped everywhere already.
_MD_LINE_START = re.compile(r"([ \t]*)(?:([-+=])|(\d{1,9})([.)]))?")
_MAY_START_STRUCTURE = frozenset(" \t-+=0123456789")


def _md_char(match: re.Match[str]) -> str:
    char = match.group()
    return "\\" + char if char in _MD_SPECIAL else _picture(match)


def _md_escape(text: str) -> str:
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _MD_INLINE.sub(_md_char, text)


def _md_line(line: str) -> str:
    """One escaped line, its start made plain: no list marker, no setext
    underline, no indented code (where the escapes would show as backslashes:
    the text is kept, the indent dropped)."""
    match = _MD_LINE_START.match(line)
    if match is None:  # never: every part of the pattern is optional
        return line
    indent, bullet, number, dot = match.groups()
    if len(indent.expandtabs(4)) >= 4:
        return _md_line(line[len(indent) :]) if line.strip() else ""
    if bullet:
        return f"{indent}\\{bullet}{line[match.end() :]}"
    if number:
        return f"{indent}{number}\\{dot}{line[match.end() :]}"
    return line


def md_inline(text: str | None) -> str:
    """One-line text (a title, a win, a commitment, a name) for the middle of a
    Markdown line: shown as written, never as structure. Line breaks become
    spaces: a one-line field must not start a heading or a list on the next line."""
    if not text:
        return ""
    # A lone CR is a line ending to Markdown too: it is shown as ␍ by then.
    return _md_escape(text).replace("\n", " ")


def md_block(text: str | None) -> str:
    """Multi-line text (an entry, a reflection) as Markdown paragraphs.

    Line breaks and blank lines between paragraphs stay as written; headings,
    setext underlines, code fences, lists and quotes at a line's start, HTML
    tags and entities, links and images are escaped, so they show as the
    characters typed and cannot add, hide or swallow structure around them.
    """
    if not text:
        return ""
    # One pass over the whole text, then only the lines whose first character
    # could start structure: an export runs this on every entry.
    lines = _md_escape(text.replace("\r\n", "\n").strip(" \t\n")).split("\n")
    return "\n".join(_md_line(line) if line[:1] in _MAY_START_STRUCTURE else line for line in lines)
