"""The offline catalog's HTTP face: GitHub REST and raw-host answers built from catalog facts.

``CatalogServer.answer`` turns one ``httpx.Request`` into the ``httpx.Response`` GitHub would give:
same JSON shapes and error bodies, ``ETag``/304, ``x-ratelimit-*`` for a budget that never runs
dry, ``Link`` paging. Routing is on the path, whatever the host: ``/api/v3`` (Enterprise API) and
``/raw`` (Enterprise raw) prefixes are accepted, and ``raw.*`` hosts are always the raw host.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from tui.sources.catalog_data import Catalog, CatalogRepo
from tui.sources.offline_search import QuerySyntaxError, parse_query, relevance, search_repos

CATALOG_HEADER = "x-repolens-catalog"
"""Set on every catalog answer to the date the data describes, so callers can badge it as demo."""

JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"
_DOCS_URL = "https://docs.github.com/rest"
_API_ROOTS = frozenset({"repos", "search", "rate_limit", "graphql", "repositories", "users"})
_LIMITS = {"core": (5000, 3600), "search": (30, 60), "graphql": (5000, 3600)}
_MAX_AGE = "max-age=60, s-maxage=60"
_IMMUTABLE = "max-age=86400, s-maxage=86400"


@dataclass(frozen=True, slots=True)
class _Answer:
    """What to send, before ETags and rate headers are added."""

    status: int
    body: bytes = b""
    resource: str | None = "core"  # None: the raw host, which sends no rate headers
    content_type: str = JSON_TYPE
    cache_control: str = _MAX_AGE
    headers: dict[str, str] = field(default_factory=dict)


def _json(doc: object, *, status: int = 200, **kwargs: Any) -> _Answer:
    """A JSON answer."""
    return _Answer(status, json.dumps(doc, separators=(",", ":")).encode(), **kwargs)


def _error(status: int, message: str, **kwargs: Any) -> _Answer:
    """GitHub's error shape: message, documentation_url, status (and ``errors`` when given)."""
    errors = kwargs.pop("errors", None)
    doc: dict[str, Any] = {
        "message": message,
        "documentation_url": _DOCS_URL,
        "status": str(status),
    }
    if errors is not None:
        doc["errors"] = errors
    return _json(doc, status=status, **kwargs)


_NOT_FOUND = "Not Found"
_RAW_NOT_FOUND = _Answer(404, b"404: Not Found", resource=None, content_type=TEXT_TYPE)


def route(url: httpx.URL) -> tuple[bool, list[str]]:
    """Whether a URL is for the raw host, and its path segments after any Enterprise prefix."""
    parts = url.path.split("/")[1:]
    if url.host.startswith("raw."):
        return True, parts
    if parts[:2] == ["api", "v3"]:
        return False, parts[2:]
    if parts[:1] == ["raw"]:
        return True, parts[1:]
    return (not url.host.startswith("api.") and parts[0] not in _API_ROOTS), parts


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """``If-None-Match`` semantics: any listed tag equal under weak comparison, or ``*``."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    tags = (tag.strip().removeprefix("W/") for tag in if_none_match.split(","))
    return any(tag in ("*", wanted) for tag in tags)


def git_blob_sha(data: bytes) -> str:
    """The SHA git gives a blob with these bytes."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


