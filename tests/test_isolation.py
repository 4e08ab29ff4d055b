"""The test run itself: isolated once for the whole run, checked at its end, offline.

The end-of-run check is proved the only way it can be: by running pytest in a
child process, with a fake "real" home, on a tiny test file that does what a
careless test might.
"""

from __future__ import annotations

import _socket
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from .guard.no_network import NetworkUsed
from .procs import ROOT, child_env


def _pytest_run(tmp_path: Path, test_source: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run pytest on one test file, with ``tmp_path / "real"`` as the user's home."""
    real_home = tmp_path / "real"
    real_home.mkdir(exist_ok=True)
    (tmp_path / "test_tiny.py").write_text(textwrap.dedent(test_source))
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "LEADJOURNAL_", "PYTEST_"))
    }
    env.update(HOME=str(real_home), PYTHONPATH=str(ROOT), FAKE_REAL_HOME=str(real_home))
    done = subprocess.run(
        [
            sys.executable,
            *("-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest"),
            *("--rootdir", str(tmp_path), str(tmp_path / "test_tiny.py")),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    return done, real_home


def test_a_run_that_writes_into_the_real_data_folder_fails(tmp_path: Path) -> None:
    done, real_home = _pytest_run(
        tmp_path,
        """
        import os
        from pathlib import Path

        def test_careless():
            folder = Path(os.environ["FAKE_REAL_HOME"]) / ".local" / "share" / "leadjournal"
            folder.mkdir(parents=True)
            (folder / "journal.db").write_text("a test wrote here")
        """,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 passed" in done.stdout  # the test itself passed: the run failed after it
    shown = done.stdout + done.stderr
    assert "changed the real user folders" in shown
    assert str(real_home / ".local" / "share" / "leadjournal") in shown


def test_a_run_that_changes_an_existing_real_journal_fails(tmp_path: Path) -> None:
    real_config = tmp_path / "real" / ".config" / "leadjournal"
    real_config.mkdir(parents=True)
    (real_config / "config.toml").write_text("prompts = true\n")
    done, _ = _pytest_run(
        tmp_path,
        """
        import os
        from pathlib import Path

        def test_careless():
            home = Path(os.environ["FAKE_REAL_HOME"])
            (home / ".config" / "leadjournal" / "config.toml").write_text("prompts = false\\n")
        """,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert str(real_config / "config.toml") in done.stdout + done.stderr


def test_undoing_a_tests_monkeypatch_cannot_reach_the_real_journal(tmp_path: Path) -> None:
    # What tests/test_privacy.py and tests/test_bad_files.py once did: undo
    # every patch (the isolation fixtures' too), then run a command.
    done, real_home = _pytest_run(
        tmp_path,
        """
        import os
        from pathlib import Path

        def test_undo_then_write(cli, monkeypatch):
            monkeypatch.undo()
            run = cli("write", "Landed somewhere")
            assert run.exit_code == 0, run.stderr
            assert not Path(os.environ["FAKE_REAL_HOME"], ".local").exists()
            assert os.environ["HOME"] != os.environ["FAKE_REAL_HOME"]
        """,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert list(real_home.iterdir()) == []


def test_every_folder_the_program_could_use_is_temporary(tmp_path: Path) -> None:
    import platformdirs

    from .isolation import run_folder

    run = run_folder()
    assert run is not None and run.name.startswith("leadjournal-tests-")
    folders = [
        platformdirs.user_data_dir("leadjournal"),
        platformdirs.user_config_dir("leadjournal"),
        platformdirs.user_cache_dir("leadjournal"),
        platformdirs.user_state_dir("leadjournal"),
        os.environ["HOME"],
        os.environ["LEADJOURNAL_HOME"],
    ]
    for folder in folders:
        assert Path(folder).is_relative_to(tmp_path) or Path(folder).is_relative_to(run), folder
    assert "EDITOR" not in os.environ and "LEADJOURNAL_DB" not in os.environ


# -- the network guard -----------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: socket.socket(),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_STREAM),
        lambda: socket.create_server(("127.0.0.1", 0)),
        lambda: socket.create_connection(("127.0.0.1", 9)),
        lambda: socket.getaddrinfo("localhost", 80),
        # A network socket made below the socket module, then wrapped.
        lambda: socket.socket(fileno=_socket.socket(socket.AF_INET).detach()),
    ],
    ids=["default", "tcp", "udp", "tcp6", "server", "connection", "lookup", "wrapped"],
)
def test_creating_a_network_socket_fails_in_the_test_process(make: object) -> None:
    assert callable(make)
    with pytest.raises(NetworkUsed):
        make()


def test_local_sockets_still_work() -> None:
    # asyncio and multiprocessing talk to themselves over AF_UNIX.
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"ping")
        assert right.recv(4) == b"ping"


PROBE = """
import socket, sys
try:
    socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
except AssertionError as exc:
    print("refused:", exc)
    sys.exit(3)
print("made a network socket")
"""


def test_a_child_process_cannot_even_create_a_network_socket(tmp_path: Path) -> None:
    for env in (child_env(tmp_path / "home"), dict(os.environ)):
        probe = subprocess.run(
            [sys.executable, "-c", PROBE],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert probe.returncode == 3, probe.stdout + probe.stderr
        assert "forbidden in leadjournal's tests" in probe.stdout


def test_no_test_undoes_its_monkeypatch_wholesale() -> None:
    # monkeypatch.undo() also undoes the isolation fixtures; use
    # ``with monkeypatch.context() as patch:`` for a patch that must end early.
    here = Path(__file__).resolve()
    offenders = [
        f"{path.name}:{number}"
        for path in here.parent.rglob("*.py")
        if path != here
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if ".undo()" in line and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def _try_a_network_socket(reply: Any) -> None:
    """Runs in a multiprocessing child: is a network socket refused there too?"""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    except AssertionError as exc:
        reply.send(f"refused: {exc}")
    else:
        reply.send("made a network socket")


def test_multiprocessing_children_are_guarded_and_its_local_pipes_work() -> None:
    import multiprocessing

    for method in ("spawn", "fork"):
        context = multiprocessing.get_context(method)
        ours, theirs = context.Pipe()  # a local (AF_UNIX) socket pair
        child = context.Process(target=_try_a_network_socket, args=(theirs,))
        child.start()
        try:
            assert ours.poll(60), method
            answer = ours.recv()
        finally:
            child.join(60)
        assert answer.startswith("refused:") and "forbidden" in answer, (method, answer)


def test_a_run_that_installs_a_real_reminder_fails(tmp_path: Path) -> None:
    # The folders a reminder writes into are watched, and the programs that
    # would switch one on are refusing stand-ins.
    done, real_home = _pytest_run(
        tmp_path,
        """
        import os
        import subprocess
        from pathlib import Path

        def test_careless():
            units = Path(os.environ["FAKE_REAL_HOME"]) / ".config" / "systemd" / "user"
            units.mkdir(parents=True)
            (units / "leadjournal-reminder.timer").write_text("[Timer]\\n")
            run = subprocess.run(["crontab", "-"], input="* * * * * x\\n", text=True,
                                 capture_output=True)
            assert run.returncode == 97 and "stand-in" in run.stderr
        """,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert str(real_home / ".config" / "systemd" / "user") in done.stdout + done.stderr


def test_a_run_started_with_ctrl_c_ignored_gives_it_back_to_its_commands() -> None:
    import signal
    import subprocess
    import sys

    # As a shell's background job starts: SIGINT ignored, inherited through exec.
    probe = (
        "import signal, subprocess, sys\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "from tests.isolation import let_ctrl_c_through\n"
        "let_ctrl_c_through()\n"
        "child = 'import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)'\n"
        "sys.stdout.write(subprocess.run([sys.executable, '-c', child],"
        " capture_output=True, text=True).stdout)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    assert done.stdout.strip() == "False"
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
