"""The collector is on again (start-up frozen) while a command that runs on does its work."""

from __future__ import annotations

from pathlib import Path

from tests.doubles.cli import main_in_child


def test_a_remote_command_runs_with_the_collector_on(tmp_path: Path) -> None:
    """As the script: ``show OWNER/REPO`` goes on to the event loop (a census or the TUI run
    for long), so the collector is back on and start-up's objects are frozen by then."""
    setup = (
        "import gc\n"
        "import tui.cli.commands as commands\n"
        "seen = []\n"
        "async def watching(*args):\n"
        "    seen.append([gc.isenabled(), gc.get_freeze_count() > 0])\n"
        "    return 0\n"
        "commands.run_command = watching\n"
    )
    result, _ = main_in_child(
        None,
        "{'status': status, 'seen': seen}",
        setup=setup,
        script_argv=["show", "pallets/flask", "--json", "--offline"],
        env={"PATH": "/usr/bin:/bin", "REPOLENS_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result == {"status": 0, "seen": [[True, True]]}
