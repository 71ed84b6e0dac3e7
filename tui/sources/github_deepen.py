"""Deeper listings and the files they name, for GraphQL bundles (a search page's or one show's).

A search node lists the root; a single repository's own query lists ``LISTING_DEPTH`` levels.
Either is cut when it holds directories it did not open, and a manifest in one of them
(``src/Web/ClientApp/package.json``) would go unseen: the token answer would differ from the one
without a token, which reads the recursive tree. So a cut listing is completed by the recursive
tree first (one core request by commit SHA, cached forever; or nothing, when ``show`` sent the
tree at ``HEAD`` beside its query and it is that commit's), and the files chosen from the whole
tree come in one query after it: the verdict is two waves away, never three. A complete listing
costs no tree; a tree that cannot be had leaves the listing there is (said so in the report).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from tui.analysis.selection import is_vendored
from tui.github.client import GitHubClient
from tui.github.errors import GitHubError
from tui.github.graphql_batch import (
    LISTING_DEPTH,
    Blobs,
    Target,
    blobs_query,
    listing_query,
    parse_blobs,
    parse_listing,
)
from tui.github.graphql_search import RepoBundle
from tui.github.models import Tree, TreeEntry

Chooser = Callable[[RepoBundle, Sequence[TreeEntry]], list[str]]
"""The files worth reading from a bundle's listing (``FrameworkFinder.wanted``)."""


def listing_cut(listing: Sequence[TreeEntry], depth: int = LISTING_DEPTH) -> bool:
    """True when a ``depth``-level listing holds directories whose contents it lacks.

    A directory at the last level listed was not opened. Vendored and build folders
    (``node_modules``, ``vendor``) do not count: nothing in them is ever read.
    """
    last = depth - 1  # slashes in a path at the last level listed
    return any(
        entry.type == "tree" and entry.path.count("/") == last and not is_vendored(f"{entry.path}/")
        for entry in listing
    )


@dataclass(frozen=True, slots=True)
class _Whole:
    """What completing one cut listing gave: the listing to use, and what to say about it.

    ``whole``: False when the tree could not be had and ``listing`` is the cut one.
    """

    listing: tuple[TreeEntry, ...]
    truncated: bool = False
    problems: tuple[str, ...] = ()
    whole: bool = True


def _known(bundle: RepoBundle) -> tuple[tuple[TreeEntry, ...], int]:
    """The listing a bundle came with and its depth: its own query's, else the search's root."""
    if bundle.deep is not None:
        return bundle.deep, LISTING_DEPTH
    return bundle.root_entries or (), 1


async def deepen(
    client: GitHubClient,
    bundles: Sequence[RepoBundle],
    wanted: Chooser,
    heads: Mapping[str, Awaitable[Tree | None]] | None = None,
) -> dict[str, RepoBundle]:
    """Listings and files for all of ``bundles``: the trees their cut listings need, then one
    query for every file chosen.

    ``heads``: recursive trees asked at ``HEAD`` beside a bundle's own query, by lower-case
    name; one is used when it is the tree of the bundle's commit. Returns the bundles that got
    a listing, with it and their new files, by lower-case name.
    """
    pinned = {b.repo.full_name.lower(): b for b in bundles if b.head_oid}
    known = {key: _known(b) for key, b in pinned.items()}
    listings = {key: listing for key, (listing, _) in known.items()}
    cut = [key for key, (listing, depth) in known.items() if listing_cut(listing, depth)]
    wholes = await _whole_listings(client, pinned, listings, cut, heads or {})
    listings.update((key, whole.listing) for key, whole in wholes.items())
    # a search node whose tree could not be had: its listing three levels deep, as it can be
    shallow = {key: pinned[key] for key, w in wholes.items() if not w.whole and known[key][1] == 1}
    if shallow:
        listings.update(await _listings(client, shallow))
    chosen = {
        # a whole tree may hold 100,000 paths: chosen off the event loop
        key: await asyncio.to_thread(wanted, pinned[key], listing)
        for key, listing in listings.items()
    }
    blobs = await _blobs(client, pinned, chosen)
    return {
        key: _deepened(pinned[key], listing, chosen[key], blobs, wholes.get(key))
        for key, listing in listings.items()
    }


async def _listings(
    client: GitHubClient, pinned: Mapping[str, RepoBundle]
) -> dict[str, tuple[TreeEntry, ...]]:
    """One listing query, ``LISTING_DEPTH`` levels deep: for search nodes whose tree failed."""
    targets = [_target(b) for b in pinned.values()]
    query, variables = listing_query(targets)
    data, _ = await client.graphql_with_info(query, variables, immutable=True)
    return parse_listing(data, targets)


