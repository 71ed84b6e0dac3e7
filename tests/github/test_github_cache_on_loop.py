"""Cache reads on the event loop's thread (the command line) or in a worker (the TUI).

The command line's loop has no screen to keep drawing, so it reads the disk cache in its own
thread (``ClientSettings.cache_on_loop``); the TUI must never wait on a busy store there.
Either way the answers are the same.
"""

from __future__ import annotations

import threading

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tui.github.cache import HttpCache

REPO = "octo/widgets"


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake server with one repository."""
    github_server.add_repo(REPO, files={"README.md": b"# widgets"}, languages={"Python": 1200})
    return github_server


@pytest.mark.parametrize("on_loop", [True, False])
async def test_cache_reads_happen_where_the_setting_says(
    server: GitHubServer,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
    on_loop: bool,
) -> None:
    readers: list[bool] = []
    real_get = HttpCache.get

    def get(self: HttpCache, key: str) -> object:
        readers.append(threading.current_thread() is threading.main_thread())
        return real_get(self, key)

    monkeypatch.setattr(HttpCache, "get", get)
    first = await make_client(cache_on_loop=on_loop).languages(REPO)
    sent = len(server.hits())
    again = await make_client(cache_on_loop=on_loop).languages(REPO)
    assert len(server.hits()) == sent  # answered from the cache
    assert again.bytes_by_language == first.bytes_by_language == {"Python": 1200}
    assert again.info is not None
    assert again.info.from_cache
    assert readers
    assert set(readers) == {on_loop}
