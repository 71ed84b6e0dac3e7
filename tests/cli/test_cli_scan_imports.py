"""``repolens scan`` loads what a scan needs and nothing of the GitHub side or the event loop.

Each check runs the command in a fresh interpreter and inspects ``sys.modules`` at the end (the
import-linter contracts read the source; this sees what loads at run time, lazy imports too).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.doubles.cli import main_in_child

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

RECORD_MACHINERY = ("dataclasses", "inspect")
"""``dataclasses`` loads ``inspect`` (with ``ast``, ``dis`` and ``tokenize``) and builds each class
several times slower than ``typing.NamedTuple``: the records a scan makes are named tuples. (A
tree outside git is walked with ``pathspec``, which loads ``dataclasses`` itself.)"""


def _checkout(root: Path) -> Path:
    (root / "app").mkdir(parents=True)
    (root / "app" / "main.py").write_text("import flask\n\napp = flask.Flask(__name__)\n")
    (root / "pyproject.toml").write_text('[project]\nname = "shop"\ndependencies = ["flask"]\n')
    (root / "web.h").write_text("#include <stdio.h>\nint f(void);\n")
    return root


def _committed(root: Path) -> Path:
    """``_checkout`` as a git work tree, its files staged: listed by ``git ls-files``."""
    _checkout(root)
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root


def test_scan_loads_no_event_loop_client_or_metadata(tmp_path: Path) -> None:
    """A whole scan (languages and frameworks) without the GitHub side's modules."""
    root = _checkout(tmp_path / "shop")
    report = (
        "{'status': status,"
        " 'languages': [l['name'] for l in json.loads(out.getvalue())['languages']],"
        " 'frameworks': [f['name'] for f in json.loads(out.getvalue())['frameworks']],"
        f" 'loaded': [m for m in {list(NOT_FOR_A_SCAN)!r} if m in sys.modules]}}"
    )
    result, _ = main_in_child(["scan", str(root), "--json"], report)
    assert result["status"] == 0
    assert "Python" in result["languages"]
    assert result["frameworks"] == ["Flask"]
    assert result["loaded"] == []


def test_a_committed_checkout_is_answered_without_dataclasses(tmp_path: Path) -> None:
    """``scan PATH`` (JSON and text) and ``show PATH`` (through the whole parser) of a git
    checkout load neither ``dataclasses`` nor ``inspect``, and still name its framework."""
    root = _committed(tmp_path / "shop")
    for words in (
        ["scan", str(root), "--json"],
        ["scan", str(root)],
        ["show", str(root), "--json"],
    ):
        report = (
            "{'status': status, 'flask': 'Flask' in out.getvalue(),"
            f" 'loaded': [m for m in {list(RECORD_MACHINERY)!r} if m in sys.modules]}}"
        )
        assert main_in_child(words, report)[0] == {"status": 0, "flask": True, "loaded": []}, words
