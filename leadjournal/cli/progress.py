"""A progress bar for long imports and exports: on a terminal, after a second.

Drawn on stderr, so stdout stays the data; on a pipe or a file nothing is
drawn at all, and a transfer that ends within a second never shows one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

DELAY = 1.0


class Bar:
    """Call ``update(done)`` as the work goes; the bar appears once ``DELAY`` has passed."""

    def __init__(
        self,
        console: Console,
        description: str,
        total: int | None = None,
        *,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._console = console
        self._description = description
        self._total = total
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self.shown = False

    def update(self, done: int) -> None:
        if not self._console.is_terminal:
            return
        if self._progress is None:
            if self._clock() - self._started < self._delay:
                return
            self._start()
        assert self._progress is not None and self._task is not None
        self._progress.update(self._task, completed=done)

    def _start(self) -> None:
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            console=self._console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self._description, total=self._total)
        self.shown = True

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class CountingSink:
    """A text sink that tells a Bar how much has been written through it."""

    def __init__(self, sink: TextIO, bar: Bar, every: int = 512) -> None:
        self._sink = sink
        self._bar = bar
        self._every = every
        self._writes = 0
        self.written = 0

    def write(self, text: str) -> int:
        self._writes += 1
        self.written += len(text)
        if self._writes % self._every == 0:
            self._bar.update(self.written)
        return self._sink.write(text)
