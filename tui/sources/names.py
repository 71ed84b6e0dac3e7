"""Turn what a person types (``owner/repo``, a GitHub URL, a clone URL) into ``owner/repo``."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})"
_FULL_NAME = re.compile(rf"^(?P<owner>{_PART})/(?P<repo>{_PART})$")
_SCP = re.compile(r"^[\w.-]+@[\w.-]+:(?P<path>.+)$")


def parse_repo_ref(text: str) -> str | None:
    """Return ``owner/repo`` for a name or URL, or None when ``text`` is not one.

    Accepts ``owner/repo``, ``https://github.com/owner/repo[/...]``, ``.git`` clone URLs and
    ``git@github.com:owner/repo.git``. Any host is accepted in URLs, so Enterprise URLs work too.
    """
    text = text.strip()
    if not text:
        return None
    path = text
    scp = _SCP.match(text)
    if scp:
        path = scp.group("path")
    elif "://" in text:
        path = urlsplit(text).path
    parts = [p for p in path.strip("/").split("/") if p]
    if len(parts) < 2:
        return None
    owner, repo = parts[0], parts[1]
    if "://" not in text and not scp and len(parts) != 2:
        return None
    repo = repo.removesuffix(".git")
    candidate = f"{owner}/{repo}"
    return candidate if _FULL_NAME.match(candidate) else None


def looks_like_path(text: str) -> bool:
    """True when ``text`` names a local directory rather than a GitHub repository."""
    return text.startswith((".", "/", "~")) or "\\" in text
