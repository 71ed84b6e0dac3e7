"""List a checkout's files as Linguist sees them: tracked by git, or a walk honouring .gitignore."""

from __future__ import annotations

import contextlib
import os
import time
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


_GIT_LS_FILES = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null")
"""A checkout is untrusted: its .git/config may name a program for git to run (core.fsmonitor),
so everything that could execute is switched off."""


def _git_files(root: Path) -> list[tuple[str, str]] | None:
    """``(mode, path)`` of every tracked file, or ``None`` when ``root`` is not in a work tree."""
    argv = ["git", *_GIT_LS_FILES, "-C", str(root), "ls-files", "-s", "-z"]
    output = _output(argv) if _CAN_SPAWN else _output_by_subprocess(argv)
    if output is None:
        return None
    files: list[tuple[str, str]] = []
    for record in output.split(b"\0"):
        if record:
            info, _, path = record.partition(b"\t")
            files.append((info.split(b" ", 1)[0].decode(), os.fsdecode(path)))
    return files


_CAN_SPAWN = hasattr(os, "posix_spawnp") and hasattr(os, "waitstatus_to_exitcode")


def _output(argv: list[str]) -> bytes | None:
    """What ``argv`` prints, if it starts and exits with 0 within ``GIT_TIMEOUT`` seconds.

    Spawned with ``os.posix_spawnp`` and read through a pipe, not through ``subprocess``: that
    module and what it imports (signal, selectors, locale) cost every ``repolens scan`` some
    2.5 ms, for one run of git. Its error output is discarded, as before.
    """
    read_end, write_end = os.pipe()  # neither is inherited but as the child's stdout
    try:
        null = os.open(os.devnull, os.O_RDWR)
        try:
            pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=_actions(write_end, null))
        finally:
            os.close(null)
    except OSError:  # git is missing
        os.close(read_end)
        return None
    finally:
        os.close(write_end)
    output = None
    try:
        output = _read_all(read_end, time.monotonic() + GIT_TIMEOUT)
    except OSError:
        pass  # a failed read: the walk instead
    finally:  # also when interrupted (Ctrl-C): git is stopped and reaped, as subprocess.run did
        os.close(read_end)
        status = _reaped(pid, stop=output is None)
    return output if output is not None and status == 0 else None


def _actions(stdout: int, null: int) -> list[tuple[int, int, int]]:
    """The child's descriptors: nothing to read, ``stdout`` for output, error output dropped."""
    return [
        (os.POSIX_SPAWN_DUP2, null, 0),
        (os.POSIX_SPAWN_DUP2, stdout, 1),
        (os.POSIX_SPAWN_DUP2, null, 2),
    ]


def _reaped(pid: int, *, stop: bool) -> int | None:
    """The exit code of the child ``pid`` (killed first when ``stop``); None if it is gone."""
    if stop:
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except ChildProcessError:  # reaped elsewhere (SIGCHLD ignored): its answer is unknown
        return None


def _read_all(fd: int, deadline: float) -> bytes | None:
    """Everything until the end of the pipe ``fd``, or ``None`` once ``deadline`` passes."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not poller.poll(remaining * 1000):
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _output_by_subprocess(argv: list[str]) -> bytes | None:
    """``_output`` where ``os.posix_spawnp`` is missing (Windows)."""
    import subprocess

    try:
        done = subprocess.run(argv, capture_output=True, check=False, timeout=GIT_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):  # git is missing, or stuck
        return None
    return done.stdout if done.returncode == 0 else None


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
