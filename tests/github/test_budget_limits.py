"""The budget ledger and the reading of GitHub's rate-limit headers and refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tui.github.budget import Budget
from tui.github.errors import RateLimited
from tui.github.limits import (
    bucket_from_headers,
    buckets_from_rate_limit,
    is_primary_limit,
    is_secondary_limit,
    retry_after,
)
from tui.github.models import RateBucket
from tui.github.statuses import error_for

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
RESET = 1767272400  # 2026-01-01 13:00 UTC


def _headers(**values: str) -> httpx.Headers:
    return httpx.Headers({f"x-ratelimit-{k}": v for k, v in values.items()})


def test_headers_become_a_bucket() -> None:
    bucket = bucket_from_headers(
        _headers(limit="60", remaining="57", used="3", reset=str(RESET), resource="core"), None
    )
    assert bucket == RateBucket("core", 60, 57, 3, datetime(2026, 1, 1, 13, 0, tzinfo=UTC))


def test_missing_or_partial_headers_are_ignored() -> None:
    assert bucket_from_headers(httpx.Headers({}), "core") is None
    assert bucket_from_headers(_headers(limit="60", remaining="x", reset="1"), "core") is None
    old_style = bucket_from_headers(_headers(limit="60", remaining="50", reset=str(RESET)), "core")
    assert old_style is not None
    assert (old_style.resource, old_style.used) == ("core", 10)


def test_rate_limit_body_is_an_open_mapping() -> None:
    body = {
        "resources": {
            "core": {"limit": 60, "remaining": 60, "used": 0, "reset": RESET},
            "scim": {"limit": 15000, "remaining": 15000, "reset": RESET},
        },
        "rate": {"limit": 60, "remaining": 60, "reset": RESET},
    }
    assert set(buckets_from_rate_limit(body)) == {"core", "scim"}
    with pytest.raises(ValueError, match="resources"):
        buckets_from_rate_limit({"rate": {}})


def test_budget_knows_exhaustion_until_reset_and_tells_listeners() -> None:
    budget = Budget()
    seen: list[dict[str, RateBucket]] = []
    stop = budget.subscribe(seen.append)
    budget.update(RateBucket("core", 60, 0, 60, NOW + timedelta(minutes=5)))
    assert budget.exhausted("core", NOW) is not None
    assert budget.exhausted("core", NOW + timedelta(minutes=6)) is None
    assert budget.exhausted("search", NOW) is None
    stop()
    budget.update(RateBucket("core", 60, 60, 0, NOW))
    assert len(seen) == 1


@pytest.mark.parametrize(
    ("status", "headers", "message", "primary", "secondary"),
    [
        (403, {"x-ratelimit-remaining": "0"}, "", True, False),
        (429, {}, "API rate limit exceeded for 1.2.3.4.", True, False),
        (403, {"retry-after": "60"}, "", False, True),
        (
            403,
            {},
            "You have exceeded a secondary rate limit and have been temporarily blocked",
            False,
            True,
        ),
        (403, {}, "You have triggered an abuse detection mechanism.", False, True),
        (
            403,
            {"x-ratelimit-remaining": "12"},
            "Resource not accessible by integration",
            False,
            False,
        ),
        (404, {"x-ratelimit-remaining": "0"}, "Not Found", False, False),
    ],
)
def test_403_and_429_are_classified(
    status: int, headers: dict[str, str], message: str, primary: bool, secondary: bool
) -> None:
    wrapped = httpx.Headers(headers)
    assert is_primary_limit(status, wrapped, message) is primary
    assert is_secondary_limit(status, wrapped, message) is secondary


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after(httpx.Headers({"retry-after": "7"}), NOW) == timedelta(seconds=7)
    later = {"retry-after": "Thu, 01 Jan 2026 12:02:00 GMT"}
    assert retry_after(httpx.Headers(later), NOW) == timedelta(minutes=2)
    assert retry_after(httpx.Headers({}), NOW) is None


def test_primary_refusal_carries_resource_and_reset() -> None:
    headers = _headers(limit="10", remaining="0", reset=str(RESET), resource="search")
    error = error_for(
        403,
        headers,
        b'{"message": "API rate limit exceeded"}',
        what="search",
        resource="core",
        token_source=None,
        now=NOW,
    )
    assert isinstance(error, RateLimited)
    assert (error.resource, error.reset_at, error.secondary) == (
        "search",
        datetime.fromtimestamp(RESET, UTC),
        False,
    )
    assert "Set GH_TOKEN" in error.user_message
