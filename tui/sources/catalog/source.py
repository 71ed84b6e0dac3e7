"""CatalogSource: the bundled demo catalog as a ``RepoSource``, built straight from its facts.

Nothing is fetched and nothing imitates GitHub: a report is the catalog's metadata and Linguist
bytes, and frameworks from ``detect_from`` over the stored dependency facts and the file listing,
choosing what to read exactly as a GitHub report does (the same manifests, the same sampled
sources when the manifests are silent), so the demo tells the same story GitHub would.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING

from tui.analysis.frameworks import Detection, detect_from, manifests_to_fetch, sources_to_sample
from tui.analysis.languages import shares
from tui.analysis.manifests import MAX_BYTES, Manifest
from tui.analysis.notebooks import GITHUB_VIEW, notebook_view
from tui.analysis.report import RepoInfo, RepoReport, SourceInfo
from tui.analysis.root import named_files, names_primary, root_paths
from tui.github.errors import NotFound
from tui.sources.base import Activity, Readme, SearchResults, offline_results

if TYPE_CHECKING:  # the facts load with the catalog (see the package's docstring)
    from tui.sources.catalog.data import Catalog, CatalogRepo


class NotInCatalog(NotFound):
    """The demo catalog does not describe this repository."""


class CatalogSource:
    """Search and describe the repositories of one catalog (the bundled one by default)."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self._catalog = catalog

    @property
    def catalog(self) -> Catalog:
        """The catalog, loaded on first use (parsing it takes a moment: not at startup)."""
        if self._catalog is None:
            from tui.sources.catalog.data import load_catalog

            self._catalog = load_catalog()
        return self._catalog

    async def loaded(self) -> Catalog:
        """The catalog, loaded off the event loop the first time."""
        if self._catalog is None:
            from tui.sources.catalog.data import load_catalog

            self._catalog = await asyncio.to_thread(load_catalog)
        return self._catalog

    async def candidates(self) -> list[RepoInfo]:
        """Every repository of the catalog, for offline search."""
        return [repo.info for repo in (await self.loaded()).repos]

    async def has(self, full_name: str) -> bool:
        """Whether the catalog describes ``full_name``."""
        return (await self.loaded()).find(full_name) is not None

    async def search(
        self, query: str, *, sort: str | None = None, page: int = 1, per_page: int = 30
    ) -> SearchResults:
        """GitHub's search syntax over the catalog's repositories.

        Raises:
            ValidationFailed: A malformed query (one line saying why).
        """
        return offline_results(query, await self.candidates(), sort, page, per_page)

    async def report(
        self, full_name: str, *, hint: RepoInfo | None = None
    ) -> AsyncIterator[RepoReport]:
        """The whole report at once: metadata, languages and frameworks are all facts.

        Raises:
            NotInCatalog: The catalog does not describe ``full_name``.
        """
        repo = (await self.loaded()).find(full_name)
        if repo is None:
            raise NotInCatalog(f"{full_name} is not in the demo catalog.")
        yield catalog_report(repo)

    async def readme(self, full_name: str, ref: str | None = None) -> Readme | None:
        """The catalog keeps facts, never a README's text."""
        return None

    async def probe(self) -> bool:
        """The catalog is always there to show."""
        return True

    async def clear_cache(self) -> int:
        """The catalog has no cache: it spends nothing and is read from the package."""
        return 0

    async def aclose(self) -> None:
        """Nothing is held open."""

    async def activity(self, full_name: str) -> Activity:
        """The catalog holds no commit statistics: unknown, which is not "no commits".

        Raises:
            NotInCatalog: Always.
        """
        raise NotInCatalog(f"The demo catalog has no commit activity for {full_name}.")


def catalog_report(repo: CatalogRepo) -> RepoReport:
    """A catalogued repository's complete report."""
    view = notebook_view(repo.languages)  # bytes only, as GitHub gives: notebooks set apart
    apart = view.label != GITHUB_VIEW
    detection = detect(repo)
    return RepoReport(
        info=repo.info,
        languages=shares(repo.languages),
        frameworks=detection.frameworks,
        source=SourceInfo(kind="catalog"),
        notebook_view=view.shares if apart else None,
        notebook_label=view.label if apart else None,
        notebook_bytes=view.notebook_bytes,
        errors=detection.problems,
    )


def detect(repo: CatalogRepo) -> Detection:
    """Frameworks from the facts, reading what a GitHub report would read.

    First the root manifests alone, as a GitHub report reads them from the raw host; when they
    are not the whole story (``tui.analysis.root``), the manifests ``manifests_to_fetch`` picks
    from the listing (not those too big to parse), and only when those name no framework, the
    recorded import lines of the sources ``sources_to_sample`` picks.
    """
    paths = [path for path, _ in repo.files]
    oversized = {path for path, size in repo.files if size is not None and size > MAX_BYTES}
    readable = {p: m for p, m in repo.manifests.items() if p not in oversized}
    from_root = _from_root(repo, readable)
    if from_root is not None:
        return from_root
    chosen = manifests_to_fetch(paths, repo_name=repo.full_name)
    manifests = [readable[p] for p in chosen if p in readable]
    first = detect_from(manifests, paths, repo_name=repo.full_name)
    if not paths or not first.silent:
        return first
    samples = {
        path: _lines_text(repo.text_facts[path])
        for path in sources_to_sample(paths)
        if path in repo.text_facts
    }
    return detect_from(manifests, paths, samples, repo_name=repo.full_name)


def _from_root(repo: CatalogRepo, manifests: Mapping[str, Manifest]) -> Detection | None:
    """Detection from the root manifests (and the files they name), or None: list the tree."""
    root = [manifests[p] for p in root_paths(manifests)]
    named = named_files(root) if root else None
    if named is None:
        return None
    files = root + [manifests[p] for p in named if p in manifests]
    detection = detect_from(files, sorted(m.path for m in files), repo_name=repo.full_name)
    return detection if names_primary(detection) else None


def _lines_text(lines: Iterable[tuple[int, str]]) -> bytes:
    """The recorded lines of a source file, each on its own line number (evidence points there)."""
    out: list[str] = []
    for number, text in sorted(lines):
        out.extend([""] * (number - 1 - len(out)))
        out.append(text)
    return ("\n".join(out) + "\n").encode()
