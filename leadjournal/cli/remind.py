"""``leadjournal remind``: a weekly reminder of the review, set up once, removed as easily.

What is installed is noted in an owner-only record in the state folder, so
``remind status`` can say what is there and ``remind remove`` undoes exactly
that: the files written (only while they are as we wrote them), the crontab
line, the timer or agent switched on.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from leadjournal import messages, reminders
from leadjournal.cli.context import Settings
from leadjournal.cli.io import atomic_output
from leadjournal.cli.options import Force
from leadjournal.errors import BadInput, LeadJournalError
from leadjournal.reminders import Installed, When, WrittenFile

app = typer.Typer(
    help=(
        "A weekly reminder of the review, set up once.\n\n"
        "A systemd timer, a crontab line, a launchd agent or a calendar event; "
        "'leadjournal remind' alone shows each way.\n\n"
        "Example: leadjournal remind install --day fri --time 16:00"
    ),
    no_args_is_help=False,
    invoke_without_command=True,
)

Day = Annotated[
    str, typer.Option("--day", metavar="DAY", help="The weekday: mon … sun (or in full).")
]
Time = Annotated[
    str, typer.Option("--time", metavar="HH:MM", help="The time of day, 24-hour, local time.")
]
Via = Annotated[
    str | None,
    typer.Option(
        "--via",
        metavar="systemd|cron|launchd|ics",
        help="How (default: launchd on macOS, systemd where systemctl is, else cron).",
    ),
]
IcsOutput = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Where the .ics file goes (--via ics)."),
]
TIMEOUT = 20  # seconds for systemctl, crontab or launchctl: they answer at once or not at all


@app.callback()
def remind(ctx: typer.Context) -> None:
    """Show the ways to be reminded of the weekly review, and which one is set up.

    Example: leadjournal remind
    """
    if ctx.invoked_subcommand is not None:
        return
    settings: Settings = ctx.obj
    say = settings.console.print
    from leadjournal.render import user

    say(user(messages.REMIND_WAYS_HEADING, "bold"))
    for line in messages.REMIND_WAYS:
        say(user(line), soft_wrap=True)
    _status(settings)


@app.command("install")
def install(
    ctx: typer.Context,
    day: Day = "fri",
    time: Time = "16:00",
    via: Via = None,
    output: IcsOutput = None,
    force: Force = False,
) -> None:
    """Set up a weekly reminder of the review.

    Installing again replaces the reminder of that kind.

    Example: leadjournal remind install --day fri --time 16:00 --via cron
    """
    settings: Settings = ctx.obj
    when = reminders.parse_when(day, time)
    way = reminders.check_way(via) if via is not None else _default_way()
    if way == "ics":
        if output is None:
            raise BadInput(messages.REMIND_ICS_NEEDS_OUTPUT, messages.REMIND_ICS_NEEDS_OUTPUT_HINT)
    elif output is not None:
        raise BadInput(messages.REMIND_OUTPUT_ONLY_ICS, messages.REMIND_ICS_NEEDS_OUTPUT_HINT)
    if way == "launchd" and not on_macos():
        raise BadInput(messages.REMIND_LAUNCHD_ELSEWHERE, messages.REMIND_LAUNCHD_ELSEWHERE_HINT)
    record = _read_record(settings)
    earlier = [item for item in record if item.way == way and way != "ics"]
    for item in earlier:
        _undo(settings, item)  # one reminder per way: a new day or time replaces the old
    record = [item for item in record if item not in earlier]
    if earlier:
        _write_record(settings, record)  # undone, whatever happens next
    done = Installed(way=way, day=when.day, time=when.time)
    if way == "systemd":
        _install_systemd(settings, when, done)
    elif way == "cron":
        _install_cron(settings, when, done)
    elif way == "launchd":
        _install_launchd(settings, when, done)
    else:
        _install_ics(settings, when, done, Path(output or "").expanduser(), force)
    if done.files or done.cron_line:
        record = [
            item for item in record if not (item.way == "ics" and _same_files(item, done))
        ] + [done]
        _write_record(settings, record)


@app.command("status")
def status(ctx: typer.Context) -> None:
    """Say which reminders are set up.

    And whether their files are still there and they are still switched on.

    Example: leadjournal remind status
    """
    _status(ctx.obj)


@app.command("remove")
def remove(ctx: typer.Context, via: Via = None) -> None:
    """Undo what 'remind install' did.

    Its files (unless changed since), its crontab line, its timer or agent.

    Example: leadjournal remind remove
    """
    settings: Settings = ctx.obj
    way = reminders.check_way(via) if via is not None else None
    record = _read_record(settings)
    chosen = [item for item in record if way is None or item.way == way]
    if not chosen:
        _say(settings, messages.REMIND_NOTHING_TO_REMOVE)
        return
    for item in chosen:
        _undo(settings, item)
        _say(settings, messages.REMIND_REMOVED.format(way=item.way, when=_when(item)))
    _write_record(settings, [item for item in record if item not in chosen])


@app.command("notify")
def notify(ctx: typer.Context) -> None:
    """Show the reminder now, as the timer does.

    What the timer, the crontab line and the agent run: a desktop notification
    where notify-send (or macOS's osascript) is found; otherwise the line is
    printed (cron mails what a job prints).

    Example: leadjournal remind notify
    """
    settings: Settings = ctx.obj
    title, text = messages.REMIND_EVENT_TITLE, messages.REMIND_NOTIFY_TEXT
    commands: list[list[str]] = []
    if found := shutil.which("notify-send"):
        commands.append([found, "--app-name=leadjournal", title, text])
    if on_macos() and (found := shutil.which("osascript")):
        script = f"display notification {_apple_string(text)} with title {_apple_string(title)}"
        commands.append([found, "-e", script])
    env = _session_env(settings)
    for command in commands:
        if _run(command, env=env) is not None:
            return
    typer.echo(f"{title}: {text}")


# -- each way ---------------------------------------------------------------------


def _notify_command() -> list[str]:
    """What the timer runs: this Python and this leadjournal, wherever they are."""
    return [sys.executable, "-m", "leadjournal", "remind", "notify"]


def on_macos() -> bool:
    return sys.platform == "darwin"


def _default_way() -> str:
    if on_macos():
        return "launchd"
    return "systemd" if shutil.which("systemctl") else "cron"


def _install_systemd(settings: Settings, when: When, done: Installed) -> None:
    folder = settings.systemd_user_dir
    units = reminders.systemd_units(when, _notify_command())
    for name, text in units.items():
        done.files.append(_write_private(folder / name, text.encode("utf-8")))
    timer = f"{reminders.UNIT}.timer"
    enable = ["systemctl", "--user", "enable", "--now", timer]
    steps = [["systemctl", "--user", "daemon-reload"], enable]
    done.enabled = shutil.which("systemctl") is not None and all(
        _run(step) is not None for step in steps
    )
    _say(settings, messages.REMIND_WROTE.format(paths=", ".join(f.path for f in done.files)))
    if done.enabled:
        _say(
            settings, messages.REMIND_ENABLED.format(when=when.shown(), command=shlex.join(enable))
        )
    else:
        _say(
            settings,
            messages.REMIND_RUN_THIS.format(
                command=shlex.join(steps[0]) + " && " + shlex.join(enable)
            ),
        )


def _install_cron(settings: Settings, when: When, done: Installed) -> None:
    line = reminders.cron_line(when, _notify_command())
    current = _crontab()
    if current is None:
        _say(settings, messages.REMIND_NO_CRONTAB)
        typer.echo(line)
        return
    updated = reminders.without_our_line(current) + line + "\n"
    if _run(["crontab", "-"], stdin=updated) is None:
        raise LeadJournalError(messages.REMIND_CRONTAB_FAILED, messages.REMIND_CRONTAB_HINT)
    done.cron_line = line
    _say(settings, messages.REMIND_CRON_ADDED.format(when=when.shown()))
    typer.echo(line)


def _install_launchd(settings: Settings, when: When, done: Installed) -> None:
    path = settings.launch_agents_dir / f"{reminders.AGENT}.plist"
    done.files.append(_write_private(path, reminders.launchd_agent(when, _notify_command())))
    load = ["launchctl", "bootstrap", f"gui/{os.getuid()}", str(path)]
    done.enabled = shutil.which("launchctl") is not None and _run(load) is not None
    _say(settings, messages.REMIND_WROTE.format(paths=path))
    if done.enabled:
        _say(settings, messages.REMIND_ENABLED.format(when=when.shown(), command=shlex.join(load)))
    else:
        _say(settings, messages.REMIND_RUN_THIS.format(command=shlex.join(load)))


def _install_ics(settings: Settings, when: When, done: Installed, path: Path, force: bool) -> None:
    from datetime import UTC

    now = settings.clock.now()
    text = reminders.calendar_event(when, now.date(), f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    with atomic_output(path, force=force) as handle:
        handle.write(text)
    done.files.append(WrittenFile(str(path.resolve()), reminders.digest(text.encode())))
    _say(settings, messages.REMIND_ICS_WROTE.format(path=path, when=when.shown()))


# -- undoing ------------------------------------------------------------------------


def _undo(settings: Settings, item: Installed) -> None:
    if item.way == "systemd" and item.enabled:
        disable = ["systemctl", "--user", "disable", "--now", f"{reminders.UNIT}.timer"]
        if _run(disable) is None:
            _say(settings, messages.REMIND_RUN_THIS.format(command=shlex.join(disable)))
    if item.way == "launchd" and item.enabled and item.files:
        unload = ["launchctl", "bootout", f"gui/{os.getuid()}", item.files[0].path]
        if _run(unload) is None:
            _say(settings, messages.REMIND_RUN_THIS.format(command=shlex.join(unload)))
    if item.cron_line is not None:
        current = _crontab()
        if (
            current is not None
            and _run(["crontab", "-"], stdin=reminders.without_our_line(current)) is None
        ):
            raise LeadJournalError(messages.REMIND_CRONTAB_FAILED, messages.REMIND_CRONTAB_HINT)
    for written in item.files:
        path = Path(written.path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        if reminders.digest(data) == written.sha256:
            path.unlink()
        else:
            _say(settings, messages.REMIND_FILE_CHANGED.format(path=path))
    if item.way == "systemd" and item.enabled:
        _run(["systemctl", "--user", "daemon-reload"])


def _same_files(one: Installed, other: Installed) -> bool:
    return {f.path for f in one.files} == {f.path for f in other.files}


# -- status ----------------------------------------------------------------------------


def _when(item: Installed) -> str:
    return f"{item.day.capitalize()}s at {item.time}"


def _status(settings: Settings) -> None:
    record = _read_record(settings)
    if not record:
        _say(settings, messages.REMIND_NONE)
        return
    for item in record:
        missing = [f.path for f in item.files if not Path(f.path).exists()]
        where = item.cron_line if item.cron_line else ", ".join(f.path for f in item.files)
        _say(
            settings,
            messages.REMIND_STATUS_LINE.format(
                way=item.way, when=_when(item), state=_state(item), where=where
            ),
        )
        if missing:
            _say(settings, messages.REMIND_STATUS_MISSING.format(paths=", ".join(missing)))


def _state(item: Installed) -> str:
    """What the system says now, where it can be asked cheaply; else what was done."""
    if item.way == "ics":
        return messages.REMIND_STATE_ICS
    if item.cron_line is not None:
        current = _crontab()
        if current is not None and item.cron_line not in current.splitlines():
            return messages.REMIND_STATE_CRON_GONE
        return messages.REMIND_STATE_ON
    if not item.enabled:
        return messages.REMIND_STATE_FILE
    if item.way == "systemd":
        asked = _run(["systemctl", "--user", "is-enabled", f"{reminders.UNIT}.timer"])
        if asked is None or asked.strip() != "enabled":
            return messages.REMIND_STATE_OFF.format(
                command=f"systemctl --user enable --now {reminders.UNIT}.timer"
            )
    return messages.REMIND_STATE_ON


# -- small helpers --------------------------------------------------------------------------


def _say(settings: Settings, text: str) -> None:
    from leadjournal.render import user

    settings.console.print(user(text), soft_wrap=True)


def _read_record(settings: Settings) -> list[Installed]:
    try:
        text = settings.reminder_record.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return []
    return reminders.read_record(text)


def _write_record(settings: Settings, record: Sequence[Installed]) -> None:
    path = settings.reminder_record
    if not record:
        path.unlink(missing_ok=True)
        return
    _write_private(path, reminders.write_record(record).encode("utf-8"))


def _write_private(path: Path, data: bytes) -> WrittenFile:
    """Write a file only its owner can read, in folders only its owner can open."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with atomic_output(path, force=True) as handle:
        handle.write(data.decode("utf-8"))
    return WrittenFile(str(path), reminders.digest(data))


def _crontab() -> str | None:
    """The user's crontab ('' when they have none), or None without a crontab program."""
    if shutil.which("crontab") is None:
        return None
    try:
        done = subprocess.run(
            ["crontab", "-l"], capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    # "no crontab for alice" comes with exit status 1: an empty crontab.
    return done.stdout if done.returncode == 0 else ""


def _run(
    command: list[str], *, stdin: str | None = None, env: dict[str, str] | None = None
) -> str | None:
    """Run a system program quietly; its output, or None if it is missing or failed."""
    try:
        done = subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            env=env,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _session_env(settings: Settings) -> dict[str, str]:
    """The environment, with the desktop session's bus when cron left it out."""
    env = dict(settings.environ)
    runtime = env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    if "DBUS_SESSION_BUS_ADDRESS" not in env and Path(runtime, "bus").exists():
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={runtime}/bus"
    return env


def _apple_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
