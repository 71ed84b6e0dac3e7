"""Exit codes (one table, also in the README) and the one-line usage error.

0  success
1  any other error (bad credentials, blocked repository, malformed answer, ...)
2  usage: bad flags or arguments, or a search query GitHub refuses
3  not found
4  rate limited (the message gives the reset time)
5  offline or network error, with nothing cached to fall back on
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.github.errors import GitHubError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_RATE_LIMITED, EXIT_OFFLINE = range(6)


def exit_code(error: GitHubError) -> int:
    """The documented exit code for a failure."""
    # (imported here: a local scan, which never fails this way, loads nothing of tui.github)
    from tui.github.errors import ApiUnavailable, NotFound, RateLimited, ValidationFailed

    if isinstance(error, NotFound):
        return EXIT_NOT_FOUND
    if isinstance(error, RateLimited):
        return EXIT_RATE_LIMITED
    if isinstance(error, ApiUnavailable):
        return EXIT_OFFLINE
    if isinstance(error, ValidationFailed):
        return EXIT_USAGE
    return EXIT_ERROR


def usage_error(message: str) -> int:
    """Print a one-line usage error; returns the usage exit code."""
    print(f"repolens: {message}", file=sys.stderr)
    return EXIT_USAGE
