"""Search items stored as their repositories' answers, so nothing asks for them again.

A search item carries what ``GET /repos/{owner}/{repo}`` would (name, stars, forks, licence,
topics, default branch...). Stored under that request's cache key, with the search's time, it
answers the preview, ``repolens show`` and ``show --offline`` without a request. An entry the
repository endpoint itself stored and that is still fresh is kept: it has an ETag and more.

A GraphQL search node carries more: besides the metadata (stored as the REST answer, in its
shape), the languages, root listing and root manifests of the single-repository query, so it is
stored as that query's answer too. Its listing is the root only (the single query's goes deeper):
a workspace then needs its listing asked for, as it would after a search in the same session.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tui.github.fetch import Fetcher, _entry  # one way to build an entry, whatever it holds
from tui.github.models import Repo, Tree
from tui.github.request import Reply, Request
from tui.github.urls import is_repo_name


def items_of(body: bytes) -> list[dict[str, object]]:
    """The items of a REST search answer's body (already validated by its parser)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return []
    items = data.get("items") if isinstance(data, dict) else None
    # an item GitHub named impossibly (``evil/../../x``) has no repository URL to answer for
    return [
        i
        for i in items or []
        if isinstance(i, dict)
        and isinstance(i.get("full_name"), str)
        and is_repo_name(i["full_name"])
    ]


def nodes_of(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The repository nodes of a GraphQL search answer's ``data`` with a possible name."""
    search = data.get("search")
    nodes = search.get("nodes") if isinstance(search, Mapping) else None
    return [
        n
        for n in nodes or []
        if isinstance(n, Mapping)
        and isinstance(n.get("nameWithOwner"), str)
        and is_repo_name(n["nameWithOwner"])
    ]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def rest_item(repo: Repo) -> dict[str, object]:
    """``repo`` in the shape of ``GET /repos/{owner}/{repo}`` (what ``repo_from_json`` reads)."""
    return {
        "id": repo.id,
        "full_name": repo.full_name,
        "description": repo.description,
        "html_url": repo.html_url,
        "homepage": repo.homepage,
        "stargazers_count": repo.stars,
        "forks_count": repo.forks,
        "open_issues_count": repo.open_issues,
        "subscribers_count": repo.watchers,
        "license": {"spdx_id": repo.license} if repo.license else None,
        "topics": list(repo.topics),
        "default_branch": repo.default_branch,
        "created_at": _iso(repo.created_at),
        "pushed_at": _iso(repo.pushed_at),
        "updated_at": _iso(repo.updated_at),
        "archived": repo.archived,
        "fork": repo.fork,
        "size": repo.size_kb,
        "language": repo.primary_language,
    }


def tree_body(tree: Tree) -> bytes:
    """``tree`` in the shape of ``GET .../git/trees/{sha}?recursive=1`` (what ``parse_tree``
    reads back to the same tree, its skipped impossible paths included)."""
    entries: list[dict[str, object]] = [
        {"path": e.path, "type": e.type, "sha": e.sha, "size": e.size, "mode": e.mode}
        for e in tree.entries
    ]
    entries += [{"path": path, "type": "blob"} for path in tree.skipped]
    return json.dumps({"sha": tree.sha, "tree": entries, "truncated": tree.truncated}).encode()


async def seed_answers(
    fetcher: Fetcher, answers: list[tuple[Request, bytes]], now: datetime
) -> int:
    """Store each body as its request's answer, fetched ``now``; returns how many were stored.

    An entry already stored for a request and still fresh by that request's ``ttl`` is kept.
    """
    cache = fetcher.cache
    if cache is None:
        return 0

    def store() -> int:  # SQLite: one thread hop for the whole page, not one per item
        stored = 0
        for req, body in answers:
            key = fetcher.key(req)
            known = cache.get(key)
            fresh = known is not None and (req.ttl is None or now - known.fetched_at < req.ttl)
            if known is not None and known.status == 200 and fresh:
                continue
            cache.set(key, _entry(Reply(200, body, {"content-type": "application/json"}), now))
            stored += 1
        return stored

    return await asyncio.to_thread(store)
