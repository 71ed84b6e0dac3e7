"""``show`` reads the root where the rest of the repository is read when the branch is known.

A report without a hint does not know the default branch, so its first wave reads the root
manifests at ``HEAD`` beside the repository's answer. When that answer is already fresh in the
cache (a search stored it), the branch costs nothing to know: the root is read at it, as the
tree and the search's own preview read the repository, and the preview's answers are reused.
"""

from __future__ import annotations

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import FakeClock, GitHubServer
from tests.doubles.graphql_route import collect, names
from tui.analysis.report import RepoInfo
from tui.sources.github import GitHubSource


def add_blog(server: GitHubServer) -> None:
    server.add_repo(
        "acme/blog",
        files={"requirements.txt": b"Django==5.0.6\n", "blog/views.py": b"from django import x\n"},
        languages={"Python": 9_000},
        default_branch="trunk",
    )


async def preview_after_search(make_client: ClientFactory) -> None:
    """What the app does: a search, then the report of the row under the cursor (hinted)."""
    source = GitHubSource(make_client())
    found = await source.search("blog")
    hint: RepoInfo = found.items[0]
    async for _ in source.report(hint.full_name, hint=hint):
        pass


async def test_a_fresh_answer_names_the_branch_the_root_is_read_at(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    add_blog(github_server)
    await preview_after_search(make_client)
    sent = len(github_server.hits())
    report = await collect(GitHubSource(make_client()), "acme/blog")
    assert "Django" in names(report)
    assert [h.path for h in github_server.hits()[sent:]] == []  # the preview's answers serve


async def test_without_a_fresh_answer_the_root_is_read_at_head_in_the_first_wave(
    github_server: GitHubServer, fake_clock: FakeClock, make_client: ClientFactory
) -> None:
    add_blog(github_server)
    await preview_after_search(make_client)
    fake_clock.advance(hours=2)  # every answer stale: the repository is asked again
    sent = len(github_server.hits())
    report = await collect(GitHubSource(make_client()), "acme/blog")
    assert "Django" in names(report)
    paths = [h.path for h in github_server.hits()[sent:]]
    assert "/api/v3/repos/acme/blog" in paths
    assert "/raw/acme/blog/HEAD/requirements.txt" in paths
