"""Reading GitHub's answers about limits: ``X-RateLimit-*`` headers and 403/429 classification."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.github.models import RateBucket

SECONDARY_MARKERS = (
    "secondary rate",
    "abuse detection",
    "please wait a few minutes before you try",
)


def bucket_from_headers(
    headers: Mapping[str, str], default_resource: str | None
) -> RateBucket | None:
    """The rate-limit bucket a response reports, or None when it carries no usable headers.

    Args:
        headers: Response headers (case-insensitive mapping, as httpx gives them).
        default_resource: The bucket to assume when ``x-ratelimit-resource`` is absent.
    """
    try:
        limit = int(headers["x-ratelimit-limit"])
        remaining = int(headers["x-ratelimit-remaining"])
        reset_at = _epoch(int(headers["x-ratelimit-reset"]))
    except (KeyError, ValueError):
        return None
    resource = headers.get("x-ratelimit-resource") or default_resource
    if not resource:
        return None
    try:
        used = int(headers.get("x-ratelimit-used", limit - remaining))
    except ValueError:
        used = limit - remaining
    return RateBucket(resource, limit, remaining, used, reset_at)


def buckets_from_rate_limit(body: object) -> dict[str, RateBucket]:
    """Every bucket in a ``/rate_limit`` answer (``resources`` is an open mapping)."""
    if not isinstance(body, dict) or not isinstance(body.get("resources"), dict):
        raise ValueError("no resources")
    buckets: dict[str, RateBucket] = {}
    for name, raw in body["resources"].items():
        if not isinstance(raw, dict):
            continue
        limit, remaining = int(raw["limit"]), int(raw["remaining"])
        used = int(raw.get("used", limit - remaining))
        buckets[str(name)] = RateBucket(
            str(name), limit, remaining, used, _epoch(int(raw["reset"]))
        )
    return buckets


def _epoch(seconds: int) -> datetime:
    """Epoch seconds as a UTC time; ``ValueError`` for a value no clock can hold."""
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError) as exc:
        raise ValueError(f"not a time: {seconds}") from exc


def _json_object(body: bytes) -> dict[str, Any] | None:
    """An error body's JSON object, or None (HTML, empty, hostile nesting, not an object)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def error_message(body: bytes) -> str:
    """GitHub's ``message`` from an error body, or "" when there is none (HTML, empty, ...)."""
    data = _json_object(body)
    if data is not None and isinstance(data.get("message"), str):
        return str(data["message"])
    return ""


def validation_message(body: bytes) -> str:
    """The most useful text of a 422: ``errors[].message`` when present, else ``message``."""
    data = _json_object(body)
    if data is None:
        return "GitHub refused the request as invalid."
    details = [
        str(e["message"])
        for e in data.get("errors") or []
        if isinstance(e, dict) and isinstance(e.get("message"), str)
    ]
    if details:
        return " ".join(details)
    return str(data.get("message") or "Validation Failed")


def is_primary_limit(status: int, headers: Mapping[str, str], message: str) -> bool:
    """A 403/429 that means the hourly (or per-minute) budget is spent."""
    if status not in (403, 429):
        return False
    return headers.get("x-ratelimit-remaining") == "0" or message.lower().startswith(
        "api rate limit exceeded"
    )


def is_secondary_limit(status: int, headers: Mapping[str, str], message: str) -> bool:
    """A 403/429 that means "slow down": ``Retry-After`` or GitHub's secondary-limit wording."""
    if status not in (403, 429):
        return False
    lowered = message.lower()
    return "retry-after" in headers or any(marker in lowered for marker in SECONDARY_MARKERS)


MAX_RETRY_AFTER = timedelta(days=1)
"""The longest wait believed: ``Retry-After: 1e20`` (or a date in year 9999) means "a long
time", and a day is as long as any limit GitHub has; it also keeps every date arithmetic sane."""


def retry_after(headers: Mapping[str, str], now: datetime) -> timedelta | None:
    """How long GitHub asks us to wait: ``Retry-After`` (seconds or an HTTP date), else None.

    Negative waits count as none, absurd ones as ``MAX_RETRY_AFTER``; garbage (``nan``,
    words) is None, as if the header were absent.
    """
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is not None:
        if math.isnan(seconds):
            return None
        return timedelta(seconds=min(max(0.0, seconds), MAX_RETRY_AFTER.total_seconds()))
    from email.utils import parsedate_to_datetime  # (2 ms: only for a dated Retry-After)

    try:
        return min(MAX_RETRY_AFTER, max(timedelta(0), parsedate_to_datetime(value) - now))
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
