"""Long output through a pager on a terminal, as git does.

``$PAGER`` when set (empty or ``cat`` means none), otherwise ``less -R`` when
it is installed; ``LESS`` defaults to ``FRX`` (quit when it fits one screen,
keep colours, leave the text on screen) and ``LV`` to ``-c``, only when they
are not set. Nothing is paged in a pipe, on a dumb terminal (``TERM`` unset
or ``dumb``, where less cannot draw its screen), with ``--no-pager`` or for
``--json``. Output streams into the pager as it is made: the first screen
shows at once, and quitting the pager early stops the command quietly.
"""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leadjournal.cli.context import Settings

DEFAULT_PAGER = "less -R"
PAGER_ENVIRONMENT = {"LESS": "FRX", "LV": "-c"}


class _PagerStream(io.TextIOWrapper):
    """The pager's input, standing in for the terminal it shows on: rich and
    click keep colours and the terminal's width for it."""

    def isatty(self) -> bool:
        return True


def pager_command(environ: dict[str, str]) -> str | None:
    """The pager to run, or None for none."""
    chosen = environ.get("PAGER")
    if chosen is not None:
        chosen = chosen.strip()
        return None if chosen in ("", "cat") else chosen
    return DEFAULT_PAGER if shutil.which("less", path=environ.get("PATH")) else None


@contextmanager
def paged(settings: Settings, *, enabled: bool = True) -> Iterator[None]:
    """Everything printed to stdout inside goes through the pager, when one applies."""
    command = pager_command(settings.environ)
    dumb = settings.environ.get("TERM", "dumb") in ("", "dumb")
    if not (enabled and settings.pager and command and not dumb and sys.stdout.isatty()):
        yield
        return
    environment = {**PAGER_ENVIRONMENT, **settings.environ}
    sys.stdout.flush()
    try:
        pager = subprocess.Popen(["/bin/sh", "-c", command], stdin=subprocess.PIPE, env=environment)
    except OSError:
        yield  # no shell to run it: the text goes to the terminal as it is
        return
    assert pager.stdin is not None
    stream = _PagerStream(pager.stdin, encoding="utf-8", errors="replace", write_through=True)
    terminal = sys.stdout
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a
    # search); quitting the pager is how to stop.
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout = stream
    try:
        yield
        stream.flush()
    except BrokenPipeError:
        pass  # the pager was quit before the end: that is no error
    finally:
        sys.stdout = terminal
        with suppress(BrokenPipeError):
            stream.close()
        pager.wait()
        signal.signal(signal.SIGINT, interrupt)
