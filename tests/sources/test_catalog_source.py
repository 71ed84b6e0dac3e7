"""CatalogSource: the demo catalog searched and described from its facts, with nothing sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.doubles.graphql_route import collect
from tui.github.errors import NotFound, ValidationFailed
from tui.sources.catalog import Catalog, CatalogSource, NotInCatalog, load_catalog
from tui.sources.router import Router

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus" / "dev"


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


async def test_search_pages_the_catalog(catalog: Catalog) -> None:
    source = CatalogSource(catalog)
    first = await source.search("language:python", sort="stars", per_page=2)
    expected = [r for r in catalog.repos if r.info.primary_language == "Python"]
    assert first.total_count == len(expected) > 2
    assert len(first.items) == 2
    assert first.has_next
    assert first.offline
    assert all(item.primary_language == "Python" for item in first.items)
    stars = [item.stars or 0 for item in first.items]
    assert stars == sorted(stars, reverse=True)
    last = await source.search("language:python", sort="stars", per_page=2, page=3)
    assert not last.has_next


async def test_a_bad_query_is_a_validation_error() -> None:
    with pytest.raises(ValidationFailed):
        await CatalogSource().search("colour:red")


async def test_every_repository_has_a_complete_report(catalog: Catalog) -> None:
    source = CatalogSource(catalog)
    for repo in catalog.repos:
        reports = [r async for r in source.report(repo.full_name.upper())]  # case-insensitive
        assert len(reports) == 1  # facts: everything at once
        report = reports[0]
        assert report.info == repo.info
        assert report.source.kind == "catalog"
        assert report.languages is not None
        assert sum(s.bytes for s in report.languages) == sum(repo.languages.values())
        assert report.frameworks is not None


async def test_another_repository_is_not_in_the_demo_catalog() -> None:
    with pytest.raises(NotInCatalog) as raised:
        await collect(CatalogSource(), "nobody-here/nothing")
    assert isinstance(raised.value, NotFound)  # exit code 3, like any unknown repository
    assert raised.value.user_message == "nobody-here/nothing is not in the demo catalog."


async def test_the_demo_router_answers_from_the_catalog_alone(catalog: Catalog) -> None:
    demo = Router(None, CatalogSource(catalog))
    assert await demo.clear_cache() == 0
    found = await demo.search("is:public", sort="stars")
    assert found.total_count == len(catalog.repos)
    with pytest.raises(NotInCatalog):
        await demo.activity(catalog.repos[0].full_name)  # unknown, which is not "no commits"
    with pytest.raises(NotInCatalog):
        await collect(demo, "torvalds/linux")


async def test_reports_find_the_labelled_frameworks(catalog: Catalog) -> None:
    """Every ``must`` label of the corpus is detected from the catalog's facts, no ``must_not``."""
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS}")
    source = CatalogSource(catalog)
    for folder in sorted(p for p in CORPUS.iterdir() if (p / "frameworks.json").exists()):
        labels = json.loads((folder / "frameworks.json").read_text())
        full_name = json.loads((folder / "repo.json").read_text())["full_name"]
        report = await collect(source, full_name)
        found = {framework.name for framework in report.frameworks or ()}
        must = {_label(item) for item in labels.get("must", [])}
        must_not = {_label(item) for item in labels.get("must_not", [])}
        assert must <= found, f"{full_name}: missing {must - found}"
        assert not (must_not & found), f"{full_name}: false positives {must_not & found}"


def _label(item: object) -> str:
    """A label's display name (labels are names or objects with a ``name``)."""
    return item if isinstance(item, str) else str(item["name"])  # type: ignore[index]
