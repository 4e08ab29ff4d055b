"""A JSON object read a piece at a time, so a large export never sits in memory.

The standard library's ``json`` reads whole documents only. This reader walks
the top-level object itself and hands each of its values to
``json.JSONDecoder.raw_decode``, except the lists it is asked to stream, whose
items it decodes one by one. Text is read in chunks into a buffer that holds
about one item; a single value may grow the buffer to ``max_item`` characters,
no further. What it reports on a bad file (truncated, not JSON, too deeply
nested, a row too large) says the line and column, as ``json`` would.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

CHUNK = 256 * 1024
MAX_ITEM = 16 * 1024 * 1024
_SPACE = " \t\n\r"
_SPACES = re.compile(r"[ \t\n\r]*")


@dataclass
class StreamError(Exception):
    """What is wrong with the JSON, and where."""

    kind: str  # "truncated", "invalid", "too_deep", "too_large", "not_object",
    #            "duplicate_key", "not_utf8"
    line: int = 0
    column: int = 0
    reason: str = ""


class _Decoder(json.JSONDecoder):
    pass


class ObjectReader:
    """The members of one JSON object, from ``chunks`` of UTF-8 bytes."""

    def __init__(
        self,
        chunks: Iterable[bytes],
        *,
        max_item: int = MAX_ITEM,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        self._chunks = iter(chunks)
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._json = _Decoder()
        self._max_item = max_item
        self._on_read = on_read
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.bytes_read = 0
        self.largest_buffer = 0
        # Where the buffer starts in the file, for line and column numbers.
        self._line = 1
        self._column = 1
        # The last character of the file that is not white space.
        self._tail = ""

    # -- reading ------------------------------------------------------------

    def _fill(self, wanted: int = CHUNK) -> bool:
        """Read at least ``wanted`` more characters (or to the end); False at the end."""
        if self.eof:
            return False
        self._drop_consumed()
        got = 0
        while got < wanted:
            data = next(self._chunks, None)
            try:
                text = self._utf8.decode(data or b"", final=data is None)
            except UnicodeDecodeError as error:
                raise StreamError("not_utf8", reason=str(error)) from None
            if data is not None:
                self.bytes_read += len(data)
            if text:
                self.buf += text
                got += len(text)
                stripped = text.rstrip(_SPACE)
                if stripped:
                    self._tail = stripped[-1]
            if data is None:
                self.eof = True
                break
        self.largest_buffer = max(self.largest_buffer, len(self.buf))
        if self._on_read is not None:
            self._on_read(self.bytes_read)
        return got > 0 or not self.eof

    def _drop_consumed(self) -> None:
        if not self.pos:
            return
        gone = self.buf[: self.pos]
        lines = gone.count("\n")
        if lines:
            self._line += lines
            self._column = len(gone) - gone.rfind("\n")
        else:
            self._column += len(gone)
        self.buf = self.buf[self.pos :]
        self.pos = 0

    def _where(self, pos: int) -> tuple[int, int]:
        head = self.buf[:pos]
        lines = head.count("\n")
        if lines:
            return self._line + lines, pos - head.rfind("\n")
        return self._line, self._column + pos

    def _error(self, kind: str, pos: int, reason: str = "") -> StreamError:
        line, column = self._where(pos)
        return StreamError(kind, line, column, reason)

    def _peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            self.pos = _SPACES.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def _expect(self, allowed: str, reason: str) -> str:
        found = self._peek()
        if found == "":
            raise self._error("truncated", self.pos, reason)
        if found not in allowed:
            raise self._error("invalid", self.pos, reason)
        self.pos += 1
        return found

    def _value(self) -> Any:
        """The next whole JSON value."""
        self._peek()
        while True:
            try:
                value, end = self._json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as error:
                # A mistake well before the end of what was read stays one
                # whatever follows; anything else may be cut by the buffer.
                settled = (
                    not error.msg.startswith("Unterminated") and len(self.buf) - error.pos > 16
                )
                if not self.eof and not settled:
                    if len(self.buf) - self.pos > self._max_item:
                        raise self._error("too_large", self.pos) from None
                    self._fill(max(CHUNK, len(self.buf) - self.pos))
                    continue
                raise self._decode_error(error) from None
            except RecursionError:
                raise self._error("too_deep", self.pos) from None
            # A number or a word at the very end of the buffer may go on.
            if end >= len(self.buf) and not self.eof:
                self._fill()
                continue
            self.pos = end
            return value

    def _decode_error(self, error: json.JSONDecodeError) -> StreamError:
        truncated = self.eof and (
            error.pos >= len(self.buf.rstrip(_SPACE))
            or error.msg.startswith("Unterminated")
            or self._tail not in ("}", "]")
        )
        return self._error("truncated" if truncated else "invalid", error.pos, error.msg)

    # -- the object ---------------------------------------------------------

    def members(self, streamed: Iterable[str] = ()) -> Iterator[tuple[str, Any]]:
        """Each ``(key, value)`` of the object, in the file's order.

        For a key in ``streamed`` whose value is a list, the value is an
        iterator over its items, which must be used up before the next member.
        """
        lists = set(streamed)
        if self._peek() != "{":
            if self._peek() == "" and self.bytes_read == 0:
                raise self._error("truncated", self.pos, "Expecting value")
            raise self._error("not_object", self.pos)
        self.pos += 1
        seen: set[str] = set()
        if self._peek() == "}":
            self.pos += 1
        else:
            while True:
                if self._peek() != '"':
                    self._expect('"', "Expecting property name enclosed in double quotes")
                key_at = self.pos
                key = self._value()
                if key in seen:
                    raise self._error("duplicate_key", key_at, key)
                seen.add(key)
                self._expect(":", "Expecting ':' delimiter")
                if key in lists and self._peek() == "[":
                    self.pos += 1
                    items = self._items()
                    yield key, items
                    for _ in items:  # what the caller left
                        pass
                else:
                    yield key, self._value()
                if self._expect(",}", "Expecting ',' delimiter") == "}":
                    break
        if self._peek() != "":
            raise self._error("invalid", self.pos, "Extra data")

    def _items(self) -> Iterator[Any]:
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            yield self._value()
            if self._expect(",]", "Expecting ',' delimiter") == "]":
                return
