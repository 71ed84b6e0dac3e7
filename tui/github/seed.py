"""Search items stored as their repositories' answers, so nothing asks for them again.

A search item carries what ``GET /repos/{owner}/{repo}`` would (name, stars, forks, licence,
topics, default branch...). Stored under that request's cache key, with the search's time, it
answers the preview, ``repolens show`` and ``show --offline`` without a request. An entry the
repository endpoint itself stored and that is still fresh is kept: it has an ETag and more.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta

from tui.github.fetch import Fetcher, _entry  # one way to build an entry, whatever it holds
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


async def seed_repos(
    fetcher: Fetcher,
    requests: list[tuple[Request, dict[str, object]]],
    now: datetime,
    ttl: timedelta,
) -> int:
    """Store each item as its repository request's answer; returns how many were stored."""
    cache = fetcher.cache
    if cache is None:
        return 0

    def store() -> int:  # SQLite: one thread hop for the whole page, not one per item
        stored = 0
        for req, item in requests:
            key = fetcher.key(req)
            known = cache.get(key)
            if known is not None and known.status == 200 and now - known.fetched_at < ttl:
                continue
            body = json.dumps(item).encode()
            cache.set(key, _entry(Reply(200, body, {"content-type": "application/json"}), now))
            stored += 1
        return stored

    return await asyncio.to_thread(store)
