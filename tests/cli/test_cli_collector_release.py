"""The collector is on again (start-up frozen) while a command that runs on does its work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_a_remote_command_runs_with_the_collector_on(tmp_path: Path) -> None:
    """As the script: ``show OWNER/REPO`` goes on to the event loop (a census or the TUI run
    for long), so the collector is back on and start-up's objects are frozen by then."""
    code = (
        "import gc, json, sys\n"
        "import tui.cli.commands as commands\n"
        "seen = []\n"
        "async def watching(*args):\n"
        "    seen.append([gc.isenabled(), gc.get_freeze_count() > 0])\n"
        "    return 0\n"
        "commands.run_command = watching\n"
        "from tui.cli.main import main\n"
        "status = main()\n"
        "print(json.dumps({'status': status, 'seen': seen}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "show", "pallets/flask", "--json", "--offline"],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "REPOLENS_CACHE_DIR": str(tmp_path / "cache")},
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"status": 0, "seen": [[True, True]]}
