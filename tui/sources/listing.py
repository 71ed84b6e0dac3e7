"""List a checkout's files as Linguist sees them: tracked by git, or a walk honouring .gitignore."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only a walk (no git work tree) needs it: imported there
    import pathspec

from tui.sources.safe_read import read_regular_text

#: Seconds ``git ls-files`` may take before the scan walks the tree itself.
GIT_TIMEOUT = 60
#: A ``.gitignore`` is read only this far (real ones are a few KB).
MAX_IGNORE_BYTES = 1024 * 1024


def _git_files(root: Path) -> list[tuple[str, str]] | None:
    """``(mode, path)`` of every tracked file, or ``None`` when ``root`` is not in a work tree."""
    try:
        done = subprocess.run(
            # a checkout is untrusted: its .git/config may name a program for git to run
            # (core.fsmonitor), so switch off everything that could execute
            [
                "git",
                "-c",
                "core.fsmonitor=false",
                "-c",
                "core.hooksPath=/dev/null",
                "-C",
                str(root),
                "ls-files",
                "-s",
                "-z",
            ],
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired):  # git is missing, or stuck
        return None
    if done.returncode != 0:
        return None
    files: list[tuple[str, str]] = []
    for record in done.stdout.split(b"\0"):
        if record:
            info, _, path = record.partition(b"\t")
            files.append((info.split(b" ", 1)[0].decode(), os.fsdecode(path)))
    return files


def _ignore_spec(directory: Path) -> pathspec.GitIgnoreSpec | None:
    import pathspec  # loads only when a checkout is walked

    # a FIFO or device named .gitignore must not block the walk: regular files only
    lines = read_regular_text(directory / ".gitignore", MAX_IGNORE_BYTES)
    if lines is None:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines.splitlines())


def _walk_files(root: Path) -> Iterator[tuple[str, str]]:
    """``("", path)`` of every file under ``root`` not ignored by a ``.gitignore``."""
    specs: list[tuple[str, pathspec.GitIgnoreSpec]] = []
    for current, dirs, files in os.walk(root):
        rel = Path(current).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        spec = _ignore_spec(Path(current))
        if spec is not None:
            specs.append((prefix, spec))

        def ignored(path: str) -> bool:
            return any(
                path.startswith(base) and spec.match_file(path[len(base) :]) for base, spec in specs
            )

        dirs[:] = sorted(d for d in dirs if d != ".git" and not ignored(f"{prefix}{d}/"))
        yield from (("", prefix + name) for name in sorted(files) if not ignored(prefix + name))


def listing_of(root: Path) -> tuple[str, list[tuple[str, str]]]:
    """How the files were listed, and ``(git mode or "", path)`` of each."""
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    # an untracked directory inside some other work tree lists nothing: walk it instead
    tracked = _git_files(root) or None
    if tracked is not None:
        return "git ls-files", tracked
    return "walk honouring .gitignore", list(_walk_files(root))


def list_files(path: Path) -> list[str]:
    """Relative, slash-separated paths of a checkout's files, listed as ``scan_checkout`` does.

    Tracked files in a git work tree (submodules left out), else a walk honouring .gitignore.
    """
    return [name for mode, name in listing_of(path.resolve())[1] if mode != "160000"]
