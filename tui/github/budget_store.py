"""The rate-limit budget on disk, per host and identity, so that it outlives the process.

A ``repolens show`` started after another process spent the hour must not send a request GitHub
will refuse, and the meter must be right at start-up without asking ``/rate_limit``. Each
(host, identity) pair has one small JSON file in ``<cache dir>/budget/``; the identity is the
token's fingerprint (never the token) or ``anon``. A bucket whose reset has passed is dropped on
load: GitHub has refilled it. Writes replace the file atomically; a file that cannot be read or
written is ignored (the budget then starts empty, as it did before it was persisted).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tui.github.budget import Budget
from tui.github.models import RateBucket

FOLDER = "budget"
"""The subfolder of the cache directory holding the budget files."""


def budget_path(cache_dir: Path, host: str, identity: str) -> Path:
    """Where one host and identity keep their budget (names made safe for any file system)."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", f"{host}-{identity}")
    return cache_dir / FOLDER / f"{safe}.json"


def load_buckets(path: Path, now: datetime) -> list[RateBucket]:
    """The buckets saved at ``path`` that have not reset yet (none if the file is unusable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    buckets = []
    for name, raw in data.items():
        try:
            reset_at = datetime.fromtimestamp(int(raw["reset"]), UTC)
            bucket = RateBucket(
                str(name), int(raw["limit"]), int(raw["remaining"]), int(raw["used"]), reset_at
            )
        except (KeyError, TypeError, ValueError, OverflowError, OSError):
            continue
        if reset_at > now:
            buckets.append(bucket)
    return buckets


def save_buckets(path: Path, buckets: dict[str, RateBucket]) -> None:
    """Write ``buckets`` to ``path`` atomically; a failure to write is not an error."""
    data = {
        name: {
            "limit": b.limit,
            "remaining": b.remaining,
            "used": b.used,
            "reset": int(b.reset_at.timestamp()),
        }
        for name, b in buckets.items()
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".budget-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(tmp, path)  # another process reads the old file or the new one, never half
    except OSError:
        return


def persist(budget: Budget, path: Path, clock: Callable[[], datetime]) -> Callable[[], None]:
    """Fill ``budget`` from ``path``, then save it there after every change.

    Returns:
        A function that stops saving.
    """
    for bucket in load_buckets(path, clock()):
        budget.update(bucket)
    # the file is tiny and written once per answer: cheap next to the request that caused it
    return budget.subscribe(lambda snapshot: save_buckets(path, snapshot))
