"""One repository's report over REST, in as few waves as the answers allow.

The first wave asks at once for what does not depend on anything else: the repository (unless a
search item already described it), its languages, and every root manifest from the raw host
(which spends no API budget). The tree follows only when the root is not the whole story (a
workspace, or no framework named at the root), with the member manifests after it. Reports are
still yielded in order (metadata, languages, frameworks) as each part is ready.

Without a token (60 requests an hour) the languages wait for the root instead: when the tree
has to be fetched, its listing gives the shares (estimated, and said so) and ``/languages`` is
not asked, so such a repository costs one request, not two; unless the listing is cut short or
its largest language is not the primary one GitHub named (``github_languages``). GitHub's own
figures come with a token (GraphQL carries them at no cost), or whenever the root alone tells
the frameworks.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Mapping
from typing import Any

from tui.analysis.languages import shares
from tui.analysis.notebooks import GITHUB_VIEW, notebook_view
from tui.analysis.report import RepoInfo, RepoReport
from tui.github.client import GitHubClient
from tui.github.errors import EmptyRepository
from tui.github.models import FetchInfo
from tui.github.urls import is_repo_name
from tui.sources.convert import repo_info, source_info
from tui.sources.github_detect import Found, FrameworkFinder
from tui.sources.github_languages import agrees, listing_languages

ROOT_REF = "HEAD"
"""The one ref the root manifests are probed at, on every path: a report that knows the
default branch (a search item's hint) and one that does not yet (``show``, which asks for the
repository in the same wave) store and read the same cache entries, so a warm cache answers
either without a probe, and none waits for the repository's answer to learn the branch. Files
read later at the branch name are checked against the tree's listing (``FrameworkFinder``)."""


def with_languages(
    report: RepoReport,
    languages: Mapping[str, int],
    infos: list[FetchInfo | None],
    *,
    estimated: bool = False,
) -> RepoReport:
    """``report`` with language shares (and notebooks set apart when they matter).

    ``estimated``: the bytes were counted from the file listing, not given by GitHub.
    """
    view = notebook_view(dict(languages))  # bytes only: notebooks can be set apart
    apart = view.label != GITHUB_VIEW
    return report._replace(
        languages=shares(dict(languages)),
        notebook_view=view.shares if apart else None,
        notebook_label=view.label if apart else None,
        notebook_bytes=view.notebook_bytes,
        languages_estimated=estimated,
        source=source_info(report.source.kind, infos),
    )


async def with_frameworks(
    report: RepoReport, finding: Awaitable[Found], infos: list[FetchInfo | None]
) -> RepoReport:
    """``report`` with the frameworks ``finding`` gives (an empty repository has none)."""
    try:
        frameworks, problems = await finding
    except EmptyRepository:
        frameworks, problems = (), ("The repository is empty.",)
    return report._replace(
        frameworks=frameworks,
        errors=report.errors + problems,
        source=source_info(report.source.kind, infos),
    )


def checked_name(info: RepoInfo, full_name: str) -> tuple[RepoInfo, tuple[str, ...]]:
    """``info`` under the name asked for when GitHub named it impossibly (``evil/../../x``)."""
    if is_repo_name(info.full_name):
        return info, ()
    problem = f"GitHub gave this repository an impossible name: {info.full_name!r}."
    return info._replace(full_name=full_name), (problem,)


async def rest_report(
    client: GitHubClient,
    finder: FrameworkFinder,
    full_name: str,
    hint: RepoInfo | None,
    kind: str,
) -> AsyncIterator[RepoReport]:
    """Yield metadata, then languages, then frameworks; the first wave is sent at once."""
    infos: list[FetchInfo | None] = []
    known = hint is not None and hint.default_branch is not None
    repo = None if known else asyncio.ensure_future(client.repo(full_name))
    # without a token, /languages waits until the root says whether the tree is needed
    thrifty = not client.authenticated
    languages = None if thrifty else asyncio.ensure_future(client.languages(full_name))
    root = asyncio.ensure_future(finder.root_files(full_name, ROOT_REF, infos))
    try:
        if repo is not None:
            answer = await repo
            infos.append(answer.info)
            info = repo_info(answer)
        else:
            assert hint is not None  # known
            info = hint
        info, problems = checked_name(info, full_name)
        report = RepoReport(info=info, source=source_info(kind, infos), errors=problems)
        yield report
        if languages is None:
            async for part in _thrifty(client, finder, report, await root, infos):
                yield part
            return
        got = await languages
        infos.append(got.info)
        report = with_languages(report, got.bytes_by_language, infos)
        yield report
        finding = finder.find(info, None, infos, root=await root)
        yield await with_frameworks(report, finding, infos)
    finally:
        await _drop(repo, languages, root)


async def _thrifty(
    client: GitHubClient,
    finder: FrameworkFinder,
    report: RepoReport,
    root: dict[str, bytes] | None,
    infos: list[FetchInfo | None],
) -> AsyncIterator[RepoReport]:
    """Languages then frameworks, spending one request: ``/languages`` or the tree, not both."""
    info = report.info
    ref = info.default_branch or "HEAD"  # as ``FrameworkFinder.find`` reads the repository
    quick = await finder.from_root(info, root, ref, infos) if root else None
    if quick is not None:  # the root told the frameworks: GitHub's figures cost the one request
        got = await client.languages(info.full_name)
        infos.append(got.info)
        report = with_languages(report, got.bytes_by_language, infos)
        yield report
        yield await with_frameworks(report, _found(quick), infos)
        return
    try:
        tree = await client.tree(info.full_name, ref)
    except EmptyRepository:
        report = with_languages(report, {}, infos)
        yield report
        yield report._replace(frameworks=(), errors=(*report.errors, "The repository is empty."))
        return
    infos.append(tree.info)
    finding = asyncio.ensure_future(finder.find(info, None, infos, root=root, tree=tree))
    try:  # member manifests are fetched while the listing is counted
        # a listing cut short would skew the shares, and one whose largest language is not
        # the primary one GitHub named (binary files under a language's extension, say, or
        # nothing counted at all) is wrong: GitHub's figures are asked for instead
        counted = None
        if not tree.truncated:
            counted = await listing_languages(finder, info.full_name, ref, tree, infos)
        if counted and agrees(counted, info.primary_language):
            report = with_languages(report, counted, infos, estimated=True)
        else:
            got = await client.languages(info.full_name)
            infos.append(got.info)
            report = with_languages(report, got.bytes_by_language, infos)
        yield report
        yield await with_frameworks(report, finding, infos)
    finally:
        await _drop(finding)


async def _found(found: Found) -> Found:
    return found


async def _drop(*tasks: asyncio.Future[Any] | None) -> None:
    """Cancel what is still running (the reader went away, or a part failed) and reap it."""
    for task in tasks:
        if task is not None and not task.done():
            task.cancel()
    for task in tasks:
        if task is not None:
            with contextlib.suppress(BaseException):
                await task
