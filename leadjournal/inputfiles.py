"""Reading files that came from outside: regular files only, never too large.

A FIFO would block the reader for ever, and ``/dev/zero`` or ``/dev/urandom``
would be read until memory runs out. So a path is looked at with ``os.stat``
before it is opened, opened without blocking (a FIFO put in its place
in-between cannot hang the open), looked at again through the open file, and
read no further than its limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from leadjournal import messages

MiB = 1024 * 1024
CHUNK = 1 * MiB


class NotReadable(Exception):
    """Why a file cannot be read, in words for the user (see messages)."""

    def __init__(self, reason: str, *, checked: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        # True when the file was refused for what it is (not regular, too
        # large), False when the system could not read it (missing, denied).
        self.checked = checked


def size_label(limit: int) -> str:
    if limit % MiB == 0:
        return f"{limit // MiB} MiB"
    return f"{limit // 1024} KiB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return messages.FILE_KIND_FOLDER
    if stat.S_ISFIFO(mode):
        return messages.FILE_KIND_FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return messages.FILE_KIND_DEVICE
    if stat.S_ISSOCK(mode):
        return messages.FILE_KIND_SOCKET
    return messages.FILE_KIND_OTHER


def _check(info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotReadable(messages.FILE_NOT_REGULAR.format(kind=_kind(info.st_mode)))
    if info.st_size > limit:
        size = size_label_of(info.st_size)
        raise NotReadable(messages.FILE_TOO_LARGE.format(size=size, limit=size_label(limit)))


def size_label_of(size: int) -> str:
    if size >= MiB:
        return f"{size / MiB:,.1f} MiB"
    return f"{size / 1024:,.0f} KiB"


def open_regular(path: Path, limit: int) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file within ``limit`` bytes.

    Raises NotReadable (the reason in words) otherwise, or for any OS error.
    """
    try:
        _check(path.stat(), limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except NotReadable:
        raise
    except OSError as error:
        raise NotReadable(error.strerror or str(error), checked=False) from None
    try:
        _check(os.fstat(fd), limit)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The whole of a regular file no larger than ``limit`` bytes (NotReadable otherwise)."""
    with open_regular(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise NotReadable(error.strerror or str(error), checked=False) from None
    if len(data) > limit:
        # It grew after it was looked at.
        raise NotReadable(
            messages.FILE_TOO_LARGE.format(size=size_label_of(len(data)), limit=size_label(limit))
        )
    return data


def bounded_chunks(handle: BinaryIO, limit: int, chunk: int = CHUNK) -> Iterator[bytes]:
    """The bytes of ``handle`` in chunks, stopping with NotReadable past ``limit`` bytes."""
    total = 0
    while True:
        try:
            data = handle.read(chunk)
        except OSError as error:
            raise NotReadable(error.strerror or str(error), checked=False) from None
        if not data:
            return
        total += len(data)
        if total > limit:
            raise NotReadable(messages.STREAM_TOO_LARGE.format(limit=size_label(limit)))
        yield data
