"""Running the ``repolens`` command in-process against the test server, for CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.doubles.github_server import GitHubServer
from tui.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``repolens ARGV``; returns the exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def point_at(monkeypatch: pytest.MonkeyPatch, server: GitHubServer, tmp_path: Path) -> None:
    """Make ``repolens`` talk to ``server``, with its cache in ``tmp_path``."""
    monkeypatch.setenv("REPOLENS_API_URL", server.api_url)
    monkeypatch.setenv("REPOLENS_CACHE_DIR", str(tmp_path / "cache"))
