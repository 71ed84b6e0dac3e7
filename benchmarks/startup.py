"""Start-up benchmark: what a user waits for, whole process, in one run.

1. **TUI first frame** (headline): ``repolens`` launched in a real terminal (a private tmux
   server, 100x32) against a bare Textual app (header, input, footer), from launch until the first
   frame's text is on the screen (``capture-pane`` polled every few ms). The two alternate, so
   both see the same machine; medians and their ratio (target: at most 1.3x). repolens runs as
   installed (``.venv/bin/repolens``) with an empty cache directory and its API pointed at a
   closed port on 127.0.0.1, so no launch can wait on the internet.
2. **CLI start-up**: ``repolens show OWNER/REPO --json`` answered from a warm cache (the fake
   GitHub server of ``tests/doubles`` serves the corpus once; the timed runs send it nothing)
   against ``python -c "import httpx"``, alternating; ratio target: at most 1.5x. The warm-up
   run keeps its output (``tui.cli.memo``), which the timed runs print; a second pair of rows
   removes the kept output before each run, so that each is the first warm show (event loop,
   client, detection: the normal path). Each CLI pair also prints the CPU time (user + system)
   medians and their ratio, which a machine shared with other work disturbs far less.
3. Secondary, for continuity with earlier figures: the in-process headless first frame (each app
   in a fresh interpreter, ``run(headless=True)``, exiting after its first frame). It leaves out
   the terminal's start-up and drawing, so it is not what a user waits for.

    uv run python -m benchmarks.startup [--runs 9] [--skip-tui] [--skip-cli] [--skip-headless]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.launch import PYTHON, REPOLENS, ROOT, Terminal, child_env, run_once, run_timed
from tui.github.cache import STORE_DIR

BARE = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Header, Input\n"
    "class Bare(App):\n"
    "    TITLE = 'bare'\n"
    "    def compose(self):\n"
    "        yield Header()\n"
    "        yield Input(placeholder='search')\n"
    "        yield Footer()\n"
    "Bare().run()\n"
)
"""The baseline: a Textual app with a header, an input and a footer, and nothing else."""

CLOSED = "http://127.0.0.1:9/api/v3"
"""An API URL nobody answers (the discard port): the network is refused at once."""

HEADLESS_EXIT = """
async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()
"""

HEADLESS_BARE = (
    BARE.replace("Bare().run()\n", "")
    + HEADLESS_EXIT
    + ("Bare().run(headless=True, size=(100, 32), auto_pilot=first_frame)\n")
)

HEADLESS_REPOLENS = (
    f"import sys; sys.path.append({str(ROOT)!r})  # after PYTHONPATH (REPOLENS_BENCH_CODE)\n"
    "from tests.doubles.fake_source import FakeSource\n"
    "from tui.ui.app import make_app\n"
    + HEADLESS_EXIT
    + "make_app(FakeSource()).run(headless=True, size=(100, 32), auto_pilot=first_frame)\n"
)


def paired(
    runs: int, first: Callable[[], float], second: Callable[[], float]
) -> tuple[float, float]:
    """Medians of ``first`` and ``second``, alternated ``runs`` times after one warm-up each."""
    first(), second()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


def report(title: str, base_label: str, base: float, ours: float, runs: int, target: float) -> None:
    """Print one pair of medians and their ratio."""
    print(title)
    print(f"  {base_label:<34} median {base * 1000:6.0f} ms over {runs} runs")
    print(f"  {'repolens':<34} median {ours * 1000:6.0f} ms over {runs} runs")
    print(f"  ratio {ours / base:.2f}x (target <= {target:.2f}x)")


def tui_first_frame(runs: int, pycache: Path, cache_dir: Path) -> None:
    """The headline: launch to first drawn frame in tmux, repolens against the bare app."""
    env = child_env(pycache, cache_dir)
    terminal = Terminal()
    try:
        base, ours = paired(
            runs,
            lambda: terminal.first_frame([PYTHON, "-c", BARE], env, ["bare", "palette"]),
            lambda: terminal.first_frame(
                [REPOLENS, "--api-url", CLOSED], env, ["repolens", "palette"]
            ),
        )
    finally:
        terminal.close()
    report("TUI first frame, whole process in tmux", "bare Textual app", base, ours, runs, 1.3)


Timed = Callable[[], tuple[float, float]]
"""One launch: its wall time and its CPU time, in seconds."""


def paired_timed(runs: int, first: Timed, second: Timed) -> tuple[list[float], list[float]]:
    """``paired`` for launches timed both ways: ``[wall, cpu]`` medians of each."""
    first(), second()
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return [statistics.median(t[i] for t in a) for i in (0, 1)], [
        statistics.median(t[i] for t in b) for i in (0, 1)
    ]


def cli_pair(title: str, runs: int, base: Timed, ours: Timed) -> None:
    """Time ``ours`` against ``import httpx`` and print both ratios (wall, then CPU time)."""
    (base_wall, base_cpu), (our_wall, our_cpu) = paired_timed(runs, base, ours)
    report(title, 'python -c "import httpx"', base_wall, our_wall, runs, 1.5)
    print(
        f"  CPU time (user + system): {our_cpu * 1000:.0f} / {base_cpu * 1000:.0f} ms, "
        f"ratio {our_cpu / base_cpu:.2f}x (steadier than wall time on a busy machine)"
    )


def cli_startup(runs: int, pycache: Path, cache_dir: Path) -> None:
    """``repolens show`` from a warm cache against ``import httpx``."""
    from benchmarks.requests import load_repos
    from tests.doubles.github_server import GitHubServer

    env = child_env(pycache, cache_dir)
    server = GitHubServer()
    with server.serving():
        load_repos(server)
        show = [REPOLENS, "--api-url", server.api_url, "show", "pallets/flask", "--json"]
        run_once(show, env)  # fills the cache
        warm = len(server.log)
        httpx = [PYTHON, "-c", "import httpx"]
        title = "CLI start-up: `repolens show pallets/flask --json`, warm cache"
        cli_pair(title, runs, lambda: run_timed(httpx, env), lambda: run_timed(show, env))
        print(f"  requests sent by the timed show runs: {len(server.log) - warm}")
        store = cache_dir / STORE_DIR

        def unkept() -> tuple[float, float]:
            forget_kept(store)  # untimed: each timed run is the first since the answers came
            return run_timed(show, env)

        title = "  the same with no kept output (the first show after the answers were fetched)"
        cli_pair(title, runs, lambda: run_timed(httpx, env), unkept)
        print(f"  requests sent by the timed show runs: {len(server.log) - warm}")


def forget_kept(store: Path) -> None:
    """Remove every kept ``show`` output (``tui.cli.memo``) from the HTTP store at ``store``."""
    import diskcache

    with diskcache.Cache(str(store)) as cache:
        for key in list(cache.iterkeys()):
            if isinstance(key, str) and key.startswith("MEMO "):
                cache.delete(key)


def headless(runs: int, pycache: Path) -> None:
    """The old in-process figure (secondary): headless first frame, fresh interpreters."""
    env = child_env(pycache)
    base, ours = paired(
        runs,
        lambda: run_once([PYTHON, "-c", HEADLESS_BARE], env),
        lambda: run_once([PYTHON, "-c", HEADLESS_REPOLENS], env),
    )
    report(
        "Secondary (not what a user waits for): headless first frame, no terminal",
        "bare Textual app (headless)",
        base,
        ours,
        runs,
        1.3,
    )


def main() -> int:
    """Run the selected measurements and print their medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="launches of each program")
    for part in ("tui", "cli", "headless"):
        parser.add_argument(f"--skip-{part}", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="repolens-bench-") as tmp:
        pycache, cache_dir = Path(tmp, "pycache"), Path(tmp, "cache")
        if not args.skip_tui:
            tui_first_frame(args.runs, pycache, cache_dir / "tui")
        if not args.skip_cli:
            cli_startup(args.runs, pycache, cache_dir / "cli")
        if not args.skip_headless:
            headless(args.runs, pycache)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
