"""Token discovery the way the GitHub CLI does it: environment first, then ``gh auth token``."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.github.digests import sha256

GH_TIMEOUT_SECONDS = 3.0
_PUBLIC_VARS = ("GH_TOKEN", "GITHUB_TOKEN")
_ENTERPRISE_VARS = ("GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN")


@dataclass(frozen=True)
class Token:
    """A GitHub token and where it came from; ``repr`` never shows the value.

    Attributes:
        value: The secret itself; never log, print or store it.
        source: Where it came from: ``GH_TOKEN``, ``GITHUB_TOKEN``, ``gh auth token``, ...
    """

    value: str = field(repr=False)
    source: str

    def __str__(self) -> str:
        return f"Token(source={self.source!r})"


def identity(token: Token | None) -> str:
    """Who is asking, as the cache and kept outputs key it: a short hash of the token (never
    the token itself), or ``anon``; answers differ with and without a token."""
    return sha256(token.value.encode()).hexdigest()[:16] if token else "anon"


def is_public_host(host: str) -> bool:
    """True for github.com and GHE.com hosts, whose tokens live in ``GH_TOKEN``/``GITHUB_TOKEN``."""
    host = host.lower().removeprefix("api.")
    return host == "github.com" or host.endswith(".ghe.com")


def token_variables(host: str) -> tuple[str, ...]:
    """The variables ``discover_token`` reads for ``host``, in order (as gh does)."""
    return _PUBLIC_VARS if is_public_host(host) else _ENTERPRISE_VARS


def discover_token(
    host: str, env: Mapping[str, str] | None = None, *, use_gh: bool = True
) -> Token | None:
    """Find a token for ``host`` in gh's order, or None.

    Args:
        host: The API host (``api.github.com``, ``github.example.com``, ...).
        env: The environment to read; ``os.environ`` when None.
        use_gh: Ask ``gh auth token --hostname HOST`` when no variable is set.

    Returns:
        The token and its source, or None when there is none.
    """
    env = os.environ if env is None else env
    for name in token_variables(host):
        value = env.get(name, "").strip()
        if value:
            return Token(value, name)
    if use_gh:
        return _token_from_gh(gh_host(host), env)
    return None


def gh_host(host: str) -> str:
    """The host name gh knows a token by (``github.com`` for ``api.github.com``)."""
    host = host.lower()
    return "github.com" if host == "api.github.com" else host.removeprefix("api.")


def _token_from_gh(host: str, env: Mapping[str, str]) -> Token | None:
    """Ask the GitHub CLI for its token; any failure (absent, slow, logged out) means None."""
    gh = shutil.which("gh", path=env.get("PATH"))
    if gh is None:
        return None
    try:
        done = subprocess.run(  # list arguments, no shell: the host name is never interpreted
            [gh, "auth", "token", "--hostname", host],
            capture_output=True,
            text=True,
            timeout=GH_TIMEOUT_SECONDS,
            env=dict(env),
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    if done.returncode != 0 or not value or len(value.split()) != 1:
        return None
    return Token(value, "gh auth token")
