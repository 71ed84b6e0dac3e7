"""JSON bodies -> typed models; every shape check lives here, so nothing malformed is cached.

Each parser takes the raw body and raises ``BadResponse`` when it is not GitHub's shape; missing
or ``null`` fields become ``None`` rather than errors (GitHub and the offline catalog omit things).
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from typing import Any

from tui.github.errors import BadResponse, RateLimited
from tui.github.limits import buckets_from_rate_limit
from tui.github.models import (
    CommitActivity,
    Languages,
    RateBucket,
    Repo,
    SearchPage,
    Tree,
    TreeEntry,
)
from tui.github.parse_time import parse_time


def load_json(body: bytes, what: str) -> Any:
    """Decode a JSON body, or raise ``BadResponse`` naming what was expected."""
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # deep nesting: hostile
        raise BadResponse(f"GitHub sent a malformed {what} answer; try again later.") from exc


def _object(body: bytes, what: str) -> dict[str, Any]:
    data = load_json(body, what)
    if not isinstance(data, dict):
        raise BadResponse(f"GitHub's {what} answer is not an object.")
    return data


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def repo_from_json(data: object) -> Repo:
    """A ``Repo`` from a repository object or a search item."""
    if not isinstance(data, dict) or not isinstance(data.get("full_name"), str):
        raise BadResponse("GitHub sent a repository without a name.")
    license_ = data.get("license")
    topics = data.get("topics")
    return Repo(
        id=_int(data.get("id")),
        full_name=data["full_name"],
        description=_str(data.get("description")),
        html_url=_str(data.get("html_url")),
        homepage=_str(data.get("homepage")) or None,
        stars=_int(data.get("stargazers_count")),
        forks=_int(data.get("forks_count")),
        open_issues=_int(data.get("open_issues_count")),
        watchers=_int(data.get("subscribers_count")),
        license=_str(license_.get("spdx_id")) if isinstance(license_, dict) else None,
        topics=tuple(t for t in topics if isinstance(t, str)) if isinstance(topics, list) else (),
        default_branch=_str(data.get("default_branch")),
        created_at=parse_time(data.get("created_at")),
        pushed_at=parse_time(data.get("pushed_at")),
        updated_at=parse_time(data.get("updated_at")),
        archived=data.get("archived") is True,
        fork=data.get("fork") is True,
        size_kb=_int(data.get("size")),
        primary_language=_str(data.get("language")),
    )


def parse_repo(body: bytes) -> Repo:
    """``GET /repos/{owner}/{repo}``."""
    return repo_from_json(_object(body, "repository"))


def parse_search(body: bytes, *, page: int, per_page: int, has_next: bool) -> SearchPage:
    """``GET /search/repositories``."""
    data = _object(body, "search")
    items = data.get("items")
    total = _int(data.get("total_count"))
    if not isinstance(items, list) or total is None:
        raise BadResponse("GitHub's search answer has no items.")
    return SearchPage(
        total_count=total,
        incomplete_results=data.get("incomplete_results") is True,
        items=tuple(repo_from_json(item) for item in items),
        page=page,
        per_page=per_page,
        has_next=has_next,
    )


def parse_languages(body: bytes) -> Languages:
    """``GET /repos/{o}/{r}/languages``: bytes per language."""
    data = _object(body, "languages")
    if not all(isinstance(k, str) and _int(v) is not None for k, v in data.items()):
        raise BadResponse("GitHub's languages answer is not bytes per language.")
    return Languages(dict(data))


def parse_tree(body: bytes) -> Tree:
    """``GET /repos/{o}/{r}/git/trees/{sha}``."""
    data = _object(body, "tree")
    raw_entries = data.get("tree")
    if not isinstance(raw_entries, list) or not isinstance(data.get("sha"), str):
        raise BadResponse("GitHub's tree answer has no entries.")
    entries, skipped = [], []
    for raw in raw_entries:
        if not isinstance(raw, dict) or not isinstance(raw.get("path"), str):
            raise BadResponse("GitHub's tree answer has an entry without a path.")
        if not is_safe_path(raw["path"]):
            skipped.append(raw["path"])  # one hostile entry must not sink the whole report
            continue
        entries.append(
            TreeEntry(
                path=raw["path"],
                type=_str(raw.get("type")) or "blob",
                sha=_str(raw.get("sha")) or "",
                size=_int(raw.get("size")),
                mode=_str(raw.get("mode")),
            )
        )
    truncated = data.get("truncated") is True
    return Tree(data["sha"], tuple(entries), truncated, skipped=tuple(skipped))


def is_safe_path(path: str) -> bool:
    """True for a path a git tree can hold: relative, no ``.``/``..``/empty parts, no controls."""
    if not path or path.startswith("/"):
        return False
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path):
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def parse_readme(body: bytes) -> tuple[str, bytes]:
    """``GET /repos/{o}/{r}/readme`` in JSON form: the README's path and decoded bytes."""
    data = _object(body, "README")
    content, path = data.get("content"), data.get("path")
    if not isinstance(content, str) or not isinstance(path, str):
        raise BadResponse("GitHub's README answer has no content.")
    if data.get("encoding", "base64") != "base64":
        raise BadResponse("GitHub's README answer is not base64.")
    try:
        return path, base64.b64decode(content, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise BadResponse("GitHub's README answer is not valid base64.") from exc


def parse_commit_activity(body: bytes) -> CommitActivity:
    """``GET /repos/{o}/{r}/stats/commit_activity``: weekly totals."""
    data = load_json(body, "commit activity")
    if not isinstance(data, list):
        raise BadResponse("GitHub's commit activity answer is not a list.")
    weeks = []
    for raw in data:
        week, total = (raw.get("week"), raw.get("total")) if isinstance(raw, dict) else (None, None)
        if not isinstance(week, int) or not isinstance(total, int):
            raise BadResponse("GitHub's commit activity answer has a malformed week.")
        try:
            weeks.append((datetime.fromtimestamp(week, UTC), total))
        except (OverflowError, OSError, ValueError) as exc:
            raise BadResponse("GitHub's commit activity answer has an impossible week.") from exc
    return CommitActivity(tuple(weeks))


def parse_graphql(body: bytes) -> dict[str, Any]:
    """A GraphQL envelope: an object with ``data`` and/or ``errors``."""
    data = _object(body, "GraphQL")
    if "data" not in data and "errors" not in data:
        raise BadResponse("GitHub's GraphQL answer has neither data nor errors.")
    return data


def parse_activity_reply(status: int, body: bytes) -> CommitActivity:
    """Commit activity by status: 202 = still computing, 204 = empty repository, 200 = weeks."""
    if status == 202:
        return CommitActivity((), computing=True)
    if status == 204 or not body.strip():
        return CommitActivity(())
    return parse_commit_activity(body)


def parse_rate_limit(body: bytes) -> dict[str, RateBucket]:
    """``GET /rate_limit``: every bucket it lists."""
    try:
        return buckets_from_rate_limit(json.loads(body))
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise BadResponse("GitHub sent a malformed rate-limit answer.") from exc


RATE_LIMIT_TYPES = frozenset({"RATE_LIMITED", "RATE_LIMIT"})
"""The error types GitHub's GraphQL uses for a spent budget (both spellings are seen)."""


def graphql_data(
    body: bytes, reset_at: datetime | None, *, spent: bool = False
) -> dict[str, object]:
    """The ``data`` of a GraphQL answer, after checking its ``errors`` (a 200 can be a failure).

    Args:
        body: The answer's body.
        reset_at: When the graphql budget resets, for the error message.
        spent: The answer said ``X-RateLimit-Remaining: 0``: any error it carries is the limit.

    Raises:
        RateLimited: GitHub said ``RATE_LIMITED`` (or ``RATE_LIMIT``), or failed with none left.
        BadResponse: No data, or errors other than ``NOT_FOUND`` (a missing object is a null).
    """
    envelope = parse_graphql(body)
    raw_errors = envelope.get("errors")
    errors = [e for e in raw_errors if isinstance(e, dict)] if isinstance(raw_errors, list) else []
    limited = any(e.get("type") in RATE_LIMIT_TYPES for e in errors)
    if limited or (spent and (errors or not isinstance(envelope.get("data"), dict))):
        raise RateLimited("graphql", reset_at, authenticated=True)
    data = envelope.get("data")
    if not isinstance(data, dict) or any(e.get("type") != "NOT_FOUND" for e in errors):
        said = " ".join(" ".join(str(e.get("message", "error")).split()) for e in errors)
        raise BadResponse(f"GitHub's GraphQL answer failed: {said[:200] or 'no data'}")
    return data
