"""Counting a GitHub listing loads no enry when nothing in it needs a file's content.

The TUI estimates language shares from a repository's file listing (no token, tree needed
anyway). A listing has names and sizes only, so lock files and other data (which never enter the
bar) must not send their names to enry's generated check: loading enry costs its Go runtime,
about 40 MB of the app's memory, for an answer that cannot change the bar.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from tui.analysis.languages import bytes_from_listing
listing = [
    ("package-lock.json", 90_000), ("pnpm-lock.yaml", 40_000), ("uv.lock", 30_000),
    ("poetry.lock", 20_000), ("Cargo.lock", 10_000), ("go.sum", 5_000),
    ("src/app.py", 1_200), ("web/index.ts", 800), ("README.md", 400), ("docs/guide.md", 300),
]
print(json.dumps({"bytes": bytes_from_listing(listing), "enry": "enry" in sys.modules}))
"""


def test_a_listing_of_code_and_lock_files_is_counted_without_enry() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    assert result["bytes"] == {"Python": 1_200, "TypeScript": 800}
    assert result["enry"] is False
