"""``repolens scan`` loads what a scan needs and nothing of the GitHub side or the event loop.

Each check runs the command in a fresh interpreter and inspects ``sys.modules`` at the end (the
import-linter contracts read the source; this sees what loads at run time, lazy imports too).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

NOT_FOR_A_SCAN = (
    "asyncio",
    "concurrent.futures",
    "httpx",
    "diskcache",
    "tui.github.client",
    "tui.github.auth",
    "tui.search",
    "importlib.metadata",
    "textual",
)
"""The event loop, the HTTP client and cache, token discovery, offline search, the thread pool
module, the metadata reader (it loads the email package), the UI."""


def _run(code: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def _checkout(root: Path) -> Path:
    (root / "app").mkdir(parents=True)
    (root / "app" / "main.py").write_text("import flask\n\napp = flask.Flask(__name__)\n")
    (root / "pyproject.toml").write_text('[project]\nname = "shop"\ndependencies = ["flask"]\n')
    (root / "web.h").write_text("#include <stdio.h>\nint f(void);\n")
    return root


def test_scan_loads_no_event_loop_client_or_metadata(tmp_path: Path) -> None:
    """A whole scan (languages and frameworks) without the GitHub side's modules."""
    root = _checkout(tmp_path / "shop")
    code = (
        "import contextlib, io, json, sys\n"
        "from tui.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    status = main(['scan', {str(root)!r}, '--json'])\n"
        "report = json.loads(out.getvalue())\n"
        "print(json.dumps({'status': status,"
        " 'languages': [l['name'] for l in report['languages']],"
        " 'frameworks': [f['name'] for f in report['frameworks']],"
        f" 'loaded': [m for m in {list(NOT_FOR_A_SCAN)!r} if m in sys.modules]}}))"
    )
    result = _run(code)
    assert result["status"] == 0
    assert "Python" in result["languages"]  # type: ignore[operator]
    assert result["frameworks"] == ["Flask"]
    assert result["loaded"] == []
