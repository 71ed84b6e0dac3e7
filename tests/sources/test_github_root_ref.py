"""The root manifests are read under one ref on every path, and agree with the tree's listing.

The app opens a search result knowing its default branch; ``repolens show`` does not, and asks
for the repository in the same wave as the root's probes. Both must store and read the root
under the same ref, so the second finds the first's answers fresh in the cache and probes
nothing. And one report's files must come from one commit: when the branch moves between the
root's probes and the tree, the root read before it is not judged beside the members after it.
"""

from __future__ import annotations

import json

from tests.doubles.clients import ClientFactory
from tests.doubles.github_server import GitHubServer, Reply
from tests.doubles.graphql_route import names
from tui.analysis.report import RepoInfo, RepoReport
from tui.sources.github import GitHubSource

WORKSPACE = "acme/stack"
OLD = {
    "package.json": json.dumps(
        {"private": True, "workspaces": ["packages/*"], "dependencies": {"vue": "^3.4.0"}}
    ).encode(),
    "packages/ui/package.json": json.dumps({"dependencies": {"express": "^4.19.0"}}).encode(),
}
NEW = {
    "package.json": json.dumps(
        {"private": True, "workspaces": ["apps/*"], "dependencies": {"svelte": "^4.2.0"}}
    ).encode(),
    "apps/site/package.json": json.dumps(
        {"dependencies": {"next": "14.2.3", "react": "18.3.1"}}
    ).encode(),
}


async def last_report(source: GitHubSource, full_name: str, hint: RepoInfo | None) -> RepoReport:
    """The final report (frameworks included) of ``full_name``."""
    return [r async for r in source.report(full_name, hint=hint)][-1]


async def test_show_after_a_search_and_preview_probes_nothing(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    github_server.add_repo(WORKSPACE, files=OLD, languages={"TypeScript": 9_000})
    app = GitHubSource(make_client())
    hint = next(i for i in (await app.search("stack")).items if i.full_name == WORKSPACE)
    assert hint.default_branch == "main"  # the preview knows the branch; show will not
    previewed = await last_report(app, WORKSPACE, hint)
    assert {"Vue", "Express"} <= names(previewed)
    sent = len(github_server.hits())
    show = GitHubSource(make_client())  # a later process, on the same cache
    shown = await last_report(show, WORKSPACE, None)
    assert github_server.hits()[sent:] == []  # no raw probe again, nothing else either
    assert names(shown) == names(previewed)


async def test_a_repeat_report_without_a_hint_sends_nothing(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    github_server.add_repo(WORKSPACE, files=OLD, languages={"TypeScript": 9_000})
    first = await last_report(GitHubSource(make_client()), WORKSPACE, None)
    sent = len(github_server.hits())
    again = await last_report(GitHubSource(make_client()), WORKSPACE, None)
    assert github_server.hits()[sent:] == []
    assert names(again) == names(first)


async def test_root_and_members_come_from_one_commit_when_the_branch_moves(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    github_server.add_repo(WORKSPACE, files=OLD, languages={"TypeScript": 9_000})
    repo = github_server.repos[WORKSPACE]

    def moved_then_listed(_: object) -> Reply:
        """A push lands after the root's probes and before the tree is asked for."""
        sha = github_server.move_branch(WORKSPACE, NEW)
        return Reply(200, {"sha": sha, "tree": repo.tree, "truncated": False})

    github_server.script("GET", f"/api/v3/repos/{WORKSPACE}/git/trees/main", moved_then_listed)
    report = await last_report(GitHubSource(make_client()), WORKSPACE, None)
    assert github_server.hits(f"/raw/{WORKSPACE}/HEAD/package.json")  # probed before the push
    found = names(report)
    assert {"Svelte", "Next.js", "React"} <= found  # the pushed root and its members
    assert not {"Vue", "Express"} & found  # nothing of the commit before
    # the same as a report that only ever saw the new commit
    fresh = await last_report(GitHubSource(make_client(no_cache=True)), WORKSPACE, None)
    assert names(fresh) == found


async def test_a_root_manifest_cached_before_a_push_is_read_again(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    """Cached root answers older than a fresh listing: those unlike it are re-read (free)."""
    github_server.add_repo(WORKSPACE, files=OLD, languages={"TypeScript": 9_000})
    client = make_client()
    root = await GitHubSource(client)._finder.root_files(WORKSPACE, "HEAD", [])
    assert root is not None
    assert root["package.json"] == OLD["package.json"]
    github_server.move_branch(WORKSPACE, NEW)
    report = await last_report(GitHubSource(make_client()), WORKSPACE, None)
    found = names(report)
    assert {"Svelte", "Next.js"} <= found
    assert not {"Vue", "Express"} & found
    # re-read by name at the branch, the cached HEAD entry for the root is not trusted blindly
    assert github_server.hits(f"/raw/{WORKSPACE}/main/package.json")
    assert not github_server.hits(f"/api/v3/repos/{WORKSPACE}/contents/")  # re-reads are free


async def test_a_re_read_that_fails_keeps_the_copy_already_read(
    github_server: GitHubServer, make_client: ClientFactory
) -> None:
    """A file unlike the listing is asked again; when that fails (a web page from the raw host,
    a broken answer from the contents API) the file is not gone: the copy read first is judged."""
    github_server.add_repo(WORKSPACE, files=OLD, languages={"TypeScript": 9_000})
    client = make_client()
    assert await GitHubSource(client)._finder.root_files(WORKSPACE, "HEAD", []) is not None
    github_server.move_branch(WORKSPACE, NEW)
    wall = Reply(200, b"<html>Sign in</html>", headers={"content-type": "text/html"})
    github_server.script("GET", f"/raw/{WORKSPACE}/main/package.json", wall, sticky=True)
    broken = wall  # and the contents API, the raw host's fallback, answers a web page too
    contents = f"/api/v3/repos/{WORKSPACE}/contents/package.json"
    github_server.script("GET", contents, broken, sticky=True)
    report = await last_report(GitHubSource(make_client()), WORKSPACE, None)
    assert "Svelte" not in names(report)  # the new root could not be read ...
    assert "Vue" in names(report)  # ... so the one read before is kept, not dropped
