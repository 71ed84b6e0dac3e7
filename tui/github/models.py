"""Typed answers from GitHub: frozen, slotted dataclasses built at the edge of the client.

No raw ``dict`` travels above ``tui.github``; every parser here tolerates missing and ``null``
fields (GitHub and the offline catalog both omit things) and raises ``BadResponse`` on a shape
that is not GitHub's at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FetchInfo:
    """Where an answer came from: the network, a fresh cache entry, or a stale one.

    Attributes:
        from_cache: True when no full response body crossed the network (a cache hit or a 304).
        stale: True when the entry is past its freshness window and could not be revalidated.
        fetched_at: When the body was last confirmed by GitHub (UTC).
        revalidated: True when a 304 confirmed a cached entry during this call.
    """

    from_cache: bool
    stale: bool
    fetched_at: datetime
    revalidated: bool = False


@dataclass(frozen=True, slots=True)
class Repo:
    """A repository as a search item or ``GET /repos/{owner}/{repo}`` describes it."""

    id: int | None
    full_name: str
    description: str | None = None
    html_url: str | None = None
    homepage: str | None = None
    stars: int | None = None
    forks: int | None = None
    open_issues: int | None = None
    watchers: int | None = None
    license: str | None = None
    topics: tuple[str, ...] = ()
    default_branch: str | None = None
    created_at: datetime | None = None
    pushed_at: datetime | None = None
    updated_at: datetime | None = None
    archived: bool = False
    fork: bool = False
    size_kb: int | None = None
    primary_language: str | None = None
    info: FetchInfo | None = None


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of ``GET /search/repositories``."""

    total_count: int
    incomplete_results: bool
    items: tuple[Repo, ...]
    page: int
    per_page: int
    has_next: bool
    info: FetchInfo | None = None


@dataclass(frozen=True, slots=True)
class Languages:
    """Bytes per language, as ``GET /repos/{o}/{r}/languages`` answers (``{}`` = not analysed)."""

    bytes_by_language: dict[str, int] = field(default_factory=dict)
    info: FetchInfo | None = None


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """One entry of a git tree: a blob (file), a tree (directory) or a commit (submodule)."""

    path: str
    type: str
    sha: str
    size: int | None = None
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Tree:
    """A recursive git tree; ``truncated`` means GitHub stopped before listing everything.

    ``skipped`` holds the paths of entries left out because no file could have them
    (``../x``, ``/etc/x``, ``a//b``, control characters): a hostile tree, not a repository.
    """

    sha: str
    entries: tuple[TreeEntry, ...]
    truncated: bool
    info: FetchInfo | None = None
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FileContent:
    """A file's bytes at a ref, from the raw host or the contents API."""

    path: str
    ref: str
    data: bytes
    info: FetchInfo | None = None


@dataclass(frozen=True, slots=True)
class CommitActivity:
    """Weekly commit counts for the last year (``stats/commit_activity``); empty when computing."""

    weeks: tuple[tuple[datetime, int], ...]
    computing: bool = False
    info: FetchInfo | None = None


@dataclass(frozen=True, slots=True)
class RateBucket:
    """What GitHub says of one rate-limit resource (``core``, ``search``, ``graphql``, ...)."""

    resource: str
    limit: int
    remaining: int
    used: int
    reset_at: datetime