class CatalogServer:
    """Answers requests from one catalog; keeps only the fake rate-limit counters as state."""

    def __init__(self, catalog: Catalog, *, clock: Callable[[], float] = time.time) -> None:
        """Serve ``catalog``; ``clock`` gives the epoch seconds used in rate-limit resets."""
        self.catalog = catalog
        self._clock = clock
        self._models = catalog.repo_models()
        self._used: dict[str, int] = dict.fromkeys(_LIMITS, 0)
        self._reset: dict[str, int] = dict.fromkeys(_LIMITS, 0)

    def answer(self, request: httpx.Request) -> httpx.Response:
        """GitHub's answer to one request."""
        raw, parts = route(request.url)
        if request.method not in ("GET", "HEAD"):
            answer = _RAW_NOT_FOUND if raw else _error(404, _NOT_FOUND)
        else:
            answer = self._raw(parts) if raw else self._api(request, parts)
        return self._respond(request, answer, raw=raw)

    def _respond(self, request: httpx.Request, answer: _Answer, *, raw: bool) -> httpx.Response:
        """Add the headers GitHub sends; a matching ``If-None-Match`` turns a 200 into a 304."""
        status, body = answer.status, answer.body
        headers = {
            "content-type": answer.content_type,
            "cache-control": _cache_control(answer.cache_control, request),
            CATALOG_HEADER: self.catalog.data_date,
            **answer.headers,
        }
        if status == 200:
            digest = hashlib.sha256(body).hexdigest()
            headers["etag"] = f'"{digest[:40]}"' if raw else f'W/"{digest}"'
            if etag_matches(request.headers.get("if-none-match"), headers["etag"]):
                status, body = 304, b""
                del headers["content-type"]
        if not raw:
            headers["vary"] = "Accept, Authorization"
            headers["x-github-api-version-selected"] = request.headers.get(
                "x-github-api-version", "2022-11-28"
            )
            headers["x-github-media-type"] = "github.v3; format=json"
        if answer.resource is not None:
            # an authorised 304 is free on GitHub; the catalog charges no 304 at all
            headers.update(self._rate(answer.resource, charge=status != 304))
        content = b"" if request.method == "HEAD" else body
        return httpx.Response(status, headers=headers, content=content, request=request)

    def _rate(self, resource: str, *, charge: bool) -> dict[str, str]:
        """Rate headers for a generous budget: a new window opens before it would run out."""
        limit, window = _LIMITS[resource]
        now = int(self._clock())
        if now >= self._reset[resource] or self._used[resource] >= limit - 1:
            self._reset[resource], self._used[resource] = now + window, 0
        self._used[resource] += 1 if charge else 0
        used = self._used[resource]
        return {
            "x-ratelimit-limit": str(limit),
            "x-ratelimit-remaining": str(limit - used),
            "x-ratelimit-used": str(used),
            "x-ratelimit-reset": str(self._reset[resource]),
            "x-ratelimit-resource": resource,
        }

    def _api(self, request: httpx.Request, parts: list[str]) -> _Answer:
        """Route one REST request."""
        if parts == ["rate_limit"]:
            return self._rate_limit(request)
        if parts == ["search", "repositories"]:
            return self._search(request)
        if len(parts) >= 3 and parts[0] == "repos":
            repo = self.catalog.find(f"{parts[1]}/{parts[2]}")
            if repo is not None:
                return self._repo_route(request, repo, parts[3:])
        return _error(404, _NOT_FOUND)

    def _repo_route(self, request: httpx.Request, repo: CatalogRepo, rest: list[str]) -> _Answer:
        """``/repos/{o}/{r}/...`` for a catalogued repository."""
        params = request.url.params
        if not rest:
            return _json(repo.as_json())
        if rest == ["languages"]:
            return _json(repo.languages)
        if rest[:2] == ["git", "trees"] and len(rest) > 2:
            return self._tree(repo, "/".join(rest[2:]), recursive="recursive" in params)
        if rest[:1] == ["stats"] and len(rest) == 2:
            # the catalog holds no statistics; 204 would claim "no commits", so: not found
            return _error(404, _NOT_FOUND)
        if rest[:1] == ["commits"] and len(rest) == 2 and repo.resolves(rest[1]):
            return _json(repo.commit_json())
        accept = request.headers.get("accept", "")
        if rest == ["readme"]:
            readme = next((p for p in repo.text_facts if p.lower().startswith("readme")), None)
            return self._contents(repo, readme, accept) if readme else _error(404, _NOT_FOUND)
        if rest[:1] == ["contents"] and repo.resolves(params.get("ref", repo.default_branch)):
            return self._contents(repo, "/".join(rest[1:]), accept)
        return _error(404, _NOT_FOUND)

    def _rate_limit(self, request: httpx.Request) -> _Answer:
        """``/rate_limit``: free, every bucket, and the deprecated top-level ``rate``."""
        resources = {}
        for resource, (limit, _) in _LIMITS.items():
            headers = self._rate(resource, charge=False)
            if resource == "graphql" and "authorization" not in request.headers:
                limit = 0  # GraphQL needs a token, as on GitHub
            used = int(headers["x-ratelimit-used"])
            resources[resource] = {
                "limit": limit,
                "used": used,
                "remaining": max(limit - used, 0),
                "reset": int(headers["x-ratelimit-reset"]),
            }
        return _json(
            {"resources": resources, "rate": resources["core"]},
            resource=None,
            cache_control="no-cache",
        )

    def _search(self, request: httpx.Request) -> _Answer:
        """``/search/repositories`` answered by offline search, paged with a ``Link`` header."""
        params = request.url.params
        query = params.get("q", "")
        if not query.strip():
            missing = [{"resource": "Search", "field": "q", "code": "missing"}]
            return _error(422, "Validation Failed", errors=missing, resource="search")
        per_page = min(max(_int(params.get("per_page"), 30), 1), 100)
        page = max(_int(params.get("page"), 1), 1)
        sort = params.get("sort") or None
        try:
            parsed = parse_query(query)
            found = search_repos(parsed, self._models, sort=sort, order=params.get("order"))
        except QuerySyntaxError as exc:
            invalid = [{"resource": "Search", "field": "q", "code": "invalid", "message": str(exc)}]
            return _error(422, "Validation Failed", errors=invalid, resource="search")
        window = found[(page - 1) * per_page : page * per_page]
        items = []
        for model in window:
            found_repo = self.catalog.find(model.full_name)
            if found_repo is not None:
                items.append({**found_repo.as_json(), "score": relevance(parsed, model)})
        last = max((len(found) + per_page - 1) // per_page, 1)
        doc = {"total_count": len(found), "incomplete_results": False, "items": items}
        links = _links(request.url, page, last)
        headers = {"link": links} if links else {}
        return _json(doc, resource="search", cache_control="no-cache", headers=headers)

    def _tree(self, repo: CatalogRepo, ref: str, *, recursive: bool) -> _Answer:
        """``/git/trees/{sha|branch}``: the root tree, or a subtree by its SHA."""
        prefix, sha = "", repo.tree_sha
        if not (repo.resolves(ref) or ref == repo.tree_sha):
            subtree = next((e for e in repo.entries if e.type == "tree" and e.sha == ref), None)
            if subtree is None:
                return _error(404, _NOT_FOUND)
            prefix, sha = subtree.path + "/", subtree.sha
        tree = []
        for entry in repo.entries:
            rest = entry.path.removeprefix(prefix)
            if entry.path.startswith(prefix) and (recursive or "/" not in rest):
                item: dict[str, Any] = {"path": rest, "mode": entry.mode, "type": entry.type}
                item["sha"] = entry.sha
                if entry.type == "blob":
                    item["size"] = entry.size
                tree.append(item)
        immutable = len(ref) == 40 and ref != repo.default_branch
        cache_control = _IMMUTABLE if immutable else _MAX_AGE
        return _json({"sha": sha, "tree": tree, "truncated": False}, cache_control=cache_control)

    def _raw(self, parts: list[str]) -> _Answer:
        """The raw host: ``/{owner}/{repo}/{ref}/{path}``, a file written from facts."""
        if parts[2:4] == ["refs", "heads"]:
            parts = [*parts[:2], "/".join(parts[2:5]), *parts[5:]]
        if len(parts) < 4:
            return _RAW_NOT_FOUND
        repo = self.catalog.find(f"{parts[0]}/{parts[1]}")
        if repo is None or not repo.resolves(parts[2]):
            return _RAW_NOT_FOUND
        data = repo.file("/".join(parts[3:]))
        if data is None:
            return _RAW_NOT_FOUND
        return _Answer(
            200, data, resource=None, content_type=TEXT_TYPE, cache_control="max-age=300"
        )

    def _contents(self, repo: CatalogRepo, path: str, accept: str) -> _Answer:
        """``/contents/{path}`` (and ``/readme``): base64 JSON, or raw bytes when asked."""
        data = repo.file(path)
        if data is None:
            return _error(404, _NOT_FOUND)
        if ".raw" in accept:
            return _Answer(200, data, content_type="application/vnd.github.raw")
        encoded = base64.encodebytes(data).decode()
        return _json(
            {
                "type": "file",
                "encoding": "base64",
                "size": len(data),
                "name": path.rpartition("/")[2],
                "path": path,
                "sha": git_blob_sha(data),
                "content": encoded,
                "download_url": None,
            }
        )


def _cache_control(max_age: str, request: httpx.Request) -> str:
    """GitHub's ``Cache-Control``: ``private`` for a caller with a token, ``public`` otherwise."""
    if not max_age.startswith("max-age=60") and max_age != _IMMUTABLE:
        return max_age  # no-cache (search, rate_limit) and the raw host's own
    return f"{'private' if 'authorization' in request.headers else 'public'}, {max_age}"


def _int(text: str | None, default: int) -> int:
    """A query parameter as a whole number, or the default."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _links(url: httpx.URL, page: int, last: int) -> str:
    """GitHub's ``Link`` header for a page of ``last`` pages ('' when there is only one)."""
    rels = []
    if page < last:
        rels += [("next", page + 1), ("last", last)]
    if page > 1:
        rels += [("prev", min(page - 1, last)), ("first", 1)]
    return ", ".join(f'<{url.copy_set_param("page", str(n))}>; rel="{rel}"' for rel, n in rels)
