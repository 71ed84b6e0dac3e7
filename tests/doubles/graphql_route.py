"""A GraphQL responder for the fake GitHub: answers repository searches from ``server.repos``.

It reads what the query asks for rather than assuming one query: every aliased
``object(expression: "HEAD:<path>")`` is answered from the repository's tree and files (a tree
for a directory, a blob for a file, null when missing), so the real ``SEARCH_QUERY`` runs
against it unchanged. Search terms are matched like the REST route (every free-text word in
the name or description; ``user:`` narrows), best first by stars, paged with opaque cursors.
Modes make it fail the ways GitHub's GraphQL does: a 200 carrying ``errors``, a 200 saying
``RATE_LIMITED`` (with the bucket spent), or a 502.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tests.doubles.github_server import LIMITS, FakeRepo, GitHubServer, Reply, Request
from tui.analysis.report import RepoReport
from tui.sources.base import RepoSource

PATH = "/api/graphql"
_OBJECT = re.compile(r'(\w+)\s*:\s*object\(expression:\s*"HEAD:([^"]*)"\)')
_LANGUAGES = re.compile(r"languages\(first:\s*(\d+)")
_REPOSITORY = re.compile(r"(\w+)\s*:\s*repository\(owner:\s*\$(\w+),\s*name:\s*\$(\w+)\)")
_OBJECT_VAR = re.compile(r"(\w+)\s*:\s*object\(expression:\s*\$(\w+)\)")


@dataclass
class GraphQLRoute:
    """The responder; set ``mode`` to ``ok``, ``errors``, ``rate_limited`` or ``bad_gateway``.

    Attributes:
        server: The fake GitHub it answers for.
        mode: How the next queries are answered.
        truncated: Paths whose blobs come back cut short (``isTruncated: true``).
        calls: The variables of every query received, in order.
        cost: The points ``rateLimit`` says each query costs (the server's bucket drops by one).
    """

    server: GitHubServer
    mode: str = "ok"
    truncated: set[str] = field(default_factory=set)
    calls: list[dict[str, Any]] = field(default_factory=list)
    cost: int = 1

    def __call__(self, req: Request) -> Reply:
        """Answer one POST to ``/api/graphql``."""
        try:
            envelope = json.loads(req.body)
            query, variables = str(envelope["query"]), dict(envelope.get("variables") or {})
        except (ValueError, KeyError, TypeError):
            return Reply(400, {"message": "Problems parsing JSON"})
        self.calls.append(variables)
        if self.mode == "bad_gateway":
            return Reply(502, {"message": "Server Error"})
        if self.mode == "errors":
            error = {"type": "INTERNAL", "message": "Something went wrong while executing."}
            return Reply(200, {"data": None, "errors": [error]})
        if self.mode == "rate_limited":
            self.server.exhaust("graphql", req.token)
            error = {"type": "RATE_LIMITED", "message": "API rate limit exceeded for user ID 1."}
            return Reply(200, {"data": None, "errors": [error]})
        if "search(" not in query and "nameWithOwner" in query:
            return Reply(200, {"data": self._repository(query, variables, req.token)})
        if "search(" not in query:
            return Reply(200, {"data": self._repositories(query, variables, req.token)})
        return Reply(200, {"data": self._data(query, variables, req.token)})

    def _repository(
        self, query: str, variables: dict[str, Any], token: str | None
    ) -> dict[str, Any]:
        """Answer one ``repository(owner: $owner, name: $name)`` node, as a search node."""
        name = f"{variables.get('owner')}/{variables.get('name')}".lower()
        repo = self.server.repos.get(name)
        data: dict[str, Any] = {"rateLimit": self._rate(token)} if "rateLimit" in query else {}
        data["repository"] = None if repo is None else self._node(repo, query)
        return data

    def _repositories(
        self, query: str, variables: dict[str, Any], token: str | None
    ) -> dict[str, Any]:
        """Answer aliased ``repository(owner: $o, name: $n)`` selections of objects at a commit."""
        data: dict[str, Any] = {"rateLimit": self._rate(token)} if "rateLimit" in query else {}
        found = list(_REPOSITORY.finditer(query))
        for index, match in enumerate(found):
            end = found[index + 1].start() if index + 1 < len(found) else len(query)
            segment = query[match.end() : end]
            name = f"{variables[match.group(2)]}/{variables[match.group(3)]}".lower()
            repo = self.server.repos.get(name)
            if repo is None:
                data[match.group(1)] = None
                continue
            node: dict[str, Any] = {}
            depth = max(1, segment.count("entries"))
            for alias, var in _OBJECT_VAR.findall(segment):
                oid, _, path = str(variables[var]).partition(":")
                node[alias] = self._object(repo, path, depth) if oid == repo.sha else None
            data[match.group(1)] = node
        return data

    def _data(self, query: str, variables: dict[str, Any], token: str | None) -> dict[str, Any]:
        hits = _matches(self.server, str(variables.get("q") or ""))
        first = int(variables.get("first") or 10)
        start = _offset(variables.get("after"))
        page = hits[start : start + first]
        end = start + len(page)
        data: dict[str, Any] = {
            "search": {
                "repositoryCount": len(hits),
                "pageInfo": {"hasNextPage": end < len(hits), "endCursor": _cursor(end)},
                "nodes": [self._node(repo, query) for repo in page],
            }
        }
        if "rateLimit" in query:
            data["rateLimit"] = self._rate(token)
        return data

    def _rate(self, token: str | None) -> dict[str, Any]:
        with self.server.lock:
            left, reset = self.server.bucket(token, "graphql")
        limit = LIMITS["token" if token else "anon"]["graphql"]
        left = max(0, left - self.cost)  # the server charges this query after it is answered
        return {
            "cost": self.cost,
            "limit": limit,
            "remaining": left,
            "used": limit - left,
            "resetAt": datetime.fromtimestamp(reset, UTC).isoformat().replace("+00:00", "Z"),
        }

    def _node(self, repo: FakeRepo, query: str) -> dict[str, Any]:
        node = _metadata(repo)
        found = _LANGUAGES.search(query)
        node["languages"] = _languages(repo, int(found.group(1)) if found else 100)
        for found in _OBJECT.finditer(query):  # as deep as the selection asks (``entries`` nest)
            depth = max(1, _selection(query, found.end()).count("entries"))
            node[found.group(1)] = self._object(repo, found.group(2), depth)
        return node

    def _object(self, repo: FakeRepo, path: str, depth: int = 1) -> dict[str, Any] | None:
        path = path.strip("/")
        if path == "" or any(e["path"] == path and e["type"] == "tree" for e in repo.tree):
            return {"entries": _entries(repo, path, depth)}
        data = repo.files.get(path)
        if data is None:
            return None
        try:
            text = data.decode()
        except UnicodeDecodeError:
            return {"text": None, "isBinary": True, "isTruncated": False, "byteSize": len(data)}
        cut = path in self.truncated
        return {
            "text": text[: len(text) // 2] if cut else text,
            "isBinary": False,
            "isTruncated": cut,
            "byteSize": len(data),
        }


def _entries(repo: FakeRepo, path: str, depth: int) -> list[dict[str, Any]]:
    """A directory's entries; subdirectories carry their own, ``depth`` levels in all."""
    prefix = f"{path}/" if path else ""
    entries = []
    for e in repo.tree:
        rest = e["path"][len(prefix) :]
        if not e["path"].startswith(prefix) or "/" in rest:
            continue
        entry: dict[str, Any] = {"name": rest, "type": e["type"]}
        if depth > 1:
            below = {"entries": _entries(repo, e["path"], depth - 1)}
            entry["object"] = below if e["type"] == "tree" else {}
        entries.append(entry)
    return entries


def _selection(query: str, start: int) -> str:
    """The ``{ ... }`` block that opens after ``start`` (braces balanced)."""
    opened = query.find("{", start)
    depth = 0
    for index in range(opened, len(query)):
        depth += {"{": 1, "}": -1}.get(query[index], 0)
        if depth == 0:
            return query[opened : index + 1]
    return query[opened:]


def install(server: GitHubServer) -> GraphQLRoute:
    """Answer every GraphQL POST on ``server`` with a new responder, and return it."""
    route = GraphQLRoute(server)
    server.script("POST", PATH, route, sticky=True)
    return route


def _matches(server: GitHubServer, q: str) -> list[FakeRepo]:
    words = [w.lower() for w in q.split() if ":" not in w]
    users = [w.split(":", 1)[1].lower() for w in q.split() if w.startswith("user:")]
    hits = [
        repo
        for name, repo in server.repos.items()
        if all(w in f"{name} {repo.meta.get('description') or ''}".lower() for w in words)
        and all(name.startswith(u + "/") for u in users)
    ]
    hits.sort(key=lambda r: -(r.meta.get("stargazers_count") or 0))
    return hits


def _cursor(offset: int) -> str:
    return base64.b64encode(f"cursor:{offset}".encode()).decode()


def _offset(cursor: object) -> int:
    if not isinstance(cursor, str):
        return 0
    return int(base64.b64decode(cursor).decode().removeprefix("cursor:"))


def _metadata(repo: FakeRepo) -> dict[str, Any]:
    meta = repo.meta
    license_id = (meta.get("license") or {}).get("spdx_id")
    return {
        "databaseId": meta.get("id"),
        "nameWithOwner": meta["full_name"],
        "description": meta.get("description"),
        "url": meta.get("html_url"),
        "homepageUrl": meta.get("homepage"),
        "stargazerCount": meta.get("stargazers_count"),
        "forkCount": meta.get("forks_count"),
        "isArchived": bool(meta.get("archived")),
        "isFork": bool(meta.get("fork")),
        "diskUsage": meta.get("size"),
        "createdAt": meta.get("created_at"),
        "pushedAt": meta.get("pushed_at"),
        "issues": {"totalCount": meta.get("open_issues_count") or 0},
        "licenseInfo": {"spdxId": license_id} if license_id else None,
        "primaryLanguage": {"name": meta["language"]} if meta.get("language") else None,
        "repositoryTopics": {"nodes": [{"topic": {"name": t}} for t in meta.get("topics") or []]},
        "defaultBranchRef": {
            "name": meta.get("default_branch"),
            "target": {"oid": repo.sha, "tree": {"oid": repo.tree_sha}},
        },
    }


def _languages(repo: FakeRepo, first: int) -> dict[str, Any]:
    ranked = sorted(repo.languages.items(), key=lambda kv: -kv[1])
    return {
        "totalCount": len(ranked),
        "totalSize": sum(repo.languages.values()),
        "edges": [{"size": size, "node": {"name": name}} for name, size in ranked[:first]],
    }


async def collect(source: RepoSource, full_name: str) -> RepoReport:
    """The last (complete) report of one repository (for tests)."""
    last = None
    async for report in source.report(full_name):
        last = report
    assert last is not None
    return last


def names(report: RepoReport) -> set[str]:
    """The detected frameworks' names (for tests)."""
    return {f.name for f in report.frameworks or ()}
