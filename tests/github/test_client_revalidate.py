"""``file(..., revalidate=True)``: past a fresh cache entry, with its validators (free raw 304)."""

from __future__ import annotations

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer


async def test_revalidate_asks_again_within_freshness(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    github_server.add_repo("acme/app", files={"go.mod": b"module acme/app\n"})
    client = make_client()
    await client.file("acme/app", "main", "go.mod")
    await client.file("acme/app", "main", "go.mod")  # fresh: from the cache
    assert len(github_server.hits("/raw/acme/app/main/go.mod")) == 1
    same = await client.file("acme/app", "main", "go.mod", revalidate=True)
    assert same.info is not None
    assert same.info.revalidated
    assert same.data == b"module acme/app\n"
    github_server.move_branch("acme/app", {"go.mod": b"module acme/app/v2\n"})
    assert (await client.file("acme/app", "main", "go.mod")).data == b"module acme/app\n"
    moved = await client.file("acme/app", "main", "go.mod", revalidate=True)
    assert moved.data == b"module acme/app/v2\n"
    assert moved.info is not None
    assert not moved.info.from_cache
    assert (await client.file("acme/app", "main", "go.mod")).data == b"module acme/app/v2\n"
    assert len(github_server.hits("/raw/acme/app/main/go.mod")) == 3
