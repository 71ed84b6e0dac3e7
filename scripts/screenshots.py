"""Make SVG and PNG screenshots of repolens's main screens into ``screenshots/``.

Uses the tests' in-memory source (facts about ten public repositories) and a frozen clock, so that
running it again gives the same pictures. PNGs need a headless Chromium (``apt-get install
chromium``); network access is blocked for it, so the SVGs' web fonts fall back to a local
monospace font.

    uv run python -m scripts.screenshots [--size 120x36] [--no-png] [--only NAME]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.doubles.fake_source import NOW, FakeSource, catalog_source, settle
from tui.github.budget import Budget
from tui.sources.base import RepoSource, SourceStatus
from tui.ui.app import RepoLensApp, make_app

ROOT = Path(__file__).resolve().parents[1]

OUT = ROOT / "screenshots"


def _app(source: RepoSource, **kwargs: Any) -> RepoLensApp:
    return make_app(source, now=NOW, blink=False, export_dir=Path("/nonexistent"), **kwargs)


def _rate_limited() -> RepoLensApp:
    budget = Budget()
    source = FakeSource(budget=budget)
    core = budget.get("core")
    assert core is not None
    budget.update(replace(core, remaining=4))
    return _app(source, budget=budget, initial_query="language:python")


def _demo() -> RepoLensApp:
    """The demo search screen on the bundled catalog, as `--demo` routes it."""
    source, budget, status = catalog_source()
    return _app(source, budget=budget, status=status)


SCENES: dict[str, tuple[Callable[[], RepoLensApp], tuple[str, ...]]] = {
    "search": (lambda: _app(FakeSource(), initial_query="language:python"), ("down",)),
    # a repository with notebooks: the detail shows GitHub's bar and the notebooks-apart one
    "detail": (lambda: _app(FakeSource(), open_repos=["google-research/bert"]), ("e",)),
    "compare": (
        lambda: _app(
            FakeSource(), open_repos=["pallets/flask", "fastapi/fastapi", "gin-gonic/gin"]
        ),
        (),
    ),
    "demo": (_demo, ("tab", "down", "down")),
    # repolens's own qualifier: GitHub's answer judged by each result's verdict
    "search-framework": (
        lambda: _app(FakeSource(), initial_query="language:python framework:pytorch"),
        (),
    ),
    "rate-limited": (_rate_limited, ("down",)),
    "offline": (
        lambda: _app(
            FakeSource(offline=True, cached={"flask", "pallets/flask"}),
            status=SourceStatus(offline=True, authenticated=True, token_source="GH_TOKEN"),
            initial_query="flask",
        ),
        (),
    ),
}
"""Screenshot name -> (app factory, keys pressed once the first answers are in)."""

SMALL = ("search", "detail", "compare")
"""Scenes also taken at ``SMALL_SIZE`` (``NAME-80x24.svg``)."""

SMALL_SIZE = (80, 24)


def take_svg(app: RepoLensApp, keys: tuple[str, ...], size: tuple[int, int]) -> str:
    """Run ``app`` headless, press ``keys``, wait for its workers, and export an SVG."""

    async def pilot_run(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await settle(app, pilot)
        await asyncio.sleep(0.3)  # let notifications slide in
        await pilot.pause()
        shots.append(app.export_screenshot(title="repolens"))
        app.exit()

    shots: list[str] = []
    app.run(headless=True, size=size, auto_pilot=pilot_run)  # type: ignore[arg-type]
    return shots[0]


def svg_to_png(svg: Path, png: Path, size: tuple[int, int]) -> bool:
    """Render ``svg`` with headless Chromium (no network); False when Chromium is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return False
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={size[0]},{size[1]}",
        f"--screenshot={png}", svg.as_uri(),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return png.exists()


def svg_size(svg: str) -> tuple[int, int]:
    """The pixel size from the SVG's ``viewBox``."""
    view_box = svg.split('viewBox="', 1)[1].split('"', 1)[0].split()
    return int(float(view_box[2])) + 1, int(float(view_box[3])) + 1


def census_svg(size: tuple[int, int]) -> str:
    """The census screen over 400 generated repositories served by the tests' fake GitHub."""
    import tempfile

    from tests.doubles.clients import ClientFactory
    from tests.doubles.generated_repos import install, populate
    from tests.doubles.github_server import FakeClock, GitHubServer
    from tui.sources.github import GitHubSource

    clock = FakeClock(NOW)
    with GitHubServer(clock).serving() as server:
        populate(server, 400)
        install(server)
        client = ClientFactory(server, clock, Path(tempfile.mkdtemp()))("token")
        status = SourceStatus(authenticated=True, token_source="GH_TOKEN")
        app = make_app(GitHubSource(client), budget=client.budget, status=status, now=NOW,
                       blink=False, initial_query="stars:>0")  # fmt: skip

        async def pilot_run(pilot: Pilot[None]) -> None:
            for keys in (("C",), ("r",), ("down",) * 16):  # to "ML": PyTorch, and who uses it
                await settle(app, pilot)
                await pilot.press(*keys)
            await settle(app, pilot)
            shots.append(app.export_screenshot(title="repolens"))
            app.exit()

        shots: list[str] = []
        app.run(headless=True, size=size, auto_pilot=pilot_run)  # type: ignore[arg-type]
    return shots[0]


def main() -> int:
    """Write every scene as SVG (and PNG when Chromium is available)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x36", help="terminal size, COLSxROWS")
    parser.add_argument("--no-png", action="store_true", help="write SVGs only")
    parser.add_argument("--only", metavar="NAME", help="one scene (search, census, ...)")
    args = parser.parse_args()
    cols, rows = (int(n) for n in args.size.split("x"))
    os.environ["TZ"] = "UTC"  # reset times in messages are local: make every run draw the same
    time.tzset()
    OUT.mkdir(exist_ok=True)
    scenes: dict[str, Callable[[], str]] = {
        name: lambda f=factory, k=keys: take_svg(f(), k, (cols, rows))  # type: ignore[misc]
        for name, (factory, keys) in SCENES.items()
    }
    scenes["census"] = lambda: census_svg((cols, rows))
    for name, make in scenes.items():
        if args.only and name != args.only:
            continue
        svg = make()
        svg_path = OUT / f"{name}.svg"
        svg_path.write_text(svg, encoding="utf-8")
        made = not args.no_png and svg_to_png(svg_path, OUT / f"{name}.png", svg_size(svg))
        print(f"{svg_path.relative_to(ROOT)}" + (" + .png" if made else ""))
    for name in SMALL:  # the smallest usual terminal: laid out on purpose, so shown too
        factory, keys = SCENES[name]
        svg = take_svg(factory(), keys, SMALL_SIZE)
        svg_path = OUT / f"{name}-80x24.svg"
        svg_path.write_text(svg, encoding="utf-8")
        made = not args.no_png and svg_to_png(svg_path, svg_path.with_suffix(".png"), svg_size(svg))
        print(f"{svg_path.relative_to(ROOT)}" + (" + .png" if made else ""))
    if not args.no_png:
        from scripts.browser_screenshot import shoot  # `repolens serve` in Chromium

        if shoot(OUT / "browser.png"):
            print("screenshots/browser.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
