"""Startup benchmark: launch to first interactive frame, repolens vs a minimal Textual app.

Each app runs headless in a fresh interpreter (imports included, bytecode cached in a temporary
directory) and exits right after its first frame; the runs alternate so that disk caches warm both
equally. Prints the medians and their
ratio (target: at most 1.3x).

    uv run python -m benchmarks.startup [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXIT_AFTER_FIRST_FRAME = """
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
"""

MINIMAL = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Input, Label\n"
    "class Minimal(App):\n"
    "    def compose(self):\n"
    "        yield Label('hello')\n"
    "        yield Input()\n"
    "        yield Footer()\n"
    + EXIT_AFTER_FIRST_FRAME
    + "Minimal().run(headless=True, size=(100, 32), auto_pilot=first_frame)\n"
)
"""A Textual app that imports nothing else: the baseline."""

REPOLENS = (
    f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
    "from tests.doubles.fake_source import FakeSource\n"
    "from tui.ui.app import make_app\n"
    + EXIT_AFTER_FIRST_FRAME
    + "make_app(FakeSource()).run(headless=True, size=(100, 32), auto_pilot=first_frame)\n"
)
"""repolens as ``repolens`` with no arguments starts it, over the in-memory source."""


def child_env(pycache: Path) -> dict[str, str]:
    """The environment of each launch: bytecode cached in ``pycache``, as installed apps have it."""
    env = dict(os.environ)
    # without cached bytecode every launch recompiles Textual, which no installed app does
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def launch(code: str, env: dict[str, str]) -> float:
    """Seconds from spawning a fresh interpreter running ``code`` until it exits."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> int:
    """Alternate the two apps, then print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="launches of each app")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="repolens-bench-") as pycache:
        env = child_env(Path(pycache))
        launch(MINIMAL, env)  # warm the disk cache and compile the bytecode of both first
        launch(REPOLENS, env)
        minimal: list[float] = []
        repolens: list[float] = []
        for _ in range(args.runs):
            minimal.append(launch(MINIMAL, env))
            repolens.append(launch(REPOLENS, env))
    base, ours = statistics.median(minimal), statistics.median(repolens)
    print(f"minimal Textual app: median {base * 1000:.0f} ms over {args.runs} runs")
    print(f"repolens:            median {ours * 1000:.0f} ms over {args.runs} runs")
    print(f"ratio:               {ours / base:.2f}x (target <= 1.30x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
