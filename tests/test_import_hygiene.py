"""The core never loads Textual at runtime, and ``repolens --json`` paths stay light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "module",
    ["tui.sources.github", "tui.sources.router", "tui.analysis.frameworks", "tui.cli.commands"],
)
def test_core_does_not_import_textual(module: str) -> None:
    """Importing a core module leaves Textual (and plotext) unloaded."""
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('textual', 'textual_plotext', 'plotext') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"{module} pulled in {out}"


def test_analysis_has_no_http_or_disk_cache() -> None:
    """tui.analysis is pure: no httpx, no diskcache."""
    code = (
        "import sys, tui.analysis.frameworks, tui.analysis.languages, tui.analysis.report; "
        "print(','.join(m for m in ('httpx', 'diskcache') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_import_contracts_hold() -> None:
    """The import-linter contracts in pyproject.toml are kept (the source-level check)."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
