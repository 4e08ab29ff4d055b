"""``leadjournal config``: where the settings file is, what it says, and edit it."""

from __future__ import annotations

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.errors import ConfigError, LeadJournalError

app = typer.Typer(
    help=(
        "The settings file: where it is, what it says, and edit it.\n\n"
        "It lives in the config folder (XDG_CONFIG_HOME on Linux), or where "
        "LEADJOURNAL_CONFIG says.\n\nExample: leadjournal config path"
    ),
    no_args_is_help=True,
)


@app.command("path")
def path(ctx: typer.Context) -> None:
    """Print the config file's path (it need not exist yet).

    Example: leadjournal config path
    """
    from leadjournal.safetext import visible

    settings: Settings = ctx.obj
    typer.echo(visible(str(settings.config_path)))
    if not settings.config_path.exists():
        typer.echo(messages.CONFIG_NO_FILE, err=True)


@app.command("show")
def show(ctx: typer.Context) -> None:
    """Print the settings in effect, as TOML: the file's values and the defaults.

    Example: leadjournal config show
    """
    from leadjournal.config import as_toml
    from leadjournal.safetext import visible

    settings: Settings = ctx.obj
    where = settings.config_path
    header = messages.CONFIG_SHOW_FILE if where.exists() else messages.CONFIG_SHOW_DEFAULTS
    typer.echo(visible(header.format(path=where)))
    typer.echo(visible(as_toml(settings.config)), nl=False)


@app.command("edit")
def edit(ctx: typer.Context) -> None:
    """Open the config file in $EDITOR (made with every setting explained, if new),
    and check it when the editor closes.

    Example: EDITOR=nano leadjournal config edit
    """
    import os
    import shlex
    import subprocess

    from leadjournal.config import load_config
    from leadjournal.safetext import visible

    settings: Settings = ctx.obj
    where = settings.config_path
    # A broken config must not stop it being opened to be fixed: then the
    # editor it names is not trusted, and $VISUAL or $EDITOR opens it.
    try:
        editor = settings.editor
    except ConfigError:
        editor = settings.environ.get("VISUAL") or settings.environ.get("EDITOR")
    if not editor:
        raise ConfigError(
            messages.CONFIG_NEEDS_EDITOR, messages.CONFIG_NEEDS_EDITOR_HINT.format(path=where)
        )
    if not where.exists():
        where.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(where, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(messages.CONFIG_TEMPLATE)
    try:
        finished = subprocess.run([*shlex.split(editor), str(where)], check=False).returncode == 0
    except (OSError, ValueError):
        finished = False
    if not finished:
        raise LeadJournalError(
            messages.CONFIG_EDITOR_FAILED.format(editor=editor),
            messages.CONFIG_NEEDS_EDITOR_HINT.format(path=where),
        )
    try:
        load_config(where)
    except ConfigError as exc:
        raise ConfigError(f"{messages.CONFIG_EDIT_INVALID} {exc.message}", exc.hint) from None
    typer.echo(visible(messages.CONFIG_EDITED.format(path=where)))
