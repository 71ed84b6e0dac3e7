"""One GraphQL query per search page: metadata, languages, root listing and root manifests.

With a token, this replaces 1 search + N x (repo, languages, tree, raw files) REST requests by one
POST. Parsed here, at the edge of ``tui.github``, into typed bundles; the source turns a bundle
into a report without spending more of the budget unless something was truncated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from tui.analysis.manifests import search_manifest_names
from tui.github.errors import BadResponse
from tui.github.graphql_batch import entries_selection
from tui.github.models import RateBucket, Repo, SearchPage, TreeEntry
from tui.github.parse_time import parse_time


@cache
def root_manifests() -> tuple[str, ...]:
    """Root files worth reading for framework detection (from the manifest-format registry).

    Asked for when first needed: the registry loads every parser, which no command that is
    answered from the cache (or never searches) should pay for at start-up.
    """
    return search_manifest_names()


def _alias(path: str) -> str:
    return "m_" + "".join(ch if ch.isalnum() else "_" for ch in path)


@cache
def repo_fields(depth: int = 1) -> str:
    """What one repository's node asks for: a search page's and a single repository's queries.

    Args:
        depth: Levels of the listing under the root: 1 for a search page (the root only);
            more for one repository, so a workspace's members are listed in the same answer.
    """
    blob = "{ ... on Blob { text isTruncated } }"
    blobs = "\n".join(
        f'      {_alias(p)}: object(expression: "HEAD:{p}") {blob}' for p in root_manifests()
    )
    return f"""
      databaseId nameWithOwner description url homepageUrl stargazerCount forkCount
      isArchived isFork diskUsage createdAt pushedAt
      issues(states: OPEN) {{ totalCount }}
      licenseInfo {{ spdxId }}
      primaryLanguage {{ name }}
      repositoryTopics(first: 20) {{ nodes {{ topic {{ name }} }} }}
      defaultBranchRef {{ name target {{ oid ... on Commit {{ tree {{ oid }} }} }} }}
      languages(first: 25, orderBy: {{field: SIZE, direction: DESC}}) {{
        totalCount edges {{ size node {{ name }} }}
      }}
      root: object(expression: "HEAD:") {{ ... on Tree {{ {entries_selection(depth)} }} }}
      workflows: object(expression: "HEAD:.github/workflows") {{
        ... on Tree {{ entries {{ name }} }}
      }}
{blobs}
"""


@cache
def search_query() -> str:
    """One search page with every repository's languages, root listing and root manifests."""
    return f"""query($q: String!, $first: Int!, $after: String) {{
  rateLimit {{ cost limit remaining used resetAt }}
  search(query: $q, type: REPOSITORY, first: $first, after: $after) {{
    repositoryCount
    pageInfo {{ hasNextPage endCursor }}
    nodes {{ ... on Repository {{{repo_fields()}    }} }}
  }}
}}"""


@dataclass(frozen=True, slots=True)
class RepoBundle:
    """Everything one search node carried: enough for languages and root-level detection.

    Attributes:
        repo: The repository's metadata.
        languages: Bytes per language, largest first.
        head_oid: The default branch's commit, so follow-up fetches are SHA-addressed.
        root_entries: The root listing (plus ``.github/workflows``), None when not given.
        files: The root manifests GraphQL returned whole.
        truncated: Root manifests that exist but came back cut short, binary or without text.
        languages_complete: False when the repository has more languages than were listed.
        listing: A deeper listing from a follow-up query (``graphql_batch``), once there is one.
        deep: A listing ``LISTING_DEPTH`` levels deep that the query itself carried (a single
            repository's): a follow-up then only fetches files, it lists nothing.
        listing_truncated: ``listing`` comes from a recursive tree GitHub cut short.
        listing_problems: What to say about ``listing`` (a tree that could not be read).
        head_tree: The root tree of ``head_oid``: a recursive tree asked at ``HEAD`` beside
            the query is that commit's only if its SHA is this one.
    """

    repo: Repo
    languages: dict[str, int]
    head_oid: str | None
    root_entries: tuple[TreeEntry, ...] | None
    files: dict[str, bytes] = field(default_factory=dict)
    truncated: tuple[str, ...] = ()
    languages_complete: bool = True
    listing: tuple[TreeEntry, ...] | None = None
    deep: tuple[TreeEntry, ...] | None = None
    listing_truncated: bool = False
    listing_problems: tuple[str, ...] = ()
    head_tree: str | None = None


@dataclass(frozen=True, slots=True)
class GraphQLPage:
    """A search page plus a bundle per repository and the cursor to the next page.

    The query's ``rateLimit`` is read by the client (``graphql_rate``) as every answer arrives.
    """

    page: SearchPage
    bundles: dict[str, RepoBundle]
    end_cursor: str | None


