"""Launching programs the way a user does, for the start-up, memory and scan benchmarks.

Every child gets the same environment: bytecode cached in one temporary directory (the machine
sets ``PYTHONDONTWRITEBYTECODE``, and without cached bytecode each launch would recompile Textual,
which no installed app does) and no GitHub token from the environment. ``REPOLENS_BENCH_CODE=DIR``
runs the ``tui`` package found in DIR instead of this checkout's (an export of an earlier commit,
for before-and-after figures). Terminal launches run in a private tmux server (its own socket),
so other tmux sessions on the machine are never touched.
"""

from __future__ import annotations

import os
import resource
import shlex
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python")
REPOLENS = str(VENV_BIN / "repolens")


def code_root() -> Path:
    """Where the ``tui`` package under test lives (``REPOLENS_BENCH_CODE`` or this checkout).

    ``python -c`` children run there: their first import path is their working directory.
    """
    return Path(os.environ.get("REPOLENS_BENCH_CODE") or ROOT)


def child_env(pycache: Path, cache_dir: Path | None = None) -> dict[str, str]:
    """The environment of every launch (see the module docstring)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for name in ("GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"):
        env.pop(name, None)
    if cache_dir is not None:
        env["REPOLENS_CACHE_DIR"] = str(cache_dir)
    code = os.environ.get("REPOLENS_BENCH_CODE")
    if code:  # another checkout's code (say, the commit before a change), this venv's packages
        env["PYTHONPATH"] = code
    return env


def run_timed(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning ``argv`` until it exits (it must succeed), and the CPU seconds it
    used (user and system). On a machine shared with other work the CPU time moves far less
    than the wall time, which waits for the cores too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, cwd=code_root(), capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_once(argv: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``argv`` until it exits (it must succeed)."""
    return run_timed(argv, env)[0]


class Terminal:
    """A private tmux server in which programs are launched and their screens read."""

    def __init__(self, width: int = 100, height: int = 32) -> None:
        """Prepare a server on a socket of this process's own; nothing runs yet."""
        self.socket = f"repolens-bench-{os.getpid()}"
        self.size = (width, height)
        self._sessions = 0
        # one idle session keeps the server up, so no launch pays for starting tmux itself
        self._tmux("new-session", "-d", "-s", "keep", "sleep 86400")

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
        )
        return done.stdout

    def first_frame(
        self, argv: Sequence[str], env: dict[str, str], markers: Sequence[str], timeout: float = 30
    ) -> float:
        """Seconds from launching ``argv`` in a fresh pane until every marker is on its screen.

        The pane is polled with ``capture-pane`` (what is drawn, not what was written), then the
        session is killed.
        """
        self._sessions += 1
        name = f"s{self._sessions}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items() if "\n" not in k + v)
        command = f"env -i {exports} TERM=tmux-256color {shlex.join(argv)}"
        width, height = self.size
        start = time.perf_counter()
        self._tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)
        try:
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", name, check=False)
                elapsed = time.perf_counter() - start
                if all(marker in screen for marker in markers):
                    return elapsed
                if elapsed > timeout:
                    raise TimeoutError(f"{argv[-1]!r}: no first frame after {timeout} s:\n{screen}")
                time.sleep(0.002)
        finally:
            self._tmux("kill-session", "-t", name, check=False)

    def close(self) -> None:
        """Stop this benchmark's own tmux server."""
        self._tmux("kill-server", check=False)
