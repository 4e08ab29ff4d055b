"""The built wheel carries the prompt packs: build it without the network,
install it into a fresh virtual environment and run it from outside the checkout.

Slow (a few seconds) but part of the normal suite: a packaging slip would
otherwise pass unnoticed, since a checkout always finds ``prompts/`` beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from leadjournal import packnames
from leadjournal.prompts import builtin_prompts_dir, load_library

from .procs import GUARD

REPO = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, f"{args}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the freshly built wheel installed in it."""
    root = tmp_path_factory.mktemp("wheel")
    wheels = root / "dist"
    # --no-build-isolation: hatchling comes from the test environment, so no
    # download is needed (it is in the `test` extra).
    run(
        sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation",
        "--no-index", "-q", "-w", wheels,
        cwd=REPO,
    )  # fmt: skip
    (wheel,) = wheels.glob("leadjournal-*.whl")
    venv = root / "venv"
    run(sys.executable, "-m", "venv", "--system-site-packages", venv, cwd=root)
    # The test environment may itself be a virtual environment, whose packages
    # "system site packages" does not reach: name its folder in a .pth file so
    # typer, rich and the rest come from it. A folder named in a .pth file has
    # its own .pth files ignored, so an editable leadjournal there stays out.
    purelib = sysconfig.get_paths()["purelib"]
    (site,) = (venv / "lib").glob("python3*/site-packages")
    (site / "test-environment.pth").write_text(purelib + "\n")
    run(venv / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel,
        cwd=root)  # fmt: skip
    return venv


def leadjournal(venv: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    outside = tmp_path / "elsewhere"
    outside.mkdir(exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "LEADJOURNAL_PROMPTS", "LEADJOURNAL_DB")
    }
    env.update(
        LEADJOURNAL_HOME=str(tmp_path / "home"),
        LEADJOURNAL_NOW="2026-11-20T09:00:00+00:00",
        NO_COLOR="1",
        # Only the network guard (no checkout): the installed copy runs offline too.
        PYTHONPATH=str(GUARD),
    )
    return subprocess.run(
        [str(venv / "bin" / "leadjournal"), *args],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.slow
def test_the_installed_wheel_loads_its_own_packs(installed: Path, tmp_path: Path) -> None:
    shipped = load_library()

    prompt = leadjournal(installed, tmp_path, "prompt", "--seed", "1", "--json")
    assert prompt.returncode == 0, prompt.stderr
    assert prompt.stderr == ""  # no pack problems
    assert json.loads(prompt.stdout)["id"] in shipped.prompts

    listing = leadjournal(installed, tmp_path, "exercise", "list", "--json")
    assert listing.returncode == 0 and listing.stderr == ""
    ids = {item["id"] for item in json.loads(listing.stdout)}
    assert len(ids) >= 13 and ids == set(shipped.exercises)

    validate = leadjournal(installed, tmp_path, "prompts", "validate")
    assert validate.returncode == 0 and "No problems" in validate.stdout


@pytest.mark.slow
def test_the_installed_copy_is_found_first(installed: Path, tmp_path: Path) -> None:
    where = run(
        installed / "bin" / "python",
        "-c",
        "import leadjournal.prompts as p; print(p.__file__); print(p.builtin_prompts_dir())",
        cwd=tmp_path,
    ).splitlines()
    module, folder = Path(where[0]), Path(where[1])
    # The code and the packs both come from the environment, not the checkout.
    assert installed in module.parents and REPO not in module.parents
    assert folder == module.parent / "prompts"
    assert len(list(folder.glob("*.toml"))) == len(list((REPO / "prompts").glob("*.toml")))


def test_a_packaged_copy_wins_over_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a checkout there is no packaged copy, so the repo's folder is used...
    assert builtin_prompts_dir() == REPO / "prompts"
    # ...and once the package holds a prompts folder (as a wheel does), it comes first.
    package = tmp_path / "leadjournal"
    (package / "prompts").mkdir(parents=True)
    # (The folder is found by packnames, which completion reads without pydantic.)
    monkeypatch.setattr(packnames.resources, "files", lambda name: package)
    assert builtin_prompts_dir() == package / "prompts"
