"""Choose, fetch and read the files framework detection needs, spending little budget."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from tui.analysis.frameworks import detect, manifests_to_fetch, sources_to_sample
from tui.analysis.manifests import parse_manifest
from tui.analysis.report import Framework, RepoInfo
from tui.github.client import GitHubClient
from tui.github.errors import NotFound
from tui.github.graphql_search import RepoBundle
from tui.github.models import FetchInfo

Found = tuple[tuple[Framework, ...], tuple[str, ...]]


class FrameworkFinder:
    """Detect frameworks from a GraphQL bundle if it suffices, else the tree and raw files."""

    def __init__(self, client: GitHubClient) -> None:
        self.client = client

    async def find(
        self, info: RepoInfo, bundle: RepoBundle | None, infos: list[FetchInfo | None]
    ) -> Found:
        """Frameworks and problems for one repository."""
        ref = info.default_branch or "HEAD"
        if bundle is not None and self._bundle_suffices(bundle):
            assert bundle.root_entries is not None
            paths = [e.path for e in bundle.root_entries if e.type == "blob"]
            files = dict(bundle.files)
            files.update(
                await self.fetch(info.full_name, bundle.head_oid or ref, bundle.truncated, infos)
            )
            return self._detect(info, paths, files, truncated=False)
        tree = await self.client.tree(info.full_name, ref)
        infos.append(tree.info)
        paths = [entry.path for entry in tree.entries if entry.type == "blob"]
        files = await self.fetch(info.full_name, ref, manifests_to_fetch(paths), infos)
        found = self._detect(info, paths, files, truncated=tree.truncated)
        if found[0] or not paths:
            return found
        # manifests were silent: a few source files may still import a framework
        sampled = await self.fetch(info.full_name, ref, sources_to_sample(paths), infos)
        return self._detect(info, paths, {**files, **sampled}, truncated=tree.truncated)

    @staticmethod
    def _bundle_suffices(bundle: RepoBundle) -> bool:
        """Root manifests are enough unless there are none or they point at workspace members."""
        if bundle.root_entries is None or not (bundle.files or bundle.truncated):
            return False
        return not any(parse_manifest(path, data).includes for path, data in bundle.files.items())

    @staticmethod
    def _detect(
        info: RepoInfo, paths: list[str], files: dict[str, bytes], *, truncated: bool
    ) -> Found:
        detection = detect(paths, files, repo_name=info.full_name)
        problems = tuple(detection.problems)
        if truncated:
            problems += ("GitHub truncated the file listing; detection may miss files.",)
        return tuple(detection.frameworks), problems

    async def fetch(
        self, full_name: str, ref: str, paths: Sequence[str], infos: list[FetchInfo | None]
    ) -> dict[str, bytes]:
        """Fetch several files at once; a file that vanished is simply left out."""

        async def one(path: str) -> tuple[str, bytes | None]:
            try:
                content = await self.client.file(full_name, ref, path)
            except NotFound:
                return path, None
            infos.append(content.info)
            return path, content.data

        pairs = await asyncio.gather(*(one(path) for path in paths))
        return {path: data for path, data in pairs if data is not None}
