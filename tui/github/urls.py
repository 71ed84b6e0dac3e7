"""Checking and quoting what goes into GitHub URLs, and reading what comes back in ``Link``."""

from __future__ import annotations

import re
from urllib.parse import quote

from tui.github.errors import ValidationFailed

MAX_QUERY = 256
MAX_PER_PAGE = 100
MAX_RESULTS = 1000
_SHA = re.compile(r"[0-9a-fA-F]{40}")
_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_NEXT = re.compile(r'<[^>]*>\s*;\s*rel="?next"?')


def is_sha(ref: str) -> bool:
    """True for a full commit SHA: answers addressed by one never change."""
    return _SHA.fullmatch(ref) is not None


def is_repo_name(full_name: str) -> bool:
    """True for an ``owner/name`` that a URL path can carry (no ``..``, no extra slashes)."""
    if _NAME.fullmatch(full_name) is None:
        return False
    return all(part not in (".", "..") for part in full_name.split("/"))


def repo_path(full_name: str) -> str:
    """``owner/name`` checked and quoted for a URL path, so untrusted input never shapes it.

    Raises:
        ValidationFailed: ``full_name`` is not ``owner/name``.
    """
    if not is_repo_name(full_name):
        raise ValidationFailed(f"Not a repository name (owner/name): {full_name[:100]!r}")
    owner, name = full_name.split("/")
    return f"{quote(owner, safe='')}/{quote(name, safe='')}"


def file_path(path: str) -> str:
    """A path inside a repository, quoted segment by segment (a trailing ``/`` would redirect)."""
    segments = [s for s in path.strip("/").split("/") if s]
    if not segments or any(s in (".", "..") for s in segments):
        raise ValidationFailed(f"Not a file path: {path[:100]!r}")
    return "/".join(quote(s, safe="") for s in segments)


def ref_path(ref: str) -> str:
    """A ref for the raw host's ``<owner>/<repo>/<ref>/<path>`` layout (branch slashes kept)."""
    if not ref or any(s in (".", "..", "") for s in ref.split("/")):
        raise ValidationFailed(f"Not a git ref: {ref[:100]!r}")
    return "/".join(quote(s, safe="") for s in ref.split("/"))


def check_search(q: str, per_page: int, page: int) -> None:
    """Refuse locally what GitHub's search would refuse (and charge for).

    Raises:
        ValidationFailed: Empty or over-long ``q``, ``per_page`` outside 1-100, ``page`` below 1,
            or a page past the 1,000 results search ever returns.
    """
    if not q.strip():
        raise ValidationFailed("Type something to search for.")
    if len(q) > MAX_QUERY:
        raise ValidationFailed(f"Search query is too long ({len(q)} > {MAX_QUERY} characters).")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ValidationFailed(f"per_page must be between 1 and {MAX_PER_PAGE}.")
    if page < 1:
        raise ValidationFailed("page must be 1 or more.")
    if page * per_page > MAX_RESULTS:  # GitHub answers 422 past the cap, and charges for it
        raise ValidationFailed(f"GitHub search only returns the first {MAX_RESULTS} results.")


def has_next(link: str, *, page: int, per_page: int) -> bool:
    """True when ``Link`` names a next page that is still within the 1,000-result cap."""
    return _NEXT.search(link) is not None and (page + 1) * per_page <= MAX_RESULTS
