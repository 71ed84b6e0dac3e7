"""What a person types, parsed once at the edge: a ``RepoRef`` to GitHub's ``owner/repo`` or a path.

``owner/repo``, GitHub URLs and clone URLs name a repository on GitHub; ``./src``, ``/home/me/x``,
``~/code/x`` (or a bare folder name that exists and is no ``owner/repo``) name a local checkout.
Past the edge a repository travels as its *key*: ``owner/repo``, or the checkout's absolute path;
``local_path`` is the one test of which one a key is.

Anything typed is untrusted: an empty string, a 300-character owner or ``http://[::1/a/b`` is a
one-line ``TargetError``, never an exception from ``urllib`` or the file system.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath
from typing import NamedTuple
from urllib.parse import quote, urlsplit

MAX_TARGET = 4096
"""Longer input is not a repository nor a usable path on any system repolens runs on."""

_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})"
_FULL_NAME = re.compile(rf"^(?P<owner>{_PART})/(?P<repo>{_PART})$")
_SCP = re.compile(r"^[\w.-]+@[\w.-]+:(?P<path>.+)$")


def parse_repo_ref(text: str) -> str | None:
    """Return ``owner/repo`` for a name or URL, or None when ``text`` is not one.

    Accepts ``owner/repo``, ``https://github.com/owner/repo[/...]``, ``.git`` clone URLs and
    ``git@github.com:owner/repo.git``. Any host is accepted here (Enterprise URLs work too):
    ``parse_target`` with ``hosts`` is what checks the host is the API's.
    """
    text = text.strip()
    if not text or len(text) > MAX_TARGET:
        return None
    path = text
    scp = _SCP.match(text)
    if scp:
        path = scp.group("path")
    elif "://" in text:
        try:
            path = urlsplit(text).path
        except ValueError:  # ``http://[::1/a/b``: not a URL at all
            return None
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


class TargetError(ValueError):
    """What was typed names neither a repository nor a folder; the message is one line."""


class RepoRef(NamedTuple):
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

    @property
    def local(self) -> bool:
        """True for a local checkout."""
        return self.path is not None


def local_dir(text: str) -> Path | None:
    """The folder ``text`` names, resolved, or None (not a folder, or not a possible path)."""
    if not text.strip() or len(text) > MAX_TARGET:
        return None
    try:
        path = Path(text).expanduser()
        return path.resolve() if path.is_dir() else None
    except (OSError, ValueError, RuntimeError):  # too long, a NUL, an unknown ~user, a loop
        return None


URL_SCHEMES = frozenset({"http", "https", "ssh", "git", "git+ssh"})
"""Schemes a repository URL may have (``ftp://x/y/z`` names no repository)."""


def url_host(text: str) -> str | None:
    """The host a repository URL (or ``git@host:owner/repo`` clone address) is on, lower-cased;
    ``""`` for a URL without a host or with a scheme no repository has; None for a plain name."""
    text = text.strip()
    scp = _SCP.match(text)
    if scp and "://" not in text:
        return text.split("@", 1)[1].split(":", 1)[0].lower()
    if "://" not in text:
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme.lower() not in URL_SCHEMES:
        return ""
    return f"{host}:{port}" if port else host


def web_hosts(api_url: str) -> frozenset[str]:
    """The hosts whose repository URLs name repositories of the API in use: ``github.com`` for
    ``api.github.com``, an Enterprise host's own name (with its port) otherwise."""
    host = (urlsplit(api_url).netloc or api_url).lower()
    if host == "api.github.com":
        return frozenset({"github.com", "www.github.com"})
    return frozenset({host, host.removeprefix("api.")})


def parse_target(text: str, *, hosts: frozenset[str] | None = None) -> RepoRef:
    """A repository name or a local folder for what a person typed.

    ``hosts``: the web hosts of the API in use (``web_hosts``); a URL on another host (or with
    a scheme no repository has) is refused rather than read as a repository of this API.

    Raises:
        TargetError: Empty, not a repository, or a path that is not a folder.
    """
    shown = repr(text[:80] + ("…" if len(text) > 80 else ""))
    if not text.strip():
        raise TargetError("an empty target: give OWNER/REPO, a GitHub URL or a directory")
    host = url_host(text)
    if host == "":
        raise TargetError(f"not a repository URL: {shown} (expected https://HOST/OWNER/REPO)")
    if host is not None and hosts is not None and host not in hosts:
        where = " or ".join(sorted(hosts))
        raise TargetError(f"{shown} is on {host}, not on {where} (the API in use)")
    name = parse_repo_ref(text)
    if looks_like_path(text) or name is None:
        folder = local_dir(text)
        if folder is not None:
            return RepoRef(path=folder)
        if looks_like_path(text):
            raise TargetError(f"not a directory: {shown}")
    if name is None:
        raise TargetError(f"not a repository or directory: {shown} (expected OWNER/REPO or a URL)")
    return RepoRef(full_name=name)


def parse_ref(text: str) -> RepoRef | None:
    """What ``text`` names, or None when it is neither a repository nor a directory."""
    try:
        return parse_target(text)
    except TargetError:
        return None


def local_path(key: str) -> Path | None:
    """The checkout a key names (an absolute path), or None for ``owner/repo``."""
    return Path(key) if PurePath(key).is_absolute() else None


_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def web_host(api_host: str) -> str:
    """The web host that goes with an API host (``api.github.com`` -> ``github.com``)."""
    host = api_host.lower()
    return host.removeprefix("api.") if host.startswith("api.") else host


def repo_web_url(html_url: str | None, full_name: str, api_host: str) -> str | None:
    """The page to open for a repository: its ``html_url`` if that is an ``https`` URL on the
    web host we talk to, else one built from ``owner/name``; None when neither is possible.

    A repository's ``html_url`` comes from the server: ``file:///etc/passwd`` or a URL holding
    escape sequences must never reach the browser (nor the terminal).
    """
    # (imported here: ``repolens scan`` reads ``local_dir`` only, and loads nothing of tui.github)
    from tui.github.urls import is_repo_name

    host = web_host(api_host)
    if html_url and _on_host(html_url, host):
        return html_url
    if is_repo_name(full_name):
        owner, name = full_name.split("/")
        return f"https://{host}/{quote(owner, safe='')}/{quote(name, safe='')}"
    return None


def _on_host(url: str, host: str) -> bool:
    if len(url) > MAX_TARGET or _UNSAFE_URL.search(url):
        return False
    try:
        parts = urlsplit(url)
        netloc_host = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
    except ValueError:
        return False
    return (
        parts.scheme == "https"
        and parts.username is None
        and parts.password is None
        and netloc_host is not None
        and netloc_host.lower() == host
    )
