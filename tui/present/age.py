"""How long ago something was, one way for the CLI and the TUI alike."""

from __future__ import annotations

from datetime import datetime

UNKNOWN = "\u2013"
"""Shown where a value is not known (an en dash)."""


def age(moment: datetime | None, now: datetime) -> str:
    """How long ago ``moment`` was, in one unit: ``just now``, ``5m ago``, ``3d ago``..."""
    if moment is None:
        return UNKNOWN
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return "just now"
    for unit, length in (("y", 365 * 86400), ("mo", 30 * 86400), ("d", 86400), ("h", 3600)):
        if seconds >= length:
            return f"{int(seconds // length)}{unit} ago"
    return f"{int(seconds // 60)}m ago"


def source_words(
    kind: str, from_cache: bool, stale: bool, fetched_at: datetime | None, now: datetime
) -> str:
    """Where a report came from: ``source: github, from cache (fetched 5m ago), STALE``."""
    parts = [f"source: {kind}"]
    if from_cache:
        parts.append(f"from cache (fetched {age(fetched_at, now)})")
    if stale:
        parts.append("STALE")
    return ", ".join(parts)
