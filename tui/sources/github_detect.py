"""Choose, fetch and read the files framework detection needs, spending little budget.

Three ways, cheapest first: the root manifests a GraphQL search carried (nothing more to send);
the recursive trees of a page's cut listings, then one batched GraphQL query for the files
chosen from them (``deepen``, in ``github_deepen``); the recursive tree and raw files of one
repository (REST, and the fallback for everything else).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence

from tui.analysis.frameworks import Detection, detect, manifests_to_fetch, sources_to_sample
from tui.analysis.manifests import is_manifest, manifest_format, parse_manifest
from tui.analysis.manifests.base import MAX_BYTES
from tui.analysis.report import Framework, RepoInfo
from tui.analysis.root import WORKSPACE_MARKERS, named_files, names_primary
from tui.github.client import GitHubClient
from tui.github.digests import git_blob_sha
from tui.github.errors import BadResponse, GitHubError, NotFound, ValidationFailed
from tui.github.graphql_search import RepoBundle, root_manifests
from tui.github.models import FetchInfo, Tree, TreeEntry
from tui.sources.github_deepen import deepen, skipped_problem

Found = tuple[tuple[Framework, ...], tuple[str, ...]]


def _blobs(entries: Sequence[TreeEntry]) -> list[str]:
    return [entry.path for entry in entries if entry.type == "blob"]


class FrameworkFinder:
    """Detect frameworks from a GraphQL bundle if it suffices, else the tree and raw files."""

    def __init__(self, client: GitHubClient) -> None:
        self.client = client

    @staticmethod
    def suffices(bundle: RepoBundle) -> bool:
        """True when the root manifests the search carried are the whole story.

        Not so when there are none, when one points at other files (workspace members, ``-r``
        includes), when the root is a monorepo's, when it holds a manifest the search query
        did not ask for, or when they name no primary framework (source imports may: a
        TensorFlow 1.x repository whose requirements name only Python Fire).
        """
        if bundle.root_entries is None or not (bundle.files or bundle.truncated):
            return False
        if any(parse_manifest(path, data).includes for path, data in bundle.files.items()):
            return False
        root = _blobs(bundle.root_entries)
        if WORKSPACE_MARKERS.intersection(root):
            return False
        if not all(path in root_manifests() for path in _asked_for(root)):
            return False
        if bundle.truncated:  # the rest comes over raw; judge the whole file, not a cut one
            return True
        return not detect(root, bundle.files, repo_name=bundle.repo.full_name).silent

    def needs_more(self, bundle: RepoBundle) -> bool:
        """True when ``deepen`` can help: root-level data is not enough, but the commit is known."""
        return (
            bundle.listing is None
            and bundle.head_oid is not None
            and bundle.root_entries is not None
            and not self.suffices(bundle)
        )

    async def deepen(
        self,
        bundles: Sequence[RepoBundle],
        heads: Mapping[str, Awaitable[Tree | None]] | None = None,
    ) -> dict[str, RepoBundle]:
        """Listings and files for all of ``bundles`` (``github_deepen``): the trees cut listings
        need, then one query for the files; ``heads``: trees asked at ``HEAD`` beside a query.

        Returns the bundles that got a listing, with it and their new files, by lower-case name.
        """
        return await deepen(self.client, bundles, self.wanted, heads)

    @staticmethod
    def wanted(bundle: RepoBundle, listing: Sequence[TreeEntry]) -> list[str]:
        """Member manifests, plus sources to sample when the root manifests name nothing."""
        name = bundle.repo.full_name
        paths, wanted = _listing_and_wanted(listing, name)
        root = detect(_blobs(bundle.root_entries or ()), bundle.files, repo_name=name)
        if root.silent:  # sampled only if the members are silent too (see ``find``)
            wanted += sources_to_sample(paths)
        return [p for p in wanted if p not in bundle.files and p not in bundle.truncated]

    async def find(
        self,
        info: RepoInfo,
        bundle: RepoBundle | None,
        infos: list[FetchInfo | None],
        root: dict[str, bytes] | None = None,
        tree: Tree | None = None,
    ) -> Found:
        """Frameworks and problems for one repository.

        ``root``: the root manifests the raw host gave (``root_files``); when they tell the
        whole story, no tree is asked for. ``tree``: the recursive tree, when the caller
        fetched it already (its answer is in ``infos``); the root is then not judged again.
        """
        # with a bundle, its commit pins every follow-up: trees and files by SHA never expire
        ref = (bundle.head_oid if bundle else None) or info.default_branch or "HEAD"
        known = dict(bundle.files) if bundle else {}
        if bundle is not None and (bundle.listing is not None or self.suffices(bundle)):
            listing = bundle.listing if bundle.listing is not None else bundle.root_entries
            paths = _blobs(listing or ())
            # what GraphQL cut short comes over raw; what it answered null with is absent
            missing = [p for p in bundle.truncated if p not in known]
            files = {**known, **await self.fetch(info.full_name, ref, missing, infos)}
            return await self._detect_sampled(
                info,
                paths,
                files,
                truncated=bundle.listing_truncated,
                more=bundle.listing_problems,
            )
        if bundle is None and root:
            quick = None if tree is not None else await self.from_root(info, root, ref, infos)
            if quick is not None:
                return quick
            known = dict(root)
        if tree is None:
            tree = await self.client.tree(info.full_name, ref)
            infos.append(tree.info)
        problems = skipped_problem(tree.skipped)
        # choosing and detecting walk the whole listing (100k paths at worst): off the event loop
        paths, wanted = await asyncio.to_thread(_listing_and_wanted, tree.entries, info.full_name)
        # a root that names nothing (a workspace's, or none) often means members that name
        # nothing either: the sources that would then be sampled go in the members' wave (the
        # raw host is free), and are read only if the manifests turn out silent, as before
        early = await self._early_samples(paths, known, info.full_name)
        asked = [p for p in wanted if p not in known]
        fetched = await self.fetch(
            info.full_name, ref, asked + [p for p in early if p not in asked], infos, problems
        )
        files = {p: known[p] for p in wanted if p in known} | {
            p: data for p, data in fetched.items() if p in asked
        }
        files = await self._as_listed(info.full_name, ref, files, tree, infos)
        first = await _detect(paths, files, info.full_name)
        if not paths or not first.silent:
            return self._found(first, truncated=tree.truncated, more=problems)
        # manifests named no framework (markers such as CI do not count): sample source imports
        samples = early or await asyncio.to_thread(sources_to_sample, paths)  # (early: the same)
        ready = {p: fetched[p] for p in samples if p in fetched}
        late = [p for p in samples if p not in ready and p not in early]
        sampled = ready | await self.fetch(info.full_name, ref, late, infos, problems)
        final = await _detect(paths, {**files, **sampled}, info.full_name)
        return self._found(final, truncated=tree.truncated, more=problems)

    async def _early_samples(
        self, paths: list[str], root: dict[str, bytes], full_name: str
    ) -> list[str]:
        """The sources to sample, when the root manifests (``root``) name no framework."""
        if not paths:
            return []
        if root and not (await _detect(sorted(root), root, full_name)).silent:
            return []
        return await asyncio.to_thread(sources_to_sample, paths)

    async def root_files(
        self, full_name: str, ref: str, infos: list[FetchInfo | None]
    ) -> dict[str, bytes] | None:
        """Every root manifest that exists, asked of the raw host at once (no API budget).

        Returns None when the raw host could not say (down, refusing, a web page): the tree
        and the contents API are then the way.
        """

        async def one(path: str) -> tuple[str, bytes | None]:
            try:
                # a root manifest that does not parse is used for this report, never kept
                content = await self.client.file(
                    full_name, ref, path, probe=True, keep=_parses(path)
                )
            except NotFound:
                return path, None
            infos.append(content.info)
            return path, content.data

        try:
            pairs = await asyncio.gather(*(one(path) for path in root_manifests()))
        except GitHubError:
            return None
        return {path: data for path, data in pairs if data is not None}

    async def _as_listed(
        self,
        full_name: str,
        ref: str,
        files: dict[str, bytes],
        tree: Tree,
        infos: list[FetchInfo | None],
    ) -> dict[str, bytes]:
        """``files``, with those that are not the blob ``tree`` lists read again.

        Root manifests are probed at ``HEAD``, the tree and the others read at the branch, and
        each may come from a cache entry of another age: a file whose bytes are not the blob
        the listing names comes from another commit (the branch moved). It is asked again past
        its fresh cache entry (the raw host is free; an unchanged file is a 304), so the files
        judged are the listing's; one gone since is left out.
        """
        stale = await asyncio.to_thread(_unlike_listing, files, tree)
        if not stale:
            return files
        gone: list[str] = []
        again = await self.fetch(full_name, ref, stale, infos, revalidate=True, gone=gone)
        # a re-read that failed otherwise (a web page, a refusal) keeps the copy already read
        return {p: again.get(p, data) for p, data in files.items() if p not in gone}

    async def from_root(
        self, info: RepoInfo, root: dict[str, bytes], ref: str, infos: list[FetchInfo | None]
    ) -> Found | None:
        """Detection from the root manifests alone, or None when the tree is needed.

        The tree is needed for a workspace (its members are globs to list), and when the root
        names no framework (sources are then sampled from the listing). Files a root manifest
        names outright (``-r requirements/base.txt``) are fetched without it.
        """
        extra = named_files([parse_manifest(p, d) for p, d in root.items()])
        if extra is None:
            return None  # a workspace, or globs: only a listing says what they are
        files = {**root, **await self.fetch(info.full_name, ref, extra, infos)}
        detection = await _detect(sorted(files), files, info.full_name)
        if not names_primary(detection):
            return None  # dev tools or supporting libraries alone: the listing may say more
        return self._found(detection, truncated=False)

    async def _detect_sampled(
        self,
        info: RepoInfo,
        paths: list[str],
        files: dict[str, bytes],
        *,
        truncated: bool,
        more: Sequence[str] = (),
    ) -> Found:
        """Detect from manifests; only if they are silent, from the sampled sources as well."""
        if all(is_manifest(p) for p in files):  # nothing was sampled: one pass is enough
            found = await _detect(paths, files, info.full_name)
            return self._found(found, truncated=truncated, more=more)
        samples = set(await asyncio.to_thread(sources_to_sample, paths))
        manifests = {p: d for p, d in files.items() if p not in samples}
        first = await _detect(paths, manifests, info.full_name)
        if len(manifests) == len(files) or not first.silent:
            return self._found(first, truncated=truncated, more=more)
        found = await _detect(paths, files, info.full_name)
        return self._found(found, truncated=truncated, more=more)

    @staticmethod
    def _found(detection: Detection, *, truncated: bool, more: Sequence[str] = ()) -> Found:
        """Frameworks and problems, plus a word when the listing was cut short."""
        problems = tuple(detection.problems) + tuple(more)
        if truncated:
            problems += ("GitHub truncated the file listing; detection may miss files.",)
        return tuple(detection.frameworks), problems

    async def fetch(
        self,
        full_name: str,
        ref: str,
        paths: Sequence[str],
        infos: list[FetchInfo | None],
        problems: list[str] | None = None,
        *,
        revalidate: bool = False,
        gone: list[str] | None = None,
    ) -> dict[str, bytes]:
        """Fetch several files at once; a file that vanished is simply left out (and listed in
        ``gone`` when given).

        A file that could not be read (an HTML page instead, too large, an impossible path) is
        left out too, and said in ``problems``: it is a failure, not a missing manifest.
        ``revalidate``: past fresh cache entries (``GitHubClient.file``).
        """

        async def one(path: str) -> tuple[str, bytes | None]:
            keep = _parses(path) if is_manifest(path) else None
            try:
                content = await self.client.file(
                    full_name, ref, path, keep=keep, revalidate=revalidate
                )
            except NotFound:  # gone: detect from the rest
                if gone is not None:
                    gone.append(path)
                return path, None
            except (BadResponse, ValidationFailed) as exc:  # not the file: say so, go on
                if problems is not None:
                    problems.append(f"{path}: could not be read ({exc.user_message})")
                return path, None
            infos.append(content.info)
            return path, content.data

        pairs = await asyncio.gather(*(one(path) for path in paths))
        return {path: data for path, data in pairs if data is not None}


def _parses(path: str) -> Callable[[bytes], bool]:
    """Whether a fetched manifest may be cached: only if it parses without problems."""
    return lambda data: not parse_manifest(path, data).problems


def _unlike_listing(files: dict[str, bytes], tree: Tree) -> list[str]:
    """The manifests of ``files`` whose bytes are not the blob ``tree`` lists at their path.

    Sampled sources are not checked: a wrong import line changes little, and a second read
    of each would cost a round trip for nothing in the usual case.
    """
    listed = {e.path: e.sha for e in tree.entries if e.type == "blob"}
    return [
        path
        for path, data in files.items()
        if is_manifest(path) and listed.get(path) and git_blob_sha(data) != listed[path]
    ]


def _listing_and_wanted(
    entries: Sequence[TreeEntry], full_name: str
) -> tuple[list[str], list[str]]:
    """The blob paths of a listing and the manifests worth fetching (not those too big to
    parse): one rule for every path, with a token or without."""
    paths = _blobs(entries)
    oversized = {e.path for e in entries if e.size is not None and e.size > MAX_BYTES}
    wanted = manifests_to_fetch(paths, repo_name=full_name)
    return paths, [p for p in wanted if p not in oversized]


async def _detect(paths: list[str], files: dict[str, bytes], full_name: str) -> Detection:
    """``detect`` in a thread: it is pure, but a large listing takes a noticeable while."""
    return await asyncio.to_thread(detect, paths, files, repo_name=full_name)


def _asked_for(root: Sequence[str]) -> list[str]:
    """Root manifests a search query would ask for: not supplements (a Dockerfile, a Makefile),
    which only matter when the others name no primary framework (``detect(...).silent``)."""
    return [
        path for path in manifests_to_fetch(root)
        if (found := manifest_format(path)) is None or not found.supplement
    ]  # fmt: skip
