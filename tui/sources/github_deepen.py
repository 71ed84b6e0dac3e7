"""Deeper listings and the files they name, for GraphQL bundles (a search page's or one show's).

A GraphQL listing goes ``LISTING_DEPTH`` levels down. That is enough for most workspaces, but a
manifest deeper than that (``src/Web/ClientApp/package.json``) would go unseen, and the token
answer would differ from the one without a token, which reads the recursive tree. So when a
listing was cut (directories at its last level, their contents unknown), the recursive tree is
asked for over REST (one core request; by commit SHA, cached forever) in the same wave as the
files chosen from the cut listing. Only when the whole tree chooses files the cut listing could
not are those fetched, in one more query. A complete listing costs no tree.

``show`` sends the tree at ``HEAD`` beside its own query (``GitHubSource``): when that tree is
the commit's (its root tree SHA is the one the query named), the files are chosen from it at
once, and the verdict is two waves away, never three.

Waves, for repositories that need more than their root: a search page's take the listing query,
then files and trees together, then (rarely) the files only the trees revealed; a single
repository's own query carries its listing and its tree, so it needs the files query only.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from tui.analysis.frameworks import detect
from tui.analysis.manifests import is_manifest
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


def listing_cut(listing: Sequence[TreeEntry]) -> bool:
    """True when a ``LISTING_DEPTH``-level listing holds directories whose contents it lacks.

    A directory at the last level listed was not opened. Vendored and build folders
    (``node_modules``, ``vendor``) do not count: nothing in them is ever read.
    """
    last = LISTING_DEPTH - 1  # slashes in a path at the last level listed
    return any(
        entry.type == "tree" and entry.path.count("/") == last and not is_vendored(f"{entry.path}/")
        for entry in listing
    )


@dataclass(frozen=True, slots=True)
class _Whole:
    """What completing one cut listing gave: the listing to use, and what to say about it."""

    listing: tuple[TreeEntry, ...]
    truncated: bool = False
    problems: tuple[str, ...] = ()


async def deepen(
    client: GitHubClient,
    bundles: Sequence[RepoBundle],
    wanted: Chooser,
    heads: Mapping[str, Awaitable[Tree | None]] | None = None,
) -> dict[str, RepoBundle]:
    """Listings and files for all of ``bundles``, in as few waves as their listings allow.

    A bundle whose own query listed it (``deep``) is not listed again. ``heads``: trees asked
    at ``HEAD`` beside a bundle's own query, by lower-case name. Returns the bundles that got a
    listing, with it and their new files, by lower-case name.
    """
    pinned = {b.repo.full_name.lower(): b for b in bundles if b.head_oid}
    listings = await _listings(client, pinned)
    cut = [key for key, listing in listings.items() if listing_cut(listing)]
    ready = await _head_listings(client, pinned, listings, cut, heads or {})
    listings.update((key, whole.listing) for key, whole in ready.items())
    cut = [key for key in cut if key not in ready]
    # a whole tree may hold 100,000 paths: chosen from off the event loop
    chosen = {
        key: await asyncio.to_thread(wanted, pinned[key], listing)
        for key, listing in listings.items()
    }
    trees = asyncio.ensure_future(_whole_listings(client, pinned, listings, cut))
    try:
        blobs = await _blobs(client, pinned, chosen)
        wholes = await trees
    finally:
        if not trees.done():  # the files query failed: its trees are not wanted either
            trees.cancel()
            with contextlib.suppress(BaseException):
                await trees
    # a whole listing may choose files the cut one could not see: one more query for those
    more: dict[str, list[str]] = {}
    for key, whole in wholes.items():
        listings[key] = whole.listing
        asked = set(chosen[key])  # found or not (GitHub answered null): not asked again
        # a whole tree may hold 100,000 paths: chosen from off the event loop
        chosen[key] = await asyncio.to_thread(wanted, pinned[key], whole.listing)
        more[key] = await asyncio.to_thread(
            _still_needed, pinned[key], whole.listing, chosen[key], asked, blobs.get(key)
        )
    extra = await _blobs(client, pinned, more) if any(more.values()) else {}
    wholes.update(ready)
    return {
        key: _deepened(pinned[key], listing, chosen[key], blobs, extra, wholes.get(key))
        for key, listing in listings.items()
    }


def _still_needed(
    bundle: RepoBundle,
    listing: Sequence[TreeEntry],
    chosen: Sequence[str],
    asked: set[str],
    got: Blobs | None,
) -> list[str]:
    """The chosen files not fetched yet, less sources that would not be read.

    Sources are read only when the manifests name no primary framework (``find``): once every
    manifest chosen is in hand and they do name one, the sources the whole listing chose
    (deeper than the cut one could see) are not worth a round trip.
    """
    pending = [p for p in chosen if p not in asked]
    if any(is_manifest(p) for p in pending) or not pending:
        return pending
    if got is not None and got.truncated:
        return pending  # a manifest cut short is not judged until read whole: keep the sources
    fetched = {p: d for p, d in (got.files if got else {}).items() if p in chosen}
    manifests = {p: d for p, d in {**bundle.files, **fetched}.items() if is_manifest(p)}
    paths = [entry.path for entry in listing if entry.type == "blob"]
    return pending if detect(paths, manifests, repo_name=bundle.repo.full_name).silent else []


async def _listings(
    client: GitHubClient, pinned: dict[str, RepoBundle]
) -> dict[str, tuple[TreeEntry, ...]]:
    """Each bundle's listing: the one its query carried, else one listing query for the rest."""
    listings = {key: b.deep for key, b in pinned.items() if b.deep is not None}
    targets = [_target(b) for key, b in pinned.items() if key not in listings]
    if targets:
        query, variables = listing_query(targets)
        data, _ = await client.graphql_with_info(query, variables, immutable=True)
        listings.update(parse_listing(data, targets))
    return listings


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
) -> dict[str, _Whole]:
    """The recursive tree of each cut listing's repository, all at once (the client paces)."""
    found = await asyncio.gather(*(_whole(client, pinned[key], listings[key]) for key in cut))
    return dict(zip(cut, found, strict=True))


