"""Time leadjournal's commands as whole processes, beside jrnl, and write RESULTS.md.

    .venv/bin/python benchmarks/run.py --sizes 1k,10k,100k

Each command runs as its own process (what a person waits for), once to warm
the file cache and then ``--runs`` times; the median wall time and the peak
resident memory the kernel reports for the process (``os.wait4``) are kept.
jrnl is installed into ``benchmarks/.venv`` on first use (pass ``--no-jrnl``
to skip it) and runs with a throw-away HOME, so no real configuration or
journal is read or written. Every run works on a copy of the generated
journals, so the data in ``benchmarks/data/`` stays as generated.

Commands this checkout does not have yet are reported as "not available", so
the same runner can be re-run as commands land.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import pstats
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

RESULTS = HERE / "RESULTS.md"
JRNL_VENV = HERE / ".venv"
JRNL_REQUIREMENT = "jrnl==4.6"
NOTES_START = "<!-- notes:start -->"
NOTES_END = "<!-- notes:end -->"
MIB = 1024 * 1024


# -- what is measured ----------------------------------------------------------


# The floor, measured in the same run with the same interpreter and Typer:
# importing Typer, and a Typer app that does nothing (benchmarks/minimal_app.py).
TYPER = "import typer"
APP = "minimal app"
FLOORS = (TYPER, APP)
GROWTH_TARGET = 1.1  # an everyday command on the largest journal ÷ on the smallest


@dataclass(frozen=True)
class Bench:
    """One piece of work, as leadjournal does it and (where it can) as jrnl does it."""

    name: str
    leadjournal: Sequence[str] | None
    jrnl: Sequence[str] | None = None
    floor: str | None = None  # TYPER or APP: what ``ratio`` is measured against
    ratio: float | None = None  # median of paired runs ÷ the floor, on the largest journal
    target: float | None = None  # median seconds, for work on the whole journal
    memory_target: float | None = 30.0  # MiB; everyday commands
    everyday: bool = True  # held to GROWTH_TARGET from the smallest to the largest journal
    fresh_db: bool = False  # each run writes into a new, empty journal (import)
    probe: str | None = None  # run only if ``COMMAND --help`` says this (a newer option)
    jrnl_ratio: float | None = None  # jrnl's time ÷ ours, at least, on the largest journal

    def target_text(self) -> str:
        if self.ratio is not None and self.floor is not None:
            return f"≤ {self.ratio:g}× {self.floor}"
        return f"≤ {self.target:g} s" if self.target is not None else "–"


def benches(manifest: dict[str, Any], work: Path) -> list[Bench]:
    """The work list for one journal; ``{…}`` placeholders come from the manifest."""
    first, last = manifest["last_week_days"]
    year, number, _ = date.fromisoformat(first).isocalendar()
    last_week = f"{year}-W{number:02d}"
    word, tag = manifest["search_word"], manifest["filter_tag"]
    sample = manifest["sample_entry_id"][:8]
    note = "Asked before advising, twice today @feedback"
    export = str(work / "jrnl-export.json")
    reads = 8.0  # jrnl ÷ leadjournal, at least, for reading back at the largest size
    return [
        Bench("--help", ["--help"], ["--help"], TYPER, 1.2, memory_target=None),
        Bench("--version", ["--version"], ["--version"], TYPER, 1.2, memory_target=None),
        Bench(
            "log --last-week",
            ["log", "--last-week"],
            ["-from", first, "-to", last],
            APP,
            1.0,
            jrnl_ratio=reads,
        ),
        Bench("last 10 entries", ["log", "--limit", "10"], ["-n", "10"], jrnl_ratio=reads),
        Bench(
            "filter by tag (newest 10)",
            ["log", "--weeks", "104", "--tag", tag, "--limit", "10"],
            ["-n", "10", f"@{tag}"],
            jrnl_ratio=reads,
        ),
        Bench("show ID", ["show", sample], floor=APP, ratio=1.0),
        Bench(f"show {last_week}", ["show", last_week], floor=APP, ratio=1.2, probe="WEEK"),
        Bench(
            "search WORD",
            ["search", word],
            ["-contains", word, "-n", "20"],
            APP,
            1.2,
            jrnl_ratio=reads,
        ),
        Bench("commitments", ["commitments"], floor=APP, ratio=1.0),
        Bench("trends --weeks 52", ["trends", "--weeks", "52"], floor=APP, ratio=1.2),
        Bench("trends --json", ["trends", "--json"], floor=APP, ratio=1.2),
        Bench("write (add one entry)", ["write", note], [note], APP, 1.0, jrnl_ratio=1000.0),
        Bench(
            "review (from flags)",
            [
                "review",
                "--results",
                "7",
                "--relationships",
                "4",
                "--reflection",
                "Shipped on time, but I rushed people",
                "--win",
                "The launch",
                "--win-by",
                "platform team",
                "--commit",
                "One-on-ones with the three new hires",
                "--replace",
                "--yes",  # off a terminal, --replace asks for it
            ],
            floor=APP,
            ratio=1.6,
        ),
        Bench(
            "export --format json (all)",
            ["export", "--format", "json"],
            ["--format", "json"],
            target=5.0,
            memory_target=80.0,
            everyday=False,
        ),
        Bench(
            "import jrnl JSON export",
            ["import", export, "--from", "jrnl"],
            target=20.0,
            memory_target=None,
            everyday=False,
            fresh_db=True,
        ),
    ]


# -- running one process ---------------------------------------------------------


# The process that starts each measured command. ru_maxrss survives exec on
# Linux, so a command started straight from this (large) runner would report
# the runner's memory as its own peak; this launcher is a bare interpreter of
# about 10 MiB, below any Python program's own peak.
LAUNCHER = """
import json, os, signal, sys, time
argv, env, err_path, timeout = json.loads(sys.argv[1])
actions = [
    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_OPEN, 2, err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
]
started = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, env, file_actions=actions)
signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
signal.alarm(max(1, int(timeout)))
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
signal.alarm(0)
print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]))
"""


@dataclass
class Run:
    seconds: float
    peak_mib: float
    exit_code: int
    stderr: str


def run_once(argv: Sequence[str], env: dict[str, str], timeout: float) -> Run:
    """Run a whole process; wall time around spawn and exit, peak RSS from the kernel."""
    with tempfile.TemporaryDirectory() as folder:
        err = Path(folder) / "stderr"
        request = json.dumps([list(argv), env, str(err), timeout])
        done = subprocess.run(
            [sys.executable, "-I", "-S", "-c", LAUNCHER, request],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, max_rss, exit_code = json.loads(done.stdout)
        stderr = err.read_text(encoding="utf-8", errors="replace") if err.exists() else ""
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = max_rss / MIB if sys.platform == "darwin" else max_rss * 1024 / MIB
    return Run(seconds, peak, exit_code, stderr)


@dataclass
class Measurement:
    status: str = "ok"  # ok, not available, failed, skipped, timed out
    times: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "times": [round(t, 4) for t in self.times],
            "median": round(self.median, 4) if self.ok else None,
            "peak_mib": round(self.peak_mib, 1),
            "detail": self.detail,
        }


@dataclass
class Job:
    """One command of one tool, run again and again."""

    argv: Sequence[str]
    env: dict[str, str]
    before: Callable[[], None] | None = None
    result: Measurement = field(default_factory=Measurement)

    def once(self, timeout: float) -> Run | None:
        """One run; ``None`` (and the result marked) when it failed or hung."""
        if self.before is not None:
            self.before()
        run = run_once(self.argv, self.env, timeout)
        if run.seconds >= timeout:
            self.result = Measurement("timed out", detail=f"over {timeout:.0f} s")
            return None
        if run.exit_code != 0:
            line = next((s for s in run.stderr.splitlines() if s.strip()), "")
            self.result = Measurement("failed", detail=f"exit {run.exit_code}: {line[:120]}")
            return None
        self.result.peak_mib = max(self.result.peak_mib, run.peak_mib)
        return run


def measure_all(
    jobs: Sequence[Job], *, runs: int, warmup: int, timeout: float, slow: float
) -> None:
    """Median of ``runs`` after ``warmup``, taken in rounds across all jobs.

    Round-robin rather than one command's runs back to back: on a shared
    machine a burst of other work then slows one run of every command, not
    every run of one command. A warm-up slower than ``slow`` seconds is itself
    the one measurement (jrnl adding an entry to 100k entries takes minutes).
    """
    active = list(jobs)
    for _ in range(warmup):
        for job in list(active):
            run = job.once(timeout)
            if run is None:
                active.remove(job)
            elif run.seconds > slow:
                job.result.times.append(run.seconds)
                job.result.detail = "1 cold run (slow)"
                active.remove(job)
    for _ in range(runs):
        for job in list(active):
            run = job.once(timeout)
            if run is None:
                active.remove(job)
            else:
                job.result.times.append(run.seconds)


# -- the journals' working copies and environments ---------------------------------


@dataclass
class Workspace:
    root: Path
    manifest: dict[str, Any]
    jrnl_version: str | None

    @property
    def db(self) -> Path:
        return self.root / "journal.db"

    def env(self, **extra: str) -> dict[str, str]:
        home = self.root / "home"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8",
            "TZ": "UTC",
            "COLUMNS": "100",
            "LEADJOURNAL_HOME": str(home / "leadjournal"),
            "LEADJOURNAL_DB": str(self.db),
            "LEADJOURNAL_NOW": self.manifest["now"],
        }
        env.update(extra)
        return env


def prepare(data: Path, scratch: Path, jrnl_version: str | None) -> Workspace:
    """Copy one size's generated journals into ``scratch``, with a jrnl config."""
    manifest = json.loads((data / "manifest.json").read_text())
    if scratch.exists():
        shutil.rmtree(scratch)
    (scratch / "jrnl").mkdir(parents=True)
    shutil.copy2(data / "journal.db", scratch / "journal.db")
    shutil.copy2(data / "jrnl" / "journal.txt", scratch / "jrnl" / "journal.txt")
    shutil.copy2(data / "jrnl-export.json", scratch / "jrnl-export.json")
    config = scratch / "home" / ".config" / "jrnl"
    config.mkdir(parents=True)
    (scratch / "home" / "leadjournal").mkdir(mode=0o700)
    # jrnl's own defaults, except the time format, which matches the journal's
    # "[YYYY-MM-DD HH:MM]" stamps; highlight and colours as jrnl ships them.
    (config / "jrnl.yaml").write_text(
        f"""colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: true
indent_character: '|'
journals:
  default:
    journal: {scratch / "jrnl" / "journal.txt"}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v{jrnl_version or "4.6"}
""",
        encoding="utf-8",
    )
    return Workspace(scratch, manifest, jrnl_version)


