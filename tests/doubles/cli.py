"""Running the ``repolens`` command in-process against the test server, for CLI tests."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.doubles.github_server import FakeClock, GitHubServer
from tui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``repolens ARGV``; returns the exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


TOKEN_VARIABLES = ("GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN")
"""Every variable repolens reads a token from (gh's names, github.com then Enterprise)."""


def without_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No token in the environment and no ``gh`` on the PATH to ask for one."""
    for name in TOKEN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-gh"))


def point_at(monkeypatch: pytest.MonkeyPatch, server: GitHubServer, tmp_path: Path) -> None:
    """Make ``repolens`` talk to ``server``, with its cache in ``tmp_path``."""
    monkeypatch.setenv("REPOLENS_API_URL", server.api_url)
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))


@contextmanager
def cli_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[GitHubServer]:
    """A fake GitHub on the real clock (the command reads it), no token, repolens pointed at it."""
    without_token(monkeypatch, tmp_path)
    with GitHubServer(FakeClock(datetime.now(UTC))).serving() as srv:
        point_at(monkeypatch, srv, tmp_path)
        yield srv


def main_in_child(
    argv: Sequence[str] | None,
    report: str,
    *,
    setup: str = "",
    script_argv: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> tuple[Any, str]:
    """Run ``repolens`` through ``tui.cli.main.main`` in a fresh interpreter (what it imports
    is then its own); returns the value of ``report`` there, and the child's error output.

    ``setup`` runs first (patches, things to watch). ``main(argv)`` is called with its printed
    output in ``out`` and its exit code in ``status``; ``argv`` None calls ``main()`` as the
    script does, with ``script_argv`` as the command line. ``report`` is a Python expression
    over ``status``, ``out`` and ``sys``, sent back as JSON.
    """
    code = (
        "import contextlib, io, json, sys\n"
        f"{setup}"
        "from tui.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    status = main({'' if argv is None else repr(list(argv))})\n"
        f"print(json.dumps({report}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *script_argv],
        capture_output=True,
        text=True,
        check=False,
        env=None if env is None else dict(env),
    )
    if done.returncode != 0:
        raise AssertionError(f"the child failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr
