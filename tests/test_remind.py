"""``leadjournal remind``: the files each way writes, the programs it runs, and undoing it.

Every test runs in its own HOME and XDG folders (tests/conftest.py), with
recording stand-ins for systemctl, crontab, launchctl and notify-send first
on PATH: each call is appended to ``calls.log``, and the stand-in crontab
keeps the "installed" crontab in a file.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import stat
import subprocess
from pathlib import Path

import pytest

from leadjournal.cli import remind

from .conftest import Cli

RECORDER = """#!/bin/sh
echo "{name} $*" >> "{log}"
{body}
"""
CRONTAB_BODY = """case "$1" in
  -l) if [ -f "{tab}" ]; then cat "{tab}"; else echo "no crontab for $USER" >&2; exit 1; fi ;;
  -) cat > "{tab}" ;;
esac
"""


class Fakes:
    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.bin.mkdir()
        self.log = folder / "calls.log"
        self.crontab = folder / "crontab.txt"

    def add(self, name: str, body: str = "exit 0") -> None:
        script = self.bin / name
        script.write_text(RECORDER.format(name=name, log=self.log, body=body))
        script.chmod(0o755)

    def calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []


@pytest.fixture
def fakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Fakes:
    made = Fakes(tmp_path)
    made.add("systemctl")
    made.add("launchctl")
    made.add("notify-send")
    made.add("crontab", CRONTAB_BODY.format(tab=made.crontab))
    monkeypatch.setenv("PATH", os.pathsep.join([str(made.bin), os.environ["PATH"]]))
    return made


def _units(tmp_path: Path) -> Path:
    return tmp_path / "user" / "config" / "systemd" / "user"


def _record(tmp_path: Path) -> Path:
    return tmp_path / "user" / "state" / "leadjournal" / "reminders.json"


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_remind_alone_shows_every_way_and_that_none_is_set_up(cli: Cli) -> None:
    shown = cli.ok("remind").stdout
    for way in ("--via systemd", "--via cron", "--via launchd", "--via ics"):
        assert way in shown
    assert "No reminder is set up" in shown


def test_systemd_writes_a_timer_and_a_one_shot_service_and_switches_it_on(
    cli: Cli, fakes: Fakes, tmp_path: Path
) -> None:
    run = cli.ok("remind", "install", "--day", "fri", "--time", "16:00", "--via", "systemd")
    service = _units(tmp_path) / "leadjournal-reminder.service"
    timer = _units(tmp_path) / "leadjournal-reminder.timer"
    assert "OnCalendar=Fri *-*-* 16:00:00\n" in timer.read_text()
    assert "Persistent=true" in timer.read_text()
    assert "WantedBy=timers.target" in timer.read_text()
    # Nothing that stays running: one notification, then the service ends.
    assert "Type=oneshot" in service.read_text()
    exec_line = next(line for line in service.read_text().splitlines() if "ExecStart=" in line)
    assert exec_line.endswith("-m leadjournal remind notify")
    assert _private(service) and _private(timer) and _private(_record(tmp_path))
    assert stat.S_IMODE(_record(tmp_path).parent.stat().st_mode) == 0o700
    assert fakes.calls() == [
        "systemctl --user daemon-reload",
        "systemctl --user enable --now leadjournal-reminder.timer",
    ]
    assert "Fridays at 16:00" in run.stdout

    fakes.add("systemctl", 'if [ "$2" = is-enabled ]; then echo enabled; fi')
    status = cli.ok("remind", "status").stdout
    assert "systemd: Fridays at 16:00, on" in status
    assert fakes.calls()[-1] == "systemctl --user is-enabled leadjournal-reminder.timer"
    fakes.add("systemctl", 'if [ "$2" = is-enabled ]; then echo disabled; exit 1; fi')
    assert "switched off since it was installed" in cli.ok("remind", "status").stdout
    fakes.log.write_text("\n".join(fakes.calls()[:2]) + "\n")

    cli.ok("remind", "remove")
    assert not service.exists() and not timer.exists()
    assert fakes.calls()[2:] == [
        "systemctl --user disable --now leadjournal-reminder.timer",
        "systemctl --user daemon-reload",
    ]
    assert not _record(tmp_path).exists()
    assert "No reminder is set up" in cli.ok("remind", "status").stdout


def test_the_service_runs_a_command_that_notifies_and_ends(
    cli: Cli, fakes: Fakes, tmp_path: Path
) -> None:
    cli.ok("remind", "install", "--via", "systemd")
    service = (_units(tmp_path) / "leadjournal-reminder.service").read_text()
    command = shlex.split(service.split("ExecStart=", 1)[1].splitlines()[0])
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    sent = [call for call in fakes.calls() if call.startswith("notify-send")]
    assert len(sent) == 1 and "leadjournal review" in sent[0]


def test_notify_without_a_desktop_prints_the_reminder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no notify-send anywhere
    assert "leadjournal review" in cli.ok("remind", "notify").stdout


def test_without_a_user_systemd_the_command_to_run_is_printed(
    cli: Cli, fakes: Fakes, tmp_path: Path
) -> None:
    fakes.add("systemctl", "echo 'Failed to connect to bus' >&2; exit 1")
    run = cli.ok("remind", "install", "--via", "systemd", "--day", "monday", "--time", "9:05")
    assert "systemctl --user enable --now leadjournal-reminder.timer" in run.stdout
    timer = (_units(tmp_path) / "leadjournal-reminder.timer").read_text()
    assert "OnCalendar=Mon *-*-* 09:05:00" in timer
    assert "not switched on" in cli.ok("remind", "status").stdout
    cli.ok("remind", "remove")
    # It was never switched on, so nothing is switched off.
    assert not any("disable" in call for call in fakes.calls())
    assert not (_units(tmp_path) / "leadjournal-reminder.timer").exists()


def test_cron_adds_one_line_beside_the_others_and_removes_exactly_it(
    cli: Cli, fakes: Fakes
) -> None:
    theirs = "MAILTO=me@example.org\n15 3 * * * /usr/bin/backup --nightly\n"
    fakes.crontab.write_text(theirs)
    run = cli.ok("remind", "install", "--day", "fri", "--time", "16:00", "--via", "cron")
    lines = fakes.crontab.read_text().splitlines()
    assert lines[:2] == theirs.splitlines()
    assert len(lines) == 3
    ours = lines[2]
    assert ours.startswith("0 16 * * 5 ")
    assert "-m leadjournal remind notify" in ours
    assert ours in run.stdout

    # Installing again replaces the line: a new time, still one line.
    cli.ok("remind", "install", "--day", "sun", "--time", "20:30", "--via", "cron")
    lines = fakes.crontab.read_text().splitlines()
    assert len(lines) == 3 and lines[2].startswith("30 20 * * 0 ")
    assert cli.ok("remind", "status").stdout.count("cron:") == 1

    fakes.crontab.write_text(theirs)  # the leader took the line out by hand
    assert "no longer in your crontab" in cli.ok("remind", "status").stdout
    fakes.crontab.write_text(theirs + lines[2] + "\n")

    cli.ok("remind", "remove", "--via", "cron")
    assert fakes.crontab.read_text() == theirs


def test_cron_without_a_crontab_program_prints_the_line_and_installs_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    run = cli.ok("remind", "install", "--via", "cron", "--day", "tue", "--time", "08:00")
    assert "crontab -e" in run.stdout
    assert any(line.startswith("0 8 * * 2 ") for line in run.stdout.splitlines())
    assert not _record(tmp_path).exists()


def test_launchd_writes_an_agent_and_loads_it_on_macos(
    cli: Cli, fakes: Fakes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remind, "on_macos", lambda: True)
    cli.ok("remind", "install", "--via", "launchd", "--day", "fri", "--time", "16:00")
    agent = tmp_path / "user" / "Library" / "LaunchAgents" / "org.leadjournal.reminder.plist"
    plist = plistlib.loads(agent.read_bytes())
    assert plist["StartCalendarInterval"] == {"Weekday": 5, "Hour": 16, "Minute": 0}
    assert plist["ProgramArguments"][-3:] == ["leadjournal", "remind", "notify"]
    assert plist["Label"] == "org.leadjournal.reminder"
    assert _private(agent)
    assert fakes.calls() == [f"launchctl bootstrap gui/{os.getuid()} {agent}"]
    cli.ok("remind", "remove")
    assert fakes.calls()[1] == f"launchctl bootout gui/{os.getuid()} {agent}"
    assert not agent.exists()


def test_launchd_elsewhere_is_refused(cli: Cli, tmp_path: Path) -> None:
    run = cli("remind", "install", "--via", "launchd")
    assert run.exit_code == 2
    assert "macOS" in run.stderr
    assert not (tmp_path / "user" / "Library").exists()


def test_ics_is_a_weekly_event_written_where_output_says(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "review.ics"
    cli.ok(
        "remind", "install", "--via", "ics", "--day", "fri", "--time", "16:00", "-o", f"{target}"
    )
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.decode().split("\r\n")
    assert "RRULE:FREQ=WEEKLY;BYDAY=FR" in lines
    # The clock says Friday 2026-11-20, 09:00: the first event is that afternoon.
    assert "DTSTART:20261120T160000" in lines
    assert "DURATION:PT15M" in lines
    assert _private(target)
    assert "ics" in cli.ok("remind", "status").stdout
    cli.ok("remind", "remove")
    assert not target.exists()


def test_remove_leaves_a_file_changed_since_it_was_written(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "review.ics"
    cli.ok("remind", "install", "--via", "ics", "--output", str(target))
    target.write_text(target.read_text() + "X-MINE:kept\r\n")
    run = cli.ok("remind", "remove")
    assert "left in place" in run.stdout
    assert "X-MINE:kept" in target.read_text()


def test_ics_needs_an_output_and_output_needs_ics(cli: Cli, fakes: Fakes) -> None:
    run = cli("remind", "install", "--via", "ics")
    assert run.exit_code == 2 and "--output" in run.stderr
    run = cli("remind", "install", "--via", "cron", "--output", "x.ics")
    assert run.exit_code == 2 and "--via ics" in run.stderr
    assert fakes.calls() == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--day", "fry"], "'fry' is not a day of the week"),
        (["--day", "f"], "'f' is not a day of the week"),
        (["--time", "25:00"], "'25:00' is not a time of day"),
        (["--time", "16.00"], "'16.00' is not a time of day"),
        (["--time", "4pm"], "'4pm' is not a time of day"),
        (["--via", "carrier-pigeon"], "'carrier-pigeon' is not a way to be reminded"),
        (["--day", "[bold]x\x1b]0;X\x07"], "'[bold]x"),
    ],
)
def test_bad_day_time_or_way_is_bad_input_and_writes_nothing(
    cli: Cli, fakes: Fakes, tmp_path: Path, args: list[str], said: str
) -> None:
    run = cli("remind", "install", "--via", "cron", *args)
    assert run.exit_code == 2, run.stdout + run.stderr
    assert said in run.stderr
    assert "hint:" in run.stderr
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert fakes.calls() == []
    assert not _record(tmp_path).exists()


def test_the_default_way_on_linux_is_systemd_where_systemctl_is(
    cli: Cli, fakes: Fakes, tmp_path: Path
) -> None:
    cli.ok("remind", "install")
    assert (_units(tmp_path) / "leadjournal-reminder.timer").exists()
    assert (
        "OnCalendar=Fri *-*-* 16:00:00"
        in (_units(tmp_path) / "leadjournal-reminder.timer").read_text()
    )


def test_remove_with_nothing_installed_says_so(cli: Cli) -> None:
    assert "nothing to remove" in cli.ok("remind", "remove").stdout


def test_the_commands_are_quoted_for_systemd_and_cron() -> None:
    from leadjournal.reminders import cron_line, parse_when, systemd_units

    when = parse_when("Saturday", "7:05")
    command = ["/opt/my tools/python", "-m", "leadjournal", "50%$HOME"]
    service = systemd_units(when, command)["leadjournal-reminder.service"]
    exec_words = service.split("ExecStart=", 1)[1].splitlines()[0]
    # systemd's own quoting; % and $ doubled so systemd does not expand them.
    assert exec_words == '"/opt/my tools/python" -m leadjournal "50%%$$HOME"'
    line = cron_line(when, command)
    assert line.startswith("5 7 * * 6 '/opt/my tools/python' -m leadjournal ")
    assert "'50\\%$HOME'" in line  # a bare % would end cron's command


def test_the_calendar_event_starts_on_the_next_such_day() -> None:
    from datetime import date

    from leadjournal.reminders import calendar_event, parse_when

    monday = parse_when("mon", "08:00")
    text = calendar_event(monday, date(2026, 11, 20), "20261120T090000Z")  # a Friday
    assert "DTSTART:20261123T080000\r\n" in text
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n" in text
    # Lines are at most 75 bytes; longer ones go on after CRLF and a space.
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    from leadjournal import messages

    assert len(f"DESCRIPTION:{messages.REMIND_EVENT_TEXT}") > 75  # so one is folded
    assert f"DESCRIPTION:{messages.REMIND_EVENT_TEXT}\r\n" in unfolded
    # The same reminder written again is the same event for a calendar.
    again = calendar_event(monday, date(2026, 12, 1), "20261201T090000Z")
    uid = next(line for line in text.split("\r\n") if line.startswith("UID:"))
    assert uid in again.split("\r\n")
