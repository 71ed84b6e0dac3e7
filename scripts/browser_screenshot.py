"""Screenshot ``repolens --demo serve`` in headless Chromium, for the README.

Runs the server on a free loopback port over the bundled demo catalog, opens the page in the
system's Chromium (driven by Playwright; no browser is downloaded, nothing but 127.0.0.1 is
reachable), moves to the second repository and saves ``screenshots/browser.png``.

    uv run python -m scripts.browser_screenshot
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_listening(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("repolens serve did not start")


def shoot(out: Path) -> bool:
    """Write the browser screenshot to ``out``; False when Chromium is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return False
    from playwright.sync_api import Route, sync_playwright

    def local_only(route: Route) -> None:
        ok = route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1"))
        route.continue_() if ok else route.abort()

    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
        env.update(HOME=tmp, XDG_CONFIG_HOME=tmp, TZ="UTC")
        command = [sys.executable, "-m", "tui", "--demo", "--cache-dir", tmp, "serve",
                   "--port", str(port)]  # fmt: skip
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        try:
            _wait_listening(port)
            with sync_playwright() as pw:
                browser = pw.chromium.launch_persistent_context(
                    Path(tmp) / "chromium", executable_path=chromium, args=FLAGS,
                    viewport={"width": 1280, "height": 760},
                )  # fmt: skip
                page = browser.new_page()
                page.route("**/*", local_only)
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body.-first-byte", timeout=30_000)
                page.wait_for_timeout(4000)  # the catalog's first answers
                page.click(".textual-terminal")
                page.keyboard.press("ArrowDown")
                page.wait_for_timeout(2500)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return True


def main() -> int:
    """Write ``screenshots/browser.png``."""
    out = ROOT / "screenshots" / "browser.png"
    if not shoot(out):
        print("Chromium is not installed (apt-get install chromium): no browser screenshot")
        return 1
    print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
