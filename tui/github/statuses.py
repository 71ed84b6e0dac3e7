"""One table from an HTTP error answer to a repolens error, so every endpoint fails the same way."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from tui.github.errors import (
    ApiUnavailable,
    AuthFailed,
    Blocked,
    EmptyRepository,
    Forbidden,
    GitHubError,
    NotFound,
    RateLimited,
    ValidationFailed,
)
from tui.github.limits import (
    bucket_from_headers,
    error_message,
    is_primary_limit,
    is_secondary_limit,
    retry_after,
    validation_message,
)

SECONDARY_DEFAULT_WAIT = timedelta(seconds=60)
_MAX_MESSAGE = 200


def one_line(text: str) -> str:
    """GitHub's text squeezed to one short line (it is shown to people, so keep it tidy)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_MESSAGE else flat[: _MAX_MESSAGE - 1] + "…"


def auth_failed(token_source: str | None, message: str) -> AuthFailed:
    """A 401, naming where the token came from (never the token itself)."""
    said = one_line(message) or "Bad credentials"
    if token_source is None:
        return AuthFailed(f"GitHub requires authentication ({said}); set GH_TOKEN.")
    return AuthFailed(
        f"GitHub refused the token from {token_source} ({said}); fix or unset {token_source}."
    )


def error_for(
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    *,
    what: str,
    resource: str,
    token_source: str | None,
    now: datetime,
) -> GitHubError:
    """The error a non-success answer means.

    Args:
        status: The HTTP status (not 2xx or 304).
        headers: The response headers.
        body: The response body (GitHub's JSON error, HTML, or nothing).
        what: What was asked for, for messages (``repository o/r``).
        resource: The rate-limit bucket the request belongs to.
        token_source: Where the token came from, or None without a token.
        now: The current time, for secondary-limit reset times.
    """
    message = error_message(body)
    lowered = message.lower()
    if status == 401:
        return auth_failed(token_source, message)
    if status == 451 or (status == 403 and "access blocked" in lowered):
        return Blocked(f"Access to {what} is blocked on GitHub ({one_line(message) or status}).")
    limited = _limit_error(status, headers, message, resource, token_source is not None, now)
    if limited is not None:
        return limited
    if status == 409 or "repository is empty" in lowered:
        return EmptyRepository(f"{what[0].upper()}{what[1:]} is empty (no commits yet).")
    if status == 404:
        return NotFound(f"Not found on GitHub: {what}.")
    if status == 403:
        return Forbidden(f"GitHub refused access to {what} ({one_line(message) or 403}).")
    if status == 422:
        return ValidationFailed(f"GitHub refused the request: {one_line(validation_message(body))}")
    if status >= 500:
        return ApiUnavailable(f"GitHub is having trouble (HTTP {status}); try again later.")
    return GitHubError(f"GitHub answered HTTP {status} for {what}: {one_line(message) or 'error'}.")


def _limit_error(
    status: int,
    headers: Mapping[str, str],
    message: str,
    resource: str,
    authenticated: bool,
    now: datetime,
) -> RateLimited | None:
    """A primary or secondary rate-limit refusal (any 429 counts as one), else None."""
    if is_primary_limit(status, headers, message):
        bucket = bucket_from_headers(headers, resource)
        reset = bucket.reset_at if bucket else None
        name = bucket.resource if bucket else resource
        return RateLimited(name, reset, authenticated=authenticated, now=now)
    if is_secondary_limit(status, headers, message) or status == 429:
        wait = retry_after(headers, now) or SECONDARY_DEFAULT_WAIT
        return RateLimited(
            resource, now + wait, secondary=True, authenticated=authenticated, now=now
        )
    return None
