"""What the app imports before its first frame: Textual and its screens, not the GitHub stack.

``run_tui`` draws first and builds the source in a worker afterwards; a screen module importing
the census's judging, the HTTP client or the framework rules at module level would put the disk
cache (SQLite), the client and about 35 ms of rule loading back on the way to the first frame.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "diskcache",
    "sqlite3",
    "tui.github.client",
    "tui.github.cache",
    "tui.sources.github",
    "tui.sources.census_filter",
    "tui.analysis.rules",
    "tui.analysis.verdict",
    "packaging",
    "plotext",
    "enry",
)

PROBE = f"""
import json, sys
import tui.cli.run_app, tui.ui.app  # what `repolens` imports before the app runs
print(json.dumps([name for name in {HEAVY!r} if sys.modules.get(name) is not None]))
"""


def test_the_app_modules_load_without_the_github_stack() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
