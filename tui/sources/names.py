"""What a person types, parsed once at the edge: a ``RepoRef`` to GitHub's ``owner/repo`` or a path.

``owner/repo``, GitHub URLs and clone URLs name a repository on GitHub; ``./src``, ``/home/me/x``,
``~/code/x`` (or a bare folder name that exists and is no ``owner/repo``) name a local checkout.
Past the edge a repository travels as its *key*: ``owner/repo``, or the checkout's absolute path;
``local_path`` is the one test of which one a key is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath
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
    """True when ``text`` is written as a path (``./x``, ``/x``, ``~/x``, ``x\\y``), not a name."""
    return text.startswith((".", "/", "~")) or "\\" in text


@dataclass(frozen=True, slots=True)
class RepoRef:
    """A repository a person named: ``owner/repo`` on GitHub, or a local checkout's path.

    Attributes:
        full_name: ``owner/repo``, for a repository on GitHub (None for a checkout).
        path: The checkout's absolute path (None for a repository on GitHub).
    """

    full_name: str | None = None
    path: Path | None = None

    @property
    def key(self) -> str:
        """How the repository is known past the edge: ``owner/repo`` or the absolute path."""
        return self.full_name if self.full_name is not None else str(self.path)


def parse_ref(text: str) -> RepoRef | None:
    """What ``text`` names, or None when it is neither a repository nor a directory.

    Written as a path, it is a checkout (whether or not it exists: the caller says so); else a
    name or URL is a repository on GitHub; else an existing directory (``src``) is a checkout.
    """
    text = text.strip()
    if looks_like_path(text):
        return RepoRef(path=Path(text).expanduser().resolve())
    full_name = parse_repo_ref(text)
    if full_name is not None:
        return RepoRef(full_name=full_name)
    if text and Path(text).is_dir():
        return RepoRef(path=Path(text).resolve())
    return None


def local_path(key: str) -> Path | None:
    """The checkout a key names (an absolute path), or None for ``owner/repo``."""
    return Path(key) if PurePath(key).is_absolute() else None