# -- tools ------------------------------------------------------------------------------


def leadjournal_command() -> list[str]:
    script = Path(sys.executable).parent / "leadjournal"
    return [str(script)] if script.exists() else [sys.executable, "-m", "leadjournal"]


def ensure_jrnl(wanted: bool) -> tuple[list[str] | None, str | None]:
    """jrnl in the benchmark's own virtual environment, installed on first use."""
    if not wanted:
        return None, None
    binary = JRNL_VENV / "bin" / "jrnl"
    if not binary.exists():
        print(f"installing {JRNL_REQUIREMENT} into {JRNL_VENV} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run(
            [str(JRNL_VENV / "bin" / "python"), "-m", "pip", "install", "-q", JRNL_REQUIREMENT],
            check=True,
        )
    out = subprocess.run(
        [str(binary), "--version"], capture_output=True, text=True, env={"HOME": "/nonexistent"}
    ).stdout
    match = re.search(r"v?(\d+\.\d+(?:\.\d+)?)", out)
    return [str(binary)], match.group(1) if match else "unknown"


def available_commands(
    names: set[str], env: dict[str, str], program: Sequence[str]
) -> dict[str, str | None]:
    """Each top-level command's help, or None where ``program`` has no such command."""
    found: dict[str, str | None] = {}
    for name in sorted(names):
        done = subprocess.run(
            [*program, name, "--help"],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        found[name] = done.stdout if done.returncode == 0 else None
    return found


def runnable(bench: Bench, helps: dict[str, str | None]) -> bool:
    assert bench.leadjournal is not None
    command = bench.leadjournal[0]
    if command.startswith("-"):
        return True
    text = helps.get(command)
    return text is not None and (bench.probe is None or bench.probe in text)


def floor_jobs(env: dict[str, str]) -> dict[str, Job]:
    """The floor commands, with this interpreter (and so this Typer)."""
    python = sys.executable
    return {
        TYPER: Job([python, "-c", "import typer"], env),
        APP: Job([python, str(HERE / "minimal_app.py"), "--name", "Maya", "--loud"], env),
    }


def paired(ours: Measurement | None, other: Measurement | None) -> float | None:
    """Median of run-by-run ratios: runs of one round ran side by side."""
    if ours is None or other is None or not (ours.ok and other.ok):
        return None
    count = min(len(ours.times), len(other.times))
    pairs = zip(ours.times[-count:], other.times[-count:], strict=True)
    return statistics.median(a / b for a, b in pairs) if count else None


def growth(
    results: dict[str, dict[str, dict[str, Measurement]]], labels: list[str], name: str
) -> float | None:
    """A command's median on the largest journal ÷ on the smallest."""
    if len(labels) < 2:
        return None
    small = results[labels[0]][name]["leadjournal"]
    big = results[labels[-1]][name]["leadjournal"]
    return big.median / small.median if small.ok and big.ok else None


def misses(
    bench: Bench,
    m: Measurement,
    floors: dict[str, Measurement],
    grew: float | None,
) -> list[str]:
    """The targets a measured command does not meet."""
    missed = []
    if bench.ratio is not None and bench.floor is not None:
        ratio = paired(m, floors.get(bench.floor))
        if ratio is not None and ratio > bench.ratio:
            missed.append("time")
    if bench.target is not None and m.median > bench.target:
        missed.append("time")
    if bench.memory_target is not None and m.peak_mib > bench.memory_target:
        missed.append("memory")
    if bench.everyday and grew is not None and grew > GROWTH_TARGET:
        missed.append("growth")
    return missed


# -- profiles ---------------------------------------------------------------------------


def _tidy_paths(text: str) -> str:
    """Make paths in a profile relative, so it reads the same on every machine."""
    for prefix, label in (
        (sysconfig.get_paths()["purelib"] + "/", ""),
        (sysconfig.get_paths()["stdlib"] + "/", "<stdlib>/"),
        (str(ROOT) + "/", ""),
    ):
        text = text.replace(prefix, label)
    return text


def import_profile(args: Sequence[str], env: dict[str, str]) -> str:
    """The slowest top-level imports of one command, from ``python -X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "leadjournal", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    tops: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match.group(3)) == 1:  # one space: imported by the program itself
            tops.append((int(match.group(2)), int(match.group(1)), match.group(4)))
    total = sum(cumulative for cumulative, _, _ in tops)
    lines = [f"total import time {total / 1000:.0f} ms; slowest top-level imports:"]
    for cumulative, _, name in sorted(tops, reverse=True)[:12]:
        lines.append(f"  {cumulative / 1000:7.1f} ms  {name}")
    return "\n".join(lines)


def call_profile(args: Sequence[str], env: dict[str, str], limit: int = 18) -> str:
    """Where one command's time goes, from cProfile: by cumulative and by own time.

    The import machinery's frames are left out (``-X importtime`` above covers
    imports), so what remains is the command's own work.
    """
    noise = (
        "<frozen importlib",
        "builtins.exec}",
        "builtins.__import__}",
        "<frozen runpy>",
        "<string>:1(<module>)",
        "_handle_fromlist",
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "profile.out"
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "leadjournal", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not out.exists():
            return "(no profile written)"
        parts = []
        for order, count in (("cumulative", limit), ("tottime", 10)):
            text = io.StringIO()
            pstats.Stats(str(out), stream=text).sort_stats(order).print_stats(200)
            body = text.getvalue()
            lines = body[body.find("   ncalls") :].splitlines() if "   ncalls" in body else []
            kept = [
                line for line in lines[1:] if line.strip() and not any(n in line for n in noise)
            ]
            total = next((line for line in body.splitlines() if "function calls" in line), "")
            parts.append(f"sorted by {order} ({total.strip()}):\n{lines[0] if lines else ''}")
            parts.append("\n".join(kept[:count]))
    return _tidy_paths("\n".join(parts))


# -- the report ----------------------------------------------------------------------


def _s(m: Measurement | None) -> str:
    if m is None:
        return "–"
    if not m.ok:
        return m.status
    value = m.median
    text = f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return text + ("¹" if m.detail else "")


def _mib(m: Measurement | None) -> str:
    return f"{m.peak_mib:.0f}" if m is not None and m.ok else "–"


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def report(
    results: dict[str, dict[str, dict[str, Measurement]]],
    labels: list[str],
    baseline: Measurement,
    jrnl_version: str | None,
    settings: dict[str, Any],
    profiles: list[tuple[str, str, str, str]],
    notes: str,
) -> str:
    big = labels[-1]
    small = labels[0]
    names = list(results[big])
    meta = {b.name: b for b in settings["benches"]}
    out: list[str] = []
    add = out.append
    add("# Benchmarks\n")
    add(
        "Whole-process wall time, median of "
        f"{settings['runs']} runs after {settings['warmup']} warm-up, and peak resident memory "
        "from the kernel. Regenerate with `.venv/bin/python benchmarks/run.py "
        f"--sizes {','.join(labels)}`; it rewrites this file and keeps the notes below.\n"
    )
    add(f"- Machine: {machine_line()}")
    add(f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    add(
        "- Load average (1 min) at start and end: "
        f"{settings['load'][0]:.2f} → {os.getloadavg()[0]:.2f} (other work on the machine "
        "shows up as noise; compare the fastest run when medians look odd)"
    )
    add(
        "- jrnl: "
        + (f"{jrnl_version} (default settings, minute time format)" if jrnl_version else "skipped")
    )
    add(f"- `python -c pass`: {_s(baseline)} s, {_mib(baseline)} MiB")
    add(
        "- Journals: generated by `benchmarks/generate.py`; two years of weekly reviews "
        "(ratings, reflection, win, commitment and follow-up), an exercise every eight weeks "
        "and about 1,000 reflections in those two years, then older history up to the size; "
        "jrnl gets the same entries as text.\n"
    )
    add(
        "¹ one cold run: the warm-up alone took longer than "
        f"{settings['slow']:.0f} s, so it is the measurement.\n"
    )

    floors: dict[str, dict[str, Measurement]] = settings["floors"]
    add(f"## Targets, on the {big} journal\n")
    add(
        "Ratios are the median of paired runs (each run of a command ÷ the floor's run "
        "in the same round); the floors ran in the same rounds: "
        + ", ".join(
            f"`{floor}` {_s(floors[big][floor])} s ({_mib(floors[big][floor])} MiB)"
            for floor in FLOORS
        )
        + ".\n"
    )
    add(
        f"| command | target | median s | × floor | peak MiB | memory target "
        f"| growth {small}→{big} | met |"
    )
    add("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in names:
        bench = meta[name]
        m = results[big][name]["leadjournal"]
        grew = growth(results, labels, name)
        ratio = paired(m, floors[big].get(bench.floor)) if bench.floor is not None else None
        if m.ok:
            missed = misses(bench, m, floors[big], grew)
            verdict = "yes" if not missed else "**no** (" + ", ".join(missed) + ")"
        else:
            verdict = m.status
        add(
            f"| `{name}` | {bench.target_text()} | {_s(m)} | "
            f"{f'{ratio:.2f}×' if ratio is not None else '–'} | {_mib(m)} | "
            f"{f'≤ {bench.memory_target:g}' if bench.memory_target else '–'} | "
            f"{f'{grew:.2f}×' if grew is not None else '–'}"
            f"{f' (≤ {GROWTH_TARGET:g}×)' if bench.everyday and grew is not None else ''} | "
            f"{verdict} |"
        )
    add("")

    against = settings.get("against")
    if against:
        add(f"## Against another build, on the {big} journal\n")
        add(
            f"`{against}` ran in the same rounds on a copy of the same journal; the ratio "
            "is the median of paired runs (this build's run ÷ the other's).\n"
        )
        add("| command | this build s | other s | this ÷ other | this MiB | other MiB |")
        add("| --- | --- | --- | --- | --- | --- |")
        for name in names:
            ours = results[big][name]["leadjournal"]
            theirs = results[big][name].get("against")
            ratio = paired(ours, theirs)
            add(
                f"| `{name}` | {_s(ours)} | {_s(theirs)} | "
                f"{f'{ratio:.2f}×' if ratio is not None else '–'} | {_mib(ours)} | "
                f"{_mib(theirs)} |"
            )
        add("")

    add("## Every command at every size (median seconds; peak MiB)\n")
    header = (
        "| command | "
        + " | ".join(labels)
        + f" | fastest run ({big})"
        + f" | growth {small}→{big} | peak MiB ({big}) | × `python -c pass` ({big}) |"
    )
    add(header)
    add("| --- " * (len(labels) + 5) + "|")
    for name in names:
        cells = [_s(results[label][name]["leadjournal"]) for label in labels]
        m = results[big][name]["leadjournal"]
        cells.append(f"{min(m.times):.3f}" if m.ok else "–")
        grew = growth(results, labels, name)
        change = f"{grew:.2f}×" if grew is not None else "–"
        ratio = f"{m.median / baseline.median:.1f}×" if m.ok and baseline.ok else "–"
        add(f"| `{name}` | " + " | ".join(cells) + f" | {change} | {_mib(m)} | {ratio} |")
    add("")

    if jrnl_version:
        add(f"## Against jrnl {jrnl_version} (median seconds; jrnl ÷ leadjournal)\n")
        add(
            "| work | "
            + " | ".join(f"leadjournal {x} | jrnl {x} | ratio {x}" for x in labels)
            + f" | target ({big}) | jrnl peak MiB ({big}) | leadjournal peak MiB ({big}) |"
        )
        add("| --- " * (3 * len(labels) + 4) + "|")
        for name in names:
            if meta[name].jrnl is None:
                continue
            cells = []
            for label in labels:
                ours = results[label][name]["leadjournal"]
                theirs = results[label][name].get("jrnl")
                ratio = (
                    f"{theirs.median / ours.median:.1f}×"
                    if ours.ok and theirs is not None and theirs.ok
                    else "–"
                )
                cells += [_s(ours), _s(theirs), ratio]
            wanted = meta[name].jrnl_ratio
            add(
                f"| `{name}` | "
                + " | ".join(cells)
                + f" | {f'≥ {wanted:g}×' if wanted else '–'}"
                + f" | {_mib(results[big][name].get('jrnl'))} | "
                f"{_mib(results[big][name]['leadjournal'])} |"
            )
        add("")
        add(
            "jrnl's commands: `-from D -to D` (last week), `-n 10`, `-n 10 @tag`, "
            '`-contains WORD -n 20`, `"text"` (add), `--format json` (export).\n'
        )

    if profiles:
        add(f"## Profiles of the targets not met ({big})\n")
        for name, args, imports, calls in profiles:
            add(f"### `{name}`\n")
            add(f"`leadjournal {args}`\n")
            add("```text")
            add(imports)
            add("```\n")
            add("```text")
            add(calls)
            add("```\n")

    add("## Notes\n")
    add(NOTES_START)
    add(notes.strip("\n") if notes.strip() else "(none yet)")
    add(NOTES_END)
    return "\n".join(out) + "\n"


def existing_notes(path: Path) -> str:
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(NOTES_START), text.find(NOTES_END)
    if start < 0 or end < 0:
        return ""
    return text[start + len(NOTES_START) : end]


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- main -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated, e.g. 1k,10k")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (median)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first")
    parser.add_argument("--no-jrnl", action="store_true", help="measure leadjournal only")
    parser.add_argument("--no-profiles", action="store_true", help="skip profiles of misses")
    parser.add_argument(
        "--slow", type=float, default=30.0, help="a warm-up slower than this (s) is the only run"
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per process")
    parser.add_argument("--data", type=Path, default=generate.DATA, help="journals folder")
    parser.add_argument("--results", type=Path, default=RESULTS, help="report to write")
    parser.add_argument("--only", default="", help="comma-separated substrings of command names")
    parser.add_argument(
        "--against",
        default="",
        help="another build's leadjournal program, run in the same rounds for paired ratios",
    )
    args = parser.parse_args(argv)

    sizes = [generate.parse_size(s) for s in args.sizes.split(",")]
    labels = [generate.size_label(s) for s in sizes]
    jrnl, jrnl_version = ensure_jrnl(not args.no_jrnl)
    load = os.getloadavg()
    lj = leadjournal_command()
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]

    floor = Job([sys.executable, "-c", "pass"], dict(os.environ))
    measure_all([floor], runs=max(args.runs, 5), warmup=1, timeout=60, slow=60)
    baseline = floor.result
    log(f"python -c pass: {_s(baseline)} s")
    results: dict[str, dict[str, dict[str, Measurement]]] = {}
    floors: dict[str, dict[str, Measurement]] = {}
    profiles: list[tuple[str, str, str, str]] = []
    all_benches: list[Bench] = []
    args.data.mkdir(parents=True, exist_ok=True)
    # Working copies live beside the data (git-ignored), not in a small /tmp.
    with tempfile.TemporaryDirectory(prefix="work-", dir=args.data) as tmp:
        for size, label in zip(sizes, labels, strict=True):
            generate.ensure(size, root=args.data)
            space = prepare(args.data / label, Path(tmp) / label, jrnl_version)
            work = benches(space.manifest, space.root)
            all_benches = work
            if wanted:
                work = [b for b in work if any(w in b.name for w in wanted)]
            names = {
                b.leadjournal[0]
                for b in work
                if b.leadjournal and not b.leadjournal[0].startswith("-")
            }
            have = available_commands(names, space.env(), lj)
            # Bring the copied journal to today's schema before anything is
            # timed: otherwise the first command's warm-up migrates it, and the
            # migration's memory would count as that command's peak.
            subprocess.run(
                [*lj, "log", "--limit", "1"],
                env=space.env(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            other = [args.against] if args.against else None
            theirs = available_commands(names, space.env(), other) if other else {}
            jobs: dict[tuple[str, str], Job] = {}
            for floor_name, floor_job in floor_jobs(space.env()).items():
                jobs[floor_name, "floor"] = floor_job
            for bench in work:
                assert bench.leadjournal is not None
                if runnable(bench, have):
                    env = space.env()
                    before = None
                    if bench.fresh_db:
                        target = space.root / "imported.db"
                        env = space.env(LEADJOURNAL_DB=str(target))

                        def before(target: Path = target) -> None:
                            for stale in target.parent.glob(target.name + "*"):
                                stale.unlink()

                    jobs[bench.name, "leadjournal"] = Job([*lj, *bench.leadjournal], env, before)
                    if other and runnable(bench, theirs):
                        jobs[bench.name, "against"] = Job([*other, *bench.leadjournal], env, before)
                if bench.jrnl is not None and jrnl is not None:
                    jobs[bench.name, "jrnl"] = Job([*jrnl, *bench.jrnl], space.env())
            log(f"{label}: {len(jobs)} commands, {args.runs} rounds after {args.warmup} warm-up …")
            measure_all(
                list(jobs.values()),
                runs=args.runs,
                warmup=args.warmup,
                timeout=args.timeout,
                slow=args.slow,
            )
            results[label] = {}
            floors[label] = {name: jobs[name, "floor"].result for name in FLOORS}
            for name in FLOORS:
                log(f"{label:>5}  floor: {name:<25} {_s(floors[label][name]):>13}")
            for bench in work:
                row: dict[str, Measurement] = {}
                job = jobs.get((bench.name, "leadjournal"))
                row["leadjournal"] = job.result if job else Measurement("not available")
                if bench.jrnl is not None:
                    job = jobs.get((bench.name, "jrnl"))
                    row["jrnl"] = job.result if job else Measurement("skipped")
                if other:
                    job = jobs.get((bench.name, "against"))
                    row["against"] = job.result if job else Measurement("not available")
                results[label][bench.name] = row
                log(
                    f"{label:>5}  {bench.name:<32} leadjournal {_s(row['leadjournal']):>13}"
                    f"  {_mib(row['leadjournal']):>4} MiB"
                    + (
                        f"   jrnl {_s(row['jrnl']):>10} {_mib(row['jrnl']):>4} MiB"
                        if "jrnl" in row
                        else ""
                    )
                )
            if label == labels[-1] and not args.no_profiles:
                for bench in work:
                    m = results[label][bench.name]["leadjournal"]
                    if not m.ok:
                        continue
                    grew = growth(results, labels, bench.name)
                    if misses(bench, m, floors[label], grew):
                        assert bench.leadjournal is not None
                        env = space.env()
                        log(f"profiling {bench.name} …")
                        profiles.append(
                            (
                                bench.name,
                                " ".join(bench.leadjournal),
                                _tidy_paths(import_profile(bench.leadjournal, env)),
                                call_profile(bench.leadjournal, env),
                            )
                        )
    settings = {
        "load": load,
        "runs": args.runs,
        "warmup": args.warmup,
        "slow": args.slow,
        "benches": all_benches,
        "floors": floors,
        "against": args.against,
    }
    text = report(
        results, labels, baseline, jrnl_version, settings, profiles, existing_notes(args.results)
    )
    args.results.write_text(text, encoding="utf-8")
    raw = {
        label: {name: {tool: m.as_dict() for tool, m in row.items()} for name, row in rows.items()}
        for label, rows in results.items()
    }
    args.results.with_suffix(".json").write_text(
        json.dumps(
            {
                "python_pass": baseline.as_dict(),
                "floors": {
                    label: {name: m.as_dict() for name, m in row.items()}
                    for label, row in floors.items()
                },
                "jrnl": jrnl_version,
                "against": args.against or None,
                "results": raw,
            },
            indent=2,
        )
        + "\n"
    )
    log(f"wrote {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
