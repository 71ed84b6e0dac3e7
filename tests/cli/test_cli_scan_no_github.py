"""``repolens scan`` as the script runs it loads no module of the GitHub side at all.

``test_cli_scan_imports`` names single modules; this one checks whole packages by prefix, so a
new ``tui.github`` module reached from the scan path (an error class, a URL helper) is caught.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FORBIDDEN_PREFIXES = ("tui.github", "tui.sources.base", "httpx", "diskcache", "asyncio", "sqlite3")
"""The GitHub client and everything under it, the sources' protocol module (it carries the
GitHub errors), the HTTP client, the disk cache and the event loop."""


def _loaded_after_scan(root: Path, *flags: str) -> tuple[int, list[str], str]:
    code = (
        "import contextlib, io, json, sys\n"
        "from tui.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    status = main()\n"
        f"prefixes = {FORBIDDEN_PREFIXES!r}\n"
        # httpx._main is a None placeholder set by tui.cli (a blocked import, not a load)
        "loaded = sorted(m for m, mod in sys.modules.items()"
        " if mod is not None and m.startswith(prefixes))\n"
        "print(json.dumps([status, loaded, out.getvalue()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "scan", str(root), *flags],
        capture_output=True,
        text=True,
        check=True,
    )
    status, loaded, printed = json.loads(done.stdout.strip().splitlines()[-1])
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
