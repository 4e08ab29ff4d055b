"""``leadjournal export`` and ``leadjournal import``: the journal in and out as files."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadjournal import messages
from leadjournal.cli import completion
from leadjournal.cli.context import Settings
from leadjournal.cli.io import atomic_output, choose, emit_json
from leadjournal.cli.options import Force, Json, Output
from leadjournal.cli.pager import paged
from leadjournal.errors import BadInput, LeadJournalError, NotFound

if TYPE_CHECKING:
    from leadjournal.journal import Journal
    from leadjournal.transfer import ImportReport


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="json|md|csv",
            help="json: everything, lossless; md: a readable journal; csv: weekly ratings.",
            autocompletion=completion.EXPORT_FORMATS,
        ),
    ] = "json",
    output: Output = None,
    force: Force = False,
) -> None:
    """Write the whole journal as JSON (lossless), Markdown or CSV.

    Example: leadjournal export --format json --output journal-2026.json
    """
    from leadjournal.cli.progress import Bar, CountingSink
    from leadjournal.export import EXPORT_FORMATS, ExportFormat, write_export

    settings: Settings = ctx.obj
    chosen: ExportFormat = choose(fmt, EXPORT_FORMATS, "md")  # type: ignore[assignment]
    # A bar on stderr only while the data goes somewhere else than the screen.
    bar = Bar(settings.err_console, messages.EXPORTING)
    if output is None and sys.stdout.isatty():
        bar = Bar(settings.err_console, messages.EXPORTING, delay=float("inf"))
    with settings.journal() as journal, bar:
        if journal.store.key is not None:
            # The leader chose a readable copy of an encrypted journal: said once.
            typer.echo(messages.EXPORT_PLAINTEXT, err=True)
        exported_at = journal.now().utc
        journal.people.sync()  # links to people as the text reads now
        if output is None:
            with paged(settings):
                write_export(
                    journal.store,
                    chosen,
                    CountingSink(sys.stdout, bar),
                    exported_at=exported_at,
                    today=journal.today(),
                )
            return
        path = Path(output).expanduser()
        with atomic_output(path, force=force) as handle:
            write_export(
                journal.store,
                chosen,
                CountingSink(handle, bar),
                exported_at=exported_at,
                today=journal.today(),
            )
    from leadjournal.render import user

    wrote = messages.WROTE_FILE.format(path=path, size=path.stat().st_size)
    settings.console.print(user(wrote), soft_wrap=True)


def import_command(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="The file to import; - for stdin.")],
    source: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="leadjournal|jrnl",
            help="Whose export the file is (default ours).",
            autocompletion=completion.IMPORT_SOURCES,
        ),
    ] = "leadjournal",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Import a leadjournal JSON export, or jrnl's JSON export, merging by id.

    Importing the same file twice changes nothing. A bad file imports nothing.

    Examples:

      leadjournal import journal-2026.json --dry-run

      jrnl --format json --file jrnl.json && leadjournal import jrnl.json --from jrnl
    """
    from leadjournal.cli.progress import Bar
    from leadjournal.inputfiles import NotReadable
    from leadjournal.safetext import visible
    from leadjournal.transfer import SOURCES, import_stream

    settings: Settings = ctx.obj
    chosen = choose(source, SOURCES, "jrnl")
    name = "stdin" if file == "-" else file
    with _opened(file) as (chunks, size):
        bar = Bar(settings.err_console, messages.IMPORTING.format(name=visible(name)), size)
        try:
            with _journal(settings, dry_run) as journal, bar:
                report = import_stream(
                    journal,
                    chunks,
                    name,
                    source=chosen,  # type: ignore[arg-type]
                    dry_run=dry_run,
                    on_read=bar.update,
                )
        except NotReadable as error:
            raise _unreadable(name, error) from None
    if as_json:
        emit_json(report)
        return
    _print_report(settings, report, name)


@contextmanager
def _opened(file: str) -> Iterator[tuple[Iterator[bytes], int | None]]:
    """The file's bytes in chunks, and its size when known: a regular file
    within the import limit, or stdin read no further than that limit."""
    from leadjournal.inputfiles import NotReadable, bounded_chunks, open_regular
    from leadjournal.transfer import MAX_IMPORT_BYTES

    if file == "-":
        yield bounded_chunks(sys.stdin.buffer, MAX_IMPORT_BYTES), None
        return
    try:
        handle = open_regular(Path(file).expanduser(), MAX_IMPORT_BYTES)
    except NotReadable as error:
        raise _unreadable(file, error) from None
    with handle:
        yield bounded_chunks(handle, MAX_IMPORT_BYTES), os.fstat(handle.fileno()).st_size


def _unreadable(name: str, error: Exception) -> LeadJournalError:
    """A file refused for what it is (a folder, too large) is bad input (2); one
    that is missing is not found (1), as is one the system cannot read (1)."""
    from leadjournal.inputfiles import NotReadable, size_label
    from leadjournal.transfer import MAX_IMPORT_BYTES

    reason = error.reason if isinstance(error, NotReadable) else str(error)
    message = messages.IMPORT_FILE_MISSING.format(name=name, reason=reason)
    if isinstance(error, NotReadable) and error.checked:
        return BadInput(
            message, messages.IMPORT_SIZE_HINT.format(limit=size_label(MAX_IMPORT_BYTES))
        )
    if name != "stdin" and not Path(name).expanduser().exists():
        return NotFound(message, messages.IMPORT_FILE_HINT)
    return LeadJournalError(message, messages.IMPORT_FILE_HINT)


@contextmanager
def _journal(settings: Settings, dry_run: bool) -> Iterator[Journal]:
    # A dry run into a journal that does not exist yet must not create it.
    if dry_run and not settings.db_path.exists():
        from leadjournal.journal import Journal
        from leadjournal.store import Store

        store = Store.memory()
        try:
            yield Journal(store, settings.clock)
        finally:
            store.close()
        return
    with settings.journal() as journal:
        yield journal


def _counts(counts: dict[str, int]) -> str:
    shown = [f"{n} {table.replace('_', ' ')}" for table, n in counts.items() if n]
    return ", ".join(shown) or messages.IMPORT_NOTHING_NEW


def _print_report(settings: Settings, report: ImportReport, name: str) -> None:
    console = settings.console
    template = messages.IMPORT_DRY_RUN if report.dry_run else messages.IMPORT_DONE
    lines = [template.format(name=name, added=_counts(report.added))]
    if any(report.updated.values()):
        lines.append(messages.IMPORT_UPDATED.format(updated=_counts(report.updated)))
    if any(report.unchanged.values()):
        lines.append(messages.IMPORT_UNCHANGED.format(unchanged=_counts(report.unchanged)))
    lines += [f"  {note}" for note in report.notes]
    from leadjournal.render import user

    for line in lines:
        console.print(user(line), soft_wrap=True)
