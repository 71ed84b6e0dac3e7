"""The ``repolens`` script holds the garbage collector off while it starts (``tui.cli.collector``).

A program (or a test) that calls ``main`` with arguments keeps its collector as it was: nothing
frozen, nothing turned off.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from tests.doubles.cli import main_in_child, run


def test_main_with_arguments_leaves_the_callers_collector_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``repolens scan PATH`` run in-process: the collector is on and nothing was frozen."""
    (tmp_path / "app.py").write_text("import flask\n")
    frozen = gc.get_freeze_count()
    code, out, _ = run(capsys, "scan", str(tmp_path), "--json")
    assert code == 0
    assert json.loads(out)["languages"]
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_script_holds_the_collector_through_a_local_scan(tmp_path: Path) -> None:
    """As the script: ``scan PATH`` prints its answer and ends, so the collector stays off
    (nothing frozen yet: ``at_exit`` freezes it all), and the answer is still the whole one."""
    (tmp_path / "app.py").write_text("import flask\n")
    setup = (
        "import gc\n"
        "import tui.cli.local as local\n"
        "seen = []\n"
        "real = local.run_local\n"
        "def watching(*args):\n"
        "    seen.append([gc.isenabled(), gc.get_freeze_count() > 0])\n"
        "    return real(*args)\n"
        "local.run_local = watching\n"
    )
    result, _ = main_in_child(
        None,
        "{'status': status, 'seen': seen}",
        setup=setup,
        script_argv=["scan", str(tmp_path), "--json"],
    )
    assert result == {"status": 0, "seen": [[False, False]]}
