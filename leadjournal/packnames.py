"""The ids and titles of the exercises in a set of pack folders, read quickly.

For shell completion: TOML read with the standard library and nothing
checked (loading the packs properly validates every item, which costs more
than a Tab may take). A file that cannot be read is passed over.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

MAX_PACK_BYTES = 1024 * 1024


def builtin_prompts_dir() -> Path:
    """The folder of built-in packs.

    A wheel carries them inside the package (``leadjournal/prompts``, beside
    the ``prompts.py`` module: a folder without ``__init__.py`` never shadows
    a module of the same name). An editable install or a source checkout
    has no such copy, so the repo's top-level ``prompts/`` comes next.
    """
    packaged = resources.files("leadjournal") / "prompts"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


def exercise_names(extra_dirs: Sequence[Path] = ()) -> dict[str, str]:
    """Exercise id -> title, built-in packs first, a later folder's item replacing one."""
    names: dict[str, str] = {}
    for folder in [builtin_prompts_dir(), *extra_dirs]:
        try:
            files = sorted(folder.glob("*.toml"))
        except OSError:
            continue
        for path in files:
            try:
                if not path.is_file() or path.stat().st_size > MAX_PACK_BYTES:
                    continue
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeError, tomllib.TOMLDecodeError):
                continue
            items = raw.get("exercise", [])
            for item in items if isinstance(items, list) else []:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    title = item.get("title")
                    names[item["id"]] = title if isinstance(title, str) else ""
    return names
