"""The disk cache through the real client: freshness, 304 revalidation, SHA-addressed answers."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer
from tui.github.client import STORE_DIR

REPO = "octo/widgets"
MANIFEST = b"torch>=2.0\nnumpy\n"


@pytest.fixture
def server(github_server: GitHubServer) -> GitHubServer:
    """The fake server with one repository holding a manifest."""
    github_server.add_repo(
        REPO,
        files={"README.md": b"# widgets", "requirements.txt": MANIFEST, "src/app.py": b"x = 1\n"},
        languages={"Python": 1200, "Shell": 30},
    )
    return github_server


async def test_repeat_view_within_freshness_sends_nothing(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    repo = await client.repo(REPO)
    sha = server.repos[REPO].sha
    await client.languages(REPO)
    await client.tree(REPO, sha)
    await client.file(REPO, sha, "requirements.txt")
    sent = len(server.hits())
    make_client.clock.advance(minutes=59)
    again = make_client()  # a new process would see the same disk cache
    assert (await again.repo(REPO)).full_name == repo.full_name
    languages = await again.languages(REPO)
    tree = await again.tree(REPO, sha)
    manifest = await again.file(REPO, sha, "requirements.txt")
    assert len(server.hits()) == sent == 4
    assert languages.bytes_by_language == {"Python": 1200, "Shell": 30}
    assert {e.path for e in tree.entries} >= {"requirements.txt", "src/app.py"}
    assert manifest.data == MANIFEST
    assert languages.info is not None
    assert languages.info.from_cache
    assert not languages.info.stale


@pytest.mark.parametrize(("token", "charged"), [(None, 1), ("tok-a", 0)])
async def test_stale_view_costs_only_a_304(
    server: GitHubServer, make_client: ClientFactory, token: str | None, charged: int
) -> None:
    client = make_client(token)
    first = await client.repo(REPO)
    etag = server.hits()[-1]
    make_client.clock.advance(minutes=61)
    before = server.charged()
    again = await client.repo(REPO)
    last = server.hits()[-1]
    assert last.status == 304
    assert last.headers["if-none-match"].startswith('W/"')
    assert etag.status == 200
    assert again == replace(first, info=again.info)
    assert again.info is not None
    assert again.info.revalidated
    assert again.info.from_cache
    # without a token a 304 is charged like a fetch; with one it is free
    assert server.charged() - before == charged
    make_client.clock.advance(minutes=30)
    await client.repo(REPO)  # the 304 refreshed the entry: fresh again, nothing sent
    assert server.hits()[-1] is last


async def test_sha_addressed_answers_are_never_refetched(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    sha = server.repos[REPO].sha
    await client.tree(REPO, sha)
    await client.file(REPO, sha, "requirements.txt")
    sent = len(server.hits())
    make_client.clock.advance(days=400)
    tree = await client.tree(REPO, sha)
    manifest = await client.file(REPO, sha, "requirements.txt")
    assert len(server.hits()) == sent
    assert tree.info is not None
    assert not tree.info.stale
    assert manifest.data == MANIFEST


async def test_a_tree_by_branch_name_is_revalidated(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.tree(REPO, "main")
    make_client.clock.advance(hours=2)
    await client.tree(REPO, "main")
    assert [h.status for h in server.hits("/api/v3/repos/octo/widgets/git/trees/")] == [200, 304]


async def test_two_token_identities_do_not_share_entries(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    alice, bob = make_client("token-alice"), make_client("token-bob")
    await alice.repo(REPO)
    await bob.repo(REPO)
    await alice.repo(REPO)
    anonymous = make_client()
    await anonymous.repo(REPO)
    tokens = [h.headers.get("authorization") for h in server.hits("/api/v3/repos/")]
    assert tokens == ["Bearer token-alice", "Bearer token-bob", None]
    stored = b"".join(p.read_bytes() for p in make_client.cache_dir.rglob("*") if p.is_file())
    assert b"token-alice" not in stored
    assert b"token-bob" not in stored


async def test_search_is_fresh_for_ten_minutes(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    page = await client.search_repositories("widgets")
    make_client.clock.advance(minutes=9)
    await client.search_repositories("widgets")
    assert len(server.hits("/api/v3/search/")) == 1
    make_client.clock.advance(minutes=2)
    again = await client.search_repositories("widgets")
    assert len(server.hits("/api/v3/search/")) == 2
    assert [r.full_name for r in page.items] == [r.full_name for r in again.items] == [REPO]
    assert again.info is not None
    assert not again.info.from_cache


async def test_no_cache_neither_reads_nor_writes(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    await make_client().repo(REPO)
    uncached = make_client(no_cache=True)
    await uncached.repo(REPO)
    await uncached.repo(REPO)
    assert len(server.hits()) == 3
    assert make_client().cache_info().entries == 1


async def test_offline_answers_from_cache_or_fails_clearly(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    from tui.github.errors import OfflineMiss

    await make_client().repo(REPO)
    offline = make_client(offline=True)
    fresh = await offline.repo(REPO)
    make_client.clock.advance(hours=5)
    stale = await offline.repo(REPO)
    with pytest.raises(OfflineMiss):
        await offline.languages(REPO)
    assert len(server.hits()) == 1
    assert fresh.info is not None
    assert not fresh.info.stale
    assert stale.info is not None
    assert stale.info.stale
    assert stale.info.from_cache


async def test_malformed_body_is_a_clear_error_and_never_cached(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    from tests.doubles.github_server import Reply
    from tui.github.errors import BadResponse

    client = make_client()
    good = await client.repo(REPO)
    make_client.clock.advance(hours=2)
    server.script("GET", f"/api/v3/repos/{REPO}", Reply(200, b'{"id": 1, "full_na'))
    with pytest.raises(BadResponse) as caught:
        await client.repo(REPO)
    assert "malformed" in caught.value.user_message
    # the previous good entry survives: offline, it is still there (stale)
    survivor = await make_client(offline=True).repo(REPO)
    assert survivor.full_name == good.full_name
    assert survivor.description == good.description
    # and nothing malformed is stored when there was no good entry to begin with
    server.script("GET", f"/api/v3/repos/{REPO}/languages", Reply(200, b"[1, 2"))
    with pytest.raises(BadResponse):
        await client.languages(REPO)
    assert make_client().cache_info().entries == 1


async def test_cache_dir_is_owner_only_and_can_be_cleared(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    client = make_client()
    await client.repo(REPO)
    await client.languages(REPO)
    info = client.cache_info()
    assert (info.directory.stat().st_mode & 0o777) == 0o700
    assert info.entries == 2
    assert info.size_bytes > 0
    assert client.cache_clear() == 2
    await client.repo(REPO)
    assert len(server.hits()) == 3


async def test_corrupted_cache_file_is_rebuilt(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    first = make_client()
    await first.repo(REPO)
    await first.aclose()
    store = make_client.cache_dir / STORE_DIR
    database = store / "cache.db"
    assert database.exists()
    database.write_bytes(b"this is not a database\x00" * 100)
    for leftover in store.glob("cache.db-*"):
        leftover.unlink()
    second = make_client()
    repo = await second.repo(REPO)
    assert repo.full_name == REPO
    third = make_client()
    await third.repo(REPO)  # the rebuilt cache took the answer: nothing more sent
    assert len(server.hits()) == 2


@pytest.mark.parametrize(("token", "per_view"), [(None, 1), ("tok", 2)])
async def test_a_404_is_remembered_briefly(
    server: GitHubServer, make_client: ClientFactory, token: str | None, per_view: int
) -> None:
    from tui.github.errors import NotFound

    client = make_client(token)
    for _ in range(2):
        with pytest.raises(NotFound):
            await client.file(REPO, "main", "setup.py")
    assert len(server.hits()) == per_view  # raw host, then (with a token) the contents API
    make_client.clock.advance(minutes=11)
    with pytest.raises(NotFound):
        await client.file(REPO, "main", "setup.py")
    assert len(server.hits()) == 2 * per_view


async def test_a_chosen_cache_directory_is_left_as_the_user_had_it(
    server: GitHubServer, make_client: ClientFactory
) -> None:
    chosen = make_client.cache_dir
    (chosen / "ab").mkdir(parents=True)
    (chosen / "ab" / "notes").write_text("keep")
    chosen.chmod(0o755)
    (chosen / STORE_DIR).mkdir()
    (chosen / STORE_DIR / "cache.db").write_bytes(b"garbage\x00" * 500)
    client = make_client()
    await client.repo(REPO)
    assert (chosen.stat().st_mode & 0o777) == 0o755
    assert (chosen / "ab" / "notes").read_text() == "keep"
    assert (chosen / STORE_DIR / "cache.db").stat().st_mode & 0o077 == 0  # owner-only
    assert client.cache_clear() == 1
    assert (chosen / "ab" / "notes").exists()