def _target(bundle: RepoBundle, paths: Sequence[str] = ()) -> Target:
    assert bundle.head_oid is not None  # only pinned bundles get here
    return Target(bundle.repo.full_name, bundle.head_oid, tuple(paths))


async def _blobs(
    client: GitHubClient, pinned: dict[str, RepoBundle], paths: dict[str, list[str]]
) -> dict[str, Blobs]:
    """One query fetching ``paths`` of each bundle (nothing sent when there are none)."""
    targets = [_target(pinned[key], found) for key, found in paths.items() if found]
    if not targets:
        return {}
    query, variables = blobs_query(targets)
    data, _ = await client.graphql_with_info(query, variables, immutable=True)
    return parse_blobs(data, targets)


async def _whole_listings(
    client: GitHubClient,
    pinned: dict[str, RepoBundle],
    listings: dict[str, tuple[TreeEntry, ...]],
    cut: Sequence[str],
    heads: Mapping[str, Awaitable[Tree | None]],
) -> dict[str, _Whole]:
    """The recursive tree of each cut listing's repository, all at once (the client paces)."""
    found = await asyncio.gather(
        *(_whole(client, pinned[key], listings[key], heads.get(key)) for key in cut)
    )
    return dict(zip(cut, found, strict=True))


async def _whole(
    client: GitHubClient,
    bundle: RepoBundle,
    cut: tuple[TreeEntry, ...],
    asked: Awaitable[Tree | None] | None,
) -> _Whole:
    """One repository's whole listing; the cut one, said so, when the tree cannot be had.

    ``asked``: the tree asked at ``HEAD`` beside the bundle's query; used when it is the tree of
    the bundle's commit (the branch did not move between the two answers), else asked by SHA.
    """
    assert bundle.head_oid is not None
    tree = await asked if asked is not None else None
    if tree is not None and tree.sha == bundle.head_tree:
        # kept as the commit's own answer: asked by SHA later (offline too) it is found
        await client.pin_tree(bundle.repo.full_name, bundle.head_oid, tree)
    else:
        try:
            tree = await client.tree(bundle.repo.full_name, bundle.head_oid)
        except GitHubError as exc:  # a spent core bucket, say: the cut listing still tells a lot
            problem = (
                f"The whole file listing could not be read ({exc.user_message}); detection "
                f"looked {LISTING_DEPTH} levels deep only."
            )
            return _Whole(cut, problems=(problem,), whole=False)
    return _Whole(_merged(tree, cut), tree.truncated, _skipped(tree))


def _merged(tree: Tree, cut: tuple[TreeEntry, ...]) -> tuple[TreeEntry, ...]:
    """The tree's entries; when GitHub truncated it, plus the cut listing's it left out."""
    if not tree.truncated:
        return tree.entries
    seen = {entry.path for entry in tree.entries}
    return tree.entries + tuple(entry for entry in cut if entry.path not in seen)


def _skipped(tree: Tree) -> tuple[str, ...]:
    """A word on tree entries left out for impossible paths, as the REST path says it."""
    return tuple(skipped_problem(tree.skipped))


MAX_SKIPPED_SHOWN = 3


def skipped_problem(skipped: Sequence[str]) -> list[str]:
    """One problem line for tree entries left out because no file could have their path."""
    if not skipped:
        return []
    shown = ", ".join(repr(p[:80]) for p in skipped[:MAX_SKIPPED_SHOWN])
    more = (
        f" and {len(skipped) - MAX_SKIPPED_SHOWN} more" if len(skipped) > MAX_SKIPPED_SHOWN else ""
    )
    return [f"Skipped {len(skipped)} tree entries with impossible paths: {shown}{more}."]


def _deepened(
    bundle: RepoBundle,
    listing: tuple[TreeEntry, ...],
    chosen: list[str],
    blobs: dict[str, Blobs],
    whole: _Whole | None,
) -> RepoBundle:
    """``bundle`` with its listing and the files chosen from it."""
    key = bundle.repo.full_name.lower()
    keep = set(chosen)
    files = dict(bundle.files)
    truncated = list(bundle.truncated)
    found = blobs.get(key)
    if found is not None:
        files.update((p, data) for p, data in found.files.items() if p in keep)
        truncated += [p for p in found.truncated if p in keep]
    return replace(
        bundle,
        listing=listing,
        files=files,
        truncated=tuple(truncated),
        listing_truncated=whole is not None and whole.truncated,
        listing_problems=whole.problems if whole else (),
    )
