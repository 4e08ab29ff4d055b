"""The HTML brief in a real browser (headless Chromium), and ``brief --open``.

Chromium and pdfinfo are Debian packages that ``tests/system-deps.sh``
installs (the quick start's test command runs it first). Without them this
test fails, never skips: a brief nobody rendered is not known to work.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import struct
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from leadjournal import brief
from leadjournal.clock import FixedClock
from leadjournal.demo import build_demo
from leadjournal.journal import Journal
from leadjournal.store import Store

from .conftest import NOW, Cli

# Headless, and nothing that reaches the network: no background requests,
# component updates, sync or QUIC. As root Chromium needs --no-sandbox.
FLAGS = [
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
]
A4_POINTS = (595, 842)


def _program(*names: str) -> str:
    for name in names:
        if found := shutil.which(name):
            return found
    pytest.fail(f"{names[0]} is missing: run tests/system-deps.sh (it installs it with apt-get)")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """The demo journal's HTML brief, as a file."""
    store = Store.memory()
    clock = FixedClock(datetime.fromisoformat(NOW))
    build_demo(store, clock)
    html = brief.to_html(brief.build_brief(Journal(store, clock), 12))
    store.close()
    path = tmp_path / "brief.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[list[str]]:
    program = _program("chromium", "chromium-browser")
    profile = tmp_path / "chromium-profile"
    home = tmp_path / "chromium-home"
    home.mkdir()
    flags = [*FLAGS, f"--user-data-dir={profile}"]
    if os.geteuid() == 0:
        flags.append("--no-sandbox")
    yield [program, *flags]


def _run(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path / "chromium-home")}
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=180, check=False, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_the_browser_draws_the_charts_and_the_grid_as_svg(
    chromium: list[str], page: Path, tmp_path: Path
) -> None:
    dom = _run([*chromium, "--dump-dom", page.as_uri()], tmp_path).stdout
    svgs = re.findall(r"<svg\b[^>]*>.*?</svg>", dom, flags=re.S)
    labels = [re.search(r'aria-label="([^"]+)"', svg) for svg in svgs]
    assert [label.group(1) for label in labels if label] == [
        "Ratings over time",
        "The Managerial Grid with recent weeks",
    ]
    chart, grid = svgs
    assert chart.count("<polyline") >= 2 and chart.count("<circle") >= 10
    assert "results →" in grid and "relationships →" in grid
    assert grid.count("<circle") >= 10  # the weeks, and the ring round the latest
    assert "<script" not in dom


def test_the_brief_prints_on_one_or_two_a4_pages(
    chromium: list[str], page: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "brief.pdf"
    _run([*chromium, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()], tmp_path)
    info = subprocess.run(
        [_program("pdfinfo"), str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, flags=re.M)
    assert size is not None, info
    assert 1 <= pages <= 2, info
    assert (round(float(size.group(1))), round(float(size.group(2)))) == A4_POINTS, info


def test_a_screenshot_is_kept_in_the_tests_folder(
    chromium: list[str], page: Path, tmp_path: Path
) -> None:
    shot = tmp_path / "brief.png"
    _run([*chromium, f"--screenshot={shot}", "--window-size=1000,1800", page.as_uri()], tmp_path)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1000, 1800)
    assert len(data) > 50_000  # a drawn page, not a blank one


# -- brief --open ---------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import webbrowser

    seen: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        seen.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return seen


def test_open_writes_a_private_file_beside_the_journal_and_opens_it(
    cli: Cli, opened: list[str]
) -> None:
    cli.ok("write", "A week to look back on")
    run = cli.ok("brief", "--open")
    path = cli.db.with_name("journal.brief.html")
    assert opened == [path.resolve().as_uri()]
    assert path.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(path) in run.stdout
    # Again: the same file, replaced, with no --force needed.
    cli.ok("brief", "--open", "--weeks", "4")
    assert opened[-1] == opened[0] and len(opened) == 2


def test_open_with_output_opens_that_file(cli: Cli, opened: list[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.html"
    cli.ok("brief", "--open", "--output", str(target))
    assert opened == [target.resolve().as_uri()]
    assert "<svg" in target.read_text()


def test_open_is_for_the_html_brief(cli: Cli, opened: list[str]) -> None:
    run = cli("brief", "--open", "--format", "md")
    assert run.exit_code == 2 and "--format html" in run.stderr
    assert opened == []


def test_without_a_browser_it_says_where_the_file_is(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)
    run = cli.ok("brief", "--open")
    assert "open it yourself" in run.stdout
    assert cli.db.with_name("journal.brief.html").exists()
