"""One isolated environment for the whole test run, and a check at its end.

Hooks for tests/conftest.py. Before any test is collected, HOME, the XDG
folders and LEADJOURNAL_HOME point into a temporary folder made for this run,
the clock is set and the network is forbidden (sockets included) in this
process and in every Python child it starts; crontab, systemctl, launchctl
and notify-send are refusing stand-ins (tests/guard/bin) first on PATH.
These are set on ``os.environ`` and on the ``socket`` module directly, not
through a test's monkeypatch, so nothing a test undoes can put the real
folders back.

At the end of the run the user's real data, config and cache folders for
leadjournal (as the real HOME and platformdirs name them) are compared with a
snapshot taken at the start: if anything in them appeared, vanished or
changed, the run fails and says what.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import pytest

from .guard import no_network

APP = "leadjournal"
NOW = "2026-11-20T09:00:00+00:00"  # a Friday in ISO week 2026-W47
GUARD = Path(__file__).resolve().parent / "guard"
# Variables from the developer's own shell that would steer the program.
CLEARED = ("LEADJOURNAL_DB", "LEADJOURNAL_CONFIG", "LEADJOURNAL_PROMPTS", "EDITOR", "VISUAL")

# (kind, size, modification time) of every file and folder under a watched path.
Snapshot = dict[str, tuple[str, int, int]]

_state: dict[str, object] = {}


def real_folders(environ: dict[str, str]) -> list[Path]:
    """Where leadjournal keeps (or could keep) the user's data, config and cache."""
    import platformdirs

    home = Path(environ.get("HOME") or Path.home())
    found = [
        home / ".local" / "share" / APP,
        home / ".local" / "state" / APP,
        home / ".config" / APP,
        home / ".cache" / APP,
        Path(platformdirs.user_data_dir(APP, appauthor=False)),
        Path(platformdirs.user_config_dir(APP, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP, appauthor=False)),
        Path(platformdirs.user_state_dir(APP, appauthor=False)),
        Path(platformdirs.user_log_dir(APP, appauthor=False)),
    ]
    # A developer who keeps the real journal elsewhere has said where.
    if environ.get("LEADJOURNAL_HOME"):
        found.append(Path(environ["LEADJOURNAL_HOME"]).expanduser())
    if environ.get("LEADJOURNAL_DB"):
        found.append(Path(environ["LEADJOURNAL_DB"]).expanduser().parent)
    if environ.get("LEADJOURNAL_CONFIG"):
        found.append(Path(environ["LEADJOURNAL_CONFIG"]).expanduser().parent)
    # What a reminder installs: systemd user units and a launchd agent.
    found.append(home / ".config" / "systemd" / "user")
    found.append(home / "Library" / "LaunchAgents")
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


def snapshot(path: Path) -> Snapshot:
    """What is at ``path`` and under it: existence, kind, size and mtime of each item."""
    taken: Snapshot = {}

    def note(item: Path) -> None:
        try:
            info = item.lstat()
        except FileNotFoundError:
            return
        kind = "folder" if item.is_dir() and not item.is_symlink() else "file"
        taken[str(item)] = (kind, info.st_size if kind == "file" else 0, info.st_mtime_ns)

    note(path)
    if path.is_dir() and not path.is_symlink():
        for folder, subfolders, files in os.walk(path):
            for name in [*subfolders, *files]:
                note(Path(folder) / name)
    return taken


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    found = []
    for name in sorted(before.keys() | after.keys()):
        if name not in before:
            found.append(f"appeared: {name}")
        elif name not in after:
            found.append(f"vanished: {name}")
        elif before[name] != after[name]:
            size, new_size = before[name][1], after[name][1]
            what = f"size {size} -> {new_size}" if size != new_size else "modified"
            found.append(f"changed ({what}): {name}")
    return found


def isolate_the_run() -> Path:
    """Point every folder the program could use into a fresh temporary folder."""
    run = Path(tempfile.mkdtemp(prefix="leadjournal-tests-"))
    run.chmod(0o700)
    user = run / "user"
    folders = {
        "HOME": user,
        "XDG_DATA_HOME": user / ".local" / "share",
        "XDG_STATE_HOME": user / ".local" / "state",
        "XDG_CONFIG_HOME": user / ".config",
        "XDG_CACHE_HOME": user / ".cache",
        "XDG_RUNTIME_DIR": run / "runtime",
        "LEADJOURNAL_HOME": run / "home",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[name] = str(folder)
    for name in CLEARED:
        os.environ.pop(name, None)
    os.environ.update(LEADJOURNAL_NOW=NOW, TZ="UTC", NO_COLOR="1", COLUMNS="100")
    # No test reaches the machine's own keyring (macOS Keychain, Secret
    # Service): the keyring tests choose their fake backend explicitly.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    time.tzset()
    # Every Python child process loads tests/guard/sitecustomize.py.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(GUARD), os.environ.get("PYTHONPATH", "")) if part
    )
    # The programs that would change the machine itself (a crontab, systemd
    # or launchd, a desktop notification) are refusing stand-ins, first on PATH.
    os.environ["PATH"] = os.pathsep.join([str(GUARD / "bin"), os.environ.get("PATH", "")])
    no_network.install()
    return run


def run_folder() -> Path | None:
    """The temporary folder this run's HOME and journal folders are in."""
    run = _state.get("run")
    return run if isinstance(run, Path) else None


def let_ctrl_c_through() -> None:
    """Give Ctrl-C back to the commands the tests start.

    A shell starts a background job with SIGINT ignored, and an ignored signal
    stays ignored through exec: every command a test started would then shrug
    off the Ctrl-C its test sends. A handler (unlike "ignore") is reset by
    exec, so the commands start with SIGINT as a terminal gives it.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_configure(config: pytest.Config) -> None:
    if "run" in _state:
        return
    let_ctrl_c_through()
    watched = real_folders(dict(os.environ))
    _state["before"] = {str(path): snapshot(path) for path in watched}
    _state["run"] = isolate_the_run()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = _state.get("before")
    if not isinstance(before, dict):
        return
    changed = [
        line for path, taken in before.items() for line in differences(taken, snapshot(Path(path)))
    ]
    run = _state.get("run")
    if isinstance(run, Path):
        shutil.rmtree(run, ignore_errors=True)
    if not changed:
        return
    report = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [
        "the test run changed the real user folders (a test escaped its isolation):",
        *(f"  {line}" for line in changed),
        "(leadjournal itself, run outside the tests while they ran, would also show here)",
    ]
    if report is not None:
        report.ensure_newline()
        report.write_sep("=", "real user data touched", red=True)
        for line in lines:
            report.write_line(line)
    else:
        print("\n".join(lines))
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