async def _head_listings(
    client: GitHubClient,
    pinned: dict[str, RepoBundle],
    listings: dict[str, tuple[TreeEntry, ...]],
    cut: Sequence[str],
    heads: Mapping[str, Awaitable[Tree | None]],
) -> dict[str, _Whole]:
    """The whole listings the trees sent at ``HEAD`` give, for the cut listings they complete.

    A tree is used only when it is the tree of the bundle's commit (the branch did not move
    between the two answers); it is then kept as that commit's answer, so asking by SHA later
    (``--offline`` too) finds it. The others are asked by SHA, as usual.
    """
    found: dict[str, _Whole] = {}
    for key in (key for key in cut if key in heads):
        tree, bundle = await heads[key], pinned[key]
        if tree is None or bundle.head_oid is None or tree.sha != bundle.head_tree:
            continue
        await client.pin_tree(bundle.repo.full_name, bundle.head_oid, tree)
        found[key] = _Whole(_merged(tree, listings[key]), tree.truncated, _skipped(tree))
    return found


async def _whole(client: GitHubClient, bundle: RepoBundle, cut: tuple[TreeEntry, ...]) -> _Whole:
    """One repository's whole listing; the cut one, said so, when the tree cannot be had."""
    assert bundle.head_oid is not None
    try:
        tree = await client.tree(bundle.repo.full_name, bundle.head_oid)
    except GitHubError as exc:  # a spent core bucket, say: the cut listing still tells a lot
        problem = (
            f"The whole file listing could not be read ({exc.user_message}); detection looked "
            f"{LISTING_DEPTH} levels deep only."
        )
        return _Whole(cut, problems=(problem,))
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
    extra: dict[str, Blobs],
    whole: _Whole | None,
) -> RepoBundle:
    """``bundle`` with its listing and the files chosen from it.

    Files the cut listing chose but the whole one did not are dropped, so detection reads what
    it would read from the tree without a token.
    """
    key = bundle.repo.full_name.lower()
    keep = set(chosen)
    files = dict(bundle.files)
    truncated = list(bundle.truncated)
    for found in (blobs.get(key), extra.get(key)):
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
