"""CatalogTransport answers like GitHub: shapes, ETags and 304s, errors, paging, rate headers."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tui.analysis.manifests import parse_manifest
from tui.sources.catalog import CATALOG_HEADER, CatalogTransport, load_catalog
from tui.sources.catalog_data import Catalog, CatalogRepo

API = "https://api.github.com"
RAW = "https://raw.githubusercontent.com"
RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used")


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
async def http(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=CatalogTransport(catalog), base_url=API) as client:
        yield client


def _some_repo(catalog: Catalog) -> CatalogRepo:
    """A repository with manifests, so every endpoint has something to say."""
    return next(repo for repo in catalog.repos if repo.manifests)


def _check_repo_shape(item: dict[str, Any]) -> None:
    """The keys and JSON types of GitHub's repository object (github-api.md §6-7)."""
    assert "id" in item
    owner, _, name = item["full_name"].partition("/")
    assert item["name"] == name
    assert item["owner"]["login"] == owner
    assert item["html_url"] == f"https://github.com/{item['full_name']}"
    for key in ("stargazers_count", "forks_count", "open_issues_count"):
        assert item[key] is None or isinstance(item[key], int)
    for key in ("description", "language", "pushed_at", "created_at"):
        assert item[key] is None or isinstance(item[key], str)
    assert isinstance(item["topics"], list)
    assert isinstance(item["license"]["spdx_id"], str)
    assert isinstance(item["license"]["name"], str)
    assert isinstance(item["default_branch"], str)
    assert isinstance(item["archived"], bool)
    assert isinstance(item["fork"], bool)
    assert isinstance(item["size"], int)


