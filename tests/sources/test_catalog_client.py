"""End to end: the real GitHubClient (cache, budget, parsers) and GitHubSource on the catalog."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tui.analysis.manifests import parse_manifest
from tui.analysis.report import RepoReport
from tui.github.client import GitHubClient
from tui.github.errors import NotFound, ValidationFailed
from tui.github.settings import ClientSettings
from tui.sources.catalog import (
    CATALOG_API_URL,
    CatalogTransport,
    catalog_client,
    catalog_settings,
    load_catalog,
)
from tui.sources.catalog_data import Catalog
from tui.sources.github import GitHubSource

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev"


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(params=["https://api.github.com", "http://ghe.example/api/v3", "catalog"])
async def client(
    catalog: Catalog, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[GitHubClient]:
    """A client on the catalog: with GitHub's URLs, an Enterprise layout, or the catalog's own."""
    if request.param == "catalog":
        built = catalog_client(ClientSettings(cache_dir=tmp_path, offline=True), catalog)
    else:
        settings = ClientSettings(api_url=request.param, cache_dir=tmp_path)
        built = GitHubClient(settings, transport=CatalogTransport(catalog))
    async with built as client:
        yield client


def test_catalog_settings_keep_the_cache_apart_from_githubs(tmp_path: Path) -> None:
    settings = catalog_settings(ClientSettings(cache_dir=tmp_path, offline=True))
    assert settings.api_base == CATALOG_API_URL
    assert settings.host != ClientSettings().host
    assert settings.resolved_raw_url.startswith(f"https://{settings.host}/")
    assert settings.cache_dir == tmp_path
    assert not settings.offline


async def test_search_through_the_client(client: GitHubClient, catalog: Catalog) -> None:
    page = await client.search_repositories("language:python", sort="stars", per_page=2)
    expected = [r for r in catalog.repos if r.meta["language"] == "Python"]
    assert page.total_count == len(expected)
    assert len(page.items) == 2
    assert page.has_next
    assert all(item.primary_language == "Python" for item in page.items)
    rest = await client.search_repositories("language:python", sort="stars", per_page=2, page=3)
    assert not rest.has_next
    budget = client.budget.get("search")
    assert budget is not None
    assert budget.remaining > 0


async def test_bad_query_is_githubs_validation_error(client: GitHubClient) -> None:
    with pytest.raises(ValidationFailed):
        await client.search_repositories("colour:red")


async def test_repository_languages_tree_and_files(client: GitHubClient, catalog: Catalog) -> None:
    for entry in catalog.repos:
        repo = await client.repo(entry.full_name)
        assert repo.full_name == entry.full_name
        assert (await client.languages(entry.full_name)).bytes_by_language == entry.languages
        tree = await client.tree(entry.full_name, repo.default_branch or "HEAD")
        assert len(tree.entries) == len(entry.entries)
        for path, facts in entry.manifests.items():
            content = await client.file(entry.full_name, entry.commit_sha, path)
            names = {dep.name for dep in parse_manifest(path, content.data).dependencies}
            assert names == {dep.name for dep in facts.dependencies}


async def test_a_repeat_is_answered_from_the_cache(client: GitHubClient, catalog: Catalog) -> None:
    name = catalog.repos[0].full_name
    await client.languages(name)
    again = await client.languages(name)
    assert again.info is not None
    assert again.info.from_cache


async def test_unknown_repository_is_not_found(client: GitHubClient) -> None:
    with pytest.raises(NotFound):
        await client.repo("nobody-here/nothing")


async def test_activity_and_rate_limit(client: GitHubClient, catalog: Catalog) -> None:
    with pytest.raises(NotFound):  # the catalog has no statistics: unknown, not "no commits"
        await client.commit_activity(catalog.repos[0].full_name)
    buckets = await client.rate_limit()
    assert buckets["core"].remaining > 0


async def _final(source: GitHubSource, full_name: str) -> RepoReport:
    reports = [report async for report in source.report(full_name)]
    assert reports
    return reports[-1]


async def test_reports_find_the_labelled_frameworks(client: GitHubClient, catalog: Catalog) -> None:
    """Every ``must`` label of the corpus is detected through the catalog (facts suffice)."""
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    source = GitHubSource(client, kind="catalog")
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "frameworks.json").exists()):
        labels = json.loads((folder / "frameworks.json").read_text())
        full_name = json.loads((folder / "repo.json").read_text())["full_name"]
        report = await _final(source, full_name)
        assert report.languages
        assert report.frameworks is not None
        found = {framework.name for framework in report.frameworks}
        must = {_label(item) for item in labels.get("must", [])}
        must_not = {_label(item) for item in labels.get("must_not", [])}
        assert must <= found, f"{full_name}: missing {must - found}"
        assert not (must_not & found), f"{full_name}: false positives {must_not & found}"


def _label(item: object) -> str:
    """A label's display name (labels are names or objects with a ``name``)."""
    return item if isinstance(item, str) else str(item["name"])  # type: ignore[index]
