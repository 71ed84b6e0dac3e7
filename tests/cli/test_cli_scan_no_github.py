"""``repolens scan`` as the script runs it loads no module of the GitHub side at all.

``test_cli_scan_imports`` names single modules; this one checks whole packages by prefix, so a
new ``tui.github`` module reached from the scan path (an error class, a URL helper) is caught.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.doubles.cli import main_in_child

FORBIDDEN_PREFIXES = ("tui.github", "tui.sources.base", "httpx", "diskcache", "asyncio", "sqlite3")
"""The GitHub client and everything under it, the sources' protocol module (it carries the
GitHub errors), the HTTP client, the disk cache and the event loop."""


def _loaded_after_scan(root: Path, *flags: str) -> tuple[int, list[str], str]:
    # httpx._main is a None placeholder set by tui.cli (a blocked import, not a load)
    report = (
        "[status, sorted(m for m, mod in sys.modules.items()"
        f" if mod is not None and m.startswith({FORBIDDEN_PREFIXES!r})), out.getvalue()]"
    )
    (status, loaded, printed), _ = main_in_child(
        None, report, script_argv=["scan", str(root), *flags]
    )
    return status, loaded, printed


def test_json_scan_loads_nothing_of_github(tmp_path: Path) -> None:
    """A checkout with a manifest (so detection runs): the answer, and no GitHub module."""
    (tmp_path / "api.py").write_text("from fastapi import FastAPI\n\napp = FastAPI()\n")
    (tmp_path / "requirements.txt").write_text("fastapi==0.110.0\nuvicorn\n")
    status, loaded, printed = _loaded_after_scan(tmp_path, "--json")
    report = json.loads(printed)
    assert status == 0
    assert [share["name"] for share in report["languages"]] == ["Python"]
    assert "FastAPI" in [framework["name"] for framework in report["frameworks"]]
    assert loaded == []


def test_text_scan_loads_nothing_of_github(tmp_path: Path) -> None:
    """The text answer too (its own presenter)."""
    (tmp_path / "main.go").write_text("package main\n\nfunc main() {}\n")
    status, loaded, printed = _loaded_after_scan(tmp_path)
    assert status == 0
    assert "Go" in printed
    assert loaded == []
