"""User text is data: what a person, a file or a pack wrote, made safe for a sink.

Text from outside may hold terminal control sequences (``ESC ] 0 ; … BEL``
retitles the window, ``ESC [ 2 J`` clears it, OSC 8 plants links). Every
sink shows such characters visibly instead of obeying them. The terminal's
rich ``Text`` wrapper lives in ``render``; this leaf holds the string work.
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
