"""Trees sent beside a token ``show``'s query, held until the frameworks step takes or drops them.

The query lists ``LISTING_DEPTH`` levels; a workspace deeper than that would wait for the tree
after the query answered (three waves, not two). So the recursive tree at ``HEAD`` is asked in
the same wave (one core request, spent for nothing when the root tells the whole story), and
used only when it is the tree of the commit the query named (``github_deepen``).
"""

from __future__ import annotations

import asyncio

from tui.github.client import GitHubClient
from tui.github.errors import GitHubError
from tui.github.models import Tree

Head = asyncio.Future[Tree | None]


class HeadTrees:
    """The trees on their way, by the lower-case name the query's answer gives."""

    def __init__(self, client: GitHubClient) -> None:
        self.client = client
        self._held: dict[str, Head] = {}

    async def speculate(self, full_name: str, *, offline: bool) -> Head | None:
        """The tree at ``HEAD``, sent now, unless nothing will be sent for the query: offline,
        its answer fresh in the cache, or the budget says GraphQL would refuse it."""
        if offline or self.client.budget.exhausted("graphql") is not None:
            return None
        if await self.client.repo_bundle_cached(full_name):
            return None
        return asyncio.ensure_future(self._tree(full_name, "HEAD"))

    async def kept(self, full_name: str, commit: str) -> Head | None:
        """The commit's tree when the cache holds it (an earlier ``show`` kept it): the query's
        answer came from the cache too, and the files are chosen from the same tree as then."""
        if not await self.client.tree_cached(full_name, commit):
            return None
        return asyncio.ensure_future(self._tree(full_name, commit))

    def hold(self, key: str, head: Head) -> None:
        """Keep ``head`` for the repository ``key`` (renamed: its new name) until taken."""
        self._held[key] = head

    def take(self, key: str) -> Head | None:
        """The tree held for ``key``, now the caller's to await."""
        return self._held.pop(key, None)

    def drop(self, key: str) -> None:
        """Forget (and stop) the tree held for ``key``, if nobody took it."""
        head = self._held.pop(key, None)
        if head is not None:
            head.cancel()

    def __len__(self) -> int:
        return len(self._held)

    async def _tree(self, full_name: str, ref: str) -> Tree | None:
        """The recursive tree at ``ref``; None when it cannot be had (asked again by SHA)."""
        try:
            return await self.client.tree(full_name, ref)
        except GitHubError:
            return None