def _get(data: Mapping[str, Any] | None, *keys: str) -> Any:
    value: Any = data
    for key in keys:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def _repo(node: Mapping[str, Any]) -> Repo:
    topics = tuple(
        t
        for t in (_get(n, "topic", "name") for n in _get(node, "repositoryTopics", "nodes") or [])
        if isinstance(t, str)
    )
    return Repo(
        id=_int(node.get("databaseId")),
        full_name=str(node["nameWithOwner"]),
        description=_str(node.get("description")),
        html_url=_str(node.get("url")),
        homepage=_str(node.get("homepageUrl")) or None,
        stars=_int(node.get("stargazerCount")),
        forks=_int(node.get("forkCount")),
        open_issues=_int(_get(node, "issues", "totalCount")),
        license=_str(_get(node, "licenseInfo", "spdxId")),
        topics=topics,
        default_branch=_str(_get(node, "defaultBranchRef", "name")),
        created_at=parse_time(node.get("createdAt")),
        pushed_at=parse_time(node.get("pushedAt")),
        archived=bool(node.get("isArchived")),
        fork=bool(node.get("isFork")),
        size_kb=_int(node.get("diskUsage")),
        primary_language=_str(_get(node, "primaryLanguage", "name")),
    )


def bundle_from_node(node: Mapping[str, Any]) -> RepoBundle:
    """One repository node (a search's or ``repository``'s) as a bundle."""
    languages = {
        str(_get(edge, "node", "name")): int(edge.get("size") or 0)
        for edge in _get(node, "languages", "edges") or []
        if isinstance(edge, Mapping) and _get(edge, "node", "name")
    }
    total = _get(node, "languages", "totalCount")
    entries = _get(node, "root", "entries")
    root = None
    if isinstance(entries, list):
        root = tuple(
            TreeEntry(
                path=str(e["name"]),
                type="blob" if e.get("type") == "blob" else str(e.get("type")),
                sha="",
            )
            for e in entries
            if isinstance(e, Mapping) and "name" in e
        )
    workflows = _get(node, "workflows", "entries")
    if root is not None and isinstance(workflows, list):
        root += tuple(
            TreeEntry(path=f".github/workflows/{e['name']}", type="blob", sha="")
            for e in workflows
            if isinstance(e, Mapping) and "name" in e
        )
    files: dict[str, bytes] = {}
    truncated: list[str] = []
    for path in root_manifests():
        blob = node.get(_alias(path))
        if not isinstance(blob, Mapping):
            continue
        if blob.get("isTruncated") or not isinstance(blob.get("text"), str):
            truncated.append(path)  # binary, over 512 kB, or cut short: fetch it over raw
        else:
            files[path] = str(blob["text"]).encode()
    return RepoBundle(
        repo=_repo(node),
        languages=languages,
        head_oid=_get(node, "defaultBranchRef", "target", "oid"),
        root_entries=root,
        files=files,
        truncated=tuple(truncated),
        languages_complete=not isinstance(total, int) or total <= len(languages),
        head_tree=_get(node, "defaultBranchRef", "target", "tree", "oid"),
    )


def parse_search(data: Mapping[str, Any], *, page: int, per_page: int) -> GraphQLPage:
    """The ``data`` of a search answer as typed results; ``BadResponse`` if it is not one."""
    search = data.get("search")
    if not isinstance(search, Mapping) or not isinstance(search.get("nodes"), list):
        raise BadResponse("GitHub's GraphQL answer had no search results.")
    try:
        bundles = [
            bundle_from_node(n)
            for n in search["nodes"]
            if isinstance(n, Mapping) and n.get("nameWithOwner")
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponse("GitHub's GraphQL answer was not in the expected shape.") from exc
    total = _int(search.get("repositoryCount")) or 0
    has_next = bool(_get(search, "pageInfo", "hasNextPage")) and page * per_page < 1000
    return GraphQLPage(
        page=SearchPage(
            total_count=total,
            incomplete_results=False,
            items=tuple(b.repo for b in bundles),
            page=page,
            per_page=per_page,
            has_next=has_next,
        ),
        bundles={b.repo.full_name.lower(): b for b in bundles},
        end_cursor=_get(search, "pageInfo", "endCursor"),
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def graphql_rate(data: Mapping[str, Any]) -> RateBucket | None:
    """The ``graphql`` bucket from a query's ``rateLimit`` answer, or None if it had none."""
    rate = data.get("rateLimit")
    reset_at: datetime | None = parse_time(_get(rate, "resetAt"))
    if not isinstance(rate, Mapping) or reset_at is None:
        return None
    limit, remaining = _int(rate.get("limit")), _int(rate.get("remaining"))
    if limit is None or remaining is None:
        return None
    used = _int(rate.get("used"))
    return RateBucket(
        resource="graphql",
        limit=limit,
        remaining=remaining,
        used=limit - remaining if used is None else used,
        reset_at=reset_at,
    )
