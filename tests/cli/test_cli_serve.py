"""``repolens serve`` in a real headless browser: the page loads, a search runs, a repo opens.

The browser is the system's Chromium (Debian's ``chromium`` package) driven by Playwright; no
browser is ever downloaded. The app behind the page talks to the GitHub-like test server, and the
page may reach nothing but 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.doubles.github_server import GitHubServer
from tui.cli.serve import app_command, is_loopback
from tui.sources.factory import Options

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b\][^\x07]*\x07")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"
)


def test_each_tab_runs_this_python_with_the_same_flags_and_never_a_token(tmp_path: Path) -> None:
    options = Options(api_url="https://ghe.example/api/v3", cache_dir=tmp_path, demo=True)
    command = app_command(options)
    assert command.startswith(sys.executable)
    assert "-m tui --api-url https://ghe.example/api/v3" in command
    assert f"--cache-dir {tmp_path}" in command
    assert "--demo" in command
    assert "--offline" not in command
    assert "token" not in command.lower()


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False),
     ("192.168.1.4", False), ("example.org", False)],
)  # fmt: skip
def test_only_loopback_counts_as_local(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def test_serve_binds_to_loopback_by_default() -> None:
    from tui.cli.parser import build_parser

    args = build_parser("0").parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(
    check: Callable[[], bool],
    what: str,
    sleep: Callable[[float], object] = time.sleep,
    timeout: float = 30.0,
) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        sleep(0.1)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def served(github_server: GitHubServer, tmp_path: Path) -> Iterator[str]:
    """``repolens serve`` over the test server; yields the page's URL."""
    github_server.add_repo(
        "acme/widgetkit",
        languages={"Python": 48_000, "Shell": 900},
        files={"pyproject.toml": b'[project]\nname = "widgetkit"\ndependencies = ["flask>=3"]\n'},
        description="Widgets for the web",
        stargazers_count=420,
    )
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    command = [sys.executable, "-m", "tui", "--api-url", github_server.api_url,
               "--cache-dir", str(tmp_path / "cache"), "serve", "--port", str(port)]  # fmt: skip
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: _listening(port) or server.poll() is not None, "the server")
        assert server.poll() is None, (tmp_path / "serve.log").read_text()
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@needs_chromium
def test_in_a_browser_the_page_loads_a_search_runs_and_a_repository_opens(
    served: str, github_server: GitHubServer, tmp_path: Path
) -> None:
    from playwright.sync_api import Route, sync_playwright

    screen = bytearray()  # everything the app drew, as the browser received it

    def local_only(route: Route) -> None:
        url = route.request.url
        ok = url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:"))
        route.continue_() if ok else route.abort()  # the page asks for Google fonts: refused

    def seen(text: str) -> bool:
        return text.encode() in ANSI.sub(b"", bytes(screen))

    with sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            tmp_path / "chromium",  # Playwright passes it as --user-data-dir
            executable_path=CHROMIUM,
            args=FLAGS,
            viewport={"width": 1280, "height": 800},
        )
        page = browser.new_page()
        page.route("**/*", local_only)
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived",
                lambda frame: screen.extend(frame if isinstance(frame, bytes) else frame.encode()),
            ),
        )

        def pump(seconds: float) -> None:
            page.wait_for_timeout(seconds * 1000)  # Playwright delivers events only while called

        page.goto(served)
        page.wait_for_selector("body.-first-byte", timeout=30_000)
        _wait_for(lambda: seen("Search GitHub"), "the search box", pump)
        page.click(".textual-terminal")  # keys go to the focused terminal, as for a person
        page.keyboard.type("widgetkit")
        page.keyboard.press("Enter")
        _wait_for(lambda: bool(github_server.hits("/api/v3/search/repositories")), "a search", pump)
        _wait_for(lambda: seen("acme/widgetkit"), "the result on the page", pump)
        page.keyboard.press("ArrowDown")
        _wait_for(lambda: seen("Open"), "the results to take the keys", pump)
        page.keyboard.press("Enter")
        _wait_for(lambda: seen("repolens · detail"), "the detail screen", pump)
        _wait_for(lambda: seen("Flask"), "the repository's frameworks", pump)
        page.screenshot(path=str(tmp_path / "browser.png"))
        browser.close()
    queries = [hit.query.get("q", "") for hit in github_server.hits("/api/v3/search/repositories")]
    assert any("widgetkit" in q for q in queries)
    assert github_server.hits("/api/v3/repos/acme/widgetkit/languages")
