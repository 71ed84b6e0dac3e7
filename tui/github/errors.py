"""Every way a GitHub request can fail, as one hierarchy the rest of repolens can catch.

    GitHubError                 base; ``user_message`` is one line that says what to do next
    ├── RateLimited             primary or secondary limit: resource, reset_at, secondary
    ├── NotFound                404: no such repository or file (or private without access)
    ├── AuthFailed              401: bad or revoked token; says which variable it came from
    ├── Blocked                 403/451: repository access blocked (DMCA, ToS, ...)
    ├── EmptyRepository         409 or "This repository is empty."
    ├── ValidationFailed        422: e.g. bad search syntax, with GitHub's own message
    ├── Forbidden               any other 403 (permissions, ``too_large``, lockout): never retried
    ├── ApiUnavailable          network down, DNS, timeouts, resets, 5xx after retries
    │   └── OfflineMiss         ``--offline`` and nothing cached for this request
    └── BadResponse             malformed or truncated body, unexpected shape
        └── TooLarge            a body past its size cap (``Limits``): never cached

No message ever contains a token or request headers. httpx exceptions never escape the client:
they are wrapped as ``ApiUnavailable(...) from exc``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tui.github.reset_time import reset_time
from tui.textsafe import clean


class GitHubError(Exception):
    """Base of every repolens GitHub failure."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def user_message(self) -> str:
        """One line for a person: what happened and what to do next."""
        # GitHub's own words end up here: strip escapes and control characters before a terminal
        line = clean(self.message.splitlines()[0] if self.message else "", single_line=True)
        return line or type(self).__name__


class RateLimited(GitHubError):
    """A rate limit was reached, or would be by sending this request.

    ``hint_var`` is the variable that would give more budget on this host (``GH_TOKEN`` for
    github.com, ``GH_ENTERPRISE_TOKEN`` elsewhere); the message names it when there is no token.
    """

    def __init__(
        self,
        resource: str,
        reset_at: datetime | None,
        *,
        secondary: bool = False,
        authenticated: bool = False,
        hint_var: str = "GH_TOKEN",
        now: datetime | None = None,
    ) -> None:
        self.resource = resource
        self.reset_at = reset_at
        self.now = now or datetime.now(UTC)  # what "today" and "already past" are judged by
        self.secondary = secondary
        self.authenticated = authenticated
        self.hint_var = hint_var
        super().__init__(self._compose())

    def _compose(self) -> str:
        kind = "Secondary rate limit" if self.secondary else "Rate limit"
        when = f"; {reset_words(self.reset_at, self.now)}" if self.reset_at else ""
        hint = "" if self.authenticated else f". Set {self.hint_var} for more"
        return f"{kind} reached for GitHub {self.resource} requests{when}{hint}."

    def hinting(self, variable: str) -> RateLimited:
        """This error, naming ``variable`` (the host's token variable) as the way to more."""
        self.hint_var = variable
        self.message = self._compose()
        self.args = (self.message,)
        return self


def reset_words(reset_at: datetime, now: datetime) -> str:
    """When a limit resets: ``resets at 14:05 (in 41 min)``, ``resets at 00:01 tomorrow (in
    2 h 5 min)``, a date when further off, and ``it has reset since`` once the time has passed."""
    if reset_at <= now:
        return "it has reset since"
    return f"resets at {reset_time(reset_at, now)}"


class NotFound(GitHubError):
    """404: the repository, file or path does not exist (or is private)."""


class AuthFailed(GitHubError):
    """401: the token was refused."""


class Blocked(GitHubError):
    """403/451: access to the repository is blocked."""


class EmptyRepository(GitHubError):
    """409: the repository has no commits."""


class ValidationFailed(GitHubError):
    """422: GitHub refused the request as invalid (a bad search query, for example)."""


class ApiUnavailable(GitHubError):
    """GitHub could not be reached, or kept failing with 5xx."""


class OfflineMiss(ApiUnavailable):
    """Offline mode, and the answer is not in the cache."""


class BadResponse(GitHubError):
    """The body was malformed, truncated or not GitHub's shape."""


class Forbidden(GitHubError):
    """403 that is not a rate limit nor a block: missing permission, file too large, lockout."""


class TooLarge(BadResponse):
    """The answer was larger than its size cap; it was not read to the end, nor cached."""
