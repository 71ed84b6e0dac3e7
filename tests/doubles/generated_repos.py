"""Hundreds of generated repositories for the fake GitHub, and search routes that read qualifiers.

``populate`` adds repositories of many kinds (Python ML and web, JavaScript, a pnpm monorepo,
Rust, Go, Java, Dart, Ruby, C++ without a manifest), each with real manifest files written the
way those ecosystems write them, languages by bytes, stars spread over five orders of magnitude,
topics and creation dates from 2010 to 2025. ``install`` answers REST and GraphQL searches with
GitHub's qualifiers (``language:``, ``topic:``, ``stars:``, ``created:``, ``user:``/``org:``),
most-starred first, and GitHub's cap: 1,000 results per query, a 422 for a page past it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tests.doubles.generated_kinds import KINDS
from tests.doubles.github_server import FakeRepo, GitHubServer, Reply, Request
from tests.doubles.graphql_route import PATH, GraphQLRoute, _cursor, _offset

CAP = 1000
API = "/api/v3"


@dataclass(frozen=True)
class Generated:
    """What ``populate`` made: names in creation order and the frameworks each should show."""

    names: list[str]
    expected: dict[str, list[str]]


def populate(
    server: GitHubServer, count: int, *, seed: int = 12, word: str = "census"
) -> Generated:
    """Add ``count`` generated repositories whose descriptions all hold ``word``."""
    rng = random.Random(seed)
    first = date(2010, 1, 1)
    names, expected = [], {}
    for index in range(count):
        topic, mix, frameworks, files_for = KINDS[index % len(KINDS)]
        owner = f"org{index % 37:02d}"
        name = f"{owner}/{topic}-{index:04d}"
        scale = rng.randint(2_000, 400_000)
        languages = {lang: share * scale for lang, share in mix.items()}
        files = {"README.md": f"# {name}\n".encode(), **files_for(f"{topic}-{index:04d}")}
        created = first + timedelta(days=rng.randrange(16 * 365))
        server.add_repo(
            name,
            files=files,
            languages=languages,
            description=f"A {word} fixture about {topic}",
            stargazers_count=int(10 ** rng.uniform(0, 5)),
            topics=[topic, "generated"],
            created_at=f"{created.isoformat()}T09:00:00Z",
            language=max(mix, key=lambda k: mix[k]),
        )
        names.append(name)
        expected[name] = frameworks
    return Generated(names, expected)


_RANGE = re.compile(r"^(>=|<=|>|<)?([^.]+)(?:\.\.(.+))?$")


def _compare(value: Any, spec: str, cast: Callable[[str], Any]) -> bool:
    """GitHub's ``>N``, ``>=N``, ``<N``, ``<=N``, ``A..B`` and ``N`` forms."""
    found = _RANGE.match(spec)
    if found is None or value is None:
        return False
    op, low, high = found.groups()
    low_v = cast(low) if low != "*" else None
    if high is not None:
        high_v = cast(high) if high != "*" else None
        return (low_v is None or value >= low_v) and (high_v is None or value <= high_v)
    tests = {">": value > low_v, ">=": value >= low_v, "<": value < low_v, "<=": value <= low_v}
    return bool(tests[op] if op else value == low_v)


def _day(text: str) -> str:
    return text[:10]


def matches(repo: FakeRepo, q: str) -> bool:
    """Whether a repository matches a query, reading the qualifiers the census uses."""
    meta, name = repo.meta, repo.meta["full_name"].lower()
    for word in q.split():
        key, _, value = word.partition(":")
        key, value = key.lower(), value.lower()
        if not value:
            if word.lower() not in f"{name} {meta.get('description') or ''}".lower():
                return False
        elif key in ("user", "org") and not name.startswith(value + "/"):
            return False
        elif key == "language" and (meta.get("language") or "").lower() != value:
            return False
        elif key == "topic" and value not in meta.get("topics", []):
            return False
        elif key == "stars" and not _compare(meta.get("stargazers_count"), value, int):
            return False
        elif key == "created" and not _compare(_day(meta.get("created_at") or ""), value, _day):
            return False
    return True


def search(server: GitHubServer, q: str) -> list[FakeRepo]:
    """Every match, most-starred first (the census always sorts by stars)."""
    hits = [repo for repo in list(server.repos.values()) if matches(repo, q)]
    hits.sort(key=lambda r: (-(r.meta.get("stargazers_count") or 0), r.meta["full_name"]))
    return hits


def _rest_search(server: GitHubServer) -> Callable[[Request], Reply]:
    def route(req: Request) -> Reply:
        q = req.query.get("q", "").strip()
        per_page, page = int(req.query.get("per_page", 30)), int(req.query.get("page", 1))
        if page * per_page > CAP:
            message = "Only the first 1000 search results are available"
            return Reply(
                422,
                {
                    "message": message,
                    "status": "422",
                    "errors": [{"message": message, "code": "invalid"}],
                },
            )
        hits = search(server, q)
        items = [dict(r.meta, score=1.0) for r in hits[(page - 1) * per_page : page * per_page]]
        headers = {"cache-control": "no-cache"}
        if page * per_page < min(len(hits), CAP):
            headers["link"] = f'<{API}/search/repositories?q={q}&page={page + 1}>; rel="next"'
        body = {"total_count": len(hits), "incomplete_results": False, "items": items}
        return Reply(200, body, headers)

    return route


class CensusGraphQL(GraphQLRoute):
    """The GraphQL responder with qualifiers and the 1,000-result cap."""

    def _data(self, query: str, variables: dict[str, Any], token: str | None) -> dict[str, Any]:
        hits = search(self.server, str(variables.get("q") or ""))
        first = int(variables.get("first") or 10)
        start = _offset(variables.get("after"))
        page = hits[start : min(start + first, CAP)]
        end = start + len(page)
        data: dict[str, Any] = {
            "search": {
                "repositoryCount": len(hits),
                "pageInfo": {"hasNextPage": end < min(len(hits), CAP), "endCursor": _cursor(end)},
                "nodes": [self._node(repo, query) for repo in page],
            }
        }
        if "rateLimit" in query:
            data["rateLimit"] = self._rate(token)
        return data


def install(server: GitHubServer) -> CensusGraphQL:
    """Answer searches (REST and GraphQL) with qualifiers and the cap; returns the GraphQL route."""
    server.script("GET", f"{API}/search/repositories", _rest_search(server), sticky=True)
    route = CensusGraphQL(server)
    server.script("POST", PATH, route, sticky=True)
    return route