async def test_search_answers_githubs_shape(http: httpx.AsyncClient, catalog: Catalog) -> None:
    response = await http.get("/search/repositories", params={"q": "is:public"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-ratelimit-resource"] == "search"
    assert response.headers[CATALOG_HEADER] == catalog.data_date
    body = response.json()
    assert body["total_count"] == len(catalog.repos)
    assert body["incomplete_results"] is False
    assert len(body["items"]) == len(catalog.repos)
    for item in body["items"]:
        _check_repo_shape(item)
        assert isinstance(item["score"], float)


async def test_search_pages_are_linked_until_the_last(
    http: httpx.AsyncClient, catalog: Catalog
) -> None:
    url: str | None = f"{API}/search/repositories?q=is%3Apublic&per_page=3"
    seen: list[str] = []
    pages = 0
    while url is not None:
        response = await http.get(url)
        seen += [item["full_name"] for item in response.json()["items"]]
        links = response.links
        url = links["next"]["url"] if "next" in links else None
        pages += 1
        if pages > 1:
            assert "prev" in links
            assert "first" in links
    assert pages == -(-len(catalog.repos) // 3)
    assert sorted(seen) == sorted(repo.full_name for repo in catalog.repos)


async def test_search_sorts_by_stars(http: httpx.AsyncClient) -> None:
    response = await http.get(
        "/search/repositories", params={"q": "is:public", "sort": "stars", "order": "asc"}
    )
    stars = [item["stargazers_count"] for item in response.json()["items"]]
    known = [count for count in stars if count is not None]
    assert known == sorted(known)
    assert stars[: len(known)] == known  # unknown figures last


async def test_search_honours_qualifiers(http: httpx.AsyncClient, catalog: Catalog) -> None:
    language = _some_repo(catalog).meta["language"]
    response = await http.get("/search/repositories", params={"q": f'language:"{language}"'})
    items = response.json()["items"]
    assert items
    assert {item["language"] for item in items} == {language}


@pytest.mark.parametrize(
    ("params", "code"),
    [({"q": "colour:red"}, "invalid"), ({"q": '"open'}, "invalid"), ({}, "missing")],
)
async def test_bad_search_is_a_422_validation_failure(
    http: httpx.AsyncClient, params: dict[str, str], code: str
) -> None:
    response = await http.get("/search/repositories", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["message"] == "Validation Failed"
    assert body["errors"][0]["resource"] == "Search"
    assert body["errors"][0]["field"] == "q"
    assert body["errors"][0]["code"] == code


async def test_repository_and_languages(http: httpx.AsyncClient, catalog: Catalog) -> None:
    repo = _some_repo(catalog)
    response = await http.get(f"/repos/{repo.full_name}")
    _check_repo_shape(response.json())
    assert response.headers["x-ratelimit-resource"] == "core"
    response = await http.get(f"/repos/{repo.full_name.upper()}/languages")
    languages = response.json()
    assert languages == repo.languages
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in languages.items())


async def test_trees_by_branch_sha_and_subtree(http: httpx.AsyncClient, catalog: Catalog) -> None:
    repo = max(catalog.repos, key=lambda r: len(r.entries))
    base = f"/repos/{repo.full_name}/git/trees"
    full = (await http.get(f"{base}/{repo.default_branch}?recursive=1")).json()
    assert full["sha"] == repo.tree_sha
    assert full["truncated"] is False
    assert len(full["tree"]) == len(repo.entries)
    for entry in full["tree"]:
        assert {"path", "mode", "type", "sha"} <= entry.keys()
        assert ("size" in entry) == (entry["type"] == "blob")
    by_sha = (await http.get(f"{base}/{repo.commit_sha}?recursive=1")).json()
    assert by_sha == full
    top = (await http.get(f"{base}/{repo.default_branch}")).json()
    assert top["tree"]
    assert all("/" not in entry["path"] for entry in top["tree"])
    subtree = next(entry for entry in top["tree"] if entry["type"] == "tree")
    inner = (await http.get(f"{base}/{subtree['sha']}?recursive=1")).json()
    expected = [e for e in full["tree"] if e["path"].startswith(subtree["path"] + "/")]
    assert [e["path"] for e in inner["tree"]] == [
        e["path"].removeprefix(subtree["path"] + "/") for e in expected
    ]
    assert (await http.get(f"{base}/{'0' * 40}")).status_code == 404


async def test_if_none_match_gets_a_free_304(http: httpx.AsyncClient, catalog: Catalog) -> None:
    path = f"/repos/{_some_repo(catalog).full_name}/languages"
    first = await http.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    again = await http.get(path, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["x-ratelimit-used"] == first.headers["x-ratelimit-used"]
    strong = await http.get(path, headers={"if-none-match": f'"other", {etag[2:]}'})
    assert strong.status_code == 304
    other = await http.get(path, headers={"if-none-match": 'W/"other"'})
    assert other.status_code == 200
    assert int(other.headers["x-ratelimit-used"]) == int(first.headers["x-ratelimit-used"]) + 1


@pytest.mark.parametrize(
    "path",
    [
        "/repos/nobody-here/nothing",
        "/repos/nobody-here/nothing/languages",
        "/repos/{repo}/no-such-endpoint",
        "/repos/{repo}/",
        "/users/octocat",
    ],
)
async def test_unknown_things_are_githubs_404(
    http: httpx.AsyncClient, catalog: Catalog, path: str
) -> None:
    response = await http.get(path.format(repo=_some_repo(catalog).full_name))
    assert response.status_code == 404
    body = response.json()
    assert body["message"] == "Not Found"
    assert isinstance(body["documentation_url"], str)
    assert body["status"] == "404"


async def test_rate_headers_never_run_out(http: httpx.AsyncClient) -> None:
    for _ in range(45):
        response = await http.get("/search/repositories", params={"q": "is:public"})
        assert all(name in response.headers for name in RATE_HEADERS)
        assert int(response.headers["x-ratelimit-remaining"]) >= 1
        assert int(response.headers["x-ratelimit-reset"]) > 0


async def test_rate_limit_lists_the_buckets(http: httpx.AsyncClient) -> None:
    body = (await http.get("/rate_limit")).json()
    assert {"core", "search", "graphql"} <= body["resources"].keys()
    assert body["resources"]["core"]["remaining"] > 0
    assert body["resources"]["graphql"]["limit"] == 0  # no token, no GraphQL
    assert body["rate"] == body["resources"]["core"]
    authorised = await http.get("/rate_limit", headers={"authorization": "Bearer x"})
    assert authorised.json()["resources"]["graphql"]["limit"] > 0


async def test_statistics_are_not_claimed(http: httpx.AsyncClient, catalog: Catalog) -> None:
    repo = _some_repo(catalog)
    response = await http.get(f"/repos/{repo.full_name}/stats/commit_activity")
    assert response.status_code == 404  # unknown, not "no commits" (204)


@pytest.mark.parametrize(
    ("api", "raw"),
    [
        (API, RAW),
        ("http://ghe.example:8080/api/v3", "http://ghe.example:8080/raw"),
        ("http://127.0.0.1:1", "http://raw.ghe.example"),
    ],
)
async def test_every_host_layout_is_served(
    http: httpx.AsyncClient, catalog: Catalog, api: str, raw: str
) -> None:
    repo = _some_repo(catalog)
    path = next(iter(repo.manifests))
    assert (await http.get(f"{api}/repos/{repo.full_name}")).status_code == 200
    response = await http.get(f"{raw}/{repo.full_name}/{repo.default_branch}/{path}")
    assert response.status_code == 200
    assert "x-ratelimit-remaining" not in response.headers  # the raw host has no budget
    assert response.headers["content-type"].startswith("text/plain")


async def test_raw_manifests_reparse_to_the_same_facts(
    http: httpx.AsyncClient, catalog: Catalog
) -> None:
    checked = 0
    for repo in catalog.repos:
        for path, facts in repo.manifests.items():
            response = await http.get(f"{RAW}/{repo.full_name}/{repo.commit_sha}/{path}")
            manifest = parse_manifest(path, response.content)
            assert manifest.problems == ()
            assert manifest.package_name == facts.package_name
            assert manifest.includes == facts.includes
            got = sorted((dep.name, str(dep.scope)) for dep in manifest.dependencies)
            assert got == sorted((dep.name, dep.scope) for dep in facts.dependencies), path
            checked += 1
    assert checked > 0


async def test_known_lines_land_on_their_line_numbers(
    http: httpx.AsyncClient, catalog: Catalog
) -> None:
    repo = next(repo for repo in catalog.repos if repo.text_facts)
    for path, lines in repo.text_facts.items():
        text = (await http.get(f"{RAW}/{repo.full_name}/HEAD/{path}")).text.splitlines()
        for number, line in lines:
            assert text[number - 1] == line
        assert sum(1 for line in text if line) == len(lines)  # nothing else in the file


async def test_files_without_facts_are_404_on_the_raw_host(
    http: httpx.AsyncClient, catalog: Catalog
) -> None:
    repo = _some_repo(catalog)
    blob = next(e.path for e in repo.entries if e.type == "blob" and e.path not in repo.manifests)
    for url in (
        f"{RAW}/{repo.full_name}/{repo.default_branch}/{blob}",
        f"{RAW}/{repo.full_name}/no-such-branch/{next(iter(repo.manifests))}",
        f"{RAW}/nobody-here/nothing/main/README.md",
    ):
        response = await http.get(url)
        assert response.status_code == 404
        assert response.text == "404: Not Found"


async def test_readme_and_contents(http: httpx.AsyncClient, catalog: Catalog) -> None:
    repo = next(
        r for r in catalog.repos if any(p.lower().startswith("readme") for p in r.text_facts)
    )
    body = (await http.get(f"/repos/{repo.full_name}/readme")).json()
    assert body["type"] == "file"
    assert body["encoding"] == "base64"
    assert base64.b64decode(body["content"]) == repo.file(body["path"])
    bare = next(r for r in catalog.repos if not r.text_facts)
    assert (await http.get(f"/repos/{bare.full_name}/readme")).status_code == 404
    path = next(iter(bare.manifests))
    raw = await http.get(
        f"/repos/{bare.full_name}/contents/{path}",
        params={"ref": bare.commit_sha},
        headers={"accept": "application/vnd.github.raw+json"},
    )
    assert raw.content == bare.file(path)


async def test_cache_headers_follow_githubs(http: httpx.AsyncClient, catalog: Catalog) -> None:
    repo = _some_repo(catalog)
    anonymous = await http.get(f"/repos/{repo.full_name}")
    assert anonymous.headers["cache-control"].startswith("public, max-age=60")
    with_token = await http.get(
        f"/repos/{repo.full_name}",
        headers={"authorization": "Bearer x", "x-github-api-version": "2026-03-10"},
    )
    assert with_token.headers["cache-control"].startswith("private, max-age=60")
    assert with_token.headers["x-github-api-version-selected"] == "2026-03-10"
    by_sha = await http.get(f"/repos/{repo.full_name}/git/trees/{repo.commit_sha}")
    assert "max-age=86400" in by_sha.headers["cache-control"]
    search = await http.get("/search/repositories", params={"q": "is:public"})
    assert search.headers["cache-control"] == "no-cache"
