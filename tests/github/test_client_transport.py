"""The HTTP client is built by the first request, so answers from the disk cache cost no httpx."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tui.github.transport import LazyHttpClient

REPO = "octo/widgets"


async def test_the_client_is_built_by_the_first_request(github_server: GitHubServer) -> None:
    github_server.add_repo(REPO)
    built: list[httpx.AsyncClient] = []

    def build() -> httpx.AsyncClient:
        built.append(httpx.AsyncClient())
        return built[-1]

    http = LazyHttpClient(build)
    assert not http.started
    assert built == []
    url = f"{github_server.api_url}/repos/{REPO}"
    reply = await http.send(http.build_request("GET", url, headers={}, content=None))
    again = await http.send(http.build_request("GET", url, headers={}, content=None))
    await http.aclose()
    assert http.started
    assert len(built) == 1  # one client, reused
    assert (reply.status_code, again.json()["full_name"]) == (200, REPO)
    assert built[0].is_closed


async def test_closing_an_unused_client_builds_nothing() -> None:
    http = LazyHttpClient(lambda: (_ for _ in ()).throw(AssertionError("built")))
    await http.aclose()
    assert not http.started


async def test_a_repeat_answered_from_the_cache_sends_nothing(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    """A second client over the same cache answers a fresh entry without any connection."""
    github_server.add_repo(REPO)
    await make_client().repo(REPO)
    sent = len(github_server.hits())
    repo = await make_client().repo(REPO)
    assert repo.full_name == REPO
    assert len(github_server.hits()) == sent


def test_the_github_client_imports_no_httpx_until_it_sends(github_server: GitHubServer) -> None:
    """Building and closing a client, and importing the GitHub source, leave httpx unloaded."""
    code = (
        "import asyncio, json, sys, tempfile\n"
        "from pathlib import Path\n"
        "import tui.sources.github\n"
        "from tui.github.client import GitHubClient\n"
        "from tui.github.settings import ClientSettings\n"
        "async def main():\n"
        "    with tempfile.TemporaryDirectory() as tmp:\n"
        f"        api = {github_server.api_url!r}\n"
        "        settings = ClientSettings(api_url=api, cache_dir=Path(tmp))\n"
        "        client = GitHubClient(settings)\n"
        "        await client.aclose()\n"
        "asyncio.run(main())\n"
        "print(json.dumps('httpx' in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) is False
